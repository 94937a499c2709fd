// The adapter on Excel 2019 (ExcelApi 1.7, the manifest's minimum) against the fake, which throws
// ApiNotFound on any member above its level: generation succeeds without a 1.8+ member, the
// drop-downs become a list of allowed values below each sheet, the result says what is missing, a
// regeneration and the next read work as at the newest level. And the fake's switch that drops
// change events (as Excel on the web does for drop-down edits).

import { COMMUNES } from "../../../src/core/communes";
import type { Report } from "../../../src/report/model";
import { planWorkbook, reportFromResult, scenarioPlans, type WorkbookSnapshot } from "../../../src/app";
import {
  applyReportExcel,
  excelRunner,
  snapshotExcel,
  watchSheets,
  type ExcelRunner,
  type SheetChange,
} from "../../../src/workbook/office";
import { NEWEST_EXCEL_API } from "../../../src/workbook/office/api-sets";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import type { ExcelFake, FakeWorkbookState } from "../../fakes/excel-fake";
import { fakeFromXlsx } from "../../fakes/from-xlsx";

const NOW = new Date("2026-11-28T12:00:00Z");
const noSleep = async (): Promise<void> => undefined;
const ALLOWED = "Valeurs admises (cette version d’Excel n’affiche pas les listes déroulantes) :";

function setup(apiVersion: string): { fake: ExcelFake; run: ExcelRunner } {
  // The demo without its facilities table: the rows of `Paramètres CTG` below are the plan's alone.
  const fake = fakeFromXlsx(demoWorkbook(COMMUNES, "fr", { facilities: false }), { apiVersion });
  return { fake, run: excelRunner({ excelRun: fake.excelRun, sleep: noSleep }) };
}

async function reportOf(snapshot: WorkbookSnapshot): Promise<Report> {
  const result = planWorkbook(snapshot);
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
}

async function generate(
  fake: ExcelFake,
  run: ExcelRunner,
): Promise<Awaited<ReturnType<typeof applyReportExcel>>> {
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  return applyReportExcel(run, report, undefined, { supports: fake.supports });
}

/** Column A's texts from a row on (0-based), until the first blank. */
function columnA(state: FakeWorkbookState, sheet: string, from: number): string[] {
  const out: string[] = [];
  for (let r = from; ; r++) {
    const v = state.sheet(sheet).at(r, 0)?.value;
    if (v === null || v === undefined || v === "") return out;
    out.push(String(v));
  }
}

test("on ExcelApi 1.7 the summary is written without any 1.8 member; drop-downs become a list of allowed values below each sheet", async () => {
  const { fake, run } = setup("1.7");
  const result = await generate(fake, run); // the fake throws ApiNotFound on any member above 1.7
  expect(result.missing).toEqual(["dropDowns", "pageLayout", "chartAxisFormat"]);
  expect(result).toMatchObject({ pageLayout: false, chart: true, chartAxisFormat: false });
  for (const sheet of fake.state.sheets) expect(sheet.validations).toEqual([]);
  // Paramètres CTG: its rows end at 10 (B10); a blank row, then the list.
  expect(fake.state.sheet("Paramètres CTG").at(10, 0)?.value ?? null).toBeNull();
  const params = columnA(fake.state, "Paramètres CTG", 11);
  expect(params[0]).toBe(ALLOWED);
  expect(params.slice(1).map((l) => l.split(" : ")[0])).toEqual(["B5:B6", "B7:B8", "B9", "B10"]);
  expect(params[3]).toMatch(/^B9 : CEJ \/ /);
  expect(params[4]).toBe("B10 : HT / TTC");
  expect(params[1]).toBe("B5:B6 : Saisissez un montant positif ou nul, en euros.");
  // Written as text, whatever they read like.
  expect(fake.state.sheet("Paramètres CTG").at(11, 0)?.numberFormat).toBe("@");
  // Communes CTG: below its table (not in it), the basin and yes/no lists.
  const table = fake.state.findTable("CTG_Communes");
  const last = table?.bounds.r2 ?? -1;
  const communes = columnA(fake.state, "Communes CTG", last + 2);
  expect(communes).toEqual([ALLOWED, `C5:C${last + 1} : Nord / Sud`, `F5:F${last + 1} : Oui / Non`]);
  expect(columnA(fake.state, "Scénarios CTG", 0).length).toBeGreaterThan(0);
});

test("on ExcelApi 1.7 the next read and a regeneration work as at the newest level: the lists do not pile up nor confuse the readers", async () => {
  const old = setup("1.7");
  const recent = setup(NEWEST_EXCEL_API);
  await generate(old.fake, old.run);
  await generate(recent.fake, recent.run);
  const readOld = planWorkbook(await snapshotExcel(old.run, { table: "Financements" }));
  const readNew = planWorkbook(await snapshotExcel(recent.run, { table: "Financements" }));
  expect(readOld.issues).toEqual(readNew.issues);
  expect(readOld.reference).toEqual(readNew.reference);
  expect(scenarioPlans(readOld).map((s) => s.scenario)).toEqual(
    scenarioPlans(readNew).map((s) => s.scenario),
  );
  expect(readOld.plan).toEqual(readNew.plan);

  const before = JSON.stringify(
    old.fake.state.sheets.map((s) => [s.name, [...s.cells].sort((a, b) => a[0] - b[0])]),
  );
  old.fake.resetStats();
  await generate(old.fake, old.run);
  expect(old.fake.stats.syncs).toBe(3); // the snapshot's one request, then one read and one write
  const after = JSON.stringify(
    old.fake.state.sheets.map((s) => [s.name, [...s.cells].sort((a, b) => a[0] - b[0])]),
  );
  expect(after).toBe(before);
});

test("on ExcelApi 1.7 a validation the user added on a product sheet stays (nothing can clear it without 1.8)", async () => {
  const { fake, run } = setup("1.7");
  await generate(fake, run);
  fake.state.sheet("Synthèse CEJ").validations.push({
    address: "Z9",
    rule: { wholeNumber: {} },
    prompt: null,
    errorAlert: null,
    ignoreBlanks: true,
  });
  await generate(fake, run);
  expect(fake.state.sheet("Synthèse CEJ").validations.map((v) => v.address)).toEqual(["Z9"]);
});

test("the fake can drop change events, as Excel on the web does for drop-down edits", async () => {
  const { fake, run } = setup(NEWEST_EXCEL_API);
  const changes: SheetChange[] = [];
  const stop = await watchSheets(run, ["Financements"], (c) => changes.push(c));
  fake.setDropEvents(true);
  await fake.emitChanged("Financements", "B5");
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem("Financements").getRange("Z1").values = [["x"]];
    await context.sync();
  });
  await fake.settleEvents();
  expect(changes).toEqual([]);
  fake.setDropEvents(false);
  await fake.emitChanged("Financements", "B6");
  expect(changes).toEqual([{ sheet: "Financements", address: "B6", changeType: "RangeEdited" }]);
  await stop();

  const dropping = fakeFromXlsx(demoWorkbook(COMMUNES, "fr"), { dropEvents: true });
  const seen: SheetChange[] = [];
  const stop2 = await watchSheets(excelRunner({ excelRun: dropping.excelRun }), ["Financements"], (c) =>
    seen.push(c),
  );
  await dropping.emitChanged("Financements", "B5");
  expect(seen).toEqual([]);
  await stop2();
});
