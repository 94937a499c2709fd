import fc from "fast-check";
import {
  checkConstantMeans,
  computeBonusPlan,
  missionsAmount,
  newPlacesAmount,
  openingTwelfths,
  placesAtYearEnd,
  quantityAmount,
  smoothedPool,
  smoothedRate,
  trajectoireAmount,
  trajectoireStep,
  upliftedAmount,
} from "../../src/core/bonus";
import {
  BONUS_PARAM_NOTES,
  checkBonusParams,
  ctgYears,
  DEFAULT_BONUS_PARAMS,
  type BonusParams,
} from "../../src/core/bonus-params";
import { cents, rate } from "../../src/core/money";
import type { BonusKind, Cents, Commune, Facility, Hundredths, OperatorKind } from "../../src/core/types";
import { BONUS_KINDS, FACILITY_FIELDS, OPERATOR_KINDS } from "../../src/core/types";
import { COMMUNES_FIXTURE, eur } from "./fixtures";

const h = (quantity: number): Hundredths => Math.round(quantity * 100) as Hundredths;

const commune = (name: string): Commune => {
  const c = COMMUNES_FIXTURE.find((x) => x.name === name);
  if (c === undefined) throw new Error(`no commune ${name}`);
  return c;
};

interface FacilitySpec {
  readonly commune?: string;
  readonly kind?: BonusKind;
  readonly operatorKind?: OperatorKind;
  readonly domain?: string;
  readonly capacity?: number;
  readonly cej?: number;
  readonly newPlaces?: number;
  readonly reserved?: number;
  readonly opening?: [number, number];
  readonly qpv?: boolean;
  readonly missions?: number;
}

/** Facility number n (sheet row n + 1), as the reader would give it. */
function facility(n: number, spec: FacilitySpec = {}): Facility {
  const c = commune(spec.commune ?? "Le Creusot");
  const kind = spec.kind ?? "eaje";
  return {
    sheetRow: n + 1,
    name: `Équipement ${n}`,
    operator: `Gestionnaire ${n}`,
    operatorKind: spec.operatorKind ?? "commune",
    commune: c.name,
    insee: c.insee,
    basin: c.basin,
    domain: spec.domain ?? "Petite enfance",
    kind,
    unit: kind === "rpe" ? "etp" : "places",
    capacity: h(spec.capacity ?? 0),
    formerCej: eur(spec.cej ?? 0),
    newPlaces: h(spec.newPlaces ?? 0),
    reservedPlaces: h(spec.reserved ?? 0),
    opening: spec.opening ? { year: spec.opening[0], month: spec.opening[1] } : null,
    priorityArea: spec.qpv ?? false,
    missions: spec.missions ?? 0,
    cells: Object.fromEntries(
      FACILITY_FIELDS.map((f, col) => [f, `'Équipements CTG'!${String.fromCharCode(65 + col)}${n + 1}`]),
    ) as Facility["cells"],
  };
}

const params = (over: Partial<BonusParams> = {}): BonusParams => ({ ...DEFAULT_BONUS_PARAMS, ...over });

/** The plan's amount for one facility, year and part. */
function part(
  plan: ReturnType<typeof computeBonusPlan>,
  index: number,
  year: number,
  key: "existing" | "newPlaces" | "trajectoire" | "missions" | "total",
): Cents {
  const y = plan.facilities[index]?.years.find((x) => x.year === year);
  if (y === undefined) throw new Error(`no year ${year}`);
  return y[key];
}

