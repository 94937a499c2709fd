/**
 * Reading the open workbook with Office.js: what the user can read from (tables and sheets that are
 * not the product's), and the snapshot the pipeline plans from — the same shape as the .xlsx
 * adapter's (see snapshotPackage in ../xlsx/snapshot.ts).
 *
 * When the input is known and fits one response, the snapshot is one request: every load is queued
 * first, then one `context.sync()` (a large input's rows below the first response's bounded window
 * come in blocks: see snapshotExcel). Nothing is called on an object that may not exist (a
 * `*OrNullObject` result is only loaded, never navigated from: Microsoft's documentation does not
 * say that works). So the previous run's objects (parameter names, communes table, scenarios sheet)
 * are read through `getItem` once a request has seen them in the workbook's collections: the runner
 * remembers which exist; a snapshot finding more than it remembered reads them in a second request
 * (the first snapshot of a session on a workbook with a previous run's sheets), one finding fewer
 * (deleted meanwhile) starts again without the memory. The user's facilities table of the bonus
 * territoire (`Équipements CTG`, issue #14) is read the same way: once the runner knows where it is,
 * within a bounded window in the first request (its rows below the window in blocks).
 */

import { HOST_MESSAGES } from "../../i18n";
import {
  a1,
  BONUS_NAME_PREFIX,
  FACILITY_SHEET,
  FACILITY_TABLE,
  isFacilityTable,
  parseA1,
  quoteSheet,
  toCell,
  uniqueCaseless,
  type ParamInputs,
  type PlanParamName,
  type GridOrigin,
  type RawGrid,
  type RawValue,
} from "../../core";
import {
  COMMUNES_TABLE,
  FORMULAS_KEY_NAME,
  PLAN_PARAM_CELL_NAMES,
  COMPLETE_NAME,
  formulasKeyOfName,
  reportLabels,
  type Report,
  type ReportSheetKind,
} from "../../report";
import type { FacilitySnapshot, NamedValue, WorkbookSnapshot } from "../../app";
import { ExcelHostError, type ExcelRunner } from "./excel-host";
import { sheetMark, splitAddress } from "./markers";

/** An Excel table the user can read from. */
export interface InputTable {
  readonly name: string;
  readonly sheet: string;
  /** Data rows (header and totals excluded). */
  readonly rowCount: number;
  readonly headers: readonly string[];
}

/** What the user can read from, and the product's sheets already there. */
export interface InputList {
  /** Tables on the user's sheets, in workbook order. */
  readonly tables: readonly InputTable[];
  /** The user's visible worksheets, in tab order. */
  readonly sheets: readonly { readonly name: string }[];
  /** The product's sheets of an earlier run (replaced by the next one). */
  readonly productSheets: readonly { readonly name: string; readonly kind: ReportSheetKind | null }[];
}

/** Which input to read: a table, a sheet's used range, or the selection. */
export type InputChoice =
  { readonly table: string } | { readonly sheet: string } | { readonly selection: true };

/** Options of snapshotExcel. */
export interface SnapshotOptions {
  /**
   * Largest response expected for one block of the input's rows, in bytes, at 40 bytes a cell: the
   * rows below the first request's window, or every row when Excel refused a response as too large
   * (5 MB on the web), are read in blocks sized for it (default 2 MB).
   */
  readonly blockBytes?: number;
}

const SHEETS_LOAD = "items/name,items/visibility,items/names/items/name,items/names/items/formula";

/** Candidate names of a previous run's communes table (the builder adds 2, 3… when one is taken). */
const COMMUNES_CANDIDATES = [COMMUNES_TABLE, `${COMMUNES_TABLE}2`, `${COMMUNES_TABLE}3`];

/** Candidate names of a previous run's scenarios sheet, French and English (the builder adds " (2)"… when taken). */
const SCENARIOS_CANDIDATES = (["fr", "en"] as const).flatMap((lang) => {
  const name = reportLabels(lang).sheetNames.scenarios;
  return [name, `${name} (2)`, `${name} (3)`];
});

/** Where the facilities table of the bonus territoire is: an Excel table, or a sheet's cells. */
export interface FacilityRef {
  readonly kind: "table" | "sheet";
  readonly name: string;
}

/**
 * Where the facilities table `Équipements CTG` (issue #14) is among the user's tables and sheets, as
 * the .xlsx adapter finds it: the table named `CTG_Equipements` (FACILITY_TABLE), else the first
 * table on the sheet `Équipements CTG`, else that sheet's cells; null when there is none.
 *
 * @param tables - the user's tables (not on the product's sheets), in workbook order
 * @param sheets - the user's sheet names
 * @returns where it is, or null
 */
export function facilityRefOf(
  tables: readonly { readonly name: string; readonly sheet: string }[],
  sheets: readonly string[],
): FacilityRef | null {
  const table =
    tables.find((t) => t.name.toLowerCase() === FACILITY_TABLE.toLowerCase()) ??
    tables.find((t) => isFacilityTable(t.name, t.sheet));
  if (table !== undefined) return { kind: "table", name: table.name };
  return sheets.includes(FACILITY_SHEET) ? { kind: "sheet", name: FACILITY_SHEET } : null;
}

/**
 * Whether a table or sheet is the facilities table's (never the funding input): the table
 * `CTG_Equipements`, any table on the sheet `Équipements CTG`, or that sheet.
 *
 * @param input - a table (its name and sheet) or a sheet (its name twice)
 * @returns true when it holds the facilities
 */
export function isFacilityInput(input: { readonly name: string; readonly sheet: string }): boolean {
  return isFacilityTable(input.name, input.sheet);
}

export interface SheetFacts {
  readonly name: string;
  readonly visible: boolean;
  readonly marked: boolean;
  readonly kind: ReportSheetKind | null;
}

