/**
 * The bonus territoire's rows of `Contrôles` (issue #14): « à moyens constants » per basin and kind,
 * facilities in an unknown commune or of an unknown kind, negative quantities, CTG years beyond the
 * sheet's, and the bonus parameters' ranges. Functions: SUMIFS, SUM, INDEX, MATCH, IF, IFERROR,
 * COUNTIFS, ROUND only.
 */

import { a1, parseA1, quoteSheet, columnLetters, centsToEuros, BASINS } from "../../core";
import { BONUS_KIND_LABELS } from "../../i18n";
import type { Context } from "../context";
import { PARAM_VALUE_COL } from "../schema";
import { stringLiteral } from "../sheet-builder";
import { bonusLayout, bonusParamRows, bonusNames, facilityRange, type BonusParamKind } from "./bonus-layout";
import type { CheckRow, CheckSide } from "./check-list";

const count = (formula: string, n: number): CheckSide => ({
  formula,
  expected: n,
  check: "exact",
  style: "integer",
});
const zero: CheckSide = { formula: "0", expected: 0, check: "exact", style: "integer" };

/** Whether a bonus parameter cell holds something it cannot (1 or 0). */
function badBonusParam(cell: string, kind: BonusParamKind, ctx: Context, tranches: number): string {
  const L = ctx.L;
  const none = (items: readonly string[]): string =>
    `(${items.map((t) => `COUNTIFS(${cell},${stringLiteral(t)})`).join("+")}=0)`;
  switch (kind) {
    case "year":
      return `(COUNTIFS(${cell},">=2000",${cell},"<=2100")=0)`;
    case "duration":
      return `(COUNTIFS(${cell},4)+COUNTIFS(${cell},5)=0)`;
    case "amount":
      return `(COUNTIFS(${cell},">=0")=0)`;
    case "amountOrBlank":
      return `(${cell}<>"")*(COUNTIFS(${cell},">=0")=0)`;
    case "rate":
      return `(COUNTIFS(${cell},">=0",${cell},"<=1")=0)`;
    case "tranche":
      return `(COUNTIFS(${cell},">=1",${cell},${stringLiteral(`<=${tranches}`)})=0)`;
    case "yesNo":
      return none([L.yes, L.no]);
    case "proRata":
      return none([L.bonus.proRata.months, L.bonus.proRata["full-year"]]);
  }
}

/**
 * The bonus rows of `Contrôles`; none without a bonus input.
 *
 * @param ctx - the build
 * @returns the rows, in order
 */
export function bonusCheckRows(ctx: Context): CheckRow[] {
  const bonus = ctx.bonus;
  if (bonus === undefined || bonus.plan.facilities.length === 0) return [];
  const { L, lang } = ctx;
  const K = L.bonus.checks;
  const lit = stringLiteral;
  const layout = bonusLayout(bonus);
  const fc = layout.facilities.cols;
  const range = (c: number): string => facilityRange(ctx.names.bonus, layout, c);
  const years = layout.years;
  const rows: CheckRow[] = [];

  // « À moyens constants »: the existing bonus of the basin's first CTG year = its former CEJ.
  for (const c of bonus.plan.constantMeans) {
    const basin = lit(L.basins[c.basin]);
    const kind = lit(BONUS_KIND_LABELS[lang][c.kind]);
    const start = bonusNames.start(c.basin);
    const yearOne = years
      .map(
        (y, j) =>
          `(${start}=${y})*SUMIFS(${range(fc.existing(j))},${range(fc.basin)},${basin},${range(fc.kind)},${kind})`,
      )
      .join("+");
    rows.push({
      label: K.constantMeans(L.basins[c.basin], BONUS_KIND_LABELS[lang][c.kind]),
      value: { formula: yearOne, expected: centsToEuros(c.yearOne), check: "cents", style: "money" },
      // The former CEJ the plan was computed from: what the Caf paid in the reference year. A CEJ
      // amount edited since then (places unchanged) moves the live bonus away from it.
      expected: {
        formula: String(centsToEuros(c.formerCej)),
        expected: centsToEuros(c.formerCej),
        check: "cents",
        style: "money",
      },
      status: L.gap,
      fix: lit(K.fix.constantMeans),
      green: c.ok,
      fixShown: K.fix.constantMeans,
    });
  }

  // A facility whose commune or kind the workbook no longer knows, or with a negative quantity: the
  // fix names the first such cell of `Équipements CTG`.
  const first = bonus.plan.facilities[0]?.facility;
  const columnOf = (address: string | undefined): string => {
    if (address === undefined) return "";
    const bang = address.lastIndexOf("!");
    return columnLetters(parseA1(address.slice(bang + 1)).col);
  };
  const sheet = quoteSheet(bonus.origin.sheet);
  const firstBad = (flag: number, prefix: string): string =>
    `IFERROR(${lit(prefix)}&INDEX(${range(fc.line)},MATCH(1,${range(flag)},0)),"")`;
  const flagged = (
    label: string,
    flag: number,
    words: readonly [string, string],
    prefix: string,
  ): CheckRow => ({
    label,
    value: count(`SUM(${range(flag)})`, 0),
    expected: zero,
    status: L.gap,
    fix: `${lit(words[0])}&${firstBad(flag, prefix)}&${lit(words[1])}`,
  });
  rows.push(
    flagged(
      K.communesKnown,
      fc.communeBad,
      K.fix.communesKnown,
      ` ${sheet}!${columnOf(first?.cells.commune)}`,
    ),
    flagged(K.kindsKnown, fc.kindBad, K.fix.kindsKnown, ` ${sheet}!${columnOf(first?.cells.kind)}`),
    flagged(K.placesPositive, fc.negative, K.fix.placesPositive, " "),
  );

  // Every CTG year is among the sheet's columns (a start year moved beyond them needs a regeneration).
  const firstYear = years[0] ?? 0;
  const lastYear = years[years.length - 1] ?? 0;
  rows.push({
    label: K.yearsShown,
    value: count(
      BASINS.map((b) => {
        const s = bonusNames.start(b);
        return `((${s}<${firstYear})+(${s}+${bonusNames.duration(b)}-1>${lastYear})>0)`;
      }).join("+"),
      0,
    ),
    expected: zero,
    status: L.regenerate,
    fix: lit(K.fix.yearsShown),
  });

  // The bonus parameters in range, the trajectoire thresholds ascending.
  const params = bonusParamRows(bonus.params, L, lang);
  const cellName = (row: number): string => `${quoteSheet(ctx.names.parameters)}!${a1(row, PARAM_VALUE_COL)}`;
  const items = params.map((p) => ({
    bad: badBonusParam(p.name, p.kind, ctx, bonus.params.newPlaceRates.length),
    name: cellName(p.row),
  }));
  bonus.params.trajectoire.forEach((_, k) => {
    if (k === 0) return;
    const row = params.find((p) => p.name === bonusNames.threshold(k))?.row ?? 0;
    items.push({ bad: `(${bonusNames.threshold(k)}<${bonusNames.threshold(k - 1)})`, name: cellName(row) });
  });
  rows.push({
    label: K.paramsInRange,
    value: count(items.map((i) => `(${i.bad})`).join("+"), 0),
    expected: zero,
    status: L.gap,
    fix: `${lit(K.fix.paramsInRange[0])}&${items.map((i) => `IF(${i.bad},${lit(` ${i.name}`)},"")`).join("&")}&${lit(K.fix.paramsInRange[1])}`,
  });
  return rows;
}
