// The Office.js adapter against the strict Excel fake: one request to read, one to write, the same
// cells, formulas and number formats as the .xlsx writer, texts that stay texts, re-runs that replace
// only the product's sheets, retries in cell-edit mode, explained errors, and large inputs.

import { COMMUNES } from "../../../src/core/communes";
import { DEMO_HEADERS } from "../../../src/core/demo";
import { FACILITY_HEADERS, FACILITY_SHEET, FACILITY_TABLE } from "../../../src/core/facilities";
import { FACILITY_FIELDS } from "../../../src/core/types";
import type { Report, ReportCell, ReportChart, ReportSheet } from "../../../src/report";
import { planWorkbook, reportFromResult, type WorkbookSnapshot } from "../../../src/app";
import {
  activateSheet,
  applyReportExcel,
  CELL_EDIT_MODE,
  ExcelHostError,
  excelRunner,
  listInputs,
  needsTextFormat,
  selectCell,
  snapshotExcel,
  widthToPoints,
  type ApplyStep,
  type ExcelRunner,
} from "../../../src/workbook/office";
import { createWorkbook } from "../../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { readGrid } from "../../../src/workbook/xlsx/read";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { applyReport } from "../../../src/workbook/xlsx/write";
import { a1 } from "../../../src/core/cell";
import {
  createExcelFake,
  parseBounds,
  type ExcelFake,
  type FakeOptions,
  type FakeSheetInit,
  type FakeWorkbookState,
} from "../../fakes/excel-fake";
import { fakeFromXlsx, xlsxCells } from "../../fakes/from-xlsx";
import { NEWEST_EXCEL_API } from "../../../src/workbook/office/api-sets";

const NOW = new Date("2026-11-28T12:00:00Z");
const FOUR_MB = 4_000_000;
const noSleep = async (): Promise<void> => undefined;

function setup(
  options: FakeOptions = {},
  extraSheets: readonly FakeSheetInit[] = [],
): { bytes: Uint8Array; fake: ExcelFake; run: ExcelRunner } {
  const bytes = demoWorkbook(COMMUNES, "fr", { facilities: false }); // the funding side; the facilities table: bonus.test.ts
  const fake = fakeFromXlsx(bytes, options, extraSheets);
  return { bytes, fake, run: excelRunner({ excelRun: fake.excelRun, sleep: noSleep }) };
}

async function reportOf(snapshot: WorkbookSnapshot): Promise<Report> {
  const result = planWorkbook(snapshot);
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
}

/** The cells a fake sheet holds (value or formula), by A1 address. */
function heldCells(state: FakeWorkbookState, sheet: string): Set<string> {
  const out = new Set<string>();
  for (const [key, cell] of state.sheet(sheet).cells) {
    if (cell.value !== null || cell.formula !== null) out.add(a1(Math.floor(key / 16_384), key % 16_384));
  }
  return out;
}

/** Every cell of every sheet: value, formula, number format and look, for comparing two fakes. */
function dump(state: FakeWorkbookState): string {
  return JSON.stringify(
    state.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells].sort((x, y) => x[0] - y[0]),
      widths: [...s.columnWidths],
      heights: [...s.rowHeights],
      merges: s.merges,
      validations: s.validations,
      cf: s.conditionalFormats,
      freeze: s.freeze,
      page: s.pageLayout,
      charts: s.charts,
      names: s.names,
    })),
  );
}

// ---------------------------------------------------------------------------------------------

test("a table input is read in exactly one request, into the same snapshot as the .xlsx adapter's", async () => {
  const { bytes, fake, run } = setup();
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  expect(fake.stats.syncs).toBe(1);
  expect(fake.stats.syncCalls).toBe(2); // the batch's sync, and Excel.run's final one (empty: no request)
  const expected = snapshotPackage(openPackage(bytes), { table: "Financements" });
  expect(snapshot).toEqual(expected);
  expect(snapshot.input.origin).toEqual({ sheet: "Financements", topLeft: "A4" });
});

test("a workbook the .xlsx writer has summarized reads the same through both adapters (parameters, communes, taken names)", async () => {
  const bytes = demoWorkbook(COMMUNES, "fr", { facilities: false }); // the funding side; the facilities table: bonus.test.ts
  const report = await reportOf(snapshotPackage(openPackage(bytes)));
  const summarized = applyReport(bytes, report);
  const fake = fakeFromXlsx(summarized);
  const run = excelRunner({ excelRun: fake.excelRun });
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  // A session's first read of a workbook with a previous run: the collections show the previous
  // run's objects, read in a second request (nothing is reached from a null object); the runner
  // remembers them, so the next read is one request.
  expect(fake.stats.syncs).toBe(2);
  fake.resetStats();
  expect(await snapshotExcel(run, { table: "Financements" })).toEqual(snapshot);
  expect(fake.stats.syncs).toBe(1);
  const expected = snapshotPackage(openPackage(summarized), { table: "Financements" });
  expect(Object.keys(snapshot.parameters)).toHaveLength(6); // the five parameters and the Caf base
  expect(snapshot.communes?.grid.length).toBe(35);
  expect(snapshot.scenarios?.grid.length).toBeGreaterThan(40); // the scenarios sheet (one default column)
  expect(snapshot).toEqual(expected);
});

