/**
 * Reading a workbook package: sheets, tables, defined names and cell values.
 *
 * Small workbook-level parts go through a DOM; worksheets and shared strings are scanned (scan.ts).
 */

import type { Document, Element } from "@xmldom/xmldom";
import { a1, columnIndex, rangeBounds, type GridOrigin, type RawGrid, type RawValue } from "../../core";
import { MARKER_NAME, MARKER_PREFIX, isReportSheetKind, type ReportSheetKind } from "../../report";
import {
  findPartName,
  getPart,
  getPartText,
  readRelationships,
  relationshipKind,
  WorkbookFileError,
  type Relationship,
  type XlsxPackage,
} from "./package";
import { scanSharedStrings, scanWorksheet, type ScanBounds } from "./scan";
import {
  childElement,
  childElements,
  decodeOoxmlEscapes,
  decodeText,
  parseXml,
  rootOf,
  XmlParseError,
} from "./xml";

/** Visibility of a sheet tab. */
export type SheetState = "visible" | "hidden" | "veryHidden";

/** What kind of part a sheet is. */
export type SheetType = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet";

/** A sheet of the workbook, in tab order. */
export interface SheetInfo {
  readonly name: string;
  readonly sheetId: number;
  /** Relationship id of the sheet in the workbook's relationships. */
  readonly rId: string;
  /** Part name of the sheet (`xl/worksheets/sheet1.xml`); "" when its relationship is missing. */
  readonly partPath: string;
  readonly state: SheetState;
  readonly type: SheetType;
  /** The product's sheet kind, from its marker; null for the user's sheets. */
  readonly productKind: ReportSheetKind | null;
  /**
   * Whether the sheet carries the product's marker, even one of a kind this version does not know
   * (then productKind is null but the sheet is still the product's, to be replaced).
   */
  readonly marked: boolean;
}

/** An Excel table (ListObject). */
export interface TableInfo {
  readonly name: string;
  readonly displayName: string;
  /** Name of the sheet that holds it. */
  readonly sheet: string;
  /** `A1:F30`, header and totals rows included. */
  readonly ref: string;
  readonly headerRowCount: number;
  readonly totalsRowCount: number;
  /** Column names, in order. */
  readonly columns: readonly string[];
  /** Table part name (`xl/tables/table1.xml`). */
  readonly partPath: string;
  /** The table's `id` attribute (unique in the workbook). */
  readonly id: number;
}

/** A defined name of the workbook. */
export interface DefinedNameInfo {
  readonly name: string;
  /** 0-based position in `<sheets>` of the sheet it is scoped to; absent for workbook-level names. */
  readonly localSheetId?: number;
  readonly hidden: boolean;
  /** The formula text (`'Paramètres CTG'!$B$4`, `"ctg-planner:synthesis"`). */
  readonly value: string;
}

/** A grid of values with where it comes from. */
export interface GridRead {
  readonly grid: RawGrid;
  readonly origin: GridOrigin;
}

/** A table's values. */
export interface TableGridRead extends GridRead {
  /** Name of the sheet that holds the table. */
  readonly sheet: string;
  readonly table: TableInfo;
}

/** The parsed workbook part and its relationships. */
export interface WorkbookParts {
  readonly doc: Document;
  readonly root: Element;
  readonly rels: readonly Relationship[];
}

function corrupt(err: unknown): never {
  if (err instanceof XmlParseError) throw new WorkbookFileError("corrupt", err.message);
  throw err;
}

/**
 * Parses the workbook part and its relationships.
 *
 * @param pkg - the package
 * @returns the workbook DOM and relationships
 * @throws WorkbookFileError (corrupt) when the workbook part is not well-formed
 */
export function readWorkbookParts(pkg: XlsxPackage): WorkbookParts {
  const text = getPartText(pkg, pkg.workbookPath);
  if (text === undefined) throw new WorkbookFileError("not-a-workbook", `missing ${pkg.workbookPath}`);
  try {
    const doc = parseXml(text, pkg.workbookPath);
    return { doc, root: rootOf(doc), rels: readRelationships(pkg, pkg.workbookPath) };
  } catch (err) {
    return corrupt(err);
  }
}

/** The `r:id`-like attribute of an element, whatever the relationships namespace (transitional/strict). */
export function relIdOf(el: Element): string {
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.localName === "id" && a.namespaceURI !== null && /relationships$/.test(a.namespaceURI))
      return a.value;
  }
  return "";
}

/**
 * Defined names of a parsed workbook part.
 *
 * @param root - the `<workbook>` element
 * @returns the names, in document order
 */
