/**
 * The live formulas of the domain, each written once as a function of its references. Every sheet that
 * shows one of these figures calls the function here, so that two sheets can never compute a figure two
 * ways. A reference is any formula text (`$B$6`, `CTG_CoutHT`, `'Ingénierie CTG'!$B$4`); the functions
 * return formula text without the leading `=` and without the final rounding (the sheet builder's
 * `money` rounds every amount with `ROUND(…,2)`).
 *
 * The engine's counterparts are in src/core/plan.ts (`computePlan`); docs/rules.md states each rule
 * with a worked example.
 */

import { stringLiteral } from "./sheet-builder";

/**
 * Eligible base excl. VAT: the smaller of the cost and the cap.
 *
 * @example eligibleBase("$B$4", "$B$5") → `MIN($B$4,$B$5)`; cost 46 000, cap 40 000 → 40 000.
 */
export function eligibleBase(cost: string, cap: string): string {
  return `MIN(${cost},${cap})`;
}

/**
 * Eligible base incl. VAT: the base plus its VAT rounded to the cent.
 *
 * @example eligibleBaseTTC("$B$6", "$B$10") → `$B$6+ROUND($B$6*$B$10,2)`; 40 000 at 20 % → 48 000.
 */
export function eligibleBaseTTC(eligible: string, vatRate: string): string {
  return `${eligible}+ROUND(${eligible}*${vatRate},2)`;
}

/**
 * The Caf's share: its rate on the eligible base, excl. VAT or incl. VAT as the Caf base says
 * (any text but `TTC` reads as `HT`; `Contrôles` flags a base that is neither).
 *
 * @example cafShare({ base: "CTG_BaseCaf", ttc: "TTC", eligibleHT: "$B$6", eligibleTTC: "$B$15", rate: "$B$7" })
 *   → `IF(CTG_BaseCaf="TTC",$B$15,$B$6)*$B$7`; base HT 40 000 at 50 % → 20 000.
 */
export function cafShare(refs: {
  readonly base: string;
  /** The Caf base's `TTC` label. */
  readonly ttc: string;
  readonly eligibleHT: string;
  readonly eligibleTTC: string;
  readonly rate: string;
}): string {
  return `IF(${refs.base}=${stringLiteral(refs.ttc)},${refs.eligibleTTC},${refs.eligibleHT})*${refs.rate}`;
}

/**
 * The VAT on the cost.
 *
 * @example vatAmount("$B$4", "$B$10") → `$B$4*$B$10`; 40 000 at 20 % → 8 000.
 */
export function vatAmount(cost: string, vatRate: string): string {
  return `${cost}*${vatRate}`;
}

/**
 * The cost incl. VAT.
 *
 * @example costTTC("$B$4", "$B$11") → `$B$4+$B$11`; 40 000 + 8 000 → 48 000.
 */
export function costTTC(cost: string, vat: string): string {
  return `${cost}+${vat}`;
}

/**
 * What the CUCM pays excl. VAT: the cost less the Caf's share.
 *
 * @example cucmHT("$B$4", "$B$8") → `$B$4-$B$8`; 40 000 − 20 000 → 20 000.
 */
export function cucmHT(cost: string, caf: string): string {
  return `${cost}-${caf}`;
}

/**
 * What the CUCM pays incl. VAT: the cost incl. VAT less the Caf's share (the VAT is the CUCM's).
 *
 * @example cucmTTC("$B$12", "$B$8") → `$B$12-$B$8`; 48 000 − 20 000 → 28 000.
 */
export function cucmTTC(costIncludingVat: string, caf: string): string {
  return `${costIncludingVat}-${caf}`;
}

/** The allocation keys' labels as the key cell holds them. */
export interface KeyLabels {
  readonly cej: string;
  readonly population: string;
  readonly communes: string;
  readonly equal: string;
}

