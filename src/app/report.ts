/**
 * From a plan that nothing blocks to the report both adapters write, and the fingerprint of its
 * formulas (how the pane tells a summary out of date).
 */

import type { Lang, RawGrid } from "../core";
import { buildReport, formulasKey, type BuildReportOptions, type Report } from "../report";
import type { PipelineResult, ReadyResult } from "./result";
import type { WorkbookSnapshot } from "./snapshot";

/** SHA-256 (hex) of the values read, in a canonical JSON form. */
export async function hashGrid(grid: RawGrid): Promise<string> {
  const text = JSON.stringify(
    grid.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : (v ?? null)))),
  );
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The options of a report: its language, the product's version and the generation time. */
export interface ReportOptions {
  readonly lang: Lang;
  readonly version: string;
  /** Generation time (tests pass a fixed one). */
  readonly now?: Date;
}

/** The report builder's options for a result nothing blocks. */
function buildOptions(
  snapshot: WorkbookSnapshot,
  result: ReadyResult,
  lang: Lang,
  stamp: BuildReportOptions["stamp"],
): BuildReportOptions {
  return {
    plan: result.plan,
    rows: result.rows,
    warnings: result.issues.filter((i) => i.severity === "warning"),
    source: result.source,
    lang,
    stamp,
    taken: snapshot.taken,
    scenarios: result.scenarios.kind === "listed" ? result.scenarios.plans : [],
    ...(result.bonus === null ? {} : { bonus: result.bonus }),
  };
}

/**
 * The report of a result that nothing blocks.
 *
 * @param snapshot - the workbook snapshot the result came from
 * @param result - planWorkbook's result on it, ready
 * @param options - language, version and generation time
 * @returns the report
 */
export async function reportFromResult(
  snapshot: WorkbookSnapshot,
  result: ReadyResult,
  options: ReportOptions,
): Promise<Report> {
  return buildReport(
    buildOptions(snapshot, result, options.lang, {
      generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      version: options.version,
      inputHash: await hashGrid(snapshot.input.grid),
    }),
  );
}

/**
 * The fingerprint of the formulas a generation would write now (see report/fingerprint.ts): the pane
 * compares it with the workbook's `formulasKey` to tell whether the summary is out of date.
 *
 * @param snapshot - the workbook snapshot
 * @param result - planWorkbook's result on it (without the pane's own edits)
 * @param lang - the language of the report (the one the stored fingerprint names)
 * @returns the fingerprint, or null when errors block the result
 */
export function formulasKeyOf(snapshot: WorkbookSnapshot, result: PipelineResult, lang: Lang): string | null {
  if (result.status === "blocked") return null;
  return formulasKey(
    buildReport(
      buildOptions(snapshot, result, lang, {
        generatedAt: "1970-01-01T00:00:00Z",
        version: "",
        inputHash: "",
      }),
    ),
  );
}
