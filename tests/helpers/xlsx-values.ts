// Test helper: read the cell values (and formulas) of an .xlsx file, e.g. one recalculated by LibreOffice.

import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export type CellValue = number | string | boolean | null;

export interface CellInfo {
  /** Number, text, boolean; errors come back as their text ("#N/A", "#NAME?"); no <v> gives null. */
  value: CellValue;
  /** The `t` attribute as written ("n" when absent). */
  type: string;
  /** Formula text of <f>, without "=", when the cell has one (shared-formula children: ""). */
  formula?: string;
}

export type XlsxParts = Map<string, string>;

/** All parts of the package as text, keyed by part name without leading slash ("xl/workbook.xml"). */
export function readXlsxParts(xlsxPath: string): XlsxParts {
  const files = unzipSync(new Uint8Array(fs.readFileSync(xlsxPath)));
  const parts: XlsxParts = new Map();
  for (const [name, data] of Object.entries(files)) parts.set(name, strFromU8(data));
  return parts;
}

function parseXml(xml: string, part: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(`${part}: ${message}`);
    },
  }).parseFromString(xml, "text/xml");
}

/** Descendant elements with this local name, whatever namespace prefix the writer chose. */
function descendants(node: Document | Element, localName: string): Element[] {
  return Array.from(node.getElementsByTagNameNS("*", localName));
}

function children(node: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as Element).localName === localName) out.push(c as Element);
  }
  return out;
}

function firstChild(node: Element, localName: string): Element | undefined {
  return children(node, localName)[0];
}

/** Text of <t> runs of a shared string or inline string, skipping phonetic runs (<rPh>). */
function stringItemText(item: Element): string {
  let text = "";
  const visit = (el: Element): void => {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.localName === "rPh") continue;
      if (e.localName === "t") text += e.textContent ?? "";
      else visit(e);
    }
  };
  visit(item);
  return text;
}

const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  return path.posix.normalize(path.posix.join(baseDir, target));
}

/** Sheet name → worksheet part name, in workbook order. */
export function sheetParts(parts: XlsxParts): Map<string, string> {
  const workbookXml = parts.get("xl/workbook.xml");
  const relsXml = parts.get("xl/_rels/workbook.xml.rels");
  if (workbookXml === undefined || relsXml === undefined) throw new Error("not an xlsx: no xl/workbook.xml");
  const targets = new Map<string, string>();
  for (const rel of descendants(parseXml(relsXml, "workbook.xml.rels"), "Relationship")) {
    targets.set(rel.getAttribute("Id") ?? "", resolveTarget("xl", rel.getAttribute("Target") ?? ""));
  }
  const sheets = new Map<string, string>();
  for (const sheet of descendants(parseXml(workbookXml, "workbook.xml"), "sheet")) {
    const rid = sheet.getAttributeNS(REL_NS, "id") ?? "";
    const target = targets.get(rid);
    if (target === undefined) throw new Error(`sheet ${sheet.getAttribute("name")}: no relationship ${rid}`);
    sheets.set(sheet.getAttribute("name") ?? "", target);
  }
  return sheets;
}

function sharedStrings(parts: XlsxParts): string[] {
  const xml = parts.get("xl/sharedStrings.xml");
  if (xml === undefined) return [];
  const root = parseXml(xml, "sharedStrings.xml").documentElement;
  return root ? children(root, "si").map(stringItemText) : [];
}

function cellValue(c: Element, type: string, strings: string[]): CellValue {
  if (type === "inlineStr") {
    const is = firstChild(c, "is");
    return is ? stringItemText(is) : null;
  }
  const v = firstChild(c, "v");
  if (!v) return null;
  const raw = v.textContent ?? "";
  switch (type) {
    case "s": {
      const s = strings[Number(raw)];
      if (s === undefined) throw new Error(`shared string ${raw} out of range`);
      return s;
    }
    case "str":
    case "e":
      return raw;
    case "b":
      return raw === "1" || raw === "true";
    default:
      return Number(raw);
  }
}

/** Sheet name → (A1 reference → cell details). */
export function readXlsxCells(xlsxPath: string): Map<string, Map<string, CellInfo>> {
  const parts = readXlsxParts(xlsxPath);
  const strings = sharedStrings(parts);
  const result = new Map<string, Map<string, CellInfo>>();
  for (const [name, part] of sheetParts(parts)) {
    const xml = parts.get(part);
    if (xml === undefined) throw new Error(`sheet ${name}: missing part ${part}`);
    const cells = new Map<string, CellInfo>();
    for (const c of descendants(parseXml(xml, part), "c")) {
      const ref = c.getAttribute("r");
      if (!ref) continue;
      const type = c.getAttribute("t") || "n";
      const info: CellInfo = { value: cellValue(c, type, strings), type };
      const f = firstChild(c, "f");
      if (f) info.formula = f.textContent ?? "";
      cells.set(ref, info);
    }
    result.set(name, cells);
  }
  return result;
}

/** Sheet name → (A1 reference → value). */
export function readXlsxValues(xlsxPath: string): Map<string, Map<string, CellValue>> {
  const result = new Map<string, Map<string, CellValue>>();
  for (const [sheet, cells] of readXlsxCells(xlsxPath)) {
    result.set(sheet, new Map(Array.from(cells, ([ref, info]) => [ref, info.value])));
  }
  return result;
}
