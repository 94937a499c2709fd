import { formatIssue } from "../../src/i18n";
import {
  DEFAULT_PARAMS,
  PARAM_NAMES,
  parseAllocationKey,
  parseCafBase,
  PLAN_PARAM_NAMES,
  readParams,
} from "../../src/core/params";
import type { ParamInputs } from "../../src/core/params";
import type { RawValue } from "../../src/core/types";

/** The parameters sheet: label in A, value in B, from row 4 down. */
const CELLS = {
  costHT: "'Paramètres CTG'!B4",
  capHT: "'Paramètres CTG'!B5",
  cafRate: "'Paramètres CTG'!B6",
  vatRate: "'Paramètres CTG'!B7",
  key: "'Paramètres CTG'!B8",
} as const;

function sheet(values: Partial<Record<keyof typeof CELLS, RawValue>>): ParamInputs {
  const inputs: ParamInputs = {};
  for (const name of PARAM_NAMES) {
    if (name in values) inputs[name] = { value: values[name], cell: CELLS[name] };
  }
  return inputs;
}

describe("DEFAULT_PARAMS", () => {
  it("is the council's decision: 40 000,00 € HT at most, 50 % Caf, VAT 20 %, CEJ key", () => {
    expect(DEFAULT_PARAMS).toEqual({
      costHT: 4_000_000,
      capHT: 4_000_000,
      cafRate: 500_000,
      vatRate: 200_000,
      key: "cej",
      cafBase: "ht",
    });
  });
});

describe("readParams", () => {
  it("gives the defaults when nothing is given, or cells are empty", () => {
    expect(readParams({})).toEqual({ params: DEFAULT_PARAMS, issues: [] });
    expect(
      readParams(sheet({ costHT: "", capHT: null, cafRate: undefined, vatRate: "  ", key: "" })),
    ).toEqual({
      params: DEFAULT_PARAMS,
      issues: [],
    });
  });

  it("reads a sheet as a finance officer fills it", () => {
    // B4 = 36 000 (number), B5 = "40 000,00 €" (text), B6 = 50 % (a percentage cell holds 0.5),
    // B7 = "20 %" (text), B8 = "Population"
    const { params, issues } = readParams(
      sheet({ costHT: 36000, capHT: "40 000,00 €", cafRate: 0.5, vatRate: "20 %", key: "Population" }),
    );
    expect(issues).toEqual([]);
    expect(params).toEqual({
      costHT: 3_600_000,
      capHT: 4_000_000,
      cafRate: 500_000,
      vatRate: 200_000,
      key: "population",
      cafBase: "ht",
    });
  });

  it("reads CLI flags given as text", () => {
    const { params, issues } = readParams({
      costHT: { value: "45000.50", cell: "--cost" },
      cafRate: { value: "0,5", cell: "--caf-rate" },
      vatRate: { value: "5.5%", cell: "--vat-rate" },
      key: { value: "equal", cell: "--key" },
    });
    expect(issues).toEqual([]);
    expect(params).toEqual({
      ...DEFAULT_PARAMS,
      costHT: 4_500_050,
      cafRate: 500_000,
      vatRate: 55_000,
      key: "equal",
    });
  });

  it.each([
    [0, 0],
    [1, 1_000_000], // 100 % inclusive
    ["0 %", 0],
    ["100 %", 1_000_000],
    ["33,3333 %", 333_333],
  ])("accepts the rate %p as %p ppm (0 % to 100 % inclusive)", (value, ppm) => {
    const { params, issues } = readParams(sheet({ cafRate: value, vatRate: value }));
    expect(issues).toEqual([]);
    expect(params.cafRate).toBe(ppm);
    expect(params.vatRate).toBe(ppm);
  });

  it.each([
    [50, "50"], // 50 in a general cell is 5 000 %: type 50 % or 0,5
    [1.2, "1.2"],
    ["120 %", "120 %"],
    [-0.05, "-0.05"],
    ["-5 %", "-5 %"],
  ])("refuses the rate %p as out of range, keeping the default", (value, text) => {
    const { params, issues } = readParams(sheet({ cafRate: value }));
    expect(params.cafRate).toBe(500_000);
    expect(issues).toEqual([
      {
        code: "param-rate-range",
        severity: "error",
        cell: CELLS.cafRate,
        data: { param: "cafRate", value: text },
      },
    ]);
  });

  it.each([
    ["cinquante", "cinquante"],
    [true, "TRUE"],
    ["#N/A", "#N/A"],
    [{ error: "#REF!" }, "#REF!"],
    [0.6666666, "0.6666666"], // finer than a millionth
    ["33,33335 %", "33,33335 %"],
  ])("refuses the rate %p as invalid", (value, text) => {
    const { params, issues } = readParams(sheet({ vatRate: value }));
    expect(params.vatRate).toBe(200_000);
    expect(issues).toEqual([
      {
        code: "param-invalid",
        severity: "error",
        cell: CELLS.vatRate,
        data: { param: "vatRate", value: text },
      },
    ]);
  });

  it.each([
    [-40000, "-40000"],
    ["-40 000,00 €", "-40 000,00 €"],
    ["(1 000,00)", "(1 000,00)"],
  ])("refuses the negative amount %p", (value, text) => {
    const { params, issues } = readParams(sheet({ costHT: value, capHT: value }));
    expect(params.costHT).toBe(4_000_000);
    expect(params.capHT).toBe(4_000_000);
    expect(issues).toEqual([
      {
        code: "param-negative",
        severity: "error",
        cell: CELLS.costHT,
        data: { param: "costHT", value: text },
      },
      { code: "param-negative", severity: "error", cell: CELLS.capHT, data: { param: "capHT", value: text } },
    ]);
  });

  it.each([
    ["quarante mille", "quarante mille"],
    [40000.005, "40000.005"], // a fraction of a cent
    ["#DIV/0!", "#DIV/0!"],
    [false, "FALSE"],
    [new Date(Date.UTC(2021, 9, 2)), "2021-10-02"],
  ])("refuses the amount %p as invalid", (value, text) => {
    const { params, issues } = readParams(sheet({ costHT: value }));
    expect(params.costHT).toBe(4_000_000);
    expect(issues).toEqual([
      {
        code: "param-invalid",
        severity: "error",
        cell: CELLS.costHT,
        data: { param: "costHT", value: text },
      },
    ]);
  });

  it("accepts a zero amount", () => {
    expect(readParams(sheet({ costHT: 0, capHT: "0,00 €" }))).toEqual({
      params: { ...DEFAULT_PARAMS, costHT: 0, capHT: 0 },
      issues: [],
    });
  });

  it.each([
    ["cej", "cej"],
    ["CEJ", "cej"],
    ["Montants CEJ", "cej"],
    ["population", "population"],
    ["POPULATION", "population"],
    [" Population ", "population"],
    ["communes", "communes"],
    ["Communes", "communes"],
    ["Nombre de communes", "communes"],
    ["equal", "equal"],
    ["Égale", "equal"],
    ["egale", "equal"],
    ["Egal", "equal"],
    ["Parts égales", "equal"],
    ["PARTS EGALES", "equal"],
    ["parts-égales", "equal"],
    ["Equal shares", "equal"],
  ])("reads the key %p as %p", (text, key) => {
    expect(parseAllocationKey(text)).toBe(key);
    expect(readParams(sheet({ key: text }))).toEqual({ params: { ...DEFAULT_PARAMS, key }, issues: [] });
  });

  it.each([
    ["revenu", "revenu"],
    ["CEJ population", "CEJ population"],
    [1, "1"],
    [true, "TRUE"],
  ])("refuses the key %p", (value, text) => {
    const { params, issues } = readParams(sheet({ key: value }));
    expect(params.key).toBe("cej");
    expect(issues).toEqual([
      { code: "param-invalid", severity: "error", cell: CELLS.key, data: { param: "key", value: text } },
    ]);
  });

  it("reports every bad parameter, each on its own cell, in the order of the sheet", () => {
    const { issues } = readParams(sheet({ costHT: "x", capHT: -1, cafRate: 2, vatRate: "y", key: "z" }));
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["param-invalid", CELLS.costHT],
      ["param-negative", CELLS.capHT],
      ["param-rate-range", CELLS.cafRate],
      ["param-invalid", CELLS.vatRate],
      ["param-invalid", CELLS.key],
    ]);
    expect(issues.every((i) => i.severity === "error")).toBe(true);
  });
});

