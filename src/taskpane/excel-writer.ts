/**
 * The Office.js adapter's writer, as the pane's Excel host loads it when a generation starts (a chunk
 * of its own: the pane reads the workbook and shows its figures without it).
 */

export { ExcelWorkbook } from "../workbook/office";
