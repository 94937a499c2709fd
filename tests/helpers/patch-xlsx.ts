// Test helper: change cell values in an .xlsx package, as a finance officer would by typing in Excel.

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Part name of a sheet, found through workbook.xml and its relationships. */
function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  const esc = escape(sheet).replace(/'/g, "&apos;");
  const m = new RegExp(
    `<sheet [^>]*name="(?:${escape(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})"[^>]*r:id="([^"]+)"`,
  ).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!rel || rel[1] === undefined) throw new Error(`no relationship for ${sheet}`);
  return rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
}

/** Column number (1-based) of a cell reference: `AB12` → 28. */
function columnNumber(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? "";
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/**
 * Inserts an empty cell `<c r="ref"/>` in its row (created when missing), in column order, as a user
 * typing into a blank cell makes Excel do.
 */
function insertCell(xml: string, ref: string): string {
  const rowNumber = Number(/\d+$/.exec(ref)?.[0]);
  const rowRe = new RegExp(`<row r="${rowNumber}"[^>]*?(?:/>|>([\\s\\S]*?)</row>)`);
  const m = rowRe.exec(xml);
  if (!m) {
    // A new row, placed before the first row below it.
    const rows = [...xml.matchAll(/<row r="(\d+)"/g)];
    const next = rows.find((r) => Number(r[1]) > rowNumber);
    const row = `<row r="${rowNumber}"><c r="${ref}"/></row>`;
    if (next?.index !== undefined) return xml.slice(0, next.index) + row + xml.slice(next.index);
    return xml
      .replace("</sheetData>", `${row}</sheetData>`)
      .replace("<sheetData/>", `<sheetData>${row}</sheetData>`);
  }
  const open = /^<row [^>]*?>/.exec(m[0])?.[0].replace(/\/>$/, ">") ?? `<row r="${rowNumber}">`;
  const body = m[1] ?? "";
  const cells = [...body.matchAll(/<c r="([A-Z]+\d+)"[\s\S]*?(?:\/>|<\/c>)/g)];
  const col = columnNumber(ref);
  const after = cells.find((c) => columnNumber(c[1] ?? "") > col);
  const cell = `<c r="${ref}"/>`;
  const newBody =
    after?.index !== undefined ? body.slice(0, after.index) + cell + body.slice(after.index) : body + cell;
  const spansFree = open.replace(/ spans="[^"]*"/, "");
  return xml.slice(0, m.index) + `${spansFree}${newBody}</row>` + xml.slice(m.index + m[0].length);
}

/**
 * Sets cells of a sheet to numbers, texts or formulas (`{ formula }`, without `=`), keeping each cell's style.
 * A cell missing from the sheet XML is created (unstyled), as typing into a blank cell does.
 */
export function patchCells(
  bytes: Uint8Array,
  sheet: string,
  values: Record<string, number | string | { readonly formula: string }>,
): Uint8Array {
  const files = unzipSync(bytes);
  const part = sheetPart(files, sheet);
  let xml = strFromU8(files[part] ?? new Uint8Array());
  for (const [ref, value] of Object.entries(values)) {
    const re = new RegExp(`<c r="${ref}"((?: [a-z]+="[^"]*")*?)(?:/>|>[\\s\\S]*?</c>)`);
    if (!re.test(xml)) xml = insertCell(xml, ref);
    const m = re.exec(xml);
    if (!m) throw new Error(`${sheet}!${ref} not found`);
    const style = /s="\d+"/.exec(m[1] ?? "")?.[0] ?? "";
    const cell =
      typeof value === "number"
        ? `<c r="${ref}" ${style}><v>${value}</v></c>`
        : typeof value === "string"
          ? `<c r="${ref}" ${style} t="inlineStr"><is><t>${escape(value)}</t></is></c>`
          : `<c r="${ref}" ${style}><f>${escape(value.formula)}</f></c>`;
    xml = xml.replace(re, cell);
  }
  files[part] = strToU8(xml);
  return zipSync(files);
}
