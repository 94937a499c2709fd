// Scenarios that carry the bonus territoire (issue #14): the bonus rows of `Scénarios CTG` read back in
// either language with cell-exact issues, the scenario's bonus parameters, and its bonus plan (the
// facilities plus one EAJE facility per commune where it adds places). Worked example: « +30 places à
// Montceau-les-Mines en 2024 » at the tranche-2 rate (3 100 €) is 93 000 € a year from 2024.

import fc from "fast-check";
import { computeBonusPlan } from "../../src/core/bonus";
import { bonusDemoGrid } from "../../src/core/bonus-demo";
import { DEFAULT_BONUS_PARAMS, type BonusParams } from "../../src/core/bonus-params";
import { readFacilityTable } from "../../src/core/facilities";
import { cents, rate } from "../../src/core/money";
import { DEFAULT_PARAMS } from "../../src/core/params";
import {
  addedPlacesFacilities,
  SCENARIO_BONUS_FIELDS,
  SCENARIO_BONUS_LABELS,
  scenarioBonusParams,
  type ScenarioBonus,
  type ScenarioBonusField,
} from "../../src/core/scenario-bonus";
import { planScenarioBonus, readScenarios, scenarioFromSpec, type Scenario } from "../../src/core/scenarios";
import type { Lang, RawValue } from "../../src/core/types";
import { COMMUNES_FIXTURE, eur } from "./fixtures";

const ORIGIN = { sheet: "Scénarios CTG", topLeft: "A1" };
const MONTCEAU = "71306";
const [FIRST, SECOND] = COMMUNES_FIXTURE.filter((c) => c.insee !== MONTCEAU).map((c) => c.insee) as [
  string,
  string,
];

/**
 * The sheet as the report writes it: the nine labelled rows, the basins of the communes, then the
 * bonus rows, the added places and their openings (one column per scenario from C).
 */
function sheet(
  columns: readonly { readonly name: string; readonly bonus?: readonly RawValue[] }[],
  places: Record<string, readonly RawValue[]> = {},
  openings: Record<string, readonly RawValue[]> = {},
  lang: Lang = "fr",
): RawValue[][] {
  const L = SCENARIO_BONUS_LABELS[lang];
  const grid: RawValue[][] = [["Scénarios de la CTG"], [], []];
  grid.push([lang === "fr" ? "Nom" : "Name", null, ...columns.map((c) => c.name)]);
  grid.push([], ["Code INSEE", "Commune"]);
  for (const c of COMMUNES_FIXTURE) grid.push([c.insee, c.name]);
  grid.push([], [L.title]);
  SCENARIO_BONUS_FIELDS.forEach((f, i) =>
    grid.push([L[f], null, ...columns.map((c) => c.bonus?.[i] ?? null)]),
  );
  grid.push([], [L.places], ["Code INSEE", "Commune"]);
  for (const c of COMMUNES_FIXTURE) grid.push([c.insee, c.name, ...(places[c.insee] ?? [])]);
  grid.push([], [L.opening], ["Code INSEE", "Commune"]);
  for (const c of COMMUNES_FIXTURE) grid.push([c.insee, c.name, ...(openings[c.insee] ?? [])]);
  return grid;
}

/** The 1-based row of a label (or an INSEE code after a block title) in the grid. */
function rowOf(grid: RawValue[][], label: string, after = 0): number {
  return grid.findIndex((r, i) => i >= after && r[0] === label) + 1;
}

const read = (grid: RawValue[][]) => readScenarios(grid, ORIGIN, COMMUNES_FIXTURE, DEFAULT_PARAMS);

