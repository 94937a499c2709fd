// Issue 14 end to end: the demo's bonus territoire written with live formulas, recalculated by
// LibreOffice (forced), equals the engine to the cent; editing a facility's places, a rate or a
// basin's start year recalculates every year as the engine does on the edited data; « à moyens
// constants » is green on the demo and turns off green when a former CEJ amount is edited without the
// places; an unknown commune or kind and a negative quantity are named by Contrôles.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import { DEFAULT_BONUS_PARAMS, type BonusParams } from "../../src/core/bonus-params";
import { centsToEuros } from "../../src/core/money";
import {
  bonusLayout,
  bonusNames,
  bonusParamRows,
  buildReport,
  CHECKS_LAYOUT,
  reportLabels,
  type BonusReportInput,
  type Report,
} from "../../src/report";
import { planWorkbook, scenarioPlans } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { applyReport } from "../../src/workbook/xlsx/write";
import { main, type SummaryJson } from "../../src/cli/main";
import { bonusInputOf } from "../helpers/bonus-input";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { mismatches } from "../helpers/report-values";
import { readXlsxValues, type CellValue } from "../helpers/xlsx-values";

type Values = Map<string, Map<string, CellValue>>;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-bonus-lo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The workbook's report with its bonus territoire (parameters `params`), as a generation writes it. */
function reportOf(
  bytes: Uint8Array,
  params: BonusParams = DEFAULT_BONUS_PARAMS,
): { report: Report; bonus: BonusReportInput } {
  const result = planWorkbook(snapshotPackage(openPackage(bytes)));
  if (result.status !== "ready") throw new Error(JSON.stringify(result.issues));
  const bonus = bonusInputOf(bytes, result.reference, params);
  const report = buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang: "fr",
    stamp: { generatedAt: "2026-12-05T12:00:00Z", version: "test", inputHash: "x" },
    scenarios: scenarioPlans(result),
    bonus,
  });
  return { report, bonus };
}

async function recalc(bytes: Uint8Array, name: string): Promise<Values> {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  return readXlsxValues(await recalcXlsx(file, { outDir: dir }));
}

/** Every formula of the given sheet kinds that LibreOffice computes otherwise than the engine. */
function differences(report: Report, values: Values, kinds: readonly string[]): string[] {
  return report.sheets
    .filter((s) => kinds.includes(s.kind))
    .flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
}

/** The checks that are not green: [label, status, what to fix]. */
function redChecks(values: Values): [string, string, string][] {
  const checks = values.get("Contrôles") ?? new Map<string, CellValue>();
  const C = CHECKS_LAYOUT.cols;
  const out: [string, string, string][] = [];
  for (let r = CHECKS_LAYOUT.first; ; r++) {
    const status = checks.get(a1(r, C.status));
    if (status === undefined || status === null) break;
    if (status !== "OK")
      out.push([String(checks.get(a1(r, C.label))), String(status), String(checks.get(a1(r, C.fix)) ?? "")]);
  }
  return out;
}

const DEMO = demoWorkbook(COMMUNES, "fr", { facilities: true });
const L = reportLabels("fr");
const paramCell = (name: string): string => {
  const row = bonusParamRows(DEFAULT_BONUS_PARAMS, L, "fr").find((p) => p.name === name)?.row;
  if (row === undefined) throw new Error(`no parameter ${name}`);
  return a1(row, 1);
};

test("the demo: every formula of every sheet, the bonus territoire's included, equals the engine to the cent; Contrôles all green", async () => {
  const { report, bonus } = reportOf(DEMO);
  const values = await recalc(applyReport(DEMO, report), "demo");
  expect(
    differences(
      report,
      values,
      report.sheets.map((s) => s.kind),
    ),
  ).toEqual([]);
  expect(values.get("Contrôles")?.get("A2")).toBe(L.checks.allGreen);
  // The plan per basin and year, as the report shows it: Nord 198 846,51 € in 2024 … Sud 294 847,54 €.
  const sheet = values.get("Bonus territoire") ?? new Map();
  const B = bonusLayout(bonus).basins;
  const shown = [0, 1].map((i) => [1, 2, 3, 4, 5].map((c) => sheet.get(a1(B.first + i, c))));
  expect(shown).toEqual(bonus.plan.byBasin.map((t) => t.byYear.map((c) => centsToEuros(c))));
  expect(shown[0]?.[0]).toBe(198846.51);
  expect(sheet.get(a1(B.total, 6))).toBe(centsToEuros(bonus.plan.total));
}, 240_000);

