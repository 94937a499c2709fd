// Scenarios stored in the workbook (issue #5): reading the `Scénarios CTG` sheet back, and the plan of
// a scenario. Worked examples on the 13 CEJ of the article (1 350 000,00 €; nord 520 000, sud 830 000).

import { cents, rate } from "../../src/core/money";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import {
  applyScenarioEdits,
  defaultScenario,
  planScenario,
  readScenarios,
  serialOfIsoDay,
  type Scenario,
} from "../../src/core/scenarios";
import type { PlanParams, RawValue } from "../../src/core/types";
import { CEJ_ROWS, COMMUNES_FIXTURE, dataOf, eur, table } from "./fixtures";

const ORIGIN = { sheet: "Scénarios CTG", topLeft: "A1" };
const CURRENT: PlanParams = { ...DEFAULT_PARAMS, key: "population" };

/** The sheet as the report writes it: title rows, the nine labelled rows, then the communes. */
function sheet(
  columns: readonly (readonly RawValue[])[],
  communeCells: Record<string, RawValue[]> = {},
): RawValue[][] {
  const labels = [
    "Nom",
    "Note de l'auteur",
    "Date",
    "Coût HT",
    "Plafond HT",
    "Taux Caf",
    "Taux TVA",
    "Clé",
    "Base Caf",
  ];
  const grid: RawValue[][] = [["Scénarios de la CTG"], ["Une colonne par scénario…"], []];
  labels.forEach((label, i) => grid.push([label, null, ...columns.map((c) => c[i] ?? null)]));
  grid.push([], ["Bassin de chaque commune…"], ["Code INSEE", "Commune", ...columns.map(() => "Bassin")]);
  for (const c of COMMUNES_FIXTURE) grid.push([c.insee, c.name, ...(communeCells[c.insee] ?? [])]);
  return grid;
}

