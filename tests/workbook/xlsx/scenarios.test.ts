// Scenarios travel with the workbook (issue #5): written on `Scénarios CTG`, read back on the next run,
// and a column a council member adds (by typing next to the others) becomes a scenario.

import { strFromU8, unzipSync } from "fflate";
import { a1 } from "../../../src/core/cell";
import { COMMUNES } from "../../../src/core/communes";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { listSheets, readDefinedNames, readGrid } from "../../../src/workbook/xlsx/read";
import { planWorkbook, scenarioPlans } from "../../../src/app";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../../helpers/summarize";
import { SCENARIOS_LAYOUT } from "../../../src/report";
import { patchCells } from "../../helpers/patch-xlsx";

const NOW = new Date("2026-11-28T12:00:00Z");
const R = SCENARIOS_LAYOUT.rows;

async function summarize(bytes: Uint8Array, lang: "fr" | "en" = "fr") {
  const result = await summarizeWorkbook(bytes, { lang, version: "test", now: NOW });
  if (result.output === null) throw new Error(`errors: ${JSON.stringify(result.issues)}`);
  return { ...result, output: result.output };
}

/** The row of a commune on the scenarios sheet, found by its INSEE code in column A. */
function scenarioRowOf(bytes: Uint8Array, insee: string): number {
  const snapshot = snapshotPackage(openPackage(bytes));
  const grid = snapshot.scenarios?.grid ?? [];
  const row = grid.findIndex((r) => String(r[0]) === insee);
  if (row < 0) throw new Error(`no row for ${insee}`);
  return row;
}

test("a first run writes the single scenario « Paramètres actuels »; the next run reads it back", async () => {
  const first = await summarize(demoWorkbook(COMMUNES, "fr", { facilities: false }));
  const pkg = openPackage(first.output);
  const snapshot = snapshotPackage(pkg);
  expect(snapshot.scenarios?.origin).toEqual({ sheet: "Scénarios CTG", topLeft: "A1" });
  const result = planWorkbook(snapshot);
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(scenarioPlans(result).map((s) => s.scenario)).toEqual([
    {
      name: "Paramètres actuels",
      note: "",
      date: "2026-11-28",
      params: first.plan?.params,
      basinOverrides: {},
    },
  ]);
  expect(scenarioPlans(result)[0]?.plan.engineering).toEqual(first.plan?.engineering);
});

test("columns added next to the first become scenarios, kept by every later run (also in English)", async () => {
  const first = await summarize(demoWorkbook(COMMUNES, "fr"));
  const eusebe = scenarioRowOf(first.output, "71412");
  const D = SCENARIOS_LAYOUT.firstCol + 1;
  const E = D + 1;
  const edited = patchCells(first.output, "Scénarios CTG", {
    [a1(R.name, D)]: "Coût 46k",
    [a1(R.costHT, D)]: 46000,
    [a1(R.name, E)]: "Sud élargi",
    [a1(R.note, E)]: "Saint-Eusèbe au sud",
    [a1(R.key, E)]: "Population",
    [a1(R.cafBase, E)]: "TTC",
    [a1(eusebe, E)]: "Sud",
  });
  const second = await summarize(edited);
  const read = planWorkbook(snapshotPackage(openPackage(second.output)));
  const scenarios = scenarioPlans(read).map((s) => s.scenario);
  expect(scenarios.map((s) => s.name)).toEqual(["Paramètres actuels", "Coût 46k", "Sud élargi"]);
  // Blank cells took the current parameters when read, and are written back filled.
  expect(scenarios[1]?.params).toEqual({ ...first.plan?.params, costHT: 4_600_000 });
  expect(scenarios[2]?.params).toEqual({ ...first.plan?.params, key: "population", cafBase: "ttc" });
  expect(scenarios[2]?.basinOverrides).toEqual({ "71412": "sud" });
  expect(scenarios[2]?.note).toBe("Saint-Eusèbe au sud");
  const sud = scenarioPlans(read)[2]?.plan.basins.find((b) => b.basin === "sud");
  expect(sud?.communes).toBe(17);

  // A third run, in English, keeps the three scenarios (the sheet is rewritten in English).
  const third = await summarize(second.output, "en");
  const again = planWorkbook(snapshotPackage(openPackage(third.output)));
  expect(scenarioPlans(again).map((s) => s.scenario)).toEqual(scenarios);
});

test("an unreadable scenario cell is an error on its cell: nothing is written", async () => {
  const first = await summarize(demoWorkbook(COMMUNES, "fr"));
  const edited = patchCells(first.output, "Scénarios CTG", { [a1(R.cafRate, 2)]: "cinquante" });
  const result = await summarizeWorkbook(edited, { lang: "fr", version: "test", now: NOW });
  expect(result.output).toBeNull();
  expect(result.issues.filter((i) => i.severity === "error").map((i) => [i.code, i.cell])).toEqual([
    ["param-invalid", `'Scénarios CTG'!${a1(R.cafRate, 2)}`],
  ]);
});

