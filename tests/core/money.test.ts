import fc from "fast-check";
import {
  a1,
  cellText,
  columnIndex,
  columnLetters,
  gridAddress,
  parseA1,
  quoteSheet,
  sheetRowNumber,
  toCell,
} from "../../src/core/cell";
import {
  addCents,
  allocate,
  applyRate,
  cents,
  centsFromEuros,
  centsToEuros,
  divRoundHalfAwayFromZero,
  formatMoney,
  formatRate,
  MAX_CENTS,
  parseAmount,
  parseAmountText,
  parseRate,
  rate,
  rateFromFraction,
  rateToFraction,
  subCents,
  sumCents,
} from "../../src/core/money";
import type { Cents } from "../../src/core/types";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

/** Exact share amount × w / Σw as a rational, compared with a part: |part − share| × 2 ≤ limit × 2. */
function withinOfShare(part: Cents, amount: number, w: number, total: number, halfCents: bigint): boolean {
  const diff = BigInt(part) * BigInt(total) - BigInt(amount) * BigInt(w);
  const abs = diff < 0n ? -diff : diff;
  return 2n * abs <= halfCents * BigInt(total);
}

describe("cents and rates", () => {
  it("makes cents from integers only, without -0, within ±2^51", () => {
    expect(cents(123456)).toBe(123456);
    expect(Object.is(cents(-0), 0)).toBe(true);
    expect(cents(MAX_CENTS)).toBe(2 ** 51);
    expect(cents(-MAX_CENTS)).toBe(-(2 ** 51));
    expect(() => cents(0.5)).toThrow(RangeError);
    expect(() => cents(MAX_CENTS + 1)).toThrow(RangeError);
    expect(() => cents(Number.NaN)).toThrow(RangeError);
  });

  it("makes rates from integer millionths", () => {
    expect(rate(500_000)).toBe(500_000);
    expect(Object.is(rate(-0), 0)).toBe(true);
    expect(() => rate(0.5)).toThrow(RangeError);
    expect(() => rate(2 ** 60)).toThrow(RangeError);
    expect(rateToFraction(rate(196_000))).toBeCloseTo(0.196, 12);
  });

  it.each([
    [0.5, 500_000],
    [0.2, 200_000],
    [0.196, 196_000],
    [0.07, 70_000], // 0.07 × 10^6 is 70 000.000 000 000 01 in binary floating point
    [0.333333, 333_333], // 33,3333 %
    [1, 1_000_000],
    [0, 0],
    [-0.05, -50_000],
    [1.5, 1_500_000],
  ])("reads the fraction %p as %p millionths", (fraction, ppm) => {
    expect(rateFromFraction(fraction)).toBe(ppm);
  });

  it.each([1 / 3, 0.6666666, 0.9999995, 0.0000001, Number.NaN, Number.POSITIVE_INFINITY])(
    "refuses %p, finer than a millionth or not finite",
    (fraction) => {
      // 0.666 666 6 used to be rounded silently to 66,6667 % (tolerance of 10^-6 relative).
      expect(rateFromFraction(fraction)).toBeNull();
    },
  );
});

describe("euros to cents", () => {
  it.each([
    [1234.56, 123456], // 1234.56 × 100 = 123 455.999 999 999 99
    [0.1 + 0.2, 30], // 0.300 000 000 000 000 04
    [1.1 + 2.2, 330],
    [19.99, 1999],
    [-1000, -100000],
    [0, 0],
    [1e-12, 0], // residue of a subtraction in Excel (=A1-B1), not a fraction of a cent
    [40000, 4_000_000],
  ])("reads %p € as %p cents", (euros, c) => {
    expect(centsFromEuros(euros)).toBe(c);
  });

  it.each([1234.565, 0.001, 0.015, Number.NaN, Number.POSITIVE_INFINITY, (MAX_CENTS + 2) / 100])(
    "refuses %p €",
    (euros) => {
      expect(centsFromEuros(euros)).toBeNull();
    },
  );

  it("gives euros back", () => {
    expect(centsToEuros(cents(123456))).toBe(1234.56);
  });

  it("property: every amount of cents survives a trip through euros", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), (n) => {
        expect(centsFromEuros(centsToEuros(cents(n)))).toBe(n);
      }),
    );
  });
});

