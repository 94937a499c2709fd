// The report model, pure: names, formulas' rules, expected values.

import { defaultScenario } from "../../src/core/scenarios";
import {
  COMMUNES_TABLE,
  FORMULAS_KEY_NAME,
  PLAN_PARAM_CELL_NAMES,
  SCENARIOS_LAYOUT,
  buildReport,
  COMPLETE_NAME,
  type Report,
  type ReportCell,
} from "../../src/report";
import { demoOptions } from "./sheets/fixture";

const formulas = (report: Report): (ReportCell & { value: { kind: "formula" } })[] =>
  report.sheets.flatMap((s) =>
    s.cells.filter((c): c is ReportCell & { value: { kind: "formula" } } => c.value.kind === "formula"),
  );

test("the sheets in order, French names by default, English with lang en", () => {
  expect(buildReport(demoOptions("fr")).sheets.map((s) => s.name)).toEqual([
    "Paramètres CTG",
    "Communes CTG",
    "Synthèse CEJ",
    "Ingénierie CTG",
    "Répartition bassins",
    "Contrôles",
  ]);
  expect(buildReport(demoOptions("en")).sheets.map((s) => s.name)).toEqual([
    "CTG Parameters",
    "CTG Communes",
    "CEJ Summary",
    "CTG Engineering",
    "Basin Allocation",
    "Checks",
  ]);
  // With scenarios read (even none: the default one), the scenarios sheet comes before the checks.
  expect(buildReport({ ...demoOptions("fr"), scenarios: [] }).sheets.map((s) => s.name)).toEqual([
    "Paramètres CTG",
    "Communes CTG",
    "Synthèse CEJ",
    "Ingénierie CTG",
    "Répartition bassins",
    "Scénarios CTG",
    "Comparaison scénarios",
    "Contrôles",
  ]);
  const en = buildReport({ ...demoOptions("en"), scenarios: [] }).sheets.map((s) => s.name);
  expect(en.slice(5)).toEqual(["CTG Scenarios", "Scenario comparison", "Checks"]);
});

test("names taken by the user's own sheets and tables give free names, and formulas follow them", () => {
  const report = buildReport({
    ...demoOptions(),
    taken: { sheets: ["synthèse cej", "Synthèse CEJ (2)"], tables: [COMMUNES_TABLE] },
  });
  expect(report.sheets[2]?.name).toBe("Synthèse CEJ (3)");
  expect(report.sheets[1]?.tables[0]?.name).toBe(`${COMMUNES_TABLE}2`);
  const all = formulas(report).map((c) => c.value.formula);
  expect(all.some((f) => f.includes("'Synthèse CEJ (3)'!"))).toBe(true);
  expect(all.some((f) => f.includes(`${COMMUNES_TABLE}2[`))).toBe(true);
  expect(all.some((f) => f.includes("'Synthèse CEJ'!"))).toBe(false);
});