test("blank cells, error values, booleans and text amounts read the same through both adapters", async () => {
  const rows = [
    ["Financements 2024"],
    [],
    ["Commune", "Montant", "Remarque"],
    ["Le Creusot", 1200.5, null],
    ["Montceau-les-Mines", "1 500,00", true],
    ["Torcy", { error: "#N/A" }, ""],
    [null, 10, "x"],
  ];
  const bytes = createWorkbook([
    { name: "Saisie", rows, table: { name: "Saisie", headerRow: 2 } },
    { name: "Brut", rows },
  ]);
  const fake = fakeFromXlsx(bytes);
  const run = excelRunner({ excelRun: fake.excelRun });
  // A table; a sheet's used range (on a sheet without a table: with a funding table on the sheet,
  // the .xlsx adapter reads the table, the Office adapter the used range).
  for (const choice of [{ table: "Saisie" }, { sheet: "Brut" }] as const) {
    const snapshot = await snapshotExcel(run, choice);
    expect(snapshot).toEqual(snapshotPackage(openPackage(bytes), choice));
  }
});

test("a sheet's used range and the selection are read in one request too", async () => {
  const { fake, run } = setup();
  const bySheet = await snapshotExcel(run, { sheet: "Financements" });
  expect(fake.stats.syncs).toBe(1);
  expect(bySheet.input.table).toBeNull();
  expect(bySheet.input.origin).toEqual({ sheet: "Financements", topLeft: "A1" });
  expect(bySheet.input.grid[3]).toEqual([...DEMO_HEADERS]);
  // Same funding rows, found below the title rows.
  expect(planWorkbook(bySheet).plan?.total).toBe(
    planWorkbook(await snapshotExcel(run, { table: "Financements" })).plan?.total,
  );

  fake.state.selection = { sheet: fake.state.sheet("Financements"), bounds: { r1: 3, c1: 0, r2: 10, c2: 5 } };
  fake.resetStats();
  const bySelection = await snapshotExcel(run, { selection: true });
  expect(fake.stats.syncs).toBe(1);
  expect(bySelection.input.origin).toEqual({ sheet: "Financements", topLeft: "A4" });
  expect(bySelection.input.grid).toHaveLength(8);

  // A whole column selected: only its used part is read.
  fake.state.selection = {
    sheet: fake.state.sheet("Financements"),
    bounds: { r1: 0, c1: 0, r2: 1_048_575, c2: 0 },
  };
  const byColumn = await snapshotExcel(run, { selection: true });
  expect(byColumn.input.origin).toEqual({ sheet: "Financements", topLeft: "A1" });
  expect(byColumn.input.grid).toHaveLength(bySheet.input.grid.length);
});

test("an unknown table or sheet is a clear error listing what there is", async () => {
  const { run } = setup();
  await expect(snapshotExcel(run, { table: "Nope" })).rejects.toMatchObject({
    code: "TableNotFound",
    messages: { fr: expect.stringContaining("Financements"), en: expect.stringContaining("Financements") },
  });
  await expect(snapshotExcel(run, { sheet: "Nope" })).rejects.toBeInstanceOf(ExcelHostError);
});

test("the demo report is written in one read and one write request, every request under 4 MB", async () => {
  const { fake, run } = setup({ apiVersion: NEWEST_EXCEL_API }); // screen updating suspended: ExcelApi 1.9;
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  fake.resetStats();
  const steps: ApplyStep[] = [];
  const result = await applyReportExcel(run, report, (p) => steps.push(p.step), { supports: fake.supports });
  expect(fake.stats.runs).toBe(1);
  expect(fake.stats.syncs).toBe(2);
  expect(result.writeRequests).toBe(1);
  for (const bytes of fake.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(FOUR_MB);
  expect(steps).toEqual([
    "delete",
    "sheets",
    "values",
    "tables",
    "names",
    "formulas",
    "formats",
    "layout",
    "chart",
    "done",
  ]);
  expect(fake.state.calculationSuspendedSyncs).toBe(1);
  expect(fake.state.screenUpdatingSuspendedSyncs).toBe(1);
  // The facilities input sheet (issue #14), which the workbook lacked, comes before the product's.
  expect(fake.state.sheetNames()).toEqual([
    "Financements",
    FACILITY_SHEET,
    ...report.sheets.map((s) => s.name),
  ]);
  console.log(
    `demo report: ${fake.stats.syncs} requests (1 read + ${result.writeRequests} write), request bytes ${fake.stats.requestBytes.join(" / ")}`,
  );
});

test("parity: the cells, formulas and number formats written equal those of the .xlsx writer", async () => {
  const { bytes, fake, run } = setup({ apiVersion: NEWEST_EXCEL_API }); // the validations are drop-downs from ExcelApi 1.8;
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  const output = applyReport(bytes, report);
  const pkg = openPackage(output);
  const formulas = xlsxCells(output);
  let textFormatted = 0;
  for (const sheet of report.sheets) {
    const fs = fake.state.sheet(sheet.name);
    const xcells = formulas.get(sheet.name);
    if (xcells === undefined) throw new Error(`no ${sheet.name} in the .xlsx output`);
    // Values: readGrid of the .xlsx output, formula cells aside (the fake does not calculate).
    const grid = readGrid(pkg, sheet.name);
    const top = {
      row: Number(grid.origin.topLeft.replace(/^\D+/, "")) - 1,
      col: grid.origin.topLeft.charCodeAt(0) - 65,
    };
    const xlsxHeld = new Set<string>();
    grid.grid.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null || value === undefined) return;
        const ref = a1(top.row + i, top.col + j);
        xlsxHeld.add(ref);
        const info = xcells.get(ref);
        if (info?.formula !== undefined)
          expect({ ref, formula: fs.cell(ref).formula }).toEqual({ ref, formula: `=${info.formula}` });
        else expect({ ref, value: fs.cell(ref).value }).toEqual({ ref, value });
      }),
    );
    // Formula cells whose cached value is empty are not in the grid: check them too.
    for (const [ref, info] of xcells) {
      if (info.formula === undefined) continue;
      xlsxHeld.add(ref);
      expect({ ref, formula: fs.cell(ref).formula }).toEqual({ ref, formula: `=${info.formula}` });
    }
    // Nothing more, nothing less.
    expect([...heldCells(fake.state, sheet.name)].sort()).toEqual([...xlsxHeld].sort());
    // Number formats: the report's style format of each cell; texts that Excel would retype get "@".
    for (const cell of sheet.cells) {
      const ref = a1(cell.row, cell.col);
      let wanted = (cell.style === undefined ? undefined : report.styles[cell.style].numFmt) ?? "General";
      if (cell.value.kind === "text" && wanted !== "@" && needsTextFormat(cell.value.text)) {
        wanted = "@";
        textFormatted++;
      }
      expect({ ref: `${sheet.name}!${ref}`, format: fs.cell(ref).numberFormat }).toEqual({
        ref: `${sheet.name}!${ref}`,
        format: wanted,
      });
    }
  }
  console.log(
    `parity: ${report.sheets.reduce((n, s) => n + s.cells.length, 0)} cells; ${textFormatted} texts given the text format`,
  );
});

