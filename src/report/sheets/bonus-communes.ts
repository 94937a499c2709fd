/**
 * `Bonus par commune` (issue #14): the bonus paid on each commune's territory by year, the
 * reconciliation with the former CEJ the commune received (docs/rules.md § 7, rule 9), and the totals
 * by domain and by operator kind; live SUMIFS over the facility rows of `Bonus territoire`.
 */

import { OPERATOR_KIND_LABELS } from "../../i18n";
import { centsToEuros, type Cents } from "../../core";
import { communesColumn, printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { COMMUNES_LAYOUT } from "../schema";
import { localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { bonusLayout, facilityRange, inCtg, type BonusLayout, type BonusReportInput } from "./bonus-layout";

const euros = centsToEuros;

/** Escapes a SUMIFS criterion so that it means "equal to exactly this text". */
function equalsCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/([~*?])/g, "~$1")}`);
}

/** What every block of `Bonus par commune` reads: the sheet, the plan, and the facility columns. */
interface CommunesEnv {
  readonly s: SheetBuilder;
  readonly ctx: Context;
  readonly plan: BonusReportInput["plan"];
  readonly years: readonly number[];
  /** The facility columns of `Bonus territoire`. */
  readonly fc: BonusLayout["facilities"]["cols"];
  /** A whole column of the facility rows. */
  readonly fcol: (c: number) => string;
}

/** The rows of a block: its header row, its first and last rows, its total row. */
interface BlockRows {
  readonly header: number;
  readonly first: number;
  readonly last: number;
  readonly total: number;
}

/**
 * Builds `Bonus par commune`.
 *
 * @param ctx - the build (with a bonus input)
 * @returns the sheet
 */
export function buildBonusCommunes(ctx: Context): ReportSheet {
  const bonus = ctx.bonus;
  if (bonus === undefined) throw new Error("buildBonusCommunes: no bonus input");
  const T = ctx.L.bonus.communes;
  const layout = bonusLayout(bonus);
  const s = new SheetBuilder("bonusCommunes", ctx.names.bonusCommunes);
  const env: CommunesEnv = {
    s,
    ctx,
    plan: bonus.plan,
    years: layout.years,
    fc: layout.facilities.cols,
    fcol: (c) => facilityRange(ctx.names.bonus, layout, c),
  };
  s.text(0, 0, T.title, "title").text(1, 0, T.subtitle, "subtitle");
  const byCommune = writeByCommune(env, 3);
  const reconciliation = writeReconciliation(env, byCommune.total + 2, byCommune.first);
  writeBreakdowns(env, reconciliation.total + 2);
  const n = layout.years.length;
  // INSEE code, commune (`Sanvignes-les-Mines`), basin, then amounts up to `1 234 567,89 €`.
  const widths = [11, 24, 9, 14, ...Array.from({ length: 3 * n + 1 }, (_, c) => (c === n ? 16 : 15))];
  s.widthsFrom(widths);
  return s.build(printSetup(ctx, "bonusCommunes", [byCommune.header + 1, byCommune.header + 1]), "70AD47");
}

/** `SUM(first:last)` of column `c` in the total row, expected `expected` (euros). */
function writeColumnSum(s: SheetBuilder, rows: BlockRows, c: number, expected: number): void {
  s.money(rows.total, c, `SUM(${localAbs(rows.first, c)}:${localAbs(rows.last, c)})`, expected, "moneyTotal");
}

/** Per commune and year, from row `top` (the title): the bonus on its territory, its former CEJ. */
function writeByCommune(env: CommunesEnv, top: number): BlockRows {
  const { s, ctx, plan, years, fc, fcol } = env;
  const { L } = ctx;
  const T = L.bonus.communes;
  const n = years.length;
  s.text(top, 0, T.byCommuneTitle, "textBold");
  const header = top + 1;
  T.header.forEach((h, c) => s.text(header, c, h, "header"));
  years.forEach((y, j) => s.text(header, 4 + j, L.bonus.territoire.yearTotal(y), "header"));
  s.text(header, 4 + n, T.total, "header");
  const first = header + 1;
  const C = COMMUNES_LAYOUT.cols;
  const codes = communesColumn(ctx, C.insee);
  const basins = communesColumn(ctx, C.basin);
  plan.reconciliation.forEach((rec, i) => {
    const row = first + i;
    const at = (c: number): string => localAbs(row, c);
    const totals = plan.byCommune.find((t) => t.key === rec.insee);
    s.text(row, 0, rec.insee, "code").text(row, 1, rec.commune, "text");
    s.formula(
      row,
      2,
      `IFERROR(INDEX(${basins},MATCH(${at(0)},${codes},0)),"")`,
      L.basins[rec.basin],
      "exact",
      "text",
    );
    s.money(row, 3, `SUMIFS(${fcol(fc.cej)},${fcol(fc.insee)},${at(0)})`, euros(rec.formerCej));
    years.forEach((_, j) => {
      s.money(
        row,
        4 + j,
        `SUMIFS(${fcol(fc.total(j))},${fcol(fc.insee)},${at(0)})`,
        euros(totals?.byYear[j] ?? (0 as Cents)),
      );
    });
    s.money(row, 4 + n, `SUM(${at(4)}:${at(3 + n)})`, euros(totals?.total ?? (0 as Cents)), "moneyBold");
  });
  const last = first + plan.reconciliation.length - 1;
  const rows = { header, first, last, total: last + 1 };
  s.text(rows.total, 0, T.total, "labelTotal");
  writeColumnSum(s, rows, 3, euros(plan.reconciliation.reduce((t, x) => t + x.formerCej, 0) as Cents));
  years.forEach((_, j) => writeColumnSum(s, rows, 4 + j, euros(plan.byYear[j] ?? (0 as Cents))));
  writeColumnSum(s, rows, 4 + n, euros(plan.total));
  return rows;
}

/**
 * Reconciliation, from row `top`: to the commune or its CCAS, to others, and the difference, by year of
 * its CTG; `byCommuneFirst` is the first commune row of {@link writeByCommune}.
 */
function writeReconciliation(env: CommunesEnv, top: number, byCommuneFirst: number): BlockRows {
  const { s, ctx, plan, years } = env;
  const T = ctx.L.bonus.communes;
  s.text(top, 0, T.reconciliationTitle, "textBold");
  s.text(top + 1, 0, T.reconciliationNote, "subtitle");
  const header = top + 2;
  T.header.forEach((h, c) => s.text(header, c, h, "header"));
  years.forEach((y, j) => {
    s.text(header, 4 + 3 * j, T.toCommune(y), "header");
    s.text(header, 5 + 3 * j, T.toOthers(y), "header");
    s.text(header, 6 + 3 * j, T.difference(y), "header");
  });
  const first = header + 1;
  plan.reconciliation.forEach((rec, i) => writeReconciliationRow(env, rec, first + i, byCommuneFirst + i));
  const last = first + plan.reconciliation.length - 1;
  const rows = { header, first, last, total: last + 1 };
  s.text(rows.total, 0, T.total, "labelTotal");
  writeColumnSum(s, rows, 3, euros(sumOf(plan.reconciliation.map((x) => x.formerCej))));
  years.forEach((y, j) => {
    const of = (pick: (x: { toCommune: Cents; toOthers: Cents; difference: Cents }) => Cents): number =>
      euros(
        sumOf(
          plan.reconciliation.map((x) => {
            const ry = x.years.find((v) => v.year === y);
            return ry === undefined ? (0 as Cents) : pick(ry);
          }),
        ),
      );
    writeColumnSum(
      s,
      rows,
      4 + 3 * j,
      of((x) => x.toCommune),
    );
    writeColumnSum(
      s,
      rows,
      5 + 3 * j,
      of((x) => x.toOthers),
    );
    writeColumnSum(
      s,
      rows,
      6 + 3 * j,
      of((x) => x.difference),
    );
  });
  return rows;
}

/** One commune's reconciliation row (`row`), over its row `top` of the block per commune. */
function writeReconciliationRow(
  env: CommunesEnv,
  rec: BonusReportInput["plan"]["reconciliation"][number],
  row: number,
  top: number,
): void {
  const { s, ctx, years, fc, fcol } = env;
  const { L, lang } = ctx;
  const ownKinds = [OPERATOR_KIND_LABELS[lang].commune, OPERATOR_KIND_LABELS[lang].ccas];
  const at = (c: number): string => localAbs(row, c);
  s.text(row, 0, rec.insee, "code").text(row, 1, rec.commune, "text");
  s.formula(row, 2, localAbs(top, 2), L.basins[rec.basin], "exact", "text");
  s.money(row, 3, localAbs(top, 3), euros(rec.formerCej));
  years.forEach((y, j) => {
    const ry = rec.years.find((x) => x.year === y);
    const bonusCell = localAbs(top, 4 + j);
    const toCommune = ownKinds
      .map(
        (k) =>
          `SUMIFS(${fcol(fc.total(j))},${fcol(fc.insee)},${at(0)},${fcol(fc.operatorKind)},${stringLiteral(k)})`,
      )
      .join("+");
    s.money(row, 4 + 3 * j, toCommune, euros(ry?.toCommune ?? (0 as Cents)));
    s.money(row, 5 + 3 * j, `${bonusCell}-${at(4 + 3 * j)}`, euros(ry?.toOthers ?? (0 as Cents)));
    // The difference only in the years of the commune's CTG (outside them it would say nothing).
    s.formula(
      row,
      6 + 3 * j,
      `IF(${inCtg(at(2), String(y), L)},ROUND(${bonusCell}-${at(3)},2),"")`,
      ry === undefined ? "" : euros(ry.difference),
      ry === undefined ? "exact" : "cents",
      "moneyBold",
    );
  });
}

/** One row of a breakdown: the key its SUMIFS matches, the label shown, the engine's amounts. */
interface BreakdownRow {
  readonly key: string;
  readonly shown: string;
  readonly byYear: readonly Cents[];
  readonly total: Cents;
}

/** By domain and by operator kind, from row `top`. */
function writeBreakdowns(env: CommunesEnv, top: number): void {
  const { ctx, plan, fc } = env;
  const { lang } = ctx;
  const T = ctx.L.bonus.communes;
  let r = top;
  r = writeBreakdown(
    env,
    r,
    T.byDomainTitle,
    T.domain,
    plan.byDomain.map((d) => ({ ...d, shown: d.key === "" ? T.noDomain : d.key })),
    fc.domain,
  );
  writeBreakdown(
    env,
    r,
    T.byOperatorTitle,
    T.operatorKind,
    plan.byOperatorKind.map((o) => ({
      ...o,
      key: OPERATOR_KIND_LABELS[lang][o.key],
      shown: OPERATOR_KIND_LABELS[lang][o.key],
    })),
    fc.operatorKind,
  );
}

/**
 * A breakdown block at row `r` (title, header, one row per key) by facility column `column`, its label
 * in the commune column and its years under the years of the block per commune; returns the next
 * block's row.
 */
function writeBreakdown(
  env: CommunesEnv,
  r: number,
  title: string,
  label: string,
  rows: readonly BreakdownRow[],
  column: number,
): number {
  const { s, years, fc, fcol } = env;
  const n = years.length;
  const [at, first] = [1, 4];
  s.text(r, 0, title, "textBold");
  s.text(r + 1, at, label, "header");
  years.forEach((y, j) => s.text(r + 1, first + j, String(y), "header"));
  s.text(r + 1, first + n, env.ctx.L.bonus.communes.total, "header");
  rows.forEach((x, i) => {
    const row = r + 2 + i;
    s.text(row, at, x.shown, "text");
    years.forEach((_, j) =>
      s.money(
        row,
        first + j,
        `SUMIFS(${fcol(fc.total(j))},${fcol(column)},${equalsCriterion(x.key)})`,
        euros(x.byYear[j] ?? (0 as Cents)),
      ),
    );
    s.money(
      row,
      first + n,
      `SUM(${localAbs(row, first)}:${localAbs(row, first + n - 1)})`,
      euros(x.total),
      "moneyBold",
    );
  });
  return r + rows.length + 3;
}

function sumOf(values: readonly Cents[]): Cents {
  return values.reduce((t, v) => (t + v) as Cents, 0 as Cents);
}