describe("smoothing: one rate per place per basin and kind", () => {
  it("300 000 € of EAJE CEJ over 150 places is 2 000 € a place; a 30-place crèche gets 60 000 €", () => {
    expect(smoothedRate(eur(300_000), h(150))).toBe(eur(2_000));
    const plan = computeBonusPlan(
      [facility(2, { capacity: 30, cej: 50_000 }), facility(3, { capacity: 120, cej: 250_000 })],
      COMMUNES_FIXTURE,
      params(),
    );
    expect(plan.rates).toEqual([
      expect.objectContaining({ basin: "nord", kind: "eaje", rate: eur(2_000), pool: eur(300_000) }),
    ]);
    for (const year of ctgYears(DEFAULT_BONUS_PARAMS.ctg.nord)) {
      expect(part(plan, 0, year, "existing")).toBe(eur(60_000));
      expect(part(plan, 1, year, "existing")).toBe(eur(240_000));
    }
    expect(plan.total).toBe(eur(300_000 * 5));
  });

  it("rounds the rate half away from zero and splits the pool so that it foots: 100 000 € over 3 + 4 places", () => {
    expect(smoothedRate(eur(100_000), h(7))).toBe(eur(14_285.71));
    expect(smoothedRate(cents(1), h(2))).toBe(cents(1)); // 0,005 € → 0,01 €
    expect(smoothedRate(eur(100), h(0))).toBe(cents(0));
    const plan = computeBonusPlan(
      [facility(2, { capacity: 3, cej: 60_000 }), facility(3, { capacity: 4, cej: 40_000 })],
      COMMUNES_FIXTURE,
      params(),
    );
    expect(part(plan, 0, 2024, "existing")).toBe(eur(42_857.14));
    expect(part(plan, 1, 2024, "existing")).toBe(eur(57_142.86));
    expect(plan.constantMeans).toEqual([
      expect.objectContaining({
        basin: "nord",
        kind: "eaje",
        yearOne: eur(100_000),
        difference: 0,
        ok: true,
      }),
    ]);
  });

  it("shares the pool between facilities with capacity only: 0,02 € over 1 + 1 + 1 places and a new crèche", () => {
    const plan = computeBonusPlan(
      [
        facility(2, { capacity: 1, cej: 0.01 }),
        facility(3, { capacity: 1, cej: 0.01 }),
        facility(4, { capacity: 1 }),
        facility(5, { capacity: 0, newPlaces: 10, opening: [2030, 1] }),
      ],
      COMMUNES_FIXTURE,
      params(),
    );
    expect([0, 1, 2, 3].map((i) => part(plan, i, 2024, "existing"))).toEqual([1, 1, 0, 0]);
  });

  it("smooths each basin and kind apart", () => {
    const plan = computeBonusPlan(
      [
        facility(2, { capacity: 10, cej: 10_000 }),
        facility(3, { commune: "Blanzy", capacity: 10, cej: 30_000 }),
        facility(4, { kind: "alsh", capacity: 40, cej: 8_000, domain: "Enfance" }),
      ],
      COMMUNES_FIXTURE,
      params(),
    );
    expect(plan.rates.map((r) => [r.basin, r.kind, r.rate])).toEqual([
      ["nord", "eaje", eur(1_000)],
      ["nord", "alsh", eur(200)],
      ["sud", "eaje", eur(3_000)],
    ]);
  });

  it("applies the floor when the rate is below it: 10 000 € over 10 places with a 1 500 € floor is 15 000 €", () => {
    expect(smoothedPool(eur(10_000), h(10), eur(1_500))).toEqual({
      rate: eur(1_000),
      floorApplied: true,
      pool: eur(15_000),
    });
    expect(smoothedPool(eur(10_000), h(10), eur(800)).pool).toBe(eur(10_000));
    const plan = computeBonusPlan(
      [facility(2, { capacity: 10, cej: 10_000 })],
      COMMUNES_FIXTURE,
      params({ floor: { ...DEFAULT_BONUS_PARAMS.floor, eaje: eur(1_500) } }),
    );
    expect(part(plan, 0, 2024, "existing")).toBe(eur(15_000));
    expect(plan.issues).toEqual([
      expect.objectContaining({
        code: "bonus-floor-applied",
        severity: "warning",
        cell: "'Équipements CTG'!I3",
        data: { basin: "nord", kind: "eaje", rate: eur(1_000), floor: eur(1_500) },
      }),
    ]);
    expect(plan.constantMeans[0]).toMatchObject({ ok: false, floorApplied: true, difference: eur(5_000) });
  });

  it("cannot smooth CEJ with no capacity: an error on the capacity cell, naming the CEJ cells", () => {
    const plan = computeBonusPlan(
      [facility(2, { kind: "alsh", capacity: 0, cej: 10_000 }), facility(3, { kind: "alsh", cej: 5_000 })],
      COMMUNES_FIXTURE,
      params(),
    );
    expect(plan.issues).toEqual([
      {
        code: "bonus-no-places",
        severity: "error",
        cell: "'Équipements CTG'!H3",
        related: ["'Équipements CTG'!I3", "'Équipements CTG'!I4"],
        data: { basin: "nord", kind: "alsh", amount: eur(15_000) },
      },
    ]);
    expect(plan.total).toBe(cents(0));
    expect(plan.constantMeans[0]).toMatchObject({ ok: false, yearOne: cents(0), difference: eur(-15_000) });
  });
});