test("tables, names, markers, widths, merges, validations, status formats, freeze, page setup and chart are written", async () => {
  const { fake, run } = setup({ apiVersion: NEWEST_EXCEL_API });
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  const state = fake.state;
  for (const sheet of report.sheets) {
    const fs = state.sheet(sheet.name);
    expect(fs.names).toEqual([
      { name: "CTG_Planner_Sheet", formula: `="ctg-planner:${sheet.kind}"`, visible: false, comment: "" },
    ]);
    sheet.columnWidths.forEach((w, c) => expect(fs.columnWidths.get(c)).toBe(widthToPoints(w)));
    expect(fs.merges.length).toBe(sheet.merges.length);
    expect(fs.validations.map((v) => v.address)).toEqual(sheet.validations.map((v) => v.ref));
    expect(fs.conditionalFormats.length).toBe(sheet.statusFormats.length * 2);
    expect(fs.freeze).toEqual(sheet.freeze === undefined ? null : sheet.freeze);
    expect(fs.pageLayout.orientation).toBe("Landscape");
    expect(fs.pageLayout.headersFooters.rightFooter).toBe("Page &P / &N");
    expect(fs.pageLayout.printArea).toBe(sheet.print.printArea ?? null);
    if (sheet.tabColor !== undefined) expect(fs.tabColor).toBe(`#${sheet.tabColor}`);
    for (const t of sheet.tables) {
      const table = state.findTable(t.name);
      expect(table?.sheet.name).toBe(sheet.name);
      expect(table?.style).toBe(t.style);
      expect(table === undefined ? [] : state.tableColumns(table)).toEqual([...t.columns]);
    }
  }
  expect(state.names.map((n) => [n.name, n.formula])).toEqual(report.names.map((n) => [n.name, `=${n.ref}`]));
  const checks = state.sheet("Contrôles");
  expect(checks.conditionalFormats[0]).toMatchObject({
    rule: { formula1: '="OK"', operator: "EqualTo" },
    fillColor: "#C6EFCE",
  });
  expect(checks.conditionalFormats[1]).toMatchObject({
    rule: { formula1: '="OK"', operator: "NotEqualTo" },
    fillColor: "#FFC7CE",
  });
  const header = state.sheet("Paramètres CTG").cell("A4").format;
  expect(header).toMatchObject({ fill: "#1F4E78", wrapText: true, verticalAlignment: "Center" });
  expect(header.font).toMatchObject({ bold: true, color: "#FFFFFF" });
  expect(header.borders).toMatchObject({ top: { style: "Continuous" }, left: { style: "Continuous" } });
  expect(state.sheet("Paramètres CTG").cell("B5").format.locked).toBe(false);
  const chart = state.sheet("Répartition bassins").charts[0];
  expect(chart).toMatchObject({ type: "ColumnClustered", title: "Participation Caf et CUCM TTC par bassin" });
  expect(chart?.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
    ["Participation Caf", "'Répartition bassins'!J5:J6", "'Répartition bassins'!A5:A6"],
    ["CUCM TTC", "'Répartition bassins'!N5:N6", "'Répartition bassins'!A5:A6"],
  ]);
});

