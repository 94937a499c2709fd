// Regenerating in Excel reuses the product's sheets (renamed, wiped, rewritten) instead of deleting
// them, so that the user's own formulas pointing at them keep working, as with the .xlsx writer:
// the user's formulas stay as they were (no #REF!), the product's sheets hold exactly the new report
// (what a first generation gives, nothing left over), a sheet of a kind the report no longer has is
// deleted (and only then do references to it break), and it still takes one read and one write.

import { COMMUNES } from "../../../src/core/communes";
import type { Report, ReportSheet } from "../../../src/report";
import { planWorkbook, reportFromResult, type WorkbookSnapshot } from "../../../src/app";
import { applyReportExcel, excelRunner, snapshotExcel, type ExcelRunner } from "../../../src/workbook/office";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { FACILITY_SHEET } from "../../../src/core/facilities";
import {
  DEFAULT_FORMAT,
  parseBounds,
  type ExcelFake,
  type FakeSheet,
  type FakeWorkbookState,
} from "../../fakes/excel-fake";
import { fakeFromXlsx } from "../../fakes/from-xlsx";
import { sheetDump } from "../../helpers/fake-dump";
import { versionAtLeast } from "../../../src/workbook/office/api-sets";

const NOW = new Date("2026-11-28T12:00:00Z");
const noSleep = async (): Promise<void> => undefined;
const SYNTHESIS = "Synthèse CEJ";
const ENGINEERING = "Ingénierie CTG";
const COMPARISON = "Comparaison scénarios";

function setup(): { fake: ExcelFake; run: ExcelRunner } {
  const fake = fakeFromXlsx(demoWorkbook(COMMUNES, "fr", { facilities: false }));
  return { fake, run: excelRunner({ excelRun: fake.excelRun, sleep: noSleep }) };
}

async function reportOf(snapshot: WorkbookSnapshot, specs: readonly string[] = []): Promise<Report> {
  const result = planWorkbook(
    snapshot,
    specs.length === 0
      ? undefined
      : {
          addScenarios: {
            lang: "fr",
            date: "2026-11-28",
            specs: specs.map((name, i) => ({
              name,
              params: { costHT: { value: String(46_000 + 1_000 * i), cell: "test" } },
              basins: [],
            })),
          },
        },
  );
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
}

/** The report of the workbook as it is now, with extra scenarios when given. */
async function currentReport(run: ExcelRunner, specs: readonly string[] = []): Promise<Report> {
  return reportOf(await snapshotExcel(run, { table: "Financements" }), specs);
}

/** The report written on a fresh demo workbook: what each product sheet must hold, exactly. */
async function freshlyWritten(report: Report): Promise<FakeWorkbookState> {
  const fresh = setup();
  await applyReportExcel(fresh.run, report, undefined, { supports: fresh.fake.supports });
  return fresh.fake.state;
}

async function expectExactly(state: FakeWorkbookState, report: Report): Promise<void> {
  const fresh = await freshlyWritten(report);
  for (const sheet of report.sheets)
    expect({ sheet: sheet.name, dump: sheetDump(state, sheet.name) }).toEqual({
      sheet: sheet.name,
      dump: sheetDump(fresh, sheet.name),
    });
  expect(state.names.filter((n) => n.name.startsWith("CTG_"))).toEqual(fresh.names);
}

/** A formula cell of the user's, as the fake keeps it. */
function put(sheet: FakeSheet, address: string, formula: string): void {
  const p = parseBounds(address);
  const cell = sheet.ensure(p.r1, p.c1);
  cell.formula = formula;
  cell.value = null;
}

const USER_FORMULAS: Readonly<Record<string, string>> = {
  A1: `='${SYNTHESIS}'!A1`,
  A2: `=SUM('${ENGINEERING}'!B5:B6)`,
  A3: `='${COMPARISON}'!B10*2`,
  A4: "=Financements!F5",
};

function userFormulas(state: FakeWorkbookState): Record<string, string | null> {
  const notes = state.sheet("Notes");
  return Object.fromEntries(Object.keys(USER_FORMULAS).map((ref) => [ref, notes.cell(ref).formula]));
}

