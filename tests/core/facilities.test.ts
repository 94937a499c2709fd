import {
  facilityFieldOfHeader,
  parseBonusKind,
  parseBonusUnit,
  parseFlag,
  parseOpening,
  parseOperatorKind,
  parseQuantity,
  readFacilityTable,
} from "../../src/core/facilities";
import { formatIssueLine } from "../../src/i18n";
import { toCell } from "../../src/core/cell";
import type { Issue, RawGrid, RawValue } from "../../src/core/types";
import { COMMUNES_FIXTURE, dataOf, eur } from "./fixtures";

const ORIGIN = { sheet: "Équipements CTG", topLeft: "A1" };
const at = (cell: string): string => `'Équipements CTG'!${cell}`;

/** The French headers, columns A to N. */
const HEADERS = [
  "Équipement",
  "Gestionnaire",
  "Type de gestionnaire",
  "Commune",
  "Domaine",
  "Type de bonus",
  "Unité",
  "Capacité de référence",
  "Montant CEJ",
  "Places nouvelles",
  "Places réservataires",
  "Date d'ouverture",
  "QPV/ZRR",
  "Missions renforcées",
];

/** A good row, columns A to N, with some cells replaced. */
function row(over: Partial<Record<number, RawValue>> = {}): RawValue[] {
  const base: RawValue[] = [
    "Multi-accueil Les Lutins",
    "Commune du Creusot",
    "Commune",
    "Le Creusot",
    "Petite enfance",
    "EAJE",
    "places",
    30,
    60000,
    null,
    null,
    null,
    "Non",
    null,
  ];
  return base.map((v, i) => (i in over ? over[i] : v));
}

/** A sheet: a title row, the header row (row 2), then the rows (row 3 on). */
const sheet = (...rows: RawValue[][]): RawGrid => [["Équipements CTG — bonus territoire"], HEADERS, ...rows];

const read = (grid: RawGrid) => readFacilityTable(grid, { origin: ORIGIN, communes: COMMUNES_FIXTURE });

const codes = (issues: readonly Issue[]): [string, string, string][] =>
  issues.map((i) => [i.code, i.severity, i.cell]);

describe("readFacilityTable: a good table", () => {
  it("finds the header below a title row and reads each facility with its cells", () => {
    const result = read(
      sheet(
        row(),
        row({
          0: "Crèche Arc-en-ciel",
          2: "Association",
          3: "Montceau",
          5: "Crèche",
          6: null,
          7: 20,
          8: 45000.5,
          9: 12,
          10: 4,
          11: new Date(Date.UTC(2026, 8, 1)),
          12: "Oui",
        }),
        [],
        row({ 0: "RPE du Bassin", 2: "CCAS", 3: "71040", 5: "RPE", 6: "ETP", 7: 1.5, 8: 20000, 13: 2 }),
      ),
    );
    expect(result.issues).toEqual([]);
    expect(result.headerRow).toBe(1);
    expect(result.facilities).toHaveLength(3);
    const [creusot, montceau, rpe] = result.facilities;
    expect(creusot).toMatchObject({
      sheetRow: 3,
      name: "Multi-accueil Les Lutins",
      operator: "Commune du Creusot",
      operatorKind: "commune",
      commune: "Le Creusot",
      insee: "71153",
      basin: "nord",
      domain: "Petite enfance",
      kind: "eaje",
      unit: "places",
      capacity: 3000,
      formerCej: eur(60_000),
      newPlaces: 0,
      opening: null,
      priorityArea: false,
    });
    expect(creusot?.cells.formerCej).toBe(at("I3"));
    expect(montceau).toMatchObject({
      commune: "Montceau-les-Mines",
      basin: "sud",
      operatorKind: "association",
      unit: "places",
      formerCej: eur(45_000.5),
      newPlaces: 1200,
      reservedPlaces: 400,
      opening: { year: 2026, month: 9 },
      priorityArea: true,
    });
    expect(rpe).toMatchObject({
      sheetRow: 6,
      commune: "Blanzy",
      kind: "rpe",
      unit: "etp",
      capacity: 150,
      missions: 2,
    });
  });

  it("reads English headers in any order, and an amount written as text with a warning", () => {
    const grid: RawGrid = [
      ["Commune", "Facility", "Bonus kind", "Former CEJ amount", "Reference capacity", "Operator kind"],
      ["Blanzy", "Day nursery", "EAJE", "12 345,67 €", "10", "Private"],
    ];
    const result = read(grid);
    expect(codes(result.issues)).toEqual([["amount-as-text", "warning", at("D2")]]);
    expect(result.facilities[0]).toMatchObject({
      formerCej: eur(12_345.67),
      capacity: 1000,
      operatorKind: "prive",
      operator: "",
      domain: "",
    });
  });

  it("reads an Excel table's header row when told, and leaves an empty former CEJ at 0 (a new facility)", () => {
    const grid: RawGrid = [HEADERS, row({ 7: 0, 8: null, 9: 10, 11: "2027" })];
    const result = readFacilityTable(grid, {
      origin: { sheet: "Équipements CTG", topLeft: "B4" },
      communes: COMMUNES_FIXTURE,
      headerRow: 0,
    });
    expect(result.issues).toEqual([]);
    expect(result.facilities[0]).toMatchObject({
      sheetRow: 5,
      formerCej: 0,
      opening: { year: 2027, month: 1 },
    });
    expect(result.facilities[0]?.cells.capacity).toBe(at("I5"));
  });
});

