import fc from "fast-check";
import { COMMUNES_DATA } from "../../src/core/communes.data";
import { applyRate, cents, rate, sumCents } from "../../src/core/money";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan, NO_DOMAIN } from "../../src/core/plan";
import type { Basin, Cents, Commune, FundingRow, Plan, PlanParams } from "../../src/core/types";
import { ALLOCATION_KEYS, BASINS, CAF_BASES } from "../../src/core/types";
import { CEJ_ROWS, COMMUNES_FIXTURE, eur, row, table } from "./fixtures";

const PARAM_CELLS = {
  costHT: "'Paramètres CTG'!B4",
  capHT: "'Paramètres CTG'!B5",
  cafRate: "'Paramètres CTG'!B6",
  vatRate: "'Paramètres CTG'!B7",
  key: "'Paramètres CTG'!B8",
};

function plan(
  rows: readonly FundingRow[],
  params: Partial<PlanParams> = {},
  communes = COMMUNES_FIXTURE,
): Plan {
  return computePlan(rows, { ...DEFAULT_PARAMS, ...params }, communes);
}

function basin(p: Plan, b: Basin) {
  const found = p.basins.find((x) => x.basin === b);
  if (found === undefined) throw new Error(`no basin ${b}`);
  return found;
}

describe("fixtures", () => {
  it("copies the generated reference faithfully (34 communes, 90 346 inhabitants)", () => {
    const key = (c: Commune) => [c.insee, c.name, c.population, c.basin, c.basinConfirmed, c.exCej];
    expect(COMMUNES_FIXTURE.map(key)).toEqual(COMMUNES_DATA.map(key));
    expect(COMMUNES_FIXTURE.reduce((s, c) => s + c.population, 0)).toBe(90_346);
    expect(COMMUNES_FIXTURE.filter((c) => c.exCej)).toHaveLength(13);
  });

  it("holds the 13 CEJ of the article, 1 350 000,00 € in all", () => {
    expect(new Set(CEJ_ROWS.map((r) => r.insee)).size).toBe(13);
    expect(CEJ_ROWS.every((r) => COMMUNES_FIXTURE.find((c) => c.insee === r.insee)?.exCej)).toBe(true);
    expect(sumCents(CEJ_ROWS.map((r) => r.amount))).toBe(eur("1 350 000,00"));
  });
});

