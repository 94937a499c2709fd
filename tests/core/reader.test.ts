import fc from "fast-check";
import { parseA1, quoteSheet } from "../../src/core/cell";
import { formatIssue } from "../../src/i18n";
import { DEFAULT_PARAMS } from "../../src/core/params";
import { computePlan } from "../../src/core/plan";
import {
  fieldOfHeader,
  HEADER_SYNONYMS,
  normalizeHeader,
  parseBasin,
  readFundingTable,
} from "../../src/core/reader";
import type {
  Field,
  FundingRow,
  Issue,
  RawGrid,
  RawValue,
  ReadOptions,
  ReadResult,
  Severity,
} from "../../src/core/types";
import { FIELDS } from "../../src/core/types";
import { COMMUNES_FIXTURE, dataOf, eur } from "./fixtures";

// ---------------------------------------------------------------------------------------------
// Helpers

const ORIGIN = { sheet: "Financements", topLeft: "A1" };

/** Every issue must make a sentence in both languages, with nothing left unfilled. */
function expectPhrased(issues: readonly Issue[]): void {
  for (const issue of issues) {
    for (const lang of ["fr", "en"] as const) {
      const text = formatIssue(issue, lang);
      expect(text).not.toMatch(/undefined|NaN|\[object|(^|\s)\?(\s|$)/);
      expect(text.length).toBeGreaterThan(20);
    }
  }
}

/** Reads a grid of sheet `Financements` from A1 against the 34 communes, and checks the sentences. */
function read(grid: RawGrid, options: Partial<ReadOptions> = {}): ReadResult {
  const result = readFundingTable(grid, { origin: ORIGIN, communes: COMMUNES_FIXTURE, ...options });
  expectPhrased(result.issues);
  return result;
}

/** Issues as [code, severity, cell] triples, in the order they were raised. */
function found(result: ReadResult): [string, Severity, string][] {
  return result.issues.map((i) => [i.code, i.severity, i.cell]);
}

function only(result: ReadResult, code: string): Issue {
  const matching = result.issues.filter((i) => i.code === code);
  expect(matching).toHaveLength(1);
  const [issue] = matching;
  if (issue === undefined) throw new Error(`no ${code}`);
  return issue;
}

/** The usual sheet: A Commune, B Bassin, C Domaine, D Année, E Montant, header in row 1. */
const HEADER: RawValue[] = ["Commune", "Bassin", "Domaine", "Année", "Montant"];

/** Sheet 1: the usual header, then the rows given (sheet rows 2, 3…). */
function sheet1(...rows: RawValue[][]): RawValue[][] {
  return [HEADER, ...rows];
}

/** A data row of sheet 1. */
function r1(
  commune: RawValue,
  amount: RawValue,
  basin: RawValue = "",
  domain: RawValue = "Enfance",
  year: RawValue = 2019,
): RawValue[] {
  return [commune, basin, domain, year, amount];
}

/** Sheet 2: a title, a note and a blank row above an English header starting in row 4. */
function sheet2(...rows: RawValue[][]): RawValue[][] {
  return [
    ["CEJ funding 2017-2020", "", ""],
    ["Source: Caf de Saône-et-Loire", "", ""],
    ["", "", ""],
    ["Municipality ", "Year", "Amount paid"],
    ...rows,
  ];
}

/** Sheet 3: INSEE code and amount only (no commune column). */
function sheet3(...rows: RawValue[][]): RawValue[][] {
  return [["Code INSEE", "Montant versé"], ...rows];
}

/** Sheet 4: commune and INSEE code side by side. */
function sheet4(...rows: RawValue[][]): RawValue[][] {
  return [["Commune", "Code INSEE", "Montant"], ...rows];
}

// ---------------------------------------------------------------------------------------------
// Headers

describe("fieldOfHeader: French and English synonyms, any case or accent", () => {
  it.each<[string, Field]>([
    ["Commune", "commune"],
    ["Communes", "commune"],
    ["Ville", "commune"],
    ["Municipality", "commune"],
    ["Nom de la commune", "commune"],
    ["Code INSEE", "insee"],
    ["INSEE", "insee"],
    ["Code commune", "insee"],
    ["N° INSEE", "insee"],
    ["INSEE code", "insee"],
    ["Bassin", "basin"],
    ["Bassin de vie", "basin"],
    ["Basin", "basin"],
    ["Domaine", "domain"],
    ["Champ", "domain"],
    ["Champ : Enfance / Jeunesse", "domain"],
    ["Domain", "domain"],
    ["Action", "action"],
    ["Équipement", "action"],
    ["EQUIPEMENT", "action"],
    ["Dispositif", "action"],
    ["Année", "year"],
    ["ANNÉE", "year"],
    ["annee", "year"],
    ["Exercice", "year"],
    ["Year", "year"],
    ["Montant", "amount"],
    ["Montants", "amount"],
    ["Montant CEJ", "amount"],
    ["Montant versé", "amount"],
    ["MONTANT VERSE", "amount"],
    ["Montant (€)", "amount"],
    ["Montant CEJ 2019", "amount"],
    ["PSEJ", "amount"],
    ["Amount", "amount"],
    ["Amount paid", "amount"],
    ["Montant   ", "amount"],
    ["  Commune\u00A0", "commune"],
  ])("%j → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each(["", "   ", "Total", "Observations", "Montantx", "Date de versement", "N°", "Commentaire"])(
    "%j names no field",
    (header) => {
      expect(fieldOfHeader(header)).toBeNull();
    },
  );

  it("lists only normalized synonyms, each naming its own field", () => {
    for (const field of FIELDS) {
      for (const syn of HEADER_SYNONYMS[field]) {
        expect(normalizeHeader(syn)).toBe(syn);
        expect(fieldOfHeader(syn)).toBe(field);
      }
    }
  });

  it("normalizes case, accents, punctuation and spaces", () => {
    expect(normalizeHeader("  Montant  versé (€) ")).toBe("montant verse");
    expect(normalizeHeader("Année\u202F")).toBe("annee");
  });
});

describe("readFundingTable: the header row", () => {
  it("maps the usual French sheet in row 1", () => {
    const result = read(sheet1(r1("Le Creusot", 1000)));
    expect(result.headerRow).toBe(0);
    expect(result.headers).toEqual(["Commune", "Bassin", "Domaine", "Année", "Montant"]);
    expect(result.mapping).toEqual({ commune: 0, basin: 1, domain: 2, year: 3, amount: 4 });
    expect(result.issues).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  it("finds an English header below title rows, trailing spaces and all", () => {
    const result = read(sheet2(["Montceau", 2019, 1500], ["Torcy", 2020, 250.5]));
    expect(result.headerRow).toBe(3);
    expect(result.mapping).toEqual({ commune: 0, year: 1, amount: 2 });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.commune, r.year, r.amount, r.sheetRow, r.amountCell])).toEqual([
      ["Montceau-les-Mines", 2019, eur("1 500,00"), 5, "Financements!C5"],
      ["Torcy", 2020, eur("250,50"), 6, "Financements!C6"],
    ]);
  });

  it("offsets every address when the grid starts at B3", () => {
    const result = read(sheet2(["Montceau", 2019, 1500], ["Torcy", 1999, "abc"]), {
      origin: { sheet: "Financements", topLeft: "B3" },
    });
    // Grid row 5 is sheet row 8; grid columns B, C are sheet columns C, D.
    expect(found(result)).toEqual([
      ["year-invalid", "error", "Financements!C8"],
      ["amount-not-a-number", "error", "Financements!D8"],
    ]);
    expect(result.rows[0]?.sheetRow).toBe(7);
    expect(result.rows[0]?.amountCell).toBe("Financements!D7");
    expect(result.rows[0]?.communeCell).toBe("Financements!B7");
  });

  it("quotes a sheet name with spaces or accents", () => {
    const result = read(sheet1(r1("Le Creusot", "")), { origin: { sheet: "Données CEJ", topLeft: "A1" } });
    expect(found(result)).toEqual([["amount-empty", "error", "'Données CEJ'!E2"]]);
  });

  it("takes the header row the caller gives", () => {
    const grid = [
      ["Commune", "Montant"],
      ["Notes", "x"],
      ["Ville", "Montant"],
      ["Blanzy", 10],
    ];
    const result = read(grid, { headerRow: 2 });
    expect(result.headerRow).toBe(2);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.commune)).toEqual(["Blanzy"]);
  });

  it("reports header-not-found on the grid's first cell when no row names a column", () => {
    const grid = [["Contrats enfance jeunesse"], ["Le Creusot", 1000]];
    expect(found(read(grid))).toEqual([["header-not-found", "error", "Financements!A1"]]);
    const shifted = read(grid, { origin: { sheet: "Financements", topLeft: "B3" } });
    expect(found(shifted)).toEqual([["header-not-found", "error", "Financements!B3"]]);
    expect(shifted.headerRow).toBe(-1);
    expect(found(read([]))).toEqual([["header-not-found", "error", "Financements!A1"]]);
    expect(found(read(grid, { headerRow: 5 }))).toEqual([["header-not-found", "error", "Financements!A1"]]);
  });

  it("reports a missing commune column on the header row", () => {
    const grid = [["Tableau des versements"], [], ["Bénéficiaire", "Année", "Montant"], ["Blanzy", 2019, 10]];
    const result = read(grid);
    expect(result.headerRow).toBe(2);
    expect(found(result)).toEqual([["missing-column", "error", "Financements!A3"]]);
    expect(result.issues[0]?.data).toEqual({ field: "commune" });
    expect(result.rows).toEqual([]);
  });

  it("reports a missing amount column on the header row", () => {
    const result = read([
      ["Commune", "Année", "Total"],
      ["Blanzy", 2019, 10],
    ]);
    expect(found(result)).toEqual([["missing-column", "error", "Financements!A1"]]);
    expect(result.issues[0]?.data).toEqual({ field: "amount" });
  });

  it("reports two columns for one field on the second one, naming both", () => {
    const result = read([
      ["Commune", "Montant CEJ", "Montant versé"],
      ["Blanzy", 10, 10],
    ]);
    expect(found(result)).toEqual([["duplicate-column", "error", "Financements!C1"]]);
    expect(result.issues[0]?.related).toEqual(["Financements!B1", "Financements!C1"]);
    expect(result.issues[0]?.data).toEqual({ field: "amount", columns: ["Montant CEJ", "Montant versé"] });
    expect(result.rows).toEqual([]);
  });

  it("lets the user's mapping override the guess", () => {
    const grid = [
      ["Commune", "Montant CEJ", "Montant versé"],
      ["Blanzy", 10, 12],
    ];
    const result = read(grid, { mapping: { amount: 2 } });
    expect(result.issues).toEqual([]);
    expect(result.mapping).toEqual({ commune: 0, amount: 2 });
    expect(result.rows[0]?.amount).toBe(eur(12));
    expect(result.rows[0]?.amountCell).toBe("Financements!C2");
  });

  it("lets the user's mapping take a column whose header names another field", () => {
    // Column B says "Ville" but holds the INSEE codes; the user maps it to insee.
    const grid = [
      ["Nom", "Ville", "Montant"],
      ["Le Creusot", "71153", 10],
    ];
    const result = read(grid, { mapping: { commune: 0, insee: 1 } });
    expect(result.issues).toEqual([]);
    expect(result.mapping).toEqual({ commune: 0, insee: 1, amount: 2 });
    expect(result.rows[0]?.insee).toBe("71153");
  });

  it("reads a table whose titles are not recognized when the user chose its columns", () => {
    const grid = [
      ["Bénéficiaire", "Somme"],
      ["Blanzy", 10],
      ["Torcy", 20],
    ];
    expect(found(read(grid))).toEqual([["header-not-found", "error", "Financements!A1"]]);
    const result = read(grid, { mapping: { commune: 0, amount: 1 } });
    expect(result.issues).toEqual([]);
    expect(result.headerRow).toBe(0);
    expect(result.rows.map((r) => r.commune)).toEqual(["Blanzy", "Torcy"]);
  });

  it("reports a chosen column outside the table on the header row", () => {
    const result = read(sheet1(r1("Blanzy", 10)), { mapping: { amount: 9 } });
    expect(found(result)).toContainEqual(["mapping-out-of-range", "error", "Financements!A1"]);
    expect(only(result, "mapping-out-of-range").data).toEqual({ field: "amount", column: 9 });
    expect(result.rows).toEqual([]);
    expect(found(read(sheet1(r1("Blanzy", 10)), { mapping: { year: -1 } }))).toEqual([
      ["mapping-out-of-range", "error", "Financements!A1"],
    ]);
  });

  it("reports no-rows on the header row when nothing is below it", () => {
    expect(found(read(sheet1()))).toEqual([["no-rows", "error", "Financements!A1"]]);
    expect(found(read(sheet1([], ["", "", "", "", ""], [null, null])))).toEqual([
      ["no-rows", "error", "Financements!A1"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Amounts

describe("readFundingTable: amounts", () => {
  it("reads numbers as exact cents", () => {
    const result = read(sheet1(r1("Blanzy", 1234.56), r1("Torcy", 0.1), r1("Génelard", 100000)));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.amount, r.amountFromText])).toEqual([
      [123_456, false],
      [10, false],
      [10_000_000, false],
    ]);
  });

  it("reports an empty amount on its cell", () => {
    const result = read(sheet1(r1("Blanzy", 10), r1("Torcy", ""), r1("Génelard", null)));
    expect(found(result)).toEqual([
      ["amount-empty", "error", "Financements!E3"],
      ["amount-empty", "error", "Financements!E4"],
    ]);
    expect(result.rows.map((r) => r.commune)).toEqual(["Blanzy"]);
  });

  it.each<[string, RawValue]>([
    ["a word", "environ 1000"],
    ["TRUE", true],
    ["a date", new Date(Date.UTC(2019, 0, 1))],
    ["two signs", "-(1 000,00)"],
  ])("reports an amount that is not a number (%s) on its cell", (_label, value) => {
    const result = read(sheet1(r1("Blanzy", 10), r1("Torcy", value)));
    expect(found(result)).toEqual([["amount-not-a-number", "error", "Financements!E3"]]);
    expect(result.rows).toHaveLength(1);
  });

  it.each<[string, RawValue]>([
    ["Office.js string", "#N/A"],
    ["file reader object", { error: "#DIV/0!" }],
  ])("reports an error value (%s) on its cell", (_label, value) => {
    const result = read(sheet1(r1("Torcy", value)));
    expect(found(result)).toEqual([["amount-error-value", "error", "Financements!E2"]]);
    expect(dataOf(result.issues[0]).value).toBe(typeof value === "string" ? value : "#DIV/0!");
  });

  it.each<RawValue>([12.345, 0.001, "12,3456", "1 000,0051 €", "0,125"])(
    "reports fractions of a cent in %j on its cell",
    (value) => {
      const result = read(sheet1(r1("Torcy", value)));
      expect(found(result)).toEqual([["amount-fraction-of-cent", "error", "Financements!E2"]]);
      expect(result.rows).toEqual([]);
    },
  );

  it("reports an amount too large to be euros", () => {
    expect(found(read(sheet1(r1("Torcy", 1e15))))).toEqual([
      ["amount-too-large", "error", "Financements!E2"],
    ]);
  });

  it.each<[string, number]>([
    ["12 345,67 €", 1_234_567],
    ["12\u00A0345,67", 1_234_567],
    ["12\u202F345,67", 1_234_567],
    ["12,345.67", 1_234_567],
    ["€ 12345", 1_234_500],
    ["12345 EUR", 1_234_500],
  ])("accepts the text %j as %i cents, with a warning on its cell", (text, expected) => {
    const result = read(sheet1(r1("Blanzy", text)));
    expect(found(result)).toEqual([["amount-as-text", "warning", "Financements!E2"]]);
    expect(result.issues[0]?.data).toEqual({ value: text, amount: expected });
    expect(result.rows[0]?.amount).toBe(expected);
    expect(result.rows[0]?.amountFromText).toBe(true);
  });

  it.each(["-1 000,00 €", "(1 000,00)"])("accepts the negative text %j, warning twice", (text) => {
    const result = read(sheet1(r1("Blanzy", 5000), r1("Blanzy", text)));
    expect(found(result)).toEqual([
      ["amount-as-text", "warning", "Financements!E3"],
      ["amount-negative", "warning", "Financements!E3"],
    ]);
    expect(result.rows.map((r) => r.amount)).toEqual([500_000, -100_000]);
    expect(only(result, "amount-negative").data).toEqual({ amount: -100_000 });
  });

  it("accepts a negative number as a correction, with a warning", () => {
    const result = read(sheet1(r1("Blanzy", 5000), r1("Blanzy", -1000)));
    expect(found(result)).toEqual([["amount-negative", "warning", "Financements!E3"]]);
    expect(result.rows.map((r) => [r.amount, r.amountFromText])).toEqual([
      [500_000, false],
      [-100_000, false],
    ]);
  });

  it("leaves a commune whose total is negative to the plan, which reports it on its first amount", () => {
    const result = read(
      sheet1(r1("Torcy", 800), r1("Blanzy", 1000), r1("Blanzy", "-3 000,00 €"), r1("Blanzy", 500)),
    );
    expect(result.issues.every((i) => i.severity === "warning")).toBe(true);
    const plan = computePlan(result.rows, DEFAULT_PARAMS, COMMUNES_FIXTURE);
    expect(plan.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([
      ["commune-total-negative", "error", "Financements!E3"],
    ]);
    expect(plan.issues[0]?.data).toEqual({ commune: "Blanzy", total: -150_000 });
    expectPhrased(plan.issues);
  });
});

// ---------------------------------------------------------------------------------------------
// Communes and basins

describe("readFundingTable: communes", () => {
  it("matches official names, short forms and case or accent variants", () => {
    const result = read(
      sheet1(r1("LE CREUSOT", 1), r1("Montceau", 2), r1("ecuisses", 3), r1("St-Vallier", 4), r1(71040, 5)),
    );
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.commune, r.insee])).toEqual([
      ["Le Creusot", "71153"],
      ["Montceau-les-Mines", "71306"],
      ["Écuisses", "71187"],
      ["Saint-Vallier", "71486"],
      ["Blanzy", "71040"],
    ]);
  });

  it("reports an unknown commune with suggestions when the row gives no basin", () => {
    const result = read(sheet1(r1("Blanzy", 1), r1("Montcau", 2)));
    expect(found(result)).toEqual([["commune-unknown", "error", "Financements!A3"]]);
    expect(result.issues[0]?.data).toEqual({
      value: "Montcau",
      suggestions: ["Montceau-les-Mines"],
    });
    expect(result.rows.map((r) => r.commune)).toEqual(["Blanzy"]);
  });

  it("reports an unknown commune in a table without a basin column", () => {
    const result = read([
      ["Commune", "Montant"],
      ["Autun", 10],
    ]);
    expect(found(result)).toEqual([["commune-unknown", "error", "Financements!A2"]]);
    expect(result.issues[0]?.data).toEqual({ value: "Autun", suggestions: [] });
  });

  it("keeps an unknown commune under its own name when the row gives its basin, with a warning", () => {
    const result = read(sheet1(r1("Autun", 1000, "Nord"), r1("autun", 500, "nord", "Jeunesse")));
    expect(found(result)).toEqual([
      ["commune-unknown-kept", "warning", "Financements!A2"],
      ["commune-unknown-kept", "warning", "Financements!A3"],
    ]);
    expect(result.issues[0]?.data).toEqual({ value: "Autun", basin: "nord" });
    expect(result.rows.map((r) => [r.commune, r.insee, r.basinGiven, r.keys.commune])).toEqual([
      ["Autun", null, "nord", "Autun"],
      ["autun", null, "nord", "autun"],
    ]);
    const plan = computePlan(result.rows, DEFAULT_PARAMS, COMMUNES_FIXTURE);
    expect(plan.communes.map((c) => [c.name, c.basin, c.total])).toEqual([["Autun", "nord", 150_000]]);
  });

  it("reports an empty commune on its cell", () => {
    const result = read(sheet1(r1("", 10, "Nord"), r1(null, 10)));
    expect(found(result)).toEqual([
      ["commune-empty", "error", "Financements!A2"],
      ["commune-empty", "error", "Financements!A3"],
    ]);
    expect(result.rows).toEqual([]);
  });

  it.each<RawValue>(["#N/A", { error: "#REF!" }, true])(
    "reports a commune cell holding %j as unknown, never kept, even with a basin",
    (value) => {
      const result = read(sheet1(r1(value, 10, "Nord")));
      expect(found(result)).toEqual([["commune-unknown", "error", "Financements!A2"]]);
      expect(dataOf(result.issues[0]).suggestions).toEqual([]);
      expect(result.rows).toEqual([]);
    },
  );
});

