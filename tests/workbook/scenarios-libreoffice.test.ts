// Issue #5 end to end in a real spreadsheet: a workbook with three scenarios (the current parameters;
// cost 46 000 € HT; Saint-Eusèbe in the south with the population key and the Caf on the TTC base) is
// written by the command; LibreOffice recalculates it and every formula of every sheet, the live
// comparison included, equals the engine's value to the cent. Then scenario cells, a parameter and a
// commune's basin are edited in the written workbook: after recalculation, everything equals a fresh
// engine run on the edited workbook.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import { main, type Io } from "../../src/cli/main";
import { SCENARIOS_LAYOUT, type Report } from "../../src/report";
import { planWorkbook, reportFromResult, scenarioPlans } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { convertToPdf, recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { mismatches } from "../helpers/report-values";
import { readXlsxValues, type CellValue } from "../helpers/xlsx-values";

const NOW = new Date("2026-11-28T12:00:00Z");
const R = SCENARIOS_LAYOUT.rows;
const C = SCENARIOS_LAYOUT.firstCol; // first scenario: column C
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-sc-lo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** The plan and report a fresh engine run gives on a workbook (as `summarize` computes them). */
async function engineRun(bytes: Uint8Array) {
  const snapshot = snapshotPackage(openPackage(bytes));
  const result = planWorkbook(snapshot);
  if (result.status === "blocked") throw new Error(`errors: ${JSON.stringify(result.issues)}`);
  const report: Report = await reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
  return { result, report };
}

/** The row of a commune on the scenarios sheet (by INSEE code in column A). */
function scenarioRow(report: Report, insee: string): number {
  const sheet = report.sheets.find((s) => s.kind === "scenarios");
  const cell = sheet?.cells.find((c) => c.col === 0 && c.value.kind === "text" && c.value.text === insee);
  if (cell === undefined) throw new Error(`no scenario row for ${insee}`);
  return cell.row;
}

/** The value of the comparison's row labelled `label`, for each scenario column. */
function comparisonRow(
  report: Report,
  values: Map<string, CellValue>,
  label: string,
  n: number,
): CellValue[] {
  const sheet = report.sheets.find((s) => s.kind === "comparison");
  const cell = sheet?.cells.find((c) => c.col === 0 && c.value.kind === "text" && c.value.text === label);
  if (cell === undefined) throw new Error(`no comparison row ${label}`);
  return Array.from({ length: n }, (_, k) => values.get(a1(cell.row, 1 + k)) ?? null);
}

test("three scenarios written by the command: LibreOffice's comparison equals the engine to the cent; edits recalculate as fresh runs", async () => {
  // 1. A first run writes the default scenario; two columns are added, as a council member would.
  const demo = path.join(dir, "demo.xlsx");
  fs.writeFileSync(demo, demoWorkbook(COMMUNES, "fr"));
  const first = path.join(dir, "first.xlsx");
  expect((await cli("summarize", demo, "-o", first)).code).toBe(0);
  const firstRun = await engineRun(new Uint8Array(fs.readFileSync(first)));
  const eusebe = scenarioRow(firstRun.report, "71412");
  const added = patchCells(new Uint8Array(fs.readFileSync(first)), "Scénarios CTG", {
    [a1(R.name, C + 1)]: "Coût 46k",
    [a1(R.costHT, C + 1)]: 46000,
    [a1(R.name, C + 2)]: "Sud élargi",
    [a1(R.note, C + 2)]: "Saint-Eusèbe au sud, clé population, Caf sur le TTC",
    [a1(R.key, C + 2)]: "Population",
    [a1(R.cafBase, C + 2)]: "TTC",
    [a1(eusebe, C + 2)]: "Sud",
  });
  const withColumns = path.join(dir, "with-columns.xlsx");
  fs.writeFileSync(withColumns, added);

  // 2. The command writes the three scenarios and their comparison.
  const three = path.join(dir, "three.xlsx");
  const run = await cli("summarize", withColumns, "-o", three);
  expect(run.code).toBe(0);
  const written = new Uint8Array(fs.readFileSync(three));
  const { result, report } = await engineRun(written);
  const plans = scenarioPlans(result).map((s) => s.plan);
  expect(scenarioPlans(result).map((s) => s.scenario.name)).toEqual([
    "Paramètres actuels",
    "Coût 46k",
    "Sud élargi",
  ]);
  // Worked figures: CUCM TTC 28 000 / 35 200 / 24 000; the third scenario's basins hold 17 communes each.
  expect(plans.map((p) => p.engineering.cuTTC)).toEqual([2_800_000, 3_520_000, 2_400_000]);
  expect(plans[2]?.basins.map((b) => b.communes)).toEqual([17, 17]);

  const values = readXlsxValues(await recalcXlsx(three, { outDir: dir }));
  const comparison = report.sheets.find((s) => s.kind === "comparison");
  const formulaCount = comparison?.cells.filter((c) => c.value.kind === "formula").length ?? 0;
  expect(formulaCount).toBeGreaterThan(3 * 40 + 34 * 4);
  expect(report.sheets.flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()))).toEqual([]);
  const cmp = values.get("Comparaison scénarios") ?? new Map();
  expect(comparisonRow(report, cmp, "Reste à charge CUCM (TTC)", 3)).toEqual([28000, 35200, 24000]);
  expect(comparisonRow(report, cmp, "Reste à charge CUCM (TTC) : écart en euros", 3)).toEqual([
    0, 7200, -4000,
  ]);
  expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");

  // 3. Edits in the written workbook: scenario cells (a cost, a rate, a key, a basin, a cost cleared so
  //    that it takes the current parameter), the current cost, and a commune's basin in Communes CTG.
  const montceau = scenarioRow(report, "71306");
  let edited = patchCells(written, "Scénarios CTG", {
    [a1(R.key, C)]: "Communes",
    [a1(R.costHT, C + 1)]: 50000,
    [a1(montceau, C + 1)]: "Nord",
    [a1(R.cafRate, C + 2)]: 0.4,
    [a1(R.costHT, C + 2)]: "",
  });
  edited = patchCells(edited, "Paramètres CTG", { B5: 42000 });
  const communes = report.sheets.find((s) => s.kind === "communes");
  const eusebeCommune = communes?.cells.find(
    (c) => c.col === 0 && c.value.kind === "text" && c.value.text === "71412",
  );
  expect(eusebeCommune).toBeDefined();
  edited = patchCells(edited, "Communes CTG", { [a1(eusebeCommune?.row ?? 0, 2)]: "Sud" });
  const editedFile = path.join(dir, "edited.xlsx");
  fs.writeFileSync(editedFile, edited);
  const editedValues = readXlsxValues(await recalcXlsx(editedFile, { outDir: dir }));

  const fresh = await engineRun(edited);
  const freshPlans = scenarioPlans(fresh.result).map((s) => s.plan);
  expect(fresh.result.plan?.params.costHT).toBe(4_200_000);
  expect(freshPlans.map((p) => p.params.costHT)).toEqual([4_000_000, 5_000_000, 4_200_000]);
  expect(freshPlans.map((p) => p.params.key)).toEqual(["communes", "cej", "population"]);
  expect(freshPlans[1]?.communesReference.find((c) => c.insee === "71306")?.basin).toBe("nord");
  expect(freshPlans[0]?.basins.map((b) => b.communes)).toEqual([17, 17]); // Saint-Eusèbe now sud everywhere
  expect(fresh.report.sheets.flatMap((s) => mismatches(s, editedValues.get(s.name) ?? new Map()))).toEqual(
    [],
  );
}, 300_000);

