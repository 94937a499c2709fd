/**
 * Every sentence of the product, in French and English: the issue sentences (messages.ts, one
 * module per language: issue-sentences-fr.ts, -en.ts), the
 * report's words (report-labels*.ts), the task pane's (pane.ts), the command line's (cli.ts) and the
 * Office adapter's (host.ts). Pure: imports src/core only. Each table is checked by the compiler
 * against the codes it phrases.
 */

export {
  BASIN_LABELS,
  BONUS_KIND_LABELS,
  FACILITY_FIELD_LABELS,
  FIELD_LABELS,
  HEADER_HINTS,
  KEY_LABELS,
  OPERATOR_KIND_LABELS,
  PARAM_WORDS,
  BONUS_PARAM_WORDS,
  quote,
  UNIT_LABELS,
} from "./labels";
export { formatIssue, formatIssueLine } from "./messages";
export { loadIssueSentences } from "./issue-sentences";
export type { IssueFormatter } from "./issue-sentences";
export { reportLabels } from "./report-labels";
export { facilityInputLabels } from "./facility-input";
export type { FacilityColumnWords, FacilityInputLabels } from "./facility-input";
export { REPORT_SHEET_NAMES } from "./report-sheet-names";
export type {
  BasinsColumnWordKey,
  EngineeringRowWordKey,
  ReportLabels,
  ReportSheetWordKey,
} from "./report-labels";
export { uiText } from "./pane";
export type { ExcelLackKey, FileErrorReason, GenerateStepKey, UiText } from "./pane";
export { bonusPaneText } from "./pane-bonus";
export type { BonusPaneText } from "./pane-bonus";
export { cliText } from "./cli";
export type { CliText } from "./cli";
export { HOST_MESSAGES, officeErrorMessages } from "./host";
export type { BothLanguages, OfficeErrorCode } from "./host";