describe("readFundingTable: basins", () => {
  it("takes the basin of the row", () => {
    const result = read(sheet1(r1("Le Creusot", 1, "Nord"), r1("Blanzy", 2, "Bassin sud"), r1("Torcy", 3)));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.basinGiven)).toEqual(["nord", "sud", null]);
  });

  it("warns when the row's basin differs from the reference, and the row's wins", () => {
    const result = read(sheet1(r1("Saint-Eusèbe", 1000, "Sud"), r1("Saint-Eusèbe", 500, "", "Jeunesse")));
    expect(found(result)).toEqual([["basin-differs", "warning", "Financements!B2"]]);
    expect(result.issues[0]?.data).toEqual({ commune: "Saint-Eusèbe", given: "sud", reference: "nord" });
    const plan = computePlan(result.rows, DEFAULT_PARAMS, COMMUNES_FIXTURE);
    expect(plan.communes.map((c) => [c.name, c.basin])).toEqual([["Saint-Eusèbe", "sud"]]);
    expect(plan.communesReference.find((c) => c.insee === "71412")?.basin).toBe("sud");
  });

  it("reports a commune given two basins on the second row, naming the first, and reads none of its rows", () => {
    const result = read(
      sheet1(
        r1("Blanzy", 1, "Sud"),
        r1("Torcy", 2, "Nord"),
        r1("Blanzy", 3, "Nord", "Jeunesse"),
        r1("Blanzy", 4),
      ),
    );
    expect(found(result)).toEqual([
      ["basin-differs", "warning", "Financements!B4"],
      ["basin-conflict", "error", "Financements!B4"],
    ]);
    const conflict = only(result, "basin-conflict");
    expect(conflict.related).toEqual(["Financements!B2"]);
    expect(conflict.data).toEqual({ commune: "Blanzy", first: "sud", second: "nord" });
    expect(result.rows.map((r) => r.commune)).toEqual(["Torcy"]);
  });

  it("reports a basin conflict between two spellings of a commune outside the reference", () => {
    const result = read(sheet1(r1("Autun", 1, "Nord"), r1("AUTUN", 2, "Sud")));
    expect(only(result, "basin-conflict").cell).toBe("Financements!B3");
    expect(only(result, "basin-conflict").related).toEqual(["Financements!B2"]);
    expect(result.rows).toEqual([]);
  });

  it.each<RawValue>(["Est", "Centre", 3, true, "#N/A"])(
    "reports the basin %j as invalid on its cell",
    (value) => {
      const result = read(sheet1(r1("Blanzy", 10, value), r1("Autun", 10, value)));
      expect(found(result)).toEqual([
        ["basin-invalid", "error", "Financements!B2"],
        ["basin-invalid", "error", "Financements!B3"],
      ]);
      expect(result.rows).toEqual([]);
    },
  );

  it.each<[string, "nord" | "sud" | null]>([
    ["Nord", "nord"],
    ["NORD", "nord"],
    ["north", "nord"],
    ["N", "nord"],
    ["Bassin nord", "nord"],
    ["Bassin de vie Nord", "nord"],
    [" Sud ", "sud"],
    ["South", "sud"],
    ["s", "sud"],
    ["Basin south", "sud"],
    ["Est", null],
    ["", null],
    ["Nord-Est", null],
  ])("parseBasin(%j) is %s", (text, basin) => {
    expect(parseBasin(text)).toBe(basin);
  });
});

