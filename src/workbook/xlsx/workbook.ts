/**
 * The .xlsx adapter behind the workbook port: a workbook file's bytes held in memory. Generating
 * writes the report's sheets into a copy of the bytes, which the workbook then holds (the command
 * saves them, the pane offers them as a download).
 */

import type {
  GenerationOutcome,
  GenerationRequest,
  InputChoice,
  InputRef,
  ProgressListener,
  WorkbookPort,
  WorkbookSnapshot,
} from "../../app";
import { FACILITY_SHEET, isFacilityTable } from "../../core";
import { openPackage, type XlsxPackage } from "./package";
import { listSheets, listTables } from "./read";
import { snapshotPackage } from "./snapshot";
import { applyReport } from "./write";

/** What a generation wrote into the file. */
export interface XlsxWritten {
  /** The new workbook file. */
  readonly bytes: Uint8Array;
  /** Names of the sheets written, in the order of the report. */
  readonly sheets: readonly string[];
}

/** A workbook file held in memory. */
export class XlsxWorkbook implements WorkbookPort<XlsxWritten> {
  private current: Uint8Array;
  /** The package of `current`, opened when first read (a generated file is opened only if read again). */
  private opened: XlsxPackage | null;

  /**
   * @param bytes - the .xlsx file
   * @throws WorkbookFileError when it is not a readable .xlsx workbook
   */
  constructor(bytes: Uint8Array) {
    this.opened = openPackage(bytes);
    this.current = bytes;
  }

  private get pkg(): XlsxPackage {
    this.opened ??= openPackage(this.current);
    return this.opened;
  }

  /** The file as it is now (after the last generation, the generated one). */
  get bytes(): Uint8Array {
    return this.current;
  }

  /** The user's tables and visible sheets, but the facilities table and its sheet (never funding rows). */
  async listInputs(): Promise<InputChoice[]> {
    const pkg = this.pkg;
    const userSheets = listSheets(pkg).filter((s) => !s.marked && s.type === "worksheet");
    const names = new Set(userSheets.map((s) => s.name));
    const tables: InputChoice[] = listTables(pkg)
      .filter((t) => names.has(t.sheet) && !isFacilityTable(t.name, t.sheet))
      .map((t) => ({ kind: "table", name: t.name, sheet: t.sheet }));
    const sheets: InputChoice[] = userSheets
      .filter((s) => s.state === "visible" && s.name !== FACILITY_SHEET)
      .map((s) => ({ kind: "sheet", name: s.name, sheet: s.name }));
    return [...tables, ...sheets];
  }

  async snapshot(choice: InputRef | null): Promise<WorkbookSnapshot> {
    return this.snapshotNow(choice);
  }

  private snapshotNow(choice: InputRef | null): WorkbookSnapshot {
    if (choice === null) return snapshotPackage(this.pkg);
    return snapshotPackage(
      this.pkg,
      choice.kind === "table" ? { table: choice.name } : { sheet: choice.name },
    );
  }

  async generate<S>(
    request: GenerationRequest<S>,
    onProgress?: ProgressListener,
  ): Promise<GenerationOutcome<S, XlsxWritten>> {
    // The file in memory changes only through this object: read now, it is what the caller saw.
    const fresh = this.snapshotNow(request.choice);
    const decision = await request.build(fresh);
    if (decision.kind === "stop") return { kind: "stopped", reason: decision.reason, fresh };
    const total = 3;
    await onProgress?.({ step: "prepare", done: 0, total });
    await onProgress?.({ step: "sheet", done: 1, total });
    const bytes = applyReport(this.current, decision.report);
    // From now on the workbook is the generated one (its scenarios, its parameters).
    this.current = bytes;
    this.opened = null;
    await onProgress?.({ step: "save", done: 2, total });
    return { kind: "written", written: { bytes, sheets: decision.report.sheets.map((s) => s.name) }, fresh };
  }
}
