/**
 * The parameters of the plan (engineering cost, cap, Caf and VAT rates, allocation key, base of the
 * Caf's share) and how they are read from cells or command-line flags.
 */

import { cellText, toCell } from "./cell";
import { cents, parseAmount, parseRate, rate, RATE_SCALE } from "./money";
import { normalizeHeader } from "./reader";
import type { AllocationKey, CafBase, Cell, Issue, PlanParams, RawValue } from "./types";

/**
 * The name of each of the five original parameters (the ones the task pane shows), as issues give
 * it in `data.param`. See {@link PlanParamName} for every parameter.
 */
export type ParamName = "costHT" | "capHT" | "cafRate" | "vatRate" | "key";

/** The five original parameters, in the order they are shown. */
export const PARAM_NAMES: readonly ParamName[] = ["costHT", "capHT", "cafRate", "vatRate", "key"];

/**
 * Every parameter of the plan: the five of {@link ParamName} and `cafBase` (issue #5: the Caf's share
 * on the eligible amount HT or TTC). Kept apart from ParamName so that code listing the five pane
 * fields stays exhaustive.
 */
export type PlanParamName = ParamName | "cafBase";

/** Every parameter, in the order the `Paramètres CTG` sheet shows them. */
export const PLAN_PARAM_NAMES: readonly PlanParamName[] = [...PARAM_NAMES, "cafBase"];

/**
 * The raw value of each parameter and where it came from (`'Paramètres CTG'!B4`, or `--caf-rate` for
 * a command-line flag). A parameter left out takes its default.
 */
export type ParamInputs = Partial<Record<PlanParamName, { readonly value: RawValue; readonly cell: string }>>;

/**
 * The defaults, from the council's decision of 2021: an engineering mission of 40 000,00 € HT at most,
 * funded 50 % by the Caf, VAT at 20 %, split between the basins by their CEJ amounts.
 */
export const DEFAULT_PARAMS: PlanParams = {
  costHT: cents(4_000_000),
  capHT: cents(4_000_000),
  cafRate: rate(500_000),
  vatRate: rate(200_000),
  key: "cej",
  cafBase: "ht",
};

/** Words naming each Caf base, normalized (see {@link normalizeKeyText}). */
const CAF_BASE_WORDS: Readonly<Record<CafBase, readonly string[]>> = {
  ht: ["ht", "hors taxes", "hors taxe", "h t", "excl vat", "excluding vat", "ex vat", "net"],
  ttc: ["ttc", "toutes taxes comprises", "t t c", "incl vat", "including vat", "inc vat", "gross"],
};

/**
 * Labels of each key, normalized (see {@link normalizeKeyText}). French and English, with the usual
 * variants a finance officer types.
 */
const KEY_WORDS: Readonly<Record<AllocationKey, readonly string[]>> = {
  cej: ["cej", "montant cej", "montants cej", "cej amount", "cej amounts", "psej"],
  population: ["population", "pop", "habitants", "inhabitants"],
  communes: ["communes", "commune", "nombre de communes", "number of communes", "municipalities"],
  equal: [
    "equal",
    "egal",
    "egale",
    "egales",
    "part egale",
    "parts egales",
    "equal shares",
    "equal share",
    "50 50",
  ],
};

/**
 * Reads an allocation key written in French or English, case and accents ignored: `cej`, `CEJ`,
 * `Population`, `Communes`, `Égale`, `Parts égales`, `equal`…
 *
 * @param text - the text
 * @returns the key, or null when the text names none
 */
export function parseAllocationKey(text: string): AllocationKey | null {
  const t = normalizeHeader(text);
  for (const [key, words] of Object.entries(KEY_WORDS) as [AllocationKey, readonly string[]][]) {
    if (words.includes(t)) return key;
  }
  return null;
}

/**
 * Reads the base of the Caf's share written in French or English, case and accents ignored: `HT`,
 * `TTC`, `hors taxes`, `toutes taxes comprises`, `excl. VAT`, `incl. VAT`…
 *
 * @param text - the text
 * @returns the base, or null when the text names none
 */
export function parseCafBase(text: string): CafBase | null {
  const t = normalizeHeader(text);
  for (const [base, words] of Object.entries(CAF_BASE_WORDS) as [CafBase, readonly string[]][]) {
    if (words.includes(t)) return base;
  }
  return null;
}