// ---------------------------------------------------------------------------------------------
// INSEE codes

describe("readFundingTable: INSEE codes", () => {
  it("reads a table with an INSEE column and no commune column", () => {
    const result = read(sheet3([71153, 1000], ["71306", 2000], [" 71040 ", 3000]));
    expect(result.mapping).toEqual({ insee: 0, amount: 1 });
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.commune, r.insee, r.communeCell, r.keys.insee, r.keys.commune])).toEqual(
      [
        ["Le Creusot", "71153", "Financements!A2", "71153", ""],
        ["Montceau-les-Mines", "71306", "Financements!A3", "71306", ""],
        ["Blanzy", "71040", "Financements!A4", " 71040 ", ""],
      ],
    );
  });

  it("finds an INSEE-only header below a title row that names two fields", () => {
    // The title names a year and an amount: two fields, as many as the header's.
    const result = read([["Exercice 2019", "Montant total en euros"], ...sheet3([71153, 1000])]);
    expect(result.headerRow).toBe(1);
    expect(result.issues).toEqual([]);
  });

  it("reports an empty or unknown code in an INSEE-only table on its cell", () => {
    const result = read(sheet3(["", 10], [71999, 10], ["#N/A", 10], ["Blanzy", 10]));
    expect(found(result)).toEqual([
      ["commune-empty", "error", "Financements!A2"],
      ["insee-unknown", "error", "Financements!A3"],
      ["insee-unknown", "error", "Financements!A4"],
      ["insee-unknown", "error", "Financements!A5"],
    ]);
    expect(result.issues.slice(1).map((i) => dataOf(i).value)).toEqual(["71999", "#N/A", "Blanzy"]);
  });

  it("accepts a code and a name of the same commune", () => {
    const result = read(sheet4(["Le Creusot", "71153", 10], ["Montceau", 71306, 20], ["", "71040", 30]));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.commune, r.communeCell])).toEqual([
      ["Le Creusot", "Financements!A2"],
      ["Montceau-les-Mines", "Financements!A3"],
      ["Blanzy", "Financements!A4"],
    ]);
  });

  it("reports a code and a name of different communes on the code, naming the name's cell", () => {
    const result = read(sheet4(["Blanzy", "71153", 10]));
    expect(found(result)).toEqual([["insee-mismatch", "error", "Financements!B2"]]);
    expect(result.issues[0]?.related).toEqual(["Financements!A2"]);
    expect(result.issues[0]?.data).toEqual({ insee: "71153", commune: "Blanzy" });
    expect(result.rows).toEqual([]);
  });

  it("reports a known code next to a name outside the reference as a mismatch", () => {
    const result = read(sheet4(["Creusot-Ville", "71153", 10]));
    expect(found(result)).toEqual([["insee-mismatch", "error", "Financements!B2"]]);
    expect(result.rows).toEqual([]);
  });

  it("reports an unknown code next to a known name", () => {
    const result = read(sheet4(["Blanzy", "71999", 10], ["Blanzy", { error: "#N/A" }, 10]));
    expect(found(result)).toEqual([
      ["insee-unknown", "error", "Financements!B2"],
      ["insee-unknown", "error", "Financements!B3"],
    ]);
    expect(result.rows).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Years, domains, blank and identical rows, keys

describe("readFundingTable: years", () => {
  it("accepts whole years from 2000 to 2100, as numbers or text", () => {
    const result = read(sheet1(r1("Blanzy", 1, "", "Enfance", 2000), r1("Torcy", 1, "", "Enfance", "2100 ")));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.year, r.keys.year])).toEqual([
      [2000, "2000"],
      [2100, "2100 "],
    ]);
  });

  it.each<RawValue>([1999, 2101, 2019.5, "19", "deux mille dix-neuf", "2019-2020", "", "#N/A", true])(
    "reports the year %j on its cell",
    (year) => {
      const result = read(sheet1(r1("Blanzy", 1), r1("Torcy", 1, "", "Enfance", year)));
      expect(found(result)).toEqual([["year-invalid", "error", "Financements!D3"]]);
      expect(result.rows.map((r) => r.commune)).toEqual(["Blanzy"]);
    },
  );

  it("leaves the year null when the table has no year column", () => {
    const result = read([
      ["Commune", "Montant"],
      ["Blanzy", 1],
    ]);
    expect(result.rows[0]?.year).toBeNull();
    expect(result.rows[0]?.keys).toEqual({ commune: "Blanzy", insee: "", domain: "", year: "" });
  });
});