describe("sums", () => {
  it("adds and subtracts exactly", () => {
    // 0,10 € + 0,20 € = 0,30 € exactly, not 0.300 000 000 000 000 04
    expect(addCents(cents(10), cents(20))).toBe(30);
    expect(subCents(cents(4_800_000), cents(2_000_000))).toBe(2_800_000); // 48 000 − 20 000 = 28 000
    expect(sumCents([cents(1), cents(2), cents(-4)])).toBe(-1);
    expect(sumCents([])).toBe(0);
  });

  it("throws when a sum leaves ±2^51", () => {
    expect(() => sumCents([cents(MAX_CENTS), cents(1)])).toThrow(RangeError);
    expect(() => addCents(cents(-MAX_CENTS), cents(-1))).toThrow(RangeError);
  });
});

describe("ROUND half away from zero", () => {
  it.each([
    [5n, 2n, 3n], // 2.5 → 3
    [-5n, 2n, -3n], // −2.5 → −3
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 3n, 2n], // 2.33 → 2
    [-7n, 3n, -2n],
    [8n, 3n, 3n], // 2.67 → 3
    [1n, 4n, 0n],
    [3n, 4n, 1n],
    [0n, 7n, 0n],
  ])("%p / %p rounds to %p", (n, d, q) => {
    expect(divRoundHalfAwayFromZero(n, d)).toBe(q);
  });

  it("refuses a zero denominator", () => {
    expect(() => divRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });

  it.each([
    [40_000_00, 500_000, 20_000_00], // 40 000,00 € × 50 % = 20 000,00 €
    [40_000_00, 200_000, 8_000_00], // 40 000,00 € × 20 % = 8 000,00 €
    [5, 500_000, 3], // 0,05 € × 50 % = 0,025 → 0,03
    [-5, 500_000, -3], // −0,025 → −0,03, half away from zero like Excel
    [3, 500_000, 2], // 0,015 → 0,02
    [1, 200_000, 0], // 0,002 → 0,00
    [1_234_567, 196_000, 241_975], // 12 345,67 × 19,6 % = 2 419,751 32 → 2 419,75
    [1_234_567, 333_333, 411_522], // 12 345,67 × 33,3333 % = 4 115,218 57 → 4 115,22
    [99_999, 1_000_000, 99_999],
    [12_345, 0, 0],
  ])("applyRate(%p cents, %p ppm) = %p cents", (amount, ppm, expected) => {
    expect(applyRate(cents(amount), rate(ppm))).toBe(expected);
  });

  it("property: applyRate is within half a cent of the exact product, ties away from zero", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (amount, ppm) => {
          const got = BigInt(applyRate(cents(amount), rate(ppm)));
          const exact = BigInt(amount) * BigInt(ppm); // in cents × 10^6
          const diff = got * 1_000_000n - exact;
          expect(diff <= 500_000n && diff >= -500_000n).toBe(true);
          if (diff === 500_000n) expect(exact > 0n).toBe(true); // a tie goes up only for positive amounts
          if (diff === -500_000n) expect(exact < 0n).toBe(true);
        },
      ),
    );
  });
});

