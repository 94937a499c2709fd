import type { Cell, Cents, Lang, Rate } from "./types";

/**
 * Largest amount accepted, in cents: ±2^51. Like Actual's limit, it leaves room to add many amounts
 * and still be an exact integer in a double (2^53).
 */
export const MAX_CENTS = 2 ** 51;

/** One million: rates are integers in millionths. */
export const RATE_SCALE = 1_000_000;

/**
 * Makes a `Cents` value, the only way to get one.
 *
 * @param n - an integer number of cents
 * @returns the same number, branded
 * @throws RangeError when `n` is not an integer or beyond ±2^51
 */
export function cents(n: number): Cents {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_CENTS) throw new RangeError(`not a cents amount: ${n}`);
  return (n === 0 ? 0 : n) as Cents; // no -0
}

/**
 * Makes a `Rate` from a number of millionths (50 % is 500 000).
 *
 * @param ppm - an integer number of millionths
 * @returns the rate
 * @throws RangeError when `ppm` is not a safe integer
 */
export function rate(ppm: number): Rate {
  if (!Number.isSafeInteger(ppm)) throw new RangeError(`not a rate in millionths: ${ppm}`);
  return (ppm === 0 ? 0 : ppm) as Rate;
}

/**
 * The rate of a fraction as Excel stores a percentage cell (0.5 for 50 %), or null when the fraction
 * is finer than a millionth (beyond 4 decimals of a percentage) or not finite.
 *
 * @param fraction - the fraction
 * @returns the rate, or null
 */
export function rateFromFraction(fraction: number): Rate | null {
  if (!Number.isFinite(fraction)) return null;
  const scaled = fraction * RATE_SCALE;
  const n = Math.round(scaled);
  // Tolerate binary floating point only (0.07 × 10^6 is 70 000.000 000 000 01), as centsFromEuros
  // does: a relative tolerance of 10^-6 silently rounded 0.666 666 6 to 66.6667 %.
  const tolerance = Math.max(1e-6, Math.abs(scaled) * 4 * Number.EPSILON);
  if (Math.abs(scaled - n) > tolerance || !Number.isSafeInteger(n)) return null;
  return rate(n);
}

/**
 * @param r - a rate
 * @returns the fraction (0.5 for 50 %)
 */
export function rateToFraction(r: Rate): number {
  return r / RATE_SCALE;
}

/**
 * Cents of a number of euros, or null when it has fractions of a cent. Binary floating point is
 * tolerated (1234.56 is 123 456 cents although 1234.56 × 100 is not exactly an integer).
 *
 * @param euros - an amount in euros
 * @returns the cents, or null
 */
export function centsFromEuros(euros: number): Cents | null {
  if (!Number.isFinite(euros)) return null;
  const scaled = euros * 100;
  const n = Math.round(scaled);
  const tolerance = Math.max(1e-6, Math.abs(scaled) * 4 * Number.EPSILON);
  if (Math.abs(scaled - n) > tolerance) return null;
  if (Math.abs(n) > MAX_CENTS) return null;
  return cents(n);
}

/**
 * @param c - an amount
 * @returns the amount in euros, as a number with at most two decimals
 */
export function centsToEuros(c: Cents): number {
  return c / 100;
}

/**
 * Sum of amounts.
 *
 * @param amounts - the amounts
 * @returns their sum
 * @throws RangeError when the sum leaves the safe range
 */
export function sumCents(amounts: readonly Cents[]): Cents {
  let total = 0;
  for (const a of amounts) total += a;
  return cents(total);
}

/**
 * @param a - an amount
 * @param b - an amount
 * @returns a − b
 */
export function subCents(a: Cents, b: Cents): Cents {
  return cents(a - b);
}

/**
 * @param a - an amount
 * @param b - an amount
 * @returns a + b
 */
export function addCents(a: Cents, b: Cents): Cents {
  return cents(a + b);
}

/**
 * Exact integer division rounded half away from zero, as Excel's ROUND rounds the exact decimal value.
 *
 * @param numerator - any integer
 * @param denominator - a non-zero integer
 * @returns round(numerator / denominator), half away from zero
 * @throws RangeError when the denominator is zero
 */
export function divRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * `ROUND(amount × rate, 2)`: an amount times a rate, rounded to the cent half away from zero.
 *
 * @param amount - the amount
 * @param r - the rate
 * @returns the rounded product
 */
export function applyRate(amount: Cents, r: Rate): Cents {
  return cents(Number(divRoundHalfAwayFromZero(BigInt(amount) * BigInt(r), BigInt(RATE_SCALE))));
}