describe("uplift", () => {
  it("compounds year by year, each rounded: 100 000 € with +2 % in 2025 and 2026", () => {
    const uplifts = [
      { year: 2026, rate: rate(20_000) },
      { year: 2025, rate: rate(20_000) },
    ];
    expect(upliftedAmount(eur(100_000), 2024, uplifts)).toBe(eur(100_000));
    expect(upliftedAmount(eur(100_000), 2025, uplifts)).toBe(eur(102_000));
    expect(upliftedAmount(eur(100_000), 2027, uplifts)).toBe(eur(104_040));
    expect(upliftedAmount(eur(333.33), 2025, [{ year: 2025, rate: rate(15_000) }])).toBe(eur(338.33)); // 338,329 95
  });

  it("applies to the kinds chosen only, and splits the uplifted pool", () => {
    const plan = computeBonusPlan(
      [facility(2, { capacity: 30, cej: 60_000 }), facility(3, { kind: "alsh", capacity: 50, cej: 10_000 })],
      COMMUNES_FIXTURE,
      params({ uplifts: [{ year: 2025, rate: rate(20_000) }] }),
    );
    expect(part(plan, 0, 2024, "existing")).toBe(eur(60_000));
    expect(part(plan, 0, 2025, "existing")).toBe(eur(61_200));
    expect(part(plan, 1, 2025, "existing")).toBe(eur(10_000));
    expect(plan.constantMeans.every((c) => c.ok && !c.upliftApplied)).toBe(true);
  });

  it("flags an uplift in year one", () => {
    const plan = computeBonusPlan(
      [facility(2, { capacity: 30, cej: 60_000 })],
      COMMUNES_FIXTURE,
      params({ uplifts: [{ year: 2024, rate: rate(10_000) }] }),
    );
    expect(plan.constantMeans[0]).toMatchObject({ ok: false, upliftApplied: true, difference: eur(600) });
  });
});

describe("new places", () => {
  it("12 new places at 3 600 € are 43 200 € a year; opened in September, 4/12 the first year: 14 400 €", () => {
    expect(quantityAmount(h(12), eur(3_600))).toBe(eur(43_200));
    expect(openingTwelfths({ year: 2026, month: 9 }, 2025, "months")).toBe(0);
    expect(openingTwelfths({ year: 2026, month: 9 }, 2026, "months")).toBe(4);
    expect(openingTwelfths({ year: 2026, month: 1 }, 2026, "months")).toBe(12);
    expect(openingTwelfths({ year: 2026, month: 12 }, 2026, "months")).toBe(1);
    expect(openingTwelfths({ year: 2026, month: 9 }, 2026, "full-year")).toBe(12);
    expect(openingTwelfths({ year: 2026, month: 9 }, 2027, "months")).toBe(12);
    const f = facility(2, { capacity: 30, cej: 60_000, newPlaces: 12, opening: [2026, 9], qpv: true });
    expect(newPlacesAmount(f, 2025, params())).toBe(cents(0));
    expect(newPlacesAmount(f, 2026, params())).toBe(eur(14_400));
    expect(newPlacesAmount(f, 2027, params())).toBe(eur(43_200));
    expect(newPlacesAmount(f, 2026, params({ proRata: "full-year" }))).toBe(eur(43_200));
  });

  it("pays the CUCM's tranche outside QPV/ZRR and the reserved rate for reserved places", () => {
    const f = facility(2, { newPlaces: 10, reserved: 4, opening: [2024, 1] });
    // 6 × 3 100 (tranche 2) + 4 × 2 800
    expect(newPlacesAmount(f, 2024, params())).toBe(eur(18_600 + 11_200));
    expect(newPlacesAmount(f, 2024, params({ tranche: 1 }))).toBe(eur(6 * 2_600 + 11_200));
    // pro rata, rounded once per rate: 7 × 3 100 × 5/12 = 9 041,666… → 9 041,67
    expect(newPlacesAmount(facility(3, { newPlaces: 7, opening: [2025, 8] }), 2025, params())).toBe(
      eur(9_041.67),
    );
    expect(
      newPlacesAmount(facility(4, { kind: "alsh", newPlaces: 7, opening: [2025, 8] }), 2025, params()),
    ).toBe(cents(0));
  });
});

