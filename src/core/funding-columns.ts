/**
 * Funding rows as columns ({@link FundingColumns}): what the reader gives and the plan reads, with no
 * object per row. Rows given as objects (tests, callers that build them) are seen as columns here.
 */

import type { Basin, FundingColumns, FundingRow } from "./types";

/**
 * Rows given as objects, seen as columns (each row its own shape).
 *
 * @param rows - funding rows
 * @returns the same rows as columns
 */
export function columnsOfRows(rows: readonly FundingRow[]): FundingColumns {
  const sheetRows = Int32Array.from(rows, (r) => r.sheetRow);
  return {
    length: rows.length,
    inSheetOrder: sheetRows.every((s, i) => i === 0 || s >= (sheetRows[i - 1] ?? s)),
    sheetRow: (i) => {
      const s = sheetRows[i];
      if (s === undefined) throw new RangeError(`no funding row ${i}`);
      return s;
    },
    amount: Float64Array.from(rows, (r) => r.amount),
    shape: Int32Array.from(rows, (_, i) => i),
    shapes: rows,
    amountCell: (i) => rows[i]?.amountCell ?? "",
    row: (i) => {
      const row = rows[i];
      if (row === undefined) throw new RangeError(`no funding row ${i}`);
      return row;
    },
  };
}

/**
 * The rows of columns as objects, in their order.
 *
 * @param columns - funding rows as columns
 * @returns one object per row
 */
export function rowsOfColumns(columns: FundingColumns): FundingRow[] {
  const rows = new Array<FundingRow>(columns.length);
  for (let i = 0; i < columns.length; i += 1) rows[i] = columns.row(i);
  return rows;
}

/**
 * Funding rows as columns, whether given as objects or as columns.
 *
 * @param rows - rows as objects, or columns
 * @returns columns
 */
export function asColumns(rows: readonly FundingRow[] | FundingColumns): FundingColumns {
  return isRowList(rows) ? columnsOfRows(rows) : rows;
}

function isRowList(rows: readonly FundingRow[] | FundingColumns): rows is readonly FundingRow[] {
  return Array.isArray(rows);
}

/**
 * The same rows with other basins: a row that gives a basin takes the one `moved` gives for its
 * commune's INSEE code, when it gives one.
 *
 * @param columns - funding rows as columns
 * @param moved - the new basin of a commune, or undefined to keep the row's
 * @returns the rows with their basins moved (the input unchanged)
 */
export function withBasinsMoved(
  columns: FundingColumns,
  moved: (insee: string | null) => Basin | undefined,
): FundingColumns {
  const basinOf = columns.shapes.map((s) => (s.basinGiven === null ? undefined : moved(s.insee)));
  const shapes = columns.shapes.map((s, i) => {
    const b = basinOf[i];
    return b === undefined ? s : { ...s, basinGiven: b };
  });
  return {
    length: columns.length,
    inSheetOrder: columns.inSheetOrder,
    sheetRow: (i) => columns.sheetRow(i),
    amount: columns.amount,
    shape: columns.shape,
    shapes,
    amountCell: (i) => columns.amountCell(i),
    row: (i) => {
      const row = columns.row(i);
      const b = basinOf[columns.shape[i] ?? -1];
      return b === undefined ? row : { ...row, basinGiven: b };
    },
  };
}