describe("readFundingTable: blank and identical rows", () => {
  it("skips fully blank rows, in Office.js and file reader forms", () => {
    const result = read(
      sheet1([], r1("Blanzy", 1), ["", "", "", "", ""], [null, undefined, "  ", null, ""], r1("Torcy", 2)),
    );
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.sheetRow)).toEqual([3, 6]);
  });

  it("warns on the second of two identical rows, naming the first; both are counted", () => {
    const result = read(sheet1(r1("Blanzy", 100), r1("Torcy", 100), r1("Blanzy", 100)));
    expect(found(result)).toEqual([["duplicate-row", "warning", "Financements!E4"]]);
    expect(result.issues[0]?.related).toEqual(["Financements!E2"]);
    expect(result.issues[0]?.data).toEqual({ first: "Financements!E2" });
    expect(result.rows).toHaveLength(3);
  });

  it('takes an empty cell as empty whether it is "" or null', () => {
    const result = read([
      ["Commune", "Action", "Montant"],
      ["Blanzy", "", 1],
      ["Blanzy", null, 1],
    ]);
    expect(found(result)).toEqual([["duplicate-row", "warning", "Financements!C3"]]);
  });

  it("does not warn on rows that differ in any mapped column", () => {
    const result = read(
      sheet1(
        r1("Blanzy", 100),
        r1("Blanzy", 100, "Sud"),
        r1("Blanzy", 100, "", "Jeunesse"),
        r1("Blanzy", 100, "", "Enfance", 2020),
        r1("Blanzy", "100"),
      ),
    );
    expect(result.issues.map((i) => i.code)).toEqual(["amount-as-text"]);
  });
});

