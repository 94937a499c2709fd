/**
 * The plan: CEJ totals per commune, basin, domain and year, the engineering mission's funding
 * (Caf part, CUCM part, VAT) and its split between the two basins. Exact to the cent.
 */

import { normalizeName } from "./communes";
import { columnsOfRows } from "./funding-columns";
import { addCents, allocate, applyRate, cents, subCents, sumCents } from "./money";
import type { PlanParamName } from "./params";
import type {
  AllocationKey,
  Basin,
  BasinPlan,
  Cents,
  Commune,
  CommuneTotal,
  Engineering,
  EngineeringSplit,
  FundingColumns,
  FundingRow,
  FundingRowShape,
  Issue,
  Plan,
  PlanParams,
} from "./types";
import { BASINS } from "./types";

/** Options of {@link computePlan}. */
export interface PlanOptions {
  /**
   * Where each parameter came from (`'Paramètres CTG'!B4`, `--cost`), for the issues of the plan.
   * A parameter without a cell is named by its parameter name (`costHT`, `key`…).
   */
  readonly cells?: Partial<Record<PlanParamName, string>>;
}

/** The label under which rows without a domain are totalled when other rows have one. */
export const NO_DOMAIN = "";

const ZERO = cents(0);

/** One commune's totals once the rows are gathered. */
interface CommuneAcc {
  /** Its index among the communes, in order of first appearance. */
  index: number;
  readonly name: string;
  readonly insee: string | null;
  basinGiven: Basin | null;
  rowCount: number;
  /** Index of its row of lowest sheet row (the first of them when several share it). */
  first: number;
  total: number;
  /** Totals by domain slot and by year slot (order of first appearance). */
  byDomain: ArrayLike<number>;
  byYear: ArrayLike<number>;
}

function newAcc(name: string, insee: string | null, first: number): CommuneAcc {
  return { index: -1, name, insee, basinGiven: null, rowCount: 0, first, total: 0, byDomain: [], byYear: [] };
}

/**
 * The engineering split of one amount set: HT part funded by the CUCM, TTC cost, TTC part of the CUCM.
 *
 * @param costHT - cost HT
 * @param caf - the Caf's part
 * @param vat - the VAT on the cost
 * @returns the full split
 */
function split(costHT: Cents, caf: Cents, vat: Cents): EngineeringSplit {
  const costTTC = addCents(costHT, vat);
  return { costHT, caf, vat, cuHT: subCents(costHT, caf), costTTC, cuTTC: subCents(costTTC, caf) };
}