describe("allocate", () => {
  it.each([
    [1003, [1, 1], [502, 501]], // 501,5 → 502, the last takes 1003 − 502
    [100, [1, 2], [33, 67]], // 33,33 → 33; 100 − 33
    [4_000_000, [52_000_000, 83_000_000], [1_540_741, 2_459_259]], // 40 000 € by CEJ 520 000 / 830 000
    [0, [1, 1], [0, 0]],
    [-1003, [1, 1], [-502, -501]],
    [100, [0, 5], [0, 100]],
    [100, [5, 0], [100, 0]],
    [777, [3], [777]],
    [10, [1, 1, 1], [3, 3, 4]],
  ])("splits %p by %p into %p", (amount, weights, parts) => {
    expect(allocate(cents(amount), weights)).toEqual(parts);
  });

  it("shows its documented limit with more than two weights: the last part takes every rounding", () => {
    // 2 cents by four equal weights: 0,5 → 1 three times, the last takes 2 − 3.
    expect(allocate(cents(2), [1, 1, 1, 1])).toEqual([1, 1, 1, -1]);
  });

  it.each([[[]], [[-1, 2]], [[0, 0]], [[1.5, 1]], [[Number.NaN]]])("refuses the weights %p", (weights) => {
    expect(() => allocate(cents(100), weights)).toThrow(RangeError);
  });

  const amounts = fc.integer({ min: -(10 ** 12), max: 10 ** 12 });
  const weight = fc.integer({ min: 0, max: 10 ** 9 });

  it("property: the parts always add up to the amount", () => {
    fc.assert(
      fc.property(amounts, fc.array(weight, { minLength: 1, maxLength: 8 }), (amount, ws) => {
        fc.pre(ws.some((w) => w > 0));
        expect(sumCents(allocate(cents(amount), ws))).toBe(amount);
      }),
    );
  });

  it("property: with two weights (the basins) each part is within 1 cent (indeed half a cent) of its share", () => {
    fc.assert(
      fc.property(amounts, weight, weight, (amount, w1, w2) => {
        fc.pre(w1 + w2 > 0);
        const parts = allocate(cents(amount), [w1, w2]);
        parts.forEach((p, i) => {
          expect(withinOfShare(p, amount, [w1, w2][i] ?? 0, w1 + w2, 1n)).toBe(true);
        });
      }),
    );
  });

  it("property: every part but the last is within half a cent of its share, whatever the weights", () => {
    fc.assert(
      fc.property(amounts, fc.array(weight, { minLength: 1, maxLength: 8 }), (amount, ws) => {
        const total = ws.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const parts = allocate(cents(amount), ws);
        parts.slice(0, -1).forEach((p, i) => {
          expect(withinOfShare(p, amount, ws[i] ?? 0, total, 1n)).toBe(true);
        });
      }),
    );
  });
});

describe("parseAmountText", () => {
  it.each([
    ["12 345,67 €", 1_234_567],
    [`12${NBSP}345,67`, 1_234_567], // no-break space, as Excel fr-FR and PDFs give
    [`12${NNBSP}345,67${NBSP}€`, 1_234_567], // narrow no-break space, as Intl fr-FR gives
    ["12\u2009345,67", 1_234_567], // thin space
    ["12,345.67", 1_234_567],
    ["12.345,67", 1_234_567],
    ["1.234.567,89", 123_456_789],
    ["1,234,567.89", 123_456_789],
    ["€ 12345", 1_234_500],
    ["€12345.5", 1_234_550],
    ["12345 EUR", 1_234_500],
    ["12345 euros", 1_234_500],
    ["EUR 12345", 1_234_500],
    ["12345€", 1_234_500],
    ["-1 000,00 €", -100_000],
    ["- 1 000,00 €", -100_000],
    ["(1 000,00)", -100_000],
    ["(1 000,00 €)", -100_000],
    ["(1 000,00) €", -100_000], // Excel accounting format, fr
    ["€ (1,000.00)", -100_000], // Excel accounting format, en
    ["-€5", -500],
    ["€-5", -500],
    ["+5", 500],
    ["12,345", 1_234_500], // one separator before three digits: thousands (no amount has three decimals)
    ["12.345", 1_234_500],
    ["1.000.000", 100_000_000],
    ["1,5", 150],
    ["1.5", 150],
    [",5", 50],
    ["5,", 500],
    ["0,100", 10], // after a lone zero it is a decimal separator: 0,10 €, not 100 €
    ["0.500", 50],
    ["12,3400", 1234], // trailing zeros past the cent are harmless
    ["0,00", 0],
    ["-0", 0],
    ["007", 700],
    ["1234.56", 123_456],
    ["22 517 998 136 852,48", MAX_CENTS],
  ])("reads %p as %p cents", (text, expected) => {
    expect(parseAmountText(text)).toEqual({ ok: true, cents: expected, fromText: true });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    [NBSP, "empty"],
    ["abc", "not-a-number"],
    ["€", "not-a-number"],
    ["12,34,5", "not-a-number"],
    ["1234,567", "not-a-number"], // three digits after one separator read as grouping, but 1234 is no group
    ["012,345", "not-a-number"], // a grouping never starts with 0
    ["0.000.001", "not-a-number"],
    ["(-5)", "not-a-number"],
    ["--5", "not-a-number"],
    ["5-", "not-a-number"],
    ["1e5", "not-a-number"],
    ["12 345,67 € HT", "not-a-number"],
    ["1,234.567", "fraction-of-cent"],
    ["12,3456", "fraction-of-cent"],
    ["0,001", "fraction-of-cent"], // not 1 €
    ["0,005", "fraction-of-cent"],
    ["22 517 998 136 852,49", "too-large"],
    ["-22 517 998 136 852,49", "too-large"],
    ["100 000 000 000 000 000", "too-large"],
  ])("refuses %p: %s", (text, problem) => {
    expect(parseAmountText(text)).toEqual({ ok: false, problem });
  });
});