describe("trajectoire", () => {
  const steps = DEFAULT_BONUS_PARAMS.trajectoire;

  it("150 → 168 places (+12 %) reaches the 300 € step: 168 × 300 € = 50 400 €", () => {
    expect(trajectoireStep(h(150), h(168), steps)?.perPlace).toBe(eur(300));
    const plan = computeBonusPlan(
      [
        facility(2, { capacity: 30, cej: 60_000 }),
        facility(3, { capacity: 120, cej: 240_000, newPlaces: 18, opening: [2025, 1] }),
      ],
      COMMUNES_FIXTURE,
      params(),
    );
    expect(plan.trajectoire[0]).toMatchObject({ basin: "nord", basePlaces: h(150), targetPlaces: h(168) });
    expect(part(plan, 0, 2027, "trajectoire")).toBe(eur(9_000));
    expect(part(plan, 1, 2027, "trajectoire")).toBe(eur(41_400));
    expect(part(plan, 0, 2025, "trajectoire")).toBe(cents(0)); // before its first year (2026)
  });

  it("compares growth with thresholds exactly: +4 % is the first step, +3,33 % none", () => {
    expect(trajectoireStep(h(150), h(156), steps)?.perPlace).toBe(eur(100));
    expect(trajectoireStep(h(150), h(155), steps)).toBeNull();
    expect(trajectoireStep(h(150), h(162), steps)?.perPlace).toBe(eur(200));
    expect(trajectoireStep(h(0), h(10), steps)).toBeNull();
  });

  it("pro-rates places opened in the year like new places", () => {
    const f = facility(2, { capacity: 30, newPlaces: 12, opening: [2026, 9] });
    expect(placesAtYearEnd(f, 2025)).toBe(h(30));
    expect(placesAtYearEnd(f, 2026)).toBe(h(42));
    // (30 + 12 × 4/12) × 300 = 10 200
    expect(trajectoireAmount(f, 2026, { threshold: rate(0), perPlace: eur(300) }, params())).toBe(
      eur(10_200),
    );
    expect(trajectoireAmount(f, 2026, null, params())).toBe(cents(0));
  });
});

describe("RPE", () => {
  it("a flat amount from the last CEJ year plus 3 229 € per mission renforcée: 20 000 + 2 × 3 229 = 26 458 €", () => {
    const rpe = facility(2, { kind: "rpe", capacity: 1.5, cej: 20_000, missions: 2 });
    expect(missionsAmount(rpe, params())).toBe(eur(6_458));
    const plan = computeBonusPlan([rpe], COMMUNES_FIXTURE, params());
    expect(part(plan, 0, 2024, "existing")).toBe(eur(20_000));
    expect(part(plan, 0, 2024, "total")).toBe(eur(26_458));
    expect(plan.constantMeans[0]).toMatchObject({ kind: "rpe", ok: true });
    const flat = computeBonusPlan([rpe], COMMUNES_FIXTURE, params({ rpeFlat: eur(18_000) }));
    expect(part(flat, 0, 2024, "existing")).toBe(eur(18_000));
  });
});