/** Sum of an integer list, kept exact as a number (populations and counts are small). */
function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * Computes the plan from checked funding rows, exact to the cent.
 *
 * **Totals.** Rows are grouped by commune: by INSEE code when matched, else by the name as given
 * (compared like the reader compares names: case, accents and punctuation ignored; the first row's
 * spelling is shown). `total` is the sum of every row; `fundedCommunes` the number of communes with
 * rows; `rowCount` the number of rows.
 *
 * **Domains and years.** `domains` lists the distinct domains in order of first appearance;
 * it is empty when no row has a domain (no domain column). When some rows have one and others not,
 * those without are totalled under the label {@link NO_DOMAIN} (`""`), placed where the first of them
 * appears, so that Σ domainTotals = total. `years` lists the distinct years ascending; rows without a
 * year (which the reader never gives when the table has a year column) are in no year column.
 *
 * **Basins.** A commune's effective basin is the basin its rows give (the first row that gives one),
 * else the reference's. `communesReference` is the reference with those basins applied (and
 * `basinConfirmed: true` for a commune whose rows state its basin); a basin's `communes` and
 * `population` count the reference communes of that effective reference, and its `cejTotal` the
 * totals of every commune of that basin, communes outside the reference included.
 *
 * **Engineering.** eligible = min(cost, cap); eligibleTTC = eligible + ROUND(eligible × vatRate, 2);
 * caf = ROUND(base × cafRate, 2) where base is eligible (`cafBase` `ht`) or eligibleTTC (`ttc`);
 * vat = ROUND(cost × vatRate, 2); cuHT = cost − caf; costTTC = cost + vat; cuTTC = costTTC − caf.
 * A cost above the cap is a `cost-above-cap` warning with `data: { cost, cap }` in cents.
 *
 * **Basin split.** Weights by key: `cej` = basin CEJ totals in cents, `population` = population of
 * its reference communes, `communes` = their number, `equal` = 1 each. Cost, caf and VAT are split
 * with `allocate` in the order nord, sud (nord rounded, sud takes the rest); each basin's cuHT,
 * costTTC and cuTTC follow from its parts, so every column of the basins adds up to the mission's.
 * When the weights sum to zero, a `key-sum-zero` error (`data: { key }`) is raised and the basins'
 * engineering is all zero.
 *
 * **Negative totals.** A commune whose total is negative is a `commune-total-negative` error on the
 * amount cell of its first row (lowest sheet row), with `data: { commune, total }` (total in cents).
 * With the `cej` key a negative basin total can only come from such a commune: the key is then
 * unusable, the basins' engineering is all zero and no further issue is raised (the commune's error
 * already says what to fix).
 *
 * @param rows - the funding rows, as the reader gives them
 * @param params - the parameters of the plan
 * @param communes - the reference communes the rows were read against
 * @param options - the cells of the parameters, for issues
 * @returns the plan, with its own issues
 * @throws RangeError when a row names an INSEE code missing from `communes`, or a commune outside the
 *   reference has no basin on any row (the reader never gives either), or an amount leaves ±2^51 cents
 */
export function computePlan(
  rows: readonly FundingRow[],
  params: PlanParams,
  communes: readonly Commune[],
  options: PlanOptions = {},
): Plan {
  return computePlanFromColumns(columnsOfRows(rows), params, communes, options);
}

/**
 * {@link computePlan} of rows given as columns (the reader's: `fundingColumns(read)`), with no object
 * per row.
 *
 * @param columns - the funding rows, as columns
 * @param params - the parameters of the plan
 * @param communes - the reference communes the rows were read against
 * @param options - the cells of the parameters, for issues
 * @returns the plan, with its own issues
 * @throws RangeError as computePlan does
 */
export function computePlanFromColumns(
  columns: FundingColumns,
  params: PlanParams,
  communes: readonly Commune[],
  options: PlanOptions = {},
): Plan {
  const cellOf = (p: PlanParamName): string => options.cells?.[p] ?? p;
  const gathered = gatherRows(columns, communes);
  const communesReference = effectiveReference(communes, gathered.byInsee);
  const issues: Issue[] = [];
  const communeTotals = communeTotalsOf(gathered, communesReference, columns, issues);
  const { domains, years } = gathered;
  const domainTotals = domains.map((_, i) => sumCents(communeTotals.map((c) => c.byDomain[i] ?? ZERO)));
  const yearTotals = years.map((_, i) => sumCents(communeTotals.map((c) => c.byYear[i] ?? ZERO)));
  const total = sumCents(communeTotals.map((c) => c.total));
  const engineering = engineeringOf(params);
  if (params.costHT > params.capHT) {
    issues.push({
      code: "cost-above-cap",
      severity: "warning",
      cell: cellOf("costHT"),
      related: [cellOf("capHT")],
      data: { cost: params.costHT, cap: params.capHT },
    });
  }
  const basins = basinsOf(communesReference, communeTotals, engineering, params.key, cellOf, issues);
  return {
    params,
    communesReference,
    communes: communeTotals,
    basins,
    domains,
    domainTotals,
    years,
    yearTotals,
    total,
    fundedCommunes: communeTotals.length,
    rowCount: columns.length,
    engineering,
    issues,
  };
}

/** The rows gathered by commune, with the domains and years met. */
interface Gathered {
  /** The communes, in order of first appearance. */
  readonly groups: readonly CommuneAcc[];
  /** The communes of the reference, by INSEE code. */
  readonly byInsee: ReadonlyMap<string, CommuneAcc>;
  /** Distinct domains in order of first appearance (empty when no row has one). */
  readonly domains: string[];
  /** Distinct years, ascending, and the slot of each in the communes' `byYear`. */
  readonly years: number[];
  readonly yearSlots: number[];
}

