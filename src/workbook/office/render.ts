/**
 * What the Office.js writer sends for a report sheet, computed as plain data (no Office.js here):
 * the 2D arrays of number formats, constants and formulas, the cells grouped by style into
 * rectangles, column widths and row heights in points (the heights computed by the report).
 */

import { a1, rangeBounds } from "../../core";
import { wrappedRowHeights, type CellStyle, type SheetContent, type StyleName } from "../../report";

/** Bounds of a block of cells, 0-based and inclusive. */
export interface Rect {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** `A1` or `A1:C3`. */
export function rectAddress(r: Rect): string {
  return r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`;
}

/** `A4:G38` (or `B5`, `$A$1:$B$2`) into bounds. */
export function parseRect(ref: string): Rect {
  const bare = ref.replace(/\$/g, "");
  if (bare.split(":").length > 2) throw new RangeError(`not a range: ${ref}`);
  return rangeBounds(bare);
}

/** A cell constant as Office.js writes it; null leaves the cell alone. */
export type CellInput = string | number | boolean | null;

/**
 * Whether Excel would not keep this text as typed in a General cell: a leading `=`, `+`, `-` or `@`
 * (a formula), something that reads as a number, date, time, percentage or fraction, a boolean, or an
 * error literal. Such texts get the text number format `@` before they are written.
 *
 * Why `@` rather than a leading apostrophe: Excel keeps text typed into a text-formatted cell
 * exactly as typed, whatever it starts with, and `values` reads it back unchanged; the format is set
 * in the same request, before the values. (A leading apostrophe is different: Excel always takes it
 * as the quote prefix, so texts that start with one are written with one more.)
 *
 * @param text - the text to write
 * @returns true when the cell needs the text format
 */
export function needsTextFormat(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[#]/.test(t)) return true;
  if (/^(true|false|vrai|faux)$/i.test(t)) return true;
  // Numbers, dates, times, percentages, fractions, amounts with a currency sign: digits with only
  // the punctuation such values use.
  return /\d/.test(t) && /^[\d\s.,:/%€$£()eE+\-\u00A0\u202F]+$/.test(t);
}

/** A text as written through `values`: a leading apostrophe is doubled (Excel eats one). */
export function textInput(text: string): string {
  return text.startsWith("'") ? `'${text}` : text;
}

/** The arrays of one block of rows of a sheet. */
export interface Band {
  /** The rows and columns covered. */
  readonly rect: Rect;
  /** Number formats, null for cells left General. */
  readonly numberFormat: (string | null)[][];
  /** Constants; null for formulas and empty cells. */
  readonly values: CellInput[][];
  /** Formulas with their `=`; null elsewhere. Null when the band has no formula. */
  readonly formulas: (string | null)[][] | null;
  /** Formula cells whose style's number format is text: formatted after the formula is written. */
  readonly lateFormats: readonly { readonly address: string; readonly format: string }[];
}

/** A style's cells as rectangles. */
export interface StyleRects {
  readonly style: StyleName;
  readonly look: CellStyle;
  readonly rects: readonly Rect[];
}

/** Everything the writer needs for one sheet. */
export interface SheetRender {
  readonly bands: readonly Band[];
  readonly styles: readonly StyleRects[];
  /** Column widths in points, grouped into runs of equal width. */
  readonly widths: readonly { readonly c1: number; readonly c2: number; readonly points: number }[];
  /** Heights of rows holding wrapped text, in points. */
  readonly heights: readonly { readonly row: number; readonly points: number }[];
  /** The number format each written cell ends with (`A1` → format), for checks. */
  readonly finalFormats: ReadonlyMap<string, string>;
}

/**
 * Column width in characters (of the default font's digits) as Excel's `columnWidth`, in points:
 * 7 pixels per character plus 5 pixels of padding, at 96 pixels per inch (0.75 point per pixel).
 *
 * @param chars - width in characters (8.43 is Excel's default)
 * @returns the width in points (8.43 → 48)
 */
export function widthToPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

/** Whether a style sets anything besides its number format. */
function hasLook(style: CellStyle): boolean {
  return (
    style.bold !== undefined ||
    style.italic !== undefined ||
    style.size !== undefined ||
    style.color !== undefined ||
    style.fill !== undefined ||
    style.hAlign !== undefined ||
    style.vAlign !== undefined ||
    style.wrap !== undefined ||
    style.indent !== undefined ||
    style.border !== undefined ||
    style.unlocked !== undefined
  );
}

/** Cells (row, col) into rectangles: runs of columns per row, then equal runs of adjacent rows. */
export function toRects(cells: readonly { readonly row: number; readonly col: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c.col);
    byRow.set(c.row, list);
  }
  const runs: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      const prev = cols[i - 1];
      const cur = cols[i];
      if (start === undefined || prev === undefined) break;
      if (cur !== prev + 1) {
        runs.push({ r1: row, r2: row, c1: start, c2: prev });
        start = cur;
      }
    }
  }
  // Merge a run into the rectangle just above it when they span the same columns.
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.c1}:${run.c2}`;
    const above = open.get(key);
    if (above !== undefined && above.r2 === run.r1 - 1) {
      const grown = { ...above, r2: run.r1 };
      out[out.indexOf(above)] = grown;
      open.set(key, grown);
    } else {
      out.push(run);
      open.set(key, run);
    }
  }
  return out;
}

/** JSON size of a value, in bytes (UTF-8), as the request will carry it. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Splits rows [r1, r2] into blocks whose three arrays stay under `budget` bytes each.
 *
 * @param rowBytes - size of a row of each array
 * @param r1 - first row
 * @param r2 - last row
 * @param budget - bytes per block
 * @returns the blocks' first and last rows
 */
function splitRows(
  rowBytes: (row: number) => number,
  r1: number,
  r2: number,
  budget: number,
): [number, number][] {
  const out: [number, number][] = [];
  let start = r1;
  let size = 0;
  for (let r = r1; r <= r2; r++) {
    const b = rowBytes(r);
    if (r > start && size + b > budget) {
      out.push([start, r - 1]);
      start = r;
      size = 0;
    }
    size += b;
  }
  out.push([start, r2]);
  return out;
}

/**
 * The arrays, styles, widths and heights of a report sheet.
 *
 * @param sheet - the report sheet
 * @param palette - the report's styles
 * @param bandBytes - largest size of one array of a band (rows are split into bands above it)
 * @returns what the writer sends
 */
export function renderSheet(
  sheet: SheetContent,
  palette: Readonly<Record<StyleName, CellStyle>>,
  bandBytes = Infinity,
): SheetRender {
  const finalFormats = new Map<string, string>();
  const bounds = cellBounds(sheet);
  const bands = bounds === null ? [] : cutBands(fillGrids(sheet, palette, bounds, finalFormats), bandBytes);
  const heights = [...wrappedRowHeights(sheet, palette)]
    .sort((a, b) => a[0] - b[0])
    .map(([row, points]) => ({ row, points }));
  return { bands, styles: styleRects(sheet, palette), widths: columnWidths(sheet), heights, finalFormats };
}

/** The rectangle the sheet's cells span, or null when it has none. */
function cellBounds(sheet: SheetContent): Rect | null {
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  for (const cell of sheet.cells) {
    r1 = Math.min(r1, cell.row);
    c1 = Math.min(c1, cell.col);
    r2 = Math.max(r2, cell.row);
    c2 = Math.max(c2, cell.col);
  }
  return r2 >= 0 ? { r1, c1, r2, c2 } : null;
}

/** A sheet's cells as the three arrays over their bounds, and the formats set after the formulas. */
interface Grids {
  readonly bounds: Rect;
  readonly numberFormat: (string | null)[][];
  readonly values: CellInput[][];
  readonly formulas: (string | null)[][];
  readonly late: readonly { readonly row: number; readonly address: string; readonly format: string }[];
  readonly anyFormula: boolean;
}

/**
 * Fills the arrays: text as typed (formatted `@` when Excel would not keep it), numbers, booleans,
 * formulas (those of a text-formatted style get their format afterwards).
 *
 * @param finalFormats - filled with the format each cell ends with
 * @throws Error on a number that is not finite
 */
function fillGrids(
  sheet: SheetContent,
  palette: Readonly<Record<StyleName, CellStyle>>,
  bounds: Rect,
  finalFormats: Map<string, string>,
): Grids {
  const { r1, c1 } = bounds;
  const rows = bounds.r2 - r1 + 1;
  const cols = bounds.c2 - c1 + 1;
  const grid = <V>(fill: V): V[][] => Array.from({ length: rows }, () => new Array<V>(cols).fill(fill));
  const numberFormat = grid<string | null>(null);
  const values = grid<CellInput>(null);
  const formulas = grid<string | null>(null);
  const late: { row: number; address: string; format: string }[] = [];
  let anyFormula = false;
  for (const cell of sheet.cells) {
    const i = cell.row - r1;
    const j = cell.col - c1;
    const rowNf = numberFormat[i];
    const rowV = values[i];
    const rowF = formulas[i];
    if (rowNf === undefined || rowV === undefined || rowF === undefined) continue;
    const styleFormat = cell.style === undefined ? undefined : palette[cell.style]?.numFmt;
    const address = a1(cell.row, cell.col);
    let format = styleFormat;
    const v = cell.value;
    switch (v.kind) {
      case "text":
        if (format !== "@" && needsTextFormat(v.text)) format = "@";
        rowV[j] = textInput(v.text);
        break;
      case "number":
        if (!Number.isFinite(v.value))
          throw new Error(`sheet "${sheet.name}"!${address}: not a finite number`);
        rowV[j] = v.value;
        break;
      case "boolean":
        rowV[j] = v.value;
        break;
      case "formula":
        anyFormula = true;
        rowF[j] = `=${v.formula.replace(/^=/, "")}`;
        if (format === "@") {
          // A formula written into a text-formatted cell stays text: format it afterwards.
          late.push({ row: cell.row, address, format });
          format = undefined;
        }
        break;
    }
    if (format !== undefined) rowNf[j] = format;
    finalFormats.set(address, v.kind === "formula" && styleFormat === "@" ? "@" : (format ?? "General"));
  }
  return { bounds, numberFormat, values, formulas, late, anyFormula };
}

/** Cuts the arrays into bands of rows whose arrays stay under `bandBytes` each. */
function cutBands(grids: Grids, bandBytes: number): Band[] {
  const { bounds, numberFormat, values, formulas, late, anyFormula } = grids;
  const { r1, c1, r2, c2 } = bounds;
  const rowBytes = (r: number): number =>
    Math.max(
      jsonBytes(numberFormat[r - r1]),
      jsonBytes(values[r - r1]),
      anyFormula ? jsonBytes(formulas[r - r1]) : 0,
    ) + 1;
  return splitRows(rowBytes, r1, r2, bandBytes).map(([from, to]) => {
    const slice = <V>(g: V[][]): V[][] => g.slice(from - r1, to - r1 + 1);
    const bandFormulas = slice(formulas);
    return {
      rect: { r1: from, c1, r2: to, c2 },
      numberFormat: slice(numberFormat),
      values: slice(values),
      formulas: bandFormulas.some((row) => row.some((f) => f !== null)) ? bandFormulas : null,
      lateFormats: late
        .filter((l) => l.row >= from && l.row <= to)
        .map(({ address, format }) => ({ address, format })),
    };
  });
}

/**
 * The styled cells grouped by style into rectangles (styles with no look left out).
 *
 * @throws Error on a style that is not in the palette
 */
function styleRects(sheet: SheetContent, palette: Readonly<Record<StyleName, CellStyle>>): StyleRects[] {
  const styleCells = new Map<StyleName, { row: number; col: number }[]>();
  for (const cell of sheet.cells) {
    if (cell.style === undefined) continue;
    const look = palette[cell.style];
    if (look === undefined)
      throw new Error(`sheet "${sheet.name}": style "${cell.style}" is not in the palette`);
    if (!hasLook(look)) continue;
    const list = styleCells.get(cell.style) ?? [];
    list.push({ row: cell.row, col: cell.col });
    styleCells.set(cell.style, list);
  }
  return [...styleCells].map(([style, cells]) => ({
    style,
    look: palette[style],
    rects: toRects(cells),
  }));
}

/** Column widths in points, grouped into runs of equal width. */
function columnWidths(sheet: SheetContent): { c1: number; c2: number; points: number }[] {
  const widths: { c1: number; c2: number; points: number }[] = [];
  sheet.columnWidths.forEach((w, c) => {
    if (!Number.isFinite(w) || w <= 0) return;
    const points = widthToPoints(w);
    const last = widths[widths.length - 1];
    if (last !== undefined && last.c2 === c - 1 && last.points === points)
      widths[widths.length - 1] = { ...last, c2: c };
    else widths.push({ c1: c, c2: c, points });
  });
  return widths;
}
