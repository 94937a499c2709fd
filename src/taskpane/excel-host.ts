/**
 * The pane's host inside Excel: a thin layer over the Office.js adapter's workbook (src/workbook/office),
 * which makes every Office.js call. Loaded with a dynamic import() once Office.onReady says Excel; the
 * adapter's writer is a chunk of its own (excel-writer.ts), loaded when a generation starts.
 */

import {
  excelRunner,
  ExcelWorkbookReader,
  officeEnvironment,
  type ApplyOptions,
  type ExcelRunner,
} from "../workbook/office";
import type { GenerateProgress, GenerationRequest, GenerationResult, InputChoice, PaneHost } from "./host";
import type { WorkbookSnapshot } from "../app";
import { langOfTag } from "./env";
import type { StartedHost } from "./hosts";

/** The open Excel workbook. */
export class ExcelPaneHost implements PaneHost {
  readonly kind = "excel" as const;
  private readonly workbook: ExcelWorkbookReader;

  /**
   * @param run - the Excel runner (excelRunner())
   * @param options - `supports`: Office's requirement-set check (tests inject the fake's)
   */
  constructor(
    private readonly run: ExcelRunner,
    private readonly options: ApplyOptions = {},
  ) {
    this.workbook = new ExcelWorkbookReader(run);
  }

  listInputs(): Promise<InputChoice[]> {
    return this.workbook.listInputs();
  }

  snapshot(choice: InputChoice | null): Promise<WorkbookSnapshot> {
    return this.workbook.snapshot(choice);
  }

  async generate<S>(
    request: GenerationRequest<S>,
    onProgress: (progress: GenerateProgress) => void,
  ): Promise<GenerationResult<S>> {
    const { ExcelWorkbook } = await import(/* webpackChunkName: "excel-writer" */ "./excel-writer");
    const done = await new ExcelWorkbook(this.run, this.options).generate(request, onProgress);
    if (done.kind === "stopped") return { kind: "stopped", reason: done.reason, fresh: done.fresh };
    const result = done.written;
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
    return this.workbook.selectCell(address);
  }

  activateSheet(name: string): Promise<void> {
    return this.workbook.activateSheet(name);
  }

  /** Worksheet change events (ExcelApi 1.7): one request to register, one to remove. */
  watch(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>> {
    return this.workbook.watch(sheets, onChange);
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