/**
 * Groups rows by commune, and totals each commune by domain (in order of first appearance) and by
 * year (in order of first appearance here, ascending in the result), adding in the order of the rows.
 * What a row's shape gives (its commune, domain and year slots) is worked out at the shape's first row,
 * in a first pass; the second adds the amounts up in typed arrays, with no object per row.
 */
function gatherRows(columns: FundingColumns, communes: readonly Commune[]): Gathered {
  const slots = new ShapeSlots(columns, communes);
  const { length, shape } = columns;
  const groupOfShape = slots.group;
  for (let i = 0; i < length; i += 1) {
    const code = shape[i] ?? 0;
    if ((groupOfShape[code] ?? -1) < 0) slots.meet(i, code);
  }
  const groups = slots.groupOf.groups;
  addRows(columns, slots, groups);
  const { domains } = slots;
  if (!slots.hasDomain) domains.length = 0;
  const years = [...slots.yearsSeen].sort((a, b) => a - b);
  const yearSlots = years.map((y) => slots.yearSlot.get(y) ?? 0);
  return { groups, byInsee: slots.groupOf.byInsee, domains, years, yearSlots };
}

/** What each shape of the rows gives: its commune's group, its domain slot and its year slot. */
class ShapeSlots {
  readonly groupOf: CommuneGroups;
  readonly group: Int32Array;
  readonly domain: Int32Array;
  readonly year: Int32Array;
  readonly domains: string[] = [];
  readonly domainSlot = new Map<string, number>();
  readonly yearsSeen: number[] = [];
  readonly yearSlot = new Map<number, number>();
  hasDomain = false;

  constructor(
    private readonly columns: FundingColumns,
    communes: readonly Commune[],
  ) {
    this.groupOf = new CommuneGroups(columns, communes);
    const n = columns.shapes.length;
    this.group = new Int32Array(n).fill(-1);
    this.domain = new Int32Array(n);
    this.year = new Int32Array(n);
  }

  /**
   * Works out a shape at its first row.
   *
   * @param i - the row
   * @param code - its shape's index
   */
  meet(i: number, code: number): void {
    const s = this.columns.shapes[code];
    if (s === undefined) throw new RangeError(`no shape for row ${i}`);
    const g = this.groupOf.find(i, s);
    this.group[code] = g;
    const acc = this.groupOf.groups[g];
    if (acc !== undefined && acc.basinGiven === null) acc.basinGiven = s.basinGiven;
    if (s.domain !== null) this.hasDomain = true;
    this.domain[code] = slotOf(this.domainSlot, this.domains, s.domain ?? NO_DOMAIN);
    this.year[code] = s.year === null ? -1 : slotOf(this.yearSlot, this.yearsSeen, s.year);
  }
}

/** Adds every row's amount to its commune's totals, in the order of the rows. */
function addRows(columns: FundingColumns, slots: ShapeSlots, groups: readonly CommuneAcc[]): void {
  const g = groups.length;
  const nd = slots.domains.length;
  const ny = slots.yearsSeen.length;
  const total = new Float64Array(g);
  const rowCount = new Float64Array(g);
  const byDomain = new Float64Array(g * nd);
  const byYear = new Float64Array(g * ny);
  const { length, amount, shape } = columns;
  const { group, domain, year } = slots;
  for (let i = 0; i < length; i += 1) {
    const code = shape[i] ?? 0;
    const k = group[code] ?? 0;
    rowCount[k] = (rowCount[k] ?? 0) + 1;
    const cents = amount[i] ?? 0;
    total[k] = (total[k] ?? 0) + cents;
    const d = k * nd + (domain[code] ?? 0);
    byDomain[d] = (byDomain[d] ?? 0) + cents;
    const yi = year[code] ?? -1;
    if (yi >= 0) byYear[k * ny + yi] = (byYear[k * ny + yi] ?? 0) + cents;
  }
  // A commune's first row is its first in order, unless the rows are not in the order of the sheet.
  const first = Int32Array.from(groups, (acc) => acc.first);
  if (!columns.inSheetOrder) {
    for (let i = 0; i < length; i += 1) {
      const k = group[shape[i] ?? 0] ?? 0;
      if (columns.sheetRow(i) < columns.sheetRow(first[k] ?? 0)) first[k] = i;
    }
  }
  groups.forEach((acc, k) => {
    acc.rowCount = rowCount[k] ?? 0;
    acc.first = first[k] ?? 0;
    acc.total = total[k] ?? 0;
    acc.byDomain = byDomain.subarray(k * nd, (k + 1) * nd);
    acc.byYear = byYear.subarray(k * ny, (k + 1) * ny);
  });
}

