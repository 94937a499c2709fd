/** `Synthèse CEJ`: the CEJ total of each commune (by domain and year when the input has them), live. */

import { BASINS, type Basin, type Cents, type CommuneTotal, type FundingRow } from "../../core";
import {
  communeKey,
  communeKeyFields,
  communesColumn,
  euros,
  printSetup,
  sumRows,
  type Context,
} from "../context";
import type { ReportSheet } from "../model";
import { COMMUNES_LAYOUT } from "../schema";
import { localAbs, SheetBuilder } from "../sheet-builder";

/** Where the synthesis puts its communes and totals, for the sheets that read it. */
export interface SynthesisLayout {
  readonly first: number;
  readonly last: number;
  readonly basinCol: number;
  readonly totalCol: number;
  readonly grandTotalRow: number;
  readonly count: number;
}

/**
 * The columns and rows of `Synthèse CEJ` for a build: the domains and years shown as columns (none
 * when the input has no such column), then the total and the share; the communes' rows (`n` of them,
 * `first` to `last`), a blank row, the basins' subtotals, the grand total and the count.
 */
type Grid = ReturnType<typeof synthesisGrid>;

function synthesisGrid(ctx: Context) {
  const { plan } = ctx;
  const domainCols = ctx.source.columns.domain !== undefined ? plan.domains : [];
  const yearCols = ctx.source.columns.year !== undefined ? plan.years : [];
  const firstDomainCol = 3;
  const firstYearCol = firstDomainCol + domainCols.length;
  const totalCol = firstYearCol + yearCols.length;
  const first = 4;
  const n = plan.communes.length;
  const last = first + n - 1;
  const blank = last + 1;
  const grandTotalRow = blank + 1 + BASINS.length;
  return {
    domainCols,
    yearCols,
    firstDomainCol,
    firstYearCol,
    totalCol,
    shareCol: totalCol + 1,
    moneyCols: [
      ...domainCols.map((_, j) => firstDomainCol + j),
      ...yearCols.map((_, j) => firstYearCol + j),
      totalCol,
    ],
    first,
    last,
    n,
    basinRows: BASINS.map((_, i) => blank + 1 + i),
    grandTotalRow,
    countRow: grandTotalRow + 1,
  };
}

/** A row's share of the grand total (0 when it is 0). */
const share = (g: Grid, row: number): string => {
  const totalRef = localAbs(g.grandTotalRow, g.totalCol);
  return `IF(${totalRef}=0,0,${localAbs(row, g.totalCol)}/${totalRef})`;
};

/** A column of the communes' rows: `$F$5:$F$17`. */
const colRange = (g: Grid, col: number): string =>
  `${localAbs(g.first, col)}:${localAbs(Math.max(g.last, g.first), col)}`;

/**
 * Builds `Synthèse CEJ`: one row per commune of the plan (SUMIFS over the input), the basin of each
 * reference commune read from `Communes CTG`, basin subtotals, the grand total and the count.
 *
 * @param ctx - the build
 * @returns the sheet and its layout
 */
export function buildSynthesis(ctx: Context): { sheet: ReportSheet; layout: SynthesisLayout } {
  const { L, plan, rows } = ctx;
  const s = new SheetBuilder("synthesis", ctx.names.synthesis);
  const g = synthesisGrid(ctx);
  const what = ctx.source.table !== null ? `${ctx.source.table} (${ctx.source.sheet})` : ctx.source.sheet;
  s.text(0, 0, L.synthesis.title, "title").text(1, 0, L.synthesis.source(what, plan.rowCount), "subtitle");
  if (rows.some((r) => r.amountFromText)) s.text(2, 0, L.synthesis.textNote, "warning");
  const headers = [
    L.synthesis.insee,
    L.synthesis.commune,
    L.synthesis.basin,
    ...g.domainCols.map((d) => (d === "" ? L.synthesis.noDomain : d)),
    ...g.yearCols.map(String),
    L.synthesis.total,
    L.synthesis.share,
  ];
  headers.forEach((h, c) => s.text(3, c, h, "header"));

  const rowsByCommune = new Map<string, FundingRow[]>();
  for (const row of rows) {
    const k = communeKey(row.commune, row.insee);
    rowsByCommune.set(k, [...(rowsByCommune.get(k) ?? []), row]);
  }
  plan.communes.forEach((c, i) =>
    writeCommuneRow(ctx, s, g, g.first + i, c, rowsByCommune.get(communeKey(c.name, c.insee)) ?? []),
  );
  BASINS.forEach((b, i) => writeBasinTotal(ctx, s, g, b, g.basinRows[i] ?? 0));
  writeGrandTotal(ctx, s, g);

  s.widthsFrom([13, 32, 11, ...g.moneyCols.map(() => 17), 13]);
  s.freezeAt(4, 2);
  const layout: SynthesisLayout = {
    first: g.first,
    last: g.last,
    basinCol: 2,
    totalCol: g.totalCol,
    grandTotalRow: g.grandTotalRow,
    count: g.n,
  };
  return { sheet: s.build(printSetup(ctx, "synthesis", [4, 4]), "70AD47"), layout };
}