export function definedNamesOf(root: Element): DefinedNameInfo[] {
  const container = childElement(root, "definedNames");
  if (!container) return [];
  return childElements(container, "definedName").map((el) => {
    const local = el.getAttribute("localSheetId");
    const hidden = el.getAttribute("hidden");
    const info: DefinedNameInfo = {
      name: el.getAttribute("name") ?? "",
      hidden: hidden === "1" || hidden === "true",
      value: el.textContent ?? "",
    };
    return local !== null && local !== "" && /^\d+$/.test(local)
      ? { ...info, localSheetId: Number(local) }
      : info;
  });
}

/**
 * The defined names of the workbook, in document order.
 *
 * @param pkg - the package
 * @returns the names
 */
export function readDefinedNames(pkg: XlsxPackage): DefinedNameInfo[] {
  return definedNamesOf(readWorkbookParts(pkg).root);
}

const MARKER_VALUE = /^\s*"([^"]*)"\s*$/;

/**
 * Parses a marker's value `"ctg-planner:synthesis"`.
 *
 * @param value - the defined name's formula text
 * @param prefixes - marker prefixes to accept
 * @returns the kind text after the prefix, or null when the value is not a marker
 */
export function parseMarker(value: string, prefixes: readonly string[] = [MARKER_PREFIX]): string | null {
  const m = MARKER_VALUE.exec(value);
  if (!m || m[1] === undefined) return null;
  for (const prefix of prefixes) {
    if (m[1].startsWith(`${prefix}:`)) return m[1].slice(prefix.length + 1);
  }
  return null;
}

function sheetTypeOf(rel: Relationship | undefined): SheetType {
  switch (rel ? relationshipKind(rel.type) : "worksheet") {
    case "chartsheet":
      return "chartsheet";
    case "dialogsheet":
      return "dialogsheet";
    case "xlMacrosheet":
    case "xlIntlMacrosheet":
      return "macrosheet";
    default:
      return "worksheet";
  }
}

/**
 * Sheets of a parsed workbook.
 *
 * @param pkg - the package
 * @param wb - the parsed workbook
 * @param prefixes - marker prefixes that make a sheet the product's
 * @returns the sheets, in tab order
 */
export function sheetsOf(
  pkg: XlsxPackage,
  wb: WorkbookParts,
  prefixes: readonly string[] = [MARKER_PREFIX],
): SheetInfo[] {
  const names = definedNamesOf(wb.root);
  const sheetsEl = childElement(wb.root, "sheets");
  const relById = new Map(wb.rels.map((r) => [r.id, r]));
  return (sheetsEl ? childElements(sheetsEl, "sheet") : []).map((el, index) => {
    const rId = relIdOf(el);
    const rel = relById.get(rId);
    const state = el.getAttribute("state");
    let marker: string | null = null;
    for (const n of names) {
      if (n.localSheetId === index && n.name.toLowerCase() === MARKER_NAME.toLowerCase()) {
        marker = parseMarker(n.value, prefixes);
        if (marker !== null) break;
      }
    }
    const path = rel?.path ? (findPartName(pkg, rel.path) ?? rel.path) : "";
    return {
      name: el.getAttribute("name") ?? "",
      sheetId: Number(el.getAttribute("sheetId") ?? "0"),
      rId,
      partPath: path,
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      type: sheetTypeOf(rel),
      productKind: marker !== null && isReportSheetKind(marker) ? marker : null,
      marked: marker !== null,
    };
  });
}

/**
 * The sheets of the workbook, in tab order, with the product's kind of each.
 *
 * @param pkg - the package
 * @returns the sheets
 */
export function listSheets(pkg: XlsxPackage): SheetInfo[] {
  return sheetsOf(pkg, readWorkbookParts(pkg));
}

function intAttr(el: Element, name: string, fallback: number): number {
  const v = el.getAttribute(name);
  if (v === null || v === "") return fallback;
  const n = Number(v);
  return Number.isInteger(n) ? n : fallback;
}

/**
 * Tables of these sheets.
 *
 * @param pkg - the package
 * @param sheets - the sheets to look at
 * @returns the tables, sheet by sheet
 */