/** The user's own additions on a product sheet: all of them go at the next regeneration. */
function scribble(fake: ExcelFake, name: string): void {
  const state = fake.state;
  const s = state.sheet(name);
  s.ensure(98, 25).value = "notes perso"; // Z99
  s.ensure(99, 26).format = { ...DEFAULT_FORMAT, fill: "#FF0000" }; // AA100, formatted only
  s.merges.push(parseBounds("AB1:AC2"));
  // A validation of the user's goes too, where Excel has data validation (ExcelApi 1.8); without it
  // nothing can clear one (a known limit of ExcelApi 1.7: api-level.test.ts shows it stays).
  if (versionAtLeast(fake.apiVersion, "1.8"))
    s.validations.push({
      address: "AD5",
      rule: { wholeNumber: {} },
      prompt: null,
      errorAlert: null,
      ignoreBlanks: true,
    });
  s.conditionalFormats.push({
    address: "AD6",
    type: "CellValue",
    rule: null,
    fontColor: null,
    fillColor: null,
  });
  s.columnWidths.set(40, 99);
  s.rowHeights.set(120, 44);
  s.names.push({ name: "Perso", formula: `='${name}'!$Z$99`, visible: true, comment: "" });
  s.freeze = { rows: 7, cols: 3 };
  s.tabColor = "#00FF00";
  s.charts.push({
    name: "Mon graphique",
    type: "Pie",
    source: `'${name}'!Z99`,
    seriesBy: "Columns",
    title: "perso",
    series: [],
    position: null,
    valueAxisFormat: null,
  });
}

// ---------------------------------------------------------------------------------------------

