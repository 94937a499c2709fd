/**
 * The product's failures, one class per kind, each with a `code` (the Office adapter's carry Office's
 * own). The pane and the command recognise them with `instanceof` or `code`, never by name. Imports
 * nothing: every folder may import it, and the pane's first chunk takes it at no cost.
 */

/** What every failure of the product carries. */
export abstract class CtgError extends Error {
  /** What went wrong, for code to branch on (never shown to the user). */
  abstract readonly code: string;
}

/**
 * The funding rows cannot be read from where asked: the table or sheet named is not in the workbook,
 * or the workbook has no sheet of its own to read. A problem with the request, not with the data (the
 * command exits with 2; the pane says there is nothing to read).
 */
export class InputNotFoundError extends CtgError {
  readonly code = "input-not-found" as const;

  constructor(message: string) {
    super(message);
    this.name = "InputNotFoundError";
  }
}

/** Why a file could not be opened as a workbook. */
export type WorkbookFileErrorReason = "not-a-zip" | "encrypted" | "not-a-workbook" | "corrupt";

/** A file that is not an .xlsx workbook the product can read. */
export class WorkbookFileError extends CtgError {
  readonly code = "workbook-file" as const;
  /** What is wrong with the file. */
  readonly reason: WorkbookFileErrorReason;

  /**
   * @param reason - what is wrong with the file
   * @param message - details, for logs
   */
  constructor(reason: WorkbookFileErrorReason, message: string) {
    super(message);
    this.name = "WorkbookFileError";
    this.reason = reason;
  }
}

/** A part of an .xlsx package that is not well-formed XML (the reader turns it into a WorkbookFileError). */
export class XmlParseError extends CtgError {
  readonly code = "xml-parse" as const;
  /** Part whose text failed to parse. */
  readonly part: string;

  /**
   * @param part - part name
   * @param message - the parser's message
   */
  constructor(part: string, message: string) {
    super(`${part}: ${message}`);
    this.name = "XmlParseError";
    this.part = part;
  }
}

/** A sentence in both languages of the product. */
export interface HostMessages {
  readonly fr: string;
  readonly en: string;
}

/**
 * An Excel failure, explained. `code` is Office's error code (`ItemNotFound`…) or one of the
 * adapter's; `messages` says it in French and English.
 */
export class ExcelHostError extends CtgError {
  /** Where Office says it failed (`Worksheet.getItem`…), when it says. */
  readonly location: string | undefined;

  constructor(
    readonly code: string,
    readonly messages: HostMessages,
    options: { readonly cause?: unknown; readonly location?: string } = {},
  ) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "ExcelHostError";
    this.location = options.location;
  }
}

/**
 * A generation in Excel that stopped while writing: some of its actions may have run (a request is not
 * a transaction), and the summary is marked incomplete.
 */
export class GenerationInterruptedError extends ExcelHostError {
  static readonly CODE = "GenerationInterrupted";

  constructor(messages: HostMessages, options: { readonly cause?: unknown } = {}) {
    super(GenerationInterruptedError.CODE, messages, options);
  }
}
