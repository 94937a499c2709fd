import { formatIssue } from "../../src/i18n";
import { readCommunesTable } from "../../src/core/reference";
import type { Commune, Issue, RawValue } from "../../src/core/types";
import { COMMUNES_FIXTURE } from "./fixtures";

/** Where the report writes the table: sheet `Communes CTG`, header in row 4. */
const ORIGIN = { sheet: "Communes CTG", topLeft: "A4" };

const HEADER_FR = [
  "Code INSEE",
  "Commune",
  "Bassin",
  "Population municipale",
  "Année de la population",
  "Bassin confirmé",
  "Ancien CEJ",
];
const HEADER_EN = [
  "INSEE code",
  "Commune",
  "Basin",
  "Population",
  "Population year",
  "Basin confirmed",
  "Former CEJ",
];

/** The table as the report writes it, in French or English. */
function tableOf(communes: readonly Commune[], lang: "fr" | "en"): RawValue[][] {
  const basin = (c: Commune): string =>
    (lang === "fr" ? { nord: "Nord", sud: "Sud" } : { nord: "North", sud: "South" })[c.basin];
  const yes = lang === "fr" ? "Oui" : "Yes";
  const no = lang === "fr" ? "Non" : "No";
  return [
    lang === "fr" ? HEADER_FR : HEADER_EN,
    ...communes.map((c) => [
      c.insee,
      c.name,
      basin(c),
      c.population,
      c.populationYear,
      c.basinConfirmed ? yes : no,
      c.exCej ? yes : no,
    ]),
  ];
}

