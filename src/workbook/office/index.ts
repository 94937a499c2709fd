/**
 * The Office.js adapter: reads the open workbook into the application's snapshot and writes the report
 * into it. Every Office.js call of the product lives in this folder.
 */

export {
  hostedByOffice,
  hostInfoLocale,
  officeEnvironment,
  officeLoaded,
  officeReady,
  readHostSignals,
  startDecision,
} from "./host";
export type { HostSignals, OfficeEnvironment, PaneHost, StartDecision } from "./host";
export {
  runExcel,
  runExcelInContext,
  excelRunner,
  ExcelHostError,
  messagesFor,
  toHostError,
  officeSupports,
  CELL_EDIT_MODE,
} from "./excel-host";
export type { ExcelBatch, ExcelRunner, RunExcelOptions, HostMessages, SupportsApi } from "./excel-host";
export { listInputs, snapshotExcel } from "./read";
export type { InputChoice, InputList, InputTable, SnapshotOptions } from "./read";
export { applyReportExcel, APPLY_STEPS, DEFAULT_MAX_REQUEST_BYTES } from "./write";
export { generateExcel } from "./generate";
export type { GenerationDecision, GenerationOutcome, GenerationRequest } from "./generate";
export type { ApplyOptions, ApplyProgress, ApplyResult, ApplyStep, MissingFeature } from "./write";
export { selectCell, activateSheet } from "./navigate";
export { watchSheets } from "./events";
export type { SheetChange } from "./events";
export { markerOf, sheetMark, splitAddress, unquoteSheet } from "./markers";
export type { NameInfo, SheetMark } from "./markers";
export {
  renderSheet,
  needsTextFormat,
  textInput,
  widthToPoints,
  toRects,
  rectAddress,
  parseRect,
  jsonBytes,
} from "./render";
export type { Band, CellInput, Rect, SheetRender, StyleRects } from "./render";
export { ExcelWorkbook, defaultChoice, fundingCandidates, officeChoice, paneProgress } from "./workbook";
