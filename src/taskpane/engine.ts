/**
 * The engine as the pane uses it: the use-cases from a workbook snapshot to a plan and a report.
 * Loaded with a dynamic import() so that the pane's first paint does not wait for it.
 */

import pkg from "../../package.json";
import type { Lang } from "../core";
import { langOfFormulasKey, type Report } from "../report";
import {
  formulasKeyOf,
  planWorkbook,
  reportFromResult,
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
  /** The fingerprint of the formulas a generation would write now, in `lang` (null when blocked). */
  formulasKey(snapshot: WorkbookSnapshot, result: PipelineResult, lang: Lang): string | null;
  /** The conflicts between the pane's staged edits and what changed in the workbook since `base`. */
  conflicts(base: WorkbookSnapshot, fresh: WorkbookSnapshot, edits: StagedEdits, lang: Lang): Conflict[];
  /** The staged edits once the user chose a side for each conflict (see merge.ts). */
  resolveEdits(edits: StagedEdits, conflicts: readonly Conflict[], resolutions: Resolutions): StagedEdits;
  /** The language a stored fingerprint was written in (`"fr:…"` → fr), null when unreadable. */
  langOfFormulasKey(key: string): Lang | null;
  /** The product's version, stamped in the `Contrôles` sheet. */
  readonly version: string;
}

export const engine: Engine = {
  plan: (snapshot, options) => planWorkbook(snapshot, options),
  report: (snapshot, result, lang) => reportFromResult(snapshot, result, { lang, version: pkg.version }),
  formulasKey: (snapshot, result, lang) => formulasKeyOf(snapshot, result, lang),
  langOfFormulasKey: (key) => langOfFormulasKey(key),
  conflicts: (base, fresh, edits, lang) => findConflicts(base, fresh, edits, lang),
  resolveEdits: (edits, conflicts, resolutions) => resolveEdits(edits, conflicts, resolutions),
  version: pkg.version,
};