export function sheetFacts(worksheets: Excel.WorksheetCollection): SheetFacts[] {
  return worksheets.items.map((ws) => {
    const mark = sheetMark(ws.names.items);
    return { name: ws.name, visible: ws.visibility === "Visible", marked: mark.marked, kind: mark.kind };
  });
}

/**
 * The tables and sheets the user can read from, in one request: tables on the user's sheets (name,
 * sheet, data rows, headers), the user's visible sheets, and the product's sheets of an earlier run.
 *
 * @param run - the Excel runner (see excelRunner)
 * @returns the list
 * @throws ExcelHostError when Excel fails
 */
export async function listInputs(run: ExcelRunner): Promise<InputList> {
  return run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(SHEETS_LOAD);
    const tables = context.workbook.tables;
    tables.load("items/name,items/worksheet/name,items/columns/items/name,items/rows/count");
    await context.sync();
    const sheets = sheetFacts(worksheets);
    const product = new Set(sheets.filter((s) => s.marked).map((s) => s.name));
    return {
      tables: tables.items
        .filter((t) => !product.has(t.worksheet.name))
        .map((t) => ({
          name: t.name,
          sheet: t.worksheet.name,
          rowCount: t.rows.count,
          headers: t.columns.items.map((c) => c.name),
        })),
      sheets: sheets.filter((s) => !s.marked && s.visible).map((s) => ({ name: s.name })),
      productSheets: sheets.filter((s) => s.marked).map((s) => ({ name: s.name, kind: s.kind })),
    };
  });
}

/**
 * Office.js values as the .xlsx reader gives them, so that both adapters make the same snapshot (and
 * the same input hash): empty cells ("" in Office.js) as null, error values ("#N/A") as `{ error }`.
 */
export function rawGrid(values: readonly (readonly unknown[])[]): RawValue[][] {
  return values.map((row) =>
    row.map((v): RawValue => {
      if (v === "" || v === null || v === undefined) return null;
      if (typeof v === "number" || typeof v === "boolean") return v;
      const text = String(v);
      const cell = toCell(text);
      return cell.kind === "error" ? { error: cell.code } : text;
    }),
  );
}

/** Sheet and top-left cell of a sheet-qualified range address. */
export function originOf(address: string, sheet?: string): GridOrigin {
  const parts = splitAddress(address);
  const topLeft = (parts?.cells ?? address).split(":")[0]?.replace(/\$/g, "") ?? "A1";
  return { sheet: sheet ?? parts?.sheet ?? "", topLeft };
}

/** The previous run's objects read (or to read): they exist (seen in the collections). */
interface ProductReads {
  readonly params: readonly { readonly param: PlanParamName; readonly range: Excel.Range }[];
  readonly communes: readonly { readonly table: Excel.Table; readonly range: Excel.Range }[];
  readonly scenarios: readonly { readonly sheet: Excel.Worksheet; readonly range: Excel.Range }[];
  /** The bonus parameter names (`CTG_B_…`): the range behind each (a null object for a constant). */
  readonly bonus: readonly { readonly name: string; readonly range: Excel.Range }[];
  /** The facilities table: where it is, and its values within a bounded window. */
  readonly facilities: FacilityRead | null;
}

/** The loads of the facilities table (see queueFacilities). */
interface FacilityRead {
  readonly ref: FacilityRef;
  /** The table (name, totals row, sheet), or null for a sheet's cells. */
  readonly table: Excel.Table | null;
  /** Its range (the table's, or the sheet's used range: a null object when empty): address and size. */
  readonly range: Excel.Range;
  /** Its values within the window (a null object when the window misses it). */
  readonly window: Excel.Range;
}

/** The loads of one snapshot, queued before the sync. */
export interface Queued extends ProductReads {
  readonly worksheets: Excel.WorksheetCollection;
  readonly tables: Excel.TableCollection;
  readonly names: Excel.NamedItemCollection;
  readonly input:
    | { readonly kind: "table"; readonly table: Excel.Table; readonly range: Excel.Range }
    | { readonly kind: "sheet"; readonly sheet: Excel.Worksheet; readonly range: Excel.Range }
    | { readonly kind: "selection"; readonly selected: Excel.Range; readonly range: Excel.Range };
  /** The workbook name holding the fingerprint of the formulas last written (a null object when absent). */
  readonly formulasKey: Excel.NamedItem;
  /** The workbook name that says whether the last generation finished (CTG_Complet). */
  readonly complete: Excel.NamedItem;
}

/** Which of a previous run's objects exist, by name. */
interface ProductKnown {
  readonly params: readonly string[];
  readonly communes: readonly string[];
  readonly scenarios: readonly string[];
  readonly bonus: readonly string[];
  /** The user's facilities table (issue #14), read with the previous run's objects. */
  readonly facilities: FacilityRef | null;
}

const NOTHING_KNOWN: ProductKnown = { params: [], communes: [], scenarios: [], bonus: [], facilities: null };

/** What each runner (each pane session) last saw of the previous run's objects. */
const knownOf = new WeakMap<ExcelRunner, ProductKnown>();

function knownCount(k: ProductKnown): number {
  return k.params.length + k.communes.length + k.scenarios.length + k.bonus.length + (k.facilities ? 1 : 0);
}

function sameRef(a: FacilityRef | null, b: FacilityRef | null): boolean {
  return a?.kind === b?.kind && a?.name.toLowerCase() === b?.name.toLowerCase();
}

