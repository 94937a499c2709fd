import { cellText, parseA1, sheetRowNumber, toCell } from "../../core/cell";
import { COMMUNES } from "../../core/communes";
import { type ParamInputs, type ParamName, readParams } from "../../core/params";
import { computePlan } from "../../core/plan";
import { fieldOfHeader, readFundingTable } from "../../core/reader";
import { readCommunesTable } from "../../core/reference";
import type { Commune, Field, FundingRow, Issue, Lang, Plan, RawGrid } from "../../core/types";
import { FIELDS } from "../../core/types";
import { buildReport, type InputSource, PARAM_CELL_NAMES } from "../../report/build";
import { openPackage, type XlsxPackage } from "./package";
import { listSheets, listTables, readDefinedNames, readGrid, readTableGrid, type GridRead, type TableInfo } from "./read";
import { applyReport, takenNames } from "./write";

/** A problem with the command's request rather than with the data (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface SummarizeOptions {
  /** Read this Excel table. */
  readonly table?: string;
  /** Read this sheet (its table, if it holds one with a funding header, else its used range). */
  readonly sheet?: string;
  /** Parameters given on the command line or in the pane: they win over `Paramètres CTG`. */
  readonly params?: ParamInputs;
  readonly lang: Lang;
  readonly version: string;
  /** Generation time (tests pass a fixed one). */
  readonly now?: Date;
}

export interface SummarizeResult {
  readonly plan: Plan | null;
  readonly rows: readonly FundingRow[];
  /** Every issue: reference, reader, parameters, plan. */
  readonly issues: readonly Issue[];
  /** Where the funding rows were read. */
  readonly source: InputSource | null;
  /** The workbook with the summary sheets; null when an error blocks writing. */
  readonly output: Uint8Array | null;
}

/** Whether a header row names a commune (or INSEE) column and an amount column. */
function looksLikeFundingHeader(headers: readonly string[]): boolean {
  const fields = new Set(headers.map(fieldOfHeader));
  return (fields.has("commune") || fields.has("insee")) && fields.has("amount");
}

function unquoteSheet(s: string): string {
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** Where the funding rows are: a table, or a sheet's used range. */
type Located = { kind: "table"; table: TableInfo; read: GridRead & { sheet: string } } | { kind: "sheet"; sheet: string; read: GridRead };

function locateInput(pkg: XlsxPackage, options: SummarizeOptions): Located {
  const sheets = listSheets(pkg);
  const userSheets = sheets.filter((s) => !s.marked && s.type === "worksheet");
  const tables = listTables(pkg).filter((t) => userSheets.some((s) => s.name === t.sheet));
  const asTable = (t: TableInfo): Located => ({ kind: "table", table: t, read: readTableGrid(pkg, t.name) });
  if (options.table !== undefined) {
    const t = tables.find((x) => x.name.toLowerCase() === options.table?.toLowerCase());
    if (!t) {
      throw new UsageError(
        `table "${options.table}" not found; tables: ${tables.map((x) => x.name).join(", ") || "(none)"}`,
      );
    }
    return asTable(t);
  }
  if (options.sheet !== undefined) {
    const s = userSheets.find((x) => x.name.toLowerCase() === options.sheet?.toLowerCase());
    if (!s) {
      throw new UsageError(
        `sheet "${options.sheet}" not found; sheets: ${userSheets.map((x) => x.name).join(", ") || "(none)"}`,
      );
    }
    const t = tables.find((x) => x.sheet === s.name && looksLikeFundingHeader(x.columns));
    return t ? asTable(t) : { kind: "sheet", sheet: s.name, read: readGrid(pkg, s.name) };
  }
  const t = tables.find((x) => looksLikeFundingHeader(x.columns));
  if (t) return asTable(t);
  const visible = userSheets.filter((s) => s.state === "visible");
  if (visible.length === 0) {
    throw new UsageError("the workbook has no sheet of its own to read (only CTG Planner's sheets, or none)");
  }
  for (const s of visible) {
    const read = readGrid(pkg, s.name);
    const head = read.grid.slice(0, 50);
    if (head.some((row) => looksLikeFundingHeader(row.map((v) => cellText(toCell(v)))))) {
      return { kind: "sheet", sheet: s.name, read };
    }
  }
  const first = visible[0];
  if (first === undefined) throw new UsageError("the workbook has no sheet to read");
  return { kind: "sheet", sheet: first.name, read: readGrid(pkg, first.name) };
}

/** The workbook's `Communes CTG` table (a previous run's, perhaps edited), else the built-in reference. */
function readReference(pkg: XlsxPackage): { communes: readonly Commune[]; issues: Issue[] } {
  const sheet = listSheets(pkg).find((s) => s.productKind === "communes");
  if (!sheet) return { communes: COMMUNES, issues: [] };
  const table = listTables(pkg).find((t) => t.sheet === sheet.name);
  if (!table) return { communes: COMMUNES, issues: [] };
  const read = readTableGrid(pkg, table.name);
  const result = readCommunesTable(read.grid, read.origin, COMMUNES);
  return result.communes.length === 0 ? { communes: COMMUNES, issues: result.issues } : result;
}

/** Parameters from the workbook's `Paramètres CTG` (through its names), overridden by `given`. */
function readParamInputs(pkg: XlsxPackage, given: ParamInputs | undefined): ParamInputs {
  const inputs: Partial<Record<ParamName, { value: RawGrid[number][number]; cell: string }>> = {};
  const names = readDefinedNames(pkg).filter((n) => n.localSheetId === undefined);
  const grids = new Map<string, GridRead>();
  const productSheets = new Set(listSheets(pkg).filter((s) => s.productKind === "parameters").map((s) => s.name));
  for (const [param, name] of Object.entries(PARAM_CELL_NAMES) as [ParamName, string][]) {
    const def = names.find((n) => n.name === name);
    const m = def ? /^(.*)!\$?([A-Z]{1,3})\$?(\d+)$/.exec(def.value) : null;
    if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) continue;
    const sheet = unquoteSheet(m[1]);
    if (!productSheets.has(sheet)) continue;
    let g = grids.get(sheet);
    if (!g) {
      g = readGrid(pkg, sheet, "A1:C20");
      grids.set(sheet, g);
    }
    const top = parseA1(g.origin.topLeft);
    const at = parseA1(`${m[2]}${m[3]}`);
    const value = g.grid[at.row - top.row]?.[at.col - top.col] ?? null;
    inputs[param] = { value, cell: `${m[1]}!${m[2]}${m[3]}` };
  }
  return { ...inputs, ...(given ?? {}) };
}

