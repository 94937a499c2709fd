// The facilities input sheet (issue #14) through the Office adapter, on the strict fake at ExcelApi
// 1.7 (Excel 2019: no data validation), 1.8 and 1.12: written when the workbook lacks it, unmarked,
// with its empty table (and its drop-downs from 1.8 on), without a member above the level (the fake
// throws ApiNotFound); left untouched, typed rows and all, by the next generation; read back empty as
// no facility and no issue.

import { COMMUNES } from "../../../src/core/communes";
import {
  FACILITY_HEADERS,
  FACILITY_SHEET,
  FACILITY_TABLE,
  readFacilityTable,
} from "../../../src/core/facilities";
import { FACILITY_FIELDS, type RawValue } from "../../../src/core/types";
import type { Report } from "../../../src/report/model";
import { planWorkbook, reportFromResult, type WorkbookSnapshot } from "../../../src/app";
import { applyReportExcel, excelRunner, snapshotExcel, type ExcelRunner } from "../../../src/workbook/office";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import type { ExcelFake } from "../../fakes/excel-fake";
import { fakeFromXlsx } from "../../fakes/from-xlsx";
import { sheetDump } from "../../helpers/fake-dump";

const NOW = new Date("2026-11-28T12:00:00Z");
const noSleep = async (): Promise<void> => undefined;

function setup(
  apiVersion: string,
  bytes = demoWorkbook(COMMUNES, "fr", { facilities: false }),
): { fake: ExcelFake; run: ExcelRunner } {
  const fake = fakeFromXlsx(bytes, { apiVersion });
  return { fake, run: excelRunner({ excelRun: fake.excelRun, sleep: noSleep }) };
}

async function reportOf(snapshot: WorkbookSnapshot, lang: "fr" | "en" = "fr"): Promise<Report> {
  const result = planWorkbook(snapshot);
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return reportFromResult(snapshot, result, { lang, version: "test", now: NOW });
}

async function generate(
  fake: ExcelFake,
  run: ExcelRunner,
  lang: "fr" | "en" = "fr",
): Promise<Awaited<ReturnType<typeof applyReportExcel>>> {
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }), lang);
  return applyReportExcel(run, report, undefined, { supports: fake.supports });
}

/** The facilities table's values, header first, read through the API as the adapter would. */
async function tableValues(run: ExcelRunner): Promise<RawValue[][]> {
  return run(async (context) => {
    const range = context.workbook.tables.getItem(FACILITY_TABLE).getRange();
    range.load("values");
    await context.sync();
    return range.values as RawValue[][];
  });
}

/**
 * The plan of the workbook with the facilities table as read through the API (header first, as the
 * app layer reads an Excel table): the empty table is no facility and no issue, and no bonus.
 */
async function expectEmptyRead(run: ExcelRunner): Promise<void> {
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  const grid = await tableValues(run);
  const facilities = {
    grid,
    origin: { sheet: FACILITY_SHEET, topLeft: "A21" },
    sheet: FACILITY_SHEET,
    table: FACILITY_TABLE,
  };
  const result = planWorkbook({ ...snapshot, facilities });
  expect(result.status).toBe("ready");
  expect(result.issues.filter((i) => /^(facility|bonus)-/.test(i.code))).toEqual([]);
  expect(result.status === "ready" ? result.bonus : "blocked").toBeNull();
}

