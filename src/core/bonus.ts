import { checkBonusParams, ctgYears, type BonusParams, type TrajectoireStep } from "./bonus-params";
import { addCents, allocate, applyRate, cents, divRoundHalfAwayFromZero, subCents, sumCents } from "./money";
import type {
  Basin,
  BonusKind,
  BonusUnit,
  Cents,
  Commune,
  Facility,
  Hundredths,
  Issue,
  OperatorKind,
  Rate,
  YearMonth,
} from "./types";
import { BASINS, BONUS_KINDS, OPERATOR_KINDS } from "./types";

/** One facility's bonus in one year, by part; `total` is the sum of the parts. */
export interface BonusYear {
  readonly year: number;
  /** Existing capacity: its share of the smoothed (floored, uplifted) pool, or an RPE's flat amount. */
  readonly existing: Cents;
  /** New EAJE places (pro rata in the opening year). */
  readonly newPlaces: Cents;
  /** Bonus trajectoire (EAJE). */
  readonly trajectoire: Cents;
  /** Missions renforcées (RPE). */
  readonly missions: Cents;
  readonly total: Cents;
}

/** One facility's plan: one entry per year of `BonusPlan.years` (zero outside its basin's CTG). */
export interface FacilityBonus {
  readonly facility: Facility;
  /** The basin used: the reference's basin of the facility's commune. */
  readonly basin: Basin;
  readonly years: readonly BonusYear[];
  readonly total: Cents;
}

/** The smoothed rate of one basin and kind. */
export interface SmoothedRate {
  readonly basin: Basin;
  readonly kind: BonusKind;
  readonly unit: BonusUnit;
  /** Σ former CEJ of the basin's facilities of this kind. */
  readonly formerCej: Cents;
  /** Σ existing capacity. */
  readonly capacity: Hundredths;
  /** ROUND(formerCej / capacity, 2) per place (unit) and year; 0 when there is no capacity. */
  readonly rate: Cents;
  readonly floor: Cents;
  /** Whether the floor is above the rate, so that the pool is capacity × floor. */
  readonly floorApplied: boolean;
  /** What the facilities share before any uplift: formerCej, or ROUND(capacity × floor, 2). */
  readonly pool: Cents;
}

/** The growth of one basin's EAJE places and the trajectoire step it reaches. */
export interface TrajectoireResult {
  readonly basin: Basin;
  readonly basePlaces: Hundredths;
  readonly targetPlaces: Hundredths;
  /** The step reached, or null. */
  readonly step: TrajectoireStep | null;
}

/** A total by some key, by year. */
export interface BonusTotal<K extends string> {
  readonly key: K;
  /** One per year of `BonusPlan.years`. */
  readonly byYear: readonly Cents[];
  readonly total: Cents;
}

/** One year of a commune's reconciliation. */
export interface ReconciliationYear {
  readonly year: number;
  /** Bonus paid to all operators on the commune's territory. */
  readonly bonus: Cents;
  /** Of which, to the commune itself or its CCAS. */
  readonly toCommune: Cents;
  /** Of which, to other operators (associations, private, others). */
  readonly toOthers: Cents;
  /** bonus − formerCej. */
  readonly difference: Cents;
}

/** What a commune received under its CEJ against what is paid on its territory now, by CTG year. */
export interface Reconciliation {
  readonly commune: string;
  readonly insee: string;
  readonly basin: Basin;
  /** Σ former CEJ of the facilities on its territory (the CEJ was paid to the commune). */
  readonly formerCej: Cents;
  /** One per year of the basin's CTG. */
  readonly years: readonly ReconciliationYear[];
}

/** The « à moyens constants » check of one basin and kind. */
export interface ConstantMeansCheck {
  readonly basin: Basin;
  readonly kind: BonusKind;
  readonly formerCej: Cents;
  /** Existing-capacity bonus of the basin's first CTG year. */
  readonly yearOne: Cents;
  /** yearOne − formerCej. */
  readonly difference: Cents;
  readonly ok: boolean;
  /** Why it may differ: the floor raised the rate, or an uplift applies in year one. */
  readonly floorApplied: boolean;
  readonly upliftApplied: boolean;
}