test("the comparison chart: LibreOffice reads it (its re-saved chart holds our series, with caches recalculated to the engine's values) and draws it in the PDF export", async () => {
  const demo = path.join(dir, "chart-demo.xlsx");
  fs.writeFileSync(demo, demoWorkbook(COMMUNES, "fr"));
  const file = path.join(dir, "chart.xlsx");
  const run = await cli(
    "summarize",
    demo,
    "-o",
    file,
    "--scenario",
    "name=Coût 46k;cost=46000",
    "--scenario",
    "name=Sud élargi;key=population;caf-base=ttc;sud=Saint-Eusèbe",
  );
  expect(run.code).toBe(0);
  const { report } = await engineRun(new Uint8Array(fs.readFileSync(file)));
  const chart = report.sheets.find((s) => s.kind === "comparison")?.charts?.[0];
  expect(chart?.series.map((s) => s.name)).toEqual(["Caf Nord", "CUCM TTC Nord", "Caf Sud", "CUCM TTC Sud"]);
  expect(chart?.series[1]?.cache).toEqual([12843.28, 16145.82, 11532.99]);

  // The caches are blanked to zeros, then LibreOffice opens the workbook, recalculates and saves it
  // again: the chart survives, each series still points at our cells, and its cache now holds the
  // values LibreOffice read from those cells: the engine's.
  const written = unzipSync(new Uint8Array(fs.readFileSync(file)));
  // (Issue 11: the basins chart is in the package too; every chart's caches are blanked.)
  for (const part of Object.keys(written).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))) {
    const ours = strFromU8(written[part] ?? new Uint8Array());
    written[part] = strToU8(
      ours.replace(/(<c:numCache>[\s\S]*?<\/c:numCache>)/g, (cache) =>
        cache.replace(/<c:v>[^<]*<\/c:v>/g, "<c:v>0</c:v>"),
      ),
    );
  }
  const blanked = path.join(dir, "chart-blanked.xlsx");
  fs.writeFileSync(blanked, zipSync(written));
  const recalculated = await recalcXlsx(blanked, { outDir: dir });
  const files = unzipSync(new Uint8Array(fs.readFileSync(recalculated)));
  const chartParts = Object.keys(files)
    .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
    .map((n) =>
      strFromU8(files[n] ?? new Uint8Array())
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"'),
    );
  // The basins', the comparison's and (the demo's facilities table, issue #14) the bonus territoire's.
  expect(chartParts).toHaveLength(3);
  expect(chartParts.filter((x) => x.includes("'Bonus territoire'!"))).toHaveLength(1);
  const xml = chartParts.find((x) => x.includes("'Comparaison scénarios'!")) ?? "";
  const basinsXml = chartParts.find((x) => x.includes("'Répartition bassins'!")) ?? "";
  const basinsChart = report.sheets.find((s) => s.kind === "basins")?.charts?.[0];
  const seenIn = (x: string) =>
    [...x.matchAll(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>[\s\S]*?<\/c:val>/g)].map((m) => {
      const values = [...m[0].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)]
        .sort((a, b) => Number(a[1]) - Number(b[1]))
        .map((p) => Number(p[2]));
      return { ref: m[1], values };
    });
  expect(seenIn(basinsXml)).toEqual(basinsChart?.series.map((s) => ({ ref: s.ref, values: s.cache })));
  expect(xml).toMatch(/<c:barDir val="col"\/>/);
  const seen = [...xml.matchAll(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>[\s\S]*?<\/c:val>/g)].map((m) => {
    const block = m[0];
    const values = [...block.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)]
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((p) => Number(p[2]));
    return { ref: m[1], values };
  });
  expect(seen).toEqual(chart?.series.map((s) => ({ ref: s.ref, values: s.cache })));

  // And it is drawn: the PDF of the comparison page holds the chart's title and legend.
  const pdf = await convertToPdf(file, dir);
  const text = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  const page = text.split("\f").find((p) => p.includes("Comparaison des scénarios")) ?? "";
  expect(page.replace(/\s+/g, " ")).toContain("Participation Caf et reste à charge CUCM");
  for (const name of ["Caf Nord", "CUCM TTC Nord", "Caf Sud", "CUCM TTC Sud"]) expect(page).toContain(name);
  // And the basins chart, on its page.
  const basinsPage = text.split("\f").find((p) => p.includes("Répartition entre les bassins de vie")) ?? "";
  expect(basinsPage.replace(/\s+/g, " ")).toContain("Participation Caf et CUCM TTC par bassin");
}, 300_000);