test("formulas: no volatile functions, no whole-column references, only functions Excel 2019 and LibreOffice 7 both compute", () => {
  const allowed = new Set([
    "SUMIFS",
    "COUNTIFS",
    "COUNTIF",
    "INDEX",
    "MATCH",
    "ROUND",
    "IF",
    "SUM",
    "MIN",
    "MAX",
    "COUNTA",
    "IFERROR",
    "SUMPRODUCT",
  ]);
  const all = formulas(buildReport({ ...demoOptions(), scenarios: [] }));
  expect(all.length).toBeGreaterThan(150);
  for (const cell of all) {
    const code = cell.value.formula.replace(/"(?:[^"]|"")*"/g, '""');
    for (const [, fn] of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed).toContain(fn);
    expect(code).not.toMatch(
      /\b(INDIRECT|OFFSET|TODAY|NOW|RAND|RANDBETWEEN|CELL|INFO|XLOOKUP|LET|FILTER|UNIQUE|SEQUENCE)\b/,
    );
    expect(code).not.toMatch(/\$?[A-Z]{1,3}:\$?[A-Z]{1,3}\b/); // A:A
    expect(code).not.toMatch(/(^|[^A-Z$])\$?\d+:\$?\d+/); // 1:1
    expect(code).not.toMatch(/\[#This Row\]|\[@/);
  }
});

test("every money figure is rounded to the cent with ROUND, and the north basin is rounded while the south takes the rest", () => {
  const report = buildReport({ ...demoOptions(), scenarios: [] });
  for (const cell of formulas(report).filter((c) => c.value.check === "cents")) {
    expect(cell.value.formula).toMatch(/^ROUND\(.*,2\)$|^[A-Z_]+$|^IF\(/);
  }
  const basins = report.sheets.find((s) => s.kind === "basins");
  const cost = basins?.cells
    .filter((c) => c.col === 8 && (c.row === 4 || c.row === 5))
    .map((c) => (c.value.kind === "formula" ? c.value.formula : ""));
  // Issue 11: both parts are guarded by the same zero-key rule (a key that cannot split allocates nothing).
  expect(cost?.[0]).toBe("ROUND(IF((MIN($G$5,$G$6)>=0)*($G$7>0),'Ingénierie CTG'!$B$4*$G$5/$G$7,0),2)");
  expect(cost?.[1]).toBe("ROUND(IF((MIN($G$5,$G$6)>=0)*($G$7>0),'Ingénierie CTG'!$B$4-SUM($I$5:$I$5),0),2)");
});

test("the input is referenced by structured references to its table", () => {
  const all = formulas(buildReport(demoOptions())).map((c) => c.value.formula);
  expect(all).toContain(
    'ROUND(SUMIFS(Financements[Montant CEJ],Financements[Commune],"=Le Creusot",Financements[Code INSEE],"=71153"),2)',
  );
});

test("expected values: parts foot to totals and match the plan", () => {
  const options = demoOptions();
  const report = buildReport(options);
  const eng = report.sheets.find((s) => s.kind === "engineering");
  const value = (row: number, col: number): unknown => {
    const c = eng?.cells.find((x) => x.row === row && x.col === col);
    return c?.value.kind === "formula" ? c.value.expected : undefined;
  };
  expect(value(3, 1)).toBe(40000);
  expect(value(7, 1)).toBe(20000);
  expect(value(12, 1)).toBe(28000);
  expect(report.names.map((n) => n.name)).toEqual([
    COMPLETE_NAME,
    ...Object.values(PLAN_PARAM_CELL_NAMES),
    FORMULAS_KEY_NAME,
  ]);
  expect(report.names[1]?.ref).toBe("'Paramètres CTG'!$B$5");
  const checks = report.sheets.find((s) => s.kind === "checks");
  const statuses = checks?.cells
    .filter((c) => c.col === 3 && c.value.kind === "formula")
    .map((c) => (c.value.kind === "formula" ? c.value.expected : ""));
  // The seven foot checks, then (issue 11) the key, the communes' basins and the parameters' ranges,
  // then (issue 10) whether the last generation went to its end.
  expect(statuses?.length).toBe(11);
  expect(new Set(statuses)).toEqual(new Set(["OK"]));
});

test("text from the input is a text cell, never a formula cell", () => {
  const options = demoOptions();
  const evil = '=HYPERLINK("http://x","y")';
  const rows = options.rows.map((r, i) =>
    i === 0 ? { ...r, commune: evil, insee: null, basinGiven: "nord" as const } : r,
  );
  const plan = {
    ...options.plan,
    communes: [{ ...options.plan.communes[0]!, name: evil, insee: null }, ...options.plan.communes.slice(1)],
  };
  const report = buildReport({ ...options, rows, plan });
  const synth = report.sheets.find((s) => s.kind === "synthesis");
  const cell = synth?.cells.find((c) => c.value.kind === "text" && c.value.text === evil);
  expect(cell).toBeDefined();
  expect(
    formulas(report).some(
      (c) => c.value.formula.startsWith("=HYPERLINK") || c.value.formula.startsWith("HYPERLINK"),
    ),
  ).toBe(false);
});

test("the Caf base: a list cell CTG_BaseCaf (HT, TTC) on the parameters sheet, and a Caf formula that honours it live", () => {
  const options = demoOptions();
  const report = buildReport(options);
  const params = report.sheets.find((s) => s.kind === "parameters");
  const b10 = params?.cells.find((c) => c.row === 9 && c.col === 1);
  expect(b10?.value).toEqual({ kind: "text", text: "HT" });
  expect(params?.validations).toContainEqual(
    expect.objectContaining({ type: "list", ref: "B10", items: ["HT", "TTC"] }),
  );
  expect(report.names.find((n) => n.name === "CTG_BaseCaf")?.ref).toBe("'Paramètres CTG'!$B$10");
  const eng = report.sheets.find((s) => s.kind === "engineering");
  const at = (row: number) => eng?.cells.find((c) => c.row === row && c.col === 1)?.value;
  expect(at(7)).toMatchObject({ formula: 'ROUND(IF(CTG_BaseCaf="TTC",$B$15,$B$6)*$B$7,2)', expected: 20000 });
  expect(at(14)).toMatchObject({ formula: "ROUND($B$6+ROUND($B$6*$B$10,2),2)", expected: 48000 });
  const ttc = buildReport({
    ...options,
    plan: { ...options.plan, params: { ...options.plan.params, cafBase: "ttc" } },
  });
  const b10ttc = ttc.sheets
    .find((s) => s.kind === "parameters")
    ?.cells.find((c) => c.row === 9 && c.col === 1);
  expect(b10ttc?.value).toEqual({ kind: "text", text: "TTC" });
});

test("the scenarios sheet: one column per scenario, the nine labelled rows, the communes below; the default scenario when none is given", () => {
  const options = { ...demoOptions(), scenarios: [] };
  const report = buildReport(options);
  const sheet = report.sheets.find((s) => s.kind === "scenarios");
  expect(sheet?.name).toBe("Scénarios CTG");
  const value = (row: number, col: number) => sheet?.cells.find((c) => c.row === row && c.col === col)?.value;
  const R = SCENARIOS_LAYOUT.rows;
  expect(value(R.name, 0)).toEqual({ kind: "text", text: "Nom" });
  expect(value(R.name, 2)).toEqual({ kind: "text", text: "Paramètres actuels" });
  expect(value(R.date, 2)).toEqual({ kind: "number", value: 46354 }); // 2026-11-28
  expect(value(R.costHT, 2)).toEqual({ kind: "number", value: 40000 });
  expect(value(R.cafRate, 2)).toEqual({ kind: "number", value: 0.5 });
  expect(value(R.key, 2)).toEqual({ kind: "text", text: "CEJ" });
  expect(value(R.cafBase, 2)).toEqual({ kind: "text", text: "HT" });
  const communeRows = sheet?.cells.filter((c) => c.col === 0 && c.row >= SCENARIOS_LAYOUT.firstCommune) ?? [];
  expect(communeRows).toHaveLength(34);
  // No basin written: the default scenario moves no commune.
  expect(sheet?.cells.filter((c) => c.col === 2 && c.row >= SCENARIOS_LAYOUT.firstCommune)).toEqual([]);
  expect(sheet?.tables).toEqual([]);
  expect(sheet?.cells.every((c) => c.value.kind !== "formula")).toBe(true);

  // Given scenarios are written back as they are, a basin only where the scenario moves the commune.
  const eusebe = options.plan.communesReference.findIndex((c) => c.insee === "71412");
  const creusot = options.plan.communesReference.findIndex((c) => c.insee === "71153");
  const two = buildReport({
    ...options,
    scenarios: [
      { scenario: defaultScenario(options.plan.params, "fr", "2026-11-01"), plan: options.plan },
      {
        scenario: {
          name: "Sud élargi",
          note: "Saint-Eusèbe au sud",
          date: "fin novembre",
          params: { ...options.plan.params, key: "population", cafBase: "ttc" },
          basinOverrides: { "71412": "sud", "71153": "nord" },
        },
        plan: options.plan,
      },
    ],
  }).sheets.find((s) => s.kind === "scenarios");
  const v2 = (row: number, col: number) => two?.cells.find((c) => c.row === row && c.col === col)?.value;
  expect(v2(R.name, 3)).toEqual({ kind: "text", text: "Sud élargi" });
  expect(v2(R.note, 3)).toEqual({ kind: "text", text: "Saint-Eusèbe au sud" });
  expect(v2(R.date, 3)).toEqual({ kind: "text", text: "fin novembre" });
  expect(v2(R.key, 3)).toEqual({ kind: "text", text: "Population" });
  expect(v2(R.cafBase, 3)).toEqual({ kind: "text", text: "TTC" });
  expect(v2(SCENARIOS_LAYOUT.firstCommune + eusebe, 3)).toEqual({ kind: "text", text: "Sud" });
  expect(v2(SCENARIOS_LAYOUT.firstCommune + creusot, 3)).toBeUndefined(); // already nord
});