/** The bonus territoire plan. */
export interface BonusPlan {
  readonly params: BonusParams;
  /** Every year of either basin's CTG, ascending. */
  readonly years: readonly number[];
  readonly rates: readonly SmoothedRate[];
  readonly trajectoire: readonly TrajectoireResult[];
  /** In the order given. */
  readonly facilities: readonly FacilityBonus[];
  readonly byBasin: readonly BonusTotal<Basin>[];
  /** By INSEE code, communes with facilities, in order of first facility. */
  readonly byCommune: readonly BonusTotal<string>[];
  /** By domain as written, in order of first appearance. */
  readonly byDomain: readonly BonusTotal<string>[];
  readonly byOperatorKind: readonly BonusTotal<OperatorKind>[];
  readonly byKind: readonly BonusTotal<BonusKind>[];
  readonly byYear: readonly Cents[];
  readonly total: Cents;
  readonly reconciliation: readonly Reconciliation[];
  readonly constantMeans: readonly ConstantMeansCheck[];
  readonly issues: readonly Issue[];
}

const ZERO = cents(0);

/**
 * The smoothed rate: Σ former CEJ ÷ Σ existing capacity, per place (unit) and year, rounded to the
 * cent half away from zero (Excel's ROUND). 300 000 € over 150 places: 2 000 €.
 *
 * @param formerCej - Σ former CEJ of one basin and kind
 * @param capacity - Σ existing capacity, in hundredths
 * @returns the amount per place, or 0 when there is no capacity
 */
export function smoothedRate(formerCej: Cents, capacity: Hundredths): Cents {
  if (capacity === 0) return ZERO;
  return cents(Number(divRoundHalfAwayFromZero(BigInt(formerCej) * 100n, BigInt(capacity))));
}

/**
 * ROUND(quantity × amount per unit × twelfths / 12, 2): what a quantity earns in a year, or in part of
 * one. 12 places at 3 600 €: 43 200 €; from September (4/12): 14 400 €.
 *
 * @param quantity - places (units), in hundredths
 * @param perUnit - amount per place and year
 * @param twelfths - twelfths of the year, 0 to 12 (12: the whole year)
 * @returns the amount
 */
export function quantityAmount(quantity: Hundredths, perUnit: Cents, twelfths = 12): Cents {
  return cents(
    Number(divRoundHalfAwayFromZero(BigInt(quantity) * BigInt(perUnit) * BigInt(twelfths), 1200n)),
  );
}

/**
 * The pool of one basin and kind before uplift: the former CEJ, or capacity × floor when the floor is
 * above the smoothed rate (the floor raises the bonus above the former CEJ).
 *
 * @param formerCej - Σ former CEJ
 * @param capacity - Σ existing capacity, in hundredths
 * @param floor - floor per place and year (0: none)
 * @returns the rate, whether the floor applies, and the pool
 */
export function smoothedPool(
  formerCej: Cents,
  capacity: Hundredths,
  floor: Cents,
): { rate: Cents; floorApplied: boolean; pool: Cents } {
  const r = smoothedRate(formerCej, capacity);
  const floorApplied = capacity > 0 && r < floor;
  return { rate: r, floorApplied, pool: floorApplied ? quantityAmount(capacity, floor) : formerCej };
}

/**
 * An amount after the uplifts of the years up to `year`, compounded, each rounded to the cent:
 * 100 000 € with +2 % in 2025 and 2026 is 102 000 € in 2025, 104 040 € from 2026.
 *
 * @param amount - the amount before any uplift
 * @param year - the year paid
 * @param uplifts - the uplifts, any order
 * @returns the uplifted amount
 */
export function upliftedAmount(
  amount: Cents,
  year: number,
  uplifts: readonly { year: number; rate: Rate }[],
): Cents {
  return [...uplifts]
    .filter((u) => u.year <= year)
    .sort((a, b) => a.year - b.year)
    .reduce((acc, u) => addCents(acc, applyRate(acc, u.rate)), amount);
}

/**
 * Twelfths of `year` during which places opened in `opening` count: 0 before the opening year, 12
 * after; in the opening year, with `months`, the months left counting the opening month
 * (September: 4), with `full-year`, 12.
 *
 * @param opening - when the places open
 * @param year - the year paid
 * @param rule - the pro-rating rule
 * @returns 0 to 12
 */