test("regenerating keeps the user's formulas on other sheets and leaves exactly the new report", async () => {
  const { fake, run } = setup();
  const three = await currentReport(run, ["Coût 46k", "Coût 47k"]);
  expect(three.sheets.map((s) => s.name)).toContain(COMPARISON);
  await applyReportExcel(run, three, undefined, { supports: fake.supports });
  expect(fake.state.sheet(COMPARISON).charts).toHaveLength(1);

  // The user's sheet, after the first generation, and a workbook name of theirs.
  const notes = fake.state.addSheet("Notes");
  for (const [ref, formula] of Object.entries(USER_FORMULAS)) put(notes, ref, formula);
  fake.state.names.push({ name: "Mon_Total", formula: `='${SYNTHESIS}'!$E$40`, visible: true, comment: "" });
  scribble(fake, COMPARISON);
  scribble(fake, SYNTHESIS);
  scribble(fake, ENGINEERING); // a sheet the report gives no freeze panes nor tab colour
  const before = fake.state.sheetNames();

  // Second generation: one scenario only, a smaller comparison sheet.
  const one = await currentReport(run);
  expect(one.sheets.map((s) => s.name)).toEqual(three.sheets.map((s) => s.name));
  fake.resetStats();
  const result = await applyReportExcel(run, one, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect(result.writeRequests).toBe(1);
  expect(result.deleted).toEqual([]);
  expect([...result.reused].sort()).toEqual(one.sheets.map((s) => s.name).sort());
  expect(userFormulas(fake.state)).toEqual(USER_FORMULAS);
  expect(fake.state.names.find((n) => n.name === "Mon_Total")?.formula).toBe(`='${SYNTHESIS}'!$E$40`);
  expect(fake.state.sheetNames()).toEqual(before); // same sheets, same order
  await expectExactly(fake.state, one);
  expect(fake.state.sheet(COMPARISON).charts).toHaveLength(1); // the report's, not the user's nor the old one
  expect(fake.state.findTable("CTG_Communes")?.sheet.name).toBe("Communes CTG");

  // Third generation, three scenarios again: still the same formulas, exactly the new report.
  const again = await currentReport(run, ["Coût 46k", "Coût 47k"]);
  fake.resetStats();
  await applyReportExcel(run, again, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect(userFormulas(fake.state)).toEqual(USER_FORMULAS);
  expect(fake.state.sheetNames()).toEqual(before);
  await expectExactly(fake.state, again);
});

test("a product sheet whose kind the report no longer has is deleted: only references to it break", async () => {
  const { fake, run } = setup();
  await applyReportExcel(run, await currentReport(run, ["Coût 46k"]), undefined, { supports: fake.supports });
  const notes = fake.state.addSheet("Notes");
  for (const [ref, formula] of Object.entries(USER_FORMULAS)) put(notes, ref, formula);

  const full = await currentReport(run);
  const cut = (s: ReportSheet): boolean => s.kind !== "comparison";
  const without: Report = {
    ...full,
    sheets: full.sheets.filter(cut),
    names: full.names.filter((n) => !n.ref.includes(COMPARISON)),
  };
  fake.resetStats();
  const result = await applyReportExcel(run, without, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect(result.deleted).toEqual([COMPARISON]);
  expect(fake.state.findSheet(COMPARISON)).toBeUndefined();
  expect(userFormulas(fake.state)).toEqual({ ...USER_FORMULAS, A3: "=#REF!B10*2" });
  await expectExactly(fake.state, without);
});

test("renamed product sheets are reused under their new names: the user's references follow, even through a swap", async () => {
  const { fake, run } = setup();
  await applyReportExcel(run, await currentReport(run), undefined, { supports: fake.supports });
  const notes = fake.state.addSheet("Notes");
  for (const [ref, formula] of Object.entries(USER_FORMULAS)) put(notes, ref, formula);
  fake.state.activeSheet = fake.state.sheet("Notes");

  const report = await currentReport(run);
  const renamed = (names: Readonly<Record<string, string>>): Report => ({
    ...report,
    sheets: report.sheets.map((s) => ({ ...s, name: names[s.name] ?? s.name })),
  });
  // A new name for the synthesis sheet.
  const moved = renamed({ [SYNTHESIS]: "Synthèse 2026" });
  fake.resetStats();
  const result = await applyReportExcel(run, moved, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect(result.deleted).toEqual([]);
  expect(fake.state.findSheet(SYNTHESIS)).toBeUndefined();
  expect(userFormulas(fake.state)).toEqual({ ...USER_FORMULAS, A1: "='Synthèse 2026'!A1" });
  await expectExactly(fake.state, moved);
  expect(fake.state.activeSheet?.name).toBe("Notes"); // the user's active sheet stays active

  // Two sheets swapping names (each takes the other's): through temporary names, no clash.
  const swapped = renamed({ [SYNTHESIS]: ENGINEERING, [ENGINEERING]: "Synthèse 2026" });
  fake.resetStats();
  await applyReportExcel(run, swapped, undefined, { supports: fake.supports });
  expect(fake.stats.syncs).toBe(2);
  expect(userFormulas(fake.state)).toEqual({
    ...USER_FORMULAS,
    A1: `='${ENGINEERING}'!A1`,
    A2: "=SUM('Synthèse 2026'!B5:B6)",
  });
  expect(fake.state.sheetNames().filter((n) => n.startsWith("CTG Planner"))).toEqual([]);
  await expectExactly(fake.state, swapped);
  // The report's order, as one block where the product's sheets were.
  const order = fake.state.sheetNames();
  const start = order.indexOf(swapped.sheets[0]?.name ?? "");
  expect(order.slice(start, start + swapped.sheets.length)).toEqual(swapped.sheets.map((s) => s.name));
});

test("a product sheet moved or hidden by the user comes back in the report's order, visible", async () => {
  const { fake, run } = setup();
  const report = await currentReport(run);
  await applyReportExcel(run, report, undefined, { supports: fake.supports });
  const state = fake.state;
  // The user moves the checks sheet first and hides the synthesis sheet; adds a sheet at the end.
  const checks = state.sheet("Contrôles");
  state.sheets.splice(state.sheets.indexOf(checks), 1);
  state.sheets.unshift(checks);
  state.sheet(SYNTHESIS).visibility = "Hidden";
  state.addSheet("Notes");
  await applyReportExcel(run, await currentReport(run), undefined, { supports: fake.supports });
  // The block starts where the first product sheet was (now first), then the user's sheets.
  // The facilities input sheet the first run wrote is the user's: it stays where it was.
  expect(state.sheetNames()).toEqual([
    ...report.sheets.map((s) => s.name),
    "Financements",
    FACILITY_SHEET,
    "Notes",
  ]);
  expect(state.sheet(SYNTHESIS).visibility).toBe("Visible");
});

test("a regeneration cut into several requests reuses the sheets the same way", async () => {
  const regenerate = async (
    maxRequestBytes?: number,
  ): Promise<{ state: FakeWorkbookState; requests: number }> => {
    const { fake, run } = setup();
    await applyReportExcel(run, await currentReport(run, ["Coût 46k", "Coût 47k"]), undefined, {
      supports: fake.supports,
    });
    const notes = fake.state.addSheet("Notes");
    for (const [ref, formula] of Object.entries(USER_FORMULAS)) put(notes, ref, formula);
    scribble(fake, COMPARISON);
    const result = await applyReportExcel(run, await currentReport(run), undefined, {
      supports: fake.supports,
      ...(maxRequestBytes === undefined ? {} : { maxRequestBytes }),
    });
    expect(userFormulas(fake.state)).toEqual(USER_FORMULAS);
    return { state: fake.state, requests: result.writeRequests };
  };
  const one = await regenerate();
  const many = await regenerate(20_000);
  expect(one.requests).toBe(1);
  expect(many.requests).toBeGreaterThan(3);
  expect(many.state.sheetNames()).toEqual(one.state.sheetNames());
  for (const name of one.state.sheetNames())
    expect({ name, dump: sheetDump(many.state, name) }).toEqual({ name, dump: sheetDump(one.state, name) });
});
