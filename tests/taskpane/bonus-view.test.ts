// The view model of the pane's « Bonus territoire » section: a worked example a finance officer can
// check by hand, then the demo's facilities, whose figures must be the engine's to the cent.

import { computeBonusPlan, type BonusPlan } from "../../src/core/bonus";
import { DEFAULT_BONUS_PARAMS, type BonusParams } from "../../src/core/bonus-params";
import { COMMUNES } from "../../src/core/communes";
import { BONUS_DEMO_HEADERS } from "../../src/core/bonus-demo";
import { readFacilityTable } from "../../src/core/facilities";
import { cents, parseAmountText } from "../../src/core/money";
import type { Cents, RawValue } from "../../src/core/types";
import { bonusView } from "../../src/taskpane/bonus-view";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { bonusInputOf } from "../helpers/bonus-input";

const ORIGIN = { sheet: "Équipements CTG", topLeft: "A1" };
const NNBSP = "\u202F";
const NBSP = "\u00A0";
/** French money as the pane writes it, from a plain `300 000,00 €`. */
const fr = (text: string): string => text.replace(/ (?=\d)/g, NNBSP).replace(/ €/, `${NBSP}€`);

/**
 * Three facilities: two crèches of the Nord basin sharing 300 000 € of CEJ over 150 places (2 000 € a
 * place: 60 000 € and 240 000 €), and an RPE of the Sud basin (its 20 000 € plus one mission renforcée
 * of 3 229 €). The Sud CTG starts a year later.
 */
const GRID: RawValue[][] = [
  [...BONUS_DEMO_HEADERS],
  [
    "Crèche A",
    "Commune du Creusot",
    "Commune",
    "Le Creusot",
    "Petite enfance",
    "EAJE",
    "places",
    30,
    100000,
    null,
    null,
    null,
    "Non",
    null,
  ],
  [
    "Crèche B",
    "Association B",
    "Association",
    "Torcy",
    "Petite enfance",
    "EAJE",
    "places",
    120,
    200000,
    null,
    null,
    null,
    "Non",
    null,
  ],
  [
    "Relais C",
    "CCAS de Montceau",
    "CCAS",
    "Montceau-les-Mines",
    "Petite enfance",
    "RPE",
    "ETP",
    1,
    20000,
    null,
    null,
    null,
    "Non",
    1,
  ],
];

function planOf(grid: RawValue[][], params: BonusParams = DEFAULT_BONUS_PARAMS): BonusPlan {
  const read = readFacilityTable(grid, { origin: ORIGIN, communes: COMMUNES, headerRow: 0 });
  expect(read.issues).toEqual([]);
  return computeBonusPlan(read.facilities, COMMUNES, params);
}

const PARAMS: BonusParams = {
  ...DEFAULT_BONUS_PARAMS,
  ctg: { nord: { startYear: 2024, duration: 5 }, sud: { startYear: 2025, duration: 4 } },
};

/** A formatted amount back to cents (French or English). */
function centsOf(text: string | null | undefined): Cents {
  const parsed = parseAmountText((text ?? "").replace(/^\+/, ""));
  if (!parsed.ok) throw new Error(`not an amount: ${text}`);
  return parsed.cents;
}

