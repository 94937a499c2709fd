/**
 * `docProps/app.xml` (extended properties) after a run: its sheet list (`HeadingPairs` and
 * `TitlesOfParts`) is rebuilt from the workbook as written, so that it never lists one sheet while the
 * workbook holds nine (some Excel versions repair a file whose `HeadingPairs` counts disagree with
 * `TitlesOfParts`). Everything else in the part stays as the user's producer wrote it.
 *
 * The list is rebuilt the way Excel writes it: one group per kind of sheet (worksheets, chart sheets,
 * dialog sheets, macro sheets), then the named ranges: the defined names that are not hidden, a
 * sheet-scoped one as `Sheet!Name`, the built-in `_xlnm.Print_Area` and `_xlnm.Print_Titles` as
 * `Print_Area` and `Print_Titles`, the other built-in names (`_xlnm._FilterDatabase`…) left out. Each
 * group keeps the label the input gave it (Excel writes them in its own language: « Feuilles de
 * calcul », « Plages nommées »); a group the input did not have takes the label in the language of the
 * input's other labels, else in the report's.
 *
 * A part without a sheet list (LibreOffice writes none) is left as it is: it lists nothing that could
 * be wrong. A package without `docProps/app.xml` gets none.
 */

import type { Document, Element } from "@xmldom/xmldom";
import type { Lang } from "../../core";
import type { DefinedNameInfo, SheetType } from "./read";
import { childElement, childElements, parseXml, rootOf, serializeXml, XmlParseError } from "./xml";

/** Namespace of the variant types (`vt:vector`, `vt:lpstr`) of document properties. */
export const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/** A kind of group in `HeadingPairs`. */
type GroupKind = SheetType | "names";

const GROUP_ORDER: readonly GroupKind[] = ["worksheet", "chartsheet", "dialogsheet", "macrosheet", "names"];

/** Excel's labels, by the language of its user interface. */
const LABELS: Readonly<Record<Lang, Readonly<Record<GroupKind, string>>>> = {
  en: {
    worksheet: "Worksheets",
    chartsheet: "Charts",
    dialogsheet: "Dialog Sheets",
    macrosheet: "Excel 4.0 Macros",
    names: "Named Ranges",
  },
  fr: {
    worksheet: "Feuilles de calcul",
    chartsheet: "Graphiques",
    dialogsheet: "Feuilles de dialogue",
    macrosheet: "Macros Excel 4.0",
    names: "Plages nommées",
  },
};

/** A sheet of the workbook, in tab order. */
export interface AppSheet {
  readonly name: string;
  readonly type: SheetType;
}

/** One group of the sheet list: a label and its titles. */
interface Group {
  readonly label: string;
  readonly titles: readonly string[];
}

/** A sheet name as a reference prefix: quoted unless it is a plain name Excel writes unquoted. */
function sheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * The named ranges Excel lists: visible defined names, built-in ones only for the print area and
 * titles, each sheet-scoped one prefixed with its sheet.
 *
 * @param names - the workbook's defined names
 * @param sheets - the workbook's sheets, in tab order (localSheetId is a position among them)
 * @returns the titles, in the order of the names
 */
export function namedRangeTitles(names: readonly DefinedNameInfo[], sheets: readonly AppSheet[]): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (n.hidden) continue;
    let shown = n.name;
    if (/^_xlnm\./i.test(shown)) {
      const builtin = shown.slice("_xlnm.".length);
      if (!/^(Print_Area|Print_Titles)$/i.test(builtin)) continue;
      shown = builtin;
    }
    if (n.localSheetId === undefined) out.push(shown);
    else {
      const sheet = sheets[n.localSheetId];
      if (sheet !== undefined) out.push(`${sheetPrefix(sheet.name)}!${shown}`);
    }
  }
  return out;
}

function vtChildren(el: Element | undefined): Element[] {
  if (!el) return [];
  const vector = childElements(el, "vector")[0];
  return vector ? childElements(vector) : [];
}

/** The groups of an existing sheet list (label, titles), as far as its counts allow. */
function groupsOf(headingPairs: Element | undefined, titlesOfParts: Element | undefined): Group[] {
  const variants = vtChildren(headingPairs);
  const titles = vtChildren(titlesOfParts).map((t) => t.textContent ?? "");
  const groups: Group[] = [];
  let at = 0;
  for (let i = 0; i + 1 < variants.length; i += 2) {
    const label = childElements(variants[i] as Element)[0]?.textContent ?? "";
    const count = Number(childElements(variants[i + 1] as Element)[0]?.textContent ?? "");
    if (!Number.isInteger(count) || count < 0) break;
    groups.push({ label, titles: titles.slice(at, at + count) });
    at += count;
  }
  return groups;
}

