// Fuzzing the reader at the .xlsx level: random grids (numbers, text with XML-special and control
// characters, booleans, errors, blanks; headers from the synonym lists and junk; sometimes title rows
// above the header, sometimes an Excel table) written with createWorkbook, then read back with
// snapshotPackage + planWorkbook. Nothing throws; every issue names a cell inside the grid written
// (the parameter issues name their parameter: the workbook holds no parameter cell); a plan foots.

import fc from "fast-check";
import { parseA1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import { formatIssue } from "../../src/i18n";
import { HEADER_SYNONYMS } from "../../src/core/reader";
import type { Cents, Field, Issue, Plan, RawValue } from "../../src/core/types";
import { FIELDS } from "../../src/core/types";
import { planWorkbook } from "../../src/app";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";

const SHEET = "Financements";
const PARAMETER_CODES = new Set([
  "key-sum-zero",
  "cost-above-cap",
  "param-invalid",
  "param-rate-range",
  "param-negative",
]);
const PARAMETER_NAMES = new Set(["costHT", "capHT", "cafRate", "vatRate", "key"]);

/** Characters that stress the XML writer and reader: specials, controls, escapes, spaces, accents. */
const NASTY = [
  "&",
  "<",
  ">",
  '"',
  "'",
  "\u0000",
  "\u0001",
  "\u001F",
  "\t",
  "\n",
  "\r",
  "\u00A0",
  "_x0041_",
  "=",
  "+",
  "-",
  "@",
  "é",
  "€",
  " ",
  "\uFFFE",
  "😀",
];

const nastyText = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(""));

const headerText: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELDS.flatMap((f: Field) => HEADER_SYNONYMS[f])) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "Commune",
      "Montant",
      "Bassin",
      "Année",
      "Code INSEE",
      "Montant CEJ 2019",
      "MONTANT ",
      " Commune",
    ),
  },
  { weight: 1, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.constantFrom(null, "", 2024, true) },
);

const communeText = fc.oneof(
  fc.constantFrom(...COMMUNES.map((c) => c.name)),
  fc.constantFrom(
    "Montceau",
    "Creusot",
    "ST-VALLIER",
    "Montcaeu",
    "Autun",
    "71153",
    "71306",
    "99999",
    "Total",
  ),
);
const basinText = fc.constantFrom("Nord", "Sud", "north", "S", "Bassin sud", "Est", "");
const amountText = fc.constantFrom(
  "1 234,56",
  "1.234,50",
  "(100,00)",
  "-5",
  "12,345",
  "abc",
  "1e3",
  "€ 10",
  "0,001",
  "",
);

const number = fc.oneof(
  fc.integer({ min: -100_000_00, max: 100_000_00 }).map((c) => c / 100),
  fc.integer({ min: 2000, max: 2100 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
  fc.constantFrom(0, -0, 0.005, 1e15, 45306),
);

const errorValue = fc
  .constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!")
  .map((error) => ({ error }));

const dataCell: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: communeText },
  { weight: 2, arbitrary: basinText },
  { weight: 2, arbitrary: amountText },
  { weight: 2, arbitrary: nastyText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: errorValue },
  { weight: 3, arbitrary: fc.constantFrom(null, "", "   ") },
);

interface FuzzInput {
  readonly titles: RawValue[][];
  readonly header: RawValue[];
  readonly rows: RawValue[][];
  readonly table: boolean;
}

const titles = fc.array(fc.array(fc.oneof(nastyText, fc.constant(null)), { maxLength: 2 }), { maxLength: 2 });

/** Anything: random headers over random cells (mostly header and cell errors). */
const junk: fc.Arbitrary<FuzzInput> = fc.integer({ min: 1, max: 6 }).chain((width) =>
  fc.record({
    titles,
    header: fc.array(headerText, { minLength: width, maxLength: width }),
    rows: fc.array(fc.array(dataCell, { maxLength: width + 1 }), { maxLength: 15 }),
    table: fc.boolean(),
  }),
);

/** A value of a field, right most of the time, anything now and then. */
const FIELD_VALUES: Readonly<Record<Field, fc.Arbitrary<RawValue>>> = {
  commune: fc.oneof(
    {
      weight: 40,
      arbitrary: fc.constantFrom(...COMMUNES.map((c) => c.name), "Montceau", "ST-VALLIER", " le creusot "),
    },
    { weight: 3, arbitrary: communeText },
    { weight: 1, arbitrary: dataCell },
  ),
  insee: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(...COMMUNES.map((c) => c.insee), 71153, "  71306 ") },
    { weight: 1, arbitrary: dataCell },
  ),
  basin: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom("Nord", "Sud", "north", "S", "Bassin sud", "") },
    { weight: 1, arbitrary: basinText },
    { weight: 1, arbitrary: dataCell },
  ),
  domain: fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom("Enfance", "Jeunesse", "youth", "constructor", "__proto__", null),
    },
    { weight: 1, arbitrary: nastyText },
  ),
  action: fc.oneof(fc.constantFrom("RAM", "Crèche", null), nastyText),
  year: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(2019, 2020, 2021, 2022, "2023") },
    { weight: 1, arbitrary: dataCell },
  ),
  amount: fc.oneof(
    { weight: 40, arbitrary: fc.integer({ min: 0, max: 50_000_000 }).map((c) => c / 100) },
    { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: -1 }).map((c) => c / 100) },
    { weight: 1, arbitrary: amountText },
    { weight: 1, arbitrary: dataCell },
  ),
};