export function tablesOf(pkg: XlsxPackage, sheets: readonly SheetInfo[]): TableInfo[] {
  const out: TableInfo[] = [];
  for (const sheet of sheets) {
    if (sheet.partPath === "" || sheet.type !== "worksheet") continue;
    for (const rel of readRelationships(pkg, sheet.partPath)) {
      if (relationshipKind(rel.type) !== "table" || rel.path === null) continue;
      const partPath = findPartName(pkg, rel.path);
      if (partPath === undefined) continue;
      const text = getPartText(pkg, partPath) ?? "";
      let root: Element;
      try {
        root = rootOf(parseXml(text, partPath));
      } catch (err) {
        return corrupt(err);
      }
      const columnsEl = childElement(root, "tableColumns");
      const name = root.getAttribute("name") ?? root.getAttribute("displayName") ?? "";
      out.push({
        name,
        displayName: root.getAttribute("displayName") ?? name,
        sheet: sheet.name,
        ref: root.getAttribute("ref") ?? "",
        headerRowCount: intAttr(root, "headerRowCount", 1),
        totalsRowCount: intAttr(root, "totalsRowCount", 0),
        columns: columnsEl
          ? childElements(columnsEl, "tableColumn").map((c) =>
              decodeOoxmlEscapes(c.getAttribute("name") ?? ""),
            )
          : [],
        partPath,
        id: intAttr(root, "id", 0),
      });
    }
  }
  return out;
}

/**
 * The tables of the workbook, sheet by sheet.
 *
 * @param pkg - the package
 * @returns the tables
 */
export function listTables(pkg: XlsxPackage): TableInfo[] {
  return tablesOf(pkg, listSheets(pkg));
}

const sharedStringsCache = new WeakMap<Uint8Array, string[]>();

/**
 * The workbook's shared strings (cached per part content).
 *
 * @param pkg - the package
 * @param wb - the parsed workbook (to find the shared strings part)
 * @returns the strings by index; empty when the workbook has none
 */
export function sharedStringsOf(pkg: XlsxPackage, wb: WorkbookParts): string[] {
  const rel = wb.rels.find((r) => relationshipKind(r.type) === "sharedStrings" && r.path !== null);
  const bytes = rel?.path ? getPart(pkg, rel.path) : undefined;
  if (bytes === undefined) return [];
  let strings = sharedStringsCache.get(bytes);
  if (strings === undefined) {
    strings = scanSharedStrings(decodeText(bytes));
    sharedStringsCache.set(bytes, strings);
  }
  return strings;
}

function findSheet(sheets: readonly SheetInfo[], name: string): SheetInfo {
  const sheet =
    sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) throw new Error(`no sheet named "${name}" in the workbook`);
  return sheet;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** Bounds of `A1:G200`, `B3`, `A:G` (whole columns) or `4:10` (whole rows); 0-based, inclusive. */
function parseRange(range: string): ScanBounds {
  const text = range.replace(/^.*!/, "").trim();
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(text);
  if (cols && cols[1] !== undefined && cols[2] !== undefined) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { firstRow: 0, lastRow: MAX_ROW, firstCol: Math.min(a, b), lastCol: Math.max(a, b) };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(text);
  if (rows && rows[1] !== undefined && rows[2] !== undefined) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { firstRow: Math.min(a, b), lastRow: Math.max(a, b), firstCol: 0, lastCol: MAX_COL };
  }
  const [first, second] = text.split(":");
  if (first === undefined) throw new RangeError(`not a range: ${range}`);
  // Only the first two corners count: `A1:B2:C3` reads A1:B2.
  const b = rangeBounds(second === undefined ? first : `${first}:${second}`);
  return { firstRow: b.r1, lastRow: b.r2, firstCol: b.c1, lastCol: b.c2 };
}

/**
 * The rectangular grid of the scanned values. Rows without a value within the bounds all share one
 * frozen row of nulls: a sparse sheet (a value on row 1 048 576, or in column XFD) costs one array
 * per row that holds something, not one per row of the range.
 */
function buildGrid(rows: Map<number, RawValue[]>, bounds: ScanBounds): RawGrid {
  const width = bounds.lastCol - bounds.firstCol + 1;
  let empty: readonly RawValue[] | undefined;
  const grid: (readonly RawValue[])[] = [];
  for (let r = bounds.firstRow; r <= bounds.lastRow; r++) {
    const values = rows.get(r);
    let line: RawValue[] | undefined;
    if (values !== undefined) {
      for (let c = 0; c < width; c++) {
        const v = values[bounds.firstCol + c];
        if (v === undefined) continue;
        line ??= new Array<RawValue>(width).fill(null);
        line[c] = v;
      }
    }
    if (line === undefined) {
      empty ??= Object.freeze(new Array<RawValue>(width).fill(null));
      grid.push(empty);
    } else {
      grid.push(line);
    }
  }
  return grid;
}

