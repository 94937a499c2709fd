/**
 * `ctg-planner summarize` on a file's bytes, as the tests read its result: generateSummary through
 * the .xlsx adapter, flattened (the plan, the issues, the new file or null on errors).
 */

import { generateSummary, type SummaryOptions } from "../../src/app";
import type { ScenarioPlan } from "../../src/core/scenarios";
import type { FundingRow, Issue, Plan } from "../../src/core/types";
import type { InputSource } from "../../src/report";
import { XlsxWorkbook } from "../../src/workbook/xlsx";

export interface SummarizeResult {
  readonly plan: Plan | null;
  readonly rows: readonly FundingRow[];
  readonly issues: readonly Issue[];
  /** Where the funding rows were read (null on errors). */
  readonly source: InputSource | null;
  /** The workbook with the summary sheets; null when an error blocks writing. */
  readonly output: Uint8Array | null;
  /** The scenarios written, with their plans; empty on errors. */
  readonly scenarios: readonly ScenarioPlan[];
}

/**
 * @param bytes - the .xlsx file
 * @param options - `table` / `sheet` to read (else found), parameters, scenarios, language, version, time
 * @returns the result, flattened
 * @throws WorkbookFileError, InputNotFoundError as the command meets them
 */
export async function summarizeWorkbook(
  bytes: Uint8Array,
  options: Omit<SummaryOptions, "choice"> & { readonly table?: string; readonly sheet?: string },
): Promise<SummarizeResult> {
  const choice =
    options.table !== undefined
      ? ({ kind: "table", name: options.table } as const)
      : options.sheet !== undefined
        ? ({ kind: "sheet", name: options.sheet } as const)
        : null;
  const result = await generateSummary(new XlsxWorkbook(bytes), { ...options, choice });
  if (result.status === "blocked") {
    return {
      plan: result.plan,
      rows: result.rows,
      issues: result.issues,
      source: null,
      output: null,
      scenarios: [],
    };
  }
  return {
    plan: result.plan,
    rows: result.rows,
    issues: result.issues,
    source: result.source,
    output: result.written.bytes,
    scenarios: result.scenarios,
  };
}
