/** The rows of `Comparaison scénarios`: blocks of parameters, engineering, basins and differences. */

import { BASINS, type Plan, type Lang } from "../../core";
import type { ReportLabels } from "../../i18n";
/** The parameters in the order the comparison shows them. */
export const COMPARED_PARAMS = ["costHT", "capHT", "cafRate", "vatRate", "key", "cafBase"] as const;
export type ComparedParam = (typeof COMPARED_PARAMS)[number];
export const COMPARED_ENGINEERING = [
  "eligibleHT",
  "eligibleTTC",
  "caf",
  "cuHT",
  "vat",
  "costTTC",
  "cuTTC",
] as const;
export type ComparedEngineering = (typeof COMPARED_ENGINEERING)[number];
export const COMPARED_BASIN = [
  "communes",
  "population",
  "cej",
  "key",
  "keyShare",
  "cost",
  "caf",
  "vat",
  "cuHT",
  "cuTTC",
] as const;
export type ComparedBasin = (typeof COMPARED_BASIN)[number];

/** Column of the first scenario (B); the others follow. */
export const COMPARISON_FIRST_COL = 1;
/** First scenario basin column of the working block (F). */
export const HELPER_BASIN_COL = 5;

/** Rows (0-based) of the comparison sheet. */
export interface ComparisonRows {
  readonly header: number;
  readonly params: Readonly<Record<ComparedParam, number>>;
  readonly engineering: Readonly<Record<ComparedEngineering, number>>;
  readonly basins: readonly Readonly<Record<ComparedBasin, number>>[];
  readonly diffFirst: number;
  /**
   * The bonus territoire rows (issue #14; null without a facilities table): per basin (in order) one
   * row per year then a total, from `first`; the differences with the current plan likewise from
   * `diffFirst`. Row of basin i, year j: first + i × (years + 1) + j.
   */
  readonly bonus: { readonly first: number; readonly diffFirst: number; readonly years: number } | null;
  readonly helperTitle: number;
  readonly helperHeader: number;
  readonly helperFirst: number;
}

/** A difference shown against the first scenario: its label, its row, its value in a plan (cents). */
export type DiffFigure = readonly [string, (rows: ComparisonRows) => number, (p: Plan) => number];

/**
 * The differences shown: the mission's Caf, CUCM HT and CUCM TTC, then each basin's Caf and CUCM TTC.
 *
 * @param L - the words
 * @param lang - the language (the separator of the labels)
 * @returns the figures, in the order of their rows
 */
export function diffFigures(L: ReportLabels, lang: Lang): DiffFigure[] {
  const C = L.comparison;
  const sep = lang === "fr" ? " : " : ": ";
  return [
    [C.engineering.caf, (R) => R.engineering.caf, (p) => p.engineering.caf],
    [C.engineering.cuHT, (R) => R.engineering.cuHT, (p) => p.engineering.cuHT],
    [C.engineering.cuTTC, (R) => R.engineering.cuTTC, (p) => p.engineering.cuTTC],
    ...BASINS.flatMap((b, i): DiffFigure[] => [
      [
        `${C.basinTitle(L.basins[b])}${sep}${C.basin.caf}`,
        (R) => R.basins[i]?.caf ?? 0,
        (p) => p.basins[i]?.engineering.caf ?? 0,
      ],
      [
        `${C.basinTitle(L.basins[b])}${sep}${C.basin.cuTTC}`,
        (R) => R.basins[i]?.cuTTC ?? 0,
        (p) => p.basins[i]?.engineering.cuTTC ?? 0,
      ],
    ]),
  ];
}

/**
 * Lays out the comparison's rows: a title row above each block, a blank row between blocks.
 *
 * @param diffCount - the number of differences shown
 * @param bonusYears - the years of the bonus territoire rows (0: none)
 * @returns the rows
 */
export function comparisonRows(diffCount: number, bonusYears = 0): ComparisonRows {
  let r = 3;
  const header = r;
  r += 2; // header, block title
  const block = <K extends string>(keys: readonly K[]): Record<K, number> => {
    const rows = Object.fromEntries(keys.map((k, i) => [k, r + i])) as Record<K, number>;
    r += keys.length + 2; // the rows, a blank row, the next block's title
    return rows;
  };
  const params = block(COMPARED_PARAMS);
  const engineering = block(COMPARED_ENGINEERING);
  const basins = BASINS.map(() => block(COMPARED_BASIN));
  const diffFirst = r;
  r += 2 * diffCount + 1;
  let bonus: ComparisonRows["bonus"] = null;
  if (bonusYears > 0) {
    const size = BASINS.length * (bonusYears + 1);
    bonus = { first: r + 1, diffFirst: r + 1 + size + 1 + 1, years: bonusYears };
    r = bonus.diffFirst + size + 1;
  }
  return {
    header,
    params,
    engineering,
    basins,
    diffFirst,
    bonus,
    helperTitle: r,
    helperHeader: r + 2,
    helperFirst: r + 3,
  };
}
