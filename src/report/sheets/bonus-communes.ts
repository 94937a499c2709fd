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
import { bonusLayout, facilityRange, inCtg } from "./bonus-layout";

const euros = centsToEuros;

/** Escapes a SUMIFS criterion so that it means "equal to exactly this text". */
function equalsCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/([~*?])/g, "~$1")}`);
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
  const { L, lang } = ctx;
  const T = L.bonus.communes;
  const layout = bonusLayout(bonus);
  const { years } = layout;
  const n = years.length;
  const fc = layout.facilities.cols;
  const fcol = (c: number): string => facilityRange(ctx.names.bonus, layout, c);
  const s = new SheetBuilder("bonusCommunes", ctx.names.bonusCommunes);
  const plan = bonus.plan;
  s.text(0, 0, T.title, "title").text(1, 0, T.subtitle, "subtitle");

  // Per commune and year.
  let r = 3;
  s.text(r, 0, T.byCommuneTitle, "textBold");
  r += 1;
  const header = r;
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
  const total = last + 1;
  s.text(total, 0, T.total, "labelTotal");
  const sumCol = (c: number, expected: number): void => {
    s.money(total, c, `SUM(${localAbs(first, c)}:${localAbs(last, c)})`, expected, "moneyTotal");
  };
  sumCol(3, euros(plan.reconciliation.reduce((t, x) => t + x.formerCej, 0) as Cents));
  years.forEach((_, j) => sumCol(4 + j, euros(plan.byYear[j] ?? (0 as Cents))));
  sumCol(4 + n, euros(plan.total));

  // Reconciliation: to the commune or its CCAS, to others, and the difference, by year of its CTG.
  r = total + 2;
  s.text(r, 0, T.reconciliationTitle, "textBold");
  s.text(r + 1, 0, T.reconciliationNote, "subtitle");
  const recHeader = r + 2;
  T.header.forEach((h, c) => s.text(recHeader, c, h, "header"));
  years.forEach((y, j) => {
    s.text(recHeader, 4 + 3 * j, T.toCommune(y), "header");
    s.text(recHeader, 5 + 3 * j, T.toOthers(y), "header");
    s.text(recHeader, 6 + 3 * j, T.difference(y), "header");
  });
  const recFirst = recHeader + 1;
  const ownKinds = [OPERATOR_KIND_LABELS[lang].commune, OPERATOR_KIND_LABELS[lang].ccas];
  plan.reconciliation.forEach((rec, i) => {
    const row = recFirst + i;
    const at = (c: number): string => localAbs(row, c);
    const top = first + i;
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
  });
  const recLast = recFirst + plan.reconciliation.length - 1;
  const recTotal = recLast + 1;
  s.text(recTotal, 0, T.total, "labelTotal");
  s.money(
    recTotal,
    3,
    `SUM(${localAbs(recFirst, 3)}:${localAbs(recLast, 3)})`,
    euros(sumOf(plan.reconciliation.map((x) => x.formerCej))),
    "moneyTotal",
  );
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
    [
      [4 + 3 * j, of((x) => x.toCommune)],
      [5 + 3 * j, of((x) => x.toOthers)],
      [6 + 3 * j, of((x) => x.difference)],
    ].forEach(([c, v]) =>
      s.money(
        recTotal,
        c as number,
        `SUM(${localAbs(recFirst, c as number)}:${localAbs(recLast, c as number)})`,
        v as number,
        "moneyTotal",
      ),
    );
  });

  // By domain and by operator kind.
  r = recTotal + 2;
  const block = (
    title: string,
    label: string,
    rows: readonly { key: string; shown: string; byYear: readonly Cents[]; total: Cents }[],
    column: number,
  ): void => {
    s.text(r, 0, title, "textBold");
    s.text(r + 1, 0, label, "header");
    years.forEach((y, j) => s.text(r + 1, 1 + j, String(y), "header"));
    s.text(r + 1, 1 + n, T.total, "header");
    rows.forEach((x, i) => {
      const row = r + 2 + i;
      s.text(row, 0, x.shown, "text");
      years.forEach((_, j) =>
        s.money(
          row,
          1 + j,
          `SUMIFS(${fcol(fc.total(j))},${fcol(column)},${equalsCriterion(x.key)})`,
          euros(x.byYear[j] ?? (0 as Cents)),
        ),
      );
      s.money(row, 1 + n, `SUM(${localAbs(row, 1)}:${localAbs(row, n)})`, euros(x.total), "moneyBold");
    });
    r += rows.length + 3;
  };
  block(
    T.byDomainTitle,
    T.domain,
    plan.byDomain.map((d) => ({ ...d, shown: d.key === "" ? T.noDomain : d.key })),
    fc.domain,
  );
  block(
    T.byOperatorTitle,
    T.operatorKind,
    plan.byOperatorKind.map((o) => ({
      ...o,
      key: OPERATOR_KIND_LABELS[lang][o.key],
      shown: OPERATOR_KIND_LABELS[lang][o.key],
    })),
    fc.operatorKind,
  );

  const widths = [13, 26, 10, 16, ...Array.from({ length: 3 * n + 1 }, () => 17)];
  s.widthsFrom(widths);
  return s.build(printSetup(ctx, "bonusCommunes", [header + 1, header + 1]), "70AD47");
}

function sumOf(values: readonly Cents[]): Cents {
  return values.reduce((t, v) => (t + v) as Cents, 0 as Cents);
}
