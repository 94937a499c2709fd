/**
 * The view model of the pane's « Bonus territoire » section (issue #14), pure: from the engine's
 * bonus plan to formatted figures (totals per basin and year, the reconciliation per commune, the
 * « à moyens constants » check). Only the section loaded after the figures imports it. No React.
 */

import { BASIN_LABELS, BONUS_KIND_LABELS, bonusPaneText } from "../i18n";
import { BASINS, formatMoney, type Basin, type BonusPlan, type Cents, type Lang } from "../core";

/** One row of the basin table: a basin or the total, one amount per year of the plan. */
export interface BonusRowView {
  readonly id: Basin | "total";
  readonly label: string;
  /** One per year of `BonusView.years`; null for a year outside the basin's CTG. */
  readonly values: readonly (string | null)[];
}

/** One year of a commune's reconciliation. */
export interface CommuneYearView {
  readonly year: number;
  readonly bonus: string;
  readonly difference: string;
  /** The difference's sign: the section colours nothing by it, a test reads it. */
  readonly sign: -1 | 0 | 1;
}

/** One commune: its former CEJ against the bonus paid on its territory, by year of its basin's CTG. */
export interface CommuneView {
  readonly insee: string;
  /** `Le Creusot (Nord)`. */
  readonly title: string;
  /** `Écart : de 0,00 € à +14 400,00 € par an`. */
  readonly spread: string;
  /** `CEJ perçu en 2020 : 45 000,00 €`. */
  readonly formerCej: string;
  readonly caption: string;
  readonly years: readonly CommuneYearView[];
}

/** The « à moyens constants » check: green, or the basins and kinds where it fails, and why. */
export interface ConstantMeansView {
  readonly ok: boolean;
  readonly title: string;
  /** The sentence when it holds; one line per failing basin and kind otherwise. */
  readonly lines: readonly string[];
}

/** What the section shows of a bonus plan. */
export interface BonusView {
  /** The whole plan's total: `1 612 345,67 €`. */
  readonly total: string;
  /** `42 équipements, 13 communes`. */
  readonly summary: string;
  /** Each basin's CTG: `CTG Nord : 2024 à 2028 (5 ans)`. */
  readonly terms: readonly string[];
  readonly years: readonly number[];
  /** Nord, Sud, then the total. */
  readonly rows: readonly BonusRowView[];
  /** Whether a basin's row has a year outside its CTG (the table then says what « — » means). */
  readonly outside: boolean;
  readonly communes: readonly CommuneView[];
  readonly constantMeans: ConstantMeansView;
}

/** An amount with its sign: `+1 200,00 €`, `-450,00 €`, `0,00 €`. */
function signed(c: Cents, lang: Lang): string {
  return c > 0 ? `+${formatMoney(c, lang)}` : formatMoney(c, lang);
}

/** The basin rows and the total row: a basin's years outside its CTG show no amount. */
function basinRows(plan: BonusPlan, lang: Lang): BonusRowView[] {
  const w = bonusPaneText(lang);
  const rows: BonusRowView[] = BASINS.map((basin) => {
    const { startYear, duration } = plan.params.ctg[basin];
    const byYear = plan.byBasin.find((b) => b.key === basin)?.byYear ?? [];
    return {
      id: basin,
      label: BASIN_LABELS[lang][basin],
      values: plan.years.map((year, i) =>
        year < startYear || year >= startYear + duration
          ? null
          : formatMoney(byYear[i] ?? (0 as Cents), lang),
      ),
    };
  });
  rows.push({ id: "total", label: w.totalRow, values: plan.byYear.map((c) => formatMoney(c, lang)) });
  return rows;
}

/** One commune's reconciliation, with the range of its yearly differences. */
function communeViews(plan: BonusPlan, lang: Lang): CommuneView[] {
  const w = bonusPaneText(lang);
  return plan.reconciliation.map((r) => {
    const differences = r.years.map((y) => y.difference);
    const min = Math.min(...differences) as Cents;
    const max = Math.max(...differences) as Cents;
    const title = w.commune(r.commune, BASIN_LABELS[lang][r.basin]);
    return {
      insee: r.insee,
      title,
      spread: differences.length === 0 ? "" : w.spread(signed(min, lang), signed(max, lang)),
      formerCej: w.formerCej(plan.params.referenceYear, formatMoney(r.formerCej, lang)),
      caption: w.communeCaption(r.commune),
      years: r.years.map((y) => ({
        year: y.year,
        bonus: formatMoney(y.bonus, lang),
        difference: signed(y.difference, lang),
        sign: y.difference > 0 ? 1 : y.difference < 0 ? -1 : 0,
      })),
    };
  });
}

/** The « à moyens constants » check in words. */
function constantMeansView(plan: BonusPlan, lang: Lang): ConstantMeansView {
  const w = bonusPaneText(lang);
  const failing = plan.constantMeans.filter((c) => !c.ok);
  if (failing.length === 0) return { ok: true, title: w.constantOkTitle, lines: [w.constantOk] };
  return {
    ok: false,
    title: w.constantNotOkTitle,
    lines: failing.map((c) => {
      const reasons = [c.floorApplied ? w.constantFloor : null, c.upliftApplied ? w.constantUplift : null];
      return w.constantLine(
        BASIN_LABELS[lang][c.basin],
        BONUS_KIND_LABELS[lang][c.kind],
        formatMoney(c.yearOne, lang),
        formatMoney(c.formerCej, lang),
        signed(c.difference, lang),
        reasons.filter((r): r is string => r !== null).join(", "),
      );
    }),
  };
}

/**
 * What the « Bonus territoire » section shows of a plan: the total, each basin's CTG years, the totals
 * per basin and year, the reconciliation per commune and the « à moyens constants » check, every
 * amount formatted as the pane's language writes it.
 *
 * @param plan - the engine's bonus plan (computeBonusPlan)
 * @param lang - the language
 * @returns the view
 */
export function bonusView(plan: BonusPlan, lang: Lang): BonusView {
  const w = bonusPaneText(lang);
  const rows = basinRows(plan, lang);
  return {
    total: formatMoney(plan.total, lang),
    summary: w.summary(plan.facilities.length, plan.reconciliation.length),
    terms: BASINS.map((basin) => {
      const { startYear, duration } = plan.params.ctg[basin];
      return w.term(BASIN_LABELS[lang][basin], startYear, startYear + duration - 1, duration);
    }),
    years: plan.years,
    rows,
    outside: rows.some((r) => r.values.includes(null)),
    communes: communeViews(plan, lang),
    constantMeans: constantMeansView(plan, lang),
  };
}
