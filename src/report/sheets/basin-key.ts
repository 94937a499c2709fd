/**
 * A basin's key value and key share, written alike on `Répartition bassins` (a row per basin) and on
 * `Comparaison scénarios` (a block per basin in each scenario's column), under the zero-key rule.
 */

import type { Plan } from "../../core";
import { keyShare, keyValue } from "../formulas";
import type { ReportLabels } from "../../i18n";
import { localAbs, type SheetBuilder } from "../sheet-builder";

/**
 * What a basin's key-share cell shows under the zero-key rule: the share when the key is usable, else
 * « Clé nulle » (the values sum to zero) or « Clé négative » (a value is below zero).
 *
 * @param plan - the plan (or a scenario's)
 * @param index - the basin's index
 * @param words - the two words
 * @returns the expected value of the cell
 */
export function keyShareExpected(
  plan: Plan,
  index: number,
  words: { readonly keyZero: string; readonly keyNegative: string },
): number | string {
  const values = plan.basins.map((b) => b.keyValue);
  const sum = values.reduce((a, b) => a + b, 0);
  if (values.every((v) => v >= 0) && sum > 0) return plan.basins[index]?.keyShare ?? 0;
  return sum === 0 ? words.keyZero : words.keyNegative;
}

/** A basin's key cells: the plan and basin they show, the cells they read, where they go. */
export interface BasinKeyCells {
  /** The plan (or a scenario's) and the basin's index in it. */
  readonly plan: Plan;
  readonly index: number;
  /** The key chosen: the parameter's name, or the scenario's cell. */
  readonly key: string;
  /** This basin's number of communes, population and CEJ total (local references). */
  readonly communes: string;
  readonly population: string;
  readonly cej: string;
  /** Every basin's key value, and their sum. */
  readonly keys: readonly string[];
  readonly total: string;
  /** Where the key value and the key share go (0-based row and column). */
  readonly keyAt: readonly [row: number, col: number];
  readonly shareAt: readonly [row: number, col: number];
}

/**
 * Writes a basin's key value (cents on the CEJ key, a count otherwise) and its key share (or the word
 * saying why the key cannot split).
 *
 * @param s - the sheet
 * @param L - the words
 * @param b - the basin's key cells
 */
export function writeBasinKey(s: SheetBuilder, L: ReportLabels, b: BasinKeyCells): void {
  const value = b.plan.basins[b.index]?.keyValue ?? 0;
  const cejKey = b.plan.params.key === "cej";
  const [keyRow, keyCol] = b.keyAt;
  s.formula(
    keyRow,
    keyCol,
    keyValue({ key: b.key, labels: L.keys, cej: b.cej, population: b.population, communes: b.communes }),
    cejKey ? value / 100 : value,
    cejKey ? "cents" : "exact",
    cejKey ? "money" : "integer",
  );
  const share = keyShare({
    key: localAbs(keyRow, keyCol),
    keys: b.keys,
    total: b.total,
    zero: L.basinsSheet.keyZero,
    negative: L.basinsSheet.keyNegative,
  });
  const expected = keyShareExpected(b.plan, b.index, L.basinsSheet);
  s.formula(
    b.shareAt[0],
    b.shareAt[1],
    share,
    expected,
    typeof expected === "string" ? "exact" : "ratio",
    "ratio",
  );
}