describe("readFacilityTable: every problem names its cell, and errors read no facility", () => {
  it.each<[string, Partial<Record<number, RawValue>>, [string, string, string][]]>([
    ["an unknown commune", { 3: "Montcau" }, [["facility-commune-unknown", "error", "D4"]]],
    ["an empty commune", { 3: null }, [["commune-empty", "error", "D4"]]],
    ["an error value as commune", { 3: "#N/A" }, [["facility-commune-unknown", "error", "D4"]]],
    ["an unknown kind", { 5: "Halte-garderie" }, [["facility-kind-unknown", "error", "F4"]]],
    ["an unknown operator kind", { 2: "SIVU" }, [["facility-operator-kind-unknown", "error", "C4"]]],
    ["an unknown unit", { 6: "lits" }, [["facility-unit-unknown", "error", "G4"]]],
    ["negative places", { 9: -4, 11: "09/2026" }, [["facility-quantity-negative", "error", "J4"]]],
    ["a capacity that is not a number", { 7: "trente" }, [["facility-quantity-invalid", "error", "H4"]]],
    ["half a place", { 7: 12.5 }, [["facility-quantity-invalid", "error", "H4"]]],
    ["a non-numeric amount", { 8: "beaucoup" }, [["amount-not-a-number", "error", "I4"]]],
    ["an error value as amount", { 8: "#REF!" }, [["amount-error-value", "error", "I4"]]],
    ["a fraction of a cent", { 8: 1000.005 }, [["amount-fraction-of-cent", "error", "I4"]]],
    ["a negative former CEJ", { 8: -100 }, [["facility-cej-negative", "error", "I4"]]],
    ["new places with no opening date", { 9: 12 }, [["facility-opening-missing", "error", "L4"]]],
    ["an opening date that is none", { 9: 12, 11: "rentrée" }, [["facility-opening-invalid", "error", "L4"]]],
    [
      "more reserved than new places",
      { 9: 4, 10: 6, 11: 2026 },
      [["facility-reserved-above-new", "error", "K4"]],
    ],
    ["a QPV/ZRR flag that is neither", { 12: "peut-être" }, [["facility-flag-invalid", "error", "M4"]]],
    ["an empty name", { 0: null }, [["facility-name-empty", "error", "A4"]]],
  ])("%s", (_what, over, expected) => {
    const result = read(sheet(row(), row({ ...over, 0: 0 in over ? over[0] : "Crèche B" })));
    expect(codes(result.issues)).toEqual(expected.map(([c, s, cell]) => [c, s, at(cell)]));
    expect(result.facilities).toEqual([]);
    for (const i of result.issues) {
      expect(formatIssueLine(i, "fr")).toMatch(/^'Équipements CTG'![A-N]4: .+\.$/u);
      expect(formatIssueLine(i, "en")).toMatch(/^'Équipements CTG'![A-N]4: .+\.$/u);
    }
  });

  it("suggests the commune meant", () => {
    const [issue] = read(sheet(row({ 3: "Montcau" }))).issues;
    expect(dataOf(issue).suggestions).toContain("Montceau-les-Mines");
  });

  it("refuses two units in one basin and kind, naming both cells", () => {
    const result = read(
      sheet(
        row({ 5: "ALSH", 6: "places" }),
        row({ 0: "Accueil B", 3: "Montchanin", 5: "ALSH", 6: "heures", 7: 800 }),
        row({ 0: "Accueil C", 3: "Blanzy", 5: "ALSH", 6: "heures", 7: 800 }),
      ),
    );
    expect(result.issues).toEqual([
      {
        code: "facility-unit-mixed",
        severity: "error",
        cell: at("G4"),
        related: [at("G3")],
        data: { kind: "alsh", basin: "nord", unit: "heures", first: "places" },
      },
    ]);
  });

  it("warns, without refusing, about a value its kind does not use and about a duplicate facility", () => {
    const result = read(
      sheet(
        row({ 5: "ALSH", 9: 5, 11: 2026 }),
        row({ 0: "RPE", 5: "RPE", 6: "ETP", 7: 1 }),
        row({ 0: "Crèche", 13: 2 }),
        row({ 0: "crèche " }),
      ),
    );
    expect(codes(result.issues)).toEqual([
      ["facility-field-ignored", "warning", at("J3")],
      ["facility-field-ignored", "warning", at("N5")],
      ["facility-duplicate", "warning", at("A6")],
    ]);
    expect(result.facilities).toHaveLength(4);
    expect(result.facilities[0]).toMatchObject({ kind: "alsh", newPlaces: 0, opening: null });
    expect(result.facilities[2]).toMatchObject({ missions: 0 });
  });

  it("reports a missing header, missing and duplicate columns, and a table with no rows", () => {
    expect(codes(read([["Budget 2026"], [1, 2]]).issues)).toEqual([
      ["facility-header-not-found", "error", at("A1")],
    ]);
    const missing = read([
      ["Équipement", "Commune", "Type de bonus"],
      ["A", "Blanzy", "EAJE"],
    ]);
    expect(missing.issues.map((i) => [i.code, dataOf(i).field])).toEqual([
      ["facility-missing-column", "capacity"],
      ["facility-missing-column", "formerCej"],
    ]);
    const twice = read([[...HEADERS, "CEJ 2020"], row()]);
    expect(twice.issues).toEqual([
      expect.objectContaining({
        code: "facility-duplicate-column",
        cell: at("O1"),
        related: [at("I1")],
        data: { field: "formerCej", columns: ["Montant CEJ", "CEJ 2020"] },
      }),
    ]);
    expect(codes(read(sheet([], [null, ""])).issues)).toEqual([["facility-no-rows", "error", at("A2")]]);
    expect(
      codes(
        readFacilityTable([HEADERS], { origin: ORIGIN, communes: COMMUNES_FIXTURE, headerRow: 3 }).issues,
      ),
    ).toEqual([["facility-header-not-found", "error", at("A1")]]);
  });
});

