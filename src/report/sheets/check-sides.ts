/**
 * The small pieces every check of `Contrôles` is made of (src/report/sheets/check-list.ts and the bonus
 * territoire's, bonus-checks.ts): a value side, the names of the bad cells, a fix that names them.
 */

import { a1, quoteSheet } from "../../core";
import { stringLiteral } from "../sheet-builder";
import type { CheckSide } from "./check-list";

/** A money side: `formula`, expected `cents` (shown in euros). */
export const money = (formula: string, cents: number): CheckSide => ({
  formula,
  expected: cents / 100,
  check: "cents",
  style: "money",
});

/** A count side: `formula`, expected `n`. */
export const count = (formula: string, n: number): CheckSide => ({
  formula,
  expected: n,
  check: "exact",
  style: "integer",
});

/** The count side of a check that expects none. */
export const zero: CheckSide = { formula: "0", expected: 0, check: "exact", style: "integer" };

/** How a cell is named to the user: `'Communes CTG'!C12`. */
export const cellName = (sheet: string, row: number, col: number): string =>
  `${quoteSheet(sheet)}!${a1(row, col)}`;

/** `IF(bad," 'Sheet'!C12","")&…`: the names of the bad cells, each after a space. */
export function badCells(items: readonly { readonly bad: string; readonly name: string }[]): string {
  if (items.length === 0) return '""';
  return items.map((i) => `IF(${i.bad},${stringLiteral(` ${i.name}`)},"")`).join("&");
}

/** `(bad)+(bad)+…`: how many are bad. */
export function countBad(items: readonly { readonly bad: string }[]): string {
  return items.length === 0 ? "0" : items.map((i) => `(${i.bad})`).join("+");
}

/** `before&cells&after`: a fix that names the bad cells. */
export const naming = (words: readonly [string, string], cells: string): string =>
  `${stringLiteral(words[0])}&${cells}&${stringLiteral(words[1])}`;
