/**
 * Watching sheets for edits with `Worksheet.onChanged` (ExcelApi 1.7), so that the pane can tell
 * when the product's sheets or the input change under it.
 *
 * Office removes a handler only through the request context it was added in: the remover runs its
 * request in that context with the runner's `inContext` (`Excel.run(context, batch)`, as Office's
 * documentation does it), which keeps runExcel's retries and explained errors.
 */

import { uniqueCaseless } from "../../core/cell";
import { ExcelHostError, type ExcelBatch, type ExcelRunner } from "./excel-host";

/** A change Excel reported on a watched sheet. */
export interface SheetChange {
  /** The sheet's name when the watch began (a later renaming is not followed). */
  readonly sheet: string;
  /** The cells changed, without the sheet (`B5`, `A4:C9`). */
  readonly address: string;
  /** How: Excel's DataChangeType (`RangeEdited`, `RowInserted`, `ColumnDeleted`…). */
  readonly changeType: string;
}

/**
 * Registers a `Worksheet.onChanged` handler on each named worksheet that exists (missing ones
 * skipped, names compared as Excel does, without case), in one request (one sync); the worksheets'
 * ids are loaded in the same request, to name the sheet of each change.
 *
 * Excel reports every change of cell contents, the add-in's own writes included: a caller that
 * writes into a watched sheet sees its own changes come back.
 *
 * @param run - the Excel runner (see excelRunner)
 * @param sheets - the sheets to watch, by name
 * @param onChange - called for each change, asynchronously, until the watch is removed
 * @returns a function that removes every handler, in one request: calling it again does nothing,
 *   and a watched sheet deleted since (its handler gone with it) is no error; once it is called,
 *   `onChange` is not called any more, even for a change Excel still had on its way
 * @throws ExcelHostError when Excel fails (`ApiNotFound` without ExcelApi 1.7); the remover throws
 *   ExcelHostError when Excel fails otherwise than on a deleted sheet
 */
export async function watchSheets(
  run: ExcelRunner,
  sheets: readonly string[],
  onChange: (change: SheetChange) => void,
): Promise<() => Promise<void>> {
  const wanted = uniqueCaseless(sheets);
  let removed = false;
  if (wanted.length === 0) return () => Promise.resolve();
  const byId = new Map<string, string>();
  const watch = await run(async (context) => {
    const queued = wanted.map((name) => {
      const worksheet = context.workbook.worksheets.getItemOrNullObject(name);
      worksheet.load("id,name");
      const handler = (args: Excel.WorksheetChangedEventArgs): Promise<void> =>
        // In a promise: what onChange throws becomes the handler's rejection, which Office reports.
        new Promise<void>((resolve) => {
          if (!removed) {
            const sheet = byId.get(args.worksheetId) ?? name;
            onChange({ sheet, address: args.address, changeType: args.changeType });
          }
          resolve();
        });
      const result = worksheet.onChanged.add(handler);
      return { worksheet, result };
    });
    await context.sync();
    // A missing sheet is a null object: nothing was registered on it, nothing to remove.
    const live = queued.filter((q) => !q.worksheet.isNullObject);
    for (const q of live) byId.set(q.worksheet.id, q.worksheet.name);
    return { context, results: live.map((q) => q.result) };
  });

  const removeAll: ExcelBatch<void> = async (context) => {
    for (const result of watch.results) result.remove();
    await context.sync();
  };
  return async () => {
    if (removed) return;
    removed = true;
    if (watch.results.length === 0) return;
    try {
      await run.inContext(watch.context, removeAll);
    } catch (err) {
      // A watched sheet deleted since: Excel dropped its handler with it, and says the sheet is gone.
      if (err instanceof ExcelHostError && err.code === "ItemNotFound") return;
      throw err;
    }
  };
}
