/**
 * The workbook port: what the use-cases need of a workbook, whatever holds it. Two adapters implement
 * it: the .xlsx package (src/workbook/xlsx: a file's bytes, in Node or the browser) and Office.js
 * (src/workbook/office: the workbook open in Excel). Types only.
 */

import type { Report } from "../report";
import type { WorkbookSnapshot } from "./snapshot";

/** Where the funding rows are read from: an Excel table, a sheet's used range, or (inside Excel) the selection. */
export interface InputRef {
  readonly kind: "table" | "sheet" | "selection";
  /** The table's name, or the sheet's name ("" for the selection). */
  readonly name: string;
  /** The sheet that holds it, when known ("" for the selection). */
  readonly sheet?: string;
}

/** A place the funding rows can be read from, as listed to the user. */
export interface InputChoice extends InputRef {
  /** The sheet that holds it ("" for the selection). */
  readonly sheet: string;
}

/**
 * The steps of a generation. The .xlsx adapter goes prepare → sheet → save (its host adds done); the
 * Office adapter through its own steps (delete … chart, see APPLY_STEPS), then done.
 */
export type GenerateStep =
  | "prepare"
  | "sheet"
  | "save"
  | "delete"
  | "sheets"
  | "values"
  | "tables"
  | "names"
  | "formulas"
  | "formats"
  | "layout"
  | "chart"
  | "done";

/** How far a generation has got. */
export interface GenerateProgress {
  readonly step: GenerateStep;
  /** Steps done, out of `total` (0 ≤ done ≤ total). */
  readonly done: number;
  readonly total: number;
  /** The sheet being written, for the `sheet` step. */
  readonly sheet?: string;
}

/**
 * Told each step of a generation. A promise returned is waited for before the next step (the pane
 * lets the browser paint between two steps).
 */
export type ProgressListener = (progress: GenerateProgress) => void | Promise<void>;

/** What the caller decides once it sees the workbook as it is now: write this report, or stop. */
export type GenerationDecision<S> =
  { readonly kind: "write"; readonly report: Report } | { readonly kind: "stop"; readonly reason: S };

/** A generation asked of a workbook. */
export interface GenerationRequest<S> {
  /** Where the funding rows are (null: the adapter finds them). */
  readonly choice: InputRef | null;
  /**
   * The caller's last read, when it has one: inside Excel its input values are reused when the input
   * kept its place and size.
   */
  readonly base: WorkbookSnapshot | null;
  /** Builds the report from the workbook as it is now (`fresh`), or stops. */
  build(fresh: WorkbookSnapshot): Promise<GenerationDecision<S>> | GenerationDecision<S>;
}

/** What a generation did: wrote (`written` says what, as the adapter knows it), or stopped; with the workbook as read. */
export type GenerationOutcome<S, Written> =
  | { readonly kind: "written"; readonly written: Written; readonly fresh: WorkbookSnapshot }
  | { readonly kind: "stopped"; readonly reason: S; readonly fresh: WorkbookSnapshot };

/** A workbook, as the use-cases see it. */
export interface WorkbookPort<Written> {
  /** The tables and sheets of the user's the funding rows can be read from. */
  listInputs(): Promise<InputChoice[]>;
  /**
   * What the workbook holds, read from `choice`; null lets the adapter find the funding rows.
   *
   * @throws InputNotFoundError when the table or sheet asked for is missing, or there is nothing to read
   */
  snapshot(choice: InputRef | null): Promise<WorkbookSnapshot>;
  /**
   * A generation: reads the workbook as it is now (inside Excel, in the same request as what the write
   * needs), lets `request.build` make the report from it or stop, then applies the report's sheets,
   * telling each step. Nothing is written from an older read.
   *
   * @throws InputNotFoundError as snapshot does; the adapter's errors (ExcelHostError…)
   */
  generate<S>(
    request: GenerationRequest<S>,
    onProgress?: ProgressListener,
  ): Promise<GenerationOutcome<S, Written>>;
}
