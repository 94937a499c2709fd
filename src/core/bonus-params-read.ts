/**
 * The bonus territoire parameters read back from the workbook (issue #14): the values behind the
 * `CTG_B_*` names a previous generation wrote on `Paramètres CTG`, each checked, each problem an issue
 * on its cell. The names are {@link bonusNames}; what each holds, the report's parameter rows.
 */

import { cellText, toCell } from "./cell";
import { normalizeHeader } from "./reader";
import { parseAmount, parseRate, RATE_SCALE } from "./money";
import {
  bonusNames,
  DEFAULT_BONUS_PARAMS,
  SMOOTHED_KINDS,
  type BonusParamName,
  type BonusParams,
  type ProRata,
  type TrajectoireStep,
  type Uplift,
} from "./bonus-params";
import type { BonusKind, Cell, Cents, Issue, IssueCode, RawValue, Rate } from "./types";
import { BASINS, BONUS_KINDS, issueOf } from "./types";

/** The value behind each bonus parameter name, keyed by the name, with its cell (`'Paramètres CTG'!B14`). */
export type BonusParamInputs = Readonly<Record<string, { readonly value: RawValue; readonly cell: string }>>;

/** The codes of a bonus parameter cell's problems (all errors; the parameter keeps its default). */
type BonusParamCode = Extract<
  IssueCode,
  | "bonus-param-invalid"
  | "bonus-param-negative"
  | "bonus-param-rate-range"
  | "bonus-param-year"
  | "bonus-param-duration"
  | "bonus-param-tranche"
  | "bonus-param-yes-no"
  | "bonus-param-pro-rata"
>;

/** What reading one (non-empty) cell gives: its value, or the code of its problem. */
type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: BonusParamCode };

type Parser<T> = (cell: Cell) => Parsed<T>;

const fail = (code: BonusParamCode): { ok: false; code: BonusParamCode } => ({ ok: false, code });

/** The words of « yes » and « no » as the report writes them (Oui / Non, Yes / No), normalized. */
const YES_WORDS = ["oui", "yes", "o", "y", "vrai", "true", "1"];
const NO_WORDS = ["non", "no", "n", "faux", "false", "0"];

/** The words of each pro-rata rule as the report writes them in French and English, normalized. */
const PRO_RATA_WORDS: Readonly<Record<ProRata, readonly string[]>> = {
  months: ["douziemes", "twelfths", "mois", "months"],
  "full-year": ["annee entiere", "whole year", "full year", "annee complete"],
};

/** A whole number written as a number or as text (`2024`, ` 5 `), else null. */
function wholeNumber(cell: Cell): number | null {
  if (cell.kind === "number") return Number.isInteger(cell.value) ? cell.value : null;
  if (cell.kind === "text" && /^\s*\d{1,6}\s*$/.test(cell.value)) return Number(cell.value.trim());
  return null;
}

/** A year: a whole number from 2000 to 2100. */
const yearOf: Parser<number> = (c) => {
  const n = wholeNumber(c);
  return n !== null && n >= 2000 && n <= 2100 ? { ok: true, value: n } : fail("bonus-param-year");
};

/** A CTG's length: 4 or 5 years. */
const durationOf: Parser<4 | 5> = (c) => {
  const n = wholeNumber(c);
  return n === 4 || n === 5 ? { ok: true, value: n } : fail("bonus-param-duration");
};

/** An amount of euros (a number, or text such as `2 600,00 €`), zero or more, to the cent. */
const amountOf: Parser<Cents> = (c) => {
  const parsed = parseAmount(c);
  if (!parsed.ok) return fail("bonus-param-invalid");
  return parsed.cents < 0 ? fail("bonus-param-negative") : { ok: true, value: parsed.cents };
};

/** A rate from 0 % to 100 % (a fraction as Excel holds a percentage cell, or text with %). */
const rateOf: Parser<Rate> = (c) => {
  const parsed = parseRate(c);
  if (!parsed.ok) return fail("bonus-param-invalid");
  if (parsed.rate < 0 || parsed.rate > RATE_SCALE) return fail("bonus-param-rate-range");
  return { ok: true, value: parsed.rate };
};

/** Oui / Non (Yes / No, or a boolean). */
const yesNoOf: Parser<boolean> = (c) => {
  if (c.kind === "boolean") return { ok: true, value: c.value };
  const t = normalizeHeader(cellText(c));
  if (YES_WORDS.includes(t)) return { ok: true, value: true };
  return NO_WORDS.includes(t) ? { ok: true, value: false } : fail("bonus-param-yes-no");
};