/** A cell reference beyond Excel's last row or column: the part is damaged (Excel would repair it). */
function checkLimits(sheet: SheetInfo, scanned: { maxRow: number; maxCol: number }): void {
  if (scanned.maxRow > MAX_ROW || scanned.maxCol > MAX_COL) {
    throw new WorkbookFileError(
      "corrupt",
      `sheet "${sheet.name}" has a cell beyond Excel's last row (1048576) or column (XFD)`,
    );
  }
}

function readSheetGrid(
  pkg: XlsxPackage,
  wb: WorkbookParts,
  sheet: SheetInfo,
  range: string | undefined,
): GridRead {
  const bytes = sheet.partPath === "" ? undefined : getPart(pkg, sheet.partPath);
  const xml = bytes === undefined ? "" : decodeText(bytes);
  const strings = sharedStringsOf(pkg, wb);
  if (range === undefined) {
    const scanned = scanWorksheet(xml, strings);
    if (scanned.maxRow < 0) return { grid: [], origin: { sheet: sheet.name, topLeft: "A1" } };
    checkLimits(sheet, scanned);
    const bounds = {
      firstRow: scanned.minRow,
      lastRow: scanned.maxRow,
      firstCol: scanned.minCol,
      lastCol: scanned.maxCol,
    };
    return {
      grid: buildGrid(scanned.rows, bounds),
      origin: { sheet: sheet.name, topLeft: a1(bounds.firstRow, bounds.firstCol) },
    };
  }
  const requested = parseRange(range);
  const scanned = scanWorksheet(xml, strings, requested);
  // Whole rows or columns stop at the values' extent.
  const bounds: ScanBounds = {
    firstRow: requested.firstRow,
    firstCol: requested.firstCol,
    lastRow: requested.lastRow === MAX_ROW ? Math.max(requested.firstRow, scanned.maxRow) : requested.lastRow,
    lastCol: requested.lastCol === MAX_COL ? Math.max(requested.firstCol, scanned.maxCol) : requested.lastCol,
  };
  return {
    grid: buildGrid(scanned.rows, bounds),
    origin: { sheet: sheet.name, topLeft: a1(bounds.firstRow, bounds.firstCol) },
  };
}

/**
 * The values of a sheet: its used range (from the first to the last row and column holding a value),
 * or the given range exactly (whole rows/columns such as `A:G` stop at the last value).
 *
 * Shared, inline and rich text strings come back as text, formula results as their cached value,
 * booleans as booleans, errors as `{ error: "#N/A" }`, numbers (dates included) as numbers, empty
 * cells as null.
 *
 * @param pkg - the package
 * @param sheet - sheet name (case-insensitive when there is no exact match)
 * @param range - optional A1 range (`A1:G200`), without or with a sheet prefix (ignored)
 * @returns the grid and its origin
 * @throws Error when there is no such sheet; RangeError when the range is not one; WorkbookFileError
 *   (corrupt) when a cell lies beyond Excel's last row or column
 */
export function readGrid(pkg: XlsxPackage, sheet: string, range?: string): GridRead {
  const wb = readWorkbookParts(pkg);
  return readSheetGrid(pkg, wb, findSheet(sheetsOf(pkg, wb), sheet), range);
}

/**
 * The values of a table: its ref without its totals rows; the header row (when it has one) is grid
 * row 0.
 *
 * @param pkg - the package
 * @param tableName - the table's name or display name (case-insensitive)
 * @returns the grid, its origin (the table's top-left cell), the sheet and the table
 * @throws Error when there is no such table; WorkbookFileError (corrupt) when its range is not one
 */
export function readTableGrid(pkg: XlsxPackage, tableName: string): TableGridRead {
  const wb = readWorkbookParts(pkg);
  const sheets = sheetsOf(pkg, wb);
  const wanted = tableName.toLowerCase();
  const table = tablesOf(pkg, sheets).find(
    (t) => t.name.toLowerCase() === wanted || t.displayName.toLowerCase() === wanted,
  );
  if (!table) throw new Error(`no table named "${tableName}" in the workbook`);
  let bounds: ScanBounds;
  try {
    bounds = parseRange(table.ref);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new WorkbookFileError("corrupt", `table "${table.name}" has an invalid range "${table.ref}"`);
  }
  const lastRow = Math.max(bounds.firstRow, bounds.lastRow - table.totalsRowCount);
  const range = `${a1(bounds.firstRow, bounds.firstCol)}:${a1(lastRow, bounds.lastCol)}`;
  const read = readSheetGrid(pkg, wb, findSheet(sheets, table.sheet), range);
  return { ...read, sheet: table.sheet, table };
}