/** The previous run's objects that exist: the candidates in the collections, on the product's sheets. */
function existingProduct(q: Queued, sheets: readonly SheetFacts[]): ProductKnown {
  const kindOf = new Map(sheets.filter((s) => s.marked).map((s) => [s.name, s.kind]));
  const names = new Set(q.names.items.map((n) => n.name.toLowerCase()));
  const hasParameters = sheets.some((s) => s.kind === "parameters");
  const tableSheet = new Map(q.tables.items.map((t) => [t.name.toLowerCase(), t.worksheet.name]));
  const sheetNamed = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const userSheets = sheets.filter((s) => !s.marked).map((s) => s.name);
  const user = new Set(userSheets);
  const userTables = q.tables.items
    .filter((t) => user.has(t.worksheet.name))
    .map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  return {
    params: hasParameters
      ? Object.values(PLAN_PARAM_CELL_NAMES).filter((n) => names.has(n.toLowerCase()))
      : [],
    bonus: hasParameters
      ? q.names.items.map((n) => n.name).filter((n) => n.startsWith(BONUS_NAME_PREFIX))
      : [],
    facilities: facilityRefOf(userTables, userSheets),
    communes: COMMUNES_CANDIDATES.filter((n) => {
      const sheet = tableSheet.get(n.toLowerCase());
      return sheet !== undefined && kindOf.get(sheet) === "communes";
    }),
    scenarios: SCENARIOS_CANDIDATES.filter((n) => {
      const sheet = sheetNamed.get(n.toLowerCase());
      return sheet !== undefined && kindOf.get(sheet) === "scenarios";
    }),
  };
}

/**
 * Tells the runner's memory what a generation just wrote (the parameter names, the communes table
 * and the scenarios sheet of the report), so that the next snapshot reads them in its one request.
 *
 * @param run - the runner the report was written with
 * @param report - the report written
 */
export function rememberWritten(run: ExcelRunner, report: Report): void {
  const params = new Set(Object.values(PLAN_PARAM_CELL_NAMES).map((n) => n.toLowerCase()));
  const communes = new Set(COMMUNES_CANDIDATES.map((n) => n.toLowerCase()));
  const scenarios = new Set(SCENARIOS_CANDIDATES.map((n) => n.toLowerCase()));
  knownOf.set(run, {
    params: report.names.map((n) => n.name).filter((n) => params.has(n.toLowerCase())),
    bonus: report.names.map((n) => n.name).filter((n) => n.startsWith(BONUS_NAME_PREFIX)),
    // The user's facilities table, which no generation writes, stays where it was seen.
    facilities: knownOf.get(run)?.facilities ?? null,
    communes: report.sheets
      .filter((s) => s.kind === "communes")
      .flatMap((s) => s.tables.map((t) => t.name))
      .filter((n) => communes.has(n.toLowerCase())),
    scenarios: report.sheets
      .filter((s) => s.kind === "scenarios" && scenarios.has(s.name.toLowerCase()))
      .map((s) => s.name),
  });
}

/** What `existing` has that `known` has not. */
function unknownOf(existing: ProductKnown, known: ProductKnown): ProductKnown {
  const out = (a: readonly string[], b: readonly string[]): string[] => {
    const had = new Set(b.map((x) => x.toLowerCase()));
    return a.filter((x) => !had.has(x.toLowerCase()));
  };
  return {
    params: out(existing.params, known.params),
    communes: out(existing.communes, known.communes),
    scenarios: out(existing.scenarios, known.scenarios),
    bonus: out(existing.bonus, known.bonus),
    facilities: sameRef(existing.facilities, known.facilities) ? null : existing.facilities,
  };
}

/**
 * Queues the facilities table's reads: its place and size, and its values within `window` (a
 * range that is never a null object is intersected with it: the table's, the sheet's used range).
 */
function queueFacilities(context: Excel.RequestContext, ref: FacilityRef, window: Placement): FacilityRead {
  const workbook = context.workbook;
  const cells = `${a1(window.row, window.col)}:${a1(window.row + window.rows - 1, window.col + window.cols - 1)}`;
  if (ref.kind === "table") {
    const table = workbook.tables.getItem(ref.name);
    table.load("name,showTotals,worksheet/name");
    const range = table.getRange();
    range.load("address,rowCount,columnCount");
    const values = table.getRange().getIntersectionOrNullObject(cells);
    values.load("values,address");
    return { ref, table, range, window: values };
  }
  const sheet = workbook.worksheets.getItem(ref.name);
  const range = sheet.getUsedRangeOrNullObject(true);
  range.load("address,rowCount,columnCount");
  const values = sheet.getUsedRange(true).getIntersectionOrNullObject(cells);
  values.load("values,address");
  return { ref, table: null, range, window: values };
}

/** Queues the reads of a previous run's objects known to exist (through getItem: no null object). */
function queueProduct(
  context: Excel.RequestContext,
  known: ProductKnown,
  facilityWindow: Placement,
): ProductReads {
  const workbook = context.workbook;
  const paramOf = new Map(
    (Object.entries(PLAN_PARAM_CELL_NAMES) as [PlanParamName, string][]).map(([param, name]) => [
      name.toLowerCase(),
      param,
    ]),
  );
  const params = known.params.flatMap((name) => {
    const param = paramOf.get(name.toLowerCase());
    if (param === undefined) return [];
    // A name that is not a range (a constant) gives a null range: loaded only.
    const range = workbook.names.getItem(name).getRangeOrNullObject();
    range.load("values,address");
    return [{ param, range }];
  });
  const communes = known.communes.map((name) => {
    const table = workbook.tables.getItem(name);
    table.load("name,showTotals,worksheet/name");
    const range = table.getRange();
    range.load("values,address");
    return { table, range };
  });
  const scenarios = known.scenarios.map((name) => {
    const sheet = workbook.worksheets.getItem(name);
    sheet.load("name");
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("values,address");
    return { sheet, range };
  });
  const bonus = known.bonus.map((name) => {
    const range = workbook.names.getItem(name).getRangeOrNullObject();
    range.load("values,address");
    return { name, range };
  });
  const facilities =
    known.facilities === null ? null : queueFacilities(context, known.facilities, facilityWindow);
  return { params, communes, scenarios, bonus, facilities };
}

