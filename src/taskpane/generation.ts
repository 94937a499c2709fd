/**
 * What the pane writes when it generates: its staged edits on top of the workbook as the
 * generation's own read found it (see merge.ts), planned and turned into a report; or why it stops.
 */

import type { PlanParamName } from "../core/params";
import type { ColumnMapping, Lang } from "../core/types";
import type { WorkbookSnapshot } from "../workbook/pipeline";
import type { Engine } from "./engine";
import type { GenerationDecision } from "./host";
import type { Conflict, StagedEdits } from "./merge";
import { initialParamFields, paramInputsFromFields } from "./model";

/** Why a generation stopped before writing. */
export type GenerationStop =
  | { readonly kind: "conflicts"; readonly conflicts: readonly Conflict[]; readonly edits: StagedEdits }
  /** The workbook, as read now, has errors (edited since the pane's read). */
  | { readonly kind: "blocked" };

/** The pane's side of a generation. */
export interface GenerationInputs {
  readonly engine: Engine;
  /** The snapshot the edits were made on. */
  readonly base: WorkbookSnapshot;
  readonly edits: StagedEdits;
  readonly mapping: ColumnMapping | undefined;
  readonly lang: Lang;
  /** The ISO day a new scenario is dated. */
  readonly date: string;
}

/**
 * Decides, on the workbook as it is now, what to write: stops on conflicts between the pane's edits
 * and the workbook's changes since `base`, or on errors; else the report of the edits applied to the
 * workbook now.
 *
 * @param inputs - the engine, the pane's read and edits, mapping, language and day
 * @param fresh - the workbook as the generation read it
 * @returns write this report, or stop (and why)
 */
export async function decideGeneration(
  inputs: GenerationInputs,
  fresh: WorkbookSnapshot,
): Promise<GenerationDecision<GenerationStop>> {
  const { engine, base, edits, mapping, lang, date } = inputs;
  const conflicts = engine.conflicts(base, fresh, edits, lang);
  if (conflicts.length > 0) return { kind: "stop", reason: { kind: "conflicts", conflicts, edits } };
  const fields = { ...initialParamFields(fresh.parameters, lang), ...edits.overrides };
  const edited = new Set(Object.keys(edits.overrides) as PlanParamName[]);
  const result = engine.plan(fresh, {
    params: paramInputsFromFields(fields, edited, lang),
    ...(mapping === undefined ? {} : { mapping }),
    scenarioEdits: edits.scenarioEdits,
    basinMoves: edits.basinMoves,
    lang,
    date,
  });
  if (result.blocked) return { kind: "stop", reason: { kind: "blocked" } };
  return { kind: "write", report: await engine.report(fresh, result, lang) };
}
