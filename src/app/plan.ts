/**
 * The one way from a workbook snapshot to a plan: reads the reference, the funding table, the
 * parameters and the scenarios, computes the plan, and gathers every issue. Pure: no Office.js, no
 * file format; both adapters' snapshots go through it.
 */

import {
  gridAddress,
  sheetRowNumber,
  parseA1,
  COMMUNES,
  readParams,
  type ParamInputs,
  type PlanParamName,
  computePlanFromColumns,
  fundingColumns,
  readFundingTable,
  readCommunesTable,
  applyScenarioEdits,
  defaultScenario,
  mergeScenarios,
  planScenario,
  readScenarios,
  scenarioFromSpec,
  type Scenario,
  type ScenarioEdit,
  type ScenarioSpec,
  type Basin,
  type ColumnMapping,
  type Commune,
  type Field,
  type FundingRow,
  type Issue,
  type Lang,
  type PlanParams,
  type ReadResult,
  FIELDS,
} from "../core";
import type { InputSource } from "../report";
import { bonusStep } from "./bonus";
import type { BlockedResult, PipelineResult, Planned } from "./result";
import type { InputSnapshot, WorkbookSnapshot } from "./snapshot";

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

type Reference = { readonly communes: readonly Commune[]; readonly issues: readonly Issue[] };

/** The reference the workbook says (a previous run's `Communes CTG`), else the built-in one. */
function referenceOf(snapshot: WorkbookSnapshot): Reference {
  if (snapshot.communes === null) return { communes: COMMUNES, issues: [] };
  const result = readCommunesTable(snapshot.communes.grid, snapshot.communes.origin, COMMUNES);
  return result.communes.length === 0 ? { communes: COMMUNES, issues: result.issues } : result;
}