/** The input's loads: `withValues` false loads only where it is (for a read in blocks). */
function queueInput(
  context: Excel.RequestContext,
  choice: InputChoice,
  withValues: boolean,
): Queued["input"] {
  // The user's table or sheet by getItem: a missing one fails the request (ItemNotFound), then
  // inputNotFound says what there is.
  if ("table" in choice) {
    const table = context.workbook.tables.getItem(choice.table);
    table.load("name,showTotals,showHeaders,worksheet/name,columns/items/name");
    const range = table.getRange();
    if (withValues) range.load("values,address");
    else range.load("address,rowCount,columnCount");
    return { kind: "table", table, range };
  }
  if ("sheet" in choice) {
    const sheet = context.workbook.worksheets.getItem(choice.sheet);
    sheet.load("name");
    const range = sheet.getUsedRangeOrNullObject(true);
    if (withValues) range.load("values,address");
    else range.load("address,rowCount,columnCount");
    return { kind: "sheet", sheet, range };
  }
  // The selection within the sheet's used range: a whole column selected reads its values only.
  const selected = context.workbook.getSelectedRange();
  selected.load("worksheet/name");
  const range = selected.getIntersectionOrNullObject(selected.worksheet.getUsedRange(true));
  if (withValues) range.load("values,address");
  else range.load("address,rowCount,columnCount");
  return { kind: "selection", selected, range };
}

export function queueAll(
  context: Excel.RequestContext,
  choice: InputChoice,
  withValues: boolean,
  known: ProductKnown,
  facilityWindow: Placement,
): Queued {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load(SHEETS_LOAD);
  const tables = workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = workbook.names;
  names.load("items/name");
  const input = queueInput(context, choice, withValues);
  const product = queueProduct(context, known, facilityWindow);
  // Workbook scope only (a sheet's name of the same spelling is not the product's).
  const formulasKey = workbook.names.getItemOrNullObject(FORMULAS_KEY_NAME);
  formulasKey.load("formula");
  const complete = workbook.names.getItemOrNullObject(COMPLETE_NAME);
  complete.load("formula");
  return { worksheets, tables, names, input, ...product, formulasKey, complete };
}

function notFound(kind: "table" | "sheet", name: string, known: readonly string[]): ExcelHostError {
  const messages = HOST_MESSAGES.notFound(kind, name, known);
  return new ExcelHostError(kind === "table" ? "TableNotFound" : "SheetNotFound", messages);
}

/** Everything but the input's values, from a synced Queued. */
export interface Located {
  readonly sheet: string;
  readonly table: string | null;
  readonly tableColumns: readonly string[] | null;
  /** The input's range address, or null for an empty sheet. */
  readonly address: string | null;
  /** Rows to drop at the bottom (a totals row). */
  readonly dropLast: number;
  /** A table whose header row is hidden. */
  readonly headerHidden?: boolean;
}

export function locate(q: Queued, choice: InputChoice, sheets: readonly SheetFacts[]): Located {
  const product = new Set(sheets.filter((s) => s.marked).map((s) => s.name));
  const userTables = q.tables.items.filter((t) => !product.has(t.worksheet.name)).map((t) => t.name);
  const input = q.input;
  switch (input.kind) {
    case "table": {
      const choiceName = "table" in choice ? choice.table : "";
      if (product.has(input.table.worksheet.name)) throw notFound("table", choiceName, userTables);
      return {
        sheet: input.table.worksheet.name,
        table: input.table.name,
        tableColumns: input.table.columns.items.map((c) => c.name),
        address: input.range.address,
        dropLast: input.table.showTotals ? 1 : 0,
        ...(input.table.showHeaders ? {} : { headerHidden: true }),
      };
    }
    case "sheet": {
      const choiceName = "sheet" in choice ? choice.sheet : "";
      const userSheets = sheets.filter((s) => !s.marked).map((s) => s.name);
      if (product.has(input.sheet.name)) throw notFound("sheet", choiceName, userSheets);
      return {
        sheet: input.sheet.name,
        table: null,
        tableColumns: null,
        address: input.range.isNullObject ? null : input.range.address,
        dropLast: 0,
      };
    }
    case "selection":
      return {
        sheet: input.selected.worksheet.name,
        table: null,
        tableColumns: null,
        address: input.range.isNullObject ? null : input.range.address,
        dropLast: 0,
      };
  }
}

/** A name's one cell and its value, when it is on the product's parameters sheet; else null. */
function namedCell(range: Excel.Range, parameterSheets: ReadonlySet<string>): NamedValue | null {
  if (range.isNullObject) return null;
  const parts = splitAddress(range.address);
  const values = range.values;
  const only = values.length === 1 && values[0]?.length === 1 ? values[0][0] : undefined;
  if (parts === null || !parameterSheets.has(parts.sheet) || only === undefined || parts.cells.includes(":"))
    return null;
  const [value = null] = rawGrid([[only]])[0] ?? [];
  return { value, cell: `${quoteSheet(parts.sheet)}!${parts.cells.replace(/\$/g, "")}` };
}

function parameterSheetsOf(sheets: readonly SheetFacts[]): Set<string> {
  return new Set(sheets.filter((s) => s.kind === "parameters").map((s) => s.name));
}

