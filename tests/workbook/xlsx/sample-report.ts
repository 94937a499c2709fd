// A small hand-made Report for the package writer's tests.

import type { CellStyle, Report, ReportCell, ReportSheet, ReportValue, StyleName } from "../../../src/report";

export const PALETTE: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, size: 14, color: "1F4E79" },
  subtitle: { italic: true, color: "595959" },
  note: { italic: true, size: 9, wrap: true },
  header: {
    bold: true,
    fill: "1F4E79",
    color: "FFFFFF",
    hAlign: "center",
    vAlign: "center",
    wrap: true,
    border: "box",
  },
  text: {},
  textBold: { bold: true },
  code: { numFmt: "@" },
  money: { numFmt: '#,##0.00\\ "€"' },
  moneyBold: { numFmt: '#,##0.00\\ "€"', bold: true },
  moneyTotal: { numFmt: '#,##0.00\\ "€"', bold: true, border: "double-top" },
  moneyInput: { numFmt: '#,##0.00\\ "€"', fill: "FFF2CC", unlocked: true, border: "box" },
  rate: { numFmt: "0.00%" },
  rateInput: { numFmt: "0.00%", fill: "FFF2CC", unlocked: true },
  ratio: { numFmt: "0.0000" },
  ratioBold: { numFmt: "0.0000", bold: true },
  integer: { numFmt: "#,##0" },
  integerBold: { numFmt: "#,##0", bold: true },
  integerTotal: { numFmt: "#,##0", bold: true, border: "top" },
  input: { fill: "FFF2CC", unlocked: true },
  label: { indent: 1 },
  labelTotal: { bold: true, border: "bottom" },
  warning: { color: "9C0006", wrap: true, vAlign: "top" },
  status: { bold: true, hAlign: "center" },
  date: { numFmt: "dd/mm/yyyy" },
  day: { numFmt: "yyyy-mm-dd", fill: "FFF2CC", unlocked: true },
  textInput: { fill: "FFF2CC", unlocked: true, wrap: true },
  year: { numFmt: "0", hAlign: "center" },
};

export const text = (row: number, col: number, t: string, style?: StyleName): ReportCell => ({
  row,
  col,
  value: { kind: "text", text: t },
  ...(style ? { style } : {}),
});
export const num = (row: number, col: number, value: number, style?: StyleName): ReportCell => ({
  row,
  col,
  value: { kind: "number", value },
  ...(style ? { style } : {}),
});
export const formula = (
  row: number,
  col: number,
  f: string,
  expected: number | string | boolean,
  style?: StyleName,
): ReportCell => {
  const value: ReportValue = {
    kind: "formula",
    formula: f,
    expected,
    check: typeof expected === "number" ? "cents" : "exact",
  };
  return { row, col, value, ...(style ? { style } : {}) };
};

/** Texts that look like formulas: they must stay text. */
export const INJECTIONS = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"];
/** Texts that need escaping. */
export const TRICKY_TEXTS = [
  "a & b < c > d \"q\" 'a'",
  "ligne 1\nligne 2",
  "retour\r\nchariot",
  "tab\there",
  "bell\u0007",
  "_x0041_ littéral",
  "  espaces  ",
  "€ 東京 😀",
];

export interface SampleOptions {
  /** Names of the two sheets. */
  paramsName?: string;
  synthName?: string;
  tableName?: string;
  /** Cached values written for formulas (to prove a recalculation): "right" or "wrong". */
  cached?: "right" | "wrong";
  marker?: string;
}

/** Amounts of the T_Test table. */
export const AMOUNTS = [100.1, 200.2, 0.7];
export const COST = 1234.567;