/**
 * A commune's row: its code, name and basin (read from `Communes CTG` for a reference commune), its
 * totals by domain, by year and in all (SUMIFS over its rows of the input), its share.
 */
function writeCommuneRow(
  ctx: Context,
  s: SheetBuilder,
  g: Grid,
  r: number,
  c: CommuneTotal,
  cRows: readonly FundingRow[],
): void {
  const { L, plan } = ctx;
  const C = COMMUNES_LAYOUT.cols;
  const keyFields = communeKeyFields(ctx);
  s.text(r, 0, c.insee ?? "", "code").text(r, 1, c.name, "text");
  if (c.insee !== null) {
    const basin = `INDEX(${communesColumn(ctx, C.basin)},MATCH(${localAbs(r, 0)},${communesColumn(ctx, C.insee)},0))`;
    s.formula(r, 2, basin, L.basins[c.basin], "exact", "text");
  } else {
    s.text(r, 2, L.basins[c.basin], "text");
  }
  g.domainCols.forEach((d, j) => {
    const dRows = cRows.filter((row) => (row.domain ?? "") === d);
    const expected = euros(c.byDomain[j] ?? (0 as Cents));
    s.money(r, g.firstDomainCol + j, sumRows(ctx, dRows, [...keyFields, "domain"]), expected);
  });
  g.yearCols.forEach((y, j) => {
    const yRows = cRows.filter((row) => row.year === y);
    const expected = euros(c.byYear[j] ?? (0 as Cents));
    s.money(r, g.firstYearCol + j, sumRows(ctx, yRows, [...keyFields, "year"]), expected);
  });
  s.money(r, g.totalCol, sumRows(ctx, cRows, keyFields), euros(c.total), "moneyBold");
  s.formula(r, g.shareCol, share(g, r), plan.total === 0 ? 0 : c.total / plan.total, "ratio", "ratio");
}

/** A basin's subtotal row: each money column summed over the communes of the basin, and its share. */
function writeBasinTotal(ctx: Context, s: SheetBuilder, g: Grid, b: Basin, r: number): void {
  const { L, plan } = ctx;
  const inBasin = plan.communes.filter((c) => c.basin === b);
  const basinTotal = (col: number): number => {
    if (col === g.totalCol) return inBasin.reduce((t, c) => t + c.total, 0);
    if (col < g.firstYearCol)
      return inBasin.reduce((t, c) => t + (c.byDomain[col - g.firstDomainCol] ?? 0), 0);
    return inBasin.reduce((t, c) => t + (c.byYear[col - g.firstYearCol] ?? 0), 0);
  };
  s.text(r, 1, L.synthesis.basinTotal(L.basins[b]), "labelTotal").text(r, 2, L.basins[b], "textBold");
  for (const col of g.moneyCols) {
    const f = g.n === 0 ? "0" : `SUMIFS(${colRange(g, col)},${colRange(g, 2)},${localAbs(r, 2)})`;
    s.money(r, col, f, basinTotal(col) / 100, "moneyBold");
  }
  const bt = basinTotal(g.totalCol);
  s.formula(r, g.shareCol, share(g, r), plan.total === 0 ? 0 : bt / plan.total, "ratio", "ratioBold");
}

/** The grand total row (each money column) and the count of funded communes. */
function writeGrandTotal(ctx: Context, s: SheetBuilder, g: Grid): void {
  const { L, plan } = ctx;
  const row = g.grandTotalRow;
  s.text(row, 1, L.synthesis.grandTotal, "labelTotal");
  for (const col of g.moneyCols) {
    const expected =
      col === g.totalCol
        ? plan.total
        : col < g.firstYearCol
          ? (plan.domainTotals[col - g.firstDomainCol] ?? 0)
          : (plan.yearTotals[col - g.firstYearCol] ?? 0);
    s.money(row, col, g.n === 0 ? "0" : `SUM(${colRange(g, col)})`, expected / 100, "moneyTotal");
  }
  const totalRef = localAbs(row, g.totalCol);
  s.formula(row, g.shareCol, `IF(${totalRef}=0,0,1)`, plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  s.text(g.countRow, 1, L.synthesis.fundedCommunes, "label");
  s.formula(
    g.countRow,
    g.totalCol,
    g.n === 0 ? "0" : `COUNTA(${colRange(g, 1)})`,
    g.n,
    "exact",
    "integerBold",
  );
}