describe("years, basins, totals and reconciliation", () => {
  const ctg: BonusParams["ctg"] = {
    nord: { startYear: 2024, duration: 4 },
    sud: { startYear: 2025, duration: 5 },
  };
  const facilities = [
    facility(2, { capacity: 30, cej: 60_000 }),
    facility(3, { kind: "alsh", capacity: 50, cej: 20_000, operatorKind: "association", domain: "Enfance" }),
    facility(4, { commune: "Blanzy", capacity: 20, cej: 36_000, operatorKind: "ccas" }),
  ];
  const plan = computeBonusPlan(facilities, COMMUNES_FIXTURE, params({ ctg }));

  it("plans each basin over its own CTG: nord 2024–2027, sud 2025–2029", () => {
    expect(plan.years).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(part(plan, 0, 2028, "total")).toBe(cents(0));
    expect(part(plan, 2, 2024, "total")).toBe(cents(0));
    expect(plan.byBasin).toEqual([
      { key: "nord", byYear: [8e6, 8e6, 8e6, 8e6, 0, 0].map(cents), total: eur(320_000) },
      { key: "sud", byYear: [0, 36e5, 36e5, 36e5, 36e5, 36e5].map(cents), total: eur(180_000) },
    ]);
    expect(plan.byOperatorKind.map((t) => [t.key, t.total])).toEqual([
      ["commune", eur(240_000)],
      ["ccas", eur(180_000)],
      ["association", eur(80_000)],
    ]);
    expect(plan.byDomain.map((t) => t.key)).toEqual(["Petite enfance", "Enfance"]);
  });

  it("reconciles, per commune and CTG year, the former CEJ with the bonus paid on its territory", () => {
    expect(plan.reconciliation[0]).toEqual({
      commune: "Le Creusot",
      insee: "71153",
      basin: "nord",
      formerCej: eur(80_000),
      years: [2024, 2025, 2026, 2027].map((year) => ({
        year,
        bonus: eur(80_000),
        toCommune: eur(60_000),
        toOthers: eur(20_000),
        difference: cents(0),
      })),
    });
    const more = computeBonusPlan(
      [...facilities, facility(5, { capacity: 0, newPlaces: 10, opening: [2026, 7], operatorKind: "prive" })],
      COMMUNES_FIXTURE,
      params({ ctg }),
    );
    // New places: 10 × 3 100 × 6/12 = 15 500 in 2026, 31 000 in 2027. Nord's EAJE places grow
    // 30 → 40 (+33 %): trajectoire 300 € from 2026, (30 + 0) × 300 = 9 000 to the commune's crèche,
    // 10 × 6/12 × 300 = 1 500 (2026) then 3 000 (2027) to the private one.
    expect(more.reconciliation[0]?.years.map((y) => [y.year, y.toCommune, y.toOthers, y.difference])).toEqual(
      [
        [2024, eur(60_000), eur(20_000), cents(0)],
        [2025, eur(60_000), eur(20_000), cents(0)],
        [2026, eur(69_000), eur(20_000 + 15_500 + 1_500), eur(9_000 + 15_500 + 1_500)],
        [2027, eur(69_000), eur(20_000 + 31_000 + 3_000), eur(9_000 + 31_000 + 3_000)],
      ],
    );
  });

  it("takes the basin from the reference given (a scenario may move a commune)", () => {
    const moved = COMMUNES_FIXTURE.map((c) => (c.name === "Blanzy" ? { ...c, basin: "nord" as const } : c));
    const p = computeBonusPlan(facilities, moved, params({ ctg }));
    expect(p.byBasin.map((b) => b.key)).toEqual(["nord"]);
    expect(p.rates.find((r) => r.kind === "eaje")?.rate).toBe(eur(1_920)); // 96 000 / 50
  });
});

