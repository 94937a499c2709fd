/**
 * The application layer: the use-cases, written once against the workbook port that the .xlsx and
 * the Office adapters implement. The command, the pane's hosts and the benchmarks come in here.
 */

export type { FacilitySnapshot, InputSnapshot, NamedValue, SheetGrid, WorkbookSnapshot } from "./snapshot";
export type {
  GenerateProgress,
  GenerateStep,
  GenerationDecision,
  GenerationOutcome,
  GenerationRequest,
  InputChoice,
  InputRef,
  ProgressListener,
  WorkbookPort,
} from "./ports";
export { planWorkbook } from "./plan";
export type { PaneScenarioOptions, PipelineOptions } from "./plan";
export { scenarioPlans } from "./result";
export type { BlockedResult, PipelineResult, Planned, ReadyResult, ScenarioSet } from "./result";
export { formulasKeyOf, hashGrid, reportFromResult } from "./report";
export type { ReportOptions } from "./report";
export { generateSummary, listScenarios } from "./summary";
export type {
  BlockedSummary,
  ReadOptions,
  ScenariosResult,
  SummaryOptions,
  SummaryResult,
  WrittenSummary,
} from "./summary";