describe("readFundingTable: domains, actions and keys", () => {
  it("spells the usual domains one way, keeps the others as written", () => {
    const result = read(
      sheet1(
        r1("Blanzy", 1, "", "enfance"),
        r1("Blanzy", 2, "", "YOUTH"),
        r1("Blanzy", 3, "", "  Petite   enfance "),
        r1("Blanzy", 4, "", "Parentalité"),
        r1("Blanzy", 5, "", "constructor"),
        r1("Blanzy", 6, "", ""),
      ),
    );
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => r.domain)).toEqual([
      "Enfance",
      "Jeunesse",
      "Petite enfance",
      "Parentalité",
      "constructor",
      null,
    ]);
  });

  it("keeps the raw text of the key cells exactly, for SUMIFS criteria", () => {
    const grid = [
      ["Commune", "Code INSEE", "Domaine", "Action", "Année", "Montant"],
      [" Le Creusot", 71153, "enfance ", "  Multi-accueil ", 2019, "1 000,00 €"],
      ["Blanzy", "71040", "Jeunesse", "", "2020", 12.5],
    ];
    const result = read(grid);
    expect(found(result)).toEqual([["amount-as-text", "warning", "Financements!F2"]]);
    expect(result.rows.map((r) => [r.keys, r.action, r.amountFromText])).toEqual([
      [{ commune: " Le Creusot", insee: "71153", domain: "enfance ", year: "2019" }, "Multi-accueil", true],
      [{ commune: "Blanzy", insee: "71040", domain: "Jeunesse", year: "2020" }, null, false],
    ]);
  });

  it("gives every field of a row", () => {
    const result = read(sheet1(r1("Montceau", "2 500,00", "Sud", "Jeunesse", 2018)));
    expect(result.rows).toEqual([
      {
        sheetRow: 2,
        amountCell: "Financements!E2",
        communeCell: "Financements!A2",
        commune: "Montceau-les-Mines",
        insee: "71306",
        basinGiven: "sud",
        domain: "Jeunesse",
        action: null,
        year: 2018,
        amount: 250_000,
        amountFromText: true,
        keys: { commune: "Montceau", insee: "", domain: "Jeunesse", year: "2018" },
      },
    ]);
  });

  it("reads file reader values (null, { error }) like Office.js values", () => {
    const office = sheet1(
      r1("Blanzy", 10, "", "", 2019),
      r1("Torcy", "#N/A"),
      ["", "", "", "", ""],
      r1("Torcy", 5),
    );
    const file = sheet1(
      r1("Blanzy", 10, null, null, 2019),
      r1("Torcy", { error: "#N/A" }),
      [null, null, null, null, null],
      r1("Torcy", 5),
    );
    const a = read(office);
    const b = read(file);
    expect(b.rows).toEqual(a.rows);
    expect(b.issues).toEqual(a.issues);
  });

  it("does not throw on a Date that is not a date", () => {
    const bad = new Date(NaN);
    const result = read(sheet1(r1("Blanzy", bad, bad, bad, bad)));
    expect(found(result)).toEqual([
      ["basin-invalid", "error", "Financements!B2"],
      ["year-invalid", "error", "Financements!D2"],
      ["amount-not-a-number", "error", "Financements!E2"],
    ]);
  });
});

