import { COMMUNES } from "../../src/core/communes";
import { DEMO_HEADERS, DEMO_TOTAL, demoRows } from "../../src/core/demo";
import { centsFromEuros, sumCents } from "../../src/core/money";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import { planToJson } from "../../src/report/plan-json";
import { readFundingTable } from "../../src/core/reader";
import type { Cents, RawValue } from "../../src/core/types";
import { COMMUNES_FIXTURE } from "./fixtures";

const ROWS = demoRows(COMMUNES);

function amountOf(row: readonly RawValue[]): Cents {
  const v = row[5];
  if (typeof v !== "number") throw new Error(`amount is not a number: ${String(v)}`);
  const c = centsFromEuros(v);
  if (c === null) throw new Error(`amount has fractions of a cent: ${v}`);
  return c;
}

describe("demoRows", () => {
  it("totals exactly 1 350 000,00 €", () => {
    expect(DEMO_TOTAL).toBe(135_000_000);
    expect(sumCents(ROWS.map(amountOf))).toBe(135_000_000);
  });

  it("covers exactly the 13 communes that held a CEJ", () => {
    const exCej = COMMUNES.filter((c) => c.exCej);
    expect(exCej).toHaveLength(13);
    expect(new Set(ROWS.map((r) => r[1]))).toEqual(new Set(exCej.map((c) => c.insee)));
    for (const row of ROWS) {
      const commune = COMMUNES.find((c) => c.insee === row[1]);
      expect(commune?.name).toBe(row[0]);
    }
  });

  it("gives every commune several rows, in Enfance and in Jeunesse, over 2017-2020", () => {
    expect(new Set(ROWS.map((r) => r[2]))).toEqual(new Set(["Enfance", "Jeunesse"]));
    expect(new Set(ROWS.map((r) => r[4]))).toEqual(new Set([2017, 2018, 2019, 2020]));
    for (const insee of new Set(ROWS.map((r) => r[1]))) {
      const mine = ROWS.filter((r) => r[1] === insee);
      expect(mine.length).toBeGreaterThanOrEqual(8);
      expect(new Set(mine.map((r) => r[2]))).toEqual(new Set(["Enfance", "Jeunesse"]));
    }
  });

  it("gives positive amounts to the cent, larger communes more", () => {
    for (const row of ROWS) expect(amountOf(row)).toBeGreaterThan(0);
    const totalOf = (name: string): number =>
      ROWS.filter((r) => r[0] === name).reduce((t, r) => t + amountOf(r), 0);
    expect(totalOf("Le Creusot")).toBeGreaterThan(totalOf("Montceau-les-Mines"));
    expect(totalOf("Montceau-les-Mines")).toBeGreaterThan(totalOf("Marmagne"));
  });

  it("has one cell per header and no two identical rows", () => {
    expect(DEMO_HEADERS).toHaveLength(6);
    for (const row of ROWS) expect(row).toHaveLength(DEMO_HEADERS.length);
    expect(new Set(ROWS.map((r) => JSON.stringify(r))).size).toBe(ROWS.length);
  });

  it("is the same on every call", () => {
    expect(demoRows(COMMUNES)).toEqual(ROWS);
  });

  it("follows the reference it is given", () => {
    expect(demoRows(COMMUNES_FIXTURE)).toEqual(ROWS);
    expect(demoRows(COMMUNES.map((c) => ({ ...c, exCej: false })))).toEqual([]);
    const unpopulated = demoRows(COMMUNES.map((c) => ({ ...c, population: 0 })));
    expect(sumCents(unpopulated.map(amountOf))).toBe(DEMO_TOTAL);
    expect(new Set(unpopulated.map((r) => r[1])).size).toBe(13);
  });
});

describe("demoRows read back", () => {
  it("reads without any issue, to the same total", () => {
    const result = readFundingTable([[...DEMO_HEADERS], ...ROWS], {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    expect(result.issues).toEqual([]);
    expect(result.mapping).toEqual({ commune: 0, insee: 1, domain: 2, action: 3, year: 4, amount: 5 });
    expect(result.rows).toHaveLength(ROWS.length);
    expect(sumCents(result.rows.map((r) => r.amount))).toBe(DEMO_TOTAL);
    expect(result.rows.every((r) => !r.amountFromText)).toBe(true);
  });

  it("reads without any issue below a title, as the demo workbook lays it out", () => {
    const grid: RawValue[][] = [["Démonstration CTG"], ["Montants fictifs"], [], [...DEMO_HEADERS], ...ROWS];
    const result = readFundingTable(grid, {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    expect(result.issues).toEqual([]);
    expect(result.headerRow).toBe(3);
    expect(result.rows[0]?.sheetRow).toBe(5);
  });

  it("makes a plan of 13 communes totalling 1 350 000,00 € without an issue", () => {
    const { rows } = readFundingTable([[...DEMO_HEADERS], ...ROWS], {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    const plan = computePlan(rows, DEFAULT_PARAMS, COMMUNES);
    expect(plan.issues).toEqual([]);
    expect(plan.total).toBe(DEMO_TOTAL);
    expect(plan.fundedCommunes).toBe(13);
    expect(plan.domains).toEqual(["Enfance", "Jeunesse"]);
    expect(plan.years).toEqual([2017, 2018, 2019, 2020]);
    expect(sumCents(plan.basins.map((b) => b.cejTotal))).toBe(DEMO_TOTAL);
  });

  it("prints as the command line's JSON, in euros", () => {
    const { rows } = readFundingTable([[...DEMO_HEADERS], ...ROWS], {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    const plan = computePlan(rows, DEFAULT_PARAMS, COMMUNES);
    const json = planToJson(plan, plan.issues, "fr");
    expect(json.version).toBe(1);
    expect(json.key).toBe("cej");
    expect(json.total).toBe(1_350_000);
    expect(json.communes).toHaveLength(13);
    expect(json.communes.reduce((t, c) => t + Math.round(c.total * 100), 0)).toBe(DEMO_TOTAL);
    expect(json.basins.map((b) => b.basin)).toEqual(["nord", "sud"]);
    expect(json.basins.reduce((t, b) => t + Math.round(b.cejTotal * 100), 0)).toBe(DEMO_TOTAL);
    expect(json.engineering).toMatchObject({
      costHT: 40_000,
      capHT: 40_000,
      cafRate: 0.5,
      caf: 20_000,
      vatRate: 0.2,
    });
    expect(json.basins.reduce((t, b) => t + Math.round(b.engineering.costHT * 100), 0)).toBe(4_000_000);
    expect(json.issues).toEqual([]);
  });

  it("prints an empty plan with its issues when there is none", () => {
    const { issues } = readFundingTable([["Titre"]], {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    const json = planToJson(null, issues, "en");
    expect(json.total).toBe(0);
    expect(json.communes).toEqual([]);
    expect(json.basins).toEqual([]);
    const { cafBase, ...amounts } = json.engineering;
    expect(cafBase).toBe("ht");
    expect(Object.values(amounts).every((v) => v === 0)).toBe(true);
    expect(json.issues).toEqual([
      {
        severity: "error",
        code: "header-not-found",
        cell: "Financements!A1",
        message: expect.stringContaining("No header row found"),
      },
    ]);
  });
});
