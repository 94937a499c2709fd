/** `Synthèse CEJ`: the CEJ total of each commune (by domain and year when the input has them), live. */

import { BASINS, type Basin, type Cents, type FundingRow } from "../../core/types";
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
 * Builds `Synthèse CEJ`: one row per commune of the plan (SUMIFS over the input), the basin of each
 * reference commune read from `Communes CTG`, basin subtotals, the grand total and the count.
 *
 * @param ctx - the build
 * @returns the sheet and its layout
 */
export function buildSynthesis(ctx: Context): { sheet: ReportSheet; layout: SynthesisLayout } {
  const { L, plan, rows } = ctx;
  const s = new SheetBuilder("synthesis", ctx.names.synthesis);
  const what = ctx.source.table !== null ? `${ctx.source.table} (${ctx.source.sheet})` : ctx.source.sheet;
  s.text(0, 0, L.synthesis.title, "title").text(1, 0, L.synthesis.source(what, plan.rowCount), "subtitle");
  if (rows.some((r) => r.amountFromText)) s.text(2, 0, L.synthesis.textNote, "warning");

  const domainCols = ctx.source.columns.domain !== undefined ? plan.domains : [];
  const yearCols = ctx.source.columns.year !== undefined ? plan.years : [];
  const headers = [
    L.synthesis.insee,
    L.synthesis.commune,
    L.synthesis.basin,
    ...domainCols.map((d) => (d === "" ? L.synthesis.noDomain : d)),
    ...yearCols.map(String),
    L.synthesis.total,
    L.synthesis.share,
  ];
  headers.forEach((h, c) => s.text(3, c, h, "header"));
  const firstDomainCol = 3;
  const firstYearCol = firstDomainCol + domainCols.length;
  const totalCol = firstYearCol + yearCols.length;
  const shareCol = totalCol + 1;
  const first = 4;
  const n = plan.communes.length;
  const last = first + n - 1;
  const blank = last + 1;
  const basinRows = BASINS.map((_, i) => blank + 1 + i);
  const grandTotalRow = blank + 1 + BASINS.length;
  const countRow = grandTotalRow + 1;
  const totalRef = localAbs(grandTotalRow, totalCol);
  const keyFields = communeKeyFields(ctx);
  const share = (row: number): string => `IF(${totalRef}=0,0,${localAbs(row, totalCol)}/${totalRef})`;

  const rowsByCommune = new Map<string, FundingRow[]>();
  for (const row of rows) {
    const k = communeKey(row.commune, row.insee);
    rowsByCommune.set(k, [...(rowsByCommune.get(k) ?? []), row]);
  }
  const domainOf = (r: FundingRow): string => r.domain ?? "";
  const C = COMMUNES_LAYOUT.cols;

  plan.communes.forEach((c, i) => {
    const r = first + i;
    const cRows = rowsByCommune.get(communeKey(c.name, c.insee)) ?? [];
    s.text(r, 0, c.insee ?? "", "code").text(r, 1, c.name, "text");
    if (c.insee !== null) {
      s.formula(
        r,
        2,
        `INDEX(${communesColumn(ctx, C.basin)},MATCH(${localAbs(r, 0)},${communesColumn(ctx, C.insee)},0))`,
        L.basins[c.basin],
        "exact",
        "text",
      );
    } else {
      s.text(r, 2, L.basins[c.basin], "text");
    }
    domainCols.forEach((d, j) => {
      const dRows = cRows.filter((row) => domainOf(row) === d);
      const expected = euros(c.byDomain[j] ?? (0 as Cents));
      s.money(r, firstDomainCol + j, sumRows(ctx, dRows, [...keyFields, "domain"]), expected);
    });
    yearCols.forEach((y, j) => {
      const yRows = cRows.filter((row) => row.year === y);
      const expected = euros(c.byYear[j] ?? (0 as Cents));
      s.money(r, firstYearCol + j, sumRows(ctx, yRows, [...keyFields, "year"]), expected);
    });
    s.money(r, totalCol, sumRows(ctx, cRows, keyFields), euros(c.total), "moneyBold");
    s.formula(r, shareCol, share(r), plan.total === 0 ? 0 : c.total / plan.total, "ratio", "ratio");
  });

  // Basin subtotals, grand total, count.
  const moneyCols = [
    ...domainCols.map((_, j) => firstDomainCol + j),
    ...yearCols.map((_, j) => firstYearCol + j),
    totalCol,
  ];
  const basinTotals = (b: Basin, col: number): number => {
    const inBasin = plan.communes.filter((c) => c.basin === b);
    if (col === totalCol) return inBasin.reduce((t, c) => t + c.total, 0);
    if (col < firstYearCol) return inBasin.reduce((t, c) => t + (c.byDomain[col - firstDomainCol] ?? 0), 0);
    return inBasin.reduce((t, c) => t + (c.byYear[col - firstYearCol] ?? 0), 0);
  };
  const colRange = (col: number): string => `${localAbs(first, col)}:${localAbs(Math.max(last, first), col)}`;
  BASINS.forEach((b, i) => {
    const r = basinRows[i] ?? 0;
    s.text(r, 1, L.synthesis.basinTotal(L.basins[b]), "labelTotal").text(r, 2, L.basins[b], "textBold");
    for (const col of moneyCols) {
      const f = n === 0 ? "0" : `SUMIFS(${colRange(col)},${colRange(2)},${localAbs(r, 2)})`;
      s.money(r, col, f, basinTotals(b, col) / 100, "moneyBold");
    }
    const bt = basinTotals(b, totalCol);
    s.formula(r, shareCol, share(r), plan.total === 0 ? 0 : bt / plan.total, "ratio", "ratioBold");
  });
  s.text(grandTotalRow, 1, L.synthesis.grandTotal, "labelTotal");
  for (const col of moneyCols) {
    const expected =
      col === totalCol
        ? plan.total
        : col < firstYearCol
          ? (plan.domainTotals[col - firstDomainCol] ?? 0)
          : (plan.yearTotals[col - firstYearCol] ?? 0);
    s.money(grandTotalRow, col, n === 0 ? "0" : `SUM(${colRange(col)})`, expected / 100, "moneyTotal");
  }
  s.formula(grandTotalRow, shareCol, `IF(${totalRef}=0,0,1)`, plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  s.text(countRow, 1, L.synthesis.fundedCommunes, "label");
  s.formula(countRow, totalCol, n === 0 ? "0" : `COUNTA(${colRange(1)})`, n, "exact", "integerBold");

  s.widthsFrom([13, 32, 11, ...moneyCols.map(() => 17), 13]);
  s.freezeAt(4, 2);
  const layout: SynthesisLayout = { first, last, basinCol: 2, totalCol, grandTotalRow, count: n };
  return { sheet: s.build(printSetup(ctx, "synthesis", [4, 4]), "70AD47"), layout };
}
