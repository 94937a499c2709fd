/**
 * The inspectable workbook behind the strict Excel fake (excel-fake.ts): sheets, cells, formats,
 * tables, names, validations, conditional formats, freeze panes, page layout, charts, and the
 * `Worksheet.onChanged` handlers registered. Plain data with a few helpers; the proxies of
 * excel-fake.ts read and change it when a request is synced.
 */

import { a1, columnIndex, parseA1 } from "../../src/core/cell";

/** A constant a cell can hold. */
export type FakeScalar = string | number | boolean;

/** Font of a cell. Colours are `#RRGGBB`, upper case, as Excel returns them. */
export interface FakeFont {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly size: number;
  readonly color: string;
  readonly name: string;
}

/** One border edge of a cell. */
export interface FakeBorder {
  readonly style: string;
  readonly weight: string;
  readonly color: string;
}

/** Formatting of one cell (shared, immutable objects: changed by copy). */
export interface FakeCellFormat {
  readonly font: FakeFont;
  /** `#RRGGBB`, or null for no fill. */
  readonly fill: string | null;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly wrapText: boolean;
  readonly indentLevel: number;
  readonly locked: boolean;
  readonly borders: Readonly<Partial<Record<"top" | "bottom" | "left" | "right", FakeBorder>>>;
}

/** What a cell holds. */
export interface FakeCell {
  /** The constant, or the formula's cached value; null when empty (or a formula never calculated). */
  value: FakeScalar | null;
  /** The formula with its leading `=`, or null for a constant. */
  formula: string | null;
  numberFormat: string;
  format: FakeCellFormat;
}

/** The default look of a cell: Calibri 11, no fill, General alignment, locked. */
export const DEFAULT_FORMAT: FakeCellFormat = Object.freeze({
  font: Object.freeze({ bold: false, italic: false, size: 11, color: "#000000", name: "Calibri" }),
  fill: null,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  locked: true,
  borders: Object.freeze({}),
});

/**
 * A sheet name as Excel writes it before `!` in addresses: bare when it is letters (any script),
 * digits, `_` and `.` not starting with a digit and not reading as a cell reference; else quoted.
 */
