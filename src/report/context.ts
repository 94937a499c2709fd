/**
 * What every sheet builder shares: the options of a build, the sheet names chosen, the words, and the
 * references to the input table and the communes table. Pure.
 */

import {
  columnLetters,
  quoteSheet,
  normalizeName,
  centsToEuros,
  type ScenarioPlan,
  type Cents,
  type Field,
  type FundingRow,
  type Issue,
  type Lang,
  type Plan,
} from "../core";
import type { BasinsColumnWordKey, EngineeringRowWordKey, ReportLabels, ReportSheetWordKey } from "../i18n";
import type { PrintSetup, ReportSheetKind } from "./model";
import type { BASINS_LAYOUT, EngineeringRow } from "./schema";
import { absColumnRange, stringLiteral } from "./sheet-builder";
import type { BonusReportInput } from "./sheets/bonus-layout";

/** `true` when A and B are the same set of keys. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agree<T extends true> = T;

/**
 * Fails to compile when the report names a sheet, a figure or a column that its words (src/i18n, which
 * cannot import the report) lack, or the words name one the report does not have.
 */
export type WordKeysAgree = [
  Agree<SameKeys<ReportSheetKind, ReportSheetWordKey>>,
  Agree<SameKeys<EngineeringRow, EngineeringRowWordKey>>,
  Agree<SameKeys<keyof typeof BASINS_LAYOUT.cols, BasinsColumnWordKey>>,
];

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
  /**
   * The facilities table and its bonus territoire plan (issue #14): the bonus parameters on
   * `Paramètres CTG`, the sheets `Bonus territoire` and `Bonus par commune`, their checks. Absent: none.
   */
  readonly bonus?: BonusReportInput;
}

/** A build in progress: the options, the words, the names chosen for the sheets and the communes table. */
export interface Context extends BuildReportOptions {
  readonly L: ReportLabels;
  readonly names: Readonly<Record<ReportSheetKind, string>>;
  readonly communesTable: string;
  /** The scenarios to write and compare (the default one when the workbook holds none); empty: no scenario sheets. */
  readonly scenarioPlans: readonly ScenarioPlan[];
}

/** Euros of an amount in cents, as the sheets show it. */
export const euros = (c: Cents): number => centsToEuros(c);

/** The print setup of a product sheet: landscape, one page wide, its name in the header. */
export function printSetup(
  ctx: Context,
  kind: ReportSheetKind,
  titleRows?: readonly [number, number],
  printArea?: string,
): PrintSetup {
  return {
    landscape: true,
    fitToWidth: true,
    ...(titleRows ? { titleRows } : {}),
    ...(printArea ? { printArea } : {}),
    headerText: ctx.names[kind],
    footerText: ctx.L.footer,
  };
}

/** Escapes a column name inside a structured reference (`'` before `[ ] # '`). */
function structuredColumn(name: string): string {
  return name.replace(/(['#[\]])/g, "'$1");
}

/** Escapes a SUMIFS criterion so that it means "equal to exactly this text". */
function equalsCriterion(text: string): string {
  return stringLiteral(`=${text.replace(/([~*?])/g, "~$1")}`);
}

/** Structured reference to a column of the communes table (`CTG_Communes[Bassin]`), by its index. */
export function communesColumn(ctx: Context, index: number): string {
  return `${ctx.communesTable}[${structuredColumn(ctx.L.communes.columns[index] ?? "")}]`;
}

/** Reference to an input column: `Financements[Montant]`, or `Financements!$E$2:$E$120`. */
export function inputColumn(ctx: Context, field: Field): string {
  const col = ctx.source.columns[field];
  if (col === undefined) throw new Error(`input column not mapped: ${field}`);
  if (ctx.source.table !== null) return `${ctx.source.table}[${structuredColumn(col.name)}]`;
  return absColumnRange(ctx.source.sheet, col.col, ctx.source.firstRow - 1, ctx.source.lastRow - 1);
}

/** The criteria fields of a row that the live formulas use to find it again. */
export type KeyField = "commune" | "insee" | "domain" | "year";

/** Fields a SUMIFS uses to find a commune's rows: the commune column, and the INSEE column when mapped. */
export function communeKeyFields(ctx: Context): KeyField[] {
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
export function sumRows(ctx: Context, rows: readonly FundingRow[], fields: readonly KeyField[]): string {
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
export function textAmount(rows: readonly FundingRow[]): number {
  return rows.reduce((t, r) => (r.amountFromText ? t + r.amount : t), 0);
}

/** Groups rows as the plan does: by INSEE code, or by normalized name outside the reference. */
export function communeKey(name: string, insee: string | null): string {
  return insee ?? `name:${normalizeName(name)}`;
}

/** Where the rows were read, for the stamp: `Financements (Financements!A4:F212)`. */
export function describeSource(src: InputSource): string {
  const cols = Object.values(src.columns).map((c) => c.col);
  const range = `${columnLetters(Math.min(...cols))}${src.firstRow - 1}:${columnLetters(Math.max(...cols))}${src.lastRow}`;
  const where = `${quoteSheet(src.sheet)}!${range}`;
  return src.table !== null ? `${src.table} (${where})` : where;
}