describe("cell parsers", () => {
  it("reads opening dates: a date, a serial, a year, and text", () => {
    expect(parseOpening(toCell(new Date(Date.UTC(2026, 8, 1))))).toEqual({ year: 2026, month: 9 });
    expect(parseOpening(toCell(46266))).toEqual({ year: 2026, month: 9 }); // 1 September 2026
    expect(parseOpening(toCell(2026))).toEqual({ year: 2026, month: 1 });
    expect(parseOpening(toCell("01/09/2026"))).toEqual({ year: 2026, month: 9 });
    expect(parseOpening(toCell("9/2026"))).toEqual({ year: 2026, month: 9 });
    expect(parseOpening(toCell("2026-09-01"))).toEqual({ year: 2026, month: 9 });
    expect(parseOpening(toCell("2026-09"))).toEqual({ year: 2026, month: 9 });
    expect(parseOpening(toCell(" 2026 "))).toEqual({ year: 2026, month: 1 });
    for (const bad of ["13/2026", "rentrée", "1999", 1999, 12.5, true, new Date(NaN), "01/01/2101"])
      expect(parseOpening(toCell(bad))).toBeNull();
  });

  it("reads flags, quantities, kinds, operator kinds and units", () => {
    expect(["Oui", "x", "yes", "QPV", 1, true].map((v) => parseFlag(toCell(v)))).toEqual(Array(6).fill(true));
    expect(["Non", "no", 0, false, null].map((v) => parseFlag(toCell(v)))).toEqual(Array(5).fill(false));
    expect([2, "peut-être", new Date(0)].map((v) => parseFlag(toCell(v)))).toEqual([null, null, null]);
    expect(parseQuantity(toCell("1,5"), false)).toEqual({ ok: true, value: 150 });
    expect(parseQuantity(toCell(0.25), false)).toEqual({ ok: true, value: 25 });
    expect(parseQuantity(toCell(0.125), false)).toEqual({ ok: false, problem: "invalid" });
    expect(parseQuantity(toCell("-2"), true)).toEqual({ ok: false, problem: "negative" });
    expect(parseQuantity(toCell(true), true)).toEqual({ ok: false, problem: "invalid" });
    expect(parseQuantity(toCell(null), true)).toEqual({ ok: true, value: 0 });
    expect(
      ["EAJE", "crèche", "Relais petite enfance", "laep", "ALSH", "Other", "PSU"].map(parseBonusKind),
    ).toEqual(["eaje", "eaje", "rpe", "laep", "alsh", "autre", null]);
    expect(["Privé", "CCAS", "mairie", "Asso", "SIVU"].map(parseOperatorKind)).toEqual([
      "prive",
      "ccas",
      "commune",
      "association",
      null,
    ]);
    expect(["Places", "ETP", "h", "lits"].map(parseBonusUnit)).toEqual(["places", "etp", "heures", null]);
  });

  it("maps headers by their longest synonym", () => {
    expect(facilityFieldOfHeader("Type de gestionnaire")).toBe("operatorKind");
    expect(facilityFieldOfHeader("Gestionnaire")).toBe("operator");
    expect(facilityFieldOfHeader("Montant CEJ 2020")).toBe("formerCej");
    expect(facilityFieldOfHeader("Date d'ouverture des places")).toBe("openingDate");
    expect(facilityFieldOfHeader("Opening date")).toBe("openingDate");
    expect(facilityFieldOfHeader("")).toBeNull();
    expect(facilityFieldOfHeader("Observations")).toBeNull();
  });
});
