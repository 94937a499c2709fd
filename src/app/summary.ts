/**
 * The command's use-cases, written once against the workbook port: generate the summary of a workbook
 * (`ctg-planner summarize`), list its scenarios (`ctg-planner scenarios`).
 */

import {
  type ParamInputs,
  defaultScenario,
  type ScenarioPlan,
  type ScenarioSpec,
  type FundingRow,
  type Issue,
  type Lang,
  type Plan,
  type BonusPlan,
} from "../core";
import type { InputSource } from "../report";
import { planWorkbook, type PipelineOptions } from "./plan";
import type { BlockedResult, PipelineResult, ReadyResult, ScenarioSet } from "./result";
import type { InputRef, WorkbookPort } from "./ports";
import { reportFromResult, type ReportOptions } from "./report";

/** Where to read, and the day new scenarios are dated. */
export interface ReadOptions {
  /** Where the funding rows are; absent or null: the adapter finds them. */
  readonly choice?: InputRef | null;
  readonly lang: Lang;
  /** Generation time (tests pass a fixed one). */
  readonly now?: Date;
}

export interface SummaryOptions extends ReadOptions, ReportOptions {
  /** Parameters given on the command line or in the pane: they win over `Paramètres CTG`. */
  readonly params?: ParamInputs;
  /** Scenarios to add to the workbook's (`--scenario`); one named like a scenario already there replaces it. */
  readonly addScenarios?: readonly ScenarioSpec[];
}

/** A generation that errors blocked: nothing was written. */
export interface BlockedSummary {
  readonly status: "blocked";
  /** The plan when only the plan's own error blocks (see BlockedResult), else null. */
  readonly plan: Plan | null;
  readonly rows: readonly FundingRow[];
  readonly issues: readonly Issue[];
  /** The bonus territoire plan when the plan is there and the facilities were read with no error, else null. */
  readonly bonus: BonusPlan | null;
  readonly written: null;
}

/** A generation that wrote the summary sheets. */
export interface WrittenSummary<Written> {
  readonly status: "ready";
  readonly plan: Plan;
  readonly rows: readonly FundingRow[];
  /** Every issue: reference, reader, parameters, scenarios, plan (warnings only). */
  readonly issues: readonly Issue[];
  /** Where the funding rows were read. */
  readonly source: InputSource;
  /** What the adapter wrote (the .xlsx adapter: the new file's bytes). */
  readonly written: Written;
  /** The scenarios written, with their plans (the default one when the workbook held none). */
  readonly scenarios: readonly ScenarioPlan[];
  /** The bonus territoire written (issue #14); null when the workbook has no facilities table. */
  readonly bonus: BonusPlan | null;
  /** The sheet the facilities were read from (`Équipements CTG`), null without a bonus. */
  readonly bonusSource: string | null;
}

export type SummaryResult<Written> = BlockedSummary | WrittenSummary<Written>;

/** The ISO day of the generation. */
function dayOf(now: Date | undefined): string {
  return (now ?? new Date()).toISOString().slice(0, 10);
}

/** The pipeline's options from the command's. */
function pipelineOptions(options: SummaryOptions): PipelineOptions {
  return {
    ...(options.params ? { params: options.params } : {}),
    ...(options.addScenarios !== undefined && options.addScenarios.length > 0
      ? { addScenarios: { specs: options.addScenarios, lang: options.lang, date: dayOf(options.now) } }
      : {}),
  };
}

/** The scenarios as the report writes them: the workbook's, or the default one. */
function scenariosOf(plan: Plan, scenarios: ScenarioSet, options: ReadOptions): readonly ScenarioPlan[] {
  if (scenarios.kind === "listed") return scenarios.plans;
  return [{ scenario: defaultScenario(plan.params, options.lang, dayOf(options.now)), plan }];
}

function blockedSummary(result: BlockedResult): BlockedSummary {
  const bonus = result.plan === null ? null : (result.bonus?.plan ?? null);
  return {
    status: "blocked",
    plan: result.plan,
    rows: result.rows,
    issues: result.issues,
    bonus,
    written: null,
  };
}

/**
 * Reads the funding table of a workbook, computes the plan and, when no error stands in the way,
 * writes the summary sheets into it (replacing those of an earlier run).
 *
 * @param workbook - the workbook, through its adapter
 * @param options - where to read, parameters, added scenarios, language, version, time
 * @returns the plan, the issues and what was written; or blocked, with nothing written
 * @throws InputNotFoundError when the table or sheet asked for is missing; the adapter's errors
 */
export async function generateSummary<Written>(
  workbook: WorkbookPort<Written>,
  options: SummaryOptions,
): Promise<SummaryResult<Written>> {
  // The result the report was built from (the one of the generation's own read).
  const planned: { result?: ReadyResult } = {};
  const done = await workbook.generate<BlockedResult>({
    choice: options.choice ?? null,
    base: null,
    build: async (fresh) => {
      const result = planWorkbook(fresh, pipelineOptions(options));
      if (result.status === "blocked") return { kind: "stop", reason: result };
      planned.result = result;
      return { kind: "write", report: await reportFromResult(fresh, result, options) };
    },
  });
  if (done.kind === "stopped") return blockedSummary(done.reason);
  const result = planned.result;
  if (result === undefined) throw new Error("generateSummary: the adapter wrote without building the report");
  return {
    status: "ready",
    plan: result.plan,
    rows: result.rows,
    issues: result.issues,
    source: result.source,
    written: done.written,
    scenarios: scenariosOf(result.plan, result.scenarios, options),
    bonus: result.bonus?.plan ?? null,
    bonusSource: result.bonus?.origin.sheet ?? null,
  };
}

/** A workbook's scenarios with their plans, or why they cannot be planned. */
export type ScenariosResult =
  | { readonly status: "blocked"; readonly plan: Plan | null; readonly issues: readonly Issue[] }
  | {
      readonly status: "ready";
      readonly plan: Plan;
      /** Every issue: reference, reader, parameters, plan, scenarios. */
      readonly issues: readonly Issue[];
      /** The workbook's scenarios with their plans (the default one when it holds none). */
      readonly scenarios: readonly ScenarioPlan[];
    };

/**
 * Reads a workbook's scenarios and computes each one's plan, writing nothing.
 *
 * @param workbook - the workbook, through its adapter
 * @param options - where to read, language (of the default scenario's name), time
 * @returns the plan, the scenarios and their plans, the issues
 * @throws InputNotFoundError when the table or sheet asked for is missing; the adapter's errors
 */
export async function listScenarios(
  workbook: WorkbookPort<unknown>,
  options: ReadOptions,
): Promise<ScenariosResult> {
  const result: PipelineResult = planWorkbook(await workbook.snapshot(options.choice ?? null));
  if (result.status === "blocked") return { status: "blocked", plan: result.plan, issues: result.issues };
  return {
    status: "ready",
    plan: result.plan,
    issues: result.issues,
    scenarios: scenariosOf(result.plan, result.scenarios, options),
  };
}
