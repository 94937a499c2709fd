import { computeBonusPlan } from "../../src/core/bonus";
import {
  BONUS_DEMO_HEADERS,
  BONUS_DEMO_REFERENCE_YEAR,
  bonusDemoGrid,
  bonusDemoRows,
} from "../../src/core/bonus-demo";
import { DEFAULT_BONUS_PARAMS } from "../../src/core/bonus-params";
import { demoRows } from "../../src/core/demo";
import { readFacilityTable } from "../../src/core/facilities";
import { centsFromEuros } from "../../src/core/money";
import { COMMUNES_FIXTURE, eur } from "./fixtures";

const ORIGIN = { sheet: "Équipements CTG", topLeft: "A1" };

describe("the demo facilities", () => {
  const grid = bonusDemoGrid(COMMUNES_FIXTURE);
  const read = readFacilityTable(grid, { origin: ORIGIN, communes: COMMUNES_FIXTURE });
  const plan = computeBonusPlan(read.facilities, COMMUNES_FIXTURE, DEFAULT_BONUS_PARAMS);

  it("reads with no issue at all, every facility clearly fictitious, in the 13 CEJ communes", () => {
    expect(read.issues).toEqual([]);
    expect(grid[0]).toEqual(BONUS_DEMO_HEADERS);
    expect(read.facilities.length).toBe(grid.length - 1);
    expect(read.facilities.every((f) => f.name.endsWith("(fictif)"))).toBe(true);
    const cej = COMMUNES_FIXTURE.filter((c) => c.exCej).map((c) => c.insee);
    expect(new Set(read.facilities.map((f) => f.insee))).toEqual(new Set(cej));
    expect(new Set(read.facilities.map((f) => f.kind))).toEqual(new Set(["eaje", "rpe", "alsh", "autre"]));
    expect(new Set(read.facilities.map((f) => f.operatorKind))).toEqual(
      new Set(["commune", "ccas", "association", "prive"]),
    );
  });

  it("is « à moyens constants »: year-one existing bonus = former CEJ, per basin and kind, to the cent", () => {
    expect(plan.issues).toEqual([]);
    expect(plan.constantMeans.length).toBeGreaterThanOrEqual(6);
    for (const c of plan.constantMeans) expect(c).toMatchObject({ ok: true, difference: 0 });
  });

  it("takes each commune's former CEJ from its 2020 demo funding; smoothing moves money between communes, not out of a basin", () => {
    const funding2020 = demoRows(COMMUNES_FIXTURE)
      .filter((r) => r[4] === BONUS_DEMO_REFERENCE_YEAR)
      .reduce((s, r) => s + (centsFromEuros(r[5] as number) ?? 0), 0);
    const formerCej = plan.reconciliation.reduce((s, r) => s + r.formerCej, 0);
    expect(formerCej).toBe(funding2020);
    expect(plan.reconciliation).toHaveLength(13);
    // Year one: the communes' differences add up to what is new (places, missions renforcées), since
    // smoothing keeps each basin's total; Montchanin's 10 places from April 2024 are 10 × 3 100 × 9/12.
    const added = plan.facilities.reduce(
      (s, f) => s + (f.years[0]?.newPlaces ?? 0) + (f.years[0]?.missions ?? 0),
      0,
    );
    expect(plan.reconciliation.reduce((s, r) => s + (r.years[0]?.difference ?? 0), 0)).toBe(added);
    const montchanin = plan.facilities.find(
      (f) => f.facility.commune === "Montchanin" && f.facility.kind === "eaje",
    );
    expect(montchanin?.years[0]?.newPlaces).toBe(eur(23_250));
    const existingGap = (insee: string): number =>
      plan.facilities
        .filter((f) => f.facility.insee === insee)
        .reduce((s, f) => s + (f.years[0]?.existing ?? 0) - f.facility.formerCej, 0);
    expect(plan.reconciliation.some((r) => existingGap(r.insee) !== 0)).toBe(true);
  });

  it("gives the demo's plan figures a finance officer can check", () => {
    expect(plan.years).toEqual([2024, 2025, 2026, 2027, 2028]);
    // Le Creusot: 12 QPV places from September 2026 at 3 600 € → 14 400 € in 2026, 43 200 € after.
    const creusot = plan.facilities.find(
      (f) => f.facility.commune === "Le Creusot" && f.facility.kind === "eaje",
    );
    expect(creusot?.years.map((y) => y.newPlaces)).toEqual([0, 0, 1_440_000, 4_320_000, 4_320_000]);
    // Montceau: 12 places at 3 600 € (QPV) + 6 reserved at 2 800 € from January 2025.
    const montceau = plan.facilities.find(
      (f) => f.facility.commune === "Montceau-les-Mines" && f.facility.kind === "eaje",
    );
    expect(montceau?.years[1]?.newPlaces).toBe(eur(12 * 3_600 + 6 * 2_800));
    expect(plan.byBasin.map((b) => b.key)).toEqual(["nord", "sud"]);
    expect(plan.total).toBe(plan.byBasin.reduce((s, b) => s + b.total, 0));
  });

  it("has no rows without CEJ communes", () => {
    expect(bonusDemoRows(COMMUNES_FIXTURE.map((c) => ({ ...c, exCej: false })))).toEqual([]);
  });
});
