/**
 * Layout facts both adapters need and must agree on, computed once from the report: the height of
 * rows holding wrapped text. Pure.
 */

import { rangeBounds } from "../core";
import type { CellStyle, ReportCell, SheetContent, StyleName } from "./model";

/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** Excel's default row height, in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;

/** Text shown by a cell, for row heights: text cells and formulas with a text result. */
function shownText(cell: ReportCell): string | null {
  if (cell.value.kind === "text") return cell.value.text;
  if (cell.value.kind === "formula" && typeof cell.value.expected === "string") return cell.value.expected;
  return null;
}

/**
 * Heights of the rows holding wrapped text, estimated from the text's length and the width of its
 * column (or of its one-row merge): lines × 15 points at 11 points, scaled by the font size, in
 * quarter points, at most 409. Rows that fit on one line are left out (default height).
 *
 * @param sheet - the report sheet
 * @param palette - the report's styles
 * @returns the height in points of each such row (0-based row → points)
 */
export function wrappedRowHeights(
  sheet: SheetContent,
  palette: Readonly<Record<StyleName, CellStyle>>,
): Map<number, number> {
  const widthOf = (col: number): number => sheet.columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
  const merges = sheet.merges.map((m) => rangeBounds(m));
  const heights = new Map<number, number>();
  for (const cell of sheet.cells) {
    const style = cell.style === undefined ? undefined : palette[cell.style];
    const text = shownText(cell);
    if (!style?.wrap || text === null || text === "") continue;
    const merge = merges.find((m) => m.r1 === cell.row && m.c1 === cell.col);
    if (merge && merge.r2 > merge.r1) continue; // a multi-row merge has room of its own
    let width = 0;
    for (let c = cell.col; c <= (merge?.c2 ?? cell.col); c++) width += widthOf(c);
    const size = style.size ?? 11;
    const charsPerLine = Math.max(1, Math.floor(((width - 1) * 11) / size / (style.bold ? 1.1 : 1)));
    const lines = text
      .split("\n")
      .reduce((n, para) => n + Math.max(1, Math.ceil(para.length / charsPerLine)), 0);
    if (lines <= 1) continue;
    const height = Math.ceil(lines * DEFAULT_ROW_HEIGHT * (size / 11) * 4) / 4;
    heights.set(cell.row, Math.min(409, Math.max(heights.get(cell.row) ?? 0, height)));
  }
  return heights;
}
