// The reader reads each column in typed passes (values memoized per distinct cell, identical rows
// found by hash): it must give exactly what the row-by-row reader gave before, on any grid.

import fc from "fast-check";
import { COMMUNES } from "../../src/core/communes";
import { readFundingTable } from "../../src/core/reader";
import type { ColumnMapping, RawValue, ReadOptions, ReadResult } from "../../src/core/types";
import { FIELDS } from "../../src/core/types";
import { COMMUNES_FIXTURE } from "./fixtures";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import { computePlan as planBefore } from "./reference/plan-before";
import { readFundingTable as readBefore } from "./reference/reader-before";

/** The outcome of a reading, thrown errors included, with keys in their order. */
function outcome(
  read: (grid: RawValue[][], options: ReadOptions) => ReadResult,
  grid: RawValue[][],
  options: ReadOptions,
): string {
  try {
    return JSON.stringify(read(grid, options));
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

/** Values that reach every check: names, codes, basins, domains, years and amounts in many forms. */
const cellValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom<RawValue>(
    "Le Creusot",
    " LE CREUSOT ",
    "Blanzy",
    "Montceau",
    "Montcau",
    "Saint-Eusèbe",
    "Autun",
    "autun",
    "Inconnue",
    "constructor",
    "71153",
    "71040",
    71306,
    71153.0,
    "71999",
    "2a004",
    "Nord",
    "Sud",
    "north",
    "Bassin sud",
    "Est",
    "Enfance",
    "enfance",
    "Petite  enfance",
    "Jeunesse",
    "youth",
    "Crèche",
    2019,
    "2019",
    " 2020 ",
    1999,
    2019.5,
    "12 345,67 €",
    "(1 000,00)",
    "12,345.67",
    "1,5",
    "abc",
    10,
    10.5,
    -3,
    0,
    -0,
    0.001,
    1e20,
    NaN,
    Infinity,
    "#N/A",
    "#REF!",
    "  ",
    "",
    true,
    false,
    null,
    undefined,
  ),
  fc.constantFrom("#N/A", "#DIV/0!").map((error) => ({ error })),
  fc.constantFrom(new Date(Date.UTC(2019, 0, 1)), new Date(Date.UTC(2019, 0, 1)), new Date(NaN)),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 5 }),
);

const HEADERS = [
  "Commune",
  "Code INSEE",
  "Bassin",
  "Domaine",
  "Action",
  "Année",
  "Montant",
  "Montant CEJ",
  "Notes",
];

const grid: fc.Arbitrary<RawValue[][]> = fc
  .tuple(
    fc.shuffledSubarray(HEADERS, { minLength: 1 }),
    fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 40 }),
    fc.boolean(),
  )
  .map(([header, rows, sharedBlank]) => {
    const blank: RawValue[] = [null, "", null];
    const data = rows.map((r) => (sharedBlank && r.length === 0 ? blank : r));
    // Repeat some rows so that identical rows are common.
    return [header as RawValue[], ...data, ...data.slice(0, 3).map((r) => [...r])];
  });

const mapping: fc.Arbitrary<ColumnMapping | undefined> = fc.option(
  fc.dictionary(fc.constantFrom(...FIELDS), fc.integer({ min: 0, max: 8 })).map((m) => m as ColumnMapping),
  { nil: undefined },
);

describe("readFundingTable and computePlan: the same as before their typed passes", () => {
  it("gives the same header, mapping, rows and issues, in the same order, on any grid", () => {
    fc.assert(
      fc.property(
        grid,
        mapping,
        fc.constantFrom("A1", "B3", "XFB1"),
        fc.constantFrom(COMMUNES, COMMUNES_FIXTURE),
        (g, m, topLeft, communes) => {
          const options: ReadOptions = {
            origin: { sheet: "Financements", topLeft },
            communes,
            ...(m === undefined ? {} : { mapping: m }),
          };
          expect(outcome(readFundingTable, g, options)).toBe(outcome(readBefore, g, options));
          // The plan of the rows read (errors or not: computePlan takes any rows) is the same too.
          let rows: ReadResult["rows"] = [];
          try {
            rows = readBefore(g, options).rows;
          } catch {
            // A grid whose columns run past XFD: nothing read, nothing planned.
          }
          const plan = (compute: typeof computePlan): string => {
            try {
              return JSON.stringify(compute(rows, DEFAULT_PARAMS, communes));
            } catch (error) {
              return `threw ${String(error)}`;
            }
          };
          expect(plan(computePlan)).toBe(plan(planBefore));
        },
      ),
      { numRuns: Number(process.env.CTG_PROPERTY_RUNS ?? 1000) },
    );
  });

  it("finds identical rows among many, as the joined keys did", () => {
    const rows: RawValue[][] = [["Commune", "Code INSEE", "Domaine", "Année", "Montant"]];
    for (let i = 0; i < 5000; i += 1) {
      rows.push([
        COMMUNES[i % 7]?.name ?? "",
        i % 3 === 0 ? "" : null,
        i % 5 === 0 ? "" : i % 2 === 0 ? "Jeunesse" : "Enfance",
        2018 - (i % 4), // years met in descending order: the plan lists them ascending
        (i % 97) / 4 - 3,
      ]);
    }
    const options: ReadOptions = { origin: { sheet: "Financements", topLeft: "A1" }, communes: COMMUNES };
    const after = readFundingTable(rows, options);
    expect(after.issues.filter((i) => i.code === "duplicate-row").length).toBeGreaterThan(1000);
    expect(JSON.stringify(after)).toBe(JSON.stringify(readBefore(rows, options)));
    const plan = computePlan(after.rows, DEFAULT_PARAMS, COMMUNES);
    expect(JSON.stringify(plan)).toBe(JSON.stringify(planBefore(after.rows, DEFAULT_PARAMS, COMMUNES)));
  });
});
