/**
 * The one way into Excel: `runExcel` wraps `Excel.run`, retries while the user is typing in a cell,
 * and turns Office errors into an `ExcelHostError` with a clear sentence in French and English.
 *
 * Every other module of the Office adapter receives an `ExcelRunner` (made by `excelRunner`), so that
 * tests inject a fake `Excel.run` and nothing touches the `Excel` global at import time.
 */

import { ExcelHostError, type HostMessages } from "../../errors";

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

const MESSAGES: Readonly<Record<string, HostMessages>> = {
  [CELL_EDIT_MODE]: {
    fr: "Terminez la saisie de la cellule (Entrée ou Échap), puis recommencez.",
    en: "Finish editing the cell (Enter or Esc), then try again.",
  },
  ItemNotFound: {
    fr: "Une feuille, un tableau ou un nom du classeur est introuvable : il a peut-être été renommé ou supprimé. Actualisez la liste, puis recommencez.",
    en: "A sheet, table or name of the workbook cannot be found: it may have been renamed or deleted. Refresh the list, then try again.",
  },
  AccessDenied: {
    fr: "Excel refuse la modification : le classeur ou une feuille est peut-être protégé, en lecture seule ou en cours de partage. Levez la protection, puis recommencez.",
    en: "Excel refused the change: the workbook or a sheet may be protected, read-only or being shared. Remove the protection, then try again.",
  },
  GeneralException: {
    fr: "Excel a rencontré une erreur interne. Enregistrez le classeur, puis recommencez ; si l'erreur persiste, fermez et rouvrez le classeur.",
    en: "Excel hit an internal error. Save the workbook, then try again; if it persists, close and reopen the workbook.",
  },
  RequestPayloadSizeLimitExceeded: {
    fr: "Trop de données pour un seul envoi à Excel (limite d'Excel sur le web). Réduisez le tableau, ou utilisez Excel pour Windows ou Mac.",
    en: "Too much data for a single exchange with Excel (Excel on the web's limit). Make the table smaller, or use Excel for Windows or Mac.",
  },
  ResponsePayloadSizeLimitExceeded: {
    fr: "Trop de données à lire en une fois (limite d'Excel sur le web). Réduisez le tableau, ou utilisez Excel pour Windows ou Mac.",
    en: "Too much data to read at once (Excel on the web's limit). Make the table smaller, or use Excel for Windows or Mac.",
  },
  InvalidArgument: {
    fr: "Excel a refusé une valeur, une formule ou un nom écrit par CTG Planner. Signalez-le avec le classeur si possible.",
    en: "Excel refused a value, formula or name written by CTG Planner. Please report it, with the workbook if possible.",
  },
  ItemAlreadyExists: {
    fr: "Un nom de feuille, de tableau ou un nom défini est déjà pris dans le classeur. Actualisez, puis recommencez.",
    en: "A sheet, table or defined name is already taken in the workbook. Refresh, then try again.",
  },
  InvalidSelection: {
    fr: "La sélection n'est pas une plage de cellules (un graphique ou une forme est peut-être sélectionné). Sélectionnez des cellules, puis recommencez.",
    en: "The selection is not a range of cells (a chart or shape may be selected). Select cells, then try again.",
  },
  InvalidOperation: {
    fr: "Excel a refusé l'opération (feuille masquée, cellules fusionnées ou tableau en travers). Vérifiez le classeur, puis recommencez.",
    en: "Excel refused the operation (hidden sheet, merged cells or a table in the way). Check the workbook, then try again.",
  },
  ApiNotFound: {
    fr: "Cette version d'Excel ne prend pas en charge une fonction dont CTG Planner a besoin. Mettez Excel à jour.",
    en: "This version of Excel lacks a feature CTG Planner needs. Update Excel.",
  },
  WriteNotSupportedWhenModalDialogOpen: {
    fr: "Une boîte de dialogue est ouverte dans Excel. Fermez-la, puis recommencez.",
    en: "A dialog box is open in Excel. Close it, then try again.",
  },
  ActivityLimitReached: {
    fr: "Excel est occupé. Patientez quelques secondes, puis recommencez.",
    en: "Excel is busy. Wait a few seconds, then try again.",
  },
  Conflict: {
    fr: "Une autre personne modifie le classeur en même temps. Patientez, puis recommencez.",
    en: "Someone else is editing the workbook at the same time. Wait, then try again.",
  },
  Timeout: {
    fr: "Excel n'a pas répondu à temps. Recommencez.",
    en: "Excel did not answer in time. Try again.",
  },
  ConnectionFailure: {
    fr: "La connexion avec Excel a échoué. Vérifiez le réseau, puis recommencez.",
    en: "The connection with Excel failed. Check the network, then try again.",
  },
};

/**
 * The sentences for an Office error code (a generic one for codes the adapter does not know).
 *
 * @param code - Office's error code
 * @returns the sentences in French and English
 */
export function messagesFor(code: string): HostMessages {
  return (
    MESSAGES[code] ?? {
      fr: `Excel a renvoyé une erreur (${code}). Recommencez ; si l'erreur persiste, enregistrez, fermez et rouvrez le classeur.`,
      en: `Excel returned an error (${code}). Try again; if it persists, save, close and reopen the workbook.`,
    }
  );
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
