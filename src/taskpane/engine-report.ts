/**
 * The engine's report half: the report a generation writes and the fingerprint of its formulas (how
 * the pane tells a summary out of date). The report's code (every sheet, its labels) is a chunk of
 * its own, asked for once the figures are shown (see Engine.loadReport): the figures never wait for it.
 */

import pkg from "../../package.json";
import type { Lang } from "../core";
import type { Report } from "../report";
import {
  formulasKeyOf,
  reportFromResult,
  type PipelineResult,
  type ReadyResult,
  type WorkbookSnapshot,
} from "../app";

/** The report of a result that no error blocks. */
export function report(snapshot: WorkbookSnapshot, result: ReadyResult, lang: Lang): Promise<Report> {
  return reportFromResult(snapshot, result, { lang, version: pkg.version });
}

/** The fingerprint of the formulas a generation would write now, in `lang` (null when blocked). */
export function formulasKey(snapshot: WorkbookSnapshot, result: PipelineResult, lang: Lang): string | null {
  return formulasKeyOf(snapshot, result, lang);
}