describe("parameters", () => {
  it("notes every parameter with its source, and marks the unpublished ones as assumptions", () => {
    expect(Object.keys(BONUS_PARAM_NOTES).sort()).toEqual(Object.keys(DEFAULT_BONUS_PARAMS).sort());
    for (const note of Object.values(BONUS_PARAM_NOTES)) {
      expect(note.fr.length).toBeGreaterThan(20);
      expect(note.en.length).toBeGreaterThan(20);
    }
    expect(BONUS_PARAM_NOTES.floor.assumption).toBe(true);
    expect(BONUS_PARAM_NOTES.uplifts.assumption).toBe(true);
    expect(BONUS_PARAM_NOTES.tranche.assumption).toBe(true);
    expect(BONUS_PARAM_NOTES.rpeMission.assumption).toBe(false);
  });

  it.each<[string, Partial<BonusParams>]>([
    ["a 3-year CTG", { ctg: { ...DEFAULT_BONUS_PARAMS.ctg, sud: { startYear: 2024, duration: 3 as 4 } } }],
    [
      "a start year that is no year",
      { ctg: { ...DEFAULT_BONUS_PARAMS.ctg, nord: { startYear: 24, duration: 4 } } },
    ],
    ["a tranche without rate", { tranche: 4 }],
    ["a negative floor", { floor: { ...DEFAULT_BONUS_PARAMS.floor, alsh: cents(-1) } }],
    ["a negative uplift", { uplifts: [{ year: 2025, rate: rate(-1) }] }],
    ["a negative RPE flat amount", { rpeFlat: cents(-100) }],
  ])("refuses %s (a programming error: throws)", (_what, over) => {
    expect(() => checkBonusParams(params(over))).toThrow(RangeError);
    expect(() => computeBonusPlan([], COMMUNES_FIXTURE, params(over))).toThrow(RangeError);
  });

  it("accepts the defaults", () => {
    expect(() => checkBonusParams(DEFAULT_BONUS_PARAMS)).not.toThrow();
  });
});

// --- properties -------------------------------------------------------------------------------------

const NAMES = ["Le Creusot", "Montceau-les-Mines", "Blanzy", "Montchanin", "Saint-Vallier", "Torcy"];

const facilitySpec: fc.Arbitrary<FacilitySpec> = fc.record({
  commune: fc.constantFrom(...NAMES),
  kind: fc.constantFrom(...BONUS_KINDS),
  operatorKind: fc.constantFrom(...OPERATOR_KINDS),
  domain: fc.constantFrom("Petite enfance", "Enfance", "Jeunesse", "Parentalité"),
  capacity: fc.integer({ min: 1, max: 200 }),
  cej: fc.integer({ min: 0, max: 50_000_000 }).map((c) => c / 100),
  newPlaces: fc.integer({ min: 0, max: 30 }),
  reserved: fc.constant(0),
  opening: fc.tuple(fc.integer({ min: 2022, max: 2030 }), fc.integer({ min: 1, max: 12 })),
  qpv: fc.boolean(),
  missions: fc.integer({ min: 0, max: 3 }),
});

const paramsArb: fc.Arbitrary<BonusParams> = fc
  .record({
    nordStart: fc.integer({ min: 2022, max: 2026 }),
    sudStart: fc.integer({ min: 2022, max: 2026 }),
    nordDuration: fc.constantFrom(4 as const, 5 as const),
    sudDuration: fc.constantFrom(4 as const, 5 as const),
    uplift: fc.integer({ min: 0, max: 50_000 }),
    floor: fc.integer({ min: 0, max: 300_000 }),
    proRata: fc.constantFrom("months" as const, "full-year" as const),
  })
  .map((p) =>
    params({
      ctg: {
        nord: { startYear: p.nordStart, duration: p.nordDuration },
        sud: { startYear: p.sudStart, duration: p.sudDuration },
      },
      uplifts: [2025, 2026, 2027].map((year) => ({ year, rate: rate(p.uplift) })),
      floor: { ...DEFAULT_BONUS_PARAMS.floor, eaje: cents(p.floor) },
      proRata: p.proRata,
    }),
  );