describe("readScenarios", () => {
  it("reads one scenario per named column, parameters as Paramètres CTG reads them", () => {
    const grid = sheet(
      [
        ["Paramètres actuels", "", 46354, 40000, 40000, 0.5, 0.2, "CEJ", "HT"],
        ["Coût 46k", "Devis reçu", "2026-12-01", "46 000,00 €", 40000, "50 %", 0.2, "Population", "TTC"],
        ["Sud élargi", null, null, null, null, null, null, "Parts égales", null],
      ],
      { "71412": [null, null, "Sud"], "71486": [null, null, "sud"] },
    );
    const { scenarios, issues } = readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, CURRENT);
    expect(issues).toEqual([]);
    expect(scenarios.map((s) => s.name)).toEqual(["Paramètres actuels", "Coût 46k", "Sud élargi"]);
    expect(scenarios[0]).toEqual({
      name: "Paramètres actuels",
      note: "",
      date: "2026-11-28", // serial 46 354
      params: { ...DEFAULT_PARAMS },
      basinOverrides: {},
    });
    expect(scenarios[1]?.params).toEqual({
      costHT: eur("46 000,00"),
      capHT: eur("40 000,00"),
      cafRate: rate(500_000),
      vatRate: rate(200_000),
      key: "population",
      cafBase: "ttc",
    });
    expect(scenarios[1]?.note).toBe("Devis reçu");
    expect(scenarios[1]?.date).toBe("2026-12-01");
    // Blank parameter cells take the current parameters; blank basins keep Communes CTG's.
    expect(scenarios[2]?.params).toEqual({ ...CURRENT, key: "equal" });
    expect(scenarios[2]?.basinOverrides).toEqual({ "71412": "sud", "71486": "sud" });
  });

  it("finds rows by their English labels too, and ignores a title row that is not a label", () => {
    const grid: RawValue[][] = [
      ["CTG scenarios"],
      ["Name", null, "Current parameters"],
      ["Cost excl. VAT", null, 30000],
      ["Caf base", null, "incl. VAT"],
      ["71412", "Saint-Eusèbe", "South"],
    ];
    const { scenarios, issues } = readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS);
    expect(issues).toEqual([]);
    expect(scenarios).toEqual([
      {
        name: "Current parameters",
        note: "",
        date: "",
        params: { ...DEFAULT_PARAMS, costHT: eur(30000), cafBase: "ttc" },
        basinOverrides: { "71412": "sud" },
      },
    ]);
  });

  it("reports unreadable cells on the scenario's cell, with the parameters' codes", () => {
    const grid = sheet([["Mauvais", null, null, "quarante mille", -1, 2, null, "revenu", "TVA"]], {
      "71153": ["Est"],
    });
    const { scenarios, issues } = readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS);
    expect(issues.map((i) => [i.code, i.cell, dataOf(i).param ?? dataOf(i).value])).toEqual([
      ["param-invalid", "'Scénarios CTG'!C7", "costHT"],
      ["param-negative", "'Scénarios CTG'!C8", "capHT"],
      ["param-rate-range", "'Scénarios CTG'!C9", "cafRate"],
      ["param-invalid", "'Scénarios CTG'!C11", "key"],
      ["param-invalid", "'Scénarios CTG'!C12", "cafBase"],
      ["basin-invalid", "'Scénarios CTG'!C16", "Est"],
    ]);
    expect(issues.every((i) => i.severity === "error")).toBe(true);
    expect(scenarios).toHaveLength(1);
  });

  it("warns about a column without a name (ignored) and a name given twice (both kept)", () => {
    const grid = sheet([
      ["A", null, null, 40000],
      [null, null, null, 41000],
      ["a", null, null, 42000],
    ]);
    const { scenarios, issues } = readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS);
    expect(scenarios.map((s) => s.name)).toEqual(["A", "a"]);
    expect(issues).toEqual([
      { code: "scenario-unnamed", severity: "warning", cell: "'Scénarios CTG'!D4", data: { column: "D" } },
      {
        code: "scenario-duplicate-name",
        severity: "warning",
        cell: "'Scénarios CTG'!E4",
        related: ["'Scénarios CTG'!C4"],
        data: { name: "a", first: "'Scénarios CTG'!C4" },
      },
    ]);
  });

  it("a sheet without its Nom row is an error (nothing written rather than scenarios lost); an empty one is none", () => {
    const grid: RawValue[][] = [["Scénarios"], ["Coût HT", null, 40000]];
    expect(readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS).issues).toEqual([
      { code: "scenario-sheet-unreadable", severity: "error", cell: "'Scénarios CTG'!A1", data: {} },
    ]);
    expect(readScenarios([], ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS)).toEqual({
      scenarios: [],
      issues: [],
    });
  });
});