describe("parseAmount", () => {
  it("reads numbers as euros, not from text", () => {
    expect(parseAmount({ kind: "number", value: 1234.56 })).toEqual({
      ok: true,
      cents: 123456,
      fromText: false,
    });
    expect(parseAmount({ kind: "number", value: 0.1 + 0.2 })).toEqual({
      ok: true,
      cents: 30,
      fromText: false,
    });
    expect(parseAmount({ kind: "number", value: -1000 })).toEqual({
      ok: true,
      cents: -100000,
      fromText: false,
    });
  });

  it("reads text with parseAmountText", () => {
    expect(parseAmount({ kind: "text", value: "12 345,67 €" })).toEqual({
      ok: true,
      cents: 1_234_567,
      fromText: true,
    });
  });

  it.each([
    [{ kind: "empty" } as const, "empty"],
    [{ kind: "error", code: "#N/A" } as const, "error-value"],
    [{ kind: "boolean", value: true } as const, "not-a-number"],
    [{ kind: "date", value: new Date(Date.UTC(2020, 0, 1)) } as const, "not-a-number"],
    [{ kind: "number", value: 1234.565 } as const, "fraction-of-cent"],
    [{ kind: "number", value: 0.001 } as const, "fraction-of-cent"],
    [{ kind: "number", value: 1e16 } as const, "too-large"],
    [{ kind: "number", value: -1e16 } as const, "too-large"],
    [{ kind: "text", value: "n/a" } as const, "not-a-number"],
  ])("refuses %p: %s", (cell, problem) => {
    expect(parseAmount(cell)).toEqual({ ok: false, problem });
  });
});

describe("formatMoney", () => {
  it.each([
    [123_456, `1${NNBSP}234,56${NBSP}€`, "€1,234.56"],
    [0, `0,00${NBSP}€`, "€0.00"],
    [5, `0,05${NBSP}€`, "€0.05"],
    [-5, `-0,05${NBSP}€`, "-€0.05"],
    [135_000_000, `1${NNBSP}350${NNBSP}000,00${NBSP}€`, "€1,350,000.00"],
    [100_000, `1${NNBSP}000,00${NBSP}€`, "€1,000.00"],
    [99_999, `999,99${NBSP}€`, "€999.99"],
    [MAX_CENTS, `22${NNBSP}517${NNBSP}998${NNBSP}136${NNBSP}852,48${NBSP}€`, "€22,517,998,136,852.48"],
  ])("formats %p cents as %p and %p", (c, fr, en) => {
    expect(formatMoney(cents(c), "fr")).toBe(fr);
    expect(formatMoney(cents(c), "en")).toBe(en);
  });

  it("matches Intl's fr-FR currency format", () => {
    const intl = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
    for (const c of [0, 5, 123_456, 135_000_000, -2_800_000]) {
      expect(formatMoney(cents(c), "fr")).toBe(intl.format(c / 100).replace("\u2212", "-"));
    }
  });

  it("property: formatMoney then parseAmountText gives the amount back (fr and en)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX_CENTS, max: MAX_CENTS }),
        fc.constantFrom("fr" as const, "en" as const),
        (n, lang) => {
          expect(parseAmountText(formatMoney(cents(n), lang))).toEqual({
            ok: true,
            cents: n,
            fromText: true,
          });
        },
      ),
    );
  });
});