describe("computePlan: the worked example of the source article", () => {
  const p = plan(CEJ_ROWS);

  it("totals the 13 CEJ: 1 350 000,00 € over 15 rows", () => {
    expect(p.total).toBe(eur("1 350 000,00"));
    expect(p.rowCount).toBe(15);
    expect(p.fundedCommunes).toBe(13);
    expect(p.issues).toEqual([]);
  });

  it("lists the communes by basin, then by name in French order (É with the E)", () => {
    expect(p.communes.map((c) => [c.basin, c.name, c.total])).toEqual([
      ["nord", "Écuisses", eur("24 500,00")],
      ["nord", "Le Breuil", eur("52 000,00")],
      ["nord", "Le Creusot", eur("310 000,00")],
      ["nord", "Marmagne", eur("17 500,00")],
      ["nord", "Montchanin", eur("75 000,00")],
      ["nord", "Torcy", eur("41 000,00")],
      ["sud", "Blanzy", eur("110 000,00")],
      ["sud", "Ciry-le-Noble", eur("37 000,00")],
      ["sud", "Génelard", eur("21 000,00")],
      ["sud", "Montceau-les-Mines", eur("420 000,00")],
      ["sud", "Perrecy-les-Forges", eur("24 000,00")],
      ["sud", "Saint-Vallier", eur("150 000,00")],
      ["sud", "Sanvignes-les-Mines", eur("68 000,00")],
    ]);
  });

  it("totals by domain (order of appearance) and by year (ascending), per commune too", () => {
    // Enfance 160 000 + 230 000 + 150 000 + 110 000 + 68 000 + 52 000 + 37 000 + 24 000 + 17 500 = 848 500
    // Jeunesse 150 000 + 190 000 + 75 000 + 41 000 + 24 500 + 21 000 = 501 500
    expect(p.domains).toEqual(["Enfance", "Jeunesse"]);
    expect(p.domainTotals).toEqual([eur("848 500,00"), eur("501 500,00")]);
    // 2019: 895 500; 2020: 454 500
    expect(p.years).toEqual([2019, 2020]);
    expect(p.yearTotals).toEqual([eur("895 500,00"), eur("454 500,00")]);
    const creusot = p.communes.find((c) => c.insee === "71153");
    expect(creusot).toEqual({
      name: "Le Creusot",
      insee: "71153",
      basin: "nord",
      total: eur("310 000,00"),
      byDomain: [eur("160 000,00"), eur("150 000,00")],
      byYear: [eur("310 000,00"), 0],
      rowCount: 2,
    });
    const montceau = p.communes.find((c) => c.insee === "71306");
    expect(montceau?.byYear).toEqual([eur("230 000,00"), eur("190 000,00")]);
  });

  it("funds the 40 000 € HT mission 50/50: Caf 20 000, VAT 8 000, TTC 48 000, CUCM TTC 28 000", () => {
    expect(p.engineering).toEqual({
      costHT: eur("40 000,00"),
      capHT: eur("40 000,00"),
      eligibleHT: eur("40 000,00"),
      eligibleTTC: eur("48 000,00"), // 40 000 + ROUND(40 000 × 20 %, 2): not the Caf's base here
      cafBase: "ht",
      cafRate: 500_000,
      vatRate: 200_000,
      caf: eur("20 000,00"), // ROUND(40 000 × 50 %, 2)
      cuHT: eur("20 000,00"), // 40 000 − 20 000
      vat: eur("8 000,00"), // ROUND(40 000 × 20 %, 2)
      costTTC: eur("48 000,00"), // 40 000 + 8 000
      cuTTC: eur("28 000,00"), // 48 000 − 20 000
    });
  });

  it("splits it between the basins by their CEJ amounts, nord 520 000 / sud 830 000", () => {
    // Nord's share: 520 000 / 1 350 000 = 0.385 185 185…
    //   cost 40 000 × 0.385 185… = 15 407,407… → 15 407,41; sud takes 40 000 − 15 407,41 = 24 592,59
    //   Caf  20 000 × 0.385 185… =  7 703,703… →  7 703,70; sud 12 296,30
    //   VAT   8 000 × 0.385 185… =  3 081,481… →  3 081,48; sud  4 918,52
    // Nord: cuHT 15 407,41 − 7 703,70 = 7 703,71 (not 7 703,70: each line is rounded on its own);
    //       TTC 15 407,41 + 3 081,48 = 18 488,89; CUCM TTC 18 488,89 − 7 703,70 = 10 785,19.
    // Sud:  cuHT 24 592,59 − 12 296,30 = 12 296,29; TTC 24 592,59 + 4 918,52 = 29 511,11;
    //       CUCM TTC 29 511,11 − 12 296,30 = 17 214,81.   10 785,19 + 17 214,81 = 28 000,00.
    const nord = basin(p, "nord");
    const sud = basin(p, "sud");
    expect(nord).toMatchObject({ communes: 18, population: 44_562, cejTotal: eur("520 000,00") });
    expect(sud).toMatchObject({ communes: 16, population: 45_784, cejTotal: eur("830 000,00") });
    expect(nord.keyValue).toBe(eur("520 000,00"));
    expect(nord.keyShare).toBeCloseTo(520 / 1350, 12);
    expect(sud.keyShare).toBeCloseTo(830 / 1350, 12);
    expect(nord.engineering).toEqual({
      costHT: eur("15 407,41"),
      caf: eur("7 703,70"),
      vat: eur("3 081,48"),
      cuHT: eur("7 703,71"),
      costTTC: eur("18 488,89"),
      cuTTC: eur("10 785,19"),
    });
    expect(sud.engineering).toEqual({
      costHT: eur("24 592,59"),
      caf: eur("12 296,30"),
      vat: eur("4 918,52"),
      cuHT: eur("12 296,29"),
      costTTC: eur("29 511,11"),
      cuTTC: eur("17 214,81"),
    });
    expect(p.basins.map((b) => b.basin)).toEqual(["nord", "sud"]);
  });

  it("on the TTC base, the Caf funds its rate of the eligible amount incl. VAT: 40 000 HT → eligible 48 000, Caf 24 000, CUCM TTC 24 000", () => {
    // eligible HT = min(40 000, 40 000) = 40 000; eligible TTC = 40 000 + ROUND(40 000 × 20 %, 2) = 48 000;
    // Caf = ROUND(48 000 × 50 %, 2) = 24 000; CUCM HT = 40 000 − 24 000 = 16 000;
    // TTC = 40 000 + 8 000 = 48 000; CUCM TTC = 48 000 − 24 000 = 24 000.
    const t = plan(CEJ_ROWS, { cafBase: "ttc" });
    expect(t.engineering).toEqual({
      costHT: eur("40 000,00"),
      capHT: eur("40 000,00"),
      eligibleHT: eur("40 000,00"),
      eligibleTTC: eur("48 000,00"),
      cafBase: "ttc",
      cafRate: 500_000,
      vatRate: 200_000,
      caf: eur("24 000,00"),
      cuHT: eur("16 000,00"),
      vat: eur("8 000,00"),
      costTTC: eur("48 000,00"),
      cuTTC: eur("24 000,00"),
    });
    // The basins split the Caf with the same key (CEJ, nord 520 000 / 1 350 000 = 0.385 185…):
    //   Caf 24 000 × 0.385 185… = 9 244,444… → 9 244,44; sud 14 755,56;
    //   nord CUCM HT 15 407,41 − 9 244,44 = 6 162,97; CUCM TTC 18 488,89 − 9 244,44 = 9 244,45.
    expect(basin(t, "nord").engineering).toEqual({
      costHT: eur("15 407,41"),
      caf: eur("9 244,44"),
      vat: eur("3 081,48"),
      cuHT: eur("6 162,97"),
      costTTC: eur("18 488,89"),
      cuTTC: eur("9 244,45"),
    });
    expect(basin(t, "sud").engineering).toEqual({
      costHT: eur("24 592,59"),
      caf: eur("14 755,56"),
      vat: eur("4 918,52"),
      cuHT: eur("9 837,03"),
      costTTC: eur("29 511,11"),
      cuTTC: eur("14 755,55"),
    });
  });

  it("on the TTC base the cap still applies first, and each product is rounded on its own", () => {
    // cost 45 000, cap 40 000, VAT 5,5 %, Caf 33,3333 %: eligible 40 000; TTC 40 000 + 2 200 = 42 200;
    // Caf = ROUND(42 200 × 0,333333, 2) = ROUND(14 066,6526, 2) = 14 066,65; VAT on the cost
    // ROUND(45 000 × 5,5 %, 2) = 2 475; CUCM TTC 47 475 − 14 066,65 = 33 408,35.
    const t = plan(CEJ_ROWS, {
      costHT: eur("45 000,00"),
      cafRate: rate(333_333),
      vatRate: rate(55_000),
      cafBase: "ttc",
    });
    expect(t.engineering).toMatchObject({
      eligibleHT: eur("40 000,00"),
      eligibleTTC: eur("42 200,00"),
      caf: eur("14 066,65"),
      vat: eur("2 475,00"),
      cuHT: eur("30 933,35"),
      costTTC: eur("47 475,00"),
      cuTTC: eur("33 408,35"),
    });
    // And 0,01 € HT at 20 %: the VAT 0,002 rounds to 0, so eligible TTC is 0,01 and the Caf 0,01 × 50 % → 0,01.
    const tiny = plan(CEJ_ROWS, { costHT: cents(1), capHT: cents(1), cafBase: "ttc" });
    expect(tiny.engineering).toMatchObject({ eligibleTTC: 1, caf: 1, vat: 0, cuTTC: 0 });
  });

  it("keeps the reference as it is when no row gives a basin", () => {
    expect(p.communesReference).toEqual(COMMUNES_FIXTURE);
    expect(p.params).toEqual(DEFAULT_PARAMS);
  });
});

