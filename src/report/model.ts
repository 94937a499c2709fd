/**
 * The declarative workbook report: what the product writes, described once as data and rendered by
 * adapters (the .xlsx package writer, Office.js). Pure types, no behaviour.
 *
 * Coordinates are 0-based (row, col). Formulas are in Excel's invariant (en-US) syntax without the
 * leading `=`, exactly as OOXML stores them in `<f>` (Office.js adds the `=`).
 */

import type { Lang } from "../core";

/** What a formula is expected to evaluate to: the engine's value (numbers in euros, ratios as fractions). */
export type Expected = number | string | boolean;

export type ReportValue =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "boolean"; readonly value: boolean }
  | {
      readonly kind: "formula";
      /** Without the leading `=`. */
      readonly formula: string;
      /** The engine's value: written as the cached value, and checked against LibreOffice's. */
      readonly expected: Expected;
      /** How the value is compared in tests: to the cent (money), exactly, or within 1e-9 (ratios). */
      readonly check: "cents" | "exact" | "ratio";
    };

/** A style of the palette. Colours are `RRGGBB`. */
export interface CellStyle {
  /** OOXML number format code (invariant: `,` groups and `.` decimals, shown in the user's locale). */
  readonly numFmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  readonly hAlign?: "left" | "center" | "right";
  readonly vAlign?: "top" | "center" | "bottom";
  readonly wrap?: boolean;
  readonly indent?: number;
  /** Thin borders on these sides; `double-top` is a double line above (totals). */
  readonly border?: "bottom" | "top" | "box" | "double-top";
  /** Whether the cell stays unlocked when the sheet is protected (inputs). */
  readonly unlocked?: boolean;
}

/** Style names used by the report; the palette maps each to a CellStyle. */
export type StyleName =
  | "title"
  | "subtitle"
  | "note"
  | "header"
  | "text"
  | "textBold"
  | "code"
  | "money"
  | "moneyBold"
  | "moneyTotal"
  | "moneyInput"
  | "rate"
  | "rateInput"
  | "ratio"
  | "ratioBold"
  | "integer"
  | "integerBold"
  | "integerTotal"
  | "input"
  | "label"
  | "labelTotal"
  | "warning"
  | "status"
  | "date"
  | "day"
  | "textInput"
  | "year";

export interface ReportCell {
  readonly row: number;
  readonly col: number;
  readonly value: ReportValue;
  readonly style?: StyleName;
}

/** An Excel table (ListObject). Its header row is the first row of `ref`; no totals row. */
export interface ReportTable {
  readonly name: string;
  /** `A4:G38`, header included. */
  readonly ref: string;
  readonly columns: readonly string[];
  /** `TableStyleMedium2`… */
  readonly style: string;
}

export type ReportValidation =
  | {
      readonly type: "list";
      readonly ref: string;
      readonly items: readonly string[];
      readonly prompt?: string;
      readonly error: string;
      /**
       * The list only suggests: any other value is accepted without an alert (a facility's domain is
       * free text). Absent: only the listed values are accepted.
       */
      readonly allowOthers?: boolean;
    }
  | {
      /** A number (`decimal`), a whole number (`whole`) or a date (`date`: min and max as Excel serials). */
      readonly type: "decimal" | "whole" | "date";
      readonly ref: string;
      readonly min: number;
      readonly max?: number;
      readonly prompt?: string;
      readonly error: string;
    };

/** Conditional format: fill the cells green when they equal `okText`, red otherwise. */
export interface ReportStatusFormat {
  readonly ref: string;
  readonly okText: string;
}

export interface PrintSetup {
  readonly landscape: boolean;
  /** Fit to one page wide, as many pages tall as needed. */
  readonly fitToWidth: boolean;
  /** 1-based rows repeated at the top of each printed page: [first, last]. */
  readonly titleRows?: readonly [number, number];
  /**
   * The part of the sheet printed, as a relative A1 range (`A1:M40`); the whole used range when
   * absent. The comparison prints its table and chart, not its working block.
   */
  readonly printArea?: string;
  /** Header and footer texts (plain: the adapters add page numbers `Page n / N` in the footer). */
  readonly headerText: string;
  readonly footerText: string;
}

/**
 * The six summary sheets of the product. Their kind is also their marker, so a re-run recognises the
 * product's sheets. (The Office adapter lists these six exhaustively; see {@link ReportSheetKind}
 * for every kind a report holds.)
 */
export type SheetKind = "parameters" | "communes" | "synthesis" | "engineering" | "basins" | "checks";

