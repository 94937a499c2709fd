// Shared by the fault corpus tests (bad-engine, bad-cli, bad-office): how issues are compared, what
// counts as a cell address, the engine run, and the strict Excel fake holding a corpus workbook.

import { a1, parseA1 } from "../../src/core/cell";
import type { RawValue } from "../../src/core/types";
import { planWorkbook, type PipelineResult, type WorkbookSnapshot } from "../../src/app";
import { openPackage, WorkbookFileError } from "../../src/workbook/xlsx/package";
import { listSheets, listTables, readDefinedNames, readGrid } from "../../src/workbook/xlsx/read";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { InputNotFoundError } from "../../src/errors";
import { createExcelFake, type ExcelFake, type FakeCellInit, type FakeSheetInit } from "../fakes/excel-fake";
import { BAD_CASES, type BadCase } from "../fixtures/make-bad-corpus";

/** Issues of the plan's parameters: with no parameter cell in the workbook they name the parameter. */
export const PARAMETER_CODES: ReadonlySet<string> = new Set([
  "key-sum-zero",
  "cost-above-cap",
  "param-invalid",
  "param-rate-range",
  "param-negative",
]);
export const PARAMETER_NAMES: ReadonlySet<string> = new Set(["costHT", "capHT", "cafRate", "vatRate", "key"]);

/** An issue as compared: from the engine, the command's JSON or the expectation. */
export interface Brief {
  readonly code: string;
  readonly severity: string;
  readonly cell: string;
}
export const brief = (i: Brief): Brief => ({ code: i.code, severity: i.severity, cell: i.cell });

/** Checks issues against a case's expectation: the exact list, or a subset with `includes`. */
export function expectIssues(actual: readonly Brief[], c: BadCase): void {
  const wanted = (c.expect.issues ?? []).map(brief);
  if (c.expect.includes) expect(actual).toEqual(expect.arrayContaining(wanted));
  else expect(actual).toEqual(wanted);
}

/** Whether a text names a cell of the workbook: `Sheet!A1` or `'Some sheet'!B2`. */
export function isCellAddress(cell: string): boolean {
  const m = /^(?:'(?:[^']|'')+'|[^'!]+)!([A-Z]{1,3}\d{1,7})$/.exec(cell);
  if (!m || m[1] === undefined) return false;
  try {
    parseA1(m[1]);
    return true;
  } catch {
    return false;
  }
}

/** The cases that end in issues (exit 0 or 1), and those that end in a usage or file error. */
export const RUNNABLE = BAD_CASES.filter((c) => c.expect.exit !== 2);
export const USAGE_CASES = BAD_CASES.filter((c) => c.expect.exit === 2);

export type EngineOutcome =
  | { readonly kind: "usage"; readonly error: Error }
  | { readonly kind: "plan"; readonly snapshot: WorkbookSnapshot; readonly result: PipelineResult };

/** Only the snapshot (cheap): where the input is, its values. Usage and file errors propagate. */
export function snapshotOf(bytes: Uint8Array): WorkbookSnapshot {
  return snapshotPackage(openPackage(bytes));
}

/** The engine on a file: a usage or file error, or the pipeline's result. Anything else throws. */
export function engine(bytes: Uint8Array): EngineOutcome {
  try {
    const snapshot = snapshotOf(bytes);
    return { kind: "plan", snapshot, result: planWorkbook(snapshot) };
  } catch (error) {
    if (error instanceof WorkbookFileError || error instanceof InputNotFoundError)
      return { kind: "usage", error };
    throw error;
  }
}

/** A value of the .xlsx reader as Office.js shows it: errors as their text; no dates (numbers there). */
function officeValue(v: RawValue): FakeCellInit | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) throw new Error("the .xlsx reader gives dates as serial numbers");
  return v.error;
}

/**
 * The strict Excel fake holding a workbook file's sheets (the values the .xlsx reader reads, at their
 * addresses), their visibility, tables (with their totals rows) and sheet-scoped names (the product's
 * markers). Built from the grids rather than through tests/fakes/from-xlsx.ts, so that the comparison
 * is between the adapters, not between two parsers of the file (from-xlsx reads `t="d"` cells as
 * NaN and leaves `_xHHHH_` escapes undecoded).
 *
 * @param bytes - the .xlsx file
 * @returns the fake
 */
export function fakeOf(bytes: Uint8Array): ExcelFake {
  const pkg = openPackage(bytes);
  const tables = listTables(pkg);
  const names = readDefinedNames(pkg);
  const sheets: FakeSheetInit[] = listSheets(pkg)
    .filter((s) => s.type === "worksheet")
    .map((s, index) => {
      const { grid, origin } = readGrid(pkg, s.name);
      const top = parseA1(origin.topLeft);
      const cells: Record<string, FakeCellInit> = {};
      let blank: readonly RawValue[] | undefined;
      grid.forEach((row, r) => {
        if (row === blank) return; // the reader shares one array among the empty rows
        let any = false;
        row.forEach((v, c) => {
          const value = officeValue(v);
          if (value === null) return;
          cells[a1(top.row + r, top.col + c)] = value;
          any = true;
        });
        if (!any) blank = row;
      });
      return {
        name: s.name,
        visibility: s.state === "visible" ? "Visible" : s.state === "hidden" ? "Hidden" : "VeryHidden",
        cells,
        tables: tables
          .filter((t) => t.sheet === s.name)
          .map((t) => ({ name: t.name, range: t.ref, showTotals: t.totalsRowCount > 0 })),
        names: names
          .filter((n) => n.localSheetId === index)
          .map((n) => ({ name: n.name, formula: `=${n.value}`, visible: !n.hidden })),
      };
    });
  return createExcelFake({ sheets });
}