describe("readFundingTable: every issue it raises makes a sentence in French and English", () => {
  it("phrases a sheet with one of everything", () => {
    const grid: RawValue[][] = [
      ["Commune", "Code INSEE", "Bassin", "Domaine", "Année", "Montant"],
      ["Blanzy", "", "", "Enfance", 2019, ""],
      ["Blanzy", "", "", "Enfance", 2019, "abc"],
      ["Blanzy", "", "", "Enfance", 2019, "#N/A"],
      ["Blanzy", "", "", "Enfance", 2019, 1.234],
      ["Blanzy", "", "", "Enfance", 2019, 1e16],
      ["Blanzy", "", "", "Enfance", 2019, "1 000,00 €"],
      ["Blanzy", "", "", "Enfance", 2019, -5],
      ["", "", "", "Enfance", 2019, 1],
      ["Montcau", "", "", "Enfance", 2019, 1],
      ["Autun", "", "Nord", "Enfance", 2019, 1],
      ["", "71999", "", "Enfance", 2019, 1],
      ["Blanzy", "71153", "", "Enfance", 2019, 1],
      ["Blanzy", "", "Est", "Enfance", 2019, 1],
      ["Torcy", "", "Sud", "Enfance", 2019, 1],
      ["Torcy", "", "Nord", "Enfance", 2019, 1],
      ["Torcy", "", "", "Enfance", 1789, 1],
      ["Génelard", "", "", "Enfance", 2019, 1],
      ["Génelard", "", "", "Enfance", 2019, 1],
    ];
    const result = read(grid);
    expect(new Set(result.issues.map((i) => i.code))).toEqual(
      new Set([
        "amount-empty",
        "amount-not-a-number",
        "amount-error-value",
        "amount-fraction-of-cent",
        "amount-too-large",
        "amount-as-text",
        "amount-negative",
        "commune-empty",
        "commune-unknown",
        "commune-unknown-kept",
        "insee-unknown",
        "insee-mismatch",
        "basin-invalid",
        "basin-differs",
        "basin-conflict",
        "year-invalid",
        "duplicate-row",
      ]),
    );
    for (const header of [
      [["Commune", "Total"]],
      [["Commune", "Montant", "PSEJ"]],
      [["Titre"]],
      [["Commune", "Montant"]],
    ]) {
      expectPhrased(readFundingTable(header, { origin: ORIGIN, communes: COMMUNES_FIXTURE }).issues);
    }
    expectPhrased(read(sheet1(), { mapping: { amount: 40 } }).issues);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const SYNONYMS = FIELDS.flatMap((f) => HEADER_SYNONYMS[f]);

/** A header cell: a synonym in some case, with accents or spaces, or junk. */
const headerCell: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constantFrom(...SYNONYMS),
  fc.constantFrom(...SYNONYMS).map((s) => ` ${s.toUpperCase()} `),
  fc.constantFrom("Année", "Équipement", "Montant versé", "Montant CEJ 2019", "Bassin de vie", "Code INSEE"),
  fc.constantFrom("Total", "Observations", "N°", "", "Date"),
  fc.string({ maxLength: 12 }),
);

/** Any raw value a sheet can give. */
const anyValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
  fc.constantFrom(0.1, 12.345, 1e20, 2019, 71153, -0),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Le Creusot",
    "Montceau",
    "Autun",
    "Nord",
    "Sud",
    "Est",
    "Enfance",
    "Jeunesse",
    "12 345,67 €",
    "(1 000,00)",
    "12,345.67",
    "71153",
    "2019",
    "#N/A",
    "#REF!",
    "  ",
    "constructor",
    "__proto__",
  ),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!").map((error) => ({ error })),
  fc.date(),
);

const rowOf = (cell: fc.Arbitrary<RawValue>): fc.Arbitrary<RawValue[]> => fc.array(cell, { maxLength: 7 });

const randomGrid: fc.Arbitrary<RawValue[][]> = fc
  .tuple(
    fc.array(rowOf(anyValue), { maxLength: 3 }),
    rowOf(headerCell),
    fc.array(fc.oneof(rowOf(anyValue), fc.constant<RawValue[]>([]), fc.constant<RawValue[]>(["", "", ""])), {
      maxLength: 10,
    }),
  )
  .map(([titles, header, data]) => [...titles, header, ...data]);

const randomMapping = fc.option(
  fc
    .dictionary(fc.constantFrom(...FIELDS), fc.integer({ min: -1, max: 9 }))
    .map((m) => m as Partial<Record<Field, number>>),
  { nil: undefined },
);

describe("readFundingTable: properties", () => {
  it("never throws, names only cells of the grid, and gives integer amounts", () => {
    fc.assert(
      fc.property(
        randomGrid,
        fc.constantFrom("A1", "B3", "$C$10", "AA100"),
        fc.constantFrom("Financements", "Données 2019", "It's"),
        randomMapping,
        fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }),
        (grid, topLeft, sheetName, mapping, headerRow) => {
          const origin = { sheet: sheetName, topLeft };
          const result = readFundingTable(grid, {
            origin,
            communes: COMMUNES_FIXTURE,
            ...(mapping === undefined ? {} : { mapping }),
            ...(headerRow === undefined ? {} : { headerRow }),
          });
          const top = parseA1(topLeft);
          const height = Math.max(grid.length, 1);
          const width = Math.max(1, ...grid.map((r) => r.length));
          const prefix = `${quoteSheet(sheetName)}!`;
          for (const issue of result.issues) {
            for (const cell of [issue.cell, ...(issue.related ?? [])]) {
              expect(cell.startsWith(prefix)).toBe(true);
              const { row, col } = parseA1(cell.slice(prefix.length));
              expect(row - top.row).toBeGreaterThanOrEqual(0);
              expect(row - top.row).toBeLessThan(height);
              expect(col - top.col).toBeGreaterThanOrEqual(0);
              expect(col - top.col).toBeLessThan(width);
            }
            expect(Object.values(issue.data).every((v) => v !== undefined)).toBe(true);
            expect(typeof formatIssue(issue, "fr")).toBe("string");
            expect(typeof formatIssue(issue, "en")).toBe("string");
          }
          for (const row of result.rows) {
            expect(Number.isInteger(row.amount)).toBe(true);
            expect(typeof row.commune).toBe("string");
            expect(row.domain === null || typeof row.domain === "string").toBe(true);
          }
          // A row with an error of its own is never read (other rows may be: the pipeline then blocks).
          const errorRows = new Set(
            result.issues
              .filter((i) => i.severity === "error")
              .map((i) => parseA1(i.cell.slice(prefix.length)).row + 1),
          );
          for (const row of result.rows) expect(errorRows.has(row.sheetRow)).toBe(false);
        },
      ),
      { numRuns: Number(process.env.CTG_PROPERTY_RUNS ?? 500) },
    );
  });

  /** A data row as users write them: known, short and unknown names, basins, amounts in many forms. */
  const dataRow: fc.Arbitrary<RawValue[]> = fc
    .tuple(
      fc.constantFrom<RawValue>(
        "Le Creusot",
        "LE CREUSOT",
        "Blanzy",
        "Montceau",
        "Saint-Eusèbe",
        "Autun",
        "autun",
        "Montcau",
        "",
        "#N/A",
      ),
      fc.constantFrom<RawValue>("", "", "71153", "71040", 71306, "71999"),
      fc.constantFrom<RawValue>("", "", "Nord", "Sud", "north", "Est"),
      fc.constantFrom<RawValue>("Enfance", "Jeunesse", ""),
      fc.constantFrom<RawValue>(2019, 2020, "2021", 1999, ""),
      fc.oneof(
        fc.integer({ min: -100_000, max: 1_000_000 }),
        fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => c / 100),
        fc.constantFrom<RawValue>("12 345,67 €", "(1 000,00)", "€ 12345", "", "abc", 0.001, {
          error: "#N/A",
        }),
      ),
    )
    .map((cells) => [...cells]);

  const strip = (rows: readonly FundingRow[]): string[] =>
    rows.map(({ sheetRow: _s, amountCell: _a, communeCell: _c, ...rest }) => JSON.stringify(rest)).sort();

  it("reads the same rows whatever their order", () => {
    const header: RawValue[] = ["Commune", "Code INSEE", "Bassin", "Domaine", "Année", "Montant"];
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              { weight: 9, arbitrary: dataRow },
              { weight: 1, arbitrary: fc.constant<RawValue[]>([]) },
            ),
            {
              maxLength: 14,
            },
          )
          .chain((rows) =>
            fc.tuple(
              fc.constant(rows),
              fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
            ),
          ),
        ([rows, shuffled]) => {
          const options = { origin: ORIGIN, communes: COMMUNES_FIXTURE };
          const a = readFundingTable([header, ...rows], options);
          const b = readFundingTable([header, ...shuffled], options);
          expect(strip(b.rows)).toEqual(strip(a.rows));
          expect(new Set(b.issues.map((i) => i.code))).toEqual(new Set(a.issues.map((i) => i.code)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
