import { cellText, parseA1, toCell } from "../../core/cell";
import type { ParamInputs, PlanParamName } from "../../core/params";
import { fieldOfHeader } from "../../core/reader";
import { defaultScenario, type ScenarioPlan, type ScenarioSpec } from "../../core/scenarios";
import type { FundingRow, Issue, Lang, Plan, RawValue } from "../../core/types";
import {
  FORMULAS_KEY_NAME,
  PARAM_CELL_NAMES,
  PLAN_PARAM_CELL_NAMES,
  formulasKeyOfName,
  COMPLETE_NAME,
  type InputSource,
} from "../../report";
import { planFromSnapshot, reportFromResult, type PipelineOptions, type WorkbookSnapshot } from "../pipeline";
import { openPackage, type XlsxPackage } from "./package";
import {
  listSheets,
  listTables,
  readDefinedNames,
  readGrid,
  readTableGrid,
  type GridRead,
  type TableInfo,
} from "./read";
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
  /** Scenarios to add to the workbook's (`--scenario`); one named like a scenario already there replaces it. */
  readonly addScenarios?: readonly ScenarioSpec[];
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
  /** The scenarios written, with their plans (the default one when the workbook held none); empty on errors. */
  readonly scenarios: readonly ScenarioPlan[];
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
type Located =
  | { kind: "table"; table: TableInfo; read: GridRead & { sheet: string } }
  | { kind: "sheet"; sheet: string; read: GridRead };

