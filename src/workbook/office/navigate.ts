/**
 * Taking the user to a place of the workbook: a cell an issue points at (`Financements!D7`,
 * `'Paramètres CTG'!B5`), or a sheet.
 */

import { HOST_MESSAGES } from "../../i18n";
import { ExcelHostError, type ExcelRunner } from "./excel-host";
import { splitAddress } from "./markers";

/**
 * Activates the cell's sheet and selects the cell (or range), in one request.
 *
 * @param run - the Excel runner (see excelRunner)
 * @param address - the address with its sheet: `Financements!D7`, `'Paramètres CTG'!B5`
 * @throws ExcelHostError `BadAddress` when the address has no sheet; Office errors explained
 *   (`ItemNotFound` for a sheet that is gone, `InvalidOperation` for a hidden one)
 */
export async function selectCell(run: ExcelRunner, address: string): Promise<void> {
  const parts = splitAddress(address.trim());
  if (parts === null || parts.cells === "") {
    throw new ExcelHostError("BadAddress", HOST_MESSAGES.badAddress(address));
  }
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(parts.sheet);
    sheet.activate();
    sheet.getRange(parts.cells.replace(/\$/g, "")).select();
    await context.sync();
  });
}

/**
 * Shows a sheet.
 *
 * @param run - the Excel runner (see excelRunner)
 * @param name - the sheet's name
 * @throws ExcelHostError for Office errors (`ItemNotFound`, `InvalidOperation` for a hidden sheet)
 */
export async function activateSheet(run: ExcelRunner, name: string): Promise<void> {
  await run(async (context) => {
    context.workbook.worksheets.getItem(name).activate();
    await context.sync();
  });
}
