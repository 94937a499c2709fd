/**
 * The Office.js adapter behind the workbook port: the workbook open in Excel, read (reader.ts) and
 * written.
 */

import type {
  GenerateProgress,
  GenerationOutcome,
  GenerationRequest,
  ProgressListener,
  WorkbookPort,
} from "../../app";
import type { ExcelRunner } from "./excel-host";
import { generateExcel } from "./generate";
import { snapshotExcel } from "./read";
import { ExcelWorkbookReader, officeChoice } from "./reader";
import type { ApplyOptions, ApplyProgress, ApplyResult } from "./write";

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
export class ExcelWorkbook extends ExcelWorkbookReader implements WorkbookPort<ApplyResult> {
  /**
   * @param run - the Excel runner (excelRunner())
   * @param options - `supports`: Office's requirement-set check (tests inject the fake's)
   */
  constructor(
    run: ExcelRunner,
    private readonly options: ApplyOptions = {},
  ) {
    super(run);
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
}