describe("the bonus rows of Scénarios CTG", () => {
  it("reads each scenario's bonus parameters and added places, in French or English labels", () => {
    for (const lang of ["fr", "en"] as const) {
      const bonus: RawValue[] = [2025, 4, null, null, 0.02, null, null, 3, null, null, 3700, 1500];
      const grid = sheet(
        [{ name: "Actuel" }, { name: "Montceau +30", bonus }],
        { [MONTCEAU]: [null, 30] },
        {
          [MONTCEAU]: [null, 2024],
        },
        lang,
      );
      const { scenarios, issues } = read(grid);
      expect(issues).toEqual([]);
      expect(scenarios[0]?.bonus).toEqual({ values: {}, places: [] });
      const placesRow = rowOf(grid, MONTCEAU, rowOf(grid, SCENARIO_BONUS_LABELS[lang].places));
      expect(scenarios[1]?.bonus).toEqual({
        values: {
          startNord: 2025,
          durationNord: 4,
          uplift1: rate(20_000),
          tranche: 3,
          newPlaceRate3: cents(370_000),
          floorEaje: cents(150_000),
        },
        places: [
          {
            insee: MONTCEAU,
            places: 30,
            opening: { year: 2024, month: 1 },
            cell: `'Scénarios CTG'!D${placesRow}`,
          },
        ],
      });
    }
  });

  it("still reads a sheet written before the bonus rows: no bonus, the current plan", () => {
    const grid = sheet([{ name: "Ancien" }]).slice(0, 4 + 2 + COMMUNES_FIXTURE.length);
    const { scenarios, issues } = read(grid);
    expect(issues).toEqual([]);
    expect(scenarios[0]).not.toHaveProperty("bonus");
  });

  it("names the cell of every unreadable value, with the row's label and how to fix it", () => {
    const bonus: RawValue[] = ["2025", 6, 1999, null, 1.5, null, null, 4, null, -1, 0.001, null];
    const grid = sheet(
      [{ name: "Mauvais", bonus }],
      { [MONTCEAU]: [12.5], [SECOND]: [10], [FIRST]: [8] },
      {
        [FIRST]: ["bientôt"],
      },
    );
    const { issues } = read(grid);
    const at = (label: string): string => `'Scénarios CTG'!C${rowOf(grid, label)}`;
    const L = SCENARIO_BONUS_LABELS.fr;
    const bad: [ScenarioBonusField, string][] = [
      ["startNord", "2025"],
      ["durationNord", "6"],
      ["startSud", "1999"],
      ["uplift1", "1.5"],
      ["tranche", "4"],
      ["newPlaceRate2", "-1"],
      ["newPlaceRate3", "0.001"],
    ];
    const placesAt = (insee: string): string =>
      `'Scénarios CTG'!C${rowOf(grid, insee, rowOf(grid, L.places))}`;
    const openingAt = (insee: string): string =>
      `'Scénarios CTG'!C${rowOf(grid, insee, rowOf(grid, L.opening))}`;
    const name = (insee: string): string => COMMUNES_FIXTURE.find((c) => c.insee === insee)?.name ?? "";
    expect(issues).toHaveLength(bad.length + 3);
    expect(issues).toEqual(
      expect.arrayContaining([
        ...bad.map(([field, value]) => ({
          code: "scenario-bonus-invalid",
          severity: "error",
          cell: at(L[field]),
          data: { field, value },
        })),
        {
          code: "scenario-places-invalid",
          severity: "error",
          cell: placesAt(MONTCEAU),
          data: { commune: "Montceau-les-Mines", value: "12.5" },
        },
        {
          code: "scenario-opening-missing",
          severity: "error",
          cell: openingAt(SECOND),
          related: [placesAt(SECOND)],
          data: { commune: name(SECOND), places: 10 },
        },
        {
          code: "scenario-opening-invalid",
          severity: "error",
          cell: openingAt(FIRST),
          data: { commune: name(FIRST), value: "bientôt" },
        },
      ]),
    );
  });
});

test("an opening without places, and 0 places, are kept (written back as they were) and add nothing", () => {
  const grid = sheet([{ name: "Rien" }], { [MONTCEAU]: [0], [FIRST]: [] }, { [FIRST]: [2026] });
  const { scenarios, issues } = read(grid);
  expect(issues).toEqual([]);
  expect(
    scenarios[0]?.bonus?.places.map(({ insee, places, opening }) => ({ insee, places, opening })),
  ).toEqual(
    [
      { insee: FIRST, places: null, opening: { year: 2026, month: 1 } },
      { insee: MONTCEAU, places: 0, opening: null },
    ].sort((a, b) => rowOf(grid, a.insee) - rowOf(grid, b.insee)),
  );
  expect(addedPlacesFacilities(scenarios[0]?.bonus?.places ?? [], COMMUNES_FIXTURE)).toEqual([]);
});

