/**
 * The pane's host in a plain browser: an .xlsx workbook held in memory. It opens the built-in demo
 * workbook, or a file the user picks; generating writes the report into a copy of the bytes and offers
 * it as a download. Selecting a cell or a sheet cannot reach a file: the pane says where to look.
 *
 * Loaded with a dynamic import(): it brings the .xlsx code (fflate, xmldom), which the pane inside
 * Excel never needs. In a browser the pane starts on the demo from its rows (demo-host.ts), which
 * hands over to this host when the workbook itself is needed.
 */

import type { WorkbookSnapshot } from "../app";
import { COMMUNES, type Lang } from "../core";
import { demoWorkbook, XlsxWorkbook, type XlsxWritten } from "../workbook/xlsx";
import { DEMO_FILE_NAME } from "./demo-host";
import type {
  FileWorkbookControls,
  GenerateOutcome,
  GenerateProgress,
  GenerationRequest,
  GenerationResult,
  InputChoice,
  PaneHost,
} from "./host";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export { DEMO_FILE_NAME };

/**
 * The file name of a generated workbook: `budget.xlsx` → `budget.ctg.xlsx`; a file already
 * generated keeps its name (`budget.ctg.xlsx`).
 *
 * @param name - the name of the workbook opened
 * @returns the name to download the result under
 */
export function outputFileName(name: string): string {
  const stem = name.replace(/\.xlsx$/i, "").replace(/\.ctg$/i, "") || "classeur";
  return `${stem}.ctg.xlsx`;
}

/** Lets the browser paint between two steps. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An .xlsx workbook held in memory. */
export class FileHost implements PaneHost, FileWorkbookControls {
  readonly kind = "file" as const;
  readonly file: FileWorkbookControls = this;
  private workbook: XlsxWorkbook;
  private fileName: string;
  private demo: boolean;
  private downloadUrl: string | null = null;

  private constructor(bytes: Uint8Array, name: string, demo: boolean) {
    this.workbook = new XlsxWorkbook(bytes);
    this.fileName = name;
    this.demo = demo;
  }

  /**
   * A host holding the built-in demo workbook.
   *
   * @param lang - the language of the demo's title rows
   * @returns the host
   */
  static withDemo(lang: Lang): FileHost {
    return new FileHost(demoWorkbook(COMMUNES, lang), DEMO_FILE_NAME, true);
  }

  /**
   * A host holding a file the user picked.
   *
   * @param file - the file
   * @returns the host
   * @throws WorkbookFileError when it is not a readable .xlsx workbook
   */
  static async fromFile(file: File): Promise<FileHost> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return new FileHost(bytes, file.name, false);
  }

  name(): string {
    return this.fileName;
  }

  isDemo(): boolean {
    return this.demo;
  }

  async open(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.workbook = new XlsxWorkbook(bytes); // throws WorkbookFileError: the workbook held stays as it was
    this.fileName = file.name;
    this.demo = false;
  }

  async openDemo(lang: Lang): Promise<void> {
    this.workbook = new XlsxWorkbook(demoWorkbook(COMMUNES, lang));
    this.fileName = DEMO_FILE_NAME;
    this.demo = true;
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
    // The workbook in memory changes only through the pane: read now, it is what the pane saw. From
    // the generation on, the pane works on the workbook as generated (its scenarios, its parameters),
    // as it would inside Excel; the download offers it.
    let total = 1;
    const done = await this.workbook.generate(request, async (progress) => {
      total = progress.total;
      onProgress(progress);
      await nextFrame();
    });
    if (done.kind === "stopped") return { kind: "stopped", reason: done.reason, fresh: done.fresh };
    const outcome = this.offer(done.written);
    onProgress({ step: "done", done: total, total });
    return { kind: "written", outcome };
  }

  /** Offers the generated workbook as a download. */
  private offer(written: XlsxWritten): GenerateOutcome {
    if (this.downloadUrl !== null) URL.revokeObjectURL(this.downloadUrl);
    // A copy into a plain ArrayBuffer: Blob wants ArrayBuffer-backed views.
    const url = URL.createObjectURL(
      new Blob([written.bytes.slice().buffer as ArrayBuffer], { type: XLSX_TYPE }),
    );
    this.downloadUrl = url;
    return { sheets: written.sheets, download: { url, fileName: outputFileName(this.fileName) } };
  }

  async selectCell(_address: string): Promise<void> {
    // A file in memory has no selection: the pane shows the address instead.
  }

  async activateSheet(_name: string): Promise<void> {
    // The sheets are in the downloaded workbook: the pane says so.
  }
}
