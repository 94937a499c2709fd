// Issue 11 end to end: the broken states a council member can type into a generated workbook, each
// recalculated by LibreOffice (forced). Every amount at 0, a basin typed « Nrod », a Caf rate of 150 %,
// a scenario column with an unknown key: each turns `Contrôles` off green with a check that names the
// cell to fix, and no sheet shows a figure another sheet contradicts. With every amount at 0 the
// engine's plan (blocked by `key-sum-zero`, but computed) equals every live formula to the cent.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import {
  BASINS_LAYOUT,
  buildReport,
  CHECKS_LAYOUT,
  ENGINEERING_ROWS,
  PARAMETER_ROWS,
  SCENARIOS_LAYOUT,
  type Report,
} from "../../src/report";
import { planWorkbook, scenarioPlans } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../helpers/summarize";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { mismatches } from "../helpers/report-values";
import { readXlsxValues, type CellValue } from "../helpers/xlsx-values";

const NOW = new Date("2026-11-28T12:00:00Z");
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-checks-lo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type Values = Map<string, Map<string, CellValue>>;

/** The demo summarized with two scenarios: the current parameters, and « Clé population ». */
async function generated(lang: "fr" | "en") {
  const result = await summarizeWorkbook(demoWorkbook(COMMUNES, lang), {
    lang,
    version: "test",
    now: NOW,
    addScenarios: [
      { name: "Clé population", params: { key: { value: "population", cell: "--scenario" } }, basins: [] },
    ],
  });
  if (result.output === null || result.source === null) throw new Error(JSON.stringify(result.issues));
  return { output: result.output, source: result.source };
}

async function recalc(bytes: Uint8Array, name: string): Promise<Values> {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, bytes);
  return readXlsxValues(await recalcXlsx(file, { outDir: dir }));
}