test('a text such as =HYPERLINK("x","y") stays text, as in the .xlsx output', async () => {
  const { bytes, fake, run } = setup();
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  const texts = [
    '=HYPERLINK("x","y")',
    "+1",
    "-1",
    "@SUM(A1)",
    "0012",
    "'quoted",
    "TRUE",
    "1/2/2024",
    "#N/A",
    "50 %",
  ];
  const checks = report.sheets.find((s) => s.kind === "checks");
  if (checks === undefined) throw new Error("no checks sheet");
  const row = Math.max(...checks.cells.map((c) => c.row)) + 3;
  const extra: ReportCell[] = texts.map((text, col) => ({
    row,
    col,
    value: { kind: "text", text },
    style: "text",
  }));
  const withTexts: Report = {
    ...report,
    sheets: report.sheets.map((s): ReportSheet =>
      s === checks ? { ...s, cells: [...s.cells, ...extra] } : s,
    ),
  };
  await applyReportExcel(run, withTexts, undefined, { supports: fake.supports });
  const xlsx = xlsxCells(applyReport(bytes, withTexts)).get(checks.name);
  texts.forEach((text, col) => {
    const ref = a1(row, col);
    expect(fake.state.sheet(checks.name).cell(ref)).toMatchObject({ value: text, formula: null });
    expect(xlsx?.get(ref)).toMatchObject({ value: text, type: "inlineStr" });
  });
});