test("a facility's places and a tranche rate edited: every year recalculates as the engine does on the edited data, still at constant means", async () => {
  const { report, bonus } = reportOf(DEMO);
  const output = applyReport(DEMO, report);
  const creusot = bonus.read.facilities.find((f) => f.commune === "Le Creusot" && f.kind === "eaje");
  const blanzy = bonus.read.facilities.find((f) => f.commune === "Blanzy" && f.kind === "eaje");
  if (creusot === undefined || blanzy === undefined) throw new Error("demo facilities");
  const at = (address: string): string => address.slice(address.lastIndexOf("!") + 1);
  let edited = patchCells(output, "Équipements CTG", {
    [at(creusot.cells.newPlaces)]: 30,
    [at(blanzy.cells.capacity)]: 50,
  });
  edited = patchCells(edited, "Paramètres CTG", { [paramCell(bonusNames.newPlaceRate(1))]: 3300 });
  const values = await recalc(edited, "places-rate");
  const params = {
    ...DEFAULT_BONUS_PARAMS,
    newPlaceRates: DEFAULT_BONUS_PARAMS.newPlaceRates.map((r, i) => (i === 1 ? (330_000 as typeof r) : r)),
  };
  const after = reportOf(edited, params);
  // The engine on the edited table: Le Creusot's 30 new places (QPV, September 2026), Blanzy's 50
  // places reshaping Sud's smoothed EAJE rate, Montchanin's new places at 3 300 €.
  expect(after.bonus.plan.total).not.toBe(bonus.plan.total);
  expect(differences(after.report, values, ["bonus", "bonusCommunes"])).toEqual([]);
  expect(redChecks(values)).toEqual([]);
}, 240_000);