/** Parameters of a previous run: the names' cells, when they are on the product's parameters sheet. */
function paramsOf(q: Queued, sheets: readonly SheetFacts[]): ParamInputs {
  const parameterSheets = parameterSheetsOf(sheets);
  const inputs: Partial<Record<PlanParamName, NamedValue>> = {};
  for (const { param, range } of q.params) {
    const named = namedCell(range, parameterSheets);
    if (named !== null) inputs[param] = named;
  }
  return inputs;
}

/**
 * The bonus parameters of a previous run (issue #14): every workbook name `CTG_B_…` that is one cell
 * of the product's parameters sheet, by its name as the workbook spells it, with its value and cell.
 */
function bonusParamsOf(q: Queued, sheets: readonly SheetFacts[]): Record<string, NamedValue> {
  const parameterSheets = parameterSheetsOf(sheets);
  const out: Record<string, NamedValue> = {};
  for (const { name, range } of q.bonus) {
    const named = namedCell(range, parameterSheets);
    if (named !== null) out[name] = named;
  }
  return out;
}

/** A previous run's scenarios sheet: the candidate that carries the scenarios marker. */
function scenariosOf(q: Queued, sheets: readonly SheetFacts[]): WorkbookSnapshot["scenarios"] {
  const scenarioSheets = new Set(sheets.filter((s) => s.kind === "scenarios").map((s) => s.name));
  for (const { sheet, range } of q.scenarios) {
    if (range.isNullObject || !scenarioSheets.has(sheet.name)) continue;
    return { grid: rawGrid(range.values), origin: originOf(range.address, sheet.name) };
  }
  return null;
}

/** The fingerprint the last generation stored (`="fr:1a2b…"`), or null: no such name, or not a string. */
/** Whether the last generation finished: `=TRUE` / `=FALSE` in CTG_Complet, null when absent. */
function completeOf(q: Queued): boolean | null {
  if (q.complete.isNullObject) return null;
  const formula = String(q.complete.formula).replace(/^=/, "").trim().toUpperCase();
  return formula === "TRUE" ? true : formula === "FALSE" ? false : null;
}

function formulasKeyOf(q: Queued): string | null {
  return q.formulasKey.isNullObject ? null : formulasKeyOfName(q.formulasKey.formula);
}

/** A previous run's communes table: the candidate that sits on the product's communes sheet. */
function communesOf(q: Queued, sheets: readonly SheetFacts[]): WorkbookSnapshot["communes"] {
  const communeSheets = new Set(sheets.filter((s) => s.kind === "communes").map((s) => s.name));
  for (const { table, range } of q.communes) {
    if (!communeSheets.has(table.worksheet.name)) continue;
    const grid = rawGrid(range.values);
    return {
      grid: table.showTotals ? grid.slice(0, -1) : grid,
      origin: originOf(range.address, table.worksheet.name),
    };
  }
  return null;
}

export function snapshotOf(
  q: Queued,
  located: Located,
  grid: RawGrid,
  sheets: readonly SheetFacts[],
  facilities: FacilitySnapshot | null,
): WorkbookSnapshot {
  const product = new Set(sheets.filter((s) => s.marked).map((s) => s.name));
  // As the .xlsx adapter's takenNames: the user's sheets, tables and defined names.
  const taken = {
    sheets: sheets.filter((s) => !s.marked).map((s) => s.name),
    tables: q.tables.items.filter((t) => !product.has(t.worksheet.name)).map((t) => t.name),
    definedNames: uniqueCaseless([
      ...q.names.items.map((n) => n.name),
      ...q.worksheets.items
        .filter((ws) => !product.has(ws.name))
        .flatMap((ws) => ws.names.items.map((n) => n.name)),
    ]),
  };
  return {
    input: {
      sheet: located.sheet,
      table: located.table,
      tableColumns: located.tableColumns,
      ...(located.headerHidden === true ? { headerHidden: true } : {}),
      grid: located.dropLast > 0 ? grid.slice(0, grid.length - located.dropLast) : grid,
      origin:
        located.address === null
          ? { sheet: located.sheet, topLeft: "A1" }
          : originOf(located.address, located.sheet),
    },
    parameters: paramsOf(q, sheets),
    communes: communesOf(q, sheets),
    taken,
    scenarios: scenariosOf(q, sheets),
    formulasKey: formulasKeyOf(q),
    complete: completeOf(q),
    facilities,
    bonusParameters: bonusParamsOf(q, sheets),
  };
}

/** What a read gives once its first request is synced (and the previous run's objects read). */
export interface FirstRead<E = undefined> {
  readonly context: Excel.RequestContext;
  readonly q: Queued;
  readonly sheets: readonly SheetFacts[];
  readonly located: Located;
  /** What the caller queued in the same first request (see readWorkbook's `queueExtra`). */
  readonly extra: E;
  /** The facilities table (issue #14), read whole; null when the workbook has none. */
  readonly facilities: FacilitySnapshot | null;
}

/**
 * A read: every load queued (the previous run's objects the runner knows of included), one sync;
 * then, only when the collections show more of them than the runner knew, one more request for
 * those. The facilities table is read with the previous run's objects (in the first request once
 * the runner knows it, within a bounded window: see facilityWindowOf), its rows below the window in
 * blocks. `then` finishes in the same Excel.run.
 */
