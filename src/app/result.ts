/**
 * What planning a workbook gives: ready to report, or blocked (and why). Types, and one reading of
 * them; no engine code, so the pane's first chunk may import it.
 */

import type { ScenarioPlan, Commune, FundingRow, Issue, Plan, ReadResult } from "../core";
import type { BonusReportInput, InputSource } from "../report";

/**
 * The scenarios a generation writes: the default one (the plan's parameters, « Paramètres actuels »)
 * when the workbook holds none and nothing adds any, else the list, in column order, with their plans.
 */
export type ScenarioSet =
  { readonly kind: "default" } | { readonly kind: "listed"; readonly plans: readonly ScenarioPlan[] };

/** What every result holds, blocked or not. */
interface ResultBase {
  readonly read: ReadResult;
  readonly reference: readonly Commune[];
  readonly rows: readonly FundingRow[];
  /** Every issue: reference, reader, parameters, scenarios, plan, bonus territoire. */
  readonly issues: readonly Issue[];
}

/** What a plan brings: the plan, where its rows are, and the scenarios it would write. */
export interface Planned {
  readonly plan: Plan;
  /** Where the input's mapped columns are, for the report's formulas. */
  readonly source: InputSource;
  readonly scenarios: ScenarioSet;
  /**
   * The bonus territoire (issue #14): the facilities table as read with no error, its parameters and
   * the engine's plan; null when the workbook has no facilities table (or an empty one).
   */
  readonly bonus: BonusReportInput | null;
}

/**
 * An error stands in the way of writing: nothing may be written. When the rows could be planned and
 * the error is the plan's own (a key that sums to zero), the plan is there (the command's JSON shows
 * it); when the input, the parameters or the scenarios have errors, `plan` is null.
 */
export type BlockedResult = ResultBase & { readonly status: "blocked" } & ({ readonly plan: null } | Planned);

/** Nothing blocks: the report can be built and written. */
export interface ReadyResult extends ResultBase, Planned {
  readonly status: "ready";
}

/** The plan of a workbook, or why nothing may be written. */
export type PipelineResult = BlockedResult | ReadyResult;

/**
 * The scenarios and their plans as the pane lists them: the workbook's (or the ones made by the
 * edits); empty when there is no plan or when the report would write the default one.
 *
 * @param result - a result of planWorkbook
 * @returns the scenarios with their plans, in column order
 */
export function scenarioPlans(result: PipelineResult): readonly ScenarioPlan[] {
  return result.plan !== null && result.scenarios.kind === "listed" ? result.scenarios.plans : [];
}
