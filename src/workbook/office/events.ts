/**
 * Watching sheets for edits with `Worksheet.onChanged` (ExcelApi 1.7), so that the pane can tell
 * when the product's sheets or the input change under it.
 *
 * Office removes a handler only through the request context it was added in: the remover runs its
 * request in that context with the runner's `inContext` (`Excel.run(context, batch)`, as Office's
 * documentation does it), which keeps runExcel's retries and explained errors.
 */

import { uniqueCaseless } from "../../core";
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
 * No handler is added to an object that may not exist (a `*OrNullObject` result: Microsoft's
 * documentation does not say that works): the sheets are taken with `getItem`, their loads queued
 * before any registration, so a missing one fails the request (ItemNotFound) before anything is
 * registered; then one request lists the sheets there are and the watch starts again on those
 * (two more requests, only when the caller named a sheet that is not there).
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
  let removed = false;
  const byId = new Map<string, string>();
  const register = (names: readonly string[]): Promise<Watch> =>
    run(async (context) => {
      const worksheets = names.map((name) => {
        const worksheet = context.workbook.worksheets.getItem(name);
        worksheet.load("id,name");
        return { name, worksheet };
      });
      // Every load before any registration: a missing sheet fails the request before one is added.
      const results = worksheets.map(({ name, worksheet }) =>
        worksheet.onChanged.add(
          (args: Excel.WorksheetChangedEventArgs): Promise<void> =>
            // In a promise: what onChange throws becomes the handler's rejection, which Office reports.
            new Promise<void>((resolve) => {
              if (!removed) {
                const sheet = byId.get(args.worksheetId) ?? name;
                onChange({ sheet, address: args.address, changeType: args.changeType });
              }
              resolve();
            }),
        ),
      );
      await context.sync();
      for (const { worksheet } of worksheets) byId.set(worksheet.id, worksheet.name);
      return { context, results };
    });
  const existing = async (): Promise<string[]> => {
    const there = await run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await context.sync();
      return worksheets.items.map((ws) => ws.name.toLowerCase());
    });
    const present = new Set(there);
    return uniqueCaseless(sheets).filter((name) => present.has(name.toLowerCase()));
  };

  let wanted = uniqueCaseless(sheets);
  let watch: Watch | null = null;
  for (let attempt = 0; watch === null; attempt++) {
    if (wanted.length === 0) return () => Promise.resolve();
    try {
      watch = await register(wanted);
    } catch (err) {
      // A named sheet is not there (or went meanwhile): watch those that are.
      if (!(err instanceof ExcelHostError && err.code === "ItemNotFound") || attempt >= 2) throw err;
      wanted = await existing();
    }
  }
  const results = watch.results;
  const removeAll: ExcelBatch<void> = async (context) => {
    for (const result of results) result.remove();
    await context.sync();
  };
  const context = watch.context;
  return async () => {
    if (removed) return;
    removed = true;
    try {
      await run.inContext(context, removeAll);
    } catch (err) {
      // A watched sheet deleted since: Excel dropped its handler with it, and says the sheet is gone.
      if (err instanceof ExcelHostError && err.code === "ItemNotFound") return;
      throw err;
    }
  };
}

/** A watch's request context (its handlers are removed through it) and its handlers. */
interface Watch {
  readonly context: Excel.RequestContext;
  readonly results: readonly OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>[];
}
