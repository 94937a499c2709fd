/**
 * Funding rows as columns ({@link FundingColumns}): what the reader gives and the plan reads, with no
 * object per row. Rows given as objects (tests, callers that build them) are seen as columns here.
 */

import type { Basin, FundingColumns, FundingRow } from "./types";
import { BASINS } from "./types";

/**
 * The code of a basin in {@link FundingColumns.basinGiven}.
 *
 * @param basin - a basin, or null
 * @returns 0 for none, else 1 + its index in BASINS
 */
export function basinCode(basin: Basin | null): number {
  return basin === null ? 0 : BASINS.indexOf(basin) + 1;
}

/**
 * The basin of a code of {@link FundingColumns.basinGiven}.
 *
 * @param code - 0 for none, else 1 + its index in BASINS
 * @returns the basin, or null
 */
export function basinOfCode(code: number): Basin | null {
  return code === 0 ? null : (BASINS[code - 1] ?? null);
}

/**
 * Rows given as objects, seen as columns (each row its own entry of the communes, domains and years).
 *
 * @param rows - funding rows
 * @returns the same rows as columns
 */
export function columnsOfRows(rows: readonly FundingRow[]): FundingColumns {
  const n = rows.length;
  const index = Int32Array.from({ length: n }, (_, i) => i);
  return {
    length: n,
    sheetRow: Int32Array.from(rows, (r) => r.sheetRow),
    amount: Float64Array.from(rows, (r) => r.amount),
    commune: index,
    communes: rows,
    basinGiven: Uint8Array.from(rows, (r) => basinCode(r.basinGiven)),
    domain: index,
    domains: rows.map((r) => r.domain),
    year: index,
    years: rows.map((r) => r.year),
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
  const byCommune = columns.communes.map((c) => moved(c.insee));
  const basinGiven = Uint8Array.from(columns.basinGiven, (code, i) => {
    const b = code === 0 ? undefined : byCommune[columns.commune[i] ?? -1];
    return b === undefined ? code : basinCode(b);
  });
  return {
    ...columns,
    basinGiven,
    amountCell: (i) => columns.amountCell(i),
    row: (i) => {
      const row = columns.row(i);
      const b = basinOfCode(basinGiven[i] ?? 0);
      return b === row.basinGiven ? row : { ...row, basinGiven: b };
    },
  };
}