/**
 * Splits an amount by integer weights so that the parts foot exactly: every part but the last is
 * `ROUND(amount × weight / Σweights, 2)`, the last takes the amount minus the others. 1003 cents by
 * (1, 1) gives 502 + 501.
 *
 * With two weights (the two basins) every part is within half a cent of its exact share. With more,
 * the last part absorbs the others' rounding, up to (n − 1)/2 cents, and can even turn negative:
 * 2 cents by four equal weights gives 1 + 1 + 1 − 1.
 *
 * @param amount - the amount to split
 * @param weights - non-negative integers (cents, inhabitants, communes, or 1 each)
 * @returns one part per weight, adding up to `amount`
 * @throws RangeError when there is no weight, a weight is negative or not an integer, or they sum to zero
 */
export function allocate(amount: Cents, weights: readonly number[]): Cents[] {
  if (weights.length === 0) throw new RangeError("allocate needs at least one weight");
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0)
      throw new RangeError(`weight must be a non-negative integer: ${w}`);
    sum += BigInt(w);
  }
  if (sum === 0n) throw new RangeError("weights sum to zero");
  const parts: Cents[] = [];
  let given = 0;
  weights.forEach((w, i) => {
    if (i === weights.length - 1) {
      parts.push(cents(amount - given));
    } else {
      const part = cents(Number(divRoundHalfAwayFromZero(BigInt(amount) * BigInt(w), sum)));
      given += part;
      parts.push(part);
    }
  });
  return parts;
}

/** Why a cell is not an amount. */
export type AmountProblem = "empty" | "not-a-number" | "error-value" | "fraction-of-cent" | "too-large";

/** The outcome of reading an amount from a cell. */
export type AmountParse =
  | { readonly ok: true; readonly cents: Cents; readonly fromText: boolean }
  | { readonly ok: false; readonly problem: AmountProblem };

const SPACES = /[\s\u00A0\u202F\u2009\u2007]/g;

/**
 * Reads an amount from a cell: a number, or text in the formats finance officers paste from PDFs:
 * `12 345,67 €`, `12 345,67` with a no-break or narrow no-break space, `12,345.67`, `€ 12345`,
 * `12345 EUR`, `-1 000,00 €`, `(1 000,00)`, `€ (1,000.00)`.
 *
 * A single separator followed by exactly three digits (`12,345`, `12.345`) is read as a thousands
 * separator: an amount never has three decimals. Not after a lone zero, though: `0,100` is 0,10 €,
 * and a grouping never starts with 0 (`0.000.001`, `012,345` are not amounts).
 *
 * @param cell - the cell
 * @returns the amount in cents, or why it is not one
 */
export function parseAmount(cell: Cell): AmountParse {
  switch (cell.kind) {
    case "empty":
      return { ok: false, problem: "empty" };
    case "error":
      return { ok: false, problem: "error-value" };
    case "boolean":
    case "date":
      return { ok: false, problem: "not-a-number" };
    case "number": {
      if (Math.abs(cell.value) * 100 > MAX_CENTS) return { ok: false, problem: "too-large" };
      const c = centsFromEuros(cell.value);
      return c === null
        ? { ok: false, problem: "fraction-of-cent" }
        : { ok: true, cents: c, fromText: false };
    }
    case "text":
      return parseAmountText(cell.value);
  }
}

/**
 * Reads an amount written as text (see parseAmount).
 *
 * @param text - the text
 * @returns the amount in cents, or why it is not one
 */
export function parseAmountText(text: string): AmountParse {
  let s = text.replace(SPACES, "");
  if (s === "") return { ok: false, problem: "empty" };
  let negative = false;
  // Currency marks before or after, and a sign before or after the mark; outside parentheses too,
  // as Excel's accounting format shows them (`€ (1,000.00)`, `(1 000,00) €`).
  const withoutCurrency = (x: string): string =>
    x.replace(/^([+-]?)(?:€|eur(?:os?)?)/i, "$1").replace(/(?:€|eur(?:os?)?)$/i, "");
  const paren = /^\((.*)\)$/.exec(withoutCurrency(s));
  if (paren && paren[1] !== undefined) {
    negative = true;
    s = paren[1];
  }
  s = withoutCurrency(s);
  const sign = /^([+-])(.*)$/.exec(s);
  if (sign && sign[2] !== undefined) {
    if (sign[1] === "-") {
      if (negative) return { ok: false, problem: "not-a-number" };
      negative = true;
    }
    s = sign[2];
  }
  const digits = normalizeDigits(s);
  if (digits === null) return { ok: false, problem: "not-a-number" };
  const [intPart, fracPart] = digits;
  if (fracPart.length > 2 && /[1-9]/.test(fracPart.slice(2)))
    return { ok: false, problem: "fraction-of-cent" };
  const whole = BigInt(intPart) * 100n + BigInt((fracPart + "00").slice(0, 2));
  if (whole > BigInt(MAX_CENTS)) return { ok: false, problem: "too-large" };
  const n = Number(whole);
  return { ok: true, cents: cents(negative ? -n : n), fromText: true };
}

