/**
 * The one way into Excel: `runExcel` wraps `Excel.run`, retries while the user is typing in a cell,
 * and turns Office errors into an `ExcelHostError` with a clear sentence in French and English.
 *
 * Every other module of the Office adapter receives an `ExcelRunner` (made by `excelRunner`), so that
 * tests inject a fake `Excel.run` and nothing touches the `Excel` global at import time.
 */

import { ExcelHostError, type HostMessages } from "../../errors";
import { officeErrorMessages } from "../../i18n";

/** A batch of Excel work: queue operations on the context, sync, read. */
export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;

/** Runs a batch in Excel (runExcel with its options bound). */
export interface ExcelRunner {
  <T>(batch: ExcelBatch<T>): Promise<T>;
  /**
   * Runs a batch in the request context of an earlier batch (`Excel.run(context, batch)`, see
   * runExcelInContext): what removing an event handler needs, since Office removes a handler only
   * through the context it was added in.
   */
  readonly inContext: <T>(context: Excel.RequestContext, batch: ExcelBatch<T>) => Promise<T>;
}

/** Options of runExcel. */
export interface RunExcelOptions {
  /** `Excel.run` to use (tests inject a fake); defaults to the real one. */
  readonly excelRun?: typeof Excel.run;
  /**
   * Waits before each new attempt when Excel is in cell-edit mode, in milliseconds; their number is
   * the number of retries (default: 500, 1000, 2000 — three retries over 3.5 s).
   */
  readonly retryDelaysMs?: readonly number[];
  /** Waits (tests pass one that does not wait). */
  readonly sleep?: (ms: number) => Promise<void>;
}

export { ExcelHostError };
export type { HostMessages };

/** Office's error code while the user is editing a cell: the only one runExcel retries. */
export const CELL_EDIT_MODE = "InvalidOperationInCellEditMode";

/**
 * The sentences for an Office error code (a generic one for codes the adapter does not know).
 *
 * @param code - Office's error code
 * @returns the sentences in French and English
 */
export function messagesFor(code: string): HostMessages {
  return officeErrorMessages(code);
}

/** An error as Office.js rejects with (OfficeExtension.Error): a string `code`. */
interface OfficeLikeError {
  readonly code: string;
  readonly message?: string;
  readonly debugInfo?: { readonly errorLocation?: string };
}

function isOfficeError(err: unknown): err is OfficeLikeError {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "string";
}

/**
 * An Office error as an ExcelHostError; anything else (the adapter's own errors) as it is.
 *
 * @param err - what a batch rejected with
 * @returns the error to throw
 */
export function toHostError(err: unknown): unknown {
  if (err instanceof ExcelHostError || !isOfficeError(err)) return err;
  const location = err.debugInfo?.errorLocation;
  return new ExcelHostError(err.code, messagesFor(err.code), {
    cause: err,
    ...(location === undefined ? {} : { location }),
  });
}

const DEFAULT_DELAYS = [500, 1000, 2000] as const;

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function defaultExcelRun<T>(batch: ExcelBatch<T>): Promise<T> {
  return Excel.run(batch);
}

/** Starts the work again until it succeeds, while Excel is in cell-edit mode and delays remain. */
async function withRetries<T>(start: () => Promise<T>, options: RunExcelOptions): Promise<T> {
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS;
  const sleep = options.sleep ?? defaultSleep;
  const attempt = async (index: number): Promise<T> => {
    try {
      return await start();
    } catch (err) {
      const delay = delays[index];
      if (isOfficeError(err) && err.code === CELL_EDIT_MODE && delay !== undefined) {
        await sleep(delay);
        return attempt(index + 1);
      }
      throw toHostError(err);
    }
  };
  return attempt(0);
}

/**
 * Runs a batch in Excel. Retries only while Excel is in cell-edit mode (InvalidOperationInCellEditMode:
 * nothing was applied, the user is typing), waiting between attempts; every Office error then
 * becomes an ExcelHostError with French and English sentences.
 *
 * @param batch - the work
 * @param options - the `Excel.run` to use, retry delays, sleep
 * @returns what the batch returns
 * @throws ExcelHostError for Office errors; the batch's own errors as they are
 */
export async function runExcel<T>(batch: ExcelBatch<T>, options: RunExcelOptions = {}): Promise<T> {
  const run: (b: ExcelBatch<T>) => Promise<T> = options.excelRun ?? defaultExcelRun;
  return withRetries(() => run(batch), options);
}

/**
 * Runs a batch in the request context of an earlier batch — `Excel.run(context, batch)` — with
 * runExcel's retries and explained errors. Office needs it to remove an event handler: the handler
 * goes only through the context it was added in (see OfficeExtension.EventHandlerResult).
 *
 * @param context - the context of the earlier batch
 * @param batch - the work
 * @param options - the `Excel.run` to use, retry delays, sleep
 * @returns what the batch returns
 * @throws ExcelHostError for Office errors; the batch's own errors as they are
 */
export async function runExcelInContext<T>(
  context: Excel.RequestContext,
  batch: ExcelBatch<T>,
  options: RunExcelOptions = {},
): Promise<T> {
  const excelRun = options.excelRun;
  const run = (): Promise<T> =>
    excelRun === undefined ? Excel.run(context, batch) : excelRun(context, batch);
  return withRetries(run, options);
}

/**
 * A runner with these options bound: what listInputs, snapshotExcel, applyReportExcel… take; its
 * `inContext` runs a batch in an earlier batch's context (runExcelInContext).
 *
 * @param options - the `Excel.run` to use, retry delays, sleep
 * @returns the runner
 */
export function excelRunner(options: RunExcelOptions = {}): ExcelRunner {
  return Object.assign(<T>(batch: ExcelBatch<T>) => runExcel(batch, options), {
    inContext: <T>(context: Excel.RequestContext, batch: ExcelBatch<T>) =>
      runExcelInContext(context, batch, options),
  });
}

/** Whether the host supports a requirement set (`ExcelApi`, `1.9`). */
export type SupportsApi = (set: string, version: string) => boolean;

/**
 * `Office.context.requirements.isSetSupported`, false when office.js is not there.
 *
 * @param set - the requirement set (`ExcelApi`)
 * @param version - its version (`1.9`)
 * @returns whether Excel supports it
 */
export function officeSupports(set: string, version: string): boolean {
  if (typeof Office === "undefined") return false;
  const requirements = (Office.context as Office.Context | undefined)?.requirements;
  return requirements !== undefined && requirements.isSetSupported(set, version);
}