export async function readWorkbook<T, E = undefined>(
  run: ExcelRunner,
  choice: InputChoice,
  withValues: boolean,
  then: (read: FirstRead<E>) => Promise<T>,
  queueExtra?: (context: Excel.RequestContext) => E,
): Promise<T> {
  const known = knownOf.get(run) ?? NOTHING_KNOWN;
  const facilityWindow = facilityWindowOf(run);
  try {
    return await run(async (context) => {
      const first = queueAll(context, choice, withValues, known, facilityWindow);
      // Queued after the snapshot's loads: of two loads of one object, the later one's are kept.
      const extra = (queueExtra === undefined ? undefined : queueExtra(context)) as E;
      await context.sync();
      const sheets = sheetFacts(first.worksheets);
      const located = locate(first, choice, sheets);
      const existing = existingProduct(first, sheets);
      knownOf.set(run, existing);
      const more = unknownOf(existing, known);
      let q = first;
      if (knownCount(more) > 0) {
        const extra = queueProduct(context, more, facilityWindow);
        await context.sync();
        q = {
          ...first,
          params: [...first.params, ...extra.params],
          communes: [...first.communes, ...extra.communes],
          scenarios: [...first.scenarios, ...extra.scenarios],
          bonus: [...first.bonus, ...extra.bonus],
          facilities: extra.facilities ?? first.facilities,
        };
      }
      // The facilities table where the collections show it now (none when it is gone).
      const where = existing.facilities;
      const read = where !== null && sameRef(q.facilities?.ref ?? null, where) ? q.facilities : null;
      const facilities = where === null ? null : await facilitiesOf(context, run, where, read);
      return then({ context, q, sheets, located, extra, facilities });
    });
  } catch (err) {
    if (!(err instanceof ExcelHostError && err.code === "ItemNotFound")) throw err;
    if (knownCount(known) > 0) {
      // An object of the previous run deleted since: read again, knowing nothing.
      knownOf.delete(run);
      return readWorkbook(run, choice, withValues, then, queueExtra);
    }
    throw await inputNotFound(run, choice, err);
  }
}

/**
 * The error to give when a read failed with ItemNotFound: the input's TableNotFound /
 * SheetNotFound listing what there is (one more request), else the error itself.
 */
async function inputNotFound(run: ExcelRunner, choice: InputChoice, err: ExcelHostError): Promise<Error> {
  if (!("table" in choice) && !("sheet" in choice)) return err;
  const list = await listInputs(run);
  const [kind, name, known] =
    "table" in choice
      ? (["table", choice.table, list.tables.map((t) => t.name)] as const)
      : (["sheet", choice.sheet, list.sheets.map((s) => s.name)] as const);
  return known.some((n) => n.toLowerCase() === name.toLowerCase()) ? err : notFound(kind, name, known);
}

/**
 * Bytes one cell of `values` takes in a response, estimated high: Excel's JSON (as the fake's, see
 * byteSize in tests/fakes/excel-fake.ts) writes a number in at most 24 characters, an empty cell as
 * `""`, a text as its UTF-8 bytes in quotes, each followed by a comma. 40 covers every number and a
 * text of up to 37 bytes; the funding table averages about 10 (a commune, a code, a domain, a year,
 * an amount). A larger average still gets the refused response read again in blocks (snapshotExcel).
 */
const CELL_BYTES = 40;
/**
 * Largest estimated size of the input's values in the first response: Excel on the web refuses a
 * response above 5 MB, and the rest of the first one (sheets, names, a previous run's objects) stays
 * far below the 1 MB left.
 */
const FIRST_VALUES_BYTES = 4_000_000;
/** Columns of the first read's window while the runner has not seen the input: the funding table's and more. */
const WINDOW_COLUMNS = 8;
const LAST_ROW = 1_048_575;
const LAST_COLUMN = 16_383;

