// The reader gives its rows as columns too (`fundingColumns`), and the plan reads them without an
// object per row: the plan of the columns must be the plan of the rows, on any grid.

import fc from "fast-check";
import { COMMUNES } from "../../src/core/communes";
import { columnsOfRows, rowsOfColumns, withBasinsMoved } from "../../src/core/funding-columns";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan, computePlanFromColumns } from "../../src/core/plan";
import { fundingColumns, readFundingTable } from "../../src/core/reader";
import { planScenario, type Scenario } from "../../src/core/scenarios";
import type { RawValue, ReadOptions } from "../../src/core/types";
import { COMMUNES_FIXTURE } from "./fixtures";

const cellValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom<RawValue>(
    "Le Creusot",
    " LE CREUSOT ",
    "Blanzy",
    "Autun",
    "autun",
    "Inconnue",
    "71153",
    "71040",
    71306,
    "71999",
    "Nord",
    "Sud",
    "Est",
    "Enfance",
    "enfance",
    "Jeunesse",
    2019,
    "2019",
    1999,
    "12 345,67 €",
    "abc",
    10,
    10.5,
    -3,
    -400,
    0,
    0.001,
    "#N/A",
    "",
    null,
  ),
  fc.constant({ error: "#N/A" }),
  fc.constant(new Date(Date.UTC(2019, 0, 1))),
  fc.integer({ min: -50, max: 50 }),
);

const HEADERS = ["Commune", "Code INSEE", "Bassin", "Domaine", "Action", "Année", "Montant"];

const grid: fc.Arbitrary<RawValue[][]> = fc
  .tuple(
    fc.shuffledSubarray(HEADERS, { minLength: 2 }),
    fc.array(fc.array(cellValue, { minLength: 3, maxLength: 7 }), { maxLength: 40 }),
  )
  .map(([header, rows]) => [header as RawValue[], ...rows, ...rows.slice(0, 3).map((r) => [...r])]);

/** JSON of a computation, or what it threw. */
function outcome(compute: () => unknown): string {
  try {
    return JSON.stringify(compute());
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

describe("fundingColumns and computePlanFromColumns", () => {
  it("plan the columns as computePlan plans the rows, and make the same rows", () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom("A1", "C4"),
        fc.constantFrom(COMMUNES, COMMUNES_FIXTURE),
        (g, topLeft, communes) => {
          const options: ReadOptions = { origin: { sheet: "Financements", topLeft }, communes };
          const read = readFundingTable(g, options);
          const columns = fundingColumns(read);
          expect(columns.length).toBe(read.rows.length);
          expect(JSON.stringify(rowsOfColumns(columns))).toBe(JSON.stringify(read.rows));
          for (let i = 0; i < columns.length; i += 1)
            expect(columns.amountCell(i)).toBe(read.rows[i]?.amountCell);
          expect(outcome(() => computePlanFromColumns(columns, DEFAULT_PARAMS, communes))).toBe(
            outcome(() => computePlan(read.rows, DEFAULT_PARAMS, communes)),
          );
          const scenario: Scenario = {
            name: "S",
            note: "",
            date: "",
            params: { ...DEFAULT_PARAMS, key: "cej" },
            basinOverrides: { "71153": "sud", "71040": "nord" },
          };
          expect(outcome(() => planScenario(columns, scenario, communes))).toBe(
            outcome(() => planScenario(read.rows, scenario, communes)),
          );
        },
      ),
      { numRuns: Number(process.env.CTG_PROPERTY_RUNS ?? 500) },
    );
  });

  it("give a copy of a result (JSON, spread) its rows back as columns", () => {
    const g: RawValue[][] = [
      ["Commune", "Bassin", "Montant"],
      ["Blanzy", "Nord", 10],
      ["Autun", "Sud", 12.5],
      ["Blanzy", "", "1 000,00"],
    ];
    const read = readFundingTable(g, {
      origin: { sheet: "Financements", topLeft: "A1" },
      communes: COMMUNES,
    });
    const copy = JSON.parse(JSON.stringify(read)) as typeof read;
    expect(copy.rows).toEqual(read.rows);
    expect(copy.rows).toHaveLength(3);
    expect(rowsOfColumns(fundingColumns(copy))).toEqual(read.rows);
    expect(rowsOfColumns(fundingColumns({ ...read }))).toEqual(read.rows);
    expect(structuredClone(read).rows).toEqual(read.rows);
  });

  it("move the basins a scenario gives only on rows that give one", () => {
    const columns = columnsOfRows(
      readFundingTable(
        [
          ["Commune", "Bassin", "Montant"],
          ["Le Creusot", "Sud", 10],
          ["Le Creusot", "", 5],
        ],
        { origin: { sheet: "Financements", topLeft: "A1" }, communes: COMMUNES },
      ).rows,
    );
    const moved = withBasinsMoved(columns, (insee) => (insee === "71153" ? "nord" : undefined));
    expect(rowsOfColumns(moved).map((r) => r.basinGiven)).toEqual(["nord", null]);
    expect(rowsOfColumns(columns).map((r) => r.basinGiven)).toEqual(["sud", null]);
  });
});
