/**
 * The .xlsx package adapter: reads a user's workbook (sheets, tables, names, values) and writes the
 * report's sheets into it, leaving every other part as it was. Runs in Node and in the browser.
 */

export {
  openPackage,
  savePackage,
  WorkbookFileError,
  getPart,
  getPartText,
  readRelationships,
  resolveTarget,
  relsPathOf,
} from "./package";
export type { WorkbookFileErrorReason, XlsxPackage, Relationship } from "./package";
export { listSheets, listTables, readGrid, readTableGrid, readDefinedNames } from "./read";
export type {
  SheetInfo,
  SheetState,
  SheetType,
  TableInfo,
  DefinedNameInfo,
  GridRead,
  TableGridRead,
} from "./read";
export { applyReport, applyReportToPackage, takenNames, isValidName } from "./write";
export type { TakenNames } from "./write";
export { snapshotPackage } from "./snapshot";
export { XlsxWorkbook } from "./workbook";
export type { XlsxWritten } from "./workbook";
export { demoWorkbook } from "./demo";
export { createWorkbook } from "./create";
export type { NewSheet } from "./create";
