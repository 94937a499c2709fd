/**
 * The engine as the pane uses it: the use-cases from a workbook snapshot to a plan and a report.
 * Loaded with a dynamic import() so that the pane's first paint does not wait for it; its report half
 * (engine-report.ts) is a chunk of its own, loaded after the figures (loadReport).
 */

import pkg from "../../package.json";
import type { Lang } from "../core";
import { langOfFormulasKey, type Report } from "../report";
import {
  planWorkbook,
  type PipelineOptions,
  type PipelineResult,
  type ReadyResult,
  type WorkbookSnapshot,
} from "../app";
import { findConflicts, resolveEdits, type Conflict, type Resolutions, type StagedEdits } from "./merge";

/** What the pane calls. */
export interface Engine {
  /** Reads the funding table and the parameters, and computes the plan. */
  plan(snapshot: WorkbookSnapshot, options: PipelineOptions): PipelineResult;
  /** The report of a result that no error blocks. */
  report(snapshot: WorkbookSnapshot, result: ReadyResult, lang: Lang): Promise<Report>;
  /**
   * The fingerprint of the formulas a generation would write now, in `lang` (null when blocked);
   * undefined until the report's code is loaded (loadReport).
   */
  formulasKey(snapshot: WorkbookSnapshot, result: PipelineResult, lang: Lang): string | null | undefined;
  /** Loads the report's code (asked for once the figures are shown): formulasKey answers after it. */
  loadReport(): Promise<void>;
  /** The conflicts between the pane's staged edits and what changed in the workbook since `base`. */
  conflicts(base: WorkbookSnapshot, fresh: WorkbookSnapshot, edits: StagedEdits, lang: Lang): Conflict[];
  /** The staged edits once the user chose a side for each conflict (see merge.ts). */
  resolveEdits(edits: StagedEdits, conflicts: readonly Conflict[], resolutions: Resolutions): StagedEdits;
  /** The language a stored fingerprint was written in (`"fr:…"` → fr), null when unreadable. */
  langOfFormulasKey(key: string): Lang | null;
  /** The product's version, stamped in the `Contrôles` sheet. */
  readonly version: string;
}

type ReportHalf = typeof import("./engine-report");

let reportHalf: ReportHalf | null = null;
let reportLoading: Promise<ReportHalf> | null = null;

/** The report's chunk, asked for once (again after a failed load). */
function loadReportHalf(): Promise<ReportHalf> {
  reportLoading ??= import(/* webpackChunkName: "report" */ "./engine-report").then(
    (half) => (reportHalf = half),
    (error: unknown) => {
      reportLoading = null;
      throw error;
    },
  );
  return reportLoading;
}

export const engine: Engine = {
  plan: (snapshot, options) => planWorkbook(snapshot, options),
  report: async (snapshot, result, lang) => (await loadReportHalf()).report(snapshot, result, lang),
  formulasKey: (snapshot, result, lang) => reportHalf?.formulasKey(snapshot, result, lang),
  loadReport: async () => {
    await loadReportHalf();
  },
  langOfFormulasKey: (key) => langOfFormulasKey(key),
  conflicts: (base, fresh, edits, lang) => findConflicts(base, fresh, edits, lang),
  resolveEdits: (edits, conflicts, resolutions) => resolveEdits(edits, conflicts, resolutions),
  version: pkg.version,
};
