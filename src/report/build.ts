import { columnLetters, quoteSheet } from "../core/cell";
import { normalizeName } from "../core/communes";
import { formatIssue } from "../core/messages";
import { centsToEuros, rateToFraction } from "../core/money";
import {
  defaultScenario,
  SCENARIO_FIELD_LABELS,
  serialOfIsoDay,
  type ScenarioField,
  type ScenarioPlan,
} from "../core/scenarios";
import type { Basin, Cents, Field, FundingRow, Issue, Lang, Plan } from "../core/types";
import { BASINS } from "../core/types";
import { formulasKey } from "./fingerprint";
import { reportLabels, type ReportLabels } from "./labels";
import {
  COMPLETE_COMMENT,
  COMPLETE_NAME,
  MARKER_PREFIX,
  type Report,
  type ReportName,
  type ReportSheet,
  type ReportSheetKind,
} from "./model";
import { absColumnRange, absRef, localAbs, SheetBuilder, stringLiteral } from "./sheet-builder";
import { REPORT_STYLES } from "./styles";

/** Where the funding table lives, so that formulas can point at it. */
export interface InputSource {
  readonly sheet: string;
  /** The Excel table's name when the input is a table: formulas then use structured references. */
  readonly table: string | null;
  /** 1-based sheet rows of the first and last data rows (header and totals rows excluded). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** Mapped columns: 0-based sheet column and the column's name (the table column's, or the header text). */
  readonly columns: Partial<Record<Field, { readonly col: number; readonly name: string }>>;
}

/** The generation stamp written on the checks sheet. */
export interface ReportStamp {
  /** ISO date and time of the generation. */
  readonly generatedAt: string;
  readonly version: string;
  /** SHA-256, hexadecimal, of the input values read. */
  readonly inputHash: string;
}

export interface BuildReportOptions {
  readonly plan: Plan;
  readonly rows: readonly FundingRow[];
  /** Warnings to list on the checks sheet (errors never reach here: they block generation). */
  readonly warnings: readonly Issue[];
  readonly source: InputSource;
  readonly lang: Lang;
  readonly stamp: ReportStamp;
  /** Sheet and table names already used by the user's workbook (not the product's own). */
  readonly taken?: { readonly sheets: readonly string[]; readonly tables: readonly string[] };
  /**
   * The workbook's scenarios and their plans (issue #5), written back on `Scénarios CTG` and
   * compared. Empty: one scenario « Paramètres actuels » with the plan's parameters. Absent: no
   * scenario sheets (the adapter did not read them; writing the default one would lose the user's).
   */
  readonly scenarios?: readonly ScenarioPlan[];
}

/** Names of the cells of the five original parameters (the ones the Office adapter reads). */
export const PARAM_CELL_NAMES = {
  costHT: "CTG_CoutHT",
  capHT: "CTG_PlafondHT",
  cafRate: "CTG_TauxCaf",
  vatRate: "CTG_TauxTVA",
  key: "CTG_Cle",
} as const;

/** Name of the cell of the Caf base (`HT` or `TTC`), on `Paramètres CTG`. */
export const CAF_BASE_CELL_NAME = "CTG_BaseCaf";

/** Names of the cells of every parameter: the five of {@link PARAM_CELL_NAMES} and the Caf base. */
/**
 * The workbook name holding the fingerprint of the formulas written (`"fr:1a2b…"`, see
 * formulasKey in report/fingerprint.ts): the pane reads it to tell whether the summary is out of date.
 */
export const FORMULAS_KEY_NAME = "CTG_Empreinte";

export const PLAN_PARAM_CELL_NAMES = { ...PARAM_CELL_NAMES, cafBase: CAF_BASE_CELL_NAME } as const;

/** The communes table's preferred name. */
export const COMMUNES_TABLE = "CTG_Communes";

const SHEET_ORDER: readonly ReportSheetKind[] = [
  "parameters",
  "communes",
  "synthesis",
  "engineering",
  "basins",
  "scenarios",
  "comparison",
  "checks",
];

/** A name not in `taken` (case-insensitive, as Excel compares sheet names): `Synthèse CEJ (2)`. */
function freeName(wanted: string, taken: Set<string>, style: "sheet" | "table"): string {
  let candidate = wanted;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) {
    candidate = style === "sheet" ? `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})` : `${wanted}${i}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Escapes a column name inside a structured reference (`'` before `[ ] # '`). */
function structuredColumn(name: string): string {
  return name.replace(/(['#[\]])/g, "'$1");
}

/** Escapes a SUMIFS criterion so that it means "equal to exactly this text". */
function equalsCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/([~*?])/g, "~$1")}`);
}

const euros = (c: Cents): number => centsToEuros(c);

/** The criteria fields of a row that the live formulas use to find it again. */
type KeyField = "commune" | "insee" | "domain" | "year";

/**
 * Builds the summary workbook report from a plan: six sheets, live formulas with the engine's values
 * as expected values, names, tables, validations and print setup.
 *
 * @param options - the plan, its rows and warnings, where the input lives, the language and stamp
 * @returns the report
 */
export function buildReport(options: BuildReportOptions): Report {
  const { lang } = options;
  const L = reportLabels(lang);
  const takenSheets = new Set((options.taken?.sheets ?? []).map((s) => s.toLowerCase()));
  const takenTables = new Set((options.taken?.tables ?? []).map((s) => s.toLowerCase()));
  const names = Object.fromEntries(
    SHEET_ORDER.map((k) => [k, freeName(L.sheetNames[k], takenSheets, "sheet")]),
  ) as Record<ReportSheetKind, string>;
  const communesTable = freeName(COMMUNES_TABLE, takenTables, "table");
  const scenarios =
    options.scenarios === undefined
      ? []
      : options.scenarios.length > 0
        ? options.scenarios
        : [
            {
              scenario: defaultScenario(options.plan.params, lang, options.stamp.generatedAt.slice(0, 10)),
              plan: options.plan,
            },
          ];
  const ctx: Context = { ...options, L, names, communesTable, scenarioPlans: scenarios };

  const parameters = buildParameters(ctx);
  const communes = buildCommunes(ctx);
  const synthesis = buildSynthesis(ctx);
  const basins = buildBasins(ctx, synthesis.layout);
  const engineering = buildEngineering(ctx, basins.layout);
  const checks = buildChecks(ctx, synthesis.layout, basins.layout, engineering.layout);
  const scenarioSheets =
    scenarios.length === 0 ? [] : [buildScenarios(ctx), buildComparison(ctx, synthesis.layout)];

  const reportNames: ReportName[] = [
    { name: PARAM_CELL_NAMES.costHT, ref: absRef(names.parameters, 4, 1) },
    { name: PARAM_CELL_NAMES.capHT, ref: absRef(names.parameters, 5, 1) },
    { name: PARAM_CELL_NAMES.cafRate, ref: absRef(names.parameters, 6, 1) },
    { name: PARAM_CELL_NAMES.vatRate, ref: absRef(names.parameters, 7, 1) },
    { name: PARAM_CELL_NAMES.key, ref: absRef(names.parameters, 8, 1) },
    { name: CAF_BASE_CELL_NAME, ref: absRef(names.parameters, 9, 1) },
  ];
  const sheets = [
    parameters,
    communes,
    synthesis.sheet,
    engineering.sheet,
    basins.sheet,
    ...scenarioSheets,
    checks,
  ];
  // First: whether the summary is whole (the Office adapter sets it FALSE first and TRUE last).
  reportNames.unshift({ name: COMPLETE_NAME, ref: "TRUE", comment: COMPLETE_COMMENT });
  reportNames.push({
    name: FORMULAS_KEY_NAME,
    ref: `"${formulasKey({ lang, sheets })}"`,
    comment: L.formulasKeyComment,
  });
  return {
    lang,
    sheets,
    names: reportNames,
    styles: REPORT_STYLES,
    marker: MARKER_PREFIX,
  };
}

interface Context extends BuildReportOptions {
  readonly L: ReportLabels;
  readonly names: Readonly<Record<ReportSheetKind, string>>;
  readonly communesTable: string;
  /** The scenarios to write and compare (the default one when the workbook holds none); empty: no scenario sheets. */
  readonly scenarioPlans: readonly ScenarioPlan[];
}

