/**
 * What both adapters share: a snapshot of what a workbook holds (read by the .xlsx package reader or
 * by Office.js), and the one way from it to a plan and a report. Pure: no Office.js, no file format.
 */

import { gridAddress, sheetRowNumber, parseA1 } from "../core/cell";
import { COMMUNES } from "../core/communes";
import { readParams, type ParamInputs, type PlanParamName } from "../core/params";
import { computePlanFromColumns } from "../core/plan";
import { fundingColumns, readFundingTable } from "../core/reader";
import { readCommunesTable } from "../core/reference";
import {
  applyScenarioEdits,
  defaultScenario,
  mergeScenarios,
  planScenario,
  readScenarios,
  scenarioFromSpec,
  type Scenario,
  type ScenarioPlan,
  type ScenarioEdit,
  type ScenarioSpec,
} from "../core/scenarios";
import type {
  Basin,
  ColumnMapping,
  Commune,
  Field,
  FundingRow,
  GridOrigin,
  Issue,
  Lang,
  Plan,
  RawGrid,
  ReadResult,
} from "../core/types";
import { FIELDS } from "../core/types";
import { buildReport, formulasKey, type BuildReportOptions, type InputSource, type Report } from "../report";

/** The funding table as read from the workbook. */
export interface InputSnapshot {
  readonly sheet: string;
  /** The Excel table's name, or null for a plain range. */
  readonly table: string | null;
  /** The table's column names (null for a plain range). */
  readonly tableColumns: readonly string[] | null;
  readonly grid: RawGrid;
  /** For a table, the top-left of its header row (of its first data row when the header is hidden). */
  readonly origin: GridOrigin;
  /** A table whose header row is hidden: its grid has no header, so its columns cannot be read. */
  readonly headerHidden?: boolean;
}

/** What a workbook holds that the product reads. */
export interface WorkbookSnapshot {
  readonly input: InputSnapshot;
  /** The values behind the parameter names (`CTG_CoutHT`…) of a previous run, with their cells. */
  readonly parameters: ParamInputs;
  /** A previous run's `Communes CTG` table, header row first; null when there is none. */
  readonly communes: { readonly grid: RawGrid; readonly origin: GridOrigin } | null;
  /**
   * A previous run's `Scénarios CTG` sheet (issue #5): its used range, or null when the workbook has
   * none (the report then writes the default scenario). Left out (undefined) by an adapter that does
   * not read scenarios: the report then has no scenario sheets at all, as before issue #5.
   */
  readonly scenarios?: { readonly grid: RawGrid; readonly origin: GridOrigin } | null;
  /**
   * The fingerprint of the formulas the last generation wrote (the workbook name `CTG_Empreinte`,
   * `"<lang>:<hex>"`): the pane compares it with the formulas it would write now to tell whether the
   * summary is out of date. Null when the workbook has none (never generated, or before this name
   * existed); left out by an adapter that does not read it.
   */
  readonly formulasKey?: string | null;
  /**
   * Whether the last generation in Excel wrote the whole summary (the workbook name `CTG_Complet`):
   * false when it was interrupted (the pane asks to generate again), null or absent when unknown.
   */
  readonly complete?: boolean | null;
  /** Sheet and table names of the user's own (not the product's). */
  readonly taken: { readonly sheets: readonly string[]; readonly tables: readonly string[] };
}

export interface PipelineOptions extends PaneScenarioOptions {
  /** Parameters given by the user (flags, the pane): they win over the workbook's. */
  readonly params?: ParamInputs;
  /** A column mapping chosen by the user. */
  readonly mapping?: ColumnMapping;
  /**
   * Scenarios to add to the workbook's (the command line's `--scenario`): one with the name of a
   * scenario already there replaces it. When the workbook holds none, the default scenario
   * (« Paramètres actuels », named in `lang`) comes first. Dated `date` (ISO day).
   */
  readonly addScenarios?: {
    readonly specs: readonly ScenarioSpec[];
    readonly lang: Lang;
    readonly date: string;
  };
}

/** The options of the task pane's scenario actions (see {@link PipelineOptions}). */
export interface PaneScenarioOptions {
  /**
   * Scenario edits made in the task pane (save, rename, delete), applied to the workbook's scenarios
   * (or to the default scenario when it holds none) and written by the next generation.
   */
  readonly scenarioEdits?: readonly ScenarioEdit[];
  /**
   * Communes placed in another basin (INSEE code → basin), as applying a scenario that moves them
   * does: the reference (`Communes CTG`) is read with these basins, and written so.
   */
  readonly basinMoves?: Readonly<Record<string, Basin>>;
  /** The language and day of the default scenario, when edits start from it. */
  readonly lang?: Lang;
  readonly date?: string;
}