describe("rates", () => {
  it.each([
    [500_000, `50,00${NBSP}%`, "50.00%"],
    [200_000, `20,00${NBSP}%`, "20.00%"],
    [196_000, `19,60${NBSP}%`, "19.60%"],
    [333_333, `33,3333${NBSP}%`, "33.3333%"],
    [123_450, `12,345${NBSP}%`, "12.345%"],
    [1, `0,0001${NBSP}%`, "0.0001%"],
    [0, `0,00${NBSP}%`, "0.00%"],
    [1_000_000, `100,00${NBSP}%`, "100.00%"],
  ])("formats %p ppm as %p and %p", (ppm, fr, en) => {
    expect(formatRate(rate(ppm), "fr")).toBe(fr);
    expect(formatRate(rate(ppm), "en")).toBe(en);
  });

  it.each([
    [{ kind: "number", value: 0.5 } as const, 500_000], // a percentage cell holds the fraction
    [{ kind: "number", value: 0.196 } as const, 196_000],
    [{ kind: "number", value: 50 } as const, 50_000_000], // 5 000 %: the caller checks the range
    [{ kind: "text", value: "50 %" } as const, 500_000],
    [{ kind: "text", value: "50%" } as const, 500_000],
    [{ kind: "text", value: `50${NBSP}%` } as const, 500_000],
    [{ kind: "text", value: `19,6${NNBSP}%` } as const, 196_000],
    [{ kind: "text", value: "33,3333 %" } as const, 333_333],
    [{ kind: "text", value: "0,5" } as const, 500_000], // text without % is a fraction
    [{ kind: "text", value: "0.5" } as const, 500_000],
    [{ kind: "text", value: "-5 %" } as const, -50_000],
    [{ kind: "text", value: "+20%" } as const, 200_000],
  ])("reads the rate %p as %p ppm", (cell, ppm) => {
    expect(parseRate(cell)).toEqual({ ok: true, rate: ppm });
  });

  it.each([
    { kind: "text", value: "abc" } as const,
    { kind: "text", value: "50 %%" } as const,
    { kind: "text", value: "% 50" } as const,
    { kind: "text", value: "33,33335 %" } as const, // finer than a millionth
    { kind: "number", value: 0.6666666 } as const,
    { kind: "empty" } as const,
    { kind: "boolean", value: true } as const,
    { kind: "error", code: "#VALUE!" } as const,
  ])("refuses the rate %p", (cell) => {
    expect(parseRate(cell)).toEqual({ ok: false });
  });

  it("property: formatRate then parseRate gives the rate back", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom("fr" as const, "en" as const),
        (ppm, lang) => {
          expect(parseRate({ kind: "text", value: formatRate(rate(ppm), lang) })).toEqual({
            ok: true,
            rate: ppm,
          });
        },
      ),
    );
  });
});