export function openingTwelfths(opening: YearMonth, year: number, rule: BonusParams["proRata"]): number {
  if (year < opening.year) return 0;
  if (year > opening.year || rule === "full-year") return 12;
  return 13 - opening.month;
}

/**
 * The rate of a facility's new places that are not reserved: the top rate in a QPV or a ZRR, else the
 * rate of the CUCM's tranche.
 *
 * @param facility - the facility
 * @param params - the parameters
 * @returns the amount per new place and year
 */
export function newPlaceRate(facility: Facility, params: BonusParams): Cents {
  if (facility.priorityArea) return params.priorityAreaRate;
  return params.newPlaceRates[params.tranche - 1] ?? ZERO;
}

/**
 * New EAJE places' bonus in a year: reserved places at the reserved rate, the others at
 * {@link newPlaceRate}, each pro rata in the opening year.
 *
 * @param facility - the facility
 * @param year - the year paid
 * @param params - the parameters
 * @returns the amount
 */
export function newPlacesAmount(facility: Facility, year: number, params: BonusParams): Cents {
  if (facility.kind !== "eaje" || facility.opening === null || facility.newPlaces === 0) return ZERO;
  const twelfths = openingTwelfths(facility.opening, year, params.proRata);
  const others = (facility.newPlaces - facility.reservedPlaces) as Hundredths;
  return addCents(
    quantityAmount(others, newPlaceRate(facility, params), twelfths),
    quantityAmount(facility.reservedPlaces, params.reservedPlaceRate, twelfths),
  );
}

/**
 * A facility's EAJE places at the end of a year: its capacity, plus its new places once opened.
 *
 * @param facility - the facility
 * @param year - the year
 * @returns the places, in hundredths
 */
export function placesAtYearEnd(facility: Facility, year: number): Hundredths {
  const opened = facility.opening !== null && facility.opening.year <= year;
  return (facility.capacity + (opened ? facility.newPlaces : 0)) as Hundredths;
}

/**
 * The trajectoire step reached: the one with the highest threshold such that
 * (target − base) / base ≥ threshold, compared exactly. 150 → 168 places is +12 %: the 12 % step.
 *
 * @param base - places in the base year, in hundredths
 * @param target - places in the target year, in hundredths
 * @param steps - the steps, any order
 * @returns the step, or null when none is reached or there is no base
 */
export function trajectoireStep(
  base: Hundredths,
  target: Hundredths,
  steps: readonly TrajectoireStep[],
): TrajectoireStep | null {
  if (base <= 0) return null;
  const growth = BigInt(target - base) * 1_000_000n;
  let best: TrajectoireStep | null = null;
  for (const s of steps) {
    if (growth >= BigInt(s.threshold) * BigInt(base) && (best === null || s.threshold > best.threshold))
      best = s;
  }
  return best;
}

/**
 * A facility's bonus trajectoire in a year: its places (new ones pro rata in their opening year) ×
 * the step's amount, from the first year it is paid. 168 places at 300 €: 50 400 €.
 *
 * @param facility - the facility
 * @param year - the year paid
 * @param step - the step its basin reached, or null
 * @param params - the parameters
 * @returns the amount
 */
export function trajectoireAmount(
  facility: Facility,
  year: number,
  step: TrajectoireStep | null,
  params: BonusParams,
): Cents {
  if (step === null || facility.kind !== "eaje" || year < params.trajectoireFirstYear) return ZERO;
  const twelfths = facility.opening === null ? 0 : openingTwelfths(facility.opening, year, params.proRata);
  // capacity × 12/12 + new × twelfths/12, in 1/1200 of a place, then one rounding.
  const placeTwelfths = BigInt(facility.capacity) * 12n + BigInt(facility.newPlaces) * BigInt(twelfths);
  return cents(Number(divRoundHalfAwayFromZero(placeTwelfths * BigInt(step.perPlace), 1200n)));
}

/**
 * An RPE's flat amount per year: the parameter when given, else its own former CEJ.
 *
 * @param facility - an RPE
 * @param params - the parameters
 * @returns the amount
 */