describe("computePlan: allocation keys", () => {
  it("splits by population: nord 44 562 / sud 45 784 inhabitants", () => {
    // 40 000 × 44 562 / 90 346 = 19 729,484… → 19 729,48; sud 20 270,52
    // 20 000 × 44 562 / 90 346 =  9 864,742… →  9 864,74; sud 10 135,26
    //  8 000 × 44 562 / 90 346 =  3 945,896… →  3 945,90; sud  4 054,10
    // Nord: cuHT 9 864,74; TTC 23 675,38; CUCM TTC 13 810,64. Sud: 10 135,26; 24 324,62; 14 189,36.
    const p = plan(CEJ_ROWS, { key: "population" });
    expect(basin(p, "nord").keyValue).toBe(44_562);
    expect(basin(p, "nord").engineering).toEqual({
      costHT: eur("19 729,48"),
      caf: eur("9 864,74"),
      vat: eur("3 945,90"),
      cuHT: eur("9 864,74"),
      costTTC: eur("23 675,38"),
      cuTTC: eur("13 810,64"),
    });
    expect(basin(p, "sud").engineering).toEqual({
      costHT: eur("20 270,52"),
      caf: eur("10 135,26"),
      vat: eur("4 054,10"),
      cuHT: eur("10 135,26"),
      costTTC: eur("24 324,62"),
      cuTTC: eur("14 189,36"),
    });
  });

  it("splits by number of communes: nord 18 / sud 16", () => {
    // 40 000 × 18/34 = 21 176,470… → 21 176,47; 20 000 × 18/34 = 10 588,235… → 10 588,24;
    // 8 000 × 18/34 = 4 235,294… → 4 235,29. Nord cuHT 10 588,23, TTC 25 411,76, CUCM TTC 14 823,52.
    const p = plan(CEJ_ROWS, { key: "communes" });
    expect(basin(p, "nord").keyValue).toBe(18);
    expect(basin(p, "sud").keyValue).toBe(16);
    expect(basin(p, "nord").engineering).toEqual({
      costHT: eur("21 176,47"),
      caf: eur("10 588,24"),
      vat: eur("4 235,29"),
      cuHT: eur("10 588,23"),
      costTTC: eur("25 411,76"),
      cuTTC: eur("14 823,52"),
    });
    expect(basin(p, "sud").engineering).toEqual({
      costHT: eur("18 823,53"),
      caf: eur("9 411,76"),
      vat: eur("3 764,71"),
      cuHT: eur("9 411,77"),
      costTTC: eur("22 588,24"),
      cuTTC: eur("13 176,48"),
    });
  });

  it("splits in equal parts: 20 000 / 20 000 HT, CUCM TTC 14 000 each", () => {
    const p = plan(CEJ_ROWS, { key: "equal" });
    for (const b of BASINS) {
      expect(basin(p, b).keyValue).toBe(1);
      expect(basin(p, b).keyShare).toBe(0.5);
      expect(basin(p, b).engineering).toEqual({
        costHT: eur("20 000,00"),
        caf: eur("10 000,00"),
        vat: eur("4 000,00"),
        cuHT: eur("10 000,00"),
        costTTC: eur("24 000,00"),
        cuTTC: eur("14 000,00"),
      });
    }
  });

  it("gives an odd cent to sud, the last basin: 0,01 € HT in equal parts is 0,01 / 0,00", () => {
    // ROUND(0,005; 2) = 0,01 for nord (half away from zero); sud takes 0,01 − 0,01 = 0.
    const p = plan([], { key: "equal", costHT: cents(1), capHT: cents(1) });
    expect(basin(p, "nord").engineering.costHT).toBe(1);
    expect(basin(p, "sud").engineering.costHT).toBe(0);
  });

  it("gives everything to the one basin with CEJ amounts", () => {
    const p = plan(table([{ commune: "Blanzy", amount: "1 000,00" }]));
    expect(basin(p, "nord").engineering).toEqual({
      costHT: 0,
      caf: 0,
      vat: 0,
      cuHT: 0,
      costTTC: 0,
      cuTTC: 0,
    });
    expect(basin(p, "sud").engineering.cuTTC).toBe(eur("28 000,00"));
    expect(basin(p, "nord").keyShare).toBe(0);
    expect(basin(p, "sud").keyShare).toBe(1);
  });
});

