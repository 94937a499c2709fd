import { a1, columnLetters, quoteSheet } from "../core";
import type {
  Expected,
  PrintSetup,
  ReportCell,
  ReportChart,
  SheetContent,
  ReportStatusFormat,
  ReportTable,
  ReportValidation,
  ReportSheetKind,
  StyleName,
} from "./model";

/** Absolute reference to a cell of a sheet: `'Synthèse CEJ'!$F$5`. */
export function absRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!$${columnLetters(col)}$${row + 1}`;
}

/** Absolute reference to a block of one column: `'Synthèse CEJ'!$F$5:$F$17`. */
export function absColumnRange(sheet: string, col: number, firstRow: number, lastRow: number): string {
  const c = columnLetters(col);
  return `${quoteSheet(sheet)}!$${c}$${firstRow + 1}:$${c}$${lastRow + 1}`;
}

/** Local absolute reference within the same sheet: `$F$5`. */
export function localAbs(row: number, col: number): string {
  return `$${columnLetters(col)}$${row + 1}`;
}

/** A formula string literal: `"a ""b"""`. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * Accumulates the cells and settings of one report sheet (a product sheet, or an input sheet: K is
 * its kind). Setting a cell twice is a programming mistake and throws.
 */
export class SheetBuilder<K extends string = ReportSheetKind> {
  private readonly cells = new Map<string, ReportCell>();
  private readonly widths: number[] = [];
  private readonly merges: string[] = [];
  private readonly tables: ReportTable[] = [];
  private readonly validations: ReportValidation[] = [];
  private readonly statusFormats: ReportStatusFormat[] = [];
  private freeze: { rows: number; cols: number } | undefined;
  private readonly charts: ReportChart[] = [];

  constructor(
    readonly kind: K,
    readonly name: string,
  ) {}

  private put(cell: ReportCell): void {
    const key = a1(cell.row, cell.col);
    if (this.cells.has(key)) throw new Error(`${this.name}!${key} set twice`);
    this.cells.set(key, cell);
  }

  text(row: number, col: number, text: string, style: StyleName = "text"): this {
    this.put({ row, col, value: { kind: "text", text }, style });
    return this;
  }

  number(row: number, col: number, value: number, style: StyleName): this {
    this.put({ row, col, value: { kind: "number", value }, style });
    return this;
  }

  formula(
    row: number,
    col: number,
    formula: string,
    expected: Expected,
    check: "cents" | "exact" | "ratio",
    style: StyleName,
  ): this {
    this.put({ row, col, value: { kind: "formula", formula, expected, check }, style });
    return this;
  }

  /** A money formula, always rounded to the cent. */
  money(row: number, col: number, formula: string, expectedEuros: number, style: StyleName = "money"): this {
    return this.formula(row, col, `ROUND(${formula},2)`, expectedEuros, "cents", style);
  }

  widthsFrom(widths: readonly number[]): this {
    this.widths.splice(0, this.widths.length, ...widths);
    return this;
  }

  merge(ref: string): this {
    this.merges.push(ref);
    return this;
  }

  table(table: ReportTable): this {
    this.tables.push(table);
    return this;
  }

  validate(validation: ReportValidation): this {
    this.validations.push(validation);
    return this;
  }

  status(format: ReportStatusFormat): this {
    this.statusFormats.push(format);
    return this;
  }

  chart(chart: ReportChart): this {
    this.charts.push(chart);
    return this;
  }

  freezeAt(rows: number, cols: number): this {
    this.freeze = { rows, cols };
    return this;
  }

  build(print: PrintSetup, tabColor?: string): SheetContent & { readonly kind: K } {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      kind: this.kind,
      name: this.name,
      cells,
      columnWidths: [...this.widths],
      merges: [...this.merges],
      tables: [...this.tables],
      validations: [...this.validations],
      statusFormats: [...this.statusFormats],
      ...(this.freeze ? { freeze: this.freeze } : {}),
      print,
      ...(tabColor ? { tabColor } : {}),
      ...(this.charts.length > 0 ? { charts: [...this.charts] } : {}),
    };
  }
}
