/** `Répartition bassins`: each basin's communes, population, CEJ total, key and allocated amounts. */

import { quoteSheet, BASINS, type Basin, type BasinPlan } from "../../core";
import { communesColumn, euros, printSetup, type Context } from "../context";
import { basinPart, costTTC, cucmHT, cucmTTC } from "../formulas";
import type { ReportChart, ReportSheet } from "../model";
import { BASINS_LAYOUT, COMMUNES_LAYOUT, ENGINEERING_ROWS, PARAM_CELL_NAMES } from "../schema";
import { absColumnRange, absRef, localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { writeBasinKey } from "./basin-key";
import type { SynthesisLayout } from "./synthesis";

const { first, totalRow, cols, headerRow } = BASINS_LAYOUT;

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
  BASINS.forEach((b, i) => writeBasinRow(ctx, s, syn, b, i));
  writeTotals(ctx, s);
  s.widthsFrom([12, 13, 12, 12, 17, 10, 17, 10, 17, 17, 17, 15, 17, 17]).freezeAt(4, 1);
  s.chart(basinsChart(ctx));
  return s.build(printSetup(ctx, "basins", [4, 4]), "ED7D31");
}

/** Every basin's key value, and their sum (the total row's key cell). */
const keys = BASINS.map((_, i) => localAbs(first + i, cols.key));
const keyTotal = localAbs(totalRow, cols.key);

/**
 * A basin's row: its communes, population and population year read from `Communes CTG`, its CEJ total
 * and share read from `Synthèse CEJ`, its key, then its part of the mission.
 */
function writeBasinRow(ctx: Context, s: SheetBuilder, syn: SynthesisLayout, b: Basin, i: number): void {
  const { L, plan } = ctx;
  const C = COMMUNES_LAYOUT.cols;
  const r = first + i;
  const bp = plan.basins[i];
  if (bp === undefined) throw new Error(`plan has no basin ${b}`);
  const at = (col: number): string => localAbs(r, col);
  const basinCell = at(cols.basin);
  s.text(r, cols.basin, L.basins[b], "textBold");
  const communes = `COUNTIFS(${communesColumn(ctx, C.basin)},${basinCell})`;
  s.formula(r, cols.communes, communes, bp.communes, "exact", "integer");
  const population = `SUMIFS(${communesColumn(ctx, C.population)},${communesColumn(ctx, C.basin)},${basinCell})`;
  s.formula(r, cols.population, population, bp.population, "exact", "integer");
  const maxYear = plan.communesReference.reduce((m, c) => Math.max(m, c.populationYear), 0);
  s.formula(r, cols.year, `MAX(${communesColumn(ctx, C.year)})`, maxYear, "exact", "year");
  const synLast = Math.max(syn.last, syn.first);
  const synTotal = absColumnRange(ctx.names.synthesis, syn.totalCol, syn.first, synLast);
  const synBasin = absColumnRange(ctx.names.synthesis, syn.basinCol, syn.first, synLast);
  s.money(
    r,
    cols.cej,
    syn.count === 0 ? "0" : `SUMIFS(${synTotal},${synBasin},${basinCell})`,
    euros(bp.cejTotal),
  );
  const cejTotal = localAbs(totalRow, cols.cej);
  const cejShare = plan.total === 0 ? 0 : bp.cejTotal / plan.total;
  s.formula(r, cols.cejShare, `IF(${cejTotal}=0,0,${at(cols.cej)}/${cejTotal})`, cejShare, "ratio", "ratio");
  writeBasinKey(s, L, {
    plan,
    index: i,
    key: PARAM_CELL_NAMES.key,
    communes: at(cols.communes),
    population: at(cols.population),
    cej: at(cols.cej),
    keys,
    total: keyTotal,
    keyAt: [r, cols.key],
    shareAt: [r, cols.keyShare],
  });
  writeBasinParts(ctx, s, bp, i);
}

/** A basin's part of the mission's cost, Caf and VAT (the last basin takes the remainder), and the CUCM's. */
function writeBasinParts(ctx: Context, s: SheetBuilder, bp: BasinPlan, i: number): void {
  const r = first + i;
  const at = (col: number): string => localAbs(r, col);
  const isLast = i === BASINS.length - 1;
  const part = (col: number, engRow: number): string =>
    basinPart({
      whole: absRef(ctx.names.engineering, engRow, 1),
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
}

/** The total row: sums of the basins' rows (the parts are all zero when the key cannot split). */
function writeTotals(ctx: Context, s: SheetBuilder): void {
  const { L, plan } = ctx;
  const sumCol = (col: number): string => `SUM(${localAbs(first, col)}:${localAbs(totalRow - 1, col)})`;
  const sumBasins = (f: (bp: BasinPlan) => number): number => plan.basins.reduce((t, bp) => t + f(bp), 0);
  s.text(totalRow, 0, L.basinsSheet.total, "labelTotal");
  const count = (col: number, f: (bp: BasinPlan) => number): void => {
    s.formula(totalRow, col, sumCol(col), sumBasins(f), "exact", "integerTotal");
  };
  count(cols.communes, (b) => b.communes);
  count(cols.population, (b) => b.population);
  s.money(totalRow, cols.cej, sumCol(cols.cej), sumBasins((b) => b.cejTotal) / 100, "moneyTotal");
  s.formula(totalRow, cols.cejShare, sumCol(cols.cejShare), plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  const cejKey = plan.params.key === "cej";
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
  for (const [col, value] of totals)
    s.money(totalRow, col, sumCol(col), (usable ? value : 0) / 100, "moneyTotal");
}

/** The chart: the Caf share and the CUCM TTC of each basin, below the table. */
function basinsChart(ctx: Context): ReportChart {
  const { L, plan } = ctx;
  const own = quoteSheet(ctx.names.basins);
  const column = (col: number): string => `${own}!${localAbs(first, col)}:${localAbs(totalRow - 1, col)}`;
  const ch = BASINS_LAYOUT.chart;
  return {
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
  };
}
