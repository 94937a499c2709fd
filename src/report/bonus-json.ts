/**
 * The bonus territoire plan as the command line's `--json` prints it (issue #14, see docs/cli.md):
 * every amount both in integer cents and as a euro string with two decimals (`"60000.00"`), so that
 * nothing goes through binary floating point.
 */

import type { BonusPlan, Cents, FacilityBonus } from "../core";

/** An amount: integer cents, and the same in euros as a string with two decimals (`"-12.50"`). */
export interface MoneyJson {
  readonly cents: number;
  readonly euros: string;
}

/** An amount of one year. */
export interface YearAmountJson {
  readonly year: number;
  readonly amount: MoneyJson;
}

/** One facility's bonus: who is paid, and the amounts by year and part. */
export interface FacilityBonusJson {
  readonly name: string;
  /** Where the facility's row is: the cell of its name (`'Équipements CTG'!A5`). */
  readonly cell: string;
  readonly commune: string;
  readonly insee: string;
  readonly basin: string;
  readonly domain: string;
  readonly kind: string;
  /** Who receives the bonus: the facility's operator (gestionnaire) and its kind. */
  readonly payee: { readonly name: string; readonly kind: string };
  /** One per year of `years` (zero outside the basin's CTG). */
  readonly years: readonly {
    readonly year: number;
    readonly existing: MoneyJson;
    readonly newPlaces: MoneyJson;
    readonly trajectoire: MoneyJson;
    readonly missions: MoneyJson;
    readonly total: MoneyJson;
  }[];
  readonly total: MoneyJson;
}

/** The `bonus` object of `summarize --json`. */
export interface BonusJson {
  /** Every year of either basin's CTG, ascending. */
  readonly years: readonly number[];
  /** Each basin's CTG as planned. */
  readonly ctg: Readonly<Record<string, { readonly startYear: number; readonly duration: number }>>;
  readonly total: MoneyJson;
  readonly byYear: readonly YearAmountJson[];
  /** Per basin (nord, sud) and year. */
  readonly basins: readonly {
    readonly basin: string;
    readonly byYear: readonly YearAmountJson[];
    readonly total: MoneyJson;
  }[];
  readonly facilities: readonly FacilityBonusJson[];
  /** Per commune: the former CEJ it received against the bonus paid on its territory, by CTG year. */
  readonly reconciliation: readonly {
    readonly commune: string;
    readonly insee: string;
    readonly basin: string;
    readonly formerCej: MoneyJson;
    readonly years: readonly {
      readonly year: number;
      readonly bonus: MoneyJson;
      readonly toCommune: MoneyJson;
      readonly toOthers: MoneyJson;
      /** bonus − formerCej. */
      readonly difference: MoneyJson;
    }[];
  }[];
  /** « À moyens constants »: year one's existing-place bonus against the former CEJ, per basin and kind. */
  readonly constantMeans: {
    /** Whether every check holds. */
    readonly ok: boolean;
    readonly checks: readonly {
      readonly basin: string;
      readonly kind: string;
      readonly formerCej: MoneyJson;
      readonly yearOne: MoneyJson;
      readonly difference: MoneyJson;
      readonly ok: boolean;
      readonly floorApplied: boolean;
      readonly upliftApplied: boolean;
    }[];
  };
}

/**
 * An amount as JSON: cents, and euros as a string (`-1250` → `"-12.50"`).
 *
 * @param c - the amount
 * @returns both forms
 */
export function moneyJson(c: Cents): MoneyJson {
  const abs = Math.abs(c);
  const euros = `${c < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return { cents: c, euros };
}

/** The amounts of `byYear`, each with its year. */
function yearAmounts(years: readonly number[], byYear: readonly Cents[]): YearAmountJson[] {
  return years.map((year, i) => ({ year, amount: moneyJson(byYear[i] ?? (0 as Cents)) }));
}

function facilityJson(f: FacilityBonus): FacilityBonusJson {
  const { facility } = f;
  return {
    name: facility.name,
    cell: facility.cells.facility,
    commune: facility.commune,
    insee: facility.insee,
    basin: f.basin,
    domain: facility.domain,
    kind: facility.kind,
    payee: { name: facility.operator, kind: facility.operatorKind },
    years: f.years.map((y) => ({
      year: y.year,
      existing: moneyJson(y.existing),
      newPlaces: moneyJson(y.newPlaces),
      trajectoire: moneyJson(y.trajectoire),
      missions: moneyJson(y.missions),
      total: moneyJson(y.total),
    })),
    total: moneyJson(f.total),
  };
}

function reconciliationJson(plan: BonusPlan): BonusJson["reconciliation"] {
  return plan.reconciliation.map((r) => ({
    commune: r.commune,
    insee: r.insee,
    basin: r.basin,
    formerCej: moneyJson(r.formerCej),
    years: r.years.map((y) => ({
      year: y.year,
      bonus: moneyJson(y.bonus),
      toCommune: moneyJson(y.toCommune),
      toOthers: moneyJson(y.toOthers),
      difference: moneyJson(y.difference),
    })),
  }));
}

function constantMeansJson(plan: BonusPlan): BonusJson["constantMeans"] {
  return {
    ok: plan.constantMeans.every((c) => c.ok),
    checks: plan.constantMeans.map((c) => ({
      basin: c.basin,
      kind: c.kind,
      formerCej: moneyJson(c.formerCej),
      yearOne: moneyJson(c.yearOne),
      difference: moneyJson(c.difference),
      ok: c.ok,
      floorApplied: c.floorApplied,
      upliftApplied: c.upliftApplied,
    })),
  };
}

/**
 * The bonus territoire plan as JSON.
 *
 * @param plan - the engine's bonus plan, or null when the workbook has no facilities table
 * @returns the JSON object, or null
 */
export function bonusToJson(plan: BonusPlan | null): BonusJson | null {
  if (plan === null) return null;
  return {
    years: plan.years,
    ctg: Object.fromEntries(Object.entries(plan.params.ctg).map(([b, c]) => [b, { ...c }])),
    total: moneyJson(plan.total),
    byYear: yearAmounts(plan.years, plan.byYear),
    basins: plan.byBasin.map((b) => ({
      basin: b.key,
      byYear: yearAmounts(plan.years, b.byYear),
      total: moneyJson(b.total),
    })),
    facilities: plan.facilities.map(facilityJson),
    reconciliation: reconciliationJson(plan),
    constantMeans: constantMeansJson(plan),
  };
}
