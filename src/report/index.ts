/**
 * The report's public surface: build a report from a plan, its model's types, the contract with the
 * adapters (names, markers, layout facts), the fingerprint of its formulas, its words and the layout
 * helpers both adapters share. Adapters import from here only (ESLint's no-restricted-imports).
 */

export { buildReport } from "./report";
export type { BuildReportOptions, InputSource, ReportStamp } from "./context";
export type { BonusReportInput } from "./sheets/bonus-layout";
export { bonusLayout, bonusNames, bonusParamRows, BONUS_PARAMS_TITLE_ROW } from "./sheets/bonus-layout";
export { isReportSheetKind } from "./model";
export type {
  CellStyle,
  Expected,
  PrintSetup,
  Report,
  ReportCell,
  ReportChart,
  ReportName,
  ReportSheet,
  ReportSheetKind,
  ReportStatusFormat,
  ReportTable,
  ReportValidation,
  ReportValue,
  ScenarioSheetKind,
  SheetKind,
  StyleName,
} from "./model";
export {
  BASINS_LAYOUT,
  CAF_BASE_CELL_NAME,
  CHECKS_LAYOUT,
  COMMUNES_LAYOUT,
  COMMUNES_TABLE,
  ENGINEERING_ROWS,
  COMPLETE_COMMENT,
  COMPLETE_NAME,
  FORMULAS_KEY_NAME,
  MARKER_NAME,
  MARKER_PREFIX,
  PARAM_CELL_NAMES,
  PARAM_KEYS,
  PARAM_VALUE_COL,
  PARAMETER_ROWS,
  PLAN_PARAM_CELL_NAMES,
  SCENARIOS_LAYOUT,
  SHEET_ORDER,
  SPARE_SCENARIO_COLUMNS,
  scenarioBonusRows,
} from "./schema";
export type { EngineeringRow, ParamKey, ParamKind } from "./schema";
export { formulasKey, formulasKeyOfName, langOfFormulasKey } from "./fingerprint";
export { reportLabels } from "../i18n";
export type { ReportLabels } from "../i18n";
export { planToJson } from "./plan-json";
export type { PlanJson } from "./plan-json";
export { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, wrappedRowHeights } from "./layout";
export { MONEY_FORMAT, PERCENT_FORMAT, INTEGER_FORMAT, REPORT_STYLES } from "./styles";
