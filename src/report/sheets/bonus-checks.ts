/**
 * The bonus territoire's rows of `Contrôles` (issue #14): « à moyens constants » per basin and kind,
 * facilities in an unknown commune or of an unknown kind, negative quantities, CTG years beyond the
 * sheet's, and the bonus parameters' ranges. Functions: SUMIFS, SUM, INDEX, MATCH, IF, IFERROR,
 * COUNTIFS, ROUND only.
 */

import { parseA1, quoteSheet, columnLetters, centsToEuros, BASINS } from "../../core";
import { BONUS_KIND_LABELS } from "../../i18n";
import type { Context } from "../context";
import { PARAM_VALUE_COL } from "../schema";
import { stringLiteral } from "../sheet-builder";
import {
  bonusLayout,
  bonusParamRows,
  bonusNames,
  facilityRange,
  type BonusLayout,
  type BonusParamKind,
  type BonusReportInput,
} from "./bonus-layout";
import type { CheckRow } from "./check-list";
import { badCells, cellName, count, countBad, money, naming, zero } from "./check-sides";

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

/** What every bonus check reads: the build, its bonus input, and the facility columns of `Bonus territoire`. */
interface BonusCheckEnv {
  readonly ctx: Context;
  readonly bonus: BonusReportInput;
  readonly years: readonly number[];
  readonly fc: BonusLayout["facilities"]["cols"];
  /** A whole column of the facility rows. */
  readonly range: (c: number) => string;
}

/** A bonus check, or a family of them: its rows for a build. */
type BonusCheckEntry = (env: BonusCheckEnv) => readonly CheckRow[];

const lit = stringLiteral;

/** « À moyens constants »: the existing bonus of the basin's first CTG year = its former CEJ. */
const constantMeans: BonusCheckEntry = ({ ctx: { L, lang }, bonus, years, fc, range }) =>
  bonus.plan.constantMeans.map((c): CheckRow => {
    const K = L.bonus.checks;
    const basin = lit(L.basins[c.basin]);
    const kind = lit(BONUS_KIND_LABELS[lang][c.kind]);
    const start = bonusNames.start(c.basin);
    const yearOne = years
      .map(
        (y, j) =>
          `(${start}=${y})*SUMIFS(${range(fc.existing(j))},${range(fc.basin)},${basin},${range(fc.kind)},${kind})`,
      )
      .join("+");
    return {
      label: K.constantMeans(L.basins[c.basin], BONUS_KIND_LABELS[lang][c.kind]),
      value: money(yearOne, c.yearOne),
      // The former CEJ the plan was computed from: what the Caf paid in the reference year. A CEJ
      // amount edited since then (places unchanged) moves the live bonus away from it.
      expected: money(String(centsToEuros(c.formerCej)), c.formerCej),
      status: L.gap,
      fix: lit(K.fix.constantMeans),
      green: c.ok,
      fixShown: K.fix.constantMeans,
    };
  });

/**
 * A facility whose commune or kind the workbook no longer knows, or with a negative quantity: the fix
 * names the first such cell of `Équipements CTG`.
 */
const facilitiesKnown: BonusCheckEntry = ({ ctx: { L }, bonus, fc, range }) => {
  const K = L.bonus.checks;
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
    fix: naming(words, firstBad(flag, prefix)),
  });
  return [
    flagged(
      K.communesKnown,
      fc.communeBad,
      K.fix.communesKnown,
      ` ${sheet}!${columnOf(first?.cells.commune)}`,
    ),
    flagged(K.kindsKnown, fc.kindBad, K.fix.kindsKnown, ` ${sheet}!${columnOf(first?.cells.kind)}`),
    flagged(K.placesPositive, fc.negative, K.fix.placesPositive, " "),
  ];
};

/** Every CTG year is among the sheet's columns (a start year moved beyond them needs a regeneration). */
const yearsShown: BonusCheckEntry = ({ ctx: { L }, years }) => {
  const firstYear = years[0] ?? 0;
  const lastYear = years[years.length - 1] ?? 0;
  const outside = BASINS.map((b) => {
    const s = bonusNames.start(b);
    return `((${s}<${firstYear})+(${s}+${bonusNames.duration(b)}-1>${lastYear})>0)`;
  });
  return [
    {
      label: L.bonus.checks.yearsShown,
      value: count(outside.join("+"), 0),
      expected: zero,
      status: L.regenerate,
      fix: lit(L.bonus.checks.fix.yearsShown),
    },
  ];
};

/** The bonus parameters in range, the trajectoire thresholds ascending. */
const paramsInRange: BonusCheckEntry = ({ ctx, bonus }) => {
  const { L, lang } = ctx;
  const K = L.bonus.checks;
  const params = bonusParamRows(bonus.params, L, lang);
  const name = (row: number): string => cellName(ctx.names.parameters, row, PARAM_VALUE_COL);
  const items = params.map((p) => ({
    bad: badBonusParam(p.name, p.kind, ctx, bonus.params.newPlaceRates.length),
    name: name(p.row),
  }));
  bonus.params.trajectoire.forEach((_, k) => {
    if (k === 0) return;
    const row = params.find((p) => p.name === bonusNames.threshold(k))?.row ?? 0;
    items.push({ bad: `(${bonusNames.threshold(k)}<${bonusNames.threshold(k - 1)})`, name: name(row) });
  });
  return [
    {
      label: K.paramsInRange,
      value: count(countBad(items), 0),
      expected: zero,
      status: L.gap,
      fix: naming(K.fix.paramsInRange, badCells(items)),
    },
  ];
};

/** The bonus checks, in the order of their rows. */
const BONUS_CHECKS: readonly BonusCheckEntry[] = [constantMeans, facilitiesKnown, yearsShown, paramsInRange];

/**
 * The bonus rows of `Contrôles`; none without a bonus input.
 *
 * @param ctx - the build
 * @returns the rows, in order
 */
export function bonusCheckRows(ctx: Context): CheckRow[] {
  const bonus = ctx.bonus;
  if (bonus === undefined || bonus.plan.facilities.length === 0) return [];
  const layout = bonusLayout(bonus);
  const env: BonusCheckEnv = {
    ctx,
    bonus,
    years: layout.years,
    fc: layout.facilities.cols,
    range: (c) => facilityRange(ctx.names.bonus, layout, c),
  };
  return BONUS_CHECKS.flatMap((check) => check(env));
}
