/**
 * What the task pane needs from where it runs. Two implementations: the Office.js adapter inside Excel
 * (excel-host.ts) and an .xlsx file held in memory in a plain browser (file-host.ts). The pane itself
 * never touches Office.js nor the file format: it only sees this interface.
 */

import type { GenerateProgress, GenerationDecision, InputChoice, WorkbookSnapshot } from "../app";
import type { Lang } from "../core";

export type { GenerateProgress, GenerateStep, GenerationDecision, InputChoice } from "../app";

/** What a generation wrote. */
export interface GenerateOutcome {
  /** Names of the sheets written, in the order of the report. */
  readonly sheets: readonly string[];
  /** In file mode: the new workbook to download (a Blob URL and the file name to save it under). */
  readonly download?: { readonly url: string; readonly fileName: string };
  /** Inside Excel: the workbook calculates by hand, so the formulas show their values after F9. */
  readonly calculationManual?: boolean;
  /** Inside Excel: what this Excel lacks that the summary would have had (said once, after it). */
  readonly lacking?: readonly ExcelLack[];
}

/** A generation asked of the host. */
export interface GenerationRequest<S> {
  /** Where the funding rows are (null: the host finds them). */
  readonly choice: InputChoice | null;
  /** The pane's last read, which its staged edits were made on. */
  readonly base: WorkbookSnapshot;
  /** Builds the report from the workbook now (`fresh`), or stops. */
  build(fresh: WorkbookSnapshot): Promise<GenerationDecision<S>>;
}

/** What a generation did: wrote (with the workbook as it was read), or stopped. */
export type GenerationResult<S> =
  | { readonly kind: "written"; readonly outcome: GenerateOutcome }
  | { readonly kind: "stopped"; readonly reason: S; readonly fresh: WorkbookSnapshot };

/** A feature this Excel lacks (older requirement sets: Excel 2019 has ExcelApi 1.7 only). */
export type ExcelLack = "dropDowns" | "pageLayout" | "charts" | "chartAxisFormat";

/** File mode only: the workbook the pane holds in memory. */
export interface FileWorkbookControls {
  /** The name of the workbook held (`demo.xlsx`, or the file the user picked). */
  name(): string;
  /** Whether the workbook held is the built-in demo. */
  isDemo(): boolean;
  /**
   * Opens a file the user picked.
   *
   * @throws WorkbookFileError when it is not a readable .xlsx workbook
   */
  open(file: File): Promise<void>;
  /** Opens the built-in demo workbook again. */
  openDemo(lang: Lang): Promise<void>;
}

/** Where the pane runs: Excel through Office.js, or an .xlsx file in the browser. */
export interface PaneHost {
  readonly kind: "excel" | "file";
  /** The tables and sheets the funding rows can be read from. */
  listInputs(): Promise<InputChoice[]>;
  /**
   * What the workbook holds, read from `choice`; null lets the reader find the funding table.
   *
   * @throws InputNotFoundError when there is nothing to read
   */
  snapshot(choice: InputChoice | null): Promise<WorkbookSnapshot>;
  /**
   * A generation: reads the workbook as it is now (inside Excel, in the same request as what the
   * write needs), lets `request.build` make the report from it or stop, then writes the report's
   * sheets, telling each step as it goes. Nothing is written from an older read.
   */
  generate<S>(
    request: GenerationRequest<S>,
    onProgress: (progress: GenerateProgress) => void,
  ): Promise<GenerationResult<S>>;
  /** Selects a cell (`Financements!F7`, `'Paramètres CTG'!B4`) in the workbook. */
  selectCell(address: string): Promise<void>;
  /** Shows a sheet of the workbook. */
  activateSheet(name: string): Promise<void>;
  /**
   * Inside Excel: calls `onChange` on every edit of the named sheets (worksheet change events,
   * ExcelApi 1.7) until the returned function is called. Absent where the workbook cannot change
   * under the pane (a file held in memory).
   */
  watch?(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>>;
  /** File mode only. */
  readonly file?: FileWorkbookControls;
}

/** The look and language the host asks for (Office's theme and display language, or the browser's). */
export interface HostEnvironment {
  readonly lang: Lang;
  readonly theme: "light" | "dark";
}