function read(grid: RawValue[][]): { communes: Commune[]; issues: Issue[] } {
  const result = readCommunesTable(grid, ORIGIN, COMMUNES_FIXTURE);
  for (const issue of result.issues) {
    for (const lang of ["fr", "en"] as const) {
      expect(formatIssue(issue, lang)).not.toMatch(/undefined|NaN|\[object|(^|\s)\?(\s|$)/);
    }
  }
  return result;
}

function found(issues: readonly Issue[]): [string, string, string][] {
  return issues.map((i) => [i.code, i.severity, i.cell]);
}

/** The table with one cell of the row of a commune changed. */
function edit(insee: string, col: number, value: RawValue, lang: "fr" | "en" = "fr"): RawValue[][] {
  return tableOf(COMMUNES_FIXTURE, lang).map((row) =>
    row[0] === insee ? row.map((v, c) => (c === col ? value : v)) : row,
  );
}

/** Sheet row of a commune of the fixture in the table (header in row 4, first commune in row 5). */
function sheetRowOf(insee: string): number {
  return 5 + COMMUNES_FIXTURE.findIndex((c) => c.insee === insee);
}

describe("readCommunesTable", () => {
  it("reads back the French table the report writes", () => {
    const result = read(tableOf(COMMUNES_FIXTURE, "fr"));
    expect(result.issues).toEqual([]);
    expect(result.communes).toEqual(COMMUNES_FIXTURE);
  });

  it("reads back the English table (North/South, Yes/No)", () => {
    const result = read(tableOf(COMMUNES_FIXTURE, "en"));
    expect(result.issues).toEqual([]);
    expect(result.communes).toEqual(COMMUNES_FIXTURE);
  });

  it("reads an edited basin back", () => {
    const result = read(edit("71412", 2, "Sud"));
    expect(result.issues).toEqual([]);
    expect(result.communes.find((c) => c.insee === "71412")?.basin).toBe("sud");
    expect(result.communes.filter((c) => c.basin === "sud")).toHaveLength(17);
  });

  it("reads an edited basin written in English or as a short form", () => {
    expect(read(edit("71040", 2, "north", "en")).communes.find((c) => c.insee === "71040")?.basin).toBe(
      "nord",
    );
    expect(read(edit("71040", 2, "N")).communes.find((c) => c.insee === "71040")?.basin).toBe("nord");
  });

  it.each<RawValue>(["Est", "Centre", 3, true, "#N/A"])(
    "reports the basin %j as invalid on its cell and skips the row",
    (value) => {
      const result = read(edit("71306", 2, value));
      expect(found(result.issues)).toEqual([
        ["basin-invalid", "error", `'Communes CTG'!C${sheetRowOf("71306")}`],
      ]);
      expect(result.issues[0]?.data).toEqual({ value: String(value === true ? "TRUE" : value) });
      expect(result.communes.find((c) => c.insee === "71306")).toBeUndefined();
      expect(result.communes).toHaveLength(33);
    },
  );

  it("takes the reference basin when the cell is left empty", () => {
    const result = read(edit("71306", 2, ""));
    expect(result.issues).toEqual([]);
    expect(result.communes.find((c) => c.insee === "71306")?.basin).toBe("sud");
  });

  it.each<RawValue>([-5, 12.5, "beaucoup", "-200", "1.5", true, "#N/A", { error: "#REF!" }])(
    "reports the population %j as invalid on its cell and skips the row",
    (value) => {
      const result = read(edit("71040", 3, value));
      expect(found(result.issues)).toEqual([
        ["population-invalid", "error", `'Communes CTG'!D${sheetRowOf("71040")}`],
      ]);
      expect(result.communes.find((c) => c.insee === "71040")).toBeUndefined();
    },
  );

  it("reports an invalid basin and an invalid population of one row both", () => {
    const grid = edit("71040", 3, -1).map((row) =>
      row[0] === "71040" ? row.map((v, c) => (c === 2 ? "Est" : v)) : row,
    );
    const result = read(grid);
    const r = sheetRowOf("71040");
    expect(found(result.issues)).toEqual([
      ["basin-invalid", "error", `'Communes CTG'!C${r}`],
      ["population-invalid", "error", `'Communes CTG'!D${r}`],
    ]);
    expect(result.issues[1]?.data).toEqual({ value: "-1" });
  });

  it("accepts a population of zero, as text with spaces, and takes the reference's when empty", () => {
    expect(read(edit("71040", 3, 0)).communes.find((c) => c.insee === "71040")?.population).toBe(0);
    expect(read(edit("71040", 3, "5\u202F955")).communes.find((c) => c.insee === "71040")?.population).toBe(
      5955,
    );
    expect(read(edit("71040", 3, " 6 000 ")).communes.find((c) => c.insee === "71040")?.population).toBe(
      6000,
    );
    const empty = read(edit("71040", 3, null));
    expect(empty.issues).toEqual([]);
    expect(empty.communes.find((c) => c.insee === "71040")?.population).toBe(5955);
  });

  it("reads Oui/Non, Yes/No and other yes words, and takes the reference's when empty", () => {
    const flags = (value: RawValue): [boolean | undefined, boolean | undefined] => {
      const grid = edit("71412", 5, value).map((row) =>
        row[0] === "71412" ? row.map((v, c) => (c === 6 ? value : v)) : row,
      );
      const c = read(grid).communes.find((x) => x.insee === "71412");
      return [c?.basinConfirmed, c?.exCej];
    };
    expect(flags("Oui")).toEqual([true, true]);
    expect(flags("YES")).toEqual([true, true]);
    expect(flags("x")).toEqual([true, true]);
    expect(flags("Non")).toEqual([false, false]);
    expect(flags("No")).toEqual([false, false]);
    expect(flags(true)).toEqual([true, true]);
    expect(flags("")).toEqual([false, false]); // Saint-Eusèbe: unconfirmed, no CEJ in the reference
  });

  it("skips rows without an INSEE code", () => {
    const grid = [
      ...tableOf(COMMUNES_FIXTURE.slice(0, 2), "fr"),
      ["", "Total", "", 37573, "", "", ""],
      [],
      [null],
    ];
    const result = read(grid);
    expect(result.issues).toEqual([]);
    expect(result.communes.map((c) => c.insee)).toEqual(["71153", "71306"]);
  });

  it("reads a code in a number cell, and a commune outside the built-in reference", () => {
    const grid = [
      HEADER_FR,
      [71153, "", "", "", "", "", ""],
      ["71999", "Autun", "Nord", 13_000, 2023, "Oui", "Non"],
      ["21001", "", "Sud", "", "", "", ""],
    ];
    const result = read(grid);
    expect(result.issues).toEqual([]);
    expect(result.communes).toEqual([
      COMMUNES_FIXTURE[0],
      {
        insee: "71999",
        name: "Autun",
        basin: "nord",
        population: 13_000,
        populationYear: 2023,
        basinConfirmed: true,
        exCej: false,
      },
      {
        insee: "21001",
        name: "21001",
        basin: "sud",
        population: 0,
        populationYear: 0,
        basinConfirmed: false,
        exCej: false,
      },
    ]);
  });

  it("reports an empty basin of a commune outside the built-in reference", () => {
    const result = read([HEADER_FR, ["71999", "Autun", "", 13_000, 2023, "", ""]]);
    expect(found(result.issues)).toEqual([["basin-invalid", "error", "'Communes CTG'!C5"]]);
    expect(result.communes).toEqual([]);
  });

  it("reads a table anywhere, with its addresses offset", () => {
    const result = readCommunesTable(
      edit("71040", 3, "many"),
      { sheet: "Ref", topLeft: "C10" },
      COMMUNES_FIXTURE,
    );
    const r = 10 + 1 + COMMUNES_FIXTURE.findIndex((c) => c.insee === "71040");
    expect(found(result.issues)).toEqual([["population-invalid", "error", `Ref!F${r}`]]);
  });

  it("phrases population-invalid in French and English", () => {
    const issue: Issue = {
      code: "population-invalid",
      severity: "error",
      cell: "'Communes CTG'!D8",
      data: { value: "-5" },
    };
    expect(formatIssue(issue, "fr").replace(/\u00A0/g, " ")).toBe(
      "Population « -5 » invalide : saisissez un nombre entier d'habitants, positif ou nul (ex. 20509), ou videz la cellule pour reprendre la population de référence.",
    );
    expect(formatIssue(issue, "en")).toBe(
      'Invalid population "-5": enter a whole number of inhabitants, zero or more (e.g. 20509), or clear the cell to use the reference population.',
    );
  });

  it("does not throw on a Date that is not a date", () => {
    const bad = new Date(NaN);
    const result = read(edit("71040", 3, bad));
    expect(found(result.issues)).toEqual([
      ["population-invalid", "error", `'Communes CTG'!D${sheetRowOf("71040")}`],
    ]);
  });
});
