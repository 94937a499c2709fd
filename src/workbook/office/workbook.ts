/**
 * The Office.js adapter behind the workbook port: the workbook open in Excel. Also what only a
 * workbook open in Excel can do (select a cell, show a sheet, follow edits), for the pane's host.
 */

import { fieldOfHeader } from "../../core";
import type {
  GenerateProgress,
  GenerationOutcome,
  GenerationRequest,
  InputChoice,
  InputRef,
  ProgressListener,
  WorkbookPort,
  WorkbookSnapshot,
} from "../../app";
import { InputNotFoundError } from "../../errors";
import { watchSheets } from "./events";
import type { ExcelRunner } from "./excel-host";
import { generateExcel } from "./generate";
import { activateSheet, selectCell } from "./navigate";
import {
  isFacilityInput,
  listInputs,
  snapshotExcel,
  type InputChoice as OfficeChoice,
  type InputList,
} from "./read";
import type { ApplyOptions, ApplyProgress, ApplyResult } from "./write";

/** Whether a table's headers name a commune (or INSEE) column and an amount column. */
function looksLikeFunding(headers: readonly string[]): boolean {
  const fields = new Set(headers.map(fieldOfHeader));
  return (fields.has("commune") || fields.has("insee")) && fields.has("amount");
}

/**
 * The tables and sheets that may hold the funding rows: all but the facilities table of the bonus
 * territoire (`Équipements CTG`, whose `Commune` and `Montant CEJ` columns look like funding ones).
 *
 * @param list - what listInputs found
 * @returns the list without the facilities table and its sheet
 */
export function fundingCandidates(list: InputList): InputList {
  return {
    ...list,
    tables: list.tables.filter((t) => !isFacilityInput(t)),
    sheets: list.sheets.filter((s) => !isFacilityInput({ name: s.name, sheet: s.name })),
  };
}

/**
 * The input read when the user has not chosen one: the first table that looks like a funding
 * table, else the first visible sheet of the user's (the reader finds the header in it), else the
 * first table; never the facilities table (see fundingCandidates).
 *
 * @param found - what listInputs found
 * @returns the choice, or null when there is nothing to read
 */
export function defaultChoice(found: InputList): InputChoice | null {
  const list = fundingCandidates(found);
  const table = list.tables.find((t) => looksLikeFunding(t.headers)) ?? null;
  if (table !== null) return { kind: "table", name: table.name, sheet: table.sheet };
  const sheet = list.sheets[0];
  if (sheet !== undefined) return { kind: "sheet", name: sheet.name, sheet: sheet.name };
  const first = list.tables[0];
  return first === undefined ? null : { kind: "table", name: first.name, sheet: first.sheet };
}

/**
 * A choice as the adapter's reader takes it.
 *
 * @param choice - a table, a sheet or the selection
 * @returns the reader's choice
 */
export function officeChoice(choice: InputRef): OfficeChoice {
  return choice.kind === "table"
    ? { table: choice.name }
    : choice.kind === "sheet"
      ? { sheet: choice.name }
      : { selection: true };
}

/**
 * The adapter's progress as the port tells it.
 *
 * @param progress - what applyReportExcel reported
 * @returns the port's progress
 */
export function paneProgress(progress: ApplyProgress): GenerateProgress {
  return { step: progress.step, done: progress.index, total: progress.total };
}

/** The workbook open in Excel. */
export class ExcelWorkbook implements WorkbookPort<ApplyResult> {
  /**
   * @param run - the Excel runner (excelRunner())
   * @param options - `supports`: Office's requirement-set check (tests inject the fake's)
   */
  constructor(
    private readonly run: ExcelRunner,
    private readonly options: ApplyOptions = {},
  ) {}

  /** The tables and sheets the funding rows may be read from (not the facilities table). */
  async listInputs(): Promise<InputChoice[]> {
    const list = fundingCandidates(await listInputs(this.run));
    return [
      ...list.tables.map((t): InputChoice => ({ kind: "table", name: t.name, sheet: t.sheet })),
      ...list.sheets.map((s): InputChoice => ({ kind: "sheet", name: s.name, sheet: s.name })),
      { kind: "selection", name: "", sheet: "" },
    ];
  }

  /** The choice given, else the one defaultChoice finds. */
  private async chosen(choice: InputRef | null): Promise<InputRef> {
    const chosen = choice ?? defaultChoice(await listInputs(this.run));
    if (chosen === null) throw new InputNotFoundError("the workbook has no sheet of its own to read");
    return chosen;
  }

  async snapshot(choice: InputRef | null): Promise<WorkbookSnapshot> {
    return snapshotExcel(this.run, officeChoice(await this.chosen(choice)));
  }

  async generate<S>(
    request: GenerationRequest<S>,
    onProgress?: ProgressListener,
  ): Promise<GenerationOutcome<S, ApplyResult>> {
    const choice = officeChoice(await this.chosen(request.choice));
    const base = request.base ?? (await snapshotExcel(this.run, choice));
    const done = await generateExcel(
      this.run,
      { choice, base, build: (fresh) => request.build(fresh) },
      (p) => void onProgress?.(paneProgress(p)),
      this.options,
    );
    if (done.kind === "stopped") return done;
    return { kind: "written", written: done.result, fresh: done.fresh };
  }

  /** Selects a cell (`Financements!F7`, `'Paramètres CTG'!B4`). */
  selectCell(address: string): Promise<void> {
    return selectCell(this.run, address);
  }

  /** Shows a sheet. */
  activateSheet(name: string): Promise<void> {
    return activateSheet(this.run, name);
  }

  /** Calls `onChange` on every edit of the named sheets (ExcelApi 1.7) until the function returned is called. */
  watch(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>> {
    return watchSheets(this.run, sheets, () => onChange());
  }
}