export interface PipelineResult {
  readonly read: ReadResult;
  readonly reference: readonly Commune[];
  readonly plan: Plan | null;
  readonly rows: readonly FundingRow[];
  /** Every issue: reference, reader, parameters, plan. */
  readonly issues: readonly Issue[];
  readonly source: InputSource | null;
  /** Whether an error stands in the way of writing. */
  readonly blocked: boolean;
  /**
   * The workbook's scenarios and their plans, in column order: empty when the workbook holds none
   * (the report then writes the default scenario); absent when the snapshot did not read scenarios
   * (the report then has no scenario sheets).
   */
  readonly scenarios?: readonly ScenarioPlan[];
}

/** The reference the workbook says (a previous run's `Communes CTG`), else the built-in one. */
function referenceOf(snapshot: WorkbookSnapshot): { communes: readonly Commune[]; issues: Issue[] } {
  if (snapshot.communes === null) return { communes: COMMUNES, issues: [] };
  const result = readCommunesTable(snapshot.communes.grid, snapshot.communes.origin, COMMUNES);
  return result.communes.length === 0 ? { communes: COMMUNES, issues: result.issues } : result;
}

/** The reference with the communes the user moved placed in their new basin. */
function withBasinMoves(
  reference: { communes: readonly Commune[]; issues: Issue[] },
  moves: Readonly<Record<string, Basin>> | undefined,
): { communes: readonly Commune[]; issues: Issue[] } {
  if (moves === undefined || Object.keys(moves).length === 0) return reference;
  const communes = reference.communes.map((c) => {
    const basin = Object.prototype.hasOwnProperty.call(moves, c.insee) ? moves[c.insee] : undefined;
    return basin === undefined || basin === c.basin ? c : { ...c, basin };
  });
  return { communes, issues: reference.issues };
}

/** Where the input's mapped columns are, for the report's formulas. */
function sourceOf(input: InputSnapshot, read: ReadResult): InputSource {
  const left = parseA1(input.origin.topLeft).col;
  const columns: Partial<Record<Field, { col: number; name: string }>> = {};
  for (const f of FIELDS) {
    const c = read.mapping[f];
    if (c === undefined) continue;
    columns[f] = { col: left + c, name: input.tableColumns?.[c] ?? read.headers[c] ?? "" };
  }
  return {
    sheet: input.sheet,
    table: input.table,
    firstRow: sheetRowNumber(input.origin, read.headerRow + 1),
    lastRow: sheetRowNumber(input.origin, Math.max(input.grid.length - 1, read.headerRow + 1)),
    columns,
  };
}

/**
 * From a workbook snapshot to the plan: reads the reference, the funding table and the parameters,
 * computes the plan, and gathers every issue.
 *
 * @param snapshot - what the workbook holds
 * @param options - the user's parameters and mapping
 * @returns the plan (null when the table could not be read), the rows, the issues and the source
 */