/** SHA-256 (hex) of the values read, in a canonical JSON form. */
export async function hashGrid(grid: RawGrid): Promise<string> {
  const text = JSON.stringify(grid.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : (v ?? null)))));
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The columns of the input, for the report's formulas. */
function sourceOf(located: Located, headerRow: number, mapping: Partial<Record<Field, number>>, headers: readonly string[]): InputSource {
  const { origin, grid } = located.read;
  const left = parseA1(origin.topLeft).col;
  const columns: Partial<Record<Field, { col: number; name: string }>> = {};
  for (const f of FIELDS) {
    const c = mapping[f];
    if (c === undefined) continue;
    const name = located.kind === "table" ? (located.table.columns[c] ?? headers[c] ?? "") : (headers[c] ?? "");
    columns[f] = { col: left + c, name };
  }
  return {
    sheet: located.kind === "table" ? located.read.sheet : located.sheet,
    table: located.kind === "table" ? located.table.name : null,
    firstRow: sheetRowNumber(origin, headerRow + 1),
    lastRow: sheetRowNumber(origin, Math.max(grid.length - 1, headerRow + 1)),
    columns,
  };
}

/**
 * Reads the funding table of a workbook file, computes the plan and, when no error stands in the way,
 * adds the summary sheets to the workbook (replacing those of an earlier run).
 *
 * @param bytes - the .xlsx file
 * @param options - where to read, parameters, language, version
 * @returns the plan, the issues, and the new workbook (null on errors)
 * @throws WorkbookFileError when the file is not a readable workbook; UsageError when the table or sheet asked for is missing
 */
export async function summarizeWorkbook(bytes: Uint8Array, options: SummarizeOptions): Promise<SummarizeResult> {
  const pkg = openPackage(bytes);
  const located = locateInput(pkg, options);
  const reference = readReference(pkg);
  const read = readFundingTable(located.read.grid, {
    origin: located.read.origin,
    communes: reference.communes,
    ...(located.kind === "table" ? { headerRow: 0 } : {}),
  });
  const paramInputs = readParamInputs(pkg, options.params);
  const params = readParams(paramInputs);
  const cells = Object.fromEntries(Object.entries(paramInputs).map(([k, v]) => [k, v?.cell ?? k])) as Partial<Record<ParamName, string>>;
  const issues: Issue[] = [...reference.issues, ...read.issues, ...params.issues];
  const blocked = (list: readonly Issue[]): boolean => list.some((i) => i.severity === "error");
  if (blocked(issues) || read.headerRow < 0) {
    return { plan: null, rows: read.rows, issues, source: null, output: null };
  }
  const plan = computePlan(read.rows, params.params, reference.communes, { cells });
  issues.push(...plan.issues);
  const source = sourceOf(located, read.headerRow, read.mapping, read.headers);
  if (blocked(issues)) return { plan, rows: read.rows, issues, source, output: null };

  const report = buildReport({
    plan,
    rows: read.rows,
    warnings: issues.filter((i) => i.severity === "warning"),
    source,
    lang: options.lang,
    stamp: {
      generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
      version: options.version,
      inputHash: await hashGrid(located.read.grid),
    },
    taken: takenNames(pkg),
  });
  return { plan, rows: read.rows, issues, source, output: applyReport(bytes, report) };
}