test("a basin's start year moved: its years shift in every column, and Contrôles asks for a regeneration for the year beyond the sheet", async () => {
  const { report } = reportOf(DEMO);
  const output = applyReport(DEMO, report);
  const edited = patchCells(output, "Paramètres CTG", { [paramCell(bonusNames.start("sud"))]: 2025 });
  const values = await recalc(edited, "start-year");
  const params: BonusParams = {
    ...DEFAULT_BONUS_PARAMS,
    ctg: { ...DEFAULT_BONUS_PARAMS.ctg, sud: { startYear: 2025, duration: 5 } },
  };
  const engine = reportOf(edited, params).bonus.plan;
  expect(engine.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
  const sheet = values.get("Bonus territoire") ?? new Map();
  const B = bonusLayout(reportOf(DEMO).bonus).basins;
  // 2024 to 2028 as the engine says (Sud: nothing in 2024, its first year in 2025).
  engine.byBasin.forEach((t, i) =>
    [0, 1, 2, 3, 4].forEach((j) =>
      expect([t.key, j, sheet.get(a1(B.first + i, 1 + j))]).toEqual([
        t.key,
        j,
        centsToEuros(t.byYear[j] ?? (0 as never)),
      ]),
    ),
  );
  expect(sheet.get(a1(B.first + 1, 1))).toBe(0);
  const red = redChecks(values);
  expect(red.map(([label, status]) => [label, status])).toEqual([[L.bonus.checks.yearsShown, L.regenerate]]);
}, 240_000);

test("a former CEJ amount edited without the places: « à moyens constants » turns off green for that basin and kind, the bonus follows the engine", async () => {
  const { report, bonus } = reportOf(DEMO);
  const output = applyReport(DEMO, report);
  const torcy = bonus.read.facilities.find((f) => f.commune === "Torcy" && f.kind === "alsh");
  if (torcy === undefined) throw new Error("demo facility");
  const cell = torcy.cells.formerCej.slice(torcy.cells.formerCej.lastIndexOf("!") + 1);
  const edited = patchCells(output, "Équipements CTG", { [cell]: 4000 });
  const values = await recalc(edited, "cej");
  expect(differences(reportOf(edited).report, values, ["bonus", "bonusCommunes"])).toEqual([]);
  expect(values.get("Contrôles")?.get("A2")).toBe(L.checks.notGreen);
  const red = redChecks(values);
  expect(red.map(([label, status]) => [label, status])).toEqual([
    [L.bonus.checks.constantMeans("Nord", "ALSH"), L.gap],
  ]);
  expect(red[0]?.[2]).toBe(L.bonus.checks.fix.constantMeans);
}, 240_000);

test("an unknown commune, an unknown kind and a negative capacity: Contrôles names the cells of « Équipements CTG »", async () => {
  const { report, bonus } = reportOf(DEMO);
  const output = applyReport(DEMO, report);
  const [f1, f2, f3] = bonus.read.facilities;
  if (f1 === undefined || f2 === undefined || f3 === undefined) throw new Error("demo facilities");
  const at = (address: string): string => address.slice(address.lastIndexOf("!") + 1);
  const edited = patchCells(output, "Équipements CTG", {
    [at(f1.cells.commune)]: "Atlantis",
    [at(f2.cells.kind)]: "Garderie",
    [at(f3.cells.capacity)]: -5,
  });
  const values = await recalc(edited, "unknown");
  const red = redChecks(values);
  const fix = (label: string): string | undefined => red.find(([l]) => l === label)?.[2];
  expect(fix(L.bonus.checks.communesKnown)).toBe(
    `Commune inconnue en 'Équipements CTG'!${at(f1.cells.commune)} : saisissez le nom d'une commune de « Communes CTG » ou son code INSEE.`,
  );
  expect(fix(L.bonus.checks.kindsKnown)).toBe(
    `Type de bonus inconnu en 'Équipements CTG'!${at(f2.cells.kind)} : choisissez EAJE, RPE, LAEP, ALSH ou Autre.`,
  );
  expect(fix(L.bonus.checks.placesPositive)).toBe(
    `Quantité négative à la ligne ${f3.sheetRow} de « Équipements CTG » : saisissez 0 ou plus.`,
  );
}, 240_000);

test("end to end: the command's demo (its facilities table on by default), summarized by the command and recalculated by LibreOffice, equals the engine's bonus to the cent", async () => {
  const demoFile = path.join(dir, "cli-demo.xlsx");
  const output = path.join(dir, "cli-demo.ctg.xlsx");
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: () => undefined };
  expect(await main(["demo", "-o", demoFile], io)).toBe(0);
  out.length = 0;
  expect(await main(["summarize", demoFile, "--json", "-o", output], io)).toBe(0);
  const json = JSON.parse(out.join("\n")) as SummaryJson;
  const demoBytes = new Uint8Array(fs.readFileSync(demoFile));
  const { report, bonus } = reportOf(demoBytes);
  const engine = bonus.plan;
  expect(json.bonus?.total.cents).toBe(engine.total);
  const values = readXlsxValues(await recalcXlsx(output, { outDir: dir }));
  // Every formula of the bonus sheets, as LibreOffice computes them in the file the command wrote.
  expect(differences(report, values, ["bonus", "bonusCommunes"])).toEqual([]);
  expect(redChecks(values)).toEqual([]);
  const sheet = values.get("Bonus territoire") ?? new Map<string, CellValue>();
  const layout = bonusLayout(bonus);
  const cents = (v: CellValue | undefined): number => Math.round(Number(v) * 100);
  // Per basin and year, and the total: LibreOffice's figures are the engine's and the JSON's.
  engine.byBasin.forEach((t, i) =>
    t.byYear.forEach((c, j) => expect(cents(sheet.get(a1(layout.basins.first + i, 1 + j)))).toBe(c)),
  );
  expect(cents(sheet.get(a1(layout.basins.total, 1 + engine.years.length)))).toBe(engine.total);
  // Per facility and year.
  engine.facilities.forEach((f, i) =>
    f.years.forEach((y, j) =>
      expect(cents(sheet.get(a1(layout.facilities.first + i, layout.facilities.cols.total(j))))).toBe(
        y.total,
      ),
    ),
  );
  expect(json.bonus?.facilities.map((f) => f.total.cents)).toEqual(engine.facilities.map((f) => f.total));
}, 240_000);