export function rpeFlatAmount(facility: Facility, params: BonusParams): Cents {
  return params.rpeFlat ?? facility.formerCej;
}

/**
 * An RPE's missions renforcées per year: missions × the amount per mission (2 × 3 229 € = 6 458 €).
 *
 * @param facility - the facility
 * @param params - the parameters
 * @returns the amount (0 for other kinds)
 */
export function missionsAmount(facility: Facility, params: BonusParams): Cents {
  return facility.kind === "rpe" ? cents(facility.missions * params.rpeMission) : ZERO;
}

/** Adds amounts into a per-year total. */
function addInto(target: Cents[], amounts: readonly Cents[]): void {
  amounts.forEach((a, i) => (target[i] = addCents(target[i] ?? ZERO, a)));
}

/** Totals by key, keys in first-seen order (or the given order, keeping only keys with facilities). */
function totalsBy<K extends string>(
  items: readonly FacilityBonus[],
  keyOf: (f: FacilityBonus) => K,
  yearCount: number,
  order?: readonly K[],
): BonusTotal<K>[] {
  const map = new Map<K, Cents[]>();
  for (const k of order ?? []) map.set(k, Array<Cents>(yearCount).fill(ZERO));
  for (const f of items) {
    const k = keyOf(f);
    const row = map.get(k) ?? Array<Cents>(yearCount).fill(ZERO);
    addInto(
      row,
      f.years.map((y) => y.total),
    );
    map.set(k, row);
  }
  const used = new Set(items.map(keyOf));
  return [...map.entries()]
    .filter(([k]) => used.has(k))
    .map(([key, byYear]) => ({ key, byYear, total: sumCents(byYear) }));
}

/**
 * The bonus territoire plan: per facility and year, existing capacity's share of its basin and
 * kind's smoothed pool (floored, uplifted; an RPE's flat amount), new places (pro rata in the opening
 * year), the trajectoire when its basin reaches a step, and an RPE's missions renforcées; then the
 * totals, the reconciliation per commune and the « à moyens constants » check.
 *
 * Each basin and kind's pool is split between its facilities by capacity with `allocate` (reading
 * order: every facility but the last rounded, the last takes the rest), so the existing parts foot
 * to the pool to the cent. A basin and kind with former CEJ but no capacity cannot be smoothed: an
 * error (`bonus-no-places`) and no existing bonus for it.
 *
 * @param facilities - the facilities read (with no error)
 * @param communes - the reference used: it gives each facility's basin (a scenario may move communes)
 * @param params - the parameters
 * @returns the plan
 * @throws RangeError when the parameters are not valid (see checkBonusParams)
 */
export function computeBonusPlan(
  facilities: readonly Facility[],
  communes: readonly Commune[],
  params: BonusParams,
): BonusPlan {
  checkBonusParams(params);
  const basinOfInsee = new Map(communes.map((c) => [c.insee, c.basin]));
  const basinOf = (f: Facility): Basin => basinOfInsee.get(f.insee) ?? f.basin;
  const yearsOfBasin = (b: Basin): number[] => ctgYears(params.ctg[b]);
  const years = [...new Set(BASINS.flatMap(yearsOfBasin))].sort((a, b) => a - b);
  const issues: Issue[] = [];
  const { rates, shares } = smoothedPools(facilities, basinOf, params, issues);
  const trajectoire = trajectoires(facilities, basinOf, params);
  const existingAmount = existingAmounts(shares, params);
  const planned: FacilityBonus[] = facilities.map((facility) => {
    const basin = basinOf(facility);
    const own = new Set(yearsOfBasin(basin));
    const step = trajectoire.find((t) => t.basin === basin)?.step ?? null;
    const byYear: BonusYear[] = years.map((year) => {
      if (!own.has(year))
        return { year, existing: ZERO, newPlaces: ZERO, trajectoire: ZERO, missions: ZERO, total: ZERO };
      const parts = {
        existing: existingAmount(facility, basin, year),
        newPlaces: newPlacesAmount(facility, year, params),
        trajectoire: trajectoireAmount(facility, year, step, params),
        missions: missionsAmount(facility, params),
      };
      return { year, ...parts, total: sumCents(Object.values(parts)) };
    });
    return { facility, basin, years: byYear, total: sumCents(byYear.map((y) => y.total)) };
  });
  const n = years.length;
  const byYear = Array<Cents>(n).fill(ZERO);
  for (const f of planned)
    addInto(
      byYear,
      f.years.map((y) => y.total),
    );
  return {
    params,
    years,
    rates,
    trajectoire,
    facilities: planned,
    byBasin: totalsBy(planned, (f) => f.basin, n, BASINS),
    byCommune: totalsBy(planned, (f) => f.facility.insee, n),
    byDomain: totalsBy(planned, (f) => f.facility.domain, n),
    byOperatorKind: totalsBy(planned, (f) => f.facility.operatorKind, n, OPERATOR_KINDS),
    byKind: totalsBy(planned, (f) => f.facility.kind, n, BONUS_KINDS),
    byYear,
    total: sumCents(byYear),
    reconciliation: reconcile(planned, years, yearsOfBasin),
    constantMeans: checkConstantMeans(planned, years, params, rates),
    issues,
  };
}

