/**
 * The working block of `Comparaison scénarios`: one row per reference commune (then the communes
 * outside the reference) with its basin, population and CEJ total, and its basin under each scenario.
 */

import type { Basin, Plan } from "../../core/types";
import { communeKey, communesColumn, type Context } from "../context";
import { COMMUNES_LAYOUT, SCENARIOS_LAYOUT } from "../schema";
import { absRef, localAbs, stringLiteral, type SheetBuilder } from "../sheet-builder";
import { columnLetters } from "../../core/cell";
import { HELPER_BASIN_COL, type ComparisonRows } from "./comparison-layout";
import type { SynthesisLayout } from "./synthesis";

/** Where the working block is: its first row, the last reference commune's row and its last row. */
export interface HelperBlock {
  readonly refFirst: number;
  readonly refLast: number;
  readonly helperLast: number;
  /** `$F$40:$F$73`: a column of the block, from its first row to `last`. */
  readonly range: (col: number, last: number) => string;
}

/**
 * Writes the working block below the comparison.
 *
 * @param ctx - the build
 * @param s - the comparison sheet
 * @param R - the comparison's rows
 * @param syn - where the synthesis puts its totals
 * @returns where the block is
 */
export function writeHelperBlock(
  ctx: Context,
  s: SheetBuilder,
  R: ComparisonRows,
  syn: SynthesisLayout,
): HelperBlock {
  const { L, plan } = ctx;
  const C = L.comparison;
  const S = SCENARIOS_LAYOUT;
  const HB = HELPER_BASIN_COL;
  const CC = COMMUNES_LAYOUT.cols;
  const scenarios = ctx.scenarioPlans;
  const scRef = (row: number, k: number): string => absRef(ctx.names.scenarios, row, S.firstCol + k);
  const reference = plan.communesReference;
  const synIndex = new Map(plan.communes.map((c, i) => [communeKey(c.name, c.insee), i]));
  const outside = plan.communes.flatMap((c, i) => (c.insee === null ? [{ commune: c, index: i }] : []));
  const refFirst = R.helperFirst;
  const refLast = refFirst + reference.length - 1;
  const helperLast = refLast + outside.length;
  const range = (col: number, last: number): string =>
    `${localAbs(refFirst, col)}:${localAbs(Math.max(last, refFirst), col)}`;

  s.text(R.helperTitle, 0, C.helperTitle, "textBold").text(R.helperTitle + 1, 0, C.helperNote, "note");
  s.merge(
    `A${R.helperTitle + 2}:${columnLetters(Math.max(HB + scenarios.length - 1, 6))}${R.helperTitle + 2}`,
  );
  C.helperHeader.forEach((h, c) => s.text(R.helperHeader, c, h, "header"));
  scenarios.forEach(({ scenario }, k) => {
    s.formula(
      R.helperHeader,
      HB + k,
      `${stringLiteral(C.helperBasin(""))}&${scRef(S.rows.name, k)}`,
      C.helperBasin(scenario.name),
      "exact",
      "header",
    );
  });
  const basinOf = (p: Plan, insee: string): Basin =>
    p.communesReference.find((c) => c.insee === insee)?.basin ?? "nord";
  reference.forEach((commune, i) => {
    const r = refFirst + i;
    const match = `MATCH(${localAbs(r, 0)},${communesColumn(ctx, CC.insee)},0)`;
    s.text(r, 0, commune.insee, "code").text(r, 1, commune.name, "text");
    s.formula(
      r,
      2,
      `IFERROR(INDEX(${communesColumn(ctx, CC.basin)},${match}),"")`,
      L.basins[commune.basin],
      "exact",
      "text",
    );
    s.formula(
      r,
      3,
      `IFERROR(INDEX(${communesColumn(ctx, CC.population)},${match}),0)`,
      commune.population,
      "exact",
      "integer",
    );
    const idx = synIndex.get(communeKey(commune.name, commune.insee));
    const total = idx === undefined ? 0 : (plan.communes[idx]?.total ?? 0);
    s.money(
      r,
      4,
      idx === undefined ? "0" : absRef(ctx.names.synthesis, syn.first + idx, syn.totalCol),
      total / 100,
    );
    scenarios.forEach(({ plan: sp }, k) => {
      const cell = absRef(ctx.names.scenarios, S.firstCommune + i, S.firstCol + k);
      s.formula(
        r,
        HB + k,
        `IF(${cell}="",${localAbs(r, 2)},${cell})`,
        L.basins[basinOf(sp, commune.insee)],
        "exact",
        "text",
      );
    });
  });
  outside.forEach(({ commune, index }, j) => {
    const r = refLast + 1 + j;
    s.text(r, 1, commune.name, "text");
    s.formula(
      r,
      2,
      `${absRef(ctx.names.synthesis, syn.first + index, syn.basinCol)}&""`,
      L.basins[commune.basin],
      "exact",
      "text",
    );
    s.money(r, 4, absRef(ctx.names.synthesis, syn.first + index, syn.totalCol), commune.total / 100);
    scenarios.forEach((_, k) => {
      s.formula(r, HB + k, `${localAbs(r, 2)}&""`, L.basins[commune.basin], "exact", "text");
    });
  });
  return { refFirst, refLast, helperLast, range };
}
