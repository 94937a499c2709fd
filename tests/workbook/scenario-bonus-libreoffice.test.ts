// Issue 14, scenarios carrying the bonus territoire: the demo with facilities and a scenario « +30
// places à Montceau en 2024 », written with live formulas and recalculated by LibreOffice (forced),
// equals the engine to the cent on every sheet (the comparison's bonus rows and each scenario's
// working block included); editing the scenario's places and opening cells recalculates as the
// engine does on the edited scenario (read back from `Scénarios CTG`).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import { scenarioBonusRows, buildReport, CHECKS_LAYOUT, reportLabels, type Report } from "../../src/report";
import { comparisonRows, diffFigures } from "../../src/report/sheets/comparison-layout";
import { planWorkbook, scenarioPlans } from "../../src/app";
import type { ScenarioSpec } from "../../src/core/scenarios";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { applyReport } from "../../src/workbook/xlsx/write";
import { bonusInputOf } from "../helpers/bonus-input";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { mismatches } from "../helpers/report-values";
import { readXlsxValues, type CellValue } from "../helpers/xlsx-values";

type Values = Map<string, Map<string, CellValue>>;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-scenbonus-lo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const PLUS30: ScenarioSpec = {
  name: "+30 places à Montceau en 2024",
  params: {},
  basins: [],
  bonus: {
    values: {},
    places: [{ commune: "Montceau-les-Mines", places: "30", opening: "2024", cell: "--scenario places" }],
  },
};

/** The workbook's report with its bonus territoire and scenarios, as a generation writes it. */
function reportOf(bytes: Uint8Array, add: readonly ScenarioSpec[] = []): Report {
  const result = planWorkbook(snapshotPackage(openPackage(bytes)), {
    ...(add.length > 0 ? { addScenarios: { specs: add, lang: "fr" as const, date: "2026-12-05" } } : {}),
  });
  if (result.status !== "ready") throw new Error(JSON.stringify(result.issues));
  return buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang: "fr",
    stamp: { generatedAt: "2026-12-05T12:00:00Z", version: "test", inputHash: "x" },
    scenarios: scenarioPlans(result),
    bonus: bonusInputOf(bytes, result.reference),
  });
}

async function recalc(bytes: Uint8Array, name: string): Promise<Values> {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  return readXlsxValues(await recalcXlsx(file, { outDir: dir }));
}

/** Every formula LibreOffice computes otherwise than the engine, on every sheet. */
function differences(report: Report, values: Values): string[] {
  return report.sheets.flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
}

/** The checks that are not green. */
function redChecks(values: Values): string[] {
  const checks = values.get("Contrôles") ?? new Map<string, CellValue>();
  const C = CHECKS_LAYOUT.cols;
  const out: string[] = [];
  for (let r = CHECKS_LAYOUT.first; ; r++) {
    const status = checks.get(a1(r, C.status));
    if (status === undefined || status === null) break;
    if (status !== "OK") out.push(`${String(checks.get(a1(r, C.label)))}: ${String(status)}`);
  }
  return out;
}

const DEMO = demoWorkbook(COMMUNES, "fr", { facilities: true });
const L = reportLabels("fr");
const MONTCEAU = COMMUNES.findIndex((c) => c.name === "Montceau-les-Mines");

test("« +30 places à Montceau en 2024 »: every formula equals the engine to the cent; the Sud gains 93 000 € a year and more, the Nord nothing", async () => {
  const report = reportOf(DEMO, [PLUS30]);
  const values = await recalc(applyReport(DEMO, report), "plus30");
  expect(differences(report, values)).toEqual([]);
  expect(redChecks(values)).toEqual([]);
  // The comparison's difference rows, in the scenario's column (C: the second scenario).
  const cmp = values.get(L.sheetNames.comparison) ?? new Map();
  const R = comparisonRows(diffFigures(L, "fr").length, 5);
  const rows = R.bonus;
  if (rows === null) throw new Error("no bonus rows");
  const nord = [0, 1, 2, 3, 4].map((j) => cmp.get(a1(rows.diffFirst + j, 2)));
  const sud = [0, 1, 2, 3, 4].map((j) => cmp.get(a1(rows.diffFirst + 6 + j, 2)));
  expect(nord).toEqual([0, 0, 0, 0, 0]);
  for (const d of sud) expect(d as number).toBeGreaterThanOrEqual(93_000);
  // The current scenario's column differs by nothing.
  expect([0, 1, 2, 3, 4].map((j) => cmp.get(a1(rows.diffFirst + 6 + j, 1)))).toEqual([0, 0, 0, 0, 0]);
}, 240_000);

test("the scenario's places and opening cells edited: the comparison recalculates as the engine on the edited scenario", async () => {
  const report = reportOf(DEMO, [PLUS30]);
  const output = applyReport(DEMO, report);
  const B = scenarioBonusRows(COMMUNES.length);
  // 12 places opening in 2025, tranche 3, in the scenario's column D.
  const edited = patchCells(output, L.sheetNames.scenarios, {
    [a1(B.firstPlaces + MONTCEAU, 3)]: 12,
    [a1(B.firstOpening + MONTCEAU, 3)]: 2025,
    [a1(B.field.tranche, 3)]: 3,
  });
  const values = await recalc(edited, "plus12");
  const after = reportOf(edited);
  const before = report.sheets.find((s) => s.kind === "comparison");
  const now = after.sheets.find((s) => s.kind === "comparison");
  expect(now?.cells).not.toEqual(before?.cells);
  expect(differences(after, values)).toEqual([]);
  const cmp = values.get(L.sheetNames.comparison) ?? new Map();
  const rows = comparisonRows(diffFigures(L, "fr").length, 5).bonus;
  if (rows === null) throw new Error("no bonus rows");
  // 2024: no place yet, tranche 3 changes no existing place: 0; 2025: 12 × 3 600 € = 43 200 € more at least.
  expect(cmp.get(a1(rows.diffFirst + 6, 2))).toBe(0);
  expect(cmp.get(a1(rows.diffFirst + 6 + 1, 2)) as number).toBeGreaterThanOrEqual(43_200);
}, 240_000);