/** Douzièmes / Année entière (Twelfths / Whole year). */
const proRataOf: Parser<ProRata> = (c) => {
  const t = normalizeHeader(cellText(c));
  const rule = (Object.keys(PRO_RATA_WORDS) as ProRata[]).find((k) => PRO_RATA_WORDS[k].includes(t));
  return rule === undefined ? fail("bonus-param-pro-rata") : { ok: true, value: rule };
};

/** Reads the names one by one, gathering the issues. */
class NameReader {
  readonly issues: Issue[] = [];

  constructor(private readonly inputs: BonusParamInputs) {}

  /** Whether the workbook has this name. */
  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.inputs, name);
  }

  /**
   * The value behind `name`: `fallback` when the name is absent or its cell empty; a cell that does not
   * read is an error on it and the parameter keeps `fallback`.
   */
  read<T>(name: string, param: BonusParamName, parse: Parser<T>, fallback: T): T {
    const input = this.has(name) ? this.inputs[name] : undefined;
    if (input === undefined) return fallback;
    const c = toCell(input.value);
    if (c.kind === "empty") return fallback;
    const parsed = parse(c);
    if (parsed.ok) return parsed.value;
    this.issues.push(
      issueOf({
        code: parsed.code,
        severity: "error",
        cell: input.cell,
        data: { name, param, value: cellText(c) },
      }),
    );
    return fallback;
  }

  /** How many of `name(0)`, `name(1)`… the workbook has in a row; `fallback` when it has none. */
  count(name: (i: number) => string, fallback: number): number {
    let n = 0;
    while (this.has(name(n))) n += 1;
    return n === 0 ? fallback : n;
  }
}

/** Each basin's CTG: start year and duration. */
function readCtg(r: NameReader, base: BonusParams): BonusParams["ctg"] {
  const one = (b: (typeof BASINS)[number]): BonusParams["ctg"][typeof b] => ({
    startYear: r.read(bonusNames.start(b), "ctg", yearOf, base.ctg[b].startYear),
    duration: r.read(bonusNames.duration(b), "ctg", durationOf, base.ctg[b].duration),
  });
  return { nord: one("nord"), sud: one("sud") };
}

/** The floors of the smoothed kinds (the RPE's, which nothing uses, stays the base's). */
function readFloors(r: NameReader, base: BonusParams): BonusParams["floor"] {
  const floor = { ...base.floor };
  for (const k of SMOOTHED_KINDS) floor[k] = r.read(bonusNames.floor(k), "floor", amountOf, base.floor[k]);
  return floor;
}

/**
 * The uplifts, as many as the workbook numbers (`CTG_B_Revalo1`…): their rates are read, their years
 * are the base's in year order (the workbook shows them in the labels only), the next year after the
 * base's last one for any further uplift.
 */
function readUplifts(r: NameReader, base: BonusParams): Uplift[] {
  const sorted = [...base.uplifts].sort((a, b) => a.year - b.year);
  const n = r.count(bonusNames.uplift, sorted.length);
  const uplifts: Uplift[] = [];
  for (let i = 0; i < n; i += 1) {
    const known = sorted[i];
    const year = known?.year ?? (uplifts[i - 1]?.year ?? 2024) + 1;
    const rate = r.read(bonusNames.uplift(i), "uplifts", rateOf, known?.rate ?? (0 as Rate));
    uplifts.push({ year, rate });
  }
  return uplifts;
}

/** The kinds uplifted: Oui / Non per smoothed kind (the RPE as the base says). */
function readUpliftKinds(r: NameReader, base: BonusParams): BonusKind[] {
  return BONUS_KINDS.filter((k) => {
    const was = base.upliftKinds.includes(k);
    if (!SMOOTHED_KINDS.includes(k)) return was;
    return r.read(bonusNames.upliftKind(k), "upliftKinds", yesNoOf, was);
  });
}

/** The new-place rate of each tranche, as many as the workbook numbers (`CTG_B_Tranche1`…). */
function readNewPlaceRates(r: NameReader, base: BonusParams): Cents[] {
  const n = r.count(bonusNames.newPlaceRate, base.newPlaceRates.length);
  return Array.from({ length: n }, (_, i) =>
    r.read(bonusNames.newPlaceRate(i), "newPlaceRates", amountOf, base.newPlaceRates[i] ?? (0 as Cents)),
  );
}

