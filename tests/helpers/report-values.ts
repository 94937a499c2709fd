// Test helper: compare a report's formula cells with the values a spreadsheet computed.

import { a1 } from "../../src/core/cell";
import type { ReportSheet } from "../../src/report";
import type { CellValue } from "./xlsx-values";

/** Every formula cell whose LibreOffice value differs from the engine's, as readable lines. */
export function mismatches(
  sheet: ReportSheet,
  values: Map<string, CellValue>,
  rowMap?: (row: number) => number,
): string[] {
  const out: string[] = [];
  for (const cell of sheet.cells) {
    if (cell.value.kind !== "formula") continue;
    const row = rowMap ? rowMap(cell.row) : cell.row;
    const ref = a1(row, cell.col);
    const got = values.get(ref) ?? null;
    const want = cell.value.expected;
    const ok =
      cell.value.check === "cents"
        ? typeof got === "number" && Math.round(got * 100) === Math.round(Number(want) * 100)
        : cell.value.check === "ratio"
          ? typeof got === "number" && Math.abs(got - Number(want)) < 1e-9
          : got === want ||
            (got === null && want === "") ||
            (typeof got === "number" && got === Number(want));
    if (!ok)
      out.push(
        `${sheet.name}!${ref} = ${cell.value.formula} → LibreOffice ${JSON.stringify(got)}, engine ${JSON.stringify(want)}`,
      );
  }
  return out;
}