/** Splits a number written with grouping and a decimal separator into integer and fraction digits. */
function normalizeDigits(s: string): [string, string] | null {
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let decimalSep: "," | "." | null = null;
  if (lastComma >= 0 && lastDot >= 0) {
    decimalSep = lastComma > lastDot ? "," : ".";
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? "," : ".";
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    // One separator not followed by exactly three digits is a decimal separator; so is one after a
    // zero or nothing (`0,100` is 0,10 €, not 100 €: no thousands grouping starts with 0).
    if (count === 1 && (after !== 3 || /^0*$/.test(s.slice(0, s.indexOf(sep))))) decimalSep = sep;
  }
  let intPart = s;
  let fracPart = "";
  if (decimalSep !== null) {
    const at = s.lastIndexOf(decimalSep);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (!/^[0-9]*$/.test(fracPart)) return null;
  }
  if (intPart === "" && fracPart === "") return null;
  const groupSep = /[.,]/.exec(intPart)?.[0];
  if (groupSep !== undefined) {
    if (!new RegExp(`^[1-9][0-9]{0,2}(\\${groupSep}[0-9]{3})+$`).test(intPart)) return null;
    intPart = intPart.split(groupSep).join("");
  }
  if (!/^[0-9]*$/.test(intPart)) return null;
  return [intPart === "" ? "0" : intPart, fracPart];
}

/** Why a cell is not a rate. */
export type RateParse = { readonly ok: true; readonly rate: Rate } | { readonly ok: false };

/**
 * Reads a rate: a number is a fraction as a percentage cell holds it (0.5); text with `%` is a
 * percentage (`50 %`, `33,3333 %`); other text is a fraction (`0,5`).
 *
 * @param cell - the cell
 * @returns the rate, or not ok
 */
export function parseRate(cell: Cell): RateParse {
  let fraction: number | null = null;
  if (cell.kind === "number") fraction = cell.value;
  if (cell.kind === "text") {
    const s = cell.value.replace(SPACES, "").replace(",", ".");
    const m = /^([+-]?[0-9]+(?:\.[0-9]+)?)(%?)$/.exec(s);
    if (m && m[1] !== undefined) fraction = m[2] === "%" ? Number(m[1]) / 100 : Number(m[1]);
  }
  if (fraction === null) return { ok: false };
  const r = rateFromFraction(fraction);
  return r === null ? { ok: false } : { ok: true, rate: r };
}

/** Groups digits by three with a separator. */
function groupDigits(digits: string, sep: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * Formats an amount: `1 234,56 €` in French (narrow no-break space between groups, no-break space
 * before the euro sign, as Intl's fr-FR does), `€1,234.56` in English.
 *
 * @param c - the amount
 * @param lang - the language
 * @returns the text
 */
export function formatMoney(c: Cents, lang: Lang): string {
  const abs = Math.abs(c);
  const intPart = Math.floor(abs / 100).toString();
  const frac = (abs % 100).toString().padStart(2, "0");
  const sign = c < 0 ? "-" : "";
  return lang === "fr"
    ? `${sign}${groupDigits(intPart, "\u202F")},${frac}\u00A0€`
    : `${sign}€${groupDigits(intPart, ",")}.${frac}`;
}

/**
 * Formats a rate as a percentage with the decimals it needs (2 at least): `50,00 %` / `50.00%`.
 *
 * @param r - the rate
 * @param lang - the language
 * @returns the text
 */
export function formatRate(r: Rate, lang: Lang): string {
  const hundredths = r / 100; // millionths → percent × 10^4
  let text = (hundredths / 100).toFixed(4).replace(/0{1,2}$/, "");
  if (lang === "fr") text = text.replace(".", ",");
  return lang === "fr" ? `${text}\u00A0%` : `${text}%`;
}