function print(
  ctx: Context,
  kind: ReportSheetKind,
  titleRows?: readonly [number, number],
  printArea?: string,
) {
  return {
    landscape: true,
    fitToWidth: true,
    ...(titleRows ? { titleRows } : {}),
    ...(printArea ? { printArea } : {}),
    headerText: ctx.names[kind],
    footerText: ctx.L.footer,
  };
}

// ---------------------------------------------------------------------------------------------
// Paramètres CTG

function buildParameters(ctx: Context): ReportSheet {
  const { L, plan } = ctx;
  const s = new SheetBuilder("parameters", ctx.names.parameters);
  s.text(0, 0, L.params.title, "title").text(1, 0, L.params.subtitle, "subtitle");
  L.params.header.forEach((h, c) => s.text(3, c, h, "header"));
  const p = plan.params;
  const rows = L.params.rows;
  s.text(4, 0, rows.costHT[0], "label")
    .number(4, 1, euros(p.costHT), "moneyInput")
    .text(4, 2, rows.costHT[1], "note");
  s.text(5, 0, rows.capHT[0], "label")
    .number(5, 1, euros(p.capHT), "moneyInput")
    .text(5, 2, rows.capHT[1], "note");
  s.text(6, 0, rows.cafRate[0], "label")
    .number(6, 1, rateToFraction(p.cafRate), "rateInput")
    .text(6, 2, rows.cafRate[1], "note");
  s.text(7, 0, rows.vatRate[0], "label")
    .number(7, 1, rateToFraction(p.vatRate), "rateInput")
    .text(7, 2, rows.vatRate[1], "note");
  s.text(8, 0, rows.key[0], "label").text(8, 1, L.keys[p.key], "input").text(8, 2, rows.key[1], "note");
  s.text(9, 0, rows.cafBase[0], "label")
    .text(9, 1, L.cafBases[p.cafBase], "input")
    .text(9, 2, rows.cafBase[1], "note");
  s.validate({
    type: "decimal",
    ref: "B5:B6",
    min: 0,
    error: L.params.amountError,
    prompt: L.params.amountError,
  });
  s.validate({
    type: "decimal",
    ref: "B7:B8",
    min: 0,
    max: 1,
    error: L.params.rateError,
    prompt: L.params.rateError,
  });
  s.validate({
    type: "list",
    ref: "B9",
    items: Object.values(L.keys),
    error: L.params.keyError,
    prompt: L.params.keyError,
  });
  s.validate({
    type: "list",
    ref: "B10",
    items: [L.cafBases.ht, L.cafBases.ttc],
    error: L.params.cafBaseError,
    prompt: L.params.cafBaseError,
  });
  s.widthsFrom([40, 18, 100]).freezeAt(4, 0);
  return s.build(print(ctx, "parameters", [4, 4]), "F2C200");
}

// ---------------------------------------------------------------------------------------------
// Communes CTG

const COMMUNES_FIRST = 4; // 0-based row of the first commune (header on row 3, sheet row 4)

function buildCommunes(ctx: Context): ReportSheet {
  const { L, plan } = ctx;
  const s = new SheetBuilder("communes", ctx.names.communes);
  s.text(0, 0, L.communes.title, "title").text(1, 0, L.communes.note, "subtitle");
  L.communes.columns.forEach((h, c) => s.text(3, c, h, "header"));
  const communes = plan.communesReference;
  communes.forEach((c, i) => {
    const r = COMMUNES_FIRST + i;
    s.text(r, 0, c.insee, "code")
      .text(r, 1, c.name, "text")
      .text(r, 2, L.basins[c.basin], "input")
      .number(r, 3, c.population, "integer")
      .number(r, 4, c.populationYear, "year")
      .text(r, 5, c.basinConfirmed ? L.yes : L.no, "input")
      .text(r, 6, c.exCej ? L.yes : L.no, "text");
  });
  const last = COMMUNES_FIRST + communes.length - 1;
  s.table({
    name: ctx.communesTable,
    ref: `A4:G${last + 1}`,
    columns: L.communes.columns,
    style: "TableStyleLight9",
  });
  s.validate({
    type: "list",
    ref: `C5:C${last + 1}`,
    items: [L.basins.nord, L.basins.sud],
    error: L.communes.basinError,
  });
  s.validate({ type: "list", ref: `F5:F${last + 1}`, items: [L.yes, L.no], error: L.communes.yesNoError });
  s.widthsFrom([13, 32, 11, 22, 22, 17, 13]).freezeAt(4, 2);
  return s.build(print(ctx, "communes", [4, 4]), "5B9BD5");
}

/** Structured reference to a column of the communes table. */
function communesColumn(ctx: Context, index: number): string {
  return `${ctx.communesTable}[${structuredColumn(ctx.L.communes.columns[index] ?? "")}]`;
}

// ---------------------------------------------------------------------------------------------
// References to the input

/** Reference to an input column: `Financements[Montant]`, or `Financements!$E$2:$E$120`. */
function inputColumn(ctx: Context, field: Field): string {
  const col = ctx.source.columns[field];
  if (col === undefined) throw new Error(`input column not mapped: ${field}`);
  if (ctx.source.table !== null) return `${ctx.source.table}[${structuredColumn(col.name)}]`;
  return absColumnRange(ctx.source.sheet, col.col, ctx.source.firstRow - 1, ctx.source.lastRow - 1);
}

/** Fields a SUMIFS uses to find a commune's rows: the commune column, and the INSEE column when mapped. */
function communeKeyFields(ctx: Context): KeyField[] {
  const f: KeyField[] = [];
  if (ctx.source.columns.commune !== undefined) f.push("commune");
  if (ctx.source.columns.insee !== undefined) f.push("insee");
  return f;
}

/**
 * `SUMIFS(amount, …)` terms adding up the rows of `rows` (one term per distinct spelling of the key
 * cells, compared as SUMIFS compares: case-insensitive), plus the amounts written as text, which
 * SUMIFS cannot read, as a constant. Returns "0" when there is nothing.
 */
function sumRows(ctx: Context, rows: readonly FundingRow[], fields: readonly KeyField[]): string {
  const amount = inputColumn(ctx, "amount");
  const spellings = new Map<string, FundingRow>();
  let textCents = 0;
  for (const row of rows) {
    const key = fields.map((f) => row.keys[f].toLowerCase()).join("\u0000");
    if (!spellings.has(key)) spellings.set(key, row);
    if (row.amountFromText) textCents += row.amount;
  }
  const terms = [...spellings.values()].map(
    (row) =>
      `SUMIFS(${amount},${fields.map((f) => `${inputColumn(ctx, f)},${equalsCriterion(row.keys[f])}`).join(",")})`,
  );
  if (textCents !== 0) terms.push(String(textCents / 100));
  return terms.length === 0 ? "0" : terms.join("+");
}

/** Amounts written as text among the rows, in cents. */
function textAmount(rows: readonly FundingRow[]): number {
  return rows.reduce((t, r) => (r.amountFromText ? t + r.amount : t), 0);
}

// ---------------------------------------------------------------------------------------------
// Synthèse CEJ

interface SynthesisLayout {
  readonly first: number;
  readonly last: number;
  readonly basinCol: number;
  readonly totalCol: number;
  readonly grandTotalRow: number;
  readonly count: number;
}

/** Groups rows as the plan does: by INSEE code, or by normalized name outside the reference. */
function communeKey(name: string, insee: string | null): string {
  return insee ?? `name:${normalizeName(name)}`;
}