/** The slot of a value in a list of distinct values, added at the end when new. */
function slotOf<T>(slots: Map<T, number>, values: T[], value: T): number {
  let slot = slots.get(value);
  if (slot === undefined) {
    slot = values.length;
    values.push(value);
    slots.set(value, slot);
  }
  return slot;
}

/**
 * The commune totals of the rows: by INSEE code when matched, else by the name as given (compared
 * like the reader compares names; the first row's spelling is kept).
 */
class CommuneGroups {
  readonly groups: CommuneAcc[] = [];
  readonly byInsee = new Map<string, CommuneAcc>();
  private readonly byName = new Map<string, CommuneAcc>();
  private readonly nameKeys = new Map<string, string>();
  private readonly reference: ReadonlyMap<string, Commune>;

  constructor(
    private readonly columns: FundingColumns,
    communes: readonly Commune[],
  ) {
    this.reference = new Map(communes.map((c) => [c.insee, c]));
  }

  /**
   * @param i - a row
   * @param shape - its shape
   * @returns the index in `groups` of its commune's totals
   * @throws RangeError when the row names an INSEE code missing from the reference
   */
  find(i: number, shape: FundingRowShape): number {
    const { commune, insee } = shape;
    let acc: CommuneAcc | undefined;
    if (insee === null) {
      let nameKey = this.nameKeys.get(commune);
      if (nameKey === undefined) {
        nameKey = normalizeName(commune);
        this.nameKeys.set(commune, nameKey);
      }
      acc = this.byName.get(nameKey) ?? this.add(this.byName, nameKey, newAcc(commune, null, i));
    } else {
      acc = this.byInsee.get(insee);
      if (acc === undefined) {
        const c = this.reference.get(insee);
        if (c === undefined) {
          throw new RangeError(
            `row ${this.columns.amountCell(i)}: INSEE code ${insee} is not in the reference`,
          );
        }
        acc = this.add(this.byInsee, insee, newAcc(c.name, insee, i));
      }
    }
    return acc.index;
  }

  private add(map: Map<string, CommuneAcc>, key: string, acc: CommuneAcc): CommuneAcc {
    map.set(key, acc);
    acc.index = this.groups.length;
    this.groups.push(acc);
    return acc;
  }
}

/** The reference with the rows' basins applied. */
function effectiveReference(
  communes: readonly Commune[],
  byInsee: ReadonlyMap<string, CommuneAcc>,
): Commune[] {
  return communes.map((c) => {
    const given = byInsee.get(c.insee)?.basinGiven ?? null;
    return given === null ? c : { ...c, basin: given, basinConfirmed: true };
  });
}

/**
 * The commune totals, sorted by basin then name; a negative total is an error on the amount cell of
 * the commune's first row.
 */