/**
 * The sheets of issue #5: the scenarios stored in the workbook (one column per scenario) and their
 * live comparison. Marked like the others (`ctg-planner:scenarios`), so a re-run replaces them; an
 * adapter that does not know these kinds still treats them as the product's (the marker prefix says so).
 */
export type ScenarioSheetKind = "scenarios" | "comparison";

/**
 * The sheets of issue #14, written only when the workbook holds a facilities table: the bonus
 * territoire per facility and year, and per commune with the reconciliation against the former CEJ.
 */
export type BonusSheetKind = "bonus" | "bonusCommunes";

/** Every kind of sheet a report holds. */
export type ReportSheetKind = SheetKind | ScenarioSheetKind | BonusSheetKind;

/** Every sheet kind, checked against ReportSheetKind at compile time (both adapters read markers with it). */
const REPORT_SHEET_KIND_SET = {
  parameters: true,
  communes: true,
  synthesis: true,
  engineering: true,
  basins: true,
  checks: true,
  scenarios: true,
  comparison: true,
  bonus: true,
  bonusCommunes: true,
} as const satisfies Record<ReportSheetKind, true>;

/**
 * @param text - the kind part of a sheet marker (`synthesis` in `ctg-planner:synthesis`)
 * @returns whether this version of the product knows that kind
 */
export function isReportSheetKind(text: string): text is ReportSheetKind {
  return Object.prototype.hasOwnProperty.call(REPORT_SHEET_KIND_SET, text);
}

/**
 * A clustered column chart drawn on a sheet: the basins' Caf and CUCM TTC on `Répartition bassins`, the
 * comparison's Caf and CUCM TTC per basin and scenario. Both adapters draw exactly what this declares.
 * Series and categories point at cells of the workbook, so the chart follows the live figures; the
 * caches hold the engine's values for viewers that do not recalculate.
 */
export interface ReportChart {
  readonly title: string;
  /** The frame, from the top-left of cell `from` to the top-left of cell `to` (0-based). */
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
  /** The category labels: a reference (`'Comparaison scénarios'!$B$4:$D$4`) and their texts. */
  readonly categories: { readonly ref: string; readonly cache: readonly string[] };
  readonly series: readonly {
    readonly name: string;
    /** The values: a one-row or one-column reference, as many cells as categories. */
    readonly ref: string;
    readonly cache: readonly number[];
    /** Fill colour, `RRGGBB`. */
    readonly color: string;
  }[];
  /** Number format of the value axis (invariant OOXML code). */
  readonly valueFormat: string;
}

/** What a sheet holds, whoever owns it once written (see ReportSheet and ReportInputSheet). */
export interface SheetContent {
  readonly name: string;
  readonly cells: readonly ReportCell[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  readonly merges: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly validations: readonly ReportValidation[];
  readonly statusFormats: readonly ReportStatusFormat[];
  /** Rows and columns frozen at the top-left. */
  readonly freeze?: { readonly rows: number; readonly cols: number };
  readonly print: PrintSetup;
  readonly tabColor?: string;
  /** Charts drawn on the sheet (absent when none). */
  readonly charts?: readonly ReportChart[];
}

/** A sheet of the product: marked with its kind, replaced by every generation. */
export interface ReportSheet extends SheetContent {
  readonly kind: ReportSheetKind;
}

/** The input sheets the product offers to write: the facilities table of the bonus territoire (issue #14). */
export type InputSheetKind = "facilities";

/**
 * A sheet of the user's input that the product writes once, empty and documented, when the workbook
 * lacks it: written only when no sheet has its name and no table has the name of one of its tables
 * (compared as Excel does, case-insensitively). It is the user's from then on: never marked, never
 * replaced, cleared or deleted by a later generation.
 */
export interface ReportInputSheet extends SheetContent {
  readonly kind: InputSheetKind;
}

/** A workbook-level defined name: `CTG_CoutHT` → `'Paramètres CTG'!$B$4`. */
export interface ReportName {
  readonly name: string;
  /** The reference, with the sheet quoted as needed and absolute cells. */
  readonly ref: string;
  readonly comment?: string;
}

export interface Report {
  readonly lang: Lang;
  readonly sheets: readonly ReportSheet[];
  /** Input sheets written only when absent (see ReportInputSheet); absent or empty: none. */
  readonly inputSheets?: readonly ReportInputSheet[];
  readonly names: readonly ReportName[];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  /**
   * Marker text that identifies the product's sheets: each sheet carries a sheet-scoped hidden
   * defined name `MARKER_NAME` (see schema.ts) whose value is `"<marker>:<kind>"`.
   */
  readonly marker: string;
}