test("a scenario column added by hand, without the add-in: Contrôles says to regenerate, until it is done", async () => {
  const input = path.join(dir, "manual.xlsx");
  fs.writeFileSync(input, demoWorkbook(COMMUNES, "fr"));
  const out = path.join(dir, "manual.ctg.xlsx");
  expect((await cli("summarize", input, "-o", out)).code).toBe(0);
  // A council member copies the scenario into column D, renames it and changes the cost.
  const edited = path.join(dir, "manual-edited.xlsx");
  fs.writeFileSync(
    edited,
    patchCells(new Uint8Array(fs.readFileSync(out)), "Scénarios CTG", {
      [a1(R.name, C + 1)]: "Coût 46k",
      [a1(R.costHT, C + 1)]: 46000,
    }),
  );
  const checkRow = (values: Map<string, Map<string, CellValue>>): CellValue[] => {
    const checks = values.get("Contrôles") ?? new Map<string, CellValue>();
    const row = [...checks.entries()].find(
      ([, v]) => typeof v === "string" && v.startsWith("Scénarios nommés"),
    );
    if (row === undefined) throw new Error("no scenarios check");
    const n = /\d+$/.exec(row[0])?.[0] ?? "";
    return ["B", "C", "D"].map((c) => checks.get(`${c}${n}`) ?? null);
  };
  const before = readXlsxValues(await recalcXlsx(out, { outDir: dir }));
  expect(checkRow(before)).toEqual([1, 1, "OK"]);
  const after = readXlsxValues(await recalcXlsx(edited, { outDir: dir }));
  expect(checkRow(after)).toEqual([2, 1, "À régénérer"]);
  expect(after.get("Contrôles")?.get("A2")).not.toBe("Tous les contrôles sont au vert.");
  // Regenerated: two scenarios compared, green again.
  const regenerated = path.join(dir, "manual-regenerated.xlsx");
  expect((await cli("summarize", edited, "-o", regenerated)).code).toBe(0);
  const green = readXlsxValues(await recalcXlsx(regenerated, { outDir: dir }));
  expect(checkRow(green)).toEqual([2, 2, "OK"]);
  expect(green.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
}, 180_000);
