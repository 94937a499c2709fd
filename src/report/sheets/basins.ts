/** `Répartition bassins`: each basin's communes, population, CEJ total, key and allocated amounts. */

import { quoteSheet } from "../../core/cell";
import { BASINS, type Plan } from "../../core/types";
import { communesColumn, euros, printSetup, type Context } from "../context";
import { basinPart, costTTC, cucmHT, cucmTTC, keyShare, keyValue } from "../formulas";
import type { ReportSheet } from "../model";
import { BASINS_LAYOUT, COMMUNES_LAYOUT, ENGINEERING_ROWS, PARAM_CELL_NAMES } from "../schema";
import { absColumnRange, absRef, localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import type { SynthesisLayout } from "./synthesis";

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

/**
 * Builds `Répartition bassins` (layout in {@link BASINS_LAYOUT}) and declares its chart: the Caf share
 * and the CUCM's share incl. VAT of each basin, clustered columns below the table.
 *
 * @param ctx - the build
 * @param syn - where the synthesis puts its totals
 * @returns the sheet
 */
export function buildBasins(ctx: Context, syn: SynthesisLayout): ReportSheet {
  const { L, plan } = ctx;
  const { first, totalRow, cols, headerRow } = BASINS_LAYOUT;
  const s = new SheetBuilder("basins", ctx.names.basins);
  s.text(0, 0, L.basinsSheet.title, "title");
  s.formula(
    1,
    0,
    `${stringLiteral(L.basinsSheet.keyPrefix)}&${PARAM_CELL_NAMES.key}`,
    L.basinsSheet.keyPrefix + L.keys[plan.params.key],
    "exact",
    "subtitle",
  );
  for (const [key, col] of Object.entries(cols) as [keyof typeof cols, number][])
    s.text(headerRow, col, L.basinsSheet.header[key], "header");
  const eng = (row: number): string => absRef(ctx.names.engineering, row, 1);
  const synLast = Math.max(syn.last, syn.first);
  const synTotal = absColumnRange(ctx.names.synthesis, syn.totalCol, syn.first, synLast);
  const synBasin = absColumnRange(ctx.names.synthesis, syn.basinCol, syn.first, synLast);
  const keyTotal = localAbs(totalRow, cols.key);
  const keys = BASINS.map((_, i) => localAbs(first + i, cols.key));
  const maxYear = plan.communesReference.reduce((m, c) => Math.max(m, c.populationYear), 0);
  const C = COMMUNES_LAYOUT.cols;
  const cejKey = plan.params.key === "cej";

  BASINS.forEach((b, i) => {
    const r = first + i;
    const bp = plan.basins[i];
    if (bp === undefined) throw new Error(`plan has no basin ${b}`);
    const at = (col: number): string => localAbs(r, col);
    const basinCell = at(cols.basin);
    s.text(r, cols.basin, L.basins[b], "textBold");
    s.formula(
      r,
      cols.communes,
      `COUNTIFS(${communesColumn(ctx, C.basin)},${basinCell})`,
      bp.communes,
      "exact",
      "integer",
    );
    s.formula(
      r,
      cols.population,
      `SUMIFS(${communesColumn(ctx, C.population)},${communesColumn(ctx, C.basin)},${basinCell})`,
      bp.population,
      "exact",
      "integer",
    );
    s.formula(r, cols.year, `MAX(${communesColumn(ctx, C.year)})`, maxYear, "exact", "year");
    s.money(
      r,
      cols.cej,
      syn.count === 0 ? "0" : `SUMIFS(${synTotal},${synBasin},${basinCell})`,
      euros(bp.cejTotal),
    );
    const cejTotal = localAbs(totalRow, cols.cej);
    s.formula(
      r,
      cols.cejShare,
      `IF(${cejTotal}=0,0,${at(cols.cej)}/${cejTotal})`,
      plan.total === 0 ? 0 : bp.cejTotal / plan.total,
      "ratio",
      "ratio",
    );
    s.formula(
      r,
      cols.key,
      keyValue({
        key: PARAM_CELL_NAMES.key,
        labels: L.keys,
        cej: at(cols.cej),
        population: at(cols.population),
        communes: at(cols.communes),
      }),
      cejKey ? bp.keyValue / 100 : bp.keyValue,
      cejKey ? "cents" : "exact",
      cejKey ? "money" : "integer",
    );
    const words = { zero: L.basinsSheet.keyZero, negative: L.basinsSheet.keyNegative };
    const shareExpected = keyShareExpected(plan, i, L.basinsSheet);
    s.formula(
      r,
      cols.keyShare,
      keyShare({ key: at(cols.key), keys, total: keyTotal, ...words }),
      shareExpected,
      typeof shareExpected === "string" ? "exact" : "ratio",
      "ratio",
    );
    const isLast = i === BASINS.length - 1;
    const part = (col: number, engRow: number): string =>
      basinPart({
        whole: eng(engRow),
        key: at(cols.key),
        keys,
        total: keyTotal,
        previous: isLast ? `${localAbs(first, col)}:${localAbs(r - 1, col)}` : null,
      });
    const e = bp.engineering;
    s.money(r, cols.cost, part(cols.cost, ENGINEERING_ROWS.cost), euros(e.costHT));
    s.money(r, cols.caf, part(cols.caf, ENGINEERING_ROWS.caf), euros(e.caf));
    s.money(r, cols.cuHT, cucmHT(at(cols.cost), at(cols.caf)), euros(e.cuHT));
    s.money(r, cols.vat, part(cols.vat, ENGINEERING_ROWS.vat), euros(e.vat));
    s.money(r, cols.ttc, costTTC(at(cols.cost), at(cols.vat)), euros(e.costTTC));
    s.money(r, cols.cuTTC, cucmTTC(at(cols.ttc), at(cols.caf)), euros(e.cuTTC), "moneyBold");
  });

  // Totals.
  const sumCol = (col: number): string => `SUM(${localAbs(first, col)}:${localAbs(totalRow - 1, col)})`;
  const sumBasins = (f: (bp: Plan["basins"][number]) => number): number =>
    plan.basins.reduce((t, bp) => t + f(bp), 0);
  s.text(totalRow, 0, L.basinsSheet.total, "labelTotal");
  const count = (col: number, f: (bp: Plan["basins"][number]) => number): void => {
    s.formula(totalRow, col, sumCol(col), sumBasins(f), "exact", "integerTotal");
  };
  count(cols.communes, (b) => b.communes);
  count(cols.population, (b) => b.population);
  s.money(totalRow, cols.cej, sumCol(cols.cej), sumBasins((b) => b.cejTotal) / 100, "moneyTotal");
  s.formula(totalRow, cols.cejShare, sumCol(cols.cejShare), plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  const keySum = sumBasins((b) => b.keyValue);
  s.formula(
    totalRow,
    cols.key,
    `ROUND(${sumCol(cols.key)},2)`,
    cejKey ? keySum / 100 : keySum,
    cejKey ? "cents" : "exact",
    cejKey ? "moneyTotal" : "integerTotal",
  );
  const usable = plan.basins.every((b) => b.keyValue >= 0) && keySum > 0;
  s.formula(totalRow, cols.keyShare, sumCol(cols.keyShare), usable ? 1 : 0, "ratio", "ratioBold");
  const e = plan.engineering;
  const totals: [number, number][] = [
    [cols.cost, e.costHT],
    [cols.caf, e.caf],
    [cols.cuHT, e.cuHT],
    [cols.vat, e.vat],
    [cols.ttc, e.costTTC],
    [cols.cuTTC, e.cuTTC],
  ];
  const allocated = (c: number): number => (usable ? c : 0);
  for (const [col, value] of totals)
    s.money(totalRow, col, sumCol(col), allocated(value) / 100, "moneyTotal");
  s.widthsFrom([12, 13, 12, 12, 17, 10, 17, 10, 17, 17, 17, 15, 17, 17]).freezeAt(4, 1);

  // The chart: the Caf share and the CUCM TTC of each basin, below the table.
  const own = quoteSheet(ctx.names.basins);
  const column = (col: number): string => `${own}!${localAbs(first, col)}:${localAbs(totalRow - 1, col)}`;
  const ch = BASINS_LAYOUT.chart;
  s.chart({
    title: L.basinsSheet.chartTitle,
    from: { row: ch.fromRow, col: ch.fromCol },
    to: { row: ch.fromRow + ch.rows, col: ch.fromCol + ch.cols },
    categories: { ref: column(cols.basin), cache: BASINS.map((b) => L.basins[b]) },
    series: (["caf", "cuTTC"] as const).map((f) => ({
      name: L.basinsSheet.header[f],
      ref: column(cols[f]),
      cache: plan.basins.map((bp) => euros(bp.engineering[f])),
      color: f === "caf" ? "5B9BD5" : "ED7D31",
    })),
    valueFormat: '#,##0\\ "€"',
  });
  return s.build(printSetup(ctx, "basins", [4, 4]), "ED7D31");
}