type AmountParam = "costHT" | "capHT";
type RateParam = "cafRate" | "vatRate";

/**
 * Reads the parameters of the plan from raw cell values or command-line flags.
 *
 * - A parameter left out, or whose cell is empty, takes its default ({@link DEFAULT_PARAMS}).
 * - Amounts (`costHT`, `capHT`) read like the funding amounts (a number of euros, or text such as
 *   `40 000,00 €`); a negative amount is `param-negative`, anything else unreadable `param-invalid`.
 * - Rates (`cafRate`, `vatRate`): a number is a fraction as Excel holds a percentage cell (0.5), text
 *   with `%` is a percentage (`50 %`), other text a fraction (`0,5`). Outside 0–100 % inclusive is
 *   `param-rate-range`; unreadable (or finer than a millionth) is `param-invalid`.
 * - The key: text naming `cej`, `population`, `communes` or `equal` in French or English, else
 *   `param-invalid`.
 * - The Caf base (`cafBase`): text naming `HT` or `TTC` (see {@link parseCafBase}), else
 *   `param-invalid`.
 *
 * Every issue is an error on the parameter's cell with `data: { param, value }` (value = the cell's
 * text); the parameter then keeps its default, and the error stops anything being written.
 *
 * @param inputs - the raw value and the source cell of each parameter given
 * @returns the parameters, and the issues found
 */
export function readParams(inputs: ParamInputs): { params: PlanParams; issues: Issue[] } {
  const issues: Issue[] = [];
  const read = <K extends PlanParamName>(param: K, parse: ParamParser<PlanParams[K]>): PlanParams[K] =>
    readParam(inputs, param, parse, issues);
  const params: PlanParams = {
    costHT: read("costHT", amountParam),
    capHT: read("capHT", amountParam),
    cafRate: read("cafRate", rateParam),
    vatRate: read("vatRate", rateParam),
    key: read("key", (c) => textParam(c.kind === "text" ? parseAllocationKey(c.value) : null)),
    cafBase: read("cafBase", (c) => textParam(c.kind === "text" ? parseCafBase(c.value) : null)),
  };
  return { params, issues };
}

/** The errors a parameter's cell can have. */
type ParamCode = "param-invalid" | "param-negative" | "param-rate-range";

/** What reading a parameter's cell gives: its value, or the code of its error. */
type ParamRead<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: ParamCode };

/** A parameter's value read from a (non-empty) cell, or the code of the error. */
type ParamParser<T> = (cell: Cell) => ParamRead<T>;

/**
 * One parameter: its default when left out or empty, else its cell read; an unreadable cell is an
 * error on it (`data: { param, value }`) and the parameter keeps its default.
 */
function readParam<K extends PlanParamName>(
  inputs: ParamInputs,
  param: K,
  parse: ParamParser<PlanParams[K]>,
  issues: Issue[],
): PlanParams[K] {
  const input = inputs[param];
  const fallback = DEFAULT_PARAMS[param];
  if (input === undefined) return fallback;
  const c = toCell(input.value);
  if (c.kind === "empty") return fallback;
  const parsed = parse(c);
  if (parsed.ok) return parsed.value;
  issues.push({
    code: parsed.code,
    severity: "error",
    cell: input.cell,
    data: { param, value: cellText(c) },
  });
  return fallback;
}

/** An amount, read like the funding amounts; negative is `param-negative`. */
const amountParam: ParamParser<PlanParams[AmountParam]> = (c) => {
  const parsed = parseAmount(c);
  if (!parsed.ok) return { ok: false, code: "param-invalid" };
  if (parsed.cents < 0) return { ok: false, code: "param-negative" };
  return { ok: true, value: parsed.cents };
};

/** A rate, as a fraction or a percentage; outside 0–100 % is `param-rate-range`. */
const rateParam: ParamParser<PlanParams[RateParam]> = (c) => {
  const parsed = parseRate(c);
  if (!parsed.ok) return { ok: false, code: "param-invalid" };
  if (parsed.rate < 0 || parsed.rate > RATE_SCALE) return { ok: false, code: "param-rate-range" };
  return { ok: true, value: parsed.rate };
};

/** A word parsed (key, Caf base), or `param-invalid`. */
function textParam<T>(value: T | null): ParamRead<T> {
  return value === null ? { ok: false, code: "param-invalid" } : { ok: true, value };
}