describe("computePlan: engineering", () => {
  it("funds only the cap when the cost is above it, with a warning on the cost cell", () => {
    // cost 45 000, cap 40 000: eligible 40 000, Caf 20 000, CUCM HT 25 000, VAT 9 000, TTC 54 000, CUCM TTC 34 000
    const params = { ...DEFAULT_PARAMS, costHT: eur("45 000,00") };
    const p = computePlan(CEJ_ROWS, params, COMMUNES_FIXTURE, { cells: PARAM_CELLS });
    expect(p.engineering).toMatchObject({
      eligibleHT: eur("40 000,00"),
      caf: eur("20 000,00"),
      cuHT: eur("25 000,00"),
      vat: eur("9 000,00"),
      costTTC: eur("54 000,00"),
      cuTTC: eur("34 000,00"),
    });
    expect(p.issues).toEqual([
      {
        code: "cost-above-cap",
        severity: "warning",
        cell: "'Paramètres CTG'!B4",
        related: ["'Paramètres CTG'!B5"],
        data: { cost: eur("45 000,00"), cap: eur("40 000,00") },
      },
    ]);
  });

  it("names the parameters by their name when no cell is given", () => {
    const p = plan(CEJ_ROWS, { costHT: eur("45 000,00") });
    expect(p.issues.map((i) => [i.cell, i.related])).toEqual([["costHT", ["capHT"]]]);
  });

  it("funds the whole cost below or at the cap, without a warning", () => {
    // 36 000 HT: Caf 18 000, CUCM HT 18 000, VAT 7 200, TTC 43 200, CUCM TTC 25 200
    const p = plan(CEJ_ROWS, { costHT: eur("36 000,00") });
    expect(p.engineering).toMatchObject({
      eligibleHT: eur("36 000,00"),
      caf: eur("18 000,00"),
      cuHT: eur("18 000,00"),
      vat: eur("7 200,00"),
      costTTC: eur("43 200,00"),
      cuTTC: eur("25 200,00"),
    });
    expect(p.issues).toEqual([]);
  });

  it("rounds each line to the cent, half away from zero, like Excel's ROUND", () => {
    // 33 333,33 HT: Caf ROUND(16 666,665; 2) = 16 666,67; CUCM HT 16 666,66;
    // VAT ROUND(6 666,666; 2) = 6 666,67; TTC 40 000,00; CUCM TTC 23 333,33
    const p = plan(CEJ_ROWS, { costHT: eur("33 333,33") });
    expect(p.engineering).toMatchObject({
      caf: eur("16 666,67"),
      cuHT: eur("16 666,66"),
      vat: eur("6 666,67"),
      costTTC: eur("40 000,00"),
      cuTTC: eur("23 333,33"),
    });
  });

  it("handles other rates: Caf 33,3333 %, VAT 5,5 %", () => {
    // Caf ROUND(40 000 × 0,333333; 2) = 13 333,32; VAT 2 200,00; CUCM TTC 42 200 − 13 333,32 = 28 866,68
    const p = plan(CEJ_ROWS, { cafRate: rate(333_333), vatRate: rate(55_000) });
    expect(p.engineering).toMatchObject({
      caf: eur("13 333,32"),
      vat: eur("2 200,00"),
      costTTC: eur("42 200,00"),
      cuTTC: eur("28 866,68"),
    });
  });
});