test("a re-run rewrites only the product's sheets; a user's sheet named like one of them stays", async () => {
  const user: FakeSheetInit = { name: "Synthèse CEJ", cells: { A1: "mes notes", B2: 42 } };
  const { fake, run } = setup({}, [user]);
  const first = await snapshotExcel(run, { table: "Financements" });
  expect(first.taken.sheets).toEqual(["Financements", "Synthèse CEJ"]);
  const report1 = await reportOf(first);
  expect(report1.sheets.map((s) => s.name)).toContain("Synthèse CEJ (2)");
  await applyReportExcel(run, report1, undefined, { supports: fake.supports });

  // Second run: the previous run's parameters and communes are read back from its sheets.
  fake.state.sheet("Paramètres CTG").cell("B5"); // (exists)
  fake.resetStats();
  const second = await snapshotExcel(run, { table: "Financements" });
  expect(fake.stats.syncs).toBe(1);
  expect(Object.keys(second.parameters).sort()).toEqual([
    "cafBase",
    "cafRate",
    "capHT",
    "costHT",
    "key",
    "vatRate",
  ]);
  expect(second.parameters.costHT?.cell).toBe("'Paramètres CTG'!B5");
  expect(second.communes?.origin).toEqual({ sheet: "Communes CTG", topLeft: "A4" });
  // The facilities input sheet written by the first run is the user's now.
  expect(second.taken.sheets).toEqual([...first.taken.sheets, FACILITY_SHEET]);
  expect(second.taken.tables).toEqual([...first.taken.tables, FACILITY_TABLE]);
  const report2 = await reportOf(second);
  expect(report2.sheets.map((s) => s.name)).toEqual(report1.sheets.map((s) => s.name));

  fake.resetStats();
  const result = await applyReportExcel(run, report2, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  // Every product sheet is of a kind the new report has: reused (wiped and rewritten), none deleted.
  expect(result.deleted).toEqual([]);
  expect([...result.reused].sort()).toEqual(report1.sheets.map((s) => s.name).sort());
  expect(fake.state.sheetNames()).toEqual([
    "Financements",
    "Synthèse CEJ",
    FACILITY_SHEET,
    ...report2.sheets.map((s) => s.name),
  ]);
  expect(fake.state.sheet("Synthèse CEJ").cell("A1").value).toBe("mes notes");
  expect(fake.state.sheet("Synthèse CEJ").cell("B2").value).toBe(42);
  expect(fake.state.tables.map((t) => t.name).sort()).toEqual([
    "CTG_Communes",
    FACILITY_TABLE,
    "Financements",
  ]);
  expect(fake.state.names.map((n) => n.name)).toEqual(report2.names.map((n) => n.name));
});

test("a re-run works when only the product's sheets are visible (a placeholder keeps one visible sheet)", async () => {
  const { fake, run } = setup();
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  fake.state.sheet("Financements").visibility = "Hidden";
  fake.state.sheet(FACILITY_SHEET).visibility = "Hidden"; // the user's too (written by the first run)
  fake.state.activeSheet = fake.state.sheet("Synthèse CEJ");
  const again = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  const result = await applyReportExcel(run, again, undefined, { supports: fake.supports });
  expect(result.writeRequests).toBe(1);
  expect(fake.state.sheetNames()).toEqual([
    "Financements",
    FACILITY_SHEET,
    ...again.sheets.map((s) => s.name),
  ]);
  // The active sheet was the product's: the first new sheet takes its place.
  expect(fake.state.activeSheet?.name).toBe(again.sheets[0]?.name);
  // The sheets were reused (made visible first): no placeholder was needed.
  expect(result.deleted).toEqual([]);

  // Product sheets of a kind the report does not have (a retired kind) are deleted: with only them
  // visible, a placeholder keeps a visible sheet meanwhile, and goes.
  for (const sheet of again.sheets) {
    const marker = fake.state.sheet(sheet.name).names.find((n) => n.name === "CTG_Planner_Sheet");
    if (marker === undefined) throw new Error(`no marker on ${sheet.name}`);
    marker.formula = '="ctg-planner:retired"';
  }
  fake.state.activeSheet = fake.state.sheet("Synthèse CEJ");
  fake.resetStats();
  const retired = await applyReportExcel(run, again, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect([...retired.deleted].sort()).toEqual(again.sheets.map((s) => s.name).sort());
  expect(retired.reused).toEqual([]);
  expect(fake.state.sheetNames()).toEqual([
    "Financements",
    FACILITY_SHEET,
    ...again.sheets.map((s) => s.name),
  ]);
  expect(fake.state.activeSheet?.name).toBe(again.sheets[0]?.name);
});

test("a report whose sheet name the user has taken since the read is refused before anything is written", async () => {
  const { fake, run } = setup();
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  fake.state.addSheet("Contrôles");
  fake.resetStats();
  const err = await applyReportExcel(run, report, undefined, { supports: fake.supports }).catch(
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExcelHostError);
  expect(err).toMatchObject({
    code: "ReportNameTaken",
    messages: { fr: expect.stringContaining("Contrôles") },
  });
  expect(fake.stats.syncs).toBe(1);
  expect(fake.state.sheetNames()).toEqual(["Financements", "Contrôles"]);
});

test("writes above the request limit are cut into several requests, with the same result", async () => {
  const one = setup();
  const report = await reportOf(await snapshotExcel(one.run, { table: "Financements" }));
  await applyReportExcel(one.run, report, undefined, { supports: one.fake.supports });

  const many = setup();
  await snapshotExcel(many.run, { table: "Financements" });
  many.fake.resetStats();
  const limit = 20_000;
  const requests: number[] = [];
  const result = await applyReportExcel(many.run, report, (p) => requests.push(p.request), {
    supports: many.fake.supports,
    maxRequestBytes: limit,
  });
  expect(result.writeRequests).toBeGreaterThan(3);
  expect(many.fake.stats.syncs).toBe(1 + result.writeRequests);
  expect(Math.max(...requests)).toBe(result.writeRequests);
  for (const bytes of many.fake.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(limit);
  expect(many.fake.state.calculationSuspendedSyncs).toBe(result.writeRequests);
  expect(dump(many.fake.state)).toEqual(dump(one.fake.state));
  console.log(
    `forced limit ${limit} B: ${result.writeRequests} write requests, largest ${Math.max(...many.fake.stats.requestBytes)} B`,
  );
});

test("without ExcelApi 1.9 the page setup is skipped; without 1.7 the chart too; the rest is written", async () => {
  const old = setup({ apiVersion: "1.8" });
  const report = await reportOf(await snapshotExcel(old.run, { table: "Financements" }));
  const result = await applyReportExcel(old.run, report, undefined, { supports: old.fake.supports });
  expect(result).toMatchObject({ pageLayout: false, chart: true });
  expect(old.fake.state.sheet("Synthèse CEJ").pageLayout.orientation).toBe("Portrait");
  expect(old.fake.state.sheet("Synthèse CEJ").freeze).toEqual({ rows: 4, cols: 2 });
  expect(old.fake.state.screenUpdatingSuspendedSyncs).toBe(0);

  expect(result.missing).toEqual(["pageLayout"]);

  // Below the manifest's ExcelApi 1.7 (which such an Excel never loads the add-in on), the product's
  // sheets cannot be told apart (their marker is a name's formula, 1.7): refused, explained, nothing
  // written. (Before the fake gated every member by the client's own table, this wrote a workbook
  // without charts: a leniency of the fake, which let a 1.7 member through when no name was there.)
  const older = setup({ apiVersion: "1.6" });
  const before = older.fake.state.sheetNames();
  await expect(
    applyReportExcel(older.run, report, undefined, { supports: older.fake.supports }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
  expect(older.fake.state.sheetNames()).toEqual(before);
});

// ---------------------------------------------------------------------------------------------
// The report's charts (ReportSheet.charts), drawn as the .xlsx writer draws them.

const COMPARISON = "Comparaison scénarios";

/** The demo workbook's report with three scenarios: the current parameters, a dearer one, a population key. */
async function threeScenarioReport(run: ExcelRunner): Promise<Report> {
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  const result = planWorkbook(snapshot, {
    addScenarios: {
      lang: "fr",
      date: "2026-11-28",
      specs: [
        { name: "Coût 46k", params: { costHT: { value: "46000", cell: "test" } }, basins: [] },
        { name: "Population", params: { key: { value: "population", cell: "test" } }, basins: [] },
      ],
    },
  });
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
}

/** What the report holds at each cell of a fake address (`'Comparaison scénarios'!C20:E20`): texts, and formulas' engine values. */
function reportValuesAt(report: Report, address: string | null): unknown[] {
  if (address === null) return [];
  const bang = address.lastIndexOf("!");
  const sheetName = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  const sheet = report.sheets.find((s) => s.name === sheetName);
  if (sheet === undefined) throw new Error(`no report sheet ${sheetName}`);
  const b = parseBounds(address);
  const out: unknown[] = [];
  for (let r = b.r1; r <= b.r2; r++) {
    for (let c = b.c1; c <= b.c2; c++) {
      const v = sheet.cells.find((cell) => cell.row === r && cell.col === c)?.value;
      out.push(
        v === undefined ? null : v.kind === "text" ? v.text : v.kind === "formula" ? v.expected : v.value,
      );
    }
  }
  return out;
}

test("the report's comparison chart is drawn: one clustered column chart, its series' names, values, categories, colours, axis format and frame", async () => {
  const { fake, run } = setup({ apiVersion: NEWEST_EXCEL_API }); // the axis format: ExcelApi 1.8;
  const report = await threeScenarioReport(run);
  const sheet = report.sheets.find((s) => s.name === COMPARISON);
  const wanted = sheet?.charts?.[0];
  if (sheet === undefined || wanted === undefined) throw new Error("no comparison chart in the report");
  expect(wanted.categories.cache).toEqual(["Paramètres actuels", "Coût 46k", "Population"]);
  fake.resetStats();
  const result = await applyReportExcel(run, report, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2); // the charts go in the one write request
  expect(result).toMatchObject({ chart: true, charts: 2, chartAxisFormat: true });

  const charts = fake.state.sheet(COMPARISON).charts;
  expect(charts).toHaveLength(1);
  const chart = charts[0];
  if (chart === undefined) throw new Error("no chart");
  expect(chart).toMatchObject({
    type: "ColumnClustered",
    title: wanted.title,
    valueAxisFormat: wanted.valueFormat,
    position: { start: a1(wanted.from.row, wanted.from.col), end: a1(wanted.to.row, wanted.to.col) },
  });
  // Caf and CUCM TTC of each basin: four series, each of three scenarios.
  expect(chart.series).toHaveLength(4);
  expect(chart.series.map((s) => s.name)).toEqual(["Caf Nord", "CUCM TTC Nord", "Caf Sud", "CUCM TTC Sud"]);
  expect(chart.series.map((s) => s.name)).toEqual(wanted.series.map((s) => s.name));
  expect(chart.series.map((s) => s.color)).toEqual(wanted.series.map((s) => `#${s.color}`));
  // The ranges are the report's references, on the right sheet...
  const plain = (ref: string): string => ref.replace(/\$/g, "");
  expect(chart.series.map((s) => s.values)).toEqual(wanted.series.map((s) => plain(s.ref)));
  for (const s of chart.series) expect(s.xValues).toBe(plain(wanted.categories.ref));
  // ...and they hold what the series show: the scenario names, and the engine's Caf and CUCM TTC
  // per basin (a reference off by a row or a column would read other figures).
  wanted.series.forEach((s, i) => {
    expect(reportValuesAt(report, chart.series[i]?.values ?? null)).toEqual([...s.cache]);
    expect(reportValuesAt(report, chart.series[i]?.xValues ?? null)).toEqual([...wanted.categories.cache]);
  });
  // The basins chart is still drawn on its sheet.
  expect(fake.state.sheet("Répartition bassins").charts).toHaveLength(1);

  // A re-run replaces the sheet, hence the chart: still one.
  await applyReportExcel(run, await threeScenarioReport(run), undefined, { supports: fake.supports });
  expect(fake.state.sheet(COMPARISON).charts).toHaveLength(1);
});

test("report charts: no chart without ExcelApi 1.7, no axis format without 1.8; a malformed chart is refused before anything is written", async () => {
  // Without ExcelApi 1.7 no chart could be drawn, but the manifest admits no such Excel (and the
  // product's marker needs 1.7: see "without ExcelApi 1.9…"); from 1.7 on, charts are drawn.
  const v17 = setup({ apiVersion: "1.7" });
  const report = await threeScenarioReport(v17.run);
  const result17 = await applyReportExcel(v17.run, report, undefined, { supports: v17.fake.supports });
  expect(result17).toMatchObject({ chart: true, charts: 2, chartAxisFormat: false });
  expect(result17.missing).toEqual(["dropDowns", "pageLayout", "chartAxisFormat"]);
  expect(v17.fake.state.sheet(COMPARISON).charts[0]?.valueAxisFormat).toBeNull();
  expect(v17.fake.state.sheet(COMPARISON).charts[0]?.series).toHaveLength(4);

  const withChart = (change: (c: ReportChart) => ReportChart): Report => ({
    ...report,
    sheets: report.sheets.map((s): ReportSheet =>
      s.name === COMPARISON ? { ...s, charts: (s.charts ?? []).map(change) } : s,
    ),
  });
  const bad = [
    withChart((c) => ({ ...c, series: c.series.map((s) => ({ ...s, ref: "$C$20:$E$20" })) })),
    withChart((c) => ({ ...c, series: c.series.map((s) => ({ ...s, ref: "'Nulle part'!$C$20:$E$20" })) })),
    withChart((c) => ({ ...c, series: c.series.map((s) => ({ ...s, ref: `'${COMPARISON}'!$C$20:$E$21` })) })),
    withChart((c) => ({ ...c, series: c.series.map((s) => ({ ...s, color: "bleu" })) })),
    withChart((c) => ({ ...c, series: [] })),
  ];
  for (const r of bad) {
    const fresh = setup();
    await snapshotExcel(fresh.run, { table: "Financements" });
    fresh.fake.resetStats();
    await expect(
      applyReportExcel(fresh.run, r, undefined, { supports: fresh.fake.supports }),
    ).rejects.toThrow(/chart|series|colour|sheet/);
    expect(fresh.fake.stats.syncs).toBe(1); // the read only
    expect(fresh.fake.state.sheetNames()).toEqual(["Financements"]);
  }
});

// ---------------------------------------------------------------------------------------------
// The formulas' fingerprint (the workbook name CTG_Empreinte), read back by the snapshot.

test("the snapshot reads the fingerprint CTG_Empreinte in its one request; null without it; a re-run leaves one name, the new one", async () => {
  const { fake, run } = setup();
  const first = await snapshotExcel(run, { table: "Financements" });
  expect(first.formulasKey).toBeNull();
  const report = await reportOf(first);
  const withKey = (key: string): Report => ({
    ...report,
    names: [...report.names.filter((n) => n.name !== "CTG_Empreinte"), { name: "CTG_Empreinte", ref: key }],
  });
  await applyReportExcel(run, withKey('"fr:abc"'), undefined, { supports: fake.supports });
  expect(fake.state.names.filter((n) => n.name === "CTG_Empreinte")).toEqual([
    { name: "CTG_Empreinte", formula: '="fr:abc"', visible: true, comment: "" },
  ]);
  fake.resetStats();
  const second = await snapshotExcel(run, { table: "Financements" });
  expect(fake.stats.syncs).toBe(1);
  expect(second.formulasKey).toBe("fr:abc");

  // A re-run replaces the name: one CTG_Empreinte, with the new value (quotes doubled and undone).
  await applyReportExcel(run, withKey('"fr:a""b"'), undefined, { supports: fake.supports });
  expect(fake.state.names.filter((n) => n.name.toLowerCase() === "ctg_empreinte")).toHaveLength(1);
  expect((await snapshotExcel(run, { table: "Financements" })).formulasKey).toBe('fr:a"b');

  // The report's own fingerprint, as the .xlsx adapter reads it back.
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  const own = report.names.find((n) => n.name === "CTG_Empreinte");
  expect((await snapshotExcel(run, { table: "Financements" })).formulasKey).toBe(
    own === undefined ? null : own.ref.slice(1, -1),
  );

  // Not a string constant (a reference, a number), or only sheet-scoped: null.
  for (const formula of ["='Paramètres CTG'!$B$5", "=42"]) {
    const other = setup();
    other.fake.state.names.push({ name: "CTG_Empreinte", formula, visible: true, comment: "" });
    expect((await snapshotExcel(other.run, { table: "Financements" })).formulasKey).toBeNull();
  }
  const scoped = setup();
  scoped.fake.state.sheet("Financements").names.push({
    name: "CTG_Empreinte",
    formula: '="fr:abc"',
    visible: true,
    comment: "",
  });
  expect((await snapshotExcel(scoped.run, { table: "Financements" })).formulasKey).toBeNull();
});

test("the fingerprint is read in the block-reading fallback too", async () => {
  const { fake, run } = setup({ maxResponseBytes: 8_000 });
  fake.state.names.push({ name: "CTG_Empreinte", formula: '="en:0123"', visible: true, comment: "" });
  const snapshot = await snapshotExcel(run, { table: "Financements" }, { blockBytes: 1_000 });
  expect(fake.stats.syncs).toBeGreaterThan(2); // the refused read, then the read in blocks
  expect(snapshot.formulasKey).toBe("en:0123");
});

test("listInputs: the user's tables and visible sheets, and the product's sheets, in one request", async () => {
  const { fake, run } = setup({}, [{ name: "Cachée", visibility: "Hidden" }]);
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  await applyReportExcel(run, await reportOf(snapshot), undefined, { supports: fake.supports });
  fake.resetStats();
  const list = await listInputs(run);
  expect(fake.stats.syncs).toBe(1);
  const rowCount = snapshot.input.grid.length - 1;
  expect(list.tables).toEqual([
    { name: "Financements", sheet: "Financements", rowCount, headers: [...DEMO_HEADERS] },
    // The facilities input table the generation wrote (issue #14): the user's, empty.
    {
      name: FACILITY_TABLE,
      sheet: FACILITY_SHEET,
      rowCount: 1,
      headers: FACILITY_FIELDS.map((f) => FACILITY_HEADERS[f]),
    },
  ]);
  expect(list.sheets).toEqual([{ name: "Financements" }, { name: FACILITY_SHEET }]);
  expect(list.productSheets.map((s) => s.kind)).toEqual([
    "parameters",
    "communes",
    "synthesis",
    "engineering",
    "basins",
    "scenarios",
    "comparison",
    "checks",
  ]);
});

test("selectCell and activateSheet take the user there, in one request", async () => {
  const { fake, run } = setup();
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  fake.resetStats();
  await selectCell(run, "'Paramètres CTG'!B5");
  expect(fake.stats.syncs).toBe(1);
  expect(fake.state.activeSheet?.name).toBe("Paramètres CTG");
  expect(fake.state.selection?.sheet.name).toBe("Paramètres CTG");
  expect(fake.state.selection?.bounds).toEqual({ r1: 4, c1: 1, r2: 4, c2: 1 });
  await selectCell(run, "Financements!D7");
  expect(fake.state.activeSheet?.name).toBe("Financements");
  await activateSheet(run, "Contrôles");
  expect(fake.state.activeSheet?.name).toBe("Contrôles");
  await expect(selectCell(run, "D7")).rejects.toMatchObject({ code: "BadAddress" });
});

test("cell-edit mode is retried with delays, then succeeds; once the retries are spent, a clear message", async () => {
  const { fake } = setup();
  const delays: number[] = [];
  const run = excelRunner({ excelRun: fake.excelRun, sleep: async (ms) => void delays.push(ms) });
  fake.failNextSyncs({ code: CELL_EDIT_MODE }, { code: CELL_EDIT_MODE });
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  expect(snapshot.input.table).toBe("Financements");
  expect(delays).toEqual([500, 1000]);
  expect(fake.stats.runs).toBe(3);

  fake.failNextSyncs(...Array.from({ length: 4 }, () => ({ code: CELL_EDIT_MODE })));
  const err = await snapshotExcel(run, { table: "Financements" }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelHostError);
  expect(err).toMatchObject({
    code: CELL_EDIT_MODE,
    messages: { fr: "Terminez la saisie de la cellule (Entrée ou Échap), puis recommencez." },
  });
});

test("other Office errors are not retried and come back explained in French and English", async () => {
  const { fake } = setup();
  const delays: number[] = [];
  const run = excelRunner({ excelRun: fake.excelRun, sleep: async (ms) => void delays.push(ms) });
  const before = fake.stats.runs;
  const missing = await activateSheet(run, "Nope").catch((e: unknown) => e);
  expect(fake.stats.runs - before).toBe(1);
  expect(delays).toEqual([]);
  expect(missing).toBeInstanceOf(ExcelHostError);
  expect(missing).toMatchObject({
    code: "ItemNotFound",
    messages: { fr: expect.stringContaining("introuvable"), en: expect.stringContaining("cannot be found") },
  });
  for (const code of [
    "AccessDenied",
    "GeneralException",
    "RequestPayloadSizeLimitExceeded",
    "SomethingNew",
  ]) {
    fake.failNextSyncs({ code });
    const err = await listInputs(run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExcelHostError);
    expect((err as ExcelHostError).code).toBe(code);
    expect((err as ExcelHostError).messages.fr.length).toBeGreaterThan(20);
    expect((err as ExcelHostError).message).toBe((err as ExcelHostError).messages.en);
  }
  expect(delays).toEqual([]);
  // A non-Office error of the batch passes through as it is.
  const own = new Error("mine");
  await expect(run(async () => Promise.reject(own))).rejects.toBe(own);
});

// ---------------------------------------------------------------------------------------------
// Large inputs: requests and responses at 1 000 and 100 000 rows.

function bigFake(rows: number, options: FakeOptions = {}): ExcelFake {
  const cej = COMMUNES.filter((c) => c.exCej);
  const values = Array.from({ length: rows }, (_x, i) => {
    const c = cej[i % cej.length];
    if (c === undefined) throw new Error("no commune");
    return [
      c.name,
      c.insee,
      i % 2 === 0 ? "Enfance" : "Jeunesse",
      `Action ${i}`,
      2017 + (i % 4),
      100 + (i % 997) / 100,
    ];
  });
  return createExcelFake(
    {
      sheets: [
        {
          name: "Financements",
          tables: [{ name: "Financements", range: `A1:F${rows + 1}`, headers: [...DEMO_HEADERS], values }],
        },
      ],
    },
    options,
  );
}

async function measure(rows: number, options: FakeOptions = {}): Promise<string> {
  const fake = bigFake(rows, options);
  const run = excelRunner({ excelRun: fake.excelRun, sleep: noSleep });
  const snapshot = await snapshotExcel(run, { table: "Financements" });
  expect(snapshot.input.grid).toHaveLength(rows + 1);
  // A response above the limit was refused (the read then goes on in blocks).
  const responseLimit = options.maxResponseBytes ?? Number.POSITIVE_INFINITY;
  const refused = fake.stats.responseBytes.filter((b) => b > responseLimit);
  const accepted = fake.stats.responseBytes.filter((b) => b <= responseLimit);
  const read = {
    syncs: fake.stats.syncs,
    request: Math.max(...fake.stats.requestBytes),
    response: Math.max(...accepted),
    total: accepted.reduce((a, b) => a + b, 0),
    refused: refused[0],
  };
  const report = await reportOf(snapshot);
  fake.resetStats();
  const result = await applyReportExcel(run, report, undefined, { supports: fake.supports });
  for (const bytes of fake.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(FOUR_MB);
  const write = { syncs: fake.stats.syncs, request: Math.max(...fake.stats.requestBytes) };
  const limit =
    options.maxResponseBytes === undefined
      ? "no response limit"
      : `response limit ${options.maxResponseBytes} B`;
  return (
    `${rows} rows (${limit}): snapshot ${read.syncs} request(s)${read.refused === undefined ? "" : ` (the first refused: ${read.refused} B)`}, largest request ${read.request} B, ` +
    `largest response ${read.response} B (total ${read.total} B); ` +
    `apply ${write.syncs} request(s) (1 read + ${result.writeRequests} write), largest request ${write.request} B`
  );
}

test("large inputs: requests and responses at 1 000 and 100 000 rows", async () => {
  const lines = [
    await measure(1_000),
    await measure(100_000),
    await measure(100_000, { maxResponseBytes: 5_000_000 }),
  ];
  console.log(lines.join("\n"));
}, 300_000);