describe.each(["1.7", "1.8", "1.12"])("ExcelApi %s", (apiVersion) => {
  const dropDowns = apiVersion !== "1.7";

  test("a generation on a workbook without it writes the sheet, unmarked, with its empty table", async () => {
    const { fake, run } = setup(apiVersion);
    const result = await generate(fake, run); // ApiNotFound on any member above the level
    expect(result.inputSheets).toEqual([FACILITY_SHEET]);
    const names = fake.state.sheetNames();
    expect(names.filter((n) => n === FACILITY_SHEET)).toHaveLength(1);
    expect(names.indexOf(FACILITY_SHEET)).toBe(1); // after the user's, before the product's
    const sheet = fake.state.sheet(FACILITY_SHEET);
    expect(sheet.names).toEqual([]); // no marker
    expect(fake.state.findTable(FACILITY_TABLE)).toMatchObject({
      sheet,
      bounds: { r1: 20, c1: 0, r2: 21, c2: 13 },
      showHeaders: true,
      showTotals: false,
    });
    expect(FACILITY_FIELDS.map((f, c) => sheet.at(20, c)?.value)).toEqual(
      FACILITY_FIELDS.map((f) => FACILITY_HEADERS[f]),
    );
    // Drop-downs from ExcelApi 1.8; before, none, and no list below the table (the sheet documents
    // the allowed values above it).
    expect(sheet.validations.map((v) => v.address)).toEqual(
      dropDowns
        ? [
            "C22:C521",
            "E22:E521",
            "F22:F521",
            "G22:G521",
            "H22:H521",
            "I22:I521",
            "J22:J521",
            "K22:K521",
            "L22:L521",
            "M22:M521",
            "N22:N521",
          ]
        : [],
    );
    for (let r = 21; r < 40; r++) expect(sheet.at(r, 0)?.value ?? null).toBeNull();
    if (dropDowns) {
      expect(sheet.validations[2]?.rule).toEqual({
        list: { inCellDropDown: true, source: "EAJE,RPE,LAEP,ALSH,Autre" },
      });
      expect(sheet.validations[8]?.rule).toEqual({
        date: { formula1: "2000-01-01", formula2: "2100-12-31", operator: "Between" },
      });
      expect(sheet.validations[6]?.rule).toEqual({
        wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
      });
      expect(sheet.validations[1]?.errorAlert).toMatchObject({ showAlert: false }); // domains: suggestions
      expect(sheet.validations[0]?.errorAlert).toMatchObject({ showAlert: true, style: "Stop" });
    }
    // Read back as the reader reads an Excel table: no facility, no issue.
    await expectEmptyRead(run);
  });

  test("the next generation leaves it as it is, with the rows the user typed", async () => {
    const { fake, run } = setup(apiVersion);
    await generate(fake, run);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(FACILITY_SHEET);
      ws.getRange("A22:I22").values = [
        ["Crèche test", "Commune du Creusot", "Commune", "Le Creusot", "", "EAJE", "places", 30, 60000],
      ];
      ws.getRange("A2").values = [["mes notes"]];
      await context.sync();
    });
    const before = JSON.stringify(sheetDump(fake.state, FACILITY_SHEET));
    const again = await generate(fake, run);
    expect(again.inputSheets).toEqual([]);
    expect(JSON.stringify(sheetDump(fake.state, FACILITY_SHEET))).toBe(before);
    expect(fake.state.sheetNames().filter((n) => n === FACILITY_SHEET)).toHaveLength(1);
    const grid = await tableValues(run);
    const read = readFacilityTable(grid, {
      origin: { sheet: FACILITY_SHEET, topLeft: "A21" },
      communes: COMMUNES,
      headerRow: 0,
    });
    expect(read.issues).toEqual([]);
    expect(read.facilities.map((f) => [f.name, f.commune, f.kind])).toEqual([
      ["Crèche test", "Le Creusot", "eaje"],
    ]);
  });
});

test("a workbook with the sheet (the demo's, filled) or only the table keeps them: nothing is added", async () => {
  const { fake, run } = setup("1.12", demoWorkbook(COMMUNES, "fr", { facilities: true }));
  const before = JSON.stringify(sheetDump(fake.state, FACILITY_SHEET));
  const result = await generate(fake, run);
  expect(result.inputSheets).toEqual([]);
  expect(JSON.stringify(sheetDump(fake.state, FACILITY_SHEET))).toBe(before);
  expect(fake.state.tables.filter((t) => t.name === FACILITY_TABLE)).toHaveLength(1); // the demo's

  const other = setup("1.12");
  await generate(other.fake, other.run);
  other.fake.state.sheet(FACILITY_SHEET).name = "Mes équipements"; // the user renames it
  expect((await generate(other.fake, other.run)).inputSheets).toEqual([]);
  expect(other.fake.state.sheetNames()).not.toContain(FACILITY_SHEET);
});

test("in English, the headers are the English ones the reader recognises", async () => {
  const { fake, run } = setup("1.12");
  await generate(fake, run, "en");
  const grid = await tableValues(run);
  expect(grid[0]).toEqual([
    "Facility",
    "Operator",
    "Operator kind",
    "Commune",
    "Domain",
    "Bonus kind",
    "Unit",
    "Reference capacity",
    "Former CEJ amount",
    "New places",
    "Reserved places",
    "Opening date",
    "QPV/ZRR",
    "Reinforced missions",
  ]);
  // Every column mapped, and the empty table read as no facility and no issue.
  const read = readFacilityTable(grid, {
    origin: { sheet: FACILITY_SHEET, topLeft: "A21" },
    communes: COMMUNES,
    headerRow: 0,
  });
  expect(read.facilities).toEqual([]);
  await expectEmptyRead(run);
  expect(Object.keys(read.mapping)).toHaveLength(FACILITY_FIELDS.length);
  expect(fake.state.sheet(FACILITY_SHEET).validations[2]?.rule).toEqual({
    list: { inCellDropDown: true, source: "EAJE,RPE,LAEP,ALSH,Other" },
  });
});