/** A rectangle of a sheet, 0-based: top-left cell and size. */
interface Placement {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Least bytes a cell is estimated to take once the runner has read the input: a number takes up to
 * 25, and what the user types between two reads may be longer than what was there.
 */
const MIN_CELL_BYTES = 20;

/** Where a runner last found an input (its top-left cell and size), and what its cells took. */
interface Seen extends Placement {
  /** Bytes a cell is estimated to take: twice the last read's average, at least MIN_CELL_BYTES. */
  readonly cellBytes: number;
}

/** Rows of the first request's window that tell the bytes a cell of the rows below takes. */
const SAMPLE_ROWS = 1_000;

/** What each runner last saw of each input, by choice. */
const seenOf = new WeakMap<ExcelRunner, Map<string, Seen>>();

const UTF8 = new TextEncoder();

/** UTF-8 bytes of rows of values as JSON, as a response carries them. */
function jsonBytes(rows: readonly (readonly unknown[])[]): number {
  return UTF8.encode(JSON.stringify(rows)).length;
}

function choiceKey(choice: InputChoice): string {
  if ("table" in choice) return `table:${choice.table.toLowerCase()}`;
  if ("sheet" in choice) return `sheet:${choice.sheet.toLowerCase()}`;
  return "selection";
}

/**
 * The window of the first request: from the input's top-left cell as last seen (A1 when never
 * seen), at least WINDOW_COLUMNS wide, and as many rows as FIRST_VALUES_BYTES allows at the
 * estimated bytes a cell (CELL_BYTES when never seen: 12 500 rows of 8 columns); less the facilities
 * table's window when the runner knows of one (see facilityWindowOf).
 */
function windowOf(
  last: Seen | undefined,
  minColumns = WINDOW_COLUMNS,
  budget = FIRST_VALUES_BYTES,
): Placement {
  const row = last?.row ?? 0;
  const col = last?.col ?? 0;
  const cols = Math.min(Math.max(last?.cols ?? 0, minColumns), LAST_COLUMN + 1 - col);
  const cellBytes = last?.cellBytes ?? CELL_BYTES;
  const rows = Math.min(Math.max(1, Math.floor(budget / (cols * cellBytes))), LAST_ROW + 1 - row);
  return { row, col, rows, cols };
}

/**
 * Largest estimated size of the facilities table's values in the request that reads it (the
 * snapshot's first once the runner knows the table, whose input window is that much smaller): 781
 * rows of 16 columns at 40 bytes a cell; the rows below come in blocks.
 */
const FACILITY_VALUES_BYTES = 500_000;
/** Columns of the facilities window while the runner has not read the table: its 14 and more. */
const FACILITY_COLUMNS = 16;
/** Rows a block of the facilities below its window holds: about BLOCK_BYTES of response. */
const BLOCK_BYTES = 2_000_000;
/** The key of the facilities table in a runner's memory of what it read (no input choice's key). */
const FACILITIES_SEEN = "facilities";

/** The facilities table's window: from where the runner last found it (A1 when never). */
function facilityWindowOf(run: ExcelRunner): Placement {
  return windowOf(seenOf.get(run)?.get(FACILITIES_SEEN), FACILITY_COLUMNS, FACILITY_VALUES_BYTES);
}

/** The values of `at` from its row `first` (0-based within it) down, in blocks of `blockRows`, a request each. */
async function rowsBelow(
  context: Excel.RequestContext,
  sheet: string,
  at: Placement,
  first: number,
  blockRows: number,
): Promise<unknown[][]> {
  const ws = context.workbook.worksheets.getItem(sheet);
  const out: unknown[][] = [];
  const readFrom = async (from: number): Promise<void> => {
    if (from >= at.rows) return;
    const count = Math.min(blockRows, at.rows - from);
    const block = ws.getRangeByIndexes(at.row + from, at.col, count, at.cols);
    block.load("values");
    await context.sync();
    out.push(...block.values);
    return readFrom(from + count);
  };
  await readFrom(first);
  return out;
}

/**
 * The facilities table as read: its window's rows, then the rows below it in blocks (at twice the
 * bytes a cell took at the runner's last read, at least 20; 40 before). The runner remembers where
 * it is and what its cells took. A sheet with no cells has no facilities (null).
 */
async function facilitiesOf(
  context: Excel.RequestContext,
  run: ExcelRunner,
  where: FacilityRef,
  read: FacilityRead | null,
): Promise<FacilitySnapshot | null> {
  if (read === null || read.range.isNullObject) return null;
  const sheet = read.table === null ? where.name : read.table.worksheet.name;
  const top = parseA1(originOf(read.range.address).topLeft);
  const at: Placement = { ...top, rows: read.range.rowCount, cols: read.range.columnCount };
  const seen = seenOf.get(run) ?? new Map<string, Seen>();
  const cellBytes = seen.get(FACILITIES_SEEN)?.cellBytes ?? CELL_BYTES;
  const window = topRows(read.window, at);
  const blockRows = Math.max(1, Math.floor(BLOCK_BYTES / (Math.max(1, at.cols) * cellBytes)));
  const values = [...window, ...(await rowsBelow(context, sheet, at, window.length, blockRows))];
  const average = jsonBytes(values) / Math.max(1, at.rows * at.cols);
  seen.set(FACILITIES_SEEN, { ...at, cellBytes: Math.max(MIN_CELL_BYTES, 2 * average) });
  seenOf.set(run, seen);
  const grid = rawGrid(values);
  return {
    sheet,
    table: read.table?.name ?? null,
    grid: read.table?.showTotals === true ? grid.slice(0, -1) : grid,
    origin: originOf(read.range.address, sheet),
  };
}

/**
 * Queues the values of the input within the window, taken from a range that is never a null object
 * (the table's range, the sheet's used range — A1 on an empty sheet —, the selection): at most the
 * window's cells, whatever the input's size.
 */
function queueWindow(context: Excel.RequestContext, choice: InputChoice, window: Placement): Excel.Range {
  const workbook = context.workbook;
  const source =
    "table" in choice
      ? workbook.tables.getItem(choice.table).getRange()
      : "sheet" in choice
        ? workbook.worksheets.getItem(choice.sheet).getUsedRange(true)
        : workbook.getSelectedRange();
  const last = a1(window.row + window.rows - 1, window.col + window.cols - 1);
  const range = source.getIntersectionOrNullObject(`${a1(window.row, window.col)}:${last}`);
  range.load("values,address");
  return range;
}

/**
 * The input's first rows as the window holds them: all of the input's columns from its top row
 * down; none when the window does not hold the input's top-left part (the input moved, or is wider
 * than the window).
 */
function topRows(window: Excel.Range | undefined, input: Placement): unknown[][] {
  if (window === undefined || window.isNullObject) return [];
  const values = window.values;
  const at = parseA1(originOf(window.address).topLeft);
  const width = values[0]?.length ?? 0;
  const left = input.col - at.col;
  if (at.row > input.row || left < 0 || left + input.cols > width) return [];
  const from = input.row - at.row;
  const to = Math.min(values.length, from + input.rows);
  const rows = values.slice(from, to);
  return left === 0 && width === input.cols ? rows : rows.map((r) => r.slice(left, left + input.cols));
}

/**
 * The snapshot read, its input's values within a bounded window in the first request (see
 * snapshotExcel); the rows below the window, in blocks of `blockBytes` at `cellBytes` a cell (or at
 * twice what the window's cells took, when it held at least SAMPLE_ROWS rows), one request each,
 * each waiting for the one before. Without a window, every row is read in blocks.
 * The runner remembers where the input is and what its cells took, for the next read's window.
 */
async function snapshotRead(
  run: ExcelRunner,
  choice: InputChoice,
  window: Placement | null,
  sizes: { readonly blockBytes: number; readonly cellBytes: number },
): Promise<WorkbookSnapshot> {
  const queueExtra =
    window === null ? undefined : (context: Excel.RequestContext) => queueWindow(context, choice, window);
  return readWorkbook<WorkbookSnapshot, Excel.Range | undefined>(
    run,
    choice,
    false,
    async ({ context, q, sheets, located, extra, facilities }) => {
      if (located.address === null) return snapshotOf(q, located, [], sheets, facilities);
      const top = parseA1(originOf(located.address).topLeft);
      const input = { ...top, rows: q.input.range.rowCount, cols: q.input.range.columnCount };
      const topValues = topRows(extra, input);
      const grid = rawGrid(topValues);
      let bytes = jsonBytes(topValues);
      // The window's rows, when enough of them, say what the rows below take (twice, at least 20).
      const cells = Math.max(1, input.cols);
      const cellBytes =
        topValues.length >= SAMPLE_ROWS
          ? Math.max(MIN_CELL_BYTES, (2 * bytes) / (topValues.length * cells))
          : sizes.cellBytes;
      const blockRows = Math.max(1, Math.floor(sizes.blockBytes / (cells * cellBytes)));
      const sheet = context.workbook.worksheets.getItem(located.sheet);
      const readBlock = async (first: number): Promise<void> => {
        if (first >= input.rows) return;
        const count = Math.min(blockRows, input.rows - first);
        const block = sheet.getRangeByIndexes(input.row + first, input.col, count, input.cols);
        block.load("values");
        await context.sync();
        bytes += jsonBytes(block.values);
        grid.push(...rawGrid(block.values));
        return readBlock(first + count);
      };
      await readBlock(grid.length);
      const seen = seenOf.get(run) ?? new Map<string, Seen>();
      const average = bytes / Math.max(1, input.rows * input.cols);
      seen.set(choiceKey(choice), { ...input, cellBytes: Math.max(MIN_CELL_BYTES, 2 * average) });
      seenOf.set(run, seen);
      return snapshotOf(q, located, grid, sheets, facilities);
    },
    queueExtra,
  );
}

/**
 * What the workbook holds that the product reads — the same snapshot the .xlsx adapter makes:
 * - the input: a table (its range's values, header included, totals row dropped; origin at its
 *   top-left), a sheet's used range, or the selection;
 * - the parameters of a previous run (names `CTG_CoutHT`… pointing at the product's parameters
 *   sheet), its communes table, its scenarios sheet, the fingerprint of the formulas it wrote (the
 *   workbook name `CTG_Empreinte`, null when absent or not a string constant), and the names the
 *   user's sheets and tables take;
 * - the bonus territoire's (issue #14): the facilities table `Équipements CTG` (see facilityRefOf;
 *   null when there is none), and the value and cell of every workbook name `CTG_B_…` on the
 *   product's parameters sheet (empty when there is none).
 *
 * One request (one `context.sync()`) for an input that fits one response; two on a session's first
 * read of a workbook a previous run wrote into, or holding a facilities table (its objects are read
 * once the collections show them, never through a null object: see the top of this file). A
 * facilities table the runner knows of takes up to 500 KB estimated of the first response (781 rows
 * of 16 columns at 40 bytes a cell; its rows below in blocks of 2 MB), and the input's window that
 * much less: the values of the first response stay within 4 MB estimated.
 *
 * The input's size is not known before the first request, and Excel on the web refuses a response
 * above 5 MB (ResponsePayloadSizeLimitExceeded) — a refused response is a wasted round trip. So the
 * first request never asks for more values than fit: with everything else, it loads the input's
 * address and size, and its values within a window of at most 4 MB estimated — at 40 bytes a cell
 * (estimated high: see CELL_BYTES) 12 500 rows of 8 columns from A1 while the runner has not read
 * this input; after a read, from where the runner last found it, as wide as it was (at least 8
 * columns), at twice the bytes a cell then took (at least 20). An input inside the window (the
 * funding table up to 12 499 rows) is read in that one request; the rows below it are read in
 * blocks of 2 MB estimated (`blockBytes`) at twice the bytes the window's cells took (at least 20),
 * one request each: 100 000 rows of 5 columns take 1 + 5 requests when the pane opens, 1 + 4 on the
 * next reads (the funding table's cells take about 10 bytes), none refused. Only an input the window does not hold from its top-left cell (moved since
 * the last read, or wider than the window) is read in blocks from its first row. Loading the size
 * first and the values in a second request would cost every small input a round trip; loading
 * every value at once costs a large one a refused response.
 *
 * Cells taking more than estimated (long texts, or longer ones typed since the last read) can still
 * make a response too large: then the input is read again in blocks from its first row. A table or sheet that is not there costs one
 * more request, to list what there is.
 *
 * @param run - the Excel runner (see excelRunner)
 * @param choice - the table, the sheet, or the selection
 * @param options - block size for large inputs
 * @returns the snapshot
 * @throws ExcelHostError: `TableNotFound` / `SheetNotFound` when the input is not one of the user's,
 *   or an Office error explained
 */
export async function snapshotExcel(
  run: ExcelRunner,
  choice: InputChoice,
  options: SnapshotOptions = {},
): Promise<WorkbookSnapshot> {
  const blockBytes = options.blockBytes ?? 2_000_000;
  const last = seenOf.get(run)?.get(choiceKey(choice));
  const cellBytes = last?.cellBytes ?? CELL_BYTES;
  // The facilities table the runner knows of is read in the same first request: its window is taken off the input's.
  const facilities = knownOf.get(run)?.facilities ?? null;
  const budget = FIRST_VALUES_BYTES - (facilities === null ? 0 : FACILITY_VALUES_BYTES);
  try {
    return await snapshotRead(run, choice, windowOf(last, WINDOW_COLUMNS, budget), { blockBytes, cellBytes });
  } catch (err) {
    if (err instanceof ExcelHostError && err.code === "ResponsePayloadSizeLimitExceeded") {
      // Cells above the estimate: blocks at no fewer than CELL_BYTES a cell.
      return snapshotRead(run, choice, null, { blockBytes, cellBytes: Math.max(CELL_BYTES, cellBytes) });
    }
    throw err;
  }
}