/** The checks that are not green: [label, status, what to fix]. */
function redChecks(values: Values, sheet = "Contrôles"): [string, string, string][] {
  const checks = values.get(sheet) ?? new Map<string, CellValue>();
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

/**
 * The figures one sheet shows that another contradicts: Ingénierie's split against Répartition
 * bassins, and Répartition bassins against the comparison's first scenario (the current parameters).
 */
function contradictions(values: Values, report: Report): string[] {
  const sheet = (kind: string) => report.sheets.find((s) => s.kind === kind)?.name ?? "";
  const basins = values.get(sheet("basins")) ?? new Map();
  const eng = values.get(sheet("engineering")) ?? new Map();
  const cmp = values.get(sheet("comparison")) ?? new Map();
  const cmpSheet = report.sheets.find((s) => s.kind === "comparison");
  const rowOf = (label: string, after: number): number =>
    cmpSheet?.cells.find(
      (c) => c.col === 0 && c.row > after && c.value.kind === "text" && c.value.text === label,
    )?.row ?? -1;
  const out: string[] = [];
  const same = (what: string, a: CellValue | undefined, b: CellValue | undefined): void => {
    if (typeof a !== "number" || typeof b !== "number" || Math.round(a * 100) !== Math.round(b * 100))
      out.push(`${what}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  };
  const bc = BASINS_LAYOUT.cols;
  const splitFirst = ENGINEERING_ROWS.warning + 4;
  [bc.cost, bc.caf, bc.cuHT, bc.vat, bc.ttc, bc.cuTTC].forEach((col, j) => {
    for (let i = 0; i < 2; i++)
      same(
        `Ingénierie ${a1(splitFirst + i, 1 + j)}`,
        eng.get(a1(splitFirst + i, 1 + j)),
        basins.get(a1(BASINS_LAYOUT.first + i, col)),
      );
  });
  const fr = report.lang === "fr";
  const titles = fr ? ["Bassin Nord", "Bassin Sud"] : ["North basin", "South basin"];
  const labels: [string, number][] = fr
    ? [
        ["Coût HT réparti", bc.cost],
        ["Participation Caf", bc.caf],
        ["TVA", bc.vat],
        ["CUCM HT", bc.cuHT],
        ["CUCM TTC", bc.cuTTC],
      ]
    : [
        ["Allocated cost excl. VAT", bc.cost],
        ["Caf share", bc.caf],
        ["VAT", bc.vat],
        ["CUCM excl. VAT", bc.cuHT],
        ["CUCM incl. VAT", bc.cuTTC],
      ];
  titles.forEach((title, i) => {
    const top = rowOf(title, 0);
    for (const [label, col] of labels) {
      const row = rowOf(label, top);
      same(`${title} ${label}`, cmp.get(a1(row, 1)), basins.get(a1(BASINS_LAYOUT.first + i, col)));
    }
  });
  // The mission's Caf and VAT: Ingénierie = the comparison's first scenario.
  same(
    "Caf",
    eng.get(a1(ENGINEERING_ROWS.caf, 1)),
    cmp.get(a1(rowOf(fr ? "Participation Caf" : "Caf share", 0), 1)),
  );
  return out;
}

test("every amount at 0: the key sums to zero, nothing is allocated anywhere (« Clé nulle »), the engine agrees to the cent, Contrôles names the key cell", async () => {
  const { output, source } = await generated("fr");
  const amount = source.columns.amount?.col ?? -1;
  const zeros: Record<string, number> = {};
  for (let r = source.firstRow; r <= source.lastRow; r++) zeros[a1(r - 1, amount)] = 0;
  const patched = patchCells(output, source.sheet, zeros);
  const values = await recalc(patched, "zero");

  // The engine on the edited workbook: blocked (key-sum-zero), yet its plan is computed; the report
  // built from it is what every live formula must show.
  const result = planWorkbook(snapshotPackage(openPackage(patched)));
  expect(result.issues.map((i) => i.code)).toContain("key-sum-zero");
  if (result.plan === null || result.source === null) throw new Error("no plan");
  expect(result.plan.basins.map((b) => b.engineering.costHT)).toEqual([0, 0]);
  const report = buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang: "fr",
    stamp: { generatedAt: "x", version: "test", inputHash: "x" },
    scenarios: scenarioPlans(result),
    // The demo's facilities table (issue #14): its bonus sheets are written, and checked here too.
    ...(result.bonus === null ? {} : { bonus: result.bonus }),
  });
  const bad = report.sheets
    .filter((s) => s.kind !== "checks")
    .flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
  expect(bad).toEqual([]);
  const basins = values.get("Répartition bassins") ?? new Map();
  expect([basins.get("H5"), basins.get("H6")]).toEqual(["Clé nulle", "Clé nulle"]);
  expect([basins.get("I5"), basins.get("I6"), basins.get("J5"), basins.get("J6")]).toEqual([0, 0, 0, 0]);
  expect(contradictions(values, report)).toEqual([]);

  expect(values.get("Contrôles")?.get("A2")).not.toBe("Tous les contrôles sont au vert.");
  const red = redChecks(values);
  const key = red.find(([label]) => label.startsWith("Somme des valeurs de la clé"));
  expect(key?.[1]).toBe("Écart");
  expect(key?.[2]).toContain("'Paramètres CTG'!B9");
  expect(key?.[2]).toContain("'Répartition bassins'!G7");
  // The parts no longer foot to the mission: said too, with the way out.
  expect(red.map(([label]) => label)).toContain("Coût HT réparti entre bassins = coût HT");
}, 180_000);

test("a basin typed « Nrod » in Communes CTG: Contrôles names its cell; the sheets still agree with each other", async () => {
  const { output } = await generated("fr");
  const row = 4 + COMMUNES.findIndex((c) => c.name === "Saint-Vallier");
  const values = await recalc(patchCells(output, "Communes CTG", { [a1(row, 2)]: "Nrod" }), "nrod");
  expect(values.get("Contrôles")?.get("A2")).not.toBe("Tous les contrôles sont au vert.");
  const red = redChecks(values);
  const known = red.find(([label]) => label.startsWith("Communes de « Communes CTG » dont le bassin"));
  expect(known?.[2]).toBe(`Bassin inconnu en 'Communes CTG'!C${row + 1} : saisissez Nord ou Sud.`);
  const report = buildReportOf(output);
  expect(contradictions(values, await report)).toEqual([]);
}, 180_000);

test("a Caf rate of 150 %: Contrôles names 'Paramètres CTG'!B7; the sheets agree with each other", async () => {
  const { output } = await generated("fr");
  const cell = a1(PARAMETER_ROWS.cafRate.row, 1);
  // The first scenario's rate cleared: it takes the current parameter, so Répartition bassins and the
  // comparison's first column must show the same (Caf beyond the eligible base, on both).
  const cleared = patchCells(output, "Scénarios CTG", {
    [a1(SCENARIOS_LAYOUT.rows.cafRate, SCENARIOS_LAYOUT.firstCol)]: "",
  });
  const values = await recalc(patchCells(cleared, "Paramètres CTG", { [cell]: 1.5 }), "rate");
  expect(values.get("Répartition bassins")?.get("J7")).toBe(60000);
  expect(values.get("Contrôles")?.get("A2")).not.toBe("Tous les contrôles sont au vert.");
  const red = redChecks(values);
  expect(red.map(([label]) => label)).toEqual([
    "Paramètres hors plage dans « Paramètres CTG » (montants ≥ 0, taux de 0 % à 100 %, clé et base de la liste)",
  ]);
  expect(red[0]?.[2]).toBe(
    "Valeur hors plage en 'Paramètres CTG'!B7 : montant positif ou nul, taux entre 0 % et 100 %, clé et base choisies dans la liste.",
  );
  expect(contradictions(values, await buildReportOf(output))).toEqual([]);
}, 180_000);

test("a scenario column with an unknown key: Contrôles names its cell; the comparison allocates nothing for it (« Clé nulle »)", async () => {
  const { output } = await generated("fr");
  const cell = a1(SCENARIOS_LAYOUT.rows.key, SCENARIOS_LAYOUT.firstCol + 1);
  const values = await recalc(patchCells(output, "Scénarios CTG", { [cell]: "Habitants" }), "scenario-key");
  expect(values.get("Contrôles")?.get("A2")).not.toBe("Tous les contrôles sont au vert.");
  const red = redChecks(values);
  expect(red.map(([label]) => label)).toEqual([
    "Cellules illisibles du scénario de la colonne D de « Scénarios CTG »",
  ]);
  expect(red[0]?.[2]).toContain(`'Scénarios CTG'!${cell}`);
  const report = await buildReportOf(output);
  expect(contradictions(values, report)).toEqual([]);
  // The second scenario's basins: key share « Clé nulle », nothing allocated.
  const cmp = report.sheets.find((s) => s.kind === "comparison");
  const rows = (label: string) =>
    cmp?.cells
      .filter((c) => c.col === 0 && c.value.kind === "text" && c.value.text === label)
      .map((c) => c.row) ?? [];
  const got = values.get("Comparaison scénarios") ?? new Map();
  expect(rows("Part de la clé").map((r) => got.get(a1(r, 2)))).toEqual(["Clé nulle", "Clé nulle"]);
  expect(rows("Coût HT réparti").map((r) => got.get(a1(r, 2)))).toEqual([0, 0]);
}, 180_000);

test("in English, the checks say what to fix in English", async () => {
  const { output } = await generated("en");
  const row = 4 + COMMUNES.findIndex((c) => c.name === "Saint-Vallier");
  const values = await recalc(patchCells(output, "CTG Communes", { [a1(row, 2)]: "Nrod" }), "nrod-en");
  expect(values.get("Checks")?.get("A2")).not.toBe("Every check is green.");
  const red = redChecks(values, "Checks");
  expect(red.find(([label]) => label.startsWith("Communes of"))?.[2]).toBe(
    `Unknown basin in 'CTG Communes'!C${row + 1}: enter North or South.`,
  );
}, 180_000);

/** The report of a generated workbook as it was written (for its layout). */
async function buildReportOf(bytes: Uint8Array): Promise<Report> {
  const result = planWorkbook(snapshotPackage(openPackage(bytes)));
  if (result.plan === null || result.source === null) throw new Error("no plan");
  return buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang: "fr",
    stamp: { generatedAt: "x", version: "test", inputHash: "x" },
    scenarios: scenarioPlans(result),
  });
}