/**
 * The kind of an input group: the type of the input's sheets its titles name, else named ranges when
 * a title is `Sheet!Name` or one of the input's named ranges; null when nothing says.
 */
function kindOf(group: Group, sheets: readonly AppSheet[], names: ReadonlySet<string>): GroupKind | null {
  for (const type of GROUP_ORDER) {
    if (type === "names") continue;
    if (group.titles.some((t) => sheets.some((s) => s.type === type && s.name === t))) return type;
  }
  if (group.titles.some((t) => t.includes("!") || names.has(t))) return "names";
  return null;
}

/** The language of a set of labels, when one of them is one of Excel's. */
function languageOf(labels: readonly string[]): Lang | null {
  for (const lang of ["fr", "en"] as const) {
    const known = Object.values(LABELS[lang]);
    if (labels.some((l) => known.includes(l))) return lang;
  }
  return null;
}

function setVector(
  doc: Document,
  parent: Element,
  baseType: string,
  items: readonly [string, string][],
): void {
  for (const old of childElements(parent)) parent.removeChild(old);
  const prefix = parent.lookupPrefix(NS_VT) ?? "vt";
  const q = (local: string): string => `${prefix}:${local}`;
  const vector = doc.createElementNS(NS_VT, q("vector"));
  vector.setAttribute("size", String(items.length));
  vector.setAttribute("baseType", baseType);
  for (const [type, value] of items) {
    const item = doc.createElementNS(NS_VT, q(type));
    item.appendChild(doc.createTextNode(value));
    if (baseType === "variant") {
      const variant = doc.createElementNS(NS_VT, q("variant"));
      variant.appendChild(item);
      vector.appendChild(variant);
    } else vector.appendChild(item);
  }
  parent.appendChild(vector);
}

/** What the workbook holds before and after the run. */
export interface AppPropertiesInput {
  /** The input's sheets (to recognise the groups of its sheet list). */
  readonly sheetsBefore: readonly AppSheet[];
  /** The input's defined names. */
  readonly namesBefore: readonly DefinedNameInfo[];
  /** The sheets as written, in tab order. */
  readonly sheets: readonly AppSheet[];
  /** The defined names as written. */
  readonly names: readonly DefinedNameInfo[];
  /** Language of labels the input does not give. */
  readonly lang: Lang;
}

/**
 * The text of `docProps/app.xml` with its sheet list rebuilt.
 *
 * @param xml - the part's current text
 * @param input - the workbook before and after the run
 * @returns the new text, or null when the part has no sheet list (or is not well-formed) and stays as it is
 */
export function appPropertiesXml(xml: string, input: AppPropertiesInput): string | null {
  let doc: Document;
  try {
    doc = parseXml(xml, "docProps/app.xml");
  } catch (err) {
    if (err instanceof XmlParseError) return null; // not ours to repair
    throw err;
  }
  const root = rootOf(doc);
  const headingPairs = childElement(root, "HeadingPairs");
  const titlesOfParts = childElement(root, "TitlesOfParts");
  if (!headingPairs && !titlesOfParts) return null;

  const namesBefore = new Set(namedRangeTitles(input.namesBefore, input.sheetsBefore));
  const labels = new Map<GroupKind, string>();
  const inputGroups = groupsOf(headingPairs, titlesOfParts);
  for (const group of inputGroups) {
    const kind = kindOf(group, input.sheetsBefore, namesBefore);
    if (kind !== null && !labels.has(kind) && group.label !== "") labels.set(kind, group.label);
  }
  const lang = languageOf(inputGroups.map((g) => g.label)) ?? input.lang;

  const groups: Group[] = [];
  for (const kind of GROUP_ORDER) {
    const titles =
      kind === "names"
        ? namedRangeTitles(input.names, input.sheets)
        : input.sheets.filter((s) => s.type === kind).map((s) => s.name);
    if (titles.length > 0) groups.push({ label: labels.get(kind) ?? LABELS[lang][kind], titles });
  }

  const create = (localName: string): Element => {
    const el = doc.createElementNS(
      root.namespaceURI,
      root.prefix ? `${root.prefix}:${localName}` : localName,
    );
    root.appendChild(el);
    return el;
  };
  setVector(
    doc,
    headingPairs ?? create("HeadingPairs"),
    "variant",
    groups.flatMap((g): [string, string][] => [
      ["lpstr", g.label],
      ["i4", String(g.titles.length)],
    ]),
  );
  setVector(
    doc,
    titlesOfParts ?? create("TitlesOfParts"),
    "lpstr",
    groups.flatMap((g) => g.titles.map((t): [string, string] => ["lpstr", t])),
  );
  return serializeXml(doc);
}