export function excelQuote(sheet: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) &&
    !/^[A-Za-z]{1,3}\d+$/.test(sheet) &&
    !/^[RrCc]\d*$|^[Rr]\d+[Cc]\d+$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A formula with its references to a sheet (`'Synthèse CEJ'!E40`, `Notes!A1`, the sheet's name in
 * any case, quoted or not) given another sheet part: `replacement` is put in place of `sheet!`.
 * String literals are not told apart (a fake's simplification).
 */
export function replaceSheetRefs(formula: string, sheet: string, replacement: string): string {
  const quoted = `'${escapeRegExp(sheet.replace(/'/g, "''"))}'!`;
  const plain = `(?<![\\p{L}\\p{N}_.'!])${escapeRegExp(sheet)}!`;
  return formula.replace(new RegExp(`${quoted}|${plain}`, "giu"), () => replacement);
}

/** Bounds of a range, 0-based and inclusive. */
export interface Bounds {
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** `A1`, `$B$3:C9`, with or without a sheet prefix (ignored), into bounds. */
export function parseBounds(address: string): Bounds {
  const text = address.replace(/^.*!/, "").replace(/\$/g, "").trim();
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === undefined || parts[0] === "")
    throw new RangeError(`not a range: ${address}`);
  const cols = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(text);
  if (cols?.[1] !== undefined && cols[2] !== undefined) {
    const a = columnIndex(cols[1]);
    const b = columnIndex(cols[2]);
    return { r1: 0, r2: 1_048_575, c1: Math.min(a, b), c2: Math.max(a, b) };
  }
  const rows = /^(\d+):(\d+)$/.exec(text);
  if (rows?.[1] !== undefined && rows[2] !== undefined) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { r1: Math.min(a, b), r2: Math.max(a, b), c1: 0, c2: 16_383 };
  }
  const p = parseA1(parts[0]);
  const q = parts[1] === undefined ? p : parseA1(parts[1]);
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/** `A1` or `A1:C3` of bounds. */
export function boundsAddress(b: Bounds): string {
  return b.r1 === b.r2 && b.c1 === b.c2 ? a1(b.r1, b.c1) : `${a1(b.r1, b.c1)}:${a1(b.r2, b.c2)}`;
}

/** Whether two bounds share a cell. */
export function overlaps(a: Bounds, b: Bounds): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** A defined name, workbook- or sheet-scoped. */
export interface FakeName {
  name: string;
  /** With its leading `=`: `='Paramètres CTG'!$B$5`, `="ctg-planner:synthesis"`. */
  formula: string;
  visible: boolean;
  comment: string;
}

/** An Excel table (ListObject). */
export interface FakeTable {
  readonly id: number;
  name: string;
  sheet: FakeSheet;
  bounds: Bounds;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

/** A data validation rule set on a range. */
export interface FakeValidation {
  readonly address: string;
  rule: unknown;
  prompt: unknown;
  errorAlert: unknown;
  ignoreBlanks: boolean;
}

/** A conditional format on a range. */
export interface FakeConditionalFormat {
  readonly address: string;
  readonly type: string;
  rule: unknown;
  fontColor: string | null;
  fillColor: string | null;
}

/** A chart series. */
export interface FakeSeries {
  name: string;
  /** Address of the values (`'Répartition bassins'!J5:J6`). */
  values: string | null;
  xValues: string | null;
  /** Solid fill (`#RRGGBB`, upper case), or null for Excel's automatic colour. */
  color: string | null;
}

/** A chart. */
export interface FakeChart {
  name: string;
  readonly type: string;
  readonly source: string;
  readonly seriesBy: string;
  title: string;
  readonly series: FakeSeries[];
  position: { start: string; end: string | null } | null;
  /** Number format of the value axis's labels (ExcelApi 1.8), or null when not set. */
  valueAxisFormat: string | null;
}

/** A `Worksheet.onChanged` handler as Office.js calls it. */
export type FakeChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** A handler registered on a sheet (one per `onChanged.add`, the same function possibly twice). */
export interface FakeRegistration {
  readonly handler: FakeChangedHandler;
}

/** Page setup of a sheet (ExcelApi 1.9). */
export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: Record<string, unknown>;
  printTitleRows: string | null;
  printArea: string | null;
  headersFooters: Record<string, string>;
}

/** A worksheet. */
export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: Bounds[] = [];
  readonly names: FakeName[] = [];
  readonly validations: FakeValidation[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  /** The `onChanged` handlers live on the sheet (registered by a synced request, not removed). */
  readonly changedHandlers: FakeRegistration[] = [];
  freeze: { rows: number; cols: number } | null = null;
  tabColor = "";
  deleted = false;
  /** Sheet protection on (Review > Protect Sheet): writes to its cells, formats and layout fail. */
  isProtected = false;
  readonly pageLayout: FakePageLayout = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printTitleRows: null,
    printArea: null,
    headersFooters: {},
  };

  constructor(
    public name: string,
    public visibility: "Visible" | "Hidden" | "VeryHidden",
    readonly id: number,
  ) {}

  /** The cell at a 0-based position, or undefined when it holds nothing. */
  at(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row * 16_384 + col);
  }

  /** The cell at a position, created empty when missing. */
  ensure(row: number, col: number): FakeCell {
    const key = row * 16_384 + col;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = { value: null, formula: null, numberFormat: "General", format: DEFAULT_FORMAT };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The cell at an A1 address (for tests): a copy of what it holds, empty when missing. */
  cell(address: string): Readonly<FakeCell> {
    const p = parseA1(address);
    return (
      this.at(p.row, p.col) ?? { value: null, formula: null, numberFormat: "General", format: DEFAULT_FORMAT }
    );
  }

  /** Bounds of the cells holding a value or formula (or, with `withFormats`, anything). */
  usedBounds(valuesOnly: boolean): Bounds | null {
    let r1 = Infinity;
    let c1 = Infinity;
    let r2 = -1;
    let c2 = -1;
    for (const [key, cell] of this.cells) {
      const holds = cell.value !== null || cell.formula !== null;
      if (!holds && (valuesOnly || (cell.numberFormat === "General" && cell.format === DEFAULT_FORMAT)))
        continue;
      const r = Math.floor(key / 16_384);
      const c = key % 16_384;
      if (r < r1) r1 = r;
      if (r > r2) r2 = r;
      if (c < c1) c1 = c;
      if (c > c2) c2 = c;
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  /** The sheet-qualified address of bounds, as Excel gives `Range.address`. */
  address(b: Bounds): string {
    return `${excelQuote(this.name)}!${boundsAddress(b)}`;
  }
}

/** The whole workbook. */
export class FakeWorkbookState {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; bounds: Bounds } | null = null;
  calculationMode = "Automatic";
  /** Workbook structure protected: sheets cannot be added, deleted, renamed, moved, hidden or shown. */
  structureProtected = false;
  /** How many synced requests ran with API calculation suspended, and with screen updating suspended. */
  calculationSuspendedSyncs = 0;
  screenUpdatingSuspendedSyncs = 0;
  private nextSheetId = 1;
  private nextTableId = 1;

  /**
   * A deep copy of the workbook (sheets, cells, formats, tables, names, selection), without its
   * event handlers: to run the same workbook many times (a failure injected at each action).
   *
   * @returns the copy
   */
  clone(): FakeWorkbookState {
    const copy = new FakeWorkbookState();
    const sheetOf = new Map<FakeSheet, FakeSheet>();
    for (const s of this.sheets) {
      const t = new FakeSheet(s.name, s.visibility, s.id);
      // A cell's fields are scalars and its format a frozen object shared by copy (never changed in
      // place): a shallow copy is a deep one, and the default format stays DEFAULT_FORMAT.
      for (const [key, cell] of s.cells) t.cells.set(key, { ...cell });
      for (const [k, v] of s.columnWidths) t.columnWidths.set(k, v);
      for (const [k, v] of s.rowHeights) t.rowHeights.set(k, v);
      t.merges.push(...structuredClone(s.merges));
      t.names.push(...structuredClone(s.names));
      t.validations.push(...structuredClone(s.validations));
      t.conditionalFormats.push(...structuredClone(s.conditionalFormats));
      t.charts.push(...structuredClone(s.charts));
      t.freeze = s.freeze === null ? null : { ...s.freeze };
      t.tabColor = s.tabColor;
      t.deleted = s.deleted;
      t.isProtected = s.isProtected;
      Object.assign(t.pageLayout, structuredClone(s.pageLayout));
      copy.sheets.push(t);
      sheetOf.set(s, t);
    }
    const mapped = (s: FakeSheet): FakeSheet => sheetOf.get(s) ?? s;
    for (const table of this.tables)
      copy.tables.push({ ...table, sheet: mapped(table.sheet), bounds: { ...table.bounds } });
    copy.names.push(...structuredClone(this.names));
    copy.activeSheet = this.activeSheet === null ? null : mapped(this.activeSheet);
    copy.selection =
      this.selection === null
        ? null
        : { sheet: mapped(this.selection.sheet), bounds: { ...this.selection.bounds } };
    copy.calculationMode = this.calculationMode;
    copy.structureProtected = this.structureProtected;
    copy.nextSheetId = this.nextSheetId;
    copy.nextTableId = this.nextTableId;
    return copy;
  }

  /** Adds a sheet at the end. */
  addSheet(name: string, visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible"): FakeSheet {
    const sheet = new FakeSheet(name, visibility, this.nextSheetId++);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A new table id. */
  tableId(): number {
    return this.nextTableId++;
  }

  /** The sheet of this name (case-insensitive), or undefined. */
  findSheet(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The sheet of this name (for tests); throws when missing. */
  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (s === undefined)
      throw new Error(`fake: no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The table of this name (case-insensitive), or undefined. */
  findTable(name: string): FakeTable | undefined {
    const wanted = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === wanted);
  }

  /** Column names of a table: its header cells' texts (`Column1`… for empty ones). */
  tableColumns(table: FakeTable): string[] {
    const out: string[] = [];
    for (let c = table.bounds.c1; c <= table.bounds.c2; c++) {
      const cell = table.showHeaders ? table.sheet.at(table.bounds.r1, c) : undefined;
      const text = cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
      out.push(text === "" ? `Column${c - table.bounds.c1 + 1}` : text);
    }
    return out;
  }

  /** Whether a defined or table name is taken (case-insensitive), workbook-wide. */
  nameTaken(name: string): boolean {
    const wanted = name.toLowerCase();
    return (
      this.tables.some((t) => t.name.toLowerCase() === wanted) ||
      this.names.some((n) => n.name.toLowerCase() === wanted)
    );
  }

  /** How many `onChanged` handlers are live, on one sheet or on all. */
  liveHandlers(sheet?: string): number {
    const sheets = sheet === undefined ? this.sheets : [this.sheet(sheet)];
    return sheets.reduce((n, s) => n + s.changedHandlers.length, 0);
  }

  /** Puts `replacement` in place of the references to a sheet in every formula and defined name. */
  private replaceRefs(sheetName: string, replacement: string): void {
    const fix = (formula: string): string => replaceSheetRefs(formula, sheetName, replacement);
    for (const n of this.names) n.formula = fix(n.formula);
    for (const s of this.sheets) {
      for (const n of s.names) n.formula = fix(n.formula);
      for (const cell of s.cells.values()) if (cell.formula !== null) cell.formula = fix(cell.formula);
    }
  }

  /**
   * Renames a sheet as Excel does: every formula and defined name of the workbook that refers to it
   * follows (`='Old'!A1` becomes `='New'!A1`).
   */
  renameSheet(sheet: FakeSheet, name: string): void {
    const before = sheet.name;
    if (before === name) return;
    sheet.name = name;
    this.replaceRefs(before, `${excelQuote(name)}!`);
  }

  /**
   * Removes a sheet with its tables, names and event handlers (Excel drops them with it); formulas
   * and workbook names pointing at it turn to `#REF!` (`='Old'!A1` becomes `=#REF!A1`).
   */
  /**
   * Deletes a table as Excel does: formulas and names that refer to it by name (structured
   * references, `CTG_Communes[Population]`) turn into #REF!.
   */
  deleteTable(table: FakeTable): void {
    const index = this.tables.indexOf(table);
    if (index < 0) return;
    this.tables.splice(index, 1);
    const escaped = table.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const structured = new RegExp(`(?<![A-Za-z0-9_.])${escaped}\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]`, "gi");
    const fix = (formula: string): string => formula.replace(structured, "#REF!");
    for (const n of this.names) n.formula = fix(n.formula);
    for (const s of this.sheets) {
      for (const n of s.names) n.formula = fix(n.formula);
      for (const cell of s.cells.values()) if (cell.formula !== null) cell.formula = fix(cell.formula);
    }
  }

  /**
   * Moves the cells of columns c1…c2 at row `from` and below down (n > 0) or up (n < 0) by |n| rows,
   * as inserting or deleting table rows does to the cells below (the caller empties the rows deleted
   * first).
   */
  shiftColumns(sheet: FakeSheet, c1: number, c2: number, from: number, n: number): void {
    const moved: [number, FakeCell][] = [];
    for (const [key, cell] of [...sheet.cells]) {
      const r = Math.floor(key / 16_384);
      const c = key % 16_384;
      if (r >= from && c >= c1 && c <= c2) {
        sheet.cells.delete(key);
        moved.push([(r + n) * 16_384 + c, cell]);
      }
    }
    for (const [key, cell] of moved) sheet.cells.set(key, cell);
  }

  removeSheet(sheet: FakeSheet): void {
    const index = this.sheets.indexOf(sheet);
    if (index < 0) return;
    this.sheets.splice(index, 1);
    sheet.deleted = true;
    sheet.changedHandlers.length = 0;
    for (let i = this.tables.length - 1; i >= 0; i--)
      if (this.tables[i]?.sheet === sheet) this.tables.splice(i, 1);
    this.replaceRefs(sheet.name, "#REF!");
    if (this.selection?.sheet === sheet) this.selection = null;
    if (this.activeSheet === sheet) {
      this.activeSheet =
        this.sheets.slice(index).find((s) => s.visibility === "Visible") ??
        [...this.sheets].reverse().find((s) => s.visibility === "Visible") ??
        null;
    }
  }
}