describe("the base of the Caf's share (cafBase)", () => {
  const CELL = "'Paramètres CTG'!B10";

  it.each([
    ["HT", "ht"],
    ["ht", "ht"],
    [" Hors taxes ", "ht"],
    ["excl. VAT", "ht"],
    ["TTC", "ttc"],
    ["ttc", "ttc"],
    ["T.T.C.", "ttc"],
    ["Toutes taxes comprises", "ttc"],
    ["incl. VAT", "ttc"],
  ])("reads %p as %p", (text, base) => {
    expect(parseCafBase(text)).toBe(base);
    expect(readParams({ cafBase: { value: text, cell: CELL } })).toEqual({
      params: { ...DEFAULT_PARAMS, cafBase: base },
      issues: [],
    });
  });

  it("defaults to HT when absent or empty", () => {
    expect(readParams({}).params.cafBase).toBe("ht");
    expect(readParams({ cafBase: { value: "", cell: CELL } }).params.cafBase).toBe("ht");
    expect(readParams({ cafBase: { value: null, cell: CELL } }).issues).toEqual([]);
  });

  it.each([
    ["HTT", "HTT"],
    ["TVA", "TVA"],
    [1, "1"],
    [true, "TRUE"],
  ])("refuses %p as param-invalid on its cell, with a message naming HT and TTC", (value, text) => {
    const { params, issues } = readParams({ cafBase: { value, cell: CELL } });
    expect(params.cafBase).toBe("ht");
    expect(issues).toEqual([
      { code: "param-invalid", severity: "error", cell: CELL, data: { param: "cafBase", value: text } },
    ]);
    const [issue] = issues;
    if (issue === undefined) throw new Error("no issue");
    expect(formatIssue(issue, "fr")).toContain("Base de calcul de la Caf");
    expect(formatIssue(issue, "fr")).toMatch(/«\s?HT\s?» ou «\s?TTC\s?»/u);
    expect(formatIssue(issue, "en")).toContain('"HT" or "TTC"');
  });

  it("PLAN_PARAM_NAMES lists the five pane parameters, then cafBase", () => {
    expect(PLAN_PARAM_NAMES).toEqual([...PARAM_NAMES, "cafBase"]);
  });
});
