// The bonus territoire parameters read back from the `CTG_B_*` names (issue #14): what the report
// writes on `Paramètres CTG` reads back to the same parameters; a name absent keeps its default; each
// bad cell is an error on that cell.

import fc from "fast-check";
import { bonusNames, DEFAULT_BONUS_PARAMS, type BonusParams } from "../../src/core/bonus-params";
import { readBonusParams, type BonusParamInputs } from "../../src/core/bonus-params-read";
import { cents, rate, RATE_SCALE } from "../../src/core/money";
import type { BonusKind, Lang, RawValue } from "../../src/core/types";
import { formatIssueLine, reportLabels } from "../../src/i18n";
import { bonusParamRows } from "../../src/report";

/** The inputs of the names as a generation writes them (value cell in column B of `Paramètres CTG`). */
function written(params: BonusParams, lang: Lang): Record<string, { value: RawValue; cell: string }> {
  return Object.fromEntries(
    bonusParamRows(params, reportLabels(lang), lang).map((r) => [
      r.name,
      { value: r.value, cell: `'Paramètres CTG'!B${r.row + 1}` },
    ]),
  );
}

/** The parameters as the workbook holds them: uplifts by year, steps by threshold, kinds in order. */
function normalized(p: BonusParams): BonusParams {
  return {
    ...p,
    uplifts: [...p.uplifts].sort((a, b) => a.year - b.year),
    trajectoire: [...p.trajectoire].sort((a, b) => a.threshold - b.threshold),
    upliftKinds: (["eaje", "rpe", "laep", "alsh", "autre"] as const).filter((k) => p.upliftKinds.includes(k)),
  };
}

const year = fc.integer({ min: 2000, max: 2100 });
const amount = fc.integer({ min: 0, max: 100_000_000 }).map(cents);
const fraction = fc.integer({ min: 0, max: RATE_SCALE }).map(rate);
const smoothed: readonly BonusKind[] = ["eaje", "laep", "alsh", "autre"];

/**
 * Valid parameters the workbook can say: uplift years are not written (they are the defaults' in
 * order, 2025 onwards), the RPE's floor and uplift are not written either (nothing smoothes an RPE).
 */
const validParams: fc.Arbitrary<BonusParams> = fc
  .record({
    ctg: fc.record({
      nord: fc.record({ startYear: year, duration: fc.constantFrom(4 as const, 5 as const) }),
      sud: fc.record({ startYear: year, duration: fc.constantFrom(4 as const, 5 as const) }),
    }),
    referenceYear: year,
    floors: fc.tuple(amount, amount, amount, amount),
    upliftRates: fc.array(fraction, { minLength: 1, maxLength: 5 }),
    upliftKinds: fc.subarray([...smoothed]),
    newPlaceRates: fc.array(amount, { minLength: 1, maxLength: 5 }),
    trancheSeed: fc.nat(),
    priorityAreaRate: amount,
    reservedPlaceRate: amount,
    trajectoireBaseYear: year,
    trajectoireTargetYear: year,
    trajectoireFirstYear: year,
    trajectoire: fc.array(fc.record({ threshold: fraction, perPlace: amount }), {
      minLength: 1,
      maxLength: 4,
    }),
    rpeFlat: fc.option(amount, { nil: null }),
    rpeMission: amount,
    proRata: fc.constantFrom("months" as const, "full-year" as const),
  })
  .map(({ floors, upliftRates, trancheSeed, ...p }) => ({
    ...p,
    floor: { eaje: floors[0], rpe: cents(0), laep: floors[1], alsh: floors[2], autre: floors[3] },
    uplifts: upliftRates.map((r, i) => ({ year: 2025 + i, rate: r })),
    tranche: 1 + (trancheSeed % p.newPlaceRates.length),
  }));