describe("cells", () => {
  it.each([
    [null, { kind: "empty" }],
    [undefined, { kind: "empty" }],
    ["", { kind: "empty" }],
    ["   ", { kind: "empty" }],
    [`${NBSP}${NNBSP}`, { kind: "empty" }],
    [" Blanzy ", { kind: "text", value: " Blanzy " }], // kept as given
    [12.5, { kind: "number", value: 12.5 }],
    [0, { kind: "number", value: 0 }],
    [Number.NaN, { kind: "error", code: "#NUM!" }],
    [Number.POSITIVE_INFINITY, { kind: "error", code: "#NUM!" }],
    [true, { kind: "boolean", value: true }],
    ["#N/A", { kind: "error", code: "#N/A" }], // Office.js gives error values as strings
    ["#DIV/0!", { kind: "error", code: "#DIV/0!" }],
    ["#SPILL!", { kind: "error", code: "#SPILL!" }],
    ["#n/a", { kind: "text", value: "#n/a" }],
    [{ error: "#REF!" }, { kind: "error", code: "#REF!" }], // file readers give { error }
  ])("toCell(%p) is %p", (raw, cell) => {
    expect(toCell(raw)).toEqual(cell);
  });

  it("keeps dates", () => {
    const d = new Date(Date.UTC(2021, 9, 2));
    expect(toCell(d)).toEqual({ kind: "date", value: d });
  });

  it.each([
    [{ kind: "empty" } as const, ""],
    [{ kind: "number", value: 1234.5 } as const, "1234.5"],
    [{ kind: "text", value: "Blanzy" } as const, "Blanzy"],
    [{ kind: "boolean", value: false } as const, "FALSE"],
    [{ kind: "boolean", value: true } as const, "TRUE"],
    [{ kind: "date", value: new Date(Date.UTC(2021, 9, 2)) } as const, "2021-10-02"],
    [{ kind: "error", code: "#N/A" } as const, "#N/A"],
  ])("cellText(%p) is %p", (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe("addresses", () => {
  it.each([
    [0, "A"],
    [3, "D"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %p is %p", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  it.each([-1, 16384, 1.5, Number.NaN])("refuses the column index %p", (index) => {
    expect(() => columnLetters(index)).toThrow(RangeError);
  });

  it.each(["", "XFE", "ZZZ", "A1", "ABCD", "É"])("refuses the column letters %p", (letters) => {
    expect(() => columnIndex(letters)).toThrow(RangeError);
  });

  it("property: columnLetters and columnIndex are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) => {
        expect(columnIndex(columnLetters(i))).toBe(i);
      }),
    );
  });

  it.each([
    ["B3", { row: 2, col: 1 }],
    ["$B$3", { row: 2, col: 1 }],
    [" d7 ", { row: 6, col: 3 }],
    ["XFD1048576", { row: 1048575, col: 16383 }],
  ])("parseA1(%p) is %p", (address, pos) => {
    expect(parseA1(address)).toEqual(pos);
  });

  it.each(["A0", "3B", "A1048577", "B", "7", "A1:B2", "Sheet!A1"])("refuses the address %p", (address) => {
    expect(() => parseA1(address)).toThrow(RangeError);
  });

  it("property: a1 and parseA1 are inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
  });

  it.each([
    ["Financements", "Financements"],
    ["Sheet_1", "Sheet_1"],
    ["Rates", "Rates"],
    ["Paramètres CTG", "'Paramètres CTG'"],
    ["My Sheet", "'My Sheet'"],
    ["L'été", "'L''été'"],
    ["2021", "'2021'"],
    ["A1", "'A1'"], // reads as a cell
    ["ctg1", "'ctg1'"],
    ["R1C1", "'R1C1'"], // reads as an R1C1 reference
    ["R", "'R'"],
    ["C", "'C'"],
    ["RC", "'RC'"],
    ["C12", "'C12'"],
    ["R2C", "'R2C'"],
  ])("quotes the sheet %p as %p", (sheet, quoted) => {
    expect(quoteSheet(sheet)).toBe(quoted);
  });

  it("gives addresses with their sheet", () => {
    expect(gridAddress({ sheet: "Paramètres CTG", topLeft: "A1" }, 3, 1)).toBe("'Paramètres CTG'!B4");
    expect(gridAddress({ sheet: "Financements", topLeft: "A1" }, 6, 3)).toBe("Financements!D7");
    // a table starting in B3: grid (4, 2) is D7
    expect(gridAddress({ sheet: "Financements", topLeft: "B3" }, 4, 2)).toBe("Financements!D7");
    expect(gridAddress({ sheet: "Financements", topLeft: "$B$3" }, 0, 0)).toBe("Financements!B3");
    expect(sheetRowNumber({ sheet: "Financements", topLeft: "B3" }, 4)).toBe(7);
    expect(a1(6, 3)).toBe("D7");
  });
});