export function planFromSnapshot(snapshot: WorkbookSnapshot, options: PipelineOptions = {}): PipelineResult {
  const reference = withBasinMoves(referenceOf(snapshot), options.basinMoves);
  if (snapshot.input.table !== null && snapshot.input.headerHidden === true) {
    // Reading the first data row as the header would report columns as missing: say what it is.
    const issue: Issue = {
      code: "table-header-hidden",
      severity: "error",
      cell: gridAddress(snapshot.input.origin, 0, 0),
      data: { table: snapshot.input.table },
    };
    return {
      read: { headerRow: -1, headers: [], mapping: {}, rows: [], issues: [issue] },
      reference: reference.communes,
      plan: null,
      rows: [],
      issues: [...reference.issues, issue],
      source: null,
      blocked: true,
    };
  }
  const read = readFundingTable(snapshot.input.grid, {
    origin: snapshot.input.origin,
    communes: reference.communes,
    ...(snapshot.input.table !== null ? { headerRow: 0 } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const paramInputs: ParamInputs = { ...snapshot.parameters, ...(options.params ?? {}) };
  const params = readParams(paramInputs);
  const cells = Object.fromEntries(Object.entries(paramInputs).map(([k, v]) => [k, v?.cell ?? k])) as Partial<
    Record<PlanParamName, string>
  >;
  // A key left at its default has no cell of its own: a key that sums to zero (no CEJ amount at all) is
  // then best shown on the amount column's header.
  if (cells.key === undefined && read.mapping.amount !== undefined && read.headerRow >= 0) {
    cells.key = gridAddress(snapshot.input.origin, read.headerRow, read.mapping.amount);
  }
  const issues: Issue[] = [...reference.issues, ...read.issues, ...params.issues];
  const scenariosRead =
    snapshot.scenarios === undefined || snapshot.scenarios === null
      ? null
      : readScenarios(snapshot.scenarios.grid, snapshot.scenarios.origin, reference.communes, params.params);
  if (scenariosRead !== null) issues.push(...scenariosRead.issues);
  const added = (options.addScenarios?.specs ?? []).map((spec) =>
    scenarioFromSpec(spec, params.params, reference.communes, options.addScenarios?.date ?? ""),
  );
  for (const a of added) issues.push(...a.issues);
  const hasError = (list: readonly Issue[]): boolean => list.some((i) => i.severity === "error");
  if (hasError(issues) || read.headerRow < 0) {
    return {
      read,
      reference: reference.communes,
      plan: null,
      get rows() {
        return read.rows;
      },
      issues,
      source: null,
      blocked: true,
    };
  }
  // The plan reads the rows as columns; `rows` are made only for whoever asks for them.
  const columns = fundingColumns(read);
  const plan = computePlanFromColumns(columns, params.params, reference.communes, { cells });
  issues.push(...plan.issues);
  let scenarioList: Scenario[] | undefined =
    snapshot.scenarios === undefined && added.length === 0
      ? undefined
      : [...(scenariosRead?.scenarios ?? [])];
  if (scenarioList !== undefined && added.length > 0 && options.addScenarios !== undefined) {
    const { lang, date } = options.addScenarios;
    const base = scenarioList.length > 0 ? scenarioList : [defaultScenario(params.params, lang, date)];
    scenarioList = mergeScenarios(
      base,
      added.map((a) => a.scenario),
    );
  }
  const edits = options.scenarioEdits ?? [];
  if (edits.length > 0) {
    // The default scenario holds the workbook's parameters, not the pane's edits (those may be saved
    // as a scenario of their own).
    const workbookParams = readParams(snapshot.parameters);
    const current = workbookParams.issues.length === 0 ? workbookParams.params : params.params;
    const base =
      scenarioList !== undefined && scenarioList.length > 0
        ? scenarioList
        : [defaultScenario(current, options.lang ?? "fr", options.date ?? "")];
    scenarioList = applyScenarioEdits(base, edits);
  }
  const scenarios = scenarioList?.map((scenario) => ({
    scenario,
    plan: planScenario(columns, scenario, reference.communes),
  }));
  return {
    read,
    reference: reference.communes,
    plan,
    get rows() {
      return read.rows;
    },
    issues,
    source: sourceOf(snapshot.input, read),
    blocked: hasError(issues),
    ...(scenarios !== undefined ? { scenarios } : {}),
  };
}

/** SHA-256 (hex) of the values read, in a canonical JSON form. */
export async function hashGrid(grid: RawGrid): Promise<string> {
  const text = JSON.stringify(
    grid.map((row) => row.map((v) => (v instanceof Date ? v.toISOString() : (v ?? null)))),
  );
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The report of a result that nothing blocks.
 *
 * @param snapshot - the workbook snapshot the result came from
 * @param result - the pipeline's result
 * @param options - language, version and generation time
 * @returns the report
 * @throws Error when the result is blocked (a programming mistake: check `blocked` first)
 */
export async function reportFromResult(
  snapshot: WorkbookSnapshot,
  result: PipelineResult,
  options: { readonly lang: Lang; readonly version: string; readonly now?: Date },
): Promise<Report> {
  const build = buildOptions(snapshot, result, options.lang, {
    generatedAt: (options.now ?? new Date()).toISOString().replace(/\.\d+Z$/, "Z"),
    version: options.version,
    inputHash: await hashGrid(snapshot.input.grid),
  });
  if (build === null) throw new Error("reportFromResult: the result has errors; nothing may be written");
  return buildReport(build);
}

/** The report builder's options for a result (null when the result is blocked). */
function buildOptions(
  snapshot: WorkbookSnapshot,
  result: PipelineResult,
  lang: Lang,
  stamp: BuildReportOptions["stamp"],
): BuildReportOptions | null {
  if (result.blocked || result.plan === null || result.source === null) return null;
  return {
    plan: result.plan,
    rows: result.rows,
    warnings: result.issues.filter((i) => i.severity === "warning"),
    source: result.source,
    lang,
    stamp,
    taken: snapshot.taken,
    ...(result.scenarios !== undefined ? { scenarios: result.scenarios } : {}),
  };
}

/**
 * The fingerprint of the formulas a generation would write now (see report/fingerprint.ts): the pane
 * compares it with the workbook's `formulasKey` to tell whether the summary is out of date.
 *
 * @param snapshot - the workbook snapshot
 * @param result - the pipeline's result on it (without the pane's own edits)
 * @param lang - the language of the report (the one the stored fingerprint names)
 * @returns the fingerprint, or null when errors block the result
 */
export function formulasKeyOf(snapshot: WorkbookSnapshot, result: PipelineResult, lang: Lang): string | null {
  const build = buildOptions(snapshot, result, lang, {
    generatedAt: "1970-01-01T00:00:00Z",
    version: "",
    inputHash: "",
  });
  return build === null ? null : formulasKey(buildReport(build));
}