export function sampleReport(options: SampleOptions = {}): Report {
  const paramsName = options.paramsName ?? "Paramètres CTG";
  const synthName = options.synthName ?? "Synthèse CEJ";
  const tableName = options.tableName ?? "T_Test";
  const wrong = options.cached === "wrong";
  const total = Math.round(AMOUNTS.reduce((s, a) => s + a, 0) * 100) / 100;

  const params: ReportSheet = {
    kind: "parameters",
    name: paramsName,
    cells: [
      text(0, 0, "Paramètres de la CTG", "title"),
      text(2, 0, "Paramètre", "header"),
      text(2, 1, "Valeur", "header"),
      text(3, 0, "Coût HT", "label"),
      num(3, 1, COST, "moneyInput"),
      text(4, 0, "Taux CAF", "label"),
      num(4, 1, 0.55, "rateInput"),
      text(5, 0, "Clé", "label"),
      text(5, 1, "cej", "input"),
      text(
        7,
        0,
        "Une note assez longue pour devoir passer à la ligne dans une colonne étroite de la feuille.",
        "note",
      ),
    ],
    columnWidths: [18, 14],
    merges: [],
    tables: [],
    validations: [
      {
        type: "decimal",
        ref: "B4",
        min: 0,
        prompt: "Coût de la mission, hors taxes",
        error: "Un montant positif",
      },
      { type: "decimal", ref: "B5", min: 0, max: 1, error: 'Entre 0 et 1 "inclus"' },
      {
        type: "list",
        ref: "B6",
        items: ["cej", "population", "communes", "equal"],
        prompt: "La clé",
        error: "Choisir dans la liste",
      },
    ],
    statusFormats: [],
    freeze: { rows: 3, cols: 0 },
    print: {
      landscape: false,
      fitToWidth: true,
      headerText: "Paramètres & réglages",
      footerText: "CTG Planner",
    },
    tabColor: "FFC000",
  };

  const first = 3; // header row of the table (0-based), i.e. sheet row 4
  const synth: ReportSheet = {
    kind: "synthesis",
    name: synthName,
    cells: [
      text(0, 0, "Synthèse des CEJ", "title"),
      text(1, 0, "Sous-titre", "subtitle"),
      text(first, 0, "Commune", "header"),
      text(first, 1, "Amount", "header"),
      text(first, 2, "Status", "header"),
      ...AMOUNTS.flatMap((a, i) => [
        text(first + 1 + i, 0, `Commune ${i + 1}`, "text"),
        num(first + 1 + i, 1, a, "money"),
        formula(first + 1 + i, 2, `IF(B${first + 2 + i}>0,"OK","KO")`, wrong ? "WRONG" : "OK", "status"),
      ]),
      formula(8, 1, `SUM(${tableName}[Amount])`, wrong ? 0 : total, "moneyTotal"),
      formula(9, 1, "ROUND(CTG_X*2,2)", wrong ? 0 : Math.round(COST * 2 * 100) / 100, "money"),
      formula(10, 1, `SUM(${tableName}[Amount])>100`, wrong ? false : true),
      formula(11, 1, `"Total : "&TEXT(B9,"0.00")`, wrong ? "WRONG" : `Total : ${total.toFixed(2)}`),
      formula(12, 1, "CTG_Taux*100", wrong ? 0 : 55, "ratio"),
      ...INJECTIONS.map((t, i) => text(14 + i, 0, t)),
      ...TRICKY_TEXTS.map((t, i) => text(14 + i, 1, t, i === 1 ? "note" : undefined)),
      { row: 14, col: 2, value: { kind: "boolean", value: true } },
      { row: 15, col: 2, value: { kind: "boolean", value: false } },
      num(16, 2, -0.000123),
      num(17, 2, 1e21),
    ],
    columnWidths: [24, 16, 12],
    merges: ["A1:C1"],
    tables: [
      {
        name: tableName,
        ref: `A${first + 1}:C${first + 1 + AMOUNTS.length}`,
        columns: ["Commune", "Amount", "Status"],
        style: "TableStyleMedium2",
      },
    ],
    validations: [],
    statusFormats: [{ ref: `C${first + 2}:C${first + 1 + AMOUNTS.length}`, okText: "OK" }],
    freeze: { rows: first + 1, cols: 1 },
    print: {
      landscape: true,
      fitToWidth: true,
      titleRows: [first + 1, first + 1],
      headerText: "Synthèse",
      footerText: "Généré par CTG Planner & co",
    },
  };

  return {
    lang: "fr",
    sheets: [params, synth],
    names: [
      { name: "CTG_X", ref: `'${paramsName}'!$B$4` },
      { name: "CTG_Taux", ref: `'${paramsName}'!$B$5`, comment: "Taux de la CAF" },
    ],
    styles: PALETTE,
    marker: options.marker ?? "ctg-planner",
  };
}