describe("planScenario", () => {
  const base: Scenario = defaultScenario(DEFAULT_PARAMS, "fr", "2026-11-28");

  it("the default scenario is « Paramètres actuels » and plans exactly as the plan", () => {
    expect(base).toEqual({
      name: "Paramètres actuels",
      note: "",
      date: "2026-11-28",
      params: DEFAULT_PARAMS,
      basinOverrides: {},
    });
    expect(defaultScenario(DEFAULT_PARAMS, "en", "").name).toBe("Current parameters");
    expect(planScenario(CEJ_ROWS, base, COMMUNES_FIXTURE)).toEqual(
      computePlan(CEJ_ROWS, DEFAULT_PARAMS, COMMUNES_FIXTURE),
    );
  });

  it("cost 46 000 € HT: Caf 20 000 (capped), VAT 9 200, CUCM TTC 35 200; split by the CEJ key", () => {
    // eligible min(46 000, 40 000) = 40 000; Caf 20 000; VAT 46 000 × 20 % = 9 200; TTC 55 200;
    // CUCM TTC 55 200 − 20 000 = 35 200. Nord cost 46 000 × 520/1 350 = 17 718,518… → 17 718,52.
    const p = planScenario(
      CEJ_ROWS,
      { ...base, name: "Coût 46k", params: { ...DEFAULT_PARAMS, costHT: eur(46000) } },
      COMMUNES_FIXTURE,
    );
    expect(p.engineering).toMatchObject({
      caf: eur(20000),
      vat: eur(9200),
      costTTC: eur(55200),
      cuTTC: eur(35200),
    });
    expect(p.basins[0]?.engineering.costHT).toBe(eur("17 718,52"));
    expect(p.issues.map((i) => i.code)).toEqual(["cost-above-cap"]);
  });

  it("Saint-Eusèbe moved south, key population, TTC base: 17 communes each, population 43 415 / 46 931", () => {
    // Saint-Eusèbe (1 147 inhabitants, no CEJ row) moves from nord to sud: nord 44 562 − 1 147 = 43 415,
    // sud 45 784 + 1 147 = 46 931. Caf on the TTC base 48 000 × 50 % = 24 000; nord's share
    // 43 415 / 90 346: cost 40 000 × 0,480541… = 19 221,66; Caf 24 000 × 0,480541… = 11 532,995… → 11 533,00.
    const scenario: Scenario = {
      ...base,
      name: "Sud élargi",
      params: { ...DEFAULT_PARAMS, key: "population", cafBase: "ttc" },
      basinOverrides: { "71412": "sud" },
    };
    const p = planScenario(CEJ_ROWS, scenario, COMMUNES_FIXTURE);
    expect(p.basins.map((b) => [b.communes, b.population])).toEqual([
      [17, 43_415],
      [17, 46_931],
    ]);
    expect(p.engineering.caf).toBe(eur(24000));
    expect(p.basins[0]?.engineering).toMatchObject({ costHT: eur("19 221,66"), caf: eur("11 533,00") });
    expect(p.communesReference.find((c) => c.insee === "71412")?.basin).toBe("sud");
  });

  it("a basin the scenario gives wins over the basin the funding rows give", () => {
    const rows = table([
      { commune: "Saint-Eusèbe", basin: "nord", amount: 1000 },
      { commune: "Le Creusot", amount: 3000 },
    ]);
    const moved: Scenario = { ...base, basinOverrides: { "71412": "sud" } };
    const p = planScenario(rows, moved, COMMUNES_FIXTURE);
    expect(p.communes.find((c) => c.insee === "71412")?.basin).toBe("sud");
    expect(p.basins.map((b) => b.cejTotal)).toEqual([cents(300_000), cents(100_000)]);
  });
});

test("serialOfIsoDay: Excel's 1900 date system", () => {
  expect(serialOfIsoDay("2026-11-28")).toBe(46354);
  expect(serialOfIsoDay("1900-03-01")).toBe(61);
  expect(serialOfIsoDay("2026-02-30")).toBeNull();
  expect(serialOfIsoDay("28/11/2026")).toBeNull();
});

describe("applyScenarioEdits", () => {
  const bonus = {
    values: { tranche: 3 },
    places: [{ insee: "71306", places: 30, opening: { year: 2024, month: 1 }, cell: "'Scénarios CTG'!C60" }],
  };
  const withBonus: Scenario = {
    ...defaultScenario(DEFAULT_PARAMS, "fr", "2026-12-05"),
    name: "Montceau +30",
    bonus,
  };

  it("keeps the bonus settings of a scenario saved again under its name from the pane (which sets none)", () => {
    const saved: Scenario = { ...withBonus, name: "MONTCEAU +30", note: "revu", bonus: undefined };
    const [only, ...rest] = applyScenarioEdits([withBonus], [{ kind: "add", scenario: saved }]);
    expect(rest).toEqual([]);
    expect(only?.note).toBe("revu");
    expect(only?.bonus).toEqual(bonus);
  });

  it("takes the bonus settings a saved scenario brings, and gives none to a new name", () => {
    const other = { values: { tranche: 1 }, places: [] };
    const replaced = applyScenarioEdits(
      [withBonus],
      [{ kind: "add", scenario: { ...withBonus, bonus: other } }],
    );
    expect(replaced.map((s) => s.bonus)).toEqual([other]);
    const added = applyScenarioEdits(
      [withBonus],
      [{ kind: "add", scenario: { ...withBonus, name: "Autre", bonus: undefined } }],
    );
    expect(added.map((s) => [s.name, s.bonus])).toEqual([
      ["Montceau +30", bonus],
      ["Autre", undefined],
    ]);
  });

  it("keeps the bonus settings through a rename", () => {
    const renamed = applyScenarioEdits([withBonus], [{ kind: "rename", from: "Montceau +30", to: "M30" }]);
    expect(renamed.map((s) => [s.name, s.bonus])).toEqual([["M30", bonus]]);
  });
});
