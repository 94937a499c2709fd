// Test helper: the strict Excel fake holding what an .xlsx file holds (sheets, values, formulas with
// their cached values, tables, defined names), so that both adapters can read "the same workbook".

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPackage } from "../../src/workbook/xlsx/package";
import { listSheets, listTables, readDefinedNames } from "../../src/workbook/xlsx/read";
import { readXlsxCells } from "../helpers/xlsx-values";
import {
  createExcelFake,
  type ExcelFake,
  type FakeCellInit,
  type FakeInit,
  type FakeOptions,
  type FakeSheetInit,
} from "./excel-fake";

/** Writes bytes to a temporary .xlsx file and reads its cells (the test helper needs a path). */
export function xlsxCells(bytes: Uint8Array): ReturnType<typeof readXlsxCells> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-office-"));
  try {
    const file = path.join(dir, "book.xlsx");
    fs.writeFileSync(file, bytes);
    return readXlsxCells(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The fake's initial workbook for an .xlsx file.
 *
 * @param bytes - the file
 * @param extraSheets - sheets to add after the file's
 * @returns the initial workbook
 */
export function fakeInitFromXlsx(bytes: Uint8Array, extraSheets: readonly FakeSheetInit[] = []): FakeInit {
  const pkg = openPackage(bytes);
  const cells = xlsxCells(bytes);
  const sheets = listSheets(pkg);
  const tables = listTables(pkg);
  const names = readDefinedNames(pkg);
  const init: FakeSheetInit[] = sheets.map((s, index) => {
    const own: Record<string, FakeCellInit> = {};
    for (const [ref, info] of cells.get(s.name) ?? new Map()) {
      if (info.formula !== undefined && info.formula !== "")
        own[ref] = { formula: `=${info.formula}`, ...(info.value === null ? {} : { value: info.value }) };
      else if (info.value !== null) own[ref] = info.value;
    }
    return {
      name: s.name,
      visibility: s.state === "visible" ? "Visible" : s.state === "hidden" ? "Hidden" : "VeryHidden",
      cells: own,
      tables: tables
        .filter((t) => t.sheet === s.name)
        .map((t) => ({
          name: t.name,
          range: t.ref,
          showTotals: t.totalsRowCount > 0,
          ...(t.headerRowCount === 0 ? { showHeaders: false } : {}),
        })),
      names: names
        .filter((n) => n.localSheetId === index)
        .map((n) => ({ name: n.name, formula: `=${n.value}`, visible: !n.hidden })),
    };
  });
  return {
    sheets: [...init, ...extraSheets],
    names: names
      .filter((n) => n.localSheetId === undefined)
      .map((n) => ({ name: n.name, formula: `=${n.value}`, visible: !n.hidden })),
  };
}

/**
 * A fake Excel workbook holding an .xlsx file's contents.
 *
 * @param bytes - the file
 * @param options - the fake's options
 * @param extraSheets - sheets to add after the file's
 * @returns the fake
 */
export function fakeFromXlsx(
  bytes: Uint8Array,
  options: FakeOptions = {},
  extraSheets: readonly FakeSheetInit[] = [],
): ExcelFake {
  return createExcelFake(fakeInitFromXlsx(bytes, extraSheets), options);
}