/**
 * A basin's key value under the key the cell names: its CEJ total, population, number of reference
 * communes, or 1 for equal shares. A key the cell does not name is a broken key: 0 for every basin,
 * hence the zero-key rule ({@link keyUsable}).
 *
 * @example keyValue({ key: "CTG_Cle", labels, cej: "$E$5", population: "$C$5", communes: "$B$5" })
 *   → `ROUND(IF(CTG_Cle="CEJ",$E$5,IF(CTG_Cle="Population",$C$5,IF(CTG_Cle="Communes",$B$5,IF(CTG_Cle="Parts égales",1,0)))),2)`;
 *   key Population, 52 000 inhabitants → 52 000.
 */
export function keyValue(refs: {
  readonly key: string;
  readonly labels: KeyLabels;
  readonly cej: string;
  readonly population: string;
  readonly communes: string;
}): string {
  const is = (label: string): string => `${refs.key}=${stringLiteral(label)}`;
  const { labels: L } = refs;
  return `ROUND(IF(${is(L.cej)},${refs.cej},IF(${is(L.population)},${refs.population},IF(${is(L.communes)},${refs.communes},IF(${is(L.equal)},1,0)))),2)`;
}

/**
 * Whether a key can split anything: no basin's value is negative and their sum is above zero (1 or 0,
 * as a condition of `IF`). The engine's rule (computePlan's `usable`): an unusable key allocates
 * nothing.
 *
 * @param keys - each basin's key value
 * @param total - their sum
 * @example keyUsable(["$G$5", "$G$6"], "$G$7") → `(MIN($G$5,$G$6)>=0)*($G$7>0)`; 0 and 0 → 0.
 */
export function keyUsable(keys: readonly string[], total: string): string {
  return `(MIN(${keys.join(",")})>=0)*(${total}>0)`;
}

/**
 * A basin's share of the key, or what is wrong with the key: « Clé nulle » when it sums to zero,
 * « Clé négative » when a basin's value is below zero.
 *
 * @example keyShare({ key: "$G$5", keys: ["$G$5","$G$6"], total: "$G$7", zero: "Clé nulle", negative: "Clé négative" })
 *   → `IF((MIN($G$5,$G$6)>=0)*($G$7>0),$G$5/$G$7,IF($G$7=0,"Clé nulle","Clé négative"))`;
 *   800 000 of 1 350 000 → 0.5926; 0 of 0 → « Clé nulle ».
 */
export function keyShare(refs: {
  readonly key: string;
  readonly keys: readonly string[];
  readonly total: string;
  readonly zero: string;
  readonly negative: string;
}): string {
  return `IF(${keyUsable(refs.keys, refs.total)},${refs.key}/${refs.total},IF(${refs.total}=0,${stringLiteral(refs.zero)},${stringLiteral(refs.negative)}))`;
}

/**
 * A basin's part of an amount: its key share of the whole (rounded by the caller), the last basin
 * taking the remainder so that the parts foot to the whole; nothing at all when the key is not
 * usable (the zero-key rule: no remainder goes to the last basin).
 *
 * @param refs.previous - the parts of the basins before this one, null for every basin but the last
 * @example basinPart({ whole: "$B$4", key: "$G$5", keys: ["$G$5","$G$6"], total: "$G$7", previous: null })
 *   → `IF((MIN($G$5,$G$6)>=0)*($G$7>0),$B$4*$G$5/$G$7,0)`;
 *   last basin, previous `$I$5:$I$5` → `IF(…,$B$4-SUM($I$5:$I$5),0)`.
 *   40 000 € on a CEJ key 800 000 / 550 000: Nord ROUND(23 703.703…, 2) = 23 703.70, Sud the rest
 *   16 296.30; on a key 0 / 0: 0 and 0.
 */
export function basinPart(refs: {
  readonly whole: string;
  readonly key: string;
  readonly keys: readonly string[];
  readonly total: string;
  readonly previous: string | null;
}): string {
  const part =
    refs.previous === null
      ? `${refs.whole}*${refs.key}/${refs.total}`
      : `${refs.whole}-SUM(${refs.previous})`;
  return `IF(${keyUsable(refs.keys, refs.total)},${part},0)`;
}