describe("properties", () => {
  it("parts foot to totals (worked example: 60 000 + 14 400 + 10 200 + 0 = 84 600 € for the crèche in 2026)", () => {
    const example = computeBonusPlan(
      [facility(2, { capacity: 30, cej: 60_000, newPlaces: 12, opening: [2026, 9], qpv: true })],
      COMMUNES_FIXTURE,
      params(),
    );
    // 30 → 42 places (+40 %): trajectoire 300 € from 2026, on 30 + 12 × 4/12 = 34 places in 2026.
    expect(part(example, 0, 2026, "trajectoire")).toBe(eur(10_200));
    expect(part(example, 0, 2026, "total")).toBe(eur(84_600));
    // 2027: 60 000 + 43 200 + 42 × 300 = 115 800
    expect(example.byYear).toEqual([6e6, 6e6, 846e4, 1158e4, 1158e4].map(cents));

    fc.assert(
      fc.property(fc.array(facilitySpec, { minLength: 1, maxLength: 12 }), paramsArb, (specs, p) => {
        const plan = computeBonusPlan(
          specs.map((s, i) => facility(i + 2, s)),
          COMMUNES_FIXTURE,
          p,
        );
        const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
        for (const f of plan.facilities) {
          for (const y of f.years)
            expect(y.total).toBe(y.existing + y.newPlaces + y.trajectoire + y.missions);
          expect(f.total).toBe(sum(f.years.map((y) => y.total)));
        }
        plan.years.forEach((_, i) => {
          const column = sum(plan.facilities.map((f) => f.years[i]?.total ?? 0));
          expect(plan.byYear[i]).toBe(column);
          for (const by of [plan.byBasin, plan.byCommune, plan.byDomain, plan.byOperatorKind, plan.byKind])
            expect(sum(by.map((t) => t.byYear[i] ?? 0))).toBe(column);
        });
        expect(plan.total).toBe(sum(plan.byYear));
        for (const by of [plan.byBasin, plan.byCommune, plan.byDomain, plan.byOperatorKind, plan.byKind])
          expect(sum(by.map((t) => t.total))).toBe(plan.total);
        for (const r of plan.reconciliation)
          for (const y of r.years) {
            expect(y.bonus).toBe(y.toCommune + y.toOthers);
            expect(y.difference).toBe(y.bonus - r.formerCej);
          }
      }),
      { numRuns: 150 },
    );
  });

  it("smoothing keeps the total at constant means (worked example: 100 000 € over 3 + 4 places → 42 857,14 + 57 142,86)", () => {
    const example = checkConstantMeans(
      computeBonusPlan(
        [facility(2, { capacity: 3, cej: 60_000 }), facility(3, { capacity: 4, cej: 40_000 })],
        COMMUNES_FIXTURE,
        params(),
      ).facilities,
      ctgYears(DEFAULT_BONUS_PARAMS.ctg.nord),
      params(),
      [],
    );
    expect(example[0]).toMatchObject({ yearOne: eur(100_000), ok: true });

    fc.assert(
      fc.property(fc.array(facilitySpec, { minLength: 1, maxLength: 12 }), paramsArb, (specs, p) => {
        // No floor, no uplift in year one: the existing bonus of year one is the former CEJ, to the cent.
        const constant = { ...p, floor: DEFAULT_BONUS_PARAMS.floor, uplifts: [] };
        const plan = computeBonusPlan(
          specs.map((s, i) => facility(i + 2, s)),
          COMMUNES_FIXTURE,
          constant,
        );
        expect(plan.issues).toEqual([]);
        expect(plan.constantMeans.length).toBeGreaterThan(0);
        for (const c of plan.constantMeans) {
          expect(c.yearOne).toBe(c.formerCej);
          expect(c.ok).toBe(true);
        }
        // The shares foot to the pool, and every share but the last is within half a cent of exact.
        for (const r of plan.rates) {
          const group = plan.facilities.filter((f) => f.basin === r.basin && f.facility.kind === r.kind);
          const start = constant.ctg[r.basin].startYear;
          const i = plan.years.indexOf(start);
          const shares = group.map((f) => f.years[i]?.existing ?? 0);
          expect(shares.reduce((a: number, b) => a + b, 0)).toBe(r.formerCej);
          group.slice(0, -1).forEach((f, k) => {
            const exact = (r.formerCej * f.facility.capacity) / r.capacity;
            expect(Math.abs((shares[k] ?? 0) - exact)).toBeLessThanOrEqual(0.5);
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