/** The CUCM's tranche: one of the tranches read. */
function readTranche(r: NameReader, base: BonusParams, tranches: number): number {
  const trancheOf: Parser<number> = (c) => {
    const n = wholeNumber(c);
    return n !== null && n >= 1 && n <= tranches ? { ok: true, value: n } : fail("bonus-param-tranche");
  };
  return r.read(bonusNames.tranche, "tranche", trancheOf, Math.min(base.tranche, tranches));
}

/** The trajectoire steps, as many as the workbook numbers (`CTG_B_TrajSeuil1`…), in the order written. */
function readSteps(r: NameReader, base: BonusParams): TrajectoireStep[] {
  const sorted = [...base.trajectoire].sort((a, b) => a.threshold - b.threshold);
  const n = r.count(bonusNames.threshold, sorted.length);
  return Array.from({ length: n }, (_, i) => ({
    threshold: r.read(bonusNames.threshold(i), "trajectoire", rateOf, sorted[i]?.threshold ?? (0 as Rate)),
    perPlace: r.read(bonusNames.perPlace(i), "trajectoire", amountOf, sorted[i]?.perPlace ?? (0 as Cents)),
  }));
}

/** The RPE's flat amount: an empty cell (or an absent name) is « none », each RPE's own former CEJ. */
function readRpeFlat(r: NameReader, base: BonusParams): Cents | null {
  return r.has(bonusNames.rpeFlat)
    ? r.read<Cents | null>(bonusNames.rpeFlat, "rpeFlat", amountOf, null)
    : base.rpeFlat;
}

/**
 * Reads the bonus territoire parameters from the values behind the `CTG_B_*` names of a previous
 * generation.
 *
 * - A name absent, or its cell empty, keeps the default (the RPE's flat amount: an empty cell is
 *   « none », each RPE's own former CEJ).
 * - Years are whole numbers from 2000 to 2100 (`bonus-param-year`); a CTG lasts 4 or 5 years
 *   (`bonus-param-duration`); amounts are euros, zero or more (`bonus-param-negative`); rates are from
 *   0 % to 100 % (`bonus-param-rate-range`); the tranche is one of the tranches read
 *   (`bonus-param-tranche`); « Oui » / « Non » (`bonus-param-yes-no`) and the pro-rata rule
 *   (`bonus-param-pro-rata`) in French or English; anything else unreadable is `bonus-param-invalid`.
 * - Lists (uplifts, tranches, trajectoire steps) have as many entries as names numbered from 1; an
 *   uplift's year is not in the workbook: the defaults' years in order, then one year more each.
 *
 * Every issue is an error on the name's cell with `data: { name, param, value }`; the parameter then
 * keeps its default, and the error stops anything being written.
 *
 * @param inputs - the value and cell behind each name, keyed by the name
 * @returns the parameters (valid for computeBonusPlan), and the issues
 */
export function readBonusParams(inputs: BonusParamInputs): { params: BonusParams; issues: Issue[] } {
  const base = DEFAULT_BONUS_PARAMS;
  const r = new NameReader(inputs);
  const newPlaceRates = readNewPlaceRates(r, base);
  const params: BonusParams = {
    ctg: readCtg(r, base),
    referenceYear: r.read(bonusNames.referenceYear, "referenceYear", yearOf, base.referenceYear),
    floor: readFloors(r, base),
    uplifts: readUplifts(r, base),
    upliftKinds: readUpliftKinds(r, base),
    newPlaceRates,
    tranche: readTranche(r, base, newPlaceRates.length),
    priorityAreaRate: r.read(
      bonusNames.priorityAreaRate,
      "priorityAreaRate",
      amountOf,
      base.priorityAreaRate,
    ),
    reservedPlaceRate: r.read(
      bonusNames.reservedPlaceRate,
      "reservedPlaceRate",
      amountOf,
      base.reservedPlaceRate,
    ),
    trajectoireBaseYear: r.read(
      bonusNames.trajectoireBaseYear,
      "trajectoireBaseYear",
      yearOf,
      base.trajectoireBaseYear,
    ),
    trajectoireTargetYear: r.read(
      bonusNames.trajectoireTargetYear,
      "trajectoireTargetYear",
      yearOf,
      base.trajectoireTargetYear,
    ),
    trajectoireFirstYear: r.read(
      bonusNames.trajectoireFirstYear,
      "trajectoireFirstYear",
      yearOf,
      base.trajectoireFirstYear,
    ),
    trajectoire: readSteps(r, base),
    rpeFlat: readRpeFlat(r, base),
    rpeMission: r.read(bonusNames.rpeMission, "rpeMission", amountOf, base.rpeMission),
    proRata: r.read(bonusNames.proRata, "proRata", proRataOf, base.proRata),
  };
  return { params, issues: r.issues };
}