describe("a scenario's bonus plan", () => {
  const grid = bonusDemoGrid(COMMUNES_FIXTURE);
  const facilities = readFacilityTable(grid, {
    origin: { sheet: "Équipements CTG", topLeft: "A1" },
    communes: COMMUNES_FIXTURE,
  }).facilities;
  const current = computeBonusPlan(facilities, COMMUNES_FIXTURE, DEFAULT_BONUS_PARAMS);
  const scenario = (bonus?: ScenarioBonus, basinOverrides: Scenario["basinOverrides"] = {}): Scenario => ({
    name: "s",
    note: "",
    date: "",
    params: DEFAULT_PARAMS,
    basinOverrides,
    ...(bonus === undefined ? {} : { bonus }),
  });

  it("« +30 places à Montceau en 2024 »: 30 × 3 100 € = 93 000 € a year in the Sud from 2024; September: 4/12 the first year", () => {
    const plus30 = (month: number): ScenarioBonus => ({
      values: {},
      places: [{ insee: MONTCEAU, places: 30, opening: { year: 2024, month }, cell: "C70" }],
    });
    const plan = planScenarioBonus(facilities, COMMUNES_FIXTURE, DEFAULT_BONUS_PARAMS, scenario(plus30(1)));
    const added = plan.facilities[plan.facilities.length - 1];
    expect(added?.facility).toMatchObject({ insee: MONTCEAU, kind: "eaje", capacity: 0, newPlaces: 3000 });
    expect(added?.basin).toBe("sud");
    expect(added?.years.map((y) => y.newPlaces)).toEqual(plan.years.map(() => eur(93_000)));
    // The other facilities' existing amounts are unchanged (capacity 0: no share of the pools).
    plan.facilities
      .slice(0, facilities.length)
      .forEach((f, i) =>
        expect(f.years.map((y) => y.existing)).toEqual(current.facilities[i]?.years.map((y) => y.existing)),
      );
    // The Nord does not move.
    expect(plan.byBasin.find((b) => b.key === "nord")).toEqual(current.byBasin.find((b) => b.key === "nord"));
    const september = planScenarioBonus(
      facilities,
      COMMUNES_FIXTURE,
      DEFAULT_BONUS_PARAMS,
      scenario(plus30(9)),
    );
    expect(september.facilities[september.facilities.length - 1]?.years[0]?.newPlaces).toBe(eur(31_000));
  });

  it("takes the parameters the scenario sets: a Nord CTG of 4 years from 2025, tranche 3, a 2 % first uplift", () => {
    const params = scenarioBonusParams(DEFAULT_BONUS_PARAMS, {
      values: {
        startNord: 2025,
        durationNord: 4,
        tranche: 3,
        uplift1: rate(20_000),
        floorEaje: cents(150_000),
      },
      places: [],
    });
    expect(params.ctg).toEqual({ nord: { startYear: 2025, duration: 4 }, sud: DEFAULT_BONUS_PARAMS.ctg.sud });
    expect(params.tranche).toBe(3);
    expect(params.uplifts.map((u) => u.rate)).toEqual([20_000, 0, 0]);
    expect(params.floor.eaje).toBe(150_000);
    expect(params.newPlaceRates).toEqual(DEFAULT_BONUS_PARAMS.newPlaceRates);
  });

  it("a scenario moving a commune plans its facilities in the new basin", () => {
    const plan = planScenarioBonus(
      facilities,
      COMMUNES_FIXTURE,
      DEFAULT_BONUS_PARAMS,
      scenario(undefined, { [MONTCEAU]: "nord" }),
    );
    expect(
      plan.facilities.filter((f) => f.facility.insee === MONTCEAU).every((f) => f.basin === "nord"),
    ).toBe(true);
  });

  const paramsArb: fc.Arbitrary<BonusParams> = fc
    .record({
      startNord: fc.integer({ min: 2021, max: 2027 }),
      startSud: fc.integer({ min: 2021, max: 2027 }),
      durNord: fc.constantFrom(4 as const, 5 as const),
      durSud: fc.constantFrom(4 as const, 5 as const),
      uplifts: fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 3, maxLength: 3 }),
      tranche: fc.integer({ min: 1, max: 3 }),
      floor: fc.integer({ min: 0, max: 400_000 }),
    })
    .map((r) => ({
      ...DEFAULT_BONUS_PARAMS,
      ctg: {
        nord: { startYear: r.startNord, duration: r.durNord },
        sud: { startYear: r.startSud, duration: r.durSud },
      },
      uplifts: DEFAULT_BONUS_PARAMS.uplifts.map((u, i) => ({ year: u.year, rate: rate(r.uplifts[i] ?? 0) })),
      tranche: r.tranche,
      floor: { ...DEFAULT_BONUS_PARAMS.floor, eaje: cents(r.floor) },
    }));

  it("property: every bonus cell blank, no place added, no commune moved — exactly the current bonus plan", () => {
    fc.assert(
      fc.property(paramsArb, fc.boolean(), (params, withRows) => {
        const blank = withRows ? scenario({ values: {}, places: [] }) : scenario();
        const expected = computeBonusPlan(facilities, COMMUNES_FIXTURE, params);
        expect(planScenarioBonus(facilities, COMMUNES_FIXTURE, params, blank)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it("property: a scenario setting every bonus cell to the current value gives the current bonus plan", () => {
    fc.assert(
      fc.property(paramsArb, (params) => {
        const values: Record<ScenarioBonusField, number> = {
          startNord: params.ctg.nord.startYear,
          durationNord: params.ctg.nord.duration,
          startSud: params.ctg.sud.startYear,
          durationSud: params.ctg.sud.duration,
          uplift1: params.uplifts[0]?.rate ?? 0,
          uplift2: params.uplifts[1]?.rate ?? 0,
          uplift3: params.uplifts[2]?.rate ?? 0,
          tranche: params.tranche,
          newPlaceRate1: params.newPlaceRates[0] ?? 0,
          newPlaceRate2: params.newPlaceRates[1] ?? 0,
          newPlaceRate3: params.newPlaceRates[2] ?? 0,
          floorEaje: params.floor.eaje,
        };
        const same = planScenarioBonus(
          facilities,
          COMMUNES_FIXTURE,
          params,
          scenario({ values, places: [] }),
        );
        expect(same).toEqual(computeBonusPlan(facilities, COMMUNES_FIXTURE, params));
      }),
      { numRuns: 25 },
    );
  });
});

describe("scenarioFromSpec: the command line's bonus keys", () => {
  it("reads text values and finds the commune of the added places by name", () => {
    const { scenario, issues } = scenarioFromSpec(
      {
        name: "Montceau +30",
        params: {},
        basins: [],
        bonus: {
          values: {
            uplift1: { value: "2 %", cell: "--scenario uplift1" },
            tranche: { value: "3", cell: "t" },
          },
          places: [{ commune: "Montceau", places: "30", opening: "2024", cell: "--scenario places" }],
        },
      },
      DEFAULT_PARAMS,
      COMMUNES_FIXTURE,
      "2026-12-05",
    );
    expect(issues).toEqual([]);
    expect(scenario.bonus).toEqual({
      values: { uplift1: rate(20_000), tranche: 3 },
      places: [{ insee: MONTCEAU, places: 30, opening: { year: 2024, month: 1 }, cell: "--scenario places" }],
    });
  });

  it("an unknown commune is commune-unknown on the key", () => {
    const { issues } = scenarioFromSpec(
      {
        name: "x",
        params: {},
        basins: [],
        bonus: {
          values: {},
          places: [{ commune: "Montcau-les-Mine", places: "3", opening: "2024", cell: "k" }],
        },
      },
      DEFAULT_PARAMS,
      COMMUNES_FIXTURE,
      "2026-12-05",
    );
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["commune-unknown", "k"]]);
  });
});