/** A facility's part of its basin and kind's smoothed pool: the pool, its weight's index, the facilities sharing it. */
interface PoolShare {
  readonly pool: Cents;
  readonly weightIndex: number;
  readonly group: readonly Facility[];
}

/**
 * The smoothed pools, per basin and kind (not RPE: flat), and each facility's share of its pool; a
 * pool with no capacity is an error, a rate raised to its floor a warning.
 */
function smoothedPools(
  facilities: readonly Facility[],
  basinOf: (f: Facility) => Basin,
  params: BonusParams,
  issues: Issue[],
): { rates: SmoothedRate[]; shares: Map<Facility, PoolShare> } {
  const rates: SmoothedRate[] = [];
  const shares = new Map<Facility, PoolShare>();
  for (const basin of BASINS) {
    for (const kind of BONUS_KINDS) {
      const group = facilities.filter((f) => basinOf(f) === basin && f.kind === kind);
      const first = group[0];
      if (first === undefined || kind === "rpe") continue;
      const formerCej = sumCents(group.map((f) => f.formerCej));
      const capacity = group.reduce((s, f) => s + f.capacity, 0) as Hundredths;
      const floor = params.floor[kind];
      const { rate, floorApplied, pool } = smoothedPool(formerCej, capacity, floor);
      rates.push({ basin, kind, unit: first.unit, formerCej, capacity, rate, floor, floorApplied, pool });
      if (capacity === 0) {
        if (formerCej !== 0)
          issues.push({
            code: "bonus-no-places",
            severity: "error",
            cell: first.cells.capacity,
            related: group.map((f) => f.cells.formerCej),
            data: { basin, kind, amount: formerCej },
          });
        continue;
      }
      if (floorApplied)
        issues.push({
          code: "bonus-floor-applied",
          severity: "warning",
          cell: first.cells.formerCej,
          data: { basin, kind, rate, floor },
        });
      // Only facilities with capacity share the pool: a new facility (capacity 0) placed last would
      // otherwise take the others' rounding (1 + 1 + 1 − 1 for 2 cents over three places).
      const sharing = group.filter((f) => f.capacity > 0);
      sharing.forEach((f, i) => shares.set(f, { pool, weightIndex: i, group: sharing }));
    }
  }
  return { rates, shares };
}

/** Trajectoire, per basin (EAJE places at the end of the base and target years). */
function trajectoires(
  facilities: readonly Facility[],
  basinOf: (f: Facility) => Basin,
  params: BonusParams,
): TrajectoireResult[] {
  return BASINS.map((basin) => {
    const eaje = facilities.filter((f) => basinOf(f) === basin && f.kind === "eaje");
    const sum = (y: number): Hundredths => eaje.reduce((s, f) => s + placesAtYearEnd(f, y), 0) as Hundredths;
    const basePlaces = sum(params.trajectoireBaseYear);
    const targetPlaces = sum(params.trajectoireTargetYear);
    return {
      basin,
      basePlaces,
      targetPlaces,
      step: trajectoireStep(basePlaces, targetPlaces, params.trajectoire),
    };
  });
}