describe("computePlan: empty and degenerate tables", () => {
  it("gives zero totals without rows, and a key-sum-zero error with the CEJ key", () => {
    const p = computePlan([], DEFAULT_PARAMS, COMMUNES_FIXTURE, { cells: PARAM_CELLS });
    expect(p).toMatchObject({
      communes: [],
      domains: [],
      domainTotals: [],
      years: [],
      yearTotals: [],
      total: 0,
      fundedCommunes: 0,
      rowCount: 0,
    });
    expect(p.issues).toEqual([
      { code: "key-sum-zero", severity: "error", cell: "'Paramètres CTG'!B8", data: { key: "cej" } },
    ]);
    for (const b of p.basins) {
      expect(b.engineering).toEqual({ costHT: 0, caf: 0, vat: 0, cuHT: 0, costTTC: 0, cuTTC: 0 });
      expect(b.keyShare).toBe(0);
    }
    // the mission itself is still computed
    expect(p.engineering.cuTTC).toBe(eur("28 000,00"));
  });

  it("splits by population without rows, since the key does not need them", () => {
    const p = plan([], { key: "population" });
    expect(p.issues).toEqual([]);
    expect(basin(p, "nord").engineering.costHT).toBe(eur("19 729,48"));
  });

  it("raises key-sum-zero when the reference has no population or no commune", () => {
    const noPopulation = COMMUNES_FIXTURE.map((c) => ({ ...c, population: 0 }));
    expect(plan(CEJ_ROWS, { key: "population" }, noPopulation).issues).toEqual([
      { code: "key-sum-zero", severity: "error", cell: "key", data: { key: "population" } },
    ]);
    const outside = table([{ commune: "Autun", insee: null, basin: "sud", amount: 100 }]);
    const p = plan(outside, { key: "communes" }, []);
    expect(p.issues.map((i) => i.code)).toEqual(["key-sum-zero"]);
    expect(p.basins.map((b) => [b.communes, b.population])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("splits an engineering cost of zero into zeros", () => {
    const p = plan(CEJ_ROWS, { costHT: cents(0) });
    expect(p.issues).toEqual([]);
    for (const b of p.basins) expect(b.engineering.cuTTC).toBe(0);
  });
});

describe("computePlan: negative amounts", () => {
  it("accepts a correction that leaves the commune's total positive", () => {
    const p = plan(
      table([
        { commune: "Blanzy", amount: "1 000,00" },
        { commune: "Blanzy", amount: "-250,00" },
      ]),
    );
    expect(p.communes[0]?.total).toBe(eur("750,00"));
    expect(p.issues).toEqual([]);
  });

  it("refuses a commune whose total is negative, on its first amount cell", () => {
    // Blanzy: −1 500,00 (row 2) + 1 000,00 (row 5) = −500,00
    const rows = table([
      { commune: "Blanzy", amount: "-1 500,00" },
      { commune: "Le Creusot", amount: "2 000,00" },
      { commune: "Torcy", amount: "-1,00" },
      { commune: "Blanzy", amount: "1 000,00" },
    ]);
    const p = plan(rows, { key: "equal" });
    expect(p.issues).toEqual([
      {
        code: "commune-total-negative",
        severity: "error",
        cell: "Financements!E4",
        data: { commune: "Torcy", total: -100 },
      },
      {
        code: "commune-total-negative",
        severity: "error",
        cell: "Financements!E2",
        data: { commune: "Blanzy", total: eur("-500,00") },
      },
    ]);
    // with the equal key the split does not depend on the amounts
    expect(basin(p, "nord").engineering.costHT).toBe(eur("20 000,00"));
  });

  it("names the lowest sheet row even when rows come in another order", () => {
    const rows = [
      row({ commune: "Blanzy", amount: "100,00", sheetRow: 9 }),
      row({ commune: "Blanzy", amount: "-300,00", sheetRow: 3 }),
    ];
    expect(plan(rows, { key: "equal" }).issues.map((i) => i.cell)).toEqual(["Financements!E3"]);
  });

  it("does not split by a negative CEJ basin total: zeros, and only the commune's error", () => {
    const rows = table([
      { commune: "Blanzy", amount: "-500,00" },
      { commune: "Le Creusot", amount: "2 000,00" },
    ]);
    const p = plan(rows);
    expect(basin(p, "sud").cejTotal).toBe(eur("-500,00"));
    expect(p.issues.map((i) => i.code)).toEqual(["commune-total-negative"]);
    for (const b of p.basins) {
      expect(b.engineering).toEqual({ costHT: 0, caf: 0, vat: 0, cuHT: 0, costTTC: 0, cuTTC: 0 });
      expect(b.keyShare).toBe(0);
    }
  });
});

describe("computePlan: basins", () => {
  it("applies the basin the rows give: Saint-Eusèbe in the sud", () => {
    // Saint-Eusèbe (1 147 inhabitants) moves from nord to sud: nord 17 communes, 44 562 − 1 147 = 43 415;
    // sud 17 communes, 45 784 + 1 147 = 46 931.
    const p = plan(table([{ commune: "Saint-Eusèbe", basin: "sud", amount: "5 000,00" }]), {
      key: "population",
    });
    const eusebe = p.communesReference.find((c) => c.insee === "71412");
    expect(eusebe).toMatchObject({ basin: "sud", basinConfirmed: true });
    expect(p.communesReference).toHaveLength(34);
    expect(p.communes[0]).toMatchObject({ name: "Saint-Eusèbe", basin: "sud" });
    expect(basin(p, "nord")).toMatchObject({ communes: 17, population: 43_415, cejTotal: 0 });
    expect(basin(p, "sud")).toMatchObject({ communes: 17, population: 46_931, cejTotal: eur("5 000,00") });
    // the input reference is left untouched
    expect(COMMUNES_FIXTURE.find((c) => c.insee === "71412")?.basin).toBe("nord");
  });

  it("marks a basin stated on the rows as confirmed, even when it is the reference's", () => {
    const p = plan(table([{ commune: "Saint-Eusèbe", basin: "nord", amount: 1 }]));
    expect(p.communesReference.find((c) => c.insee === "71412")).toMatchObject({
      basin: "nord",
      basinConfirmed: true,
    });
  });

  it("takes the first row that gives a basin", () => {
    const p = plan(
      table([
        { commune: "Blanzy", amount: 1 },
        { commune: "Blanzy", basin: "nord", amount: 1 },
        { commune: "Blanzy", basin: "sud", amount: 1 }, // the reader reports basin-conflict here
      ]),
    );
    expect(p.communes.map((c) => [c.name, c.basin])).toEqual([["Blanzy", "nord"]]);
  });

  it("keeps a commune outside the reference under its name, in the basin its rows give", () => {
    const rows = table([
      { commune: "Autun", insee: null, basin: "nord", amount: "1 000,00" },
      { commune: "AUTUN", insee: null, basin: "nord", amount: "500,00" },
      { commune: "Le Creusot", amount: "2 000,00" },
    ]);
    const p = plan(rows);
    expect(p.communes.map((c) => [c.name, c.insee, c.basin, c.total, c.rowCount])).toEqual([
      ["Autun", null, "nord", eur("1 500,00"), 2],
      ["Le Creusot", "71153", "nord", eur("2 000,00"), 1],
    ]);
    expect(p.fundedCommunes).toBe(2);
    expect(basin(p, "nord")).toMatchObject({ communes: 18, cejTotal: eur("3 500,00") });
    expect(p.communesReference).toEqual(COMMUNES_FIXTURE);
  });

  it("throws on rows the reader never gives", () => {
    expect(() => plan([row({ commune: "Autun", insee: null, amount: 1 })])).toThrow(RangeError);
    expect(() => plan([row({ commune: "Nulle part", insee: "99999", amount: 1 })])).toThrow(RangeError);
  });

  it("sorts names in French order, not by code point", () => {
    const p = plan(
      table([
        { commune: "Le Creusot", amount: 1 },
        { commune: "Essertenne", amount: 1 },
        { commune: "Écuisses", amount: 1 },
        { commune: "Saint-Vallier", amount: 1 },
        { commune: "Blanzy", amount: 1 },
      ]),
    );
    expect(p.communes.map((c) => c.name)).toEqual([
      "Écuisses",
      "Essertenne",
      "Le Creusot",
      "Blanzy",
      "Saint-Vallier",
    ]);
  });
});

describe("computePlan: domains and years", () => {
  it("totals rows without a domain under the empty label when others have one", () => {
    const p = plan(
      table([
        { commune: "Blanzy", domain: "Enfance", amount: 100 },
        { commune: "Blanzy", domain: null, amount: 20 },
        { commune: "Torcy", domain: "Jeunesse", amount: 3 },
        { commune: "Torcy", domain: null, amount: 4 },
      ]),
    );
    expect(NO_DOMAIN).toBe("");
    expect(p.domains).toEqual(["Enfance", "", "Jeunesse"]);
    expect(p.domainTotals).toEqual([eur(100), eur(24), eur(3)]);
    expect(sumCents(p.domainTotals)).toBe(p.total);
    expect(p.communes.map((c) => [c.name, c.byDomain])).toEqual([
      ["Torcy", [0, eur(4), eur(3)]],
      ["Blanzy", [eur(100), eur(20), 0]],
    ]);
  });

  it("has no domain and no year when the table has neither column", () => {
    const p = plan(table([{ commune: "Blanzy", amount: 100 }]));
    expect([p.domains, p.domainTotals, p.years, p.yearTotals]).toEqual([[], [], [], []]);
    expect(p.communes[0]).toMatchObject({ byDomain: [], byYear: [] });
  });

  it("sorts years ascending and leaves rows without a year out of the year columns", () => {
    const p = plan(
      table([
        { commune: "Blanzy", year: 2020, amount: 1 },
        { commune: "Blanzy", year: 2018, amount: 2 },
        { commune: "Torcy", year: 2020, amount: 4 },
        { commune: "Torcy", year: null, amount: 8 },
      ]),
    );
    expect(p.years).toEqual([2018, 2020]);
    expect(p.yearTotals).toEqual([eur(2), eur(5)]);
    expect(p.total).toBe(eur(15));
  });
});

describe("computePlan: properties", () => {
  const communeArb = fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...COMMUNES_FIXTURE.map((c) => c.name)) },
    { weight: 1, arbitrary: fc.constantFrom("Autun", "Chalon-sur-Saône") },
  );
  const rowSpecArb = fc.record({
    commune: communeArb,
    amount: fc.integer({ min: -1_000_000, max: 100_000_000 }),
    domain: fc.constantFrom("Enfance", "Jeunesse", null),
    year: fc.constantFrom(2019, 2020, 2021),
  });
  const rowsArb = fc.array(rowSpecArb, { maxLength: 40 }).map((specs) =>
    table(
      specs.map((s) => {
        const outside = !COMMUNES_FIXTURE.some((c) => c.name === s.commune);
        // outside communes carry a basin, as the reader guarantees
        const basinGiven: Basin | null = outside ? (s.commune === "Autun" ? "nord" : "sud") : null;
        return {
          commune: s.commune,
          domain: s.domain,
          year: s.year,
          basin: basinGiven,
          amount: s.amount / 100,
        };
      }),
    ),
  );
  const paramsArb = fc.record({
    costHT: fc.integer({ min: 0, max: 10_000_000_000 }).map(cents),
    capHT: fc.integer({ min: 0, max: 10_000_000_000 }).map(cents),
    cafRate: fc.integer({ min: 0, max: 1_000_000 }).map(rate),
    vatRate: fc.integer({ min: 0, max: 1_000_000 }).map(rate),
    key: fc.constantFrom(...ALLOCATION_KEYS),
    cafBase: fc.constantFrom(...CAF_BASES),
  });

  const sum = (xs: readonly Cents[]): Cents => sumCents(xs);

  it("allocations always foot: the basins add up to the mission, line by line", () => {
    // Worked example: 15 407,41 + 24 592,59 = 40 000,00; 10 785,19 + 17 214,81 = 28 000,00.
    fc.assert(
      fc.property(rowsArb, paramsArb, (rows, params) => {
        const p = computePlan(rows, params, COMMUNES_FIXTURE);
        const split = p.basins.some((b) => b.keyShare > 0);
        for (const line of ["costHT", "caf", "vat", "cuHT", "costTTC", "cuTTC"] as const) {
          const s = sum(p.basins.map((b) => b.engineering[line]));
          expect(s).toBe(split ? p.engineering[line] : 0);
        }
        if (!split) {
          expect(p.issues.some((i) => i.code === "key-sum-zero" || i.code === "commune-total-negative")).toBe(
            true,
          );
        }
      }),
    );
  });

  it("each basin's lines hold: cuHT = cost − Caf, TTC = cost + VAT, CUCM TTC = TTC − Caf", () => {
    // Worked example, nord: 15 407,41 − 7 703,70 = 7 703,71; 15 407,41 + 3 081,48 = 18 488,89;
    // 18 488,89 − 7 703,70 = 10 785,19.
    fc.assert(
      fc.property(rowsArb, paramsArb, (rows, params) => {
        const p = computePlan(rows, params, COMMUNES_FIXTURE);
        for (const e of [p.engineering, ...p.basins.map((b) => b.engineering)]) {
          expect(e.cuHT).toBe(e.costHT - e.caf);
          expect(e.costTTC).toBe(e.costHT + e.vat);
          expect(e.cuTTC).toBe(e.costTTC - e.caf);
        }
        const eligible = Math.min(params.costHT, params.capHT);
        expect(p.engineering.eligibleHT).toBe(eligible);
        expect(p.engineering.eligibleTTC).toBe(eligible + applyRate(cents(eligible), params.vatRate));
        expect(p.engineering.caf).toBeLessThanOrEqual(
          params.cafBase === "ttc" ? p.engineering.eligibleTTC : eligible,
        );
        expect(p.issues.some((i) => i.code === "cost-above-cap")).toBe(params.costHT > params.capHT);
      }),
    );
  });

  it("each basin's cost is within half a cent of its exact share of the key", () => {
    fc.assert(
      fc.property(rowsArb, paramsArb, (rows, params) => {
        const p = computePlan(rows, params, COMMUNES_FIXTURE);
        const total = p.basins.reduce((s, b) => s + b.keyValue, 0);
        fc.pre(p.basins.some((b) => b.keyShare > 0));
        for (const b of p.basins) {
          const diff =
            BigInt(b.engineering.costHT) * BigInt(total) - BigInt(params.costHT) * BigInt(b.keyValue);
          expect(2n * (diff < 0n ? -diff : diff) <= BigInt(total)).toBe(true);
        }
      }),
    );
  });

  it("totals equal the sum of the rows, by commune, basin, domain and year", () => {
    // Worked example: 13 communes, 520 000 + 830 000 = 848 500 + 501 500 = 895 500 + 454 500 = 1 350 000.
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const p = plan(rows, { key: "equal" });
        const rowsTotal = sum(rows.map((r) => r.amount));
        expect(p.total).toBe(rowsTotal);
        expect(p.rowCount).toBe(rows.length);
        expect(sum(p.communes.map((c) => c.total))).toBe(rowsTotal);
        expect(p.communes.reduce((s, c) => s + c.rowCount, 0)).toBe(rows.length);
        expect(sum(p.basins.map((b) => b.cejTotal))).toBe(rowsTotal);
        if (p.domains.length > 0) expect(sum(p.domainTotals)).toBe(rowsTotal);
        expect(sum(p.yearTotals)).toBe(rowsTotal); // every generated row has a year
        for (const c of p.communes) {
          if (p.domains.length > 0) expect(sum(c.byDomain)).toBe(c.total);
          expect(sum(c.byYear)).toBe(c.total);
        }
        p.domains.forEach((d, i) => {
          const expected = sum(rows.filter((r) => (r.domain ?? NO_DOMAIN) === d).map((r) => r.amount));
          expect(p.domainTotals[i]).toBe(expected);
        });
        p.years.forEach((y, i) => {
          expect(p.yearTotals[i]).toBe(sum(rows.filter((r) => r.year === y).map((r) => r.amount)));
        });
        expect(p.fundedCommunes).toBe(new Set(rows.map((r) => r.insee ?? r.commune)).size);
      }),
    );
  });

  it("row order never changes the plan (domains aside, which keep their order of appearance)", () => {
    /** The plan with domains sorted, so that plans from shuffled rows compare. */
    function canonical(p: Plan) {
      const order = p.domains.map((d, i) => [d, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return {
        ...p,
        domains: order.map(([d]) => d),
        domainTotals: order.map(([, i]) => p.domainTotals[i]),
        communes: p.communes.map((c) => ({ ...c, byDomain: order.map(([, i]) => c.byDomain[i]) })),
      };
    }
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        paramsArb,
        ([rows, shuffled], params) => {
          expect(canonical(computePlan(shuffled, params, COMMUNES_FIXTURE))).toEqual(
            canonical(computePlan(rows, params, COMMUNES_FIXTURE)),
          );
        },
      ),
    );
  });
});