test("the comparison sheet carries a clustered column chart (Caf and CUCM TTC per basin, one cluster per scenario); a re-run replaces it", async () => {
  const first = await summarize(demoWorkbook(COMMUNES, "fr"));
  const withTwo = await summarizeWorkbook(first.output, {
    lang: "fr",
    version: "test",
    now: NOW,
    addScenarios: [
      { name: "Coût 46k", params: { costHT: { value: "46000", cell: "--scenario" } }, basins: [] },
      {
        name: "Sud élargi",
        params: {
          key: { value: "population", cell: "--scenario" },
          cafBase: { value: "ttc", cell: "--scenario" },
        },
        basins: [{ commune: "Saint-Eusèbe", basin: "sud", cell: "--scenario" }],
      },
    ],
  });
  if (withTwo.output === null) throw new Error("errors");
  const again = await summarize(withTwo.output);
  const files = unzipSync(again.output);
  const names = Object.keys(files);
  // Issue 11: the basins chart is declared in the report too, on `Répartition bassins` (before the
  // comparison in the workbook): chart1 and drawing1 are the basins'. Issue 14: the demo's facilities
  // table adds the bonus territoire's chart (chart2, on `Bonus territoire`, before the scenarios);
  // chart3 and drawing3 are the comparison's.
  expect(names.filter((n) => /^xl\/charts\/.*\.xml$/.test(n))).toEqual([
    "xl/charts/chart1.xml",
    "xl/charts/chart2.xml",
    "xl/charts/chart3.xml",
  ]);
  expect(names.filter((n) => /^xl\/drawings\/[^/]*\.xml$/.test(n))).toEqual([
    "xl/drawings/drawing1.xml",
    "xl/drawings/drawing2.xml",
    "xl/drawings/drawing3.xml",
  ]);
  expect(strFromU8(files["xl/charts/chart2.xml"] ?? new Uint8Array())).toContain("'Bonus territoire'!");
  const types = strFromU8(files["[Content_Types].xml"] ?? new Uint8Array());
  expect(types).toContain(
    'PartName="/xl/charts/chart3.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
  );
  expect(types).toContain(
    'PartName="/xl/drawings/drawing3.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
  );
  const chart = strFromU8(files["xl/charts/chart3.xml"] ?? new Uint8Array());
  expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
  expect([...chart.matchAll(/<c:ser>/g)]).toHaveLength(4);
  expect(chart).toContain("<c:v>Caf Nord</c:v>");
  expect(chart).toContain("<c:v>CUCM TTC Sud</c:v>");
  expect(chart).toContain("<c:f>'Comparaison scénarios'!$B$4:$D$4</c:f>");
  // The caches are the engine's: the third scenario's nord CUCM TTC is 11 532,99 €.
  expect(chart).toContain("<c:v>11532.99</c:v>");
  // The drawing hangs on the comparison sheet, whose part points at it.
  const pkg = openPackage(again.output);
  const sheet = listSheets(pkg).find((s) => s.productKind === "comparison");
  expect(sheet).toBeDefined();
  const sheetXml = strFromU8(files[sheet?.partPath ?? ""] ?? new Uint8Array());
  expect(sheetXml).toMatch(/<headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);
  const rels = strFromU8(
    files[(sheet?.partPath ?? "").replace(/([^/]+)$/, "_rels/$1.rels")] ?? new Uint8Array(),
  );
  expect(rels).toContain('Target="../drawings/drawing3.xml"');
  // The basins chart: Caf and CUCM TTC of each basin, from the cells of `Répartition bassins`.
  const basins = strFromU8(files["xl/charts/chart1.xml"] ?? new Uint8Array());
  expect(basins).toContain("<a:t>Participation Caf et CUCM TTC par bassin</a:t>");
  expect(basins).toContain("<c:f>'Répartition bassins'!$J$5:$J$6</c:f>");
  expect(basins).toContain("<c:f>'Répartition bassins'!$N$5:$N$6</c:f>");
  expect(basins).toContain("<c:f>'Répartition bassins'!$A$5:$A$6</c:f>");
});

test("the comparison prints its table and chart, not the working block below them", async () => {
  const out = await summarize(demoWorkbook(COMMUNES, "fr", { facilities: false }));
  const pkg = openPackage(out.output);
  const index = listSheets(pkg).findIndex((s) => s.name === "Comparaison scénarios");
  const areas = readDefinedNames(pkg).filter((n) => n.name === "_xlnm.Print_Area");
  expect(areas).toHaveLength(1); // only that sheet has one
  expect(areas[0]?.localSheetId).toBe(index);
  const m = /^'Comparaison scénarios'!\$A\$1:\$([A-Z]+)\$(\d+)$/.exec(areas[0]?.value ?? "");
  expect(m).not.toBeNull();
  const lastRow = Number(m?.[2]);
  // The row after the print area is the working block's title; the chart (8 columns right of the
  // table) is inside it.
  const below = readGrid(pkg, "Comparaison scénarios", `A${lastRow + 1}:A${lastRow + 1}`).grid[0]?.[0];
  expect(String(below)).toMatch(/^Calcul intermédiaire/);
  const inside = readGrid(pkg, "Comparaison scénarios", `A${lastRow}:A${lastRow}`).grid[0]?.[0] ?? null;
  expect(inside === null || !String(inside).startsWith("Calcul")).toBe(true);
});
