// The plan as it was before its one-pass totals (commit e4b2672), kept as the reference the faster
// plan must equal (tests/core/reader-equivalence.test.ts). Not product code.

/**
 * The plan: CEJ totals per commune, basin, domain and year, the engineering mission's funding
 * (Caf part, CUCM part, VAT) and its split between the two basins. Exact to the cent.
 */

import { normalizeName } from "../../../src/core/communes";
import { addCents, allocate, applyRate, cents, subCents, sumCents } from "../../../src/core/money";
import type { PlanParamName } from "../../../src/core/params";
import type {
  AllocationKey,
  Basin,
  BasinPlan,
  Cents,
  Commune,
  CommuneTotal,
  Engineering,
  EngineeringSplit,
  FundingRow,
  Issue,
  Plan,
  PlanParams,
} from "../../../src/core/types";
import { BASINS } from "../../../src/core/types";

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

/** One commune's rows while totals are gathered. */
interface CommuneAcc {
  readonly key: string;
  readonly name: string;
  readonly insee: string | null;
  basinGiven: Basin | null;
  rows: FundingRow[];
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

/** Adds an amount to one slot of a list of running totals. */
function addAt(totals: number[], index: number, amount: number): void {
  totals[index] = (totals[index] ?? 0) + amount;
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
  const cellOf = (p: PlanParamName): string => options.cells?.[p] ?? p;
  const issues: Issue[] = [];
  const byInsee = new Map(communes.map((c) => [c.insee, c]));

  // Group rows by commune.
  const groups = new Map<string, CommuneAcc>();
  for (const r of rows) {
    const key = r.insee !== null ? `insee:${r.insee}` : `name:${normalizeName(r.commune)}`;
    let acc = groups.get(key);
    if (acc === undefined) {
      if (r.insee !== null && !byInsee.has(r.insee)) {
        throw new RangeError(`row ${r.amountCell}: INSEE code ${r.insee} is not in the reference`);
      }
      const name = r.insee !== null ? (byInsee.get(r.insee)?.name ?? r.commune) : r.commune;
      acc = { key, name, insee: r.insee, basinGiven: null, rows: [] };
      groups.set(key, acc);
    }
    if (acc.basinGiven === null && r.basinGiven !== null) acc.basinGiven = r.basinGiven;
    acc.rows.push(r);
  }

  // Domains in order of first appearance; years ascending.
  const hasDomain = rows.some((r) => r.domain !== null);
  const domains: string[] = [];
  if (hasDomain) {
    for (const r of rows) {
      const d = r.domain ?? NO_DOMAIN;
      if (!domains.includes(d)) domains.push(d);
    }
  }
  const years = [...new Set(rows.flatMap((r) => (r.year === null ? [] : [r.year])))].sort((a, b) => a - b);
  const domainIndex = new Map(domains.map((d, i) => [d, i]));
  const yearIndex = new Map(years.map((y, i) => [y, i]));

  // The reference with the rows' basins applied.
  const communesReference: Commune[] = communes.map((c) => {
    const given = groups.get(`insee:${c.insee}`)?.basinGiven ?? null;
    return given === null ? c : { ...c, basin: given, basinConfirmed: true };
  });
  const effectiveByInsee = new Map(communesReference.map((c) => [c.insee, c]));

  // Commune totals.
  const communeTotals: CommuneTotal[] = [];
  const firstAmountCell = new Map<CommuneTotal, string>();
  for (const acc of groups.values()) {
    const basin = acc.insee !== null ? effectiveByInsee.get(acc.insee)?.basin : acc.basinGiven;
    if (basin === undefined || basin === null) {
      throw new RangeError(`commune ${acc.name} is outside the reference and no row gives its basin`);
    }
    const byDomain = domains.map(() => 0);
    const byYear = years.map(() => 0);
    let total = 0;
    for (const r of acc.rows) {
      total += r.amount;
      if (hasDomain) addAt(byDomain, domainIndex.get(r.domain ?? NO_DOMAIN) ?? 0, r.amount);
      if (r.year !== null) addAt(byYear, yearIndex.get(r.year) ?? 0, r.amount);
    }
    const ct: CommuneTotal = {
      name: acc.name,
      insee: acc.insee,
      basin,
      total: cents(total),
      byDomain: byDomain.map(cents),
      byYear: byYear.map(cents),
      rowCount: acc.rows.length,
    };
    communeTotals.push(ct);
    const first = acc.rows.reduce((a, b) => (b.sheetRow < a.sheetRow ? b : a));
    firstAmountCell.set(ct, first.amountCell);
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
      issues.push({
        code: "commune-total-negative",
        severity: "error",
        cell: firstAmountCell.get(ct) ?? "",
        data: { commune: ct.name, total: ct.total },
      });
    }
  }

  const domainTotals = domains.map((_, i) => sumCents(communeTotals.map((c) => c.byDomain[i] ?? ZERO)));
  const yearTotals = years.map((_, i) => sumCents(communeTotals.map((c) => c.byYear[i] ?? ZERO)));
  const total = sumCents(communeTotals.map((c) => c.total));

  // Engineering of the whole mission.
  const eligibleHT = params.costHT < params.capHT ? params.costHT : params.capHT;
  const eligibleTTC = addCents(eligibleHT, applyRate(eligibleHT, params.vatRate));
  const caf = applyRate(params.cafBase === "ttc" ? eligibleTTC : eligibleHT, params.cafRate);
  const vat = applyRate(params.costHT, params.vatRate);
  const engineering: Engineering = {
    ...split(params.costHT, caf, vat),
    capHT: params.capHT,
    eligibleHT,
    eligibleTTC,
    cafBase: params.cafBase,
    cafRate: params.cafRate,
    vatRate: params.vatRate,
  };
  if (params.costHT > params.capHT) {
    issues.push({
      code: "cost-above-cap",
      severity: "warning",
      cell: cellOf("costHT"),
      related: [cellOf("capHT")],
      data: { cost: params.costHT, cap: params.capHT },
    });
  }

  // Basins: reference counts, CEJ totals, key values, and the split.
  const basinFacts = BASINS.map((basin) => {
    const ref = communesReference.filter((c) => c.basin === basin);
    return {
      basin,
      communes: ref.length,
      population: sum(ref.map((c) => c.population)),
      cejTotal: sumCents(communeTotals.filter((c) => c.basin === basin).map((c) => c.total)),
    };
  });
  const keyValueOf = (f: (typeof basinFacts)[number], key: AllocationKey): number => {
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
  const keyValues = basinFacts.map((f) => keyValueOf(f, params.key));
  const keySum = sum(keyValues);
  const usable = keyValues.every((v) => v >= 0) && keySum > 0;
  if (!usable && keyValues.every((v) => v >= 0)) {
    issues.push({ code: "key-sum-zero", severity: "error", cell: cellOf("key"), data: { key: params.key } });
  }
  const zeroes = keyValues.map(() => ZERO);
  const costParts = usable ? allocate(engineering.costHT, keyValues) : zeroes;
  const cafParts = usable ? allocate(engineering.caf, keyValues) : zeroes;
  const vatParts = usable ? allocate(engineering.vat, keyValues) : zeroes;
  const basins: BasinPlan[] = basinFacts.map((f, i) => ({
    ...f,
    keyValue: keyValues[i] ?? 0,
    keyShare: usable ? (keyValues[i] ?? 0) / keySum : 0,
    engineering: split(costParts[i] ?? ZERO, cafParts[i] ?? ZERO, vatParts[i] ?? ZERO),
  }));

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
    rowCount: rows.length,
    engineering,
    issues,
  };
}