describe("the bonus territoire section's view (worked example)", () => {
  const plan = planOf(GRID, PARAMS);

  it("gives the total, the facilities and each basin's CTG years", () => {
    const view = bonusView(plan, "fr");
    // 300 000 € × 5 years (Nord) + 23 229 € × 4 years (Sud).
    expect(view.total).toBe(fr("1 592 916,00 €"));
    expect(view.summary).toBe("3 équipements, 3 communes");
    expect(view.terms).toEqual(["CTG Nord : 2024 à 2028 (5 ans)", "CTG Sud : 2025 à 2028 (4 ans)"]);
    expect(bonusView(plan, "en").terms).toEqual([
      "North CTG: 2024 to 2028 (5 years)",
      "South CTG: 2025 to 2028 (4 years)",
    ]);
  });

  it("shows years as columns, Nord, Sud and the total as rows; none for a year outside a basin's CTG", () => {
    const view = bonusView(plan, "fr");
    expect(view.years).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(view.rows.map((r) => r.label)).toEqual(["Nord", "Sud", "Total"]);
    expect(view.rows[0]?.values).toEqual(Array(5).fill(fr("300 000,00 €")));
    expect(view.rows[1]?.values).toEqual([null, ...Array(4).fill(fr("23 229,00 €"))]);
    expect(view.outside).toBe(true);
    expect(view.rows[2]?.values).toEqual([fr("300 000,00 €"), ...Array(4).fill(fr("323 229,00 €"))]);
    const en = bonusView(plan, "en");
    expect(en.rows.map((r) => r.label)).toEqual(["North", "South", "Total"]);
    expect(en.rows[2]?.values[1]).toBe("€323,229.00");
  });

  it("reconciles each commune: former CEJ against the bonus paid on its territory, difference by year", () => {
    const view = bonusView(plan, "fr");
    expect(view.communes.map((c) => c.title)).toEqual([
      "Le Creusot (Nord)",
      "Torcy (Nord)",
      "Montceau-les-Mines (Sud)",
    ]);
    const [creusot, torcy, montceau] = view.communes;
    expect(creusot?.formerCej).toBe(`CEJ perçu en 2020 : ${fr("100 000,00 €")}`);
    expect(creusot?.years.map((y) => [y.year, y.bonus, y.difference, y.sign])).toEqual(
      [2024, 2025, 2026, 2027, 2028].map((y) => [y, fr("60 000,00 €"), fr("-40 000,00 €"), -1]),
    );
    expect(creusot?.spread).toBe(`Écart : ${fr("-40 000,00 €")} par an`);
    expect(torcy?.years[0]?.difference).toBe(fr("+40 000,00 €"));
    expect(montceau?.years.map((y) => y.year)).toEqual([2025, 2026, 2027, 2028]);
    expect(montceau?.years[0]).toMatchObject({ bonus: fr("23 229,00 €"), difference: fr("+3 229,00 €") });
    expect(bonusView(plan, "en").communes[0]?.spread).toBe("Difference: -€40,000.00 a year");
  });

  it("says « à moyens constants » when year one equals the former CEJ, and where and why it does not", () => {
    expect(bonusView(plan, "fr").constantMeans).toEqual({
      ok: true,
      title: "À moyens constants",
      lines: [expect.stringContaining("égale l'ancien CEJ, au centime")],
    });
    // A floor of 2 500 € a place raises the Nord crèches' pool to 150 × 2 500 € = 375 000 €.
    const floored = planOf(GRID, { ...PARAMS, floor: { ...PARAMS.floor, eaje: cents(250_000) } });
    expect(bonusView(floored, "fr").constantMeans).toEqual({
      ok: false,
      title: "Pas à moyens constants",
      lines: [
        `Nord, EAJE : ${fr("375 000,00 €")} la première année pour ${fr("300 000,00 €")} de CEJ (${fr("+75 000,00 €")}) ; plancher appliqué.`,
      ],
    });
    expect(bonusView(floored, "en").constantMeans.lines).toEqual([
      "North, EAJE: €375,000.00 in the first year for €300,000.00 of CEJ (+€75,000.00); floor applied.",
    ]);
  });
});

describe("the bonus territoire section's view (the demo's facilities)", () => {
  const bonus = bonusInputOf(demoWorkbook(COMMUNES, "fr", { facilities: true }), COMMUNES);
  const plan = bonus.plan;

  it.each(["fr", "en"] as const)("shows the engine's totals per basin and year to the cent (%s)", (lang) => {
    const view = bonusView(plan, lang);
    expect(view.years).toEqual(plan.years);
    expect(view.outside).toBe(false);
    for (const [b, basin] of (["nord", "sud"] as const).entries()) {
      const expected = plan.years.map((_, i) =>
        plan.facilities.filter((f) => f.basin === basin).reduce((s, f) => s + (f.years[i]?.total ?? 0), 0),
      );
      expect(view.rows[b]?.values.map((v) => (v === null ? 0 : centsOf(v)))).toEqual(expected);
    }
    const totals = view.rows[2]?.values.map(centsOf) ?? [];
    expect(totals).toEqual(plan.byYear);
    expect(centsOf(view.total)).toBe(totals.reduce((s, c) => s + c, 0));
    expect(view.summary).toContain(String(plan.facilities.length));
  });

  it("reconciles each of the 13 communes with the engine's figures", () => {
    const view = bonusView(plan, "fr");
    expect(view.communes).toHaveLength(13);
    for (const c of view.communes) {
      const own = bonus.read.facilities.filter((f) => f.insee === c.insee);
      const former = own.reduce((s, f) => s + f.formerCej, 0);
      expect(centsOf(c.formerCej.split(" : ")[1])).toBe(former);
      for (const y of c.years) {
        const i = plan.years.indexOf(y.year);
        const paid = plan.facilities
          .filter((f) => f.facility.insee === c.insee)
          .reduce((s, f) => s + (f.years[i]?.total ?? 0), 0);
        expect(centsOf(y.bonus)).toBe(paid);
        expect(centsOf(y.difference)).toBe(paid - former);
      }
    }
  });

  it("is green: the demo is « à moyens constants »", () => {
    expect(bonusView(plan, "fr").constantMeans.ok).toBe(true);
    expect(bonusView(plan, "en").constantMeans.title).toBe("At constant means");
  });
});