function communeTotalsOf(
  gathered: Gathered,
  reference: readonly Commune[],
  columns: FundingColumns,
  issues: Issue[],
): CommuneTotal[] {
  const effectiveByInsee = new Map(reference.map((c) => [c.insee, c]));
  const communeTotals: CommuneTotal[] = [];
  const firstRow = new Map<CommuneTotal, number>();
  for (const acc of gathered.groups) {
    const basin = acc.insee !== null ? effectiveByInsee.get(acc.insee)?.basin : acc.basinGiven;
    if (basin === undefined || basin === null) {
      throw new RangeError(`commune ${acc.name} is outside the reference and no row gives its basin`);
    }
    const ct: CommuneTotal = {
      name: acc.name,
      insee: acc.insee,
      basin,
      total: cents(acc.total),
      byDomain: gathered.domains.map((_, i) => cents(acc.byDomain[i] ?? 0)),
      byYear: gathered.yearSlots.map((slot) => cents(acc.byYear[slot] ?? 0)),
      rowCount: acc.rowCount,
    };
    communeTotals.push(ct);
    firstRow.set(ct, acc.first);
  }
  communeTotals.sort(
    (a, b) =>
      BASINS.indexOf(a.basin) - BASINS.indexOf(b.basin) ||
      a.name.localeCompare(b.name, "fr") ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.insee ?? "").localeCompare(b.insee ?? ""),
  );
  for (const ct of communeTotals) {
    if (ct.total < 0) {
      const row = firstRow.get(ct);
      issues.push({
        code: "commune-total-negative",
        severity: "error",
        cell: row === undefined ? "" : columns.amountCell(row),
        data: { commune: ct.name, total: ct.total },
      });
    }
  }
  return communeTotals;
}

/** Engineering of the whole mission. */
function engineeringOf(params: PlanParams): Engineering {
  const eligibleHT = params.costHT < params.capHT ? params.costHT : params.capHT;
  const eligibleTTC = addCents(eligibleHT, applyRate(eligibleHT, params.vatRate));
  const caf = applyRate(params.cafBase === "ttc" ? eligibleTTC : eligibleHT, params.cafRate);
  const vat = applyRate(params.costHT, params.vatRate);
  return {
    ...split(params.costHT, caf, vat),
    capHT: params.capHT,
    eligibleHT,
    eligibleTTC,
    cafBase: params.cafBase,
    cafRate: params.cafRate,
    vatRate: params.vatRate,
  };
}

/** Basins: reference counts, CEJ totals, key values, and the split of the engineering. */
function basinsOf(
  communesReference: readonly Commune[],
  communeTotals: readonly CommuneTotal[],
  engineering: Engineering,
  key: AllocationKey,
  cellOf: (p: PlanParamName) => string,
  issues: Issue[],
): BasinPlan[] {
  const basinFacts = BASINS.map((basin) => {
    const ref = communesReference.filter((c) => c.basin === basin);
    return {
      basin,
      communes: ref.length,
      population: sum(ref.map((c) => c.population)),
      cejTotal: sumCents(communeTotals.filter((c) => c.basin === basin).map((c) => c.total)),
    };
  });
  const keyValueOf = (f: (typeof basinFacts)[number]): number => {
    switch (key) {
      case "cej":
        return f.cejTotal;
      case "population":
        return f.population;
      case "communes":
        return f.communes;
      case "equal":
        return 1;
    }
  };
  const keyValues = basinFacts.map(keyValueOf);
  const keySum = sum(keyValues);
  const usable = keyValues.every((v) => v >= 0) && keySum > 0;
  if (!usable && keyValues.every((v) => v >= 0)) {
    issues.push({ code: "key-sum-zero", severity: "error", cell: cellOf("key"), data: { key } });
  }
  const zeroes = keyValues.map(() => ZERO);
  const costParts = usable ? allocate(engineering.costHT, keyValues) : zeroes;
  const cafParts = usable ? allocate(engineering.caf, keyValues) : zeroes;
  const vatParts = usable ? allocate(engineering.vat, keyValues) : zeroes;
  return basinFacts.map((f, i) => ({
    ...f,
    keyValue: keyValues[i] ?? 0,
    keyShare: usable ? (keyValues[i] ?? 0) / keySum : 0,
    engineering: split(costParts[i] ?? ZERO, cafParts[i] ?? ZERO, vatParts[i] ?? ZERO),
  }));
}