describe("readBonusParams", () => {
  it("gives the defaults when the workbook has no bonus name", () => {
    expect(readBonusParams({})).toEqual({ params: DEFAULT_BONUS_PARAMS, issues: [] });
  });

  it.each(["fr", "en"] as const)("reads back the defaults as the report writes them (%s)", (lang) => {
    const read = readBonusParams(written(DEFAULT_BONUS_PARAMS, lang));
    expect(read.issues).toEqual([]);
    expect(read.params).toEqual(DEFAULT_BONUS_PARAMS);
  });

  it("reads back any valid parameters the report writes, in French and in English", () => {
    fc.assert(
      fc.property(validParams, fc.constantFrom<Lang>("fr", "en"), (params, lang) => {
        const read = readBonusParams(written(params, lang));
        expect(read.issues).toEqual([]);
        expect(read.params).toEqual(normalized(params));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the default of a name absent, and reads the others", () => {
    const inputs: Record<string, { value: RawValue; cell: string }> = written(DEFAULT_BONUS_PARAMS, "fr");
    delete inputs[bonusNames.rpeMission];
    inputs[bonusNames.start("sud")] = { value: 2025, cell: "'Paramètres CTG'!B15" };
    const read = readBonusParams(inputs);
    expect(read.issues).toEqual([]);
    expect(read.params.rpeMission).toBe(DEFAULT_BONUS_PARAMS.rpeMission);
    expect(read.params.ctg.sud).toEqual({ startYear: 2025, duration: 5 });
  });

  it("reads text as a user types it: amounts with €, rates with %, words in either language", () => {
    const read = readBonusParams({
      [bonusNames.newPlaceRate(0)]: { value: "2 700,00 €", cell: "X!B1" },
      [bonusNames.uplift(0)]: { value: "2 %", cell: "X!B2" },
      [bonusNames.upliftKind("alsh")]: { value: "yes", cell: "X!B3" },
      [bonusNames.proRata]: { value: "Année entière", cell: "X!B4" },
      [bonusNames.duration("nord")]: { value: "4", cell: "X!B5" },
    });
    expect(read.issues).toEqual([]);
    expect(read.params.newPlaceRates[0]).toBe(270_000);
    expect(read.params.uplifts[0]).toEqual({ year: 2025, rate: 20_000 });
    expect(read.params.upliftKinds).toEqual(["eaje", "alsh"]);
    expect(read.params.proRata).toBe("full-year");
    expect(read.params.ctg.nord.duration).toBe(4);
  });

  it("takes an empty RPE flat amount as « none » (each RPE's own former CEJ)", () => {
    const inputs = written({ ...DEFAULT_BONUS_PARAMS, rpeFlat: cents(500_000) }, "fr");
    expect(readBonusParams(inputs).params.rpeFlat).toBe(500_000);
    inputs[bonusNames.rpeFlat] = { value: null, cell: "'Paramètres CTG'!B46" };
    expect(readBonusParams(inputs).params.rpeFlat).toBeNull();
  });

  const bad: readonly [string, RawValue, string][] = [
    [bonusNames.start("nord"), 1999, "bonus-param-year"],
    [bonusNames.referenceYear, 2020.5, "bonus-param-year"],
    [bonusNames.trajectoireFirstYear, "l'an prochain", "bonus-param-year"],
    [bonusNames.duration("sud"), 6, "bonus-param-duration"],
    [bonusNames.floor("eaje"), -100, "bonus-param-negative"],
    [bonusNames.rpeMission, "beaucoup", "bonus-param-invalid"],
    [bonusNames.newPlaceRate(1), 2600.001, "bonus-param-invalid"],
    [bonusNames.uplift(0), 1.5, "bonus-param-rate-range"],
    [bonusNames.threshold(2), "-4 %", "bonus-param-rate-range"],
    [bonusNames.tranche, 4, "bonus-param-tranche"],
    [bonusNames.tranche, 0, "bonus-param-tranche"],
    [bonusNames.upliftKind("eaje"), "Peut-être", "bonus-param-yes-no"],
    [bonusNames.proRata, "Semaines", "bonus-param-pro-rata"],
  ];

  it.each(bad)("%s = %p is %s on its cell, with a fix, and the default kept", (name, value, code) => {
    const inputs = written(DEFAULT_BONUS_PARAMS, "fr");
    const cell = inputs[name]?.cell ?? "";
    inputs[name] = { value, cell };
    const read = readBonusParams(inputs as BonusParamInputs);
    expect(read.issues).toEqual([
      { code, severity: "error", cell, data: { name, param: expect.any(String), value: expect.any(String) } },
    ]);
    expect(read.params).toEqual(DEFAULT_BONUS_PARAMS);
    const line = formatIssueLine(read.issues[0]!, "fr");
    expect(line.startsWith(`${cell}: `)).toBe(true);
    expect(line).toContain(name);
    expect(line).toMatch(/saisissez|choisissez/);
  });
});
