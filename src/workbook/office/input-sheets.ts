/**
 * The report's input sheets (the facilities table `Équipements CTG`, issue #14) in the open workbook:
 * written with the generation, only when the workbook has no sheet of that name and no table or name
 * of its tables' names. Never marked: once written, the sheet is the user's and no later generation
 * replaces, clears or deletes it. Without ExcelApi 1.8 the table comes without its drop-downs (the
 * sheet's documentation block lists the allowed values anyway).
 */

import { columnLetters } from "../../core";
import type { Report, ReportInputSheet } from "../../report";
import { applyLook, applyValidation, validationRule } from "./look";
import { rectAddress, renderSheet, type SheetRender } from "./render";
import type { ApplyStep, Capabilities, WorkbookRead } from "./write";

/** What the input sheets are queued with (write.ts's WriteQueue). */
export interface SheetQueue {
  add(step: ApplyStep, payload: unknown, actions: number, queue: () => void): void;
  setSheet(name: string, ws: Excel.Worksheet): void;
  sheetNamed(name: string): Excel.Worksheet;
}

/** An input sheet to write, rendered like a product sheet. */
export interface InputToWrite {
  readonly sheet: ReportInputSheet;
  readonly render: SheetRender;
}

/**
 * Queues a rendered sheet's looks: its styles by rectangle, its merges and its row heights (the
 * product's sheets and the input sheets alike).
 *
 * @param queue - the write queue
 * @param name - the sheet's name
 * @param render - the sheet rendered
 * @param merges - its merged ranges
 * @param can - what the host supports
 * @returns a range of the sheet by address, for what the caller queues next
 */
export function queueLooks(
  queue: SheetQueue,
  name: string,
  render: SheetRender,
  merges: readonly string[],
  can: Capabilities,
): (address: string) => Excel.Range {
  const rangeAt = (address: string): Excel.Range => queue.sheetNamed(name).getRange(address);
  for (const s of render.styles) {
    for (const rect of s.rects) {
      queue.add("formats", [s.style, rectAddress(rect)], 12, () =>
        applyLook(rangeAt(rectAddress(rect)).format, s.look, can.indent),
      );
    }
  }
  for (const m of merges) queue.add("formats", m, 1, () => rangeAt(m).merge(false));
  for (const h of render.heights) {
    queue.add("formats", h, 1, () => {
      rangeAt(`${h.row + 1}:${h.row + 1}`).format.rowHeight = h.points;
    });
  }
  return rangeAt;
}

/**
 * The report's input sheets the workbook lacks (read by queueWorkbookRead, synced), rendered.
 *
 * @param read - the workbook's sheets, tables and names
 * @param report - the report
 * @param bandBytes - the largest band of values a write carries
 * @returns the input sheets to write
 */
export function absentInputSheets(read: WorkbookRead, report: Report, bandBytes: number): InputToWrite[] {
  const sheets = new Set(read.worksheets.items.map((ws) => ws.name.toLowerCase()));
  const used = new Set([
    ...read.tables.items.map((t) => t.name.toLowerCase()),
    ...read.names.items.map((n) => n.name.toLowerCase()),
  ]);
  return (report.inputSheets ?? [])
    .filter((s) => !sheets.has(s.name.toLowerCase()) && !s.tables.some((t) => used.has(t.name.toLowerCase())))
    .map((sheet) => ({ sheet, render: renderSheet(sheet, report.styles, bandBytes) }));
}

/** sheets: each input sheet added (at the end: before the product's new sheets), with its column widths. */
export function queueInputAdds(queue: SheetQueue, read: WorkbookRead, inputs: readonly InputToWrite[]): void {
  for (const { sheet, render } of inputs) {
    queue.add("sheets", [sheet.name, render.widths], 2 + render.widths.length, () => {
      const ws = read.worksheets.add(sheet.name);
      queue.setSheet(sheet.name, ws);
      for (const w of render.widths)
        ws.getRange(`${columnLetters(w.c1)}:${columnLetters(w.c2)}`).format.columnWidth = w.points;
    });
  }
}

/** values: number formats, then the texts (an input sheet holds no formula). */
export function queueInputValues(queue: SheetQueue, inputs: readonly InputToWrite[]): void {
  for (const { sheet, render } of inputs) {
    for (const band of render.bands) {
      queue.add("values", [band.numberFormat, band.values], 3, () => {
        const range = queue.sheetNamed(sheet.name).getRange(rectAddress(band.rect));
        range.numberFormat = band.numberFormat;
        range.values = band.values;
      });
    }
  }
}

/** tables: each input sheet's tables, on their header cells written with the values. */
export function queueInputTables(queue: SheetQueue, inputs: readonly InputToWrite[]): void {
  for (const { sheet } of inputs) {
    for (const t of sheet.tables) {
      queue.add("tables", t, 3, () => {
        // A Range, not an address: an address without a sheet would mean the active sheet.
        const ws = queue.sheetNamed(sheet.name);
        const table = ws.tables.add(ws.getRange(t.ref), true);
        table.name = t.name;
        table.style = t.style;
      });
    }
  }
}

/**
 * formats: styles, merges, row heights, and the validations (checked now, before anything is sent;
 * written only with ExcelApi 1.8).
 */
export function queueInputFormats(
  queue: SheetQueue,
  inputs: readonly InputToWrite[],
  can: Capabilities,
): void {
  for (const { sheet, render } of inputs) {
    const where = `sheet "${sheet.name}"`;
    const rangeAt = queueLooks(queue, sheet.name, render, sheet.merges, can);
    for (const v of sheet.validations) {
      const rule = validationRule(v, where); // checked now, before anything is sent
      if (!can.validation) continue; // no drop-downs before ExcelApi 1.8
      queue.add("formats", [rule, v.prompt ?? "", v.error], 4, () =>
        applyValidation(rangeAt(v.ref).dataValidation, v, where),
      );
    }
  }
}