/** A facility's existing bonus in a year: RPE flat, others their share of the pool (computed once per pool and year). */
function existingAmounts(
  shares: ReadonlyMap<Facility, PoolShare>,
  params: BonusParams,
): (f: Facility, basin: Basin, year: number) => Cents {
  const shareCache = new Map<string, Cents[]>();
  return (f, basin, year) => {
    if (f.kind === "rpe") return rpeFlatAmount(f, params);
    const share = shares.get(f);
    if (share === undefined) return ZERO;
    const key = `${basin}|${f.kind}|${year}`;
    let parts = shareCache.get(key);
    if (parts === undefined) {
      const pool = params.upliftKinds.includes(f.kind)
        ? upliftedAmount(share.pool, year, params.uplifts)
        : share.pool;
      parts = allocate(
        pool,
        share.group.map((g) => g.capacity),
      );
      shareCache.set(key, parts);
    }
    return parts[share.weightIndex] ?? ZERO;
  };
}

/**
 * Per commune: the former CEJ it received (Σ over the facilities on its territory) against the bonus
 * now paid to their operators, by year of its basin's CTG; difference = bonus − former CEJ.
 *
 * @param planned - the facilities' plans
 * @param years - the plan's years
 * @param yearsOfBasin - each basin's CTG years
 * @returns one reconciliation per commune, in order of first facility
 */
export function reconcile(
  planned: readonly FacilityBonus[],
  years: readonly number[],
  yearsOfBasin: (b: Basin) => readonly number[],
): Reconciliation[] {
  const byInsee = new Map<string, FacilityBonus[]>();
  for (const f of planned) byInsee.set(f.facility.insee, [...(byInsee.get(f.facility.insee) ?? []), f]);
  return [...byInsee.values()].map((group) => {
    const head = group[0] as FacilityBonus;
    const formerCej = sumCents(group.map((f) => f.facility.formerCej));
    const own = yearsOfBasin(head.basin);
    return {
      commune: head.facility.commune,
      insee: head.facility.insee,
      basin: head.basin,
      formerCej,
      years: own.map((year) => {
        const i = years.indexOf(year);
        const amountOf = (keep: (f: FacilityBonus) => boolean): Cents =>
          sumCents(group.filter(keep).map((f) => f.years[i]?.total ?? ZERO));
        const isCommune = (f: FacilityBonus): boolean =>
          f.facility.operatorKind === "commune" || f.facility.operatorKind === "ccas";
        const toCommune = amountOf(isCommune);
        const toOthers = amountOf((f) => !isCommune(f));
        const bonus = addCents(toCommune, toOthers);
        return { year, bonus, toCommune, toOthers, difference: subCents(bonus, formerCej) };
      }),
    };
  });
}

/**
 * The « à moyens constants » check: per basin and kind, the existing-capacity bonus of the basin's
 * first CTG year against the former CEJ, to the cent. It holds by construction unless a floor or a
 * year-one uplift raises the bonus (flagged), or a pool could not be smoothed.
 *
 * @param planned - the facilities' plans
 * @param years - the plan's years
 * @param params - the parameters
 * @param rates - the smoothed rates
 * @returns one check per basin and kind with facilities
 */
export function checkConstantMeans(
  planned: readonly FacilityBonus[],
  years: readonly number[],
  params: BonusParams,
  rates: readonly SmoothedRate[],
): ConstantMeansCheck[] {
  const checks: ConstantMeansCheck[] = [];
  for (const basin of BASINS) {
    const start = params.ctg[basin].startYear;
    const i = years.indexOf(start);
    for (const kind of BONUS_KINDS) {
      const group = planned.filter((f) => f.basin === basin && f.facility.kind === kind);
      if (group.length === 0) continue;
      const formerCej = sumCents(group.map((f) => f.facility.formerCej));
      const yearOne = sumCents(group.map((f) => f.years[i]?.existing ?? ZERO));
      const difference = subCents(yearOne, formerCej);
      const upliftApplied =
        params.upliftKinds.includes(kind) && params.uplifts.some((u) => u.year <= start && u.rate !== 0);
      checks.push({
        basin,
        kind,
        formerCej,
        yearOne,
        difference,
        ok: difference === 0,
        floorApplied: rates.some((r) => r.basin === basin && r.kind === kind && r.floorApplied),
        upliftApplied,
      });
    }
  }
  return checks;
}
