/**
 * What the pane writes when it generates: its staged edits on top of the workbook as the
 * generation's own read found it (see merge.ts), planned and turned into a report; or why it stops.
 */

import type { PlanParamName, ColumnMapping, Lang } from "../core";
import type { WorkbookSnapshot } from "../app";
import type { Engine } from "./engine";
import type { GenerationDecision } from "./host";
import type { Conflict, StagedEdits } from "./conflicts";
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
 * The workbook's inputs to generate from. After an interrupted generation (`complete` false) the
 * product's own cells (parameters, the bonus territoire's `CTG_B_*` parameters, `Communes CTG`,
 * `Scénarios CTG`) may be wiped or half written: the values the pane read before it, from a whole
 * summary, are the ones to write again. The funding and facilities tables, the user's, are always
 * taken as they are now.
 *
 * @param base - the pane's read
 * @param fresh - the generation's read
 * @returns `fresh`, with the product's cells of `base` when `fresh` is marked incomplete and `base` is not
 */
export function trustedInputs(base: WorkbookSnapshot, fresh: WorkbookSnapshot): WorkbookSnapshot {
  if (fresh.complete !== false || base.complete === false) return fresh;
  return {
    ...fresh,
    parameters: base.parameters,
    ...(base.bonusParameters === undefined ? {} : { bonusParameters: base.bonusParameters }),
    communes: base.communes,
    scenarios: base.scenarios,
  };
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
  const { engine, base, edits, mapping, lang } = inputs;
  const now = trustedInputs(base, fresh);
  const conflicts = engine.conflicts(base, now, edits, lang);
  if (conflicts.length > 0) return { kind: "stop", reason: { kind: "conflicts", conflicts, edits } };
  const fields = { ...initialParamFields(now.parameters, lang), ...edits.overrides };
  const edited = new Set(Object.keys(edits.overrides) as PlanParamName[]);
  const result = engine.plan(now, {
    params: paramInputsFromFields(fields, edited, lang),
    ...(mapping === undefined ? {} : { mapping }),
    scenarioEdits: edits.scenarioEdits,
    basinMoves: edits.basinMoves,
    lang,
    date: inputs.date,
  });
  if (result.status === "blocked") return { kind: "stop", reason: { kind: "blocked" } };
  return { kind: "write", report: await engine.report(now, result, lang) };
}
