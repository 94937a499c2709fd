/**
 * The pane's host inside Excel: a thin adapter over the Office.js adapter (src/workbook/office), which
 * makes every Office.js call. Loaded with a dynamic import() once Office.onReady says Excel.
 */

import { fieldOfHeader } from "../core/reader";
import type { WorkbookSnapshot } from "../workbook/pipeline";
import {
  activateSheet,
  generateExcel,
  excelRunner,
  officeEnvironment,
  listInputs,
  selectCell,
  snapshotExcel,
  watchSheets,
  type ApplyOptions,
  type ApplyProgress,
  type ExcelRunner,
  type InputChoice as OfficeChoice,
  type InputList,
} from "../workbook/office";
import type { GenerateProgress, GenerationRequest, GenerationResult, InputChoice, PaneHost } from "./host";
import { langOfTag } from "./env";
import type { StartedHost } from "./hosts";

/** No table nor sheet to read: the pane says so in the user's language. */
class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Whether a table's headers name a commune (or INSEE) column and an amount column. */
function looksLikeFunding(headers: readonly string[]): boolean {
  const fields = new Set(headers.map(fieldOfHeader));
  return (fields.has("commune") || fields.has("insee")) && fields.has("amount");
}

/**
 * The input read when the user has not chosen one: the first table that looks like a funding
 * table, else the first visible sheet of the user's (the reader finds the header in it), else the
 * first table.
 *
 * @param list - what listInputs found
 * @returns the choice, or null when there is nothing to read
 */
export function defaultChoice(list: InputList): InputChoice | null {
  const table = list.tables.find((t) => looksLikeFunding(t.headers)) ?? null;
  if (table !== null) return { kind: "table", name: table.name, sheet: table.sheet };
  const sheet = list.sheets[0];
  if (sheet !== undefined) return { kind: "sheet", name: sheet.name, sheet: sheet.name };
  const first = list.tables[0];
  return first === undefined ? null : { kind: "table", name: first.name, sheet: first.sheet };
}

/**
 * The pane's choice as the Office adapter takes it.
 *
 * @param choice - a table, a sheet or the selection
 * @returns the adapter's choice
 */
export function officeChoice(choice: InputChoice): OfficeChoice {
  return choice.kind === "table"
    ? { table: choice.name }
    : choice.kind === "sheet"
      ? { sheet: choice.name }
      : { selection: true };
}

/**
 * The adapter's progress as the pane shows it.
 *
 * @param progress - what applyReportExcel reported
 * @returns the pane's progress
 */
export function paneProgress(progress: ApplyProgress): GenerateProgress {
  return { step: progress.step, done: progress.index, total: progress.total };
}

/** The open Excel workbook. */
export class ExcelPaneHost implements PaneHost {
  readonly kind = "excel" as const;

  /**
   * @param run - the Excel runner (excelRunner())
   * @param options - `supports`: Office's requirement-set check (tests inject the fake's)
   */
  constructor(
    private readonly run: ExcelRunner,
    private readonly options: ApplyOptions = {},
  ) {}

  async listInputs(): Promise<InputChoice[]> {
    const list = await listInputs(this.run);
    return [
      ...list.tables.map((t): InputChoice => ({ kind: "table", name: t.name, sheet: t.sheet })),
      ...list.sheets.map((s): InputChoice => ({ kind: "sheet", name: s.name, sheet: s.name })),
      { kind: "selection", name: "", sheet: "" },
    ];
  }

  async snapshot(choice: InputChoice | null): Promise<WorkbookSnapshot> {
    const chosen = choice ?? defaultChoice(await listInputs(this.run));
    if (chosen === null) throw new UsageError("the workbook has no sheet of its own to read");
    return snapshotExcel(this.run, officeChoice(chosen));
  }

  async generate<S>(
    request: GenerationRequest<S>,
    onProgress: (progress: GenerateProgress) => void,
  ): Promise<GenerationResult<S>> {
    const chosen = request.choice ?? defaultChoice(await listInputs(this.run));
    if (chosen === null) throw new UsageError("the workbook has no sheet of its own to read");
    const done = await generateExcel(
      this.run,
      { choice: officeChoice(chosen), base: request.base, build: (fresh) => request.build(fresh) },
      (p) => onProgress(paneProgress(p)),
      this.options,
    );
    if (done.kind === "stopped") return { kind: "stopped", reason: done.reason, fresh: done.fresh };
    const result = done.result;
    const total = Math.max(1, result.requestBytes.length);
    onProgress({ step: "done", done: total, total });
    return {
      kind: "written",
      outcome: {
        sheets: result.added,
        calculationManual: result.calculationMode === "Manual",
        ...(result.missing.length > 0 ? { lacking: result.missing } : {}),
      },
    };
  }

  selectCell(address: string): Promise<void> {
    return selectCell(this.run, address);
  }

  activateSheet(name: string): Promise<void> {
    return activateSheet(this.run, name);
  }

  /** Worksheet change events (ExcelApi 1.7): one request to register, one to remove. */
  watch(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>> {
    return watchSheets(this.run, sheets, () => onChange());
  }
}

/**
 * The host inside Excel.
 *
 * @returns the host, with Office's display language and theme
 */
export async function createExcelHost(): Promise<StartedHost> {
  const office = officeEnvironment();
  return {
    host: new ExcelPaneHost(excelRunner()),
    env: {
      ...(office.displayLanguage ? { lang: langOfTag(office.displayLanguage) } : {}),
      ...(office.dark !== undefined ? { theme: office.dark ? "dark" : "light" } : {}),
    },
  };
}