/** The reference with the communes the user moved placed in their new basin. */
function withBasinMoves(reference: Reference, moves: Readonly<Record<string, Basin>> | undefined): Reference {
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

/** A table whose header row is hidden: reading its first data row as the header would report columns as missing. */
function headerHiddenResult(snapshot: WorkbookSnapshot, reference: Reference): BlockedResult | null {
  const input = snapshot.input;
  if (input.table === null || input.headerHidden !== true) return null;
  const issue: Issue = {
    code: "table-header-hidden",
    severity: "error",
    cell: gridAddress(input.origin, 0, 0),
    data: { table: input.table },
  };
  return {
    status: "blocked",
    read: { headerRow: -1, headers: [], mapping: {}, rows: [], issues: [issue] },
    reference: reference.communes,
    plan: null,
    rows: [],
    issues: [...reference.issues, issue],
  };
}

/** The parameters' cells, for the plan's issues. */
function paramCells(
  snapshot: WorkbookSnapshot,
  paramInputs: ParamInputs,
  read: ReadResult,
): Partial<Record<PlanParamName, string>> {
  const cells = Object.fromEntries(Object.entries(paramInputs).map(([k, v]) => [k, v?.cell ?? k])) as Partial<
    Record<PlanParamName, string>
  >;
  // A key left at its default has no cell of its own: a key that sums to zero (no CEJ amount at all) is
  // then best shown on the amount column's header.
  if (cells.key === undefined && read.mapping.amount !== undefined && read.headerRow >= 0) {
    cells.key = gridAddress(snapshot.input.origin, read.headerRow, read.mapping.amount);
  }
  return cells;
}

/** The workbook's scenarios and those the options add, as read (before any plan). */
interface ScenarioInputs {
  readonly read: readonly Scenario[];
  readonly added: readonly Scenario[];
  readonly issues: readonly Issue[];
}

function readScenarioInputs(
  snapshot: WorkbookSnapshot,
  reference: Reference,
  params: PlanParams,
  options: PipelineOptions,
): ScenarioInputs {
  const sheet = snapshot.scenarios;
  const read = sheet === null ? null : readScenarios(sheet.grid, sheet.origin, reference.communes, params);
  const added = (options.addScenarios?.specs ?? []).map((spec) =>
    scenarioFromSpec(spec, params, reference.communes, options.addScenarios?.date ?? ""),
  );
  return {
    read: read?.scenarios ?? [],
    added: added.map((a) => a.scenario),
    issues: [...(read?.issues ?? []), ...added.flatMap((a) => a.issues)],
  };
}

/** The scenarios to write: the workbook's, with the added ones merged in and the pane's edits applied. */
function scenarioList(
  snapshot: WorkbookSnapshot,
  inputs: ScenarioInputs,
  params: PlanParams,
  options: PipelineOptions,
): readonly Scenario[] {
  let list: readonly Scenario[] = inputs.read;
  if (inputs.added.length > 0 && options.addScenarios !== undefined) {
    const { lang, date } = options.addScenarios;
    list = mergeScenarios(list.length > 0 ? list : [defaultScenario(params, lang, date)], inputs.added);
  }
  const edits = options.scenarioEdits ?? [];
  if (edits.length === 0) return list;
  // The default scenario holds the workbook's parameters, not the pane's edits (those may be saved
  // as a scenario of their own).
  const workbookParams = readParams(snapshot.parameters);
  const current = workbookParams.issues.length === 0 ? workbookParams.params : params;
  const base = list.length > 0 ? list : [defaultScenario(current, options.lang ?? "fr", options.date ?? "")];
  return applyScenarioEdits(base, edits);
}

/**
 * A result with what every result holds; its `rows` are made from the reader's columns only when
 * asked for (the plan does not need them).
 */
function withBase<T extends object>(
  base: { readonly read: ReadResult; readonly reference: Reference; readonly issues: readonly Issue[] },
  rest: T,
): T & {
  read: ReadResult;
  reference: readonly Commune[];
  issues: readonly Issue[];
  readonly rows: readonly FundingRow[];
} {
  const { read } = base;
  return {
    ...rest,
    read,
    reference: base.reference.communes,
    issues: base.issues,
    get rows() {
      return read.rows;
    },
  };
}

const hasError = (list: readonly Issue[]): boolean => list.some((i) => i.severity === "error");

/**
 * From a workbook snapshot to the plan: reads the reference, the funding table, the parameters and
 * the scenarios, computes the plan and, when the workbook has a facilities table, the bonus
 * territoire (see bonusStep), and gathers every issue.
 *
 * @param snapshot - what the workbook holds
 * @param options - the user's parameters, mapping, added scenarios and the pane's edits
 * @returns the plan, ready to report; or blocked, with the issues that stand in the way
 */
export function planWorkbook(snapshot: WorkbookSnapshot, options: PipelineOptions = {}): PipelineResult {
  const reference = withBasinMoves(referenceOf(snapshot), options.basinMoves);
  const hidden = headerHiddenResult(snapshot, reference);
  if (hidden !== null) return hidden;
  const read = readFundingTable(snapshot.input.grid, {
    origin: snapshot.input.origin,
    communes: reference.communes,
    ...(snapshot.input.table !== null ? { headerRow: 0 } : {}),
    ...(options.mapping ? { mapping: options.mapping } : {}),
  });
  const paramInputs: ParamInputs = { ...snapshot.parameters, ...(options.params ?? {}) };
  const params = readParams(paramInputs);
  const scenarioInputs = readScenarioInputs(snapshot, reference, params.params, options);
  const bonus = bonusStep(snapshot, reference.communes);
  const issues: Issue[] = [
    ...reference.issues,
    ...read.issues,
    ...params.issues,
    ...scenarioInputs.issues,
    ...bonus.issues,
  ];
  const base = { read, reference, issues };
  if (hasError(issues) || read.headerRow < 0)
    return withBase(base, { status: "blocked" as const, plan: null });
  // The plan reads the rows as columns; `rows` are made only for whoever asks for them.
  const columns = fundingColumns(read);
  const plan = computePlanFromColumns(columns, params.params, reference.communes, {
    cells: paramCells(snapshot, paramInputs, read),
  });
  issues.push(...plan.issues);
  const list = scenarioList(snapshot, scenarioInputs, params.params, options);
  const planned: Planned = {
    plan,
    source: sourceOf(snapshot.input, read),
    scenarios:
      list.length === 0
        ? { kind: "default" }
        : {
            kind: "listed",
            plans: list.map((scenario) => ({
              scenario,
              plan: planScenario(columns, scenario, reference.communes),
            })),
          },
    bonus: bonus.bonus,
  };
  return hasError(issues)
    ? withBase(base, { status: "blocked" as const, ...planned })
    : withBase(base, { status: "ready" as const, ...planned });
}
