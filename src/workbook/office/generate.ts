/**
 * A generation inside Excel, as one read and one write request: the read takes, with what the write
 * needs (sheets, names, tables, protection), the cells the user may have edited since the pane's last
 * read (parameters, `Communes CTG`, `Scénarios CTG`, the facilities table `Équipements CTG` and the
 * bonus parameters, the input's place and size). The caller builds
 * the report from the workbook as it is now, or stops (conflicts to settle, errors): nothing is
 * written from an older read.
 *
 * The input's values are not read again when the input kept its place and size (at 100 000 rows they
 * would not fit one response): the summary's formulas refer to the input's cells, so an edit of a
 * value there is followed by Excel; one the formulas cannot follow (a new commune spelling, a new
 * year) shows as « Synthèse à régénérer » on the pane's next read. When the input moved or changed
 * size, its values are read again (one more request).
 */

import { parseA1, type RawGrid, type RawValue } from "../../core";
import type { Report } from "../../report";
import type { WorkbookSnapshot } from "../../app";
import { type ExcelRunner } from "./excel-host";
import {
  originOf,
  rawGrid,
  readWorkbook,
  rememberWritten,
  snapshotOf,
  type InputChoice,
  type Located,
} from "./read";
import {
  applySettings,
  capabilitiesOf,
  queueWorkbookRead,
  writeReport,
  type ApplyOptions,
  type ApplyProgress,
  type ApplyResult,
  type WorkbookRead,
} from "./write";

/** What the caller decides once it has seen the workbook as it is now. */
export type GenerationDecision<S> =
  { readonly kind: "write"; readonly report: Report } | { readonly kind: "stop"; readonly reason: S };

/** What a generation did. */
export type GenerationOutcome<S> =
  | {
      readonly kind: "written";
      readonly result: ApplyResult;
      readonly fresh: WorkbookSnapshot;
      readonly report?: Report;
    }
  | { readonly kind: "stopped"; readonly reason: S; readonly fresh: WorkbookSnapshot };

/** A generation: where the input is, the snapshot the pane planned from, and how to build the report. */
export interface GenerationRequest<S> {
  readonly choice: InputChoice;
  /** The pane's last read: its input values are reused when the input kept its place and size. */
  readonly base: WorkbookSnapshot;
  /** Builds the report from the workbook now, or stops; called between the read and the write. */
  readonly build: (fresh: WorkbookSnapshot) => Promise<GenerationDecision<S>> | GenerationDecision<S>;
}

/** Whether the input is where and as large as the pane read it. */
function sameInputShape(base: WorkbookSnapshot, located: Located, rows: number, cols: number): boolean {
  const input = base.input;
  if (input.sheet !== located.sheet || input.table !== located.table) return false;
  if (located.address === null) return input.grid.length === 0;
  const topLeft = originOf(located.address, located.sheet).topLeft;
  const width = input.grid.reduce((w, row) => Math.max(w, row.length), 0);
  return (
    topLeft === input.origin.topLeft &&
    rows - located.dropLast === input.grid.length &&
    (input.grid.length === 0 || cols === width)
  );
}

/** Rows a block of the input's values holds: about 2 MB of response at 40 bytes a cell (read.ts's estimate). */
function blockRowsFor(cols: number): number {
  return Math.max(1, Math.floor(2_000_000 / (Math.max(1, cols) * 40)));
}

/**
 * The input's values when it moved or changed size since the pane's read: in blocks of rows, one
 * request each, so that no response passes Excel on the web's 5 MB.
 */
async function readInputInBlocks(
  context: Excel.RequestContext,
  located: Located,
  rows: number,
  cols: number,
): Promise<RawGrid> {
  if (located.address === null) return [];
  const top = parseA1(originOf(located.address, located.sheet).topLeft);
  const sheet = context.workbook.worksheets.getItem(located.sheet);
  const step = blockRowsFor(cols);
  const grid: RawValue[][] = [];
  const readFrom = async (first: number): Promise<void> => {
    if (first >= rows) return;
    const count = Math.min(step, rows - first);
    const block = sheet.getRangeByIndexes(top.row + first, top.col, count, cols);
    block.load("values");
    await context.sync();
    grid.push(...rawGrid(block.values));
    return readFrom(first + count);
  };
  await readFrom(0);
  return grid;
}

/**
 * Generates the summary in the open workbook: one read (what the write needs, and the cells the user
 * may have edited), then `build` on the workbook as it is now, then one write (more only past the
 * request size limit), unless `build` stops. Before anything is written, a protected workbook
 * structure or product sheet, or a very hidden product sheet, is refused with a message that names it.
 *
 * @param run - the Excel runner
 * @param request - the input, the pane's last read and the report builder
 * @param onProgress - each write step as it is queued
 * @param options - requirement-set check and request size limit
 * @returns what was written, or why it stopped, with the workbook as read
 * @throws ExcelHostError as applyReportExcel does
 */
export async function generateExcel<S>(
  run: ExcelRunner,
  request: GenerationRequest<S>,
  onProgress?: (progress: ApplyProgress) => void,
  options: ApplyOptions = {},
): Promise<GenerationOutcome<S>> {
  const can = capabilitiesOf(options.supports);
  const done = await readWorkbook<GenerationOutcome<S>, WorkbookRead>(
    run,
    request.choice,
    false,
    async ({ context, q, sheets, located, extra: read, facilities }) => {
      let grid = request.base.input.grid;
      if (located.address === null) grid = [];
      else if (!sameInputShape(request.base, located, q.input.range.rowCount, q.input.range.columnCount))
        grid = await readInputInBlocks(context, located, q.input.range.rowCount, q.input.range.columnCount);
      const fresh = snapshotOf(q, located, grid, sheets, facilities);
      const decision = await request.build(fresh);
      if (decision.kind === "stop") return { kind: "stopped", reason: decision.reason, fresh };
      const settings = applySettings(decision.report, can, options, onProgress);
      const result = await writeReport(context, read, decision.report, settings);
      return { kind: "written", result, fresh, report: decision.report };
    },
    (context) => queueWorkbookRead(context, can),
  );
  if (done.kind === "written" && done.report !== undefined) rememberWritten(run, done.report);
  return done;
}