/** A funding table that is nearly right: recognized headers, values mostly of their field. */
const plausible: fc.Arbitrary<FuzzInput> = fc
  .record({
    who: fc.oneof(
      { weight: 4, arbitrary: fc.constant<Field[]>(["commune"]) },
      { weight: 2, arbitrary: fc.constant<Field[]>(["insee"]) },
      { weight: 1, arbitrary: fc.constant<Field[]>(["commune", "insee"]) },
    ),
    others: fc.shuffledSubarray<Field>(["basin", "domain", "action", "year"]),
  })
  .chain(({ who, others }) =>
    fc.shuffledSubarray([...who, "amount", ...others] as Field[], {
      minLength: who.length + 1 + others.length,
    }),
  )
  .chain((fields) =>
    fc.record({
      titles,
      header: fc
        .tuple(...fields.map((f) => fc.constantFrom(...HEADER_SYNONYMS[f])))
        .map((h): RawValue[] => h),
      rows: fc.array(
        fc.tuple(...fields.map((f) => FIELD_VALUES[f])).map((r): RawValue[] => r),
        { maxLength: 15 },
      ),
      table: fc.boolean(),
    }),
  );

const input: fc.Arbitrary<FuzzInput> = fc.oneof(
  { weight: 1, arbitrary: junk },
  { weight: 2, arbitrary: plausible },
);

/** Sheet row and column (0-based) of `Financements!C7`; null when the text is no such address. */
function position(cell: string): { row: number; col: number } | null {
  const m = /^Financements!([A-Z]{1,3}\d{1,7})$/.exec(cell);
  if (!m || m[1] === undefined) return null;
  return parseA1(m[1]);
}

const sum = (xs: readonly Cents[]): number => xs.reduce((t, x) => t + x, 0);

function expectFoots(plan: Plan, footsBasins: boolean): void {
  expect(sum(plan.communes.map((c) => c.total))).toBe(plan.total);
  expect(sum(plan.basins.map((b) => b.cejTotal))).toBe(plan.total);
  if (plan.domains.length > 0) expect(sum(plan.domainTotals)).toBe(plan.total);
  if (plan.years.length > 0) expect(sum(plan.yearTotals)).toBe(plan.total);
  const e = plan.engineering;
  expect(e.cuHT).toBe(e.costHT - e.caf);
  expect(e.costTTC).toBe(e.costHT + e.vat);
  expect(e.cuTTC).toBe(e.costTTC - e.caf);
  for (const b of plan.basins) {
    const s = b.engineering;
    expect(s.cuHT).toBe(s.costHT - s.caf);
    expect(s.costTTC).toBe(s.costHT + s.vat);
    expect(s.cuTTC).toBe(s.costTTC - s.caf);
  }
  if (!footsBasins) return;
  for (const k of ["costHT", "caf", "vat", "cuHT", "costTTC", "cuTTC"] as const) {
    expect(sum(plan.basins.map((b) => b.engineering[k]))).toBe(e[k]);
  }
}

test("random workbooks: the reader never throws, every issue names a cell of the grid, a plan foots", () => {
  let plans = 0;
  let blocked = 0;
  fc.assert(
    fc.property(input, ({ titles, header, rows, table }) => {
      const grid: RawValue[][] = [...titles, header, ...rows];
      const headerRow = titles.length;
      const bytes = createWorkbook([
        { name: SHEET, rows: grid, ...(table ? { table: { name: "Fuzz", headerRow } } : {}) },
      ]);
      const width = grid.reduce((w, r) => Math.max(w, r.length), 1);
      const snapshot = snapshotPackage(openPackage(bytes));
      const result = planWorkbook(snapshot);
      const inside = (cell: string): boolean => {
        const p = position(cell);
        return p !== null && p.row < Math.max(grid.length, 1) && p.col < width;
      };
      for (const issue of result.issues as readonly Issue[]) {
        if (PARAMETER_CODES.has(issue.code)) {
          expect(PARAMETER_NAMES.has(issue.cell) || inside(issue.cell)).toBe(true);
        } else {
          if (!inside(issue.cell))
            throw new Error(`${issue.code} at ${issue.cell}: outside the ${grid.length}×${width} grid`);
          for (const r of issue.related ?? []) expect(inside(r)).toBe(true);
        }
        expect(formatIssue(issue, "fr")).not.toMatch(/undefined|NaN/);
      }
      expect(result.status === "blocked").toBe(result.issues.some((i) => i.severity === "error"));
      // Rows read come from the grid, once each, and their amounts make the total.
      const rowNumbers = result.rows.map((r) => r.sheetRow);
      expect(new Set(rowNumbers).size).toBe(rowNumbers.length);
      for (const r of result.rows) expect(inside(r.amountCell)).toBe(true);
      if (result.plan !== null) {
        plans += 1;
        if (result.status === "blocked") blocked += 1;
        expect(result.plan.rowCount).toBe(result.rows.length);
        expect(sum(result.rows.map((r) => r.amount))).toBe(result.plan.total);
        // A plan blocked by its own error (a negative commune, a key summing to zero) splits nothing.
        expectFoots(result.plan, result.status !== "blocked");
      }
    }),
    { numRuns: 200, seed: 20261128 },
  );
  // The generator reaches plans, not only header and cell errors.
  expect(plans).toBeGreaterThan(40);
  expect(plans - blocked).toBeGreaterThan(20);
});
