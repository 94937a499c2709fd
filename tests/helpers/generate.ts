/**
 * A generation of a given report through a pane host, for tests that check the writing rather than
 * the pane's merge of its edits: the report is written whatever the workbook holds now.
 */

import type { Report } from "../../src/report/model";
import type { GenerateOutcome, GenerateProgress, InputChoice, PaneHost } from "../../src/taskpane/host";
import type { WorkbookSnapshot } from "../../src/app";

/**
 * Writes `report` through `host.generate`.
 *
 * @param host - the pane host
 * @param base - the snapshot the report was made from
 * @param report - the report to write
 * @param onProgress - each step
 * @param choice - where the input is (default: the host finds it)
 * @returns what was written
 */
export async function generateReport(
  host: PaneHost,
  base: WorkbookSnapshot,
  report: Report,
  onProgress: (progress: GenerateProgress) => void = () => undefined,
  choice: InputChoice | null = null,
): Promise<GenerateOutcome> {
  const done = await host.generate<never>(
    { choice, base, build: async () => ({ kind: "write", report }) },
    onProgress,
  );
  if (done.kind !== "written") throw new Error("the generation stopped");
  return done.outcome;
}
