/**
 * The working block of `Comparaison scénarios`: one row per reference commune (then the communes
 * outside the reference) with its basin, population and CEJ total, and its basin under each scenario.
 */

import { type Basin, type CommuneTotal, type Plan, columnLetters } from "../../core";
import { communeKey, communesColumn, type Context } from "../context";
import { COMMUNES_LAYOUT, SCENARIOS_LAYOUT } from "../schema";
import { absRef, localAbs, stringLiteral, type SheetBuilder } from "../sheet-builder";
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

/** A cell of the k-th scenario's column on `Scénarios CTG`. */
export function scenarioCell(ctx: Context, row: number, k: number): string {
  return absRef(ctx.names.scenarios, row, SCENARIOS_LAYOUT.firstCol + k);
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
  const { plan } = ctx;
  const reference = plan.communesReference;
  const synIndex = new Map(plan.communes.map((c, i) => [communeKey(c.name, c.insee), i]));
  const outside = plan.communes.flatMap((c, i) => (c.insee === null ? [{ commune: c, index: i }] : []));
  const refFirst = R.helperFirst;
  const refLast = refFirst + reference.length - 1;
  const helperLast = refLast + outside.length;
  const range = (col: number, last: number): string =>
    `${localAbs(refFirst, col)}:${localAbs(Math.max(last, refFirst), col)}`;

  writeHelperHeader(ctx, s, R);
  reference.forEach((commune, i) =>
    writeReferenceRow(ctx, s, syn, refFirst + i, i, synIndex.get(communeKey(commune.name, commune.insee))),
  );
  outside.forEach(({ commune, index }, j) => writeOutsideRow(ctx, s, syn, refLast + 1 + j, commune, index));
  return { refFirst, refLast, helperLast, range };
}

/** The block's title, note and header: a basin column per scenario. */
function writeHelperHeader(ctx: Context, s: SheetBuilder, R: ComparisonRows): void {
  const C = ctx.L.comparison;
  const scenarios = ctx.scenarioPlans;
  s.text(R.helperTitle, 0, C.helperTitle, "textBold").text(R.helperTitle + 1, 0, C.helperNote, "note");
  s.merge(
    `A${R.helperTitle + 2}:${columnLetters(Math.max(HELPER_BASIN_COL + scenarios.length - 1, 6))}${R.helperTitle + 2}`,
  );
  C.helperHeader.forEach((h, c) => s.text(R.helperHeader, c, h, "header"));
  scenarios.forEach(({ scenario }, k) => {
    s.formula(
      R.helperHeader,
      HELPER_BASIN_COL + k,
      `${stringLiteral(C.helperBasin(""))}&${scenarioCell(ctx, SCENARIOS_LAYOUT.rows.name, k)}`,
      C.helperBasin(scenario.name),
      "exact",
      "header",
    );
  });
}

/** The basin of a reference commune under a plan (nord when the plan does not know it). */
const basinOf = (p: Plan, insee: string): Basin =>
  p.communesReference.find((c) => c.insee === insee)?.basin ?? "nord";

/**
 * A reference commune's row: its code and name, its basin and population read from `CTG_Communes`,
 * its CEJ total read from `Synthèse CEJ` (0 without rows), its basin under each scenario.
 *
 * @param i - the commune's index in the reference
 * @param synRow - its index among the synthesis' communes, undefined when it has no rows
 */
function writeReferenceRow(
  ctx: Context,
  s: SheetBuilder,
  syn: SynthesisLayout,
  r: number,
  i: number,
  synRow: number | undefined,
): void {
  const { L, plan } = ctx;
  const CC = COMMUNES_LAYOUT.cols;
  const commune = plan.communesReference[i];
  if (commune === undefined) throw new Error(`no reference commune ${i}`);
  const match = `MATCH(${localAbs(r, 0)},${communesColumn(ctx, CC.insee)},0)`;
  s.text(r, 0, commune.insee, "code").text(r, 1, commune.name, "text");
  const basin = `IFERROR(INDEX(${communesColumn(ctx, CC.basin)},${match}),"")`;
  s.formula(r, 2, basin, L.basins[commune.basin], "exact", "text");
  const population = `IFERROR(INDEX(${communesColumn(ctx, CC.population)},${match}),0)`;
  s.formula(r, 3, population, commune.population, "exact", "integer");
  const total = synRow === undefined ? 0 : (plan.communes[synRow]?.total ?? 0);
  const totalRef = synRow === undefined ? "0" : absRef(ctx.names.synthesis, syn.first + synRow, syn.totalCol);
  s.money(r, 4, totalRef, total / 100);
  ctx.scenarioPlans.forEach(({ plan: sp }, k) => {
    const cell = scenarioCell(ctx, SCENARIOS_LAYOUT.firstCommune + i, k);
    const here = L.basins[basinOf(sp, commune.insee)];
    s.formula(r, HELPER_BASIN_COL + k, `IF(${cell}="",${localAbs(r, 2)},${cell})`, here, "exact", "text");
  });
}

/** A commune outside the reference: its name, its basin and CEJ total read from `Synthèse CEJ`. */
function writeOutsideRow(
  ctx: Context,
  s: SheetBuilder,
  syn: SynthesisLayout,
  r: number,
  commune: CommuneTotal,
  index: number,
): void {
  const basin = ctx.L.basins[commune.basin];
  s.text(r, 1, commune.name, "text");
  s.formula(
    r,
    2,
    `${absRef(ctx.names.synthesis, syn.first + index, syn.basinCol)}&""`,
    basin,
    "exact",
    "text",
  );
  s.money(r, 4, absRef(ctx.names.synthesis, syn.first + index, syn.totalCol), commune.total / 100);
  ctx.scenarioPlans.forEach((_, k) => {
    s.formula(r, HELPER_BASIN_COL + k, `${localAbs(r, 2)}&""`, basin, "exact", "text");
  });
}