function locateInput(pkg: XlsxPackage, options: { table?: string; sheet?: string }): Located {
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

/** A previous run's `Communes CTG` table, if any. */
function readCommunesGrid(pkg: XlsxPackage): WorkbookSnapshot["communes"] {
  const sheet = listSheets(pkg).find((s) => s.productKind === "communes");
  const table = sheet ? listTables(pkg).find((t) => t.sheet === sheet.name) : undefined;
  if (!table) return null;
  const read = readTableGrid(pkg, table.name);
  return { grid: read.grid, origin: read.origin };
}

/** A previous run's `Scénarios CTG` sheet, if any: its used range. */
function readScenariosGrid(pkg: XlsxPackage): WorkbookSnapshot["scenarios"] {
  const sheet = listSheets(pkg).find((s) => s.productKind === "scenarios");
  if (!sheet) return null;
  const read = readGrid(pkg, sheet.name);
  return { grid: read.grid, origin: read.origin };
}

/** Parameters from a previous run's `Paramètres CTG`, through its names. */
function readParamInputs(
  pkg: XlsxPackage,
  cellNames: Readonly<Partial<Record<PlanParamName, string>>>,
): ParamInputs {
  const inputs: Partial<Record<PlanParamName, { value: RawValue; cell: string }>> = {};
  const names = readDefinedNames(pkg).filter((n) => n.localSheetId === undefined);
  const grids = new Map<string, GridRead>();
  const productSheets = new Set(
    listSheets(pkg)
      .filter((s) => s.productKind === "parameters")
      .map((s) => s.name),
  );
  for (const [param, name] of Object.entries(cellNames) as [PlanParamName, string][]) {
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
  return inputs;
}

/** The fingerprint of the formulas the last generation wrote (the name `CTG_Empreinte`), or null. */
function readFormulasKey(pkg: XlsxPackage): string | null {
  const def = readDefinedNames(pkg).find((n) => n.localSheetId === undefined && n.name === FORMULAS_KEY_NAME);
  return def === undefined ? null : formulasKeyOfName(def.value);
}

/** Whether the last generation finished (the name `CTG_Complet`: TRUE / FALSE), null when absent. */
function readComplete(pkg: XlsxPackage): boolean | null {
  const def = readDefinedNames(pkg).find((n) => n.localSheetId === undefined && n.name === COMPLETE_NAME);
  const value = def?.value.replace(/^=/, "").trim().toUpperCase();
  return value === "TRUE" ? true : value === "FALSE" ? false : null;
}

/** Options of {@link snapshotPackage}. */
export interface SnapshotOptions {
  /**
   * Read the Caf base (`CTG_BaseCaf`) and the scenarios sheet too (default). `false` reads only the
   * five original parameters and the communes: the report then has no scenario sheets.
   */
  readonly extended?: boolean;
}

/**
 * What a workbook file holds that the product reads.
 *
 * @param pkg - the opened package
 * @param choice - the table or sheet to read; auto-detected when absent
 * @param options - whether to read the Caf base and the scenarios too
 * @returns the snapshot
 * @throws UsageError when the table or sheet asked for is missing, or there is no sheet to read
 */
export function snapshotPackage(
  pkg: XlsxPackage,
  choice: { table?: string; sheet?: string } = {},
  options: SnapshotOptions = {},
): WorkbookSnapshot {
  const located = locateInput(pkg, choice);
  return {
    input: {
      sheet: located.kind === "table" ? located.read.sheet : located.sheet,
      table: located.kind === "table" ? located.table.name : null,
      tableColumns: located.kind === "table" ? located.table.columns : null,
      ...(located.kind === "table" && located.table.headerRowCount === 0 ? { headerHidden: true } : {}),
      grid: located.read.grid,
      origin: located.read.origin,
    },
    parameters: readParamInputs(pkg, options.extended === false ? PARAM_CELL_NAMES : PLAN_PARAM_CELL_NAMES),
    communes: readCommunesGrid(pkg),
    taken: takenNames(pkg),
    ...(options.extended === false
      ? {}
      : {
          scenarios: readScenariosGrid(pkg),
          formulasKey: readFormulasKey(pkg),
          complete: readComplete(pkg),
        }),
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
export async function summarizeWorkbook(
  bytes: Uint8Array,
  options: SummarizeOptions,
): Promise<SummarizeResult> {
  const snapshot = snapshotOfFile(bytes, options);
  const result = planFromSnapshot(snapshot, pipelineOptions(options));
  const base = { plan: result.plan, rows: result.rows, issues: result.issues, source: result.source };
  if (result.blocked || result.plan === null) return { ...base, output: null, scenarios: [] };
  const report = await reportFromResult(snapshot, result, options);
  return {
    ...base,
    output: applyReport(bytes, report),
    scenarios: scenariosOf(result.plan, result.scenarios, options),
  };
}

/** The pipeline's options from the command's. */
function pipelineOptions(options: {
  readonly params?: ParamInputs;
  readonly addScenarios?: readonly ScenarioSpec[];
  readonly lang: Lang;
  readonly now?: Date;
}): PipelineOptions {
  return {
    ...(options.params ? { params: options.params } : {}),
    ...(options.addScenarios !== undefined && options.addScenarios.length > 0
      ? {
          addScenarios: {
            specs: options.addScenarios,
            lang: options.lang,
            date: (options.now ?? new Date()).toISOString().slice(0, 10),
          },
        }
      : {}),
  };
}

/** The scenarios as the report writes them: the workbook's, or the default one. */
function scenariosOf(
  plan: Plan,
  scenarios: readonly ScenarioPlan[] | undefined,
  options: { readonly lang: Lang; readonly now?: Date },
): readonly ScenarioPlan[] {
  if (scenarios !== undefined && scenarios.length > 0) return scenarios;
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  return [{ scenario: defaultScenario(plan.params, options.lang, date), plan }];
}

export interface ScenariosResult {
  readonly plan: Plan | null;
  /** Every issue: reference, reader, parameters, plan, scenarios. */
  readonly issues: readonly Issue[];
  /** The workbook's scenarios with their plans (the default one when it holds none); empty on errors. */
  readonly scenarios: readonly ScenarioPlan[];
}

/** The snapshot of a file, read from the table or sheet asked for (else the one found). */
function snapshotOfFile(
  bytes: Uint8Array,
  options: { readonly table?: string; readonly sheet?: string },
): WorkbookSnapshot {
  return snapshotPackage(openPackage(bytes), {
    ...(options.table !== undefined ? { table: options.table } : {}),
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
  });
}

/**
 * Reads a workbook's scenarios and computes each one's plan, writing nothing (`ctg-planner scenarios`).
 *
 * @param bytes - the .xlsx file
 * @param options - where to read, language (of the default scenario's name), time
 * @returns the plan, the scenarios and their plans, the issues
 * @throws WorkbookFileError when the file is not a readable workbook; UsageError when the table or sheet asked for is missing
 */
export function workbookScenarios(
  bytes: Uint8Array,
  options: { readonly table?: string; readonly sheet?: string; readonly lang: Lang; readonly now?: Date },
): ScenariosResult {
  const snapshot = snapshotOfFile(bytes, options);
  const result = planFromSnapshot(snapshot);
  if (result.blocked || result.plan === null)
    return { plan: result.plan, issues: result.issues, scenarios: [] };
  return {
    plan: result.plan,
    issues: result.issues,
    scenarios: scenariosOf(result.plan, result.scenarios, options),
  };
}