function buildSynthesis(ctx: Context): { sheet: ReportSheet; layout: SynthesisLayout } {
  const { L, plan, rows } = ctx;
  const s = new SheetBuilder("synthesis", ctx.names.synthesis);
  const what = ctx.source.table !== null ? `${ctx.source.table} (${ctx.source.sheet})` : ctx.source.sheet;
  s.text(0, 0, L.synthesis.title, "title").text(1, 0, L.synthesis.source(what, plan.rowCount), "subtitle");
  if (rows.some((r) => r.amountFromText)) s.text(2, 0, L.synthesis.textNote, "warning");

  const domainCols = ctx.source.columns.domain !== undefined ? plan.domains : [];
  const yearCols = ctx.source.columns.year !== undefined ? plan.years : [];
  const headers = [
    L.synthesis.insee,
    L.synthesis.commune,
    L.synthesis.basin,
    ...domainCols.map((d) => (d === "" ? L.synthesis.noDomain : d)),
    ...yearCols.map(String),
    L.synthesis.total,
    L.synthesis.share,
  ];
  headers.forEach((h, c) => s.text(3, c, h, "header"));
  const firstDomainCol = 3;
  const firstYearCol = firstDomainCol + domainCols.length;
  const totalCol = firstYearCol + yearCols.length;
  const shareCol = totalCol + 1;
  const first = 4;
  const n = plan.communes.length;
  const last = first + n - 1;
  const blank = last + 1;
  const basinRows = BASINS.map((_, i) => blank + 1 + i);
  const grandTotalRow = blank + 1 + BASINS.length;
  const countRow = grandTotalRow + 1;
  const totalRef = localAbs(grandTotalRow, totalCol);
  const keyFields = communeKeyFields(ctx);

  const rowsByCommune = new Map<string, FundingRow[]>();
  for (const row of rows) {
    const k = communeKey(row.commune, row.insee);
    rowsByCommune.set(k, [...(rowsByCommune.get(k) ?? []), row]);
  }
  const domainOf = (r: FundingRow): string => r.domain ?? "";

  plan.communes.forEach((c, i) => {
    const r = first + i;
    const cRows = rowsByCommune.get(communeKey(c.name, c.insee)) ?? [];
    s.text(r, 0, c.insee ?? "", "code").text(r, 1, c.name, "text");
    if (c.insee !== null) {
      s.formula(
        r,
        2,
        `INDEX(${communesColumn(ctx, 2)},MATCH(${localAbs(r, 0)},${communesColumn(ctx, 0)},0))`,
        L.basins[c.basin],
        "exact",
        "text",
      );
    } else {
      s.text(r, 2, L.basins[c.basin], "text");
    }
    domainCols.forEach((d, j) => {
      const dRows = cRows.filter((row) => domainOf(row) === d);
      s.money(
        r,
        firstDomainCol + j,
        sumRows(ctx, dRows, [...keyFields, "domain"]),
        euros(c.byDomain[j] ?? (0 as Cents)),
      );
    });
    yearCols.forEach((y, j) => {
      const yRows = cRows.filter((row) => row.year === y);
      s.money(
        r,
        firstYearCol + j,
        sumRows(ctx, yRows, [...keyFields, "year"]),
        euros(c.byYear[j] ?? (0 as Cents)),
      );
    });
    s.money(r, totalCol, sumRows(ctx, cRows, keyFields), euros(c.total), "moneyBold");
    s.formula(
      r,
      shareCol,
      `IF(${totalRef}=0,0,${localAbs(r, totalCol)}/${totalRef})`,
      plan.total === 0 ? 0 : c.total / plan.total,
      "ratio",
      "ratio",
    );
  });

  // Basin subtotals, grand total, count.
  const moneyCols = [
    ...domainCols.map((_, j) => firstDomainCol + j),
    ...yearCols.map((_, j) => firstYearCol + j),
    totalCol,
  ];
  const basinTotals = (b: Basin, col: number): number => {
    const inBasin = plan.communes.filter((c) => c.basin === b);
    if (col === totalCol) return inBasin.reduce((t, c) => t + c.total, 0);
    if (col < firstYearCol) return inBasin.reduce((t, c) => t + (c.byDomain[col - firstDomainCol] ?? 0), 0);
    return inBasin.reduce((t, c) => t + (c.byYear[col - firstYearCol] ?? 0), 0);
  };
  const colRange = (col: number): string => `${localAbs(first, col)}:${localAbs(Math.max(last, first), col)}`;
  BASINS.forEach((b, i) => {
    const r = basinRows[i] ?? 0;
    s.text(r, 1, L.synthesis.basinTotal(L.basins[b]), "labelTotal").text(r, 2, L.basins[b], "textBold");
    for (const col of moneyCols) {
      const f = n === 0 ? "0" : `SUMIFS(${colRange(col)},${colRange(2)},${localAbs(r, 2)})`;
      s.money(r, col, f, basinTotals(b, col) / 100, "moneyBold");
    }
    const bt = basinTotals(b, totalCol);
    s.formula(
      r,
      shareCol,
      `IF(${totalRef}=0,0,${localAbs(r, totalCol)}/${totalRef})`,
      plan.total === 0 ? 0 : bt / plan.total,
      "ratio",
      "ratioBold",
    );
  });
  s.text(grandTotalRow, 1, L.synthesis.grandTotal, "labelTotal");
  for (const col of moneyCols) {
    const expected =
      col === totalCol
        ? plan.total
        : col < firstYearCol
          ? (plan.domainTotals[col - firstDomainCol] ?? 0)
          : (plan.yearTotals[col - firstYearCol] ?? 0);
    s.money(grandTotalRow, col, n === 0 ? "0" : `SUM(${colRange(col)})`, expected / 100, "moneyTotal");
  }
  s.formula(grandTotalRow, shareCol, `IF(${totalRef}=0,0,1)`, plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  s.text(countRow, 1, L.synthesis.fundedCommunes, "label");
  s.formula(countRow, totalCol, n === 0 ? "0" : `COUNTA(${colRange(1)})`, n, "exact", "integerBold");

  s.widthsFrom([13, 32, 11, ...moneyCols.map(() => 17), 13]);
  s.freezeAt(4, 2);
  const layout: SynthesisLayout = { first, last, basinCol: 2, totalCol, grandTotalRow, count: n };
  return { sheet: s.build(print(ctx, "synthesis", [4, 4]), "70AD47"), layout };
}

// ---------------------------------------------------------------------------------------------
// Répartition bassins

interface BasinsLayout {
  readonly first: number;
  readonly totalRow: number;
  /** Columns of the allocated amounts. */
  readonly cols: {
    readonly cej: number;
    readonly cost: number;
    readonly caf: number;
    readonly cuHT: number;
    readonly vat: number;
    readonly ttc: number;
    readonly cuTTC: number;
  };
}

/** Engineering sheet rows (0-based) of each figure, shared by the basins and checks sheets. */
const ENG = {
  cost: 3,
  cap: 4,
  eligible: 5,
  cafRate: 6,
  caf: 7,
  cuHT: 8,
  vatRate: 9,
  vat: 10,
  ttc: 11,
  cuTTC: 12,
  cafBase: 13,
  eligibleTTC: 14,
  warning: 15,
} as const;

function buildBasins(ctx: Context, syn: SynthesisLayout): { sheet: ReportSheet; layout: BasinsLayout } {
  const { L, plan } = ctx;
  const s = new SheetBuilder("basins", ctx.names.basins);
  s.text(0, 0, L.basinsSheet.title, "title");
  s.formula(
    1,
    0,
    `${stringLiteral(L.basinsSheet.keyPrefix)}&${PARAM_CELL_NAMES.key}`,
    L.basinsSheet.keyPrefix + L.keys[plan.params.key],
    "exact",
    "subtitle",
  );
  L.basinsSheet.header.forEach((h, c) => s.text(3, c, h, "header"));
  const first = 4;
  const totalRow = first + BASINS.length;
  const cols = {
    communes: 1,
    population: 2,
    year: 3,
    cej: 4,
    cejShare: 5,
    key: 6,
    keyShare: 7,
    cost: 8,
    caf: 9,
    cuHT: 10,
    vat: 11,
    ttc: 12,
    cuTTC: 13,
  };
  const eng = (row: number): string => absRef(ctx.names.engineering, row, 1);
  const synTotal = absColumnRange(
    ctx.names.synthesis,
    syn.totalCol,
    syn.first,
    Math.max(syn.last, syn.first),
  );
  const synBasin = absColumnRange(
    ctx.names.synthesis,
    syn.basinCol,
    syn.first,
    Math.max(syn.last, syn.first),
  );
  const keyLabel = (k: "cej" | "population" | "communes"): string =>
    `${PARAM_CELL_NAMES.key}=${stringLiteral(L.keys[k])}`;
  const keyTotal = localAbs(totalRow, cols.key);
  const maxYear = plan.communesReference.reduce((m, c) => Math.max(m, c.populationYear), 0);

  BASINS.forEach((b, i) => {
    const r = first + i;
    const bp = plan.basins[i];
    if (bp === undefined) throw new Error(`plan has no basin ${b}`);
    const basinCell = localAbs(r, 0);
    s.text(r, 0, L.basins[b], "textBold");
    s.formula(
      r,
      cols.communes,
      `COUNTIFS(${communesColumn(ctx, 2)},${basinCell})`,
      bp.communes,
      "exact",
      "integer",
    );
    s.formula(
      r,
      cols.population,
      `SUMIFS(${communesColumn(ctx, 3)},${communesColumn(ctx, 2)},${basinCell})`,
      bp.population,
      "exact",
      "integer",
    );
    s.formula(r, cols.year, `MAX(${communesColumn(ctx, 4)})`, maxYear, "exact", "year");
    s.money(
      r,
      cols.cej,
      syn.count === 0 ? "0" : `SUMIFS(${synTotal},${synBasin},${basinCell})`,
      euros(bp.cejTotal),
    );
    s.formula(
      r,
      cols.cejShare,
      `IF(${localAbs(totalRow, cols.cej)}=0,0,${localAbs(r, cols.cej)}/${localAbs(totalRow, cols.cej)})`,
      plan.total === 0 ? 0 : bp.cejTotal / plan.total,
      "ratio",
      "ratio",
    );
    const keyExpected = plan.params.key === "cej" ? bp.keyValue / 100 : bp.keyValue;
    s.formula(
      r,
      cols.key,
      `ROUND(IF(${keyLabel("cej")},${localAbs(r, cols.cej)},IF(${keyLabel("population")},${localAbs(r, cols.population)},IF(${keyLabel("communes")},${localAbs(r, cols.communes)},1))),2)`,
      keyExpected,
      plan.params.key === "cej" ? "cents" : "exact",
      plan.params.key === "cej" ? "money" : "integer",
    );
    s.formula(
      r,
      cols.keyShare,
      `IF(${keyTotal}=0,0,${localAbs(r, cols.key)}/${keyTotal})`,
      bp.keyShare,
      "ratio",
      "ratio",
    );
    const isLast = i === BASINS.length - 1;
    const split = (col: number, engRow: number): string =>
      isLast
        ? `${eng(engRow)}-${i === 0 ? "0" : `SUM(${localAbs(first, col)}:${localAbs(r - 1, col)})`}`
        : `IF(${keyTotal}=0,0,${eng(engRow)}*${localAbs(r, cols.key)}/${keyTotal})`;
    const e = bp.engineering;
    s.money(r, cols.cost, split(cols.cost, ENG.cost), euros(e.costHT));
    s.money(r, cols.caf, split(cols.caf, ENG.caf), euros(e.caf));
    s.money(r, cols.cuHT, `${localAbs(r, cols.cost)}-${localAbs(r, cols.caf)}`, euros(e.cuHT));
    s.money(r, cols.vat, split(cols.vat, ENG.vat), euros(e.vat));
    s.money(r, cols.ttc, `${localAbs(r, cols.cost)}+${localAbs(r, cols.vat)}`, euros(e.costTTC));
    s.money(r, cols.cuTTC, `${localAbs(r, cols.ttc)}-${localAbs(r, cols.caf)}`, euros(e.cuTTC), "moneyBold");
  });
  // Totals.
  const sumCol = (col: number): string => `SUM(${localAbs(first, col)}:${localAbs(totalRow - 1, col)})`;
  const sumBasins = (f: (bp: Plan["basins"][number]) => number): number =>
    plan.basins.reduce((t, bp) => t + f(bp), 0);
  s.text(totalRow, 0, L.basinsSheet.total, "labelTotal");
  s.formula(
    totalRow,
    cols.communes,
    sumCol(cols.communes),
    sumBasins((b) => b.communes),
    "exact",
    "integerTotal",
  );
  s.formula(
    totalRow,
    cols.population,
    sumCol(cols.population),
    sumBasins((b) => b.population),
    "exact",
    "integerTotal",
  );
  s.money(totalRow, cols.cej, sumCol(cols.cej), sumBasins((b) => b.cejTotal) / 100, "moneyTotal");
  s.formula(totalRow, cols.cejShare, sumCol(cols.cejShare), plan.total === 0 ? 0 : 1, "ratio", "ratioBold");
  const keySum = sumBasins((b) => b.keyValue);
  s.formula(
    totalRow,
    cols.key,
    `ROUND(${sumCol(cols.key)},2)`,
    plan.params.key === "cej" ? keySum / 100 : keySum,
    plan.params.key === "cej" ? "cents" : "exact",
    plan.params.key === "cej" ? "moneyTotal" : "integerTotal",
  );
  s.formula(totalRow, cols.keyShare, sumCol(cols.keyShare), keySum === 0 ? 0 : 1, "ratio", "ratioBold");
  const e = plan.engineering;
  s.money(totalRow, cols.cost, sumCol(cols.cost), euros(e.costHT), "moneyTotal");
  s.money(totalRow, cols.caf, sumCol(cols.caf), euros(e.caf), "moneyTotal");
  s.money(totalRow, cols.cuHT, sumCol(cols.cuHT), euros(e.cuHT), "moneyTotal");
  s.money(totalRow, cols.vat, sumCol(cols.vat), euros(e.vat), "moneyTotal");
  s.money(totalRow, cols.ttc, sumCol(cols.ttc), euros(e.costTTC), "moneyTotal");
  s.money(totalRow, cols.cuTTC, sumCol(cols.cuTTC), euros(e.cuTTC), "moneyTotal");
  s.widthsFrom([12, 13, 12, 12, 17, 10, 17, 10, 17, 17, 17, 15, 17, 17]).freezeAt(4, 1);
  const layout: BasinsLayout = { first, totalRow, cols };
  return { sheet: s.build(print(ctx, "basins", [4, 4]), "ED7D31"), layout };
}

// ---------------------------------------------------------------------------------------------
// Ingénierie CTG

interface EngineeringLayout {
  readonly rows: typeof ENG;
}

function buildEngineering(
  ctx: Context,
  bas: BasinsLayout,
): { sheet: ReportSheet; layout: EngineeringLayout } {
  const { L, plan } = ctx;
  const e = plan.engineering;
  const s = new SheetBuilder("engineering", ctx.names.engineering);
  s.text(0, 0, L.engineering.title, "title");
  L.engineering.header.forEach((h, c) => s.text(2, c, h, "header"));
  const B = (row: number): string => localAbs(row, 1);
  const lines: [number, string, number, "money" | "rate", "cents" | "ratio"][] = [
    [ENG.cost, PARAM_CELL_NAMES.costHT, euros(e.costHT), "money", "cents"],
    [ENG.cap, PARAM_CELL_NAMES.capHT, euros(e.capHT), "money", "cents"],
    [ENG.eligible, `MIN(${B(ENG.cost)},${B(ENG.cap)})`, euros(e.eligibleHT), "money", "cents"],
    [ENG.cafRate, PARAM_CELL_NAMES.cafRate, rateToFraction(e.cafRate), "rate", "ratio"],
    [
      ENG.caf,
      `IF(${CAF_BASE_CELL_NAME}=${stringLiteral(L.cafBases.ttc)},${B(ENG.eligibleTTC)},${B(ENG.eligible)})*${B(ENG.cafRate)}`,
      euros(e.caf),
      "money",
      "cents",
    ],
    [ENG.cuHT, `${B(ENG.cost)}-${B(ENG.caf)}`, euros(e.cuHT), "money", "cents"],
    [ENG.vatRate, PARAM_CELL_NAMES.vatRate, rateToFraction(e.vatRate), "rate", "ratio"],
    [ENG.vat, `${B(ENG.cost)}*${B(ENG.vatRate)}`, euros(e.vat), "money", "cents"],
    [ENG.ttc, `${B(ENG.cost)}+${B(ENG.vat)}`, euros(e.costTTC), "money", "cents"],
    [ENG.cuTTC, `${B(ENG.ttc)}-${B(ENG.caf)}`, euros(e.cuTTC), "money", "cents"],
  ];
  s.merge("C3:G3");
  lines.forEach(([row, formula, expected, kind, check], i) => {
    const [label, how] = L.engineering.rows[i] ?? ["", ""];
    const total = row === ENG.cuTTC || row === ENG.ttc;
    s.text(row, 0, label, total ? "labelTotal" : "label").text(row, 2, how, "note");
    s.merge(`C${row + 1}:G${row + 1}`);
    if (kind === "money") s.money(row, 1, formula, expected, total ? "moneyTotal" : "money");
    else s.formula(row, 1, formula, expected, check, "rate");
  });
  // The Caf base and the eligible base incl. VAT, below the ten figures.
  s.text(ENG.cafBase, 0, L.engineering.cafBaseRow[0], "label")
    .text(ENG.cafBase, 2, L.engineering.cafBaseRow[1], "note")
    .merge(`C${ENG.cafBase + 1}:G${ENG.cafBase + 1}`);
  s.formula(
    ENG.cafBase,
    1,
    `IF(${CAF_BASE_CELL_NAME}=${stringLiteral(L.cafBases.ttc)},${stringLiteral(L.cafBases.ttc)},${stringLiteral(L.cafBases.ht)})`,
    L.cafBases[e.cafBase],
    "exact",
    "textBold",
  );
  s.text(ENG.eligibleTTC, 0, L.engineering.eligibleTTCRow[0], "label")
    .text(ENG.eligibleTTC, 2, L.engineering.eligibleTTCRow[1], "note")
    .merge(`C${ENG.eligibleTTC + 1}:G${ENG.eligibleTTC + 1}`);
  s.money(
    ENG.eligibleTTC,
    1,
    `${B(ENG.eligible)}+ROUND(${B(ENG.eligible)}*${B(ENG.vatRate)},2)`,
    euros(e.eligibleTTC),
  );
  s.formula(
    ENG.warning,
    0,
    `IF(${B(ENG.cost)}>${B(ENG.cap)},${stringLiteral(L.engineering.capWarning)},"")`,
    e.costHT > e.capHT ? L.engineering.capWarning : "",
    "exact",
    "warning",
  );
  // Split per basin, read from the allocation sheet.
  const titleRow = ENG.warning + 2;
  s.formula(
    titleRow,
    0,
    `${stringLiteral(`${L.engineering.splitTitle} (${L.basinsSheet.keyPrefix.trim()} `)}&${PARAM_CELL_NAMES.key}&")"`,
    `${L.engineering.splitTitle} (${L.basinsSheet.keyPrefix.trim()} ${L.keys[plan.params.key]})`,
    "exact",
    "textBold",
  );
  const headerRow = titleRow + 1;
  L.engineering.splitHeader.forEach((h, c) => s.text(headerRow, c, h, "header"));
  const basinCols = [bas.cols.cost, bas.cols.caf, bas.cols.cuHT, bas.cols.vat, bas.cols.ttc, bas.cols.cuTTC];
  const values = (bp: {
    costHT: Cents;
    caf: Cents;
    cuHT: Cents;
    vat: Cents;
    costTTC: Cents;
    cuTTC: Cents;
  }): number[] => [bp.costHT, bp.caf, bp.cuHT, bp.vat, bp.costTTC, bp.cuTTC].map((c) => c / 100);
  BASINS.forEach((b, i) => {
    const r = headerRow + 1 + i;
    const bp = plan.basins[i];
    if (bp === undefined) throw new Error(`plan has no basin ${b}`);
    s.text(r, 0, L.basins[b], "textBold");
    const v = values(bp.engineering);
    basinCols.forEach((col, j) => s.money(r, 1 + j, absRef(ctx.names.basins, bas.first + i, col), v[j] ?? 0));
  });
  const totalRow = headerRow + 1 + BASINS.length;
  s.text(totalRow, 0, L.engineering.total, "labelTotal");
  const tv = values(e);
  basinCols.forEach((_, j) => {
    const col = 1 + j;
    s.money(
      totalRow,
      col,
      `SUM(${localAbs(headerRow + 1, col)}:${localAbs(totalRow - 1, col)})`,
      tv[j] ?? 0,
      "moneyTotal",
    );
  });
  s.widthsFrom([34, 18, 18, 18, 18, 18, 18]);
  return { sheet: s.build(print(ctx, "engineering")), layout: { rows: ENG } };
}

// ---------------------------------------------------------------------------------------------
// Scénarios CTG

/** Layout of the scenarios sheet (0-based rows and columns), shared with the comparison. */
export const SCENARIOS_LAYOUT = {
  /** Column of the first scenario (C). */
  firstCol: 2,
  rows: {
    name: 3,
    note: 4,
    date: 5,
    costHT: 6,
    capHT: 7,
    cafRate: 8,
    vatRate: 9,
    key: 10,
    cafBase: 11,
  } satisfies Record<ScenarioField, number>,
  /** Title of the commune rows, then their header. */
  communesTitle: 13,
  communesHeader: 14,
  /** Row of the first commune (in the order of the plan's reference). */
  firstCommune: 15,
} as const;

/** Blank columns to the right of the scenarios that still carry the validations (room to add some). */
const SPARE_SCENARIO_COLUMNS = 3;

function buildScenarios(ctx: Context): ReportSheet {
  const { L, lang, plan } = ctx;
  const S = SCENARIOS_LAYOUT;
  const s = new SheetBuilder("scenarios", ctx.names.scenarios);
  s.text(0, 0, L.scenariosSheet.title, "title").text(1, 0, L.scenariosSheet.note, "note");
  const n = ctx.scenarioPlans.length;
  const lastCol = S.firstCol + n - 1;
  s.merge(`A2:${columnLetters(Math.max(lastCol, S.firstCol + 3))}2`);
  const labels = SCENARIO_FIELD_LABELS[lang];
  for (const [field, row] of Object.entries(S.rows) as [ScenarioField, number][]) {
    s.text(row, 0, labels[field], field === "name" ? "header" : "textBold");
    s.merge(`A${row + 1}:B${row + 1}`);
  }
  const reference = plan.communesReference;
  ctx.scenarioPlans.forEach(({ scenario: sc }, k) => {
    const c = S.firstCol + k;
    const p = sc.params;
    s.text(S.rows.name, c, sc.name, "header");
    // (No empty text cells: a blank note or date stays a blank cell.)
    if (sc.note !== "") s.text(S.rows.note, c, sc.note, "textInput");
    const serial = serialOfIsoDay(sc.date);
    if (serial !== null) s.number(S.rows.date, c, serial, "day");
    else if (sc.date !== "") s.text(S.rows.date, c, sc.date, "input");
    s.number(S.rows.costHT, c, euros(p.costHT), "moneyInput");
    s.number(S.rows.capHT, c, euros(p.capHT), "moneyInput");
    s.number(S.rows.cafRate, c, rateToFraction(p.cafRate), "rateInput");
    s.number(S.rows.vatRate, c, rateToFraction(p.vatRate), "rateInput");
    s.text(S.rows.key, c, L.keys[p.key], "input");
    s.text(S.rows.cafBase, c, L.cafBases[p.cafBase], "input");
    s.text(S.communesHeader, c, L.scenariosSheet.basin, "header");
    reference.forEach((commune, i) => {
      const moved = Object.prototype.hasOwnProperty.call(sc.basinOverrides, commune.insee)
        ? sc.basinOverrides[commune.insee]
        : undefined;
      // A basin only where the scenario moves the commune; blank otherwise.
      if (moved !== undefined && moved !== commune.basin)
        s.text(S.firstCommune + i, c, L.basins[moved], "input");
    });
  });
  s.text(S.communesTitle, 0, L.scenariosSheet.communesTitle, "textBold");
  s.text(S.communesHeader, 0, L.scenariosSheet.insee, "header").text(
    S.communesHeader,
    1,
    L.scenariosSheet.commune,
    "header",
  );
  reference.forEach((commune, i) => {
    s.text(S.firstCommune + i, 0, commune.insee, "code").text(S.firstCommune + i, 1, commune.name, "text");
  });
  const lastCommune = S.firstCommune + reference.length - 1;
  const cols = `${columnLetters(S.firstCol)}%d:${columnLetters(lastCol + SPARE_SCENARIO_COLUMNS)}%d`;
  const rowsRef = (r1: number, r2: number = r1): string =>
    cols.replace("%d", String(r1 + 1)).replace("%d", String(r2 + 1));
  s.validate({
    type: "decimal",
    ref: rowsRef(S.rows.costHT, S.rows.capHT),
    min: 0,
    error: L.scenariosSheet.amountError,
    prompt: L.scenariosSheet.amountError,
  });
  s.validate({
    type: "decimal",
    ref: rowsRef(S.rows.cafRate, S.rows.vatRate),
    min: 0,
    max: 1,
    error: L.scenariosSheet.rateError,
    prompt: L.scenariosSheet.rateError,
  });
  s.validate({
    type: "list",
    ref: rowsRef(S.rows.key),
    items: Object.values(L.keys),
    error: L.params.keyError,
  });
  s.validate({
    type: "list",
    ref: rowsRef(S.rows.cafBase),
    items: [L.cafBases.ht, L.cafBases.ttc],
    error: L.params.cafBaseError,
  });
  if (reference.length > 0) {
    s.validate({
      type: "list",
      ref: rowsRef(S.firstCommune, lastCommune),
      items: [L.basins.nord, L.basins.sud],
      error: L.communes.basinError,
    });
  }
  s.widthsFrom([13, 30, ...ctx.scenarioPlans.map(() => 22)]).freezeAt(S.rows.name + 1, S.firstCol);
  return s.build(print(ctx, "scenarios", [S.rows.name + 1, S.rows.name + 1]), "7030A0");
}

// ---------------------------------------------------------------------------------------------
// Comparaison scénarios

/** The parameters in the order the comparison shows them. */
const COMPARED_PARAMS = ["costHT", "capHT", "cafRate", "vatRate", "key", "cafBase"] as const;
type ComparedParam = (typeof COMPARED_PARAMS)[number];
const COMPARED_ENGINEERING = ["eligibleHT", "eligibleTTC", "caf", "cuHT", "vat", "costTTC", "cuTTC"] as const;
type ComparedEngineering = (typeof COMPARED_ENGINEERING)[number];
const COMPARED_BASIN = [
  "communes",
  "population",
  "cej",
  "key",
  "keyShare",
  "cost",
  "caf",
  "vat",
  "cuHT",
  "cuTTC",
] as const;
type ComparedBasin = (typeof COMPARED_BASIN)[number];

/** Rows (0-based) of the comparison sheet. */
interface ComparisonRows {
  readonly header: number;
  readonly params: Readonly<Record<ComparedParam, number>>;
  readonly engineering: Readonly<Record<ComparedEngineering, number>>;
  readonly basins: readonly Readonly<Record<ComparedBasin, number>>[];
  readonly diffFirst: number;
  readonly helperTitle: number;
  readonly helperHeader: number;
  readonly helperFirst: number;
}

/** Lays out the comparison's rows: a title row above each block, a blank row between blocks. */
function comparisonRows(diffFigures: number): ComparisonRows {
  let r = 3;
  const header = r;
  r += 2; // header, block title
  const block = <K extends string>(keys: readonly K[]): Record<K, number> => {
    const rows = Object.fromEntries(keys.map((k, i) => [k, r + i])) as Record<K, number>;
    r += keys.length + 2; // the rows, a blank row, the next block's title
    return rows;
  };
  const params = block(COMPARED_PARAMS);
  const engineering = block(COMPARED_ENGINEERING);
  const basins = BASINS.map(() => block(COMPARED_BASIN));
  const diffFirst = r;
  r += 2 * diffFigures + 1;
  return {
    header,
    params,
    engineering,
    basins,
    diffFirst,
    helperTitle: r,
    helperHeader: r + 2,
    helperFirst: r + 3,
  };
}

/**
 * The live comparison of the scenarios: for each scenario column, its parameters (the scenario's cell,
 * or the current parameter when blank), the engineering split, each basin's communes, population, CEJ
 * total, key and allocated amounts under the scenario's basins and key, and the differences against
 * the first scenario; below, the per-commune working block that gives each commune's basin under each
 * scenario. Every figure is a formula over `Scénarios CTG`, `Synthèse CEJ` and `CTG_Communes`, with
 * the value of {@link planScenario} as expected value.
 */
function buildComparison(ctx: Context, syn: SynthesisLayout): ReportSheet {
  const { L, plan } = ctx;
  const C = L.comparison;
  const S = SCENARIOS_LAYOUT;
  const s = new SheetBuilder("comparison", ctx.names.comparison);
  const scenarios = ctx.scenarioPlans;
  const FIRST = 1;
  const colOf = (k: number): number => FIRST + k;
  const scRef = (row: number, k: number): string => absRef(ctx.names.scenarios, row, S.firstCol + k);
  const firstName = scenarios[0]?.scenario.name ?? "";

  // The differences shown: [label, row of the figure, value of the figure in a plan (cents)].
  const diffFigures: [string, (rows: ComparisonRows) => number, (p: Plan) => number][] = [
    [C.engineering.caf, (R) => R.engineering.caf, (p) => p.engineering.caf],
    [C.engineering.cuHT, (R) => R.engineering.cuHT, (p) => p.engineering.cuHT],
    [C.engineering.cuTTC, (R) => R.engineering.cuTTC, (p) => p.engineering.cuTTC],
    ...BASINS.flatMap((b, i): [string, (rows: ComparisonRows) => number, (p: Plan) => number][] => [
      [
        `${C.basinTitle(L.basins[b])} : ${C.basin.caf}`.replace(" : ", ctx.lang === "fr" ? " : " : ": "),
        (R) => R.basins[i]?.caf ?? 0,
        (p) => p.basins[i]?.engineering.caf ?? 0,
      ],
      [
        `${C.basinTitle(L.basins[b])} : ${C.basin.cuTTC}`.replace(" : ", ctx.lang === "fr" ? " : " : ": "),
        (R) => R.basins[i]?.cuTTC ?? 0,
        (p) => p.basins[i]?.engineering.cuTTC ?? 0,
      ],
    ]),
  ];
  const R = comparisonRows(diffFigures.length);

  s.text(0, 0, C.title, "title").text(1, 0, C.subtitle, "subtitle");
  s.text(R.header, 0, C.scenario, "header");
  scenarios.forEach(({ scenario }, k) => {
    s.formula(R.header, colOf(k), `${scRef(S.rows.name, k)}&""`, scenario.name, "exact", "header");
  });

  // Helper block: one row per reference commune, then the communes outside the reference.
  const reference = plan.communesReference;
  const synIndex = new Map(plan.communes.map((c, i) => [communeKey(c.name, c.insee), i]));
  const outside = plan.communes.flatMap((c, i) => (c.insee === null ? [{ commune: c, index: i }] : []));
  const refFirst = R.helperFirst;
  const refLast = refFirst + reference.length - 1;
  const helperLast = refLast + outside.length;
  const HB = 5; // first scenario basin column of the helper block
  const helperRange = (col: number, last: number): string =>
    `${localAbs(refFirst, col)}:${localAbs(Math.max(last, refFirst), col)}`;

  s.text(R.helperTitle, 0, C.helperTitle, "textBold").text(R.helperTitle + 1, 0, C.helperNote, "note");
  s.merge(
    `A${R.helperTitle + 2}:${columnLetters(Math.max(HB + scenarios.length - 1, 6))}${R.helperTitle + 2}`,
  );
  C.helperHeader.forEach((h, c) => s.text(R.helperHeader, c, h, "header"));
  scenarios.forEach(({ scenario }, k) => {
    s.formula(
      R.helperHeader,
      HB + k,
      `${stringLiteral(C.helperBasin(""))}&${scRef(S.rows.name, k)}`,
      C.helperBasin(scenario.name),
      "exact",
      "header",
    );
  });
  const basinOf = (p: Plan, insee: string): Basin =>
    p.communesReference.find((c) => c.insee === insee)?.basin ?? "nord";
  reference.forEach((commune, i) => {
    const r = refFirst + i;
    const match = `MATCH(${localAbs(r, 0)},${communesColumn(ctx, 0)},0)`;
    s.text(r, 0, commune.insee, "code").text(r, 1, commune.name, "text");
    s.formula(
      r,
      2,
      `IFERROR(INDEX(${communesColumn(ctx, 2)},${match}),"")`,
      L.basins[commune.basin],
      "exact",
      "text",
    );
    s.formula(
      r,
      3,
      `IFERROR(INDEX(${communesColumn(ctx, 3)},${match}),0)`,
      commune.population,
      "exact",
      "integer",
    );
    const idx = synIndex.get(communeKey(commune.name, commune.insee));
    const total = idx === undefined ? 0 : (plan.communes[idx]?.total ?? 0);
    s.money(
      r,
      4,
      idx === undefined ? "0" : absRef(ctx.names.synthesis, syn.first + idx, syn.totalCol),
      total / 100,
    );
    scenarios.forEach(({ plan: sp }, k) => {
      const cell = absRef(ctx.names.scenarios, S.firstCommune + i, S.firstCol + k);
      s.formula(
        r,
        HB + k,
        `IF(${cell}="",${localAbs(r, 2)},${cell})`,
        L.basins[basinOf(sp, commune.insee)],
        "exact",
        "text",
      );
    });
  });
  outside.forEach(({ commune, index }, j) => {
    const r = refLast + 1 + j;
    s.text(r, 1, commune.name, "text");
    s.formula(
      r,
      2,
      `${absRef(ctx.names.synthesis, syn.first + index, syn.basinCol)}&""`,
      L.basins[commune.basin],
      "exact",
      "text",
    );
    s.money(r, 4, absRef(ctx.names.synthesis, syn.first + index, syn.totalCol), commune.total / 100);
    scenarios.forEach((_, k) => {
      s.formula(r, HB + k, `${localAbs(r, 2)}&""`, L.basins[commune.basin], "exact", "text");
    });
  });

  // Parameters, engineering, basins, differences: one column per scenario.
  s.text(R.params.costHT - 1, 0, C.paramsTitle, "textBold");
  s.text(R.engineering.eligibleHT - 1, 0, C.engineeringTitle, "textBold");
  BASINS.forEach((b, i) =>
    s.text((R.basins[i]?.communes ?? 0) - 1, 0, C.basinTitle(L.basins[b]), "textBold"),
  );
  s.text(R.diffFirst - 1, 0, C.diffTitle(firstName), "textBold");
  COMPARED_PARAMS.forEach((f) => s.text(R.params[f], 0, C.params[f], "label"));
  COMPARED_ENGINEERING.forEach((f) =>
    s.text(R.engineering[f], 0, C.engineering[f], f === "cuTTC" ? "labelTotal" : "label"),
  );
  R.basins.forEach((rows) =>
    COMPARED_BASIN.forEach((f) => s.text(rows[f], 0, C.basin[f], f === "cuTTC" ? "labelTotal" : "label")),
  );
  diffFigures.forEach(([label], j) => {
    s.text(R.diffFirst + 2 * j, 0, C.diffEuros(label), "label");
    s.text(R.diffFirst + 2 * j + 1, 0, C.diffPercent(label), "label");
  });

  scenarios.forEach(({ plan: sp }, k) => {
    const col = colOf(k);
    const P = (f: ComparedParam): string => localAbs(R.params[f], col);
    const E = (f: ComparedEngineering): string => localAbs(R.engineering[f], col);
    const p = sp.params;
    const e = sp.engineering;
    const param = (f: ComparedParam): string => {
      const cell = scRef(S.rows[f], k);
      return `IF(${cell}="",${PLAN_PARAM_CELL_NAMES[f]},${cell})`;
    };
    s.money(R.params.costHT, col, param("costHT"), euros(p.costHT), "money");
    s.money(R.params.capHT, col, param("capHT"), euros(p.capHT), "money");
    s.formula(R.params.cafRate, col, param("cafRate"), rateToFraction(p.cafRate), "ratio", "rate");
    s.formula(R.params.vatRate, col, param("vatRate"), rateToFraction(p.vatRate), "ratio", "rate");
    s.formula(R.params.key, col, param("key"), L.keys[p.key], "exact", "text");
    s.formula(R.params.cafBase, col, param("cafBase"), L.cafBases[p.cafBase], "exact", "text");

    s.money(R.engineering.eligibleHT, col, `MIN(${P("costHT")},${P("capHT")})`, euros(e.eligibleHT));
    s.money(
      R.engineering.eligibleTTC,
      col,
      `${E("eligibleHT")}+ROUND(${E("eligibleHT")}*${P("vatRate")},2)`,
      euros(e.eligibleTTC),
    );
    s.money(
      R.engineering.caf,
      col,
      `IF(${P("cafBase")}=${stringLiteral(L.cafBases.ttc)},${E("eligibleTTC")},${E("eligibleHT")})*${P("cafRate")}`,
      euros(e.caf),
    );
    s.money(R.engineering.cuHT, col, `${P("costHT")}-${E("caf")}`, euros(e.cuHT));
    s.money(R.engineering.vat, col, `${P("costHT")}*${P("vatRate")}`, euros(e.vat));
    s.money(R.engineering.costTTC, col, `${P("costHT")}+${E("vat")}`, euros(e.costTTC));
    s.money(R.engineering.cuTTC, col, `${E("costTTC")}-${E("caf")}`, euros(e.cuTTC), "moneyTotal");

    const basinRange = helperRange(HB + k, helperLast);
    const basinRefRange = helperRange(HB + k, refLast);
    const keyCell = (i: number): string => localAbs(R.basins[i]?.key ?? 0, col);
    const keyTotal = `(${BASINS.map((_, i) => keyCell(i)).join("+")})`;
    BASINS.forEach((b, i) => {
      const rows = R.basins[i];
      const bp = sp.basins[i];
      if (rows === undefined || bp === undefined) throw new Error(`plan has no basin ${b}`);
      const B = (f: ComparedBasin): string => localAbs(rows[f], col);
      const label = stringLiteral(L.basins[b]);
      const noRef = reference.length === 0;
      s.formula(
        rows.communes,
        col,
        noRef ? "0" : `COUNTIFS(${basinRefRange},${label})`,
        bp.communes,
        "exact",
        "integer",
      );
      s.formula(
        rows.population,
        col,
        noRef ? "0" : `SUMIFS(${helperRange(3, refLast)},${basinRefRange},${label})`,
        bp.population,
        "exact",
        "integer",
      );
      s.money(
        rows.cej,
        col,
        helperLast < refFirst ? "0" : `SUMIFS(${helperRange(4, helperLast)},${basinRange},${label})`,
        euros(bp.cejTotal),
      );
      const keyIs = (key: "cej" | "population" | "communes"): string =>
        `${P("key")}=${stringLiteral(L.keys[key])}`;
      s.formula(
        rows.key,
        col,
        `ROUND(IF(${keyIs("cej")},${B("cej")},IF(${keyIs("population")},${B("population")},IF(${keyIs("communes")},${B("communes")},1))),2)`,
        p.key === "cej" ? bp.keyValue / 100 : bp.keyValue,
        p.key === "cej" ? "cents" : "exact",
        p.key === "cej" ? "money" : "integer",
      );
      s.formula(
        rows.keyShare,
        col,
        `IF(${keyTotal}=0,0,${B("key")}/${keyTotal})`,
        bp.keyShare,
        "ratio",
        "ratio",
      );
      const isLast = i === BASINS.length - 1;
      const split = (whole: string, f: ComparedBasin): string =>
        isLast
          ? `IF(${keyTotal}=0,0,${whole}-${BASINS.slice(0, i)
              .map((_, j) => localAbs(R.basins[j]?.[f] ?? 0, col))
              .join("-")})`
          : `IF(${keyTotal}=0,0,${whole}*${B("key")}/${keyTotal})`;
      const be = bp.engineering;
      s.money(rows.cost, col, split(P("costHT"), "cost"), euros(be.costHT));
      s.money(rows.caf, col, split(E("caf"), "caf"), euros(be.caf));
      s.money(rows.vat, col, split(E("vat"), "vat"), euros(be.vat));
      s.money(rows.cuHT, col, `${B("cost")}-${B("caf")}`, euros(be.cuHT));
      s.money(rows.cuTTC, col, `${B("cost")}+${B("vat")}-${B("caf")}`, euros(be.cuTTC), "moneyTotal");
    });

    const first = scenarios[0]?.plan ?? sp;
    diffFigures.forEach(([, rowOf, valueOf], j) => {
      const here = localAbs(rowOf(R), col);
      const there = localAbs(rowOf(R), colOf(0));
      const v = valueOf(sp);
      const v0 = valueOf(first);
      s.money(R.diffFirst + 2 * j, col, `${here}-${there}`, (v - v0) / 100, "money");
      s.formula(
        R.diffFirst + 2 * j + 1,
        col,
        `IF(${there}=0,"",(${here}-${there})/${there})`,
        v0 === 0 ? "" : (v - v0) / v0,
        v0 === 0 ? "exact" : "ratio",
        "ratio",
      );
    });
  });

  s.widthsFrom([
    54,
    ...scenarios.map(() => 20),
    ...Array.from({ length: Math.max(0, HB - 1 - scenarios.length) }, () => 14),
  ]);
  s.freezeAt(R.header + 1, 1);

  // The chart: Caf and CUCM TTC of each basin, one cluster per scenario, beside the table.
  const lastCol = colOf(scenarios.length - 1);
  const rowRange = (row: number): string =>
    `${quoteSheet(ctx.names.comparison)}!${localAbs(row, colOf(0))}:${localAbs(row, lastCol)}`;
  const colors: Readonly<Record<Basin, readonly [string, string]>> = {
    nord: ["9DC3E6", "1F4E78"],
    sud: ["F4B183", "C55A11"],
  };
  s.chart({
    title: C.chartTitle,
    from: { row: R.header, col: lastCol + 2 },
    to: { row: R.header + 22, col: lastCol + 10 },
    categories: { ref: rowRange(R.header), cache: scenarios.map((sc) => sc.scenario.name) },
    series: BASINS.flatMap((b, i) =>
      (["caf", "cuTTC"] as const).map((f) => ({
        name: C.chartSeries(f, L.basins[b]),
        ref: rowRange(R.basins[i]?.[f] ?? 0),
        cache: scenarios.map(({ plan: sp }) => euros(sp.basins[i]?.engineering[f] ?? (0 as Cents))),
        color: colors[b][f === "caf" ? 0 : 1],
      })),
    ),
    valueFormat: '#,##0\\ "€"',
  });
  // Printed: the comparison and its chart, the handout of a council meeting; the working block below
  // stays on screen (it only feeds the formulas).
  const printArea = `A1:${columnLetters(lastCol + 10)}${R.helperTitle}`;
  return s.build(print(ctx, "comparison", [R.header + 1, R.header + 1], printArea), "7030A0");
}

// ---------------------------------------------------------------------------------------------
// Contrôles

/** Where the rows were read, for the stamp: `Financements (Financements!A4:F212)`. */
function describeSource(src: InputSource): string {
  const cols = Object.values(src.columns).map((c) => c.col);
  const range = `${columnLetters(Math.min(...cols))}${src.firstRow - 1}:${columnLetters(Math.max(...cols))}${src.lastRow}`;
  const where = `${quoteSheet(src.sheet)}!${range}`;
  return src.table !== null ? `${src.table} (${where})` : where;
}

function buildChecks(
  ctx: Context,
  syn: SynthesisLayout,
  bas: BasinsLayout,
  eng: EngineeringLayout,
): ReportSheet {
  const { L, plan, lang } = ctx;
  const s = new SheetBuilder("checks", ctx.names.checks);
  s.text(0, 0, L.checks.title, "title");
  L.checks.header.forEach((h, c) => s.text(3, c, h, "header"));
  const synGrand = absRef(ctx.names.synthesis, syn.grandTotalRow, syn.totalCol);
  const basin = (col: number): string => absRef(ctx.names.basins, bas.totalRow, col);
  const engRef = (row: number): string => absRef(ctx.names.engineering, row, 1);
  const e = plan.engineering;
  const inputSum =
    plan.rowCount === 0
      ? "0"
      : `SUM(${inputColumn(ctx, "amount")})${textAmount(ctx.rows) !== 0 ? `+${textAmount(ctx.rows) / 100}` : ""}`;
  const synCount = syn.count;
  const synBasins = absColumnRange(
    ctx.names.synthesis,
    syn.basinCol,
    syn.first,
    Math.max(syn.last, syn.first),
  );
  const checks: {
    label: string;
    value: string;
    valueExpected: number;
    expected: string;
    expectedValue: number;
    status: string;
    money: boolean;
  }[] = [
    {
      label: L.checks.basinsFoot,
      value: basin(bas.cols.cej),
      valueExpected: plan.total,
      expected: synGrand,
      expectedValue: plan.total,
      status: L.gap,
      money: true,
    },
    {
      label: L.checks.costFoot,
      value: basin(bas.cols.cost),
      valueExpected: e.costHT,
      expected: engRef(eng.rows.cost),
      expectedValue: e.costHT,
      status: L.gap,
      money: true,
    },
    {
      label: L.checks.cafFoot,
      value: basin(bas.cols.caf),
      valueExpected: e.caf,
      expected: engRef(eng.rows.caf),
      expectedValue: e.caf,
      status: L.gap,
      money: true,
    },
    {
      label: L.checks.vatFoot,
      value: basin(bas.cols.vat),
      valueExpected: e.vat,
      expected: engRef(eng.rows.vat),
      expectedValue: e.vat,
      status: L.gap,
      money: true,
    },
    {
      label: L.checks.cafPlusCu,
      value: `${engRef(eng.rows.caf)}+${engRef(eng.rows.cuHT)}`,
      valueExpected: e.caf + e.cuHT,
      expected: engRef(eng.rows.cost),
      expectedValue: e.costHT,
      status: L.gap,
      money: true,
    },
    {
      label: L.checks.inputFoot,
      value: inputSum,
      valueExpected: plan.total,
      expected: synGrand,
      expectedValue: plan.total,
      status: L.regenerate,
      money: true,
    },
    {
      label: L.checks.communesBasin,
      value:
        synCount === 0
          ? "0"
          : BASINS.map((b) => `COUNTIF(${synBasins},${stringLiteral(L.basins[b])})`).join("+"),
      valueExpected: synCount,
      expected: String(synCount),
      expectedValue: synCount,
      status: L.gap,
      money: false,
    },
  ];
  // A scenario column added by hand on the scenarios sheet is compared only after a regeneration:
  // the names counted there (up to 50 columns beyond the last written) against the columns compared.
  const scenarioCount = ctx.scenarioPlans.length;
  if (scenarioCount > 0) {
    const S = SCENARIOS_LAYOUT;
    const names = `${quoteSheet(ctx.names.scenarios)}!${localAbs(S.rows.name, S.firstCol)}:${localAbs(
      S.rows.name,
      S.firstCol + scenarioCount + 49,
    )}`;
    checks.push({
      label: L.checks.scenariosFoot,
      value: `COUNTA(${names})`,
      valueExpected: scenarioCount,
      expected: String(scenarioCount),
      expectedValue: scenarioCount,
      status: L.regenerate,
      money: false,
    });
  }
  const first = 4;
  checks.forEach((c, i) => {
    const r = first + i;
    s.text(r, 0, c.label, "label");
    if (c.money) {
      s.money(r, 1, c.value, c.valueExpected / 100);
      s.money(r, 2, c.expected, c.expectedValue / 100);
    } else {
      s.formula(r, 1, c.value, c.valueExpected, "exact", "integer");
      s.formula(r, 2, c.expected, c.expectedValue, "exact", "integer");
    }
    s.formula(
      r,
      3,
      `IF(ROUND(${localAbs(r, 1)}-${localAbs(r, 2)},2)=0,${stringLiteral(L.ok)},${stringLiteral(c.status)})`,
      L.ok,
      "exact",
      "status",
    );
  });
  const lastCheck = first + checks.length - 1;
  const statusRange = `${localAbs(first, 3)}:${localAbs(lastCheck, 3)}`;
  s.status({ ref: `D${first + 1}:D${lastCheck + 1}`, okText: L.ok });
  s.formula(
    1,
    0,
    `IF(COUNTIF(${statusRange},${stringLiteral(L.ok)})=${checks.length},${stringLiteral(L.checks.allGreen)},${stringLiteral(L.checks.notGreen)})`,
    L.checks.allGreen,
    "exact",
    "subtitle",
  );

  // Warnings.
  let r = lastCheck + 2;
  s.text(r, 0, L.checks.warningsTitle, "textBold");
  r += 1;
  L.checks.warningsHeader.forEach((h, c) => s.text(r, c, h, "header"));
  r += 1;
  if (ctx.warnings.length === 0) {
    s.text(r, 0, L.checks.noWarnings, "note");
    r += 1;
  }
  for (const w of ctx.warnings) {
    s.text(r, 0, w.cell, "code").text(r, 1, formatIssue(w, lang), "text");
    s.merge(`B${r + 1}:D${r + 1}`);
    r += 1;
  }

  // Stamp.
  r += 1;
  s.text(r, 0, L.checks.stampTitle, "textBold");
  r += 1;
  const src = ctx.source;
  const stamp: [string, string][] = [
    [L.checks.stamp.date, ctx.stamp.generatedAt],
    [L.checks.stamp.version, ctx.stamp.version],
    [L.checks.stamp.source, describeSource(src)],
    [L.checks.stamp.rows, String(plan.rowCount)],
    [L.checks.stamp.hash, ctx.stamp.inputHash],
  ];
  for (const [label, value] of stamp) {
    s.text(r, 0, label, "label").text(r, 1, value, "code");
    s.merge(`B${r + 1}:D${r + 1}`);
    r += 1;
  }
  s.widthsFrom([78, 20, 20, 14]);
  return s.build(print(ctx, "checks", [4, 4]), "A5A5A5");
}
