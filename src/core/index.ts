/**
 * The public API of src/core: what other folders may import (ESLint's
 * no-restricted-imports forbids deep imports). Kept up to date by /work/brief/rewrite-imports.mjs.
 */

export {
  a1,
  cellText,
  columnIndex,
  columnLetters,
  gridAddress,
  parseA1,
  quoteSheet,
  rangeBounds,
  sheetRowNumber,
  toCell,
  uniqueCaseless,
} from "./cell";
export { COMMUNES, normalizeName } from "./communes";
export { DEMO_HEADERS, DEMO_TOTAL, demoRows } from "./demo";
export {
  RATE_SCALE,
  centsToEuros,
  formatMoney,
  formatRate,
  parseAmount,
  parseRate,
  rateToFraction,
} from "./money";
export { DEFAULT_PARAMS, PLAN_PARAM_NAMES, parseAllocationKey, parseCafBase, readParams } from "./params";
export type { ParamInputs, PlanParamName } from "./params";
export { computePlanFromColumns } from "./plan";
export { fieldOfHeader, fundingColumns, readFundingTable } from "./reader";
export { readCommunesTable } from "./reference";
export {
  SCENARIO_FIELD_LABELS,
  applyScenarioEdits,
  defaultScenario,
  mergeScenarios,
  planScenario,
  readScenarios,
  scenarioFromSpec,
  serialOfIsoDay,
} from "./scenarios";
export type { Scenario, ScenarioEdit, ScenarioField, ScenarioPlan, ScenarioSpec } from "./scenarios";
export { planScenarioBonus } from "./scenarios";
export {
  NO_SCENARIO_BONUS,
  SCENARIO_BONUS_FIELDS,
  SCENARIO_BONUS_KIND,
  SCENARIO_BONUS_LABELS,
  SCENARIO_TRANCHES,
  SCENARIO_UPLIFTS,
  scenarioBonusParams,
} from "./scenario-bonus";
export type { AddedPlaces, ScenarioBonus, ScenarioBonusField, ScenarioBonusKind } from "./scenario-bonus";
export { ALLOCATION_KEYS, BASINS, CAF_BASES, FIELDS } from "./types";
export type {
  AllocationKey,
  Basin,
  BasinPlan,
  CafBase,
  Cents,
  ColumnMapping,
  Commune,
  CommuneTotal,
  Field,
  FundingRow,
  GridOrigin,
  Issue,
  Lang,
  Plan,
  PlanParams,
  Rate,
  RawGrid,
  RawValue,
  ReadResult,
  Severity,
} from "./types";
export { bonusDemoGrid } from "./bonus-demo";
export {
  BONUS_NAME_PREFIX,
  BONUS_PARAM_NOTES,
  DEFAULT_BONUS_PARAMS,
  SMOOTHED_KINDS,
  bonusNames,
} from "./bonus-params";
export type { BonusParamKind, BonusParamName, BonusParams } from "./bonus-params";
export { readBonusParams } from "./bonus-params-read";
export type { BonusParamInputs } from "./bonus-params-read";
export { computeBonusPlan, smoothedPool } from "./bonus";
export type { BonusPlan, FacilityBonus } from "./bonus";
export { FACILITY_SHEET, FACILITY_TABLE, isFacilityTable, readFacilityTable } from "./facilities";
export { addCents, applyRate, sumCents } from "./money";
export type { BonusKind, Facility, FacilityField, FacilityReadResult, Hundredths } from "./types";
export { FACILITY_HEADERS } from "./facilities";
export type {
  BonusUnit,
  Engineering,
  EngineeringSplit,
  IssueCode,
  IssueDataByCode,
  IssueOf,
  OperatorKind,
} from "./types";
