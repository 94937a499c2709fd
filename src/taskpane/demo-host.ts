/**
 * The pane's host in a plain browser as it starts: the built-in demo workbook as a snapshot made
 * straight from its rows, so that the first figures need no .xlsx written, zipped and read back (and
 * no .xlsx code downloaded). The snapshot is the one the .xlsx reader gives of the demo file
 * (tests/taskpane/demo-host.test.ts compares them, and their plans). What the snapshot cannot answer
 * (the sheet's used range, a file the user picks, a generation) loads the file host (file-host.ts,
 * with the .xlsx code) and hands over to it.
 */

import { COMMUNES, DEMO_HEADERS, demoRows, type Lang } from "../core";
import type { WorkbookSnapshot } from "../app";
import type { FileHost } from "./file-host";
import type {
  FileWorkbookControls,
  GenerateProgress,
  GenerationRequest,
  GenerationResult,
  InputChoice,
  PaneHost,
} from "./host";

/** The name of the demo workbook (the download is `demo.ctg.xlsx`, as the command names it). */
export const DEMO_FILE_NAME = "demo.xlsx";

// Where src/workbook/xlsx/demo.ts puts the rows: a table `Financements` on the sheet `Financements`,
// its header row 4 (below two title rows and a blank one). The test holds the two in step.
const DEMO_SHEET = "Financements";
const DEMO_TABLE = "Financements";
const DEMO_TOP_LEFT = "A4";

/**
 * What the .xlsx reader finds in the demo workbook, made from its rows.
 *
 * @returns a fresh snapshot (the caller may keep it)
 */
export function demoSnapshot(): WorkbookSnapshot {
  const taken = { sheets: [DEMO_SHEET], tables: [DEMO_TABLE], definedNames: [] as string[] };
  return {
    input: {
      sheet: DEMO_SHEET,
      table: DEMO_TABLE,
      tableColumns: [...DEMO_HEADERS],
      grid: [[...DEMO_HEADERS], ...demoRows(COMMUNES)],
      origin: { sheet: DEMO_SHEET, topLeft: DEMO_TOP_LEFT },
    },
    parameters: {},
    communes: null,
    taken,
    scenarios: null,
    formulasKey: null,
    complete: null,
    facilities: null,
    bonusParameters: {},
  };
}

/** Loads the file host's module (a dynamic import: the .xlsx code comes with it). */
export type FileHostLoader = () => Promise<{ readonly FileHost: typeof FileHost }>;

/** The demo from its rows until something needs the workbook itself, then the file host. */
export class DemoHost implements PaneHost, FileWorkbookControls {
  readonly kind = "file" as const;
  readonly file: FileWorkbookControls = this;
  /** The file host once handed over to (null: the demo from its rows). */
  private delegate: FileHost | null = null;
  /** Changes whenever the workbook held changes: a hand-over started before is dropped. */
  private serial = 0;

  /**
   * @param lang - the language of the demo's title rows, once the demo workbook is built
   * @param load - loads the file host's module
   */
  constructor(
    private lang: Lang,
    private readonly load: FileHostLoader,
  ) {}

  /** The file host, holding the demo workbook unless a file was opened: loaded on first need. */
  private async fileHost(): Promise<FileHost> {
    if (this.delegate !== null) return this.delegate;
    const serial = this.serial;
    const { FileHost } = await this.load();
    if (this.delegate !== null) return this.delegate;
    const host = FileHost.withDemo(this.lang);
    if (serial === this.serial) this.delegate = host;
    return host;
  }

  name(): string {
    return this.delegate?.name() ?? DEMO_FILE_NAME;
  }

  isDemo(): boolean {
    return this.delegate?.isDemo() ?? true;
  }

  async open(file: File): Promise<void> {
    const { FileHost } = await this.load();
    const host = await FileHost.fromFile(file); // throws WorkbookFileError: the workbook held stays
    this.serial += 1;
    this.delegate = host;
  }

  async openDemo(lang: Lang): Promise<void> {
    // Back to the demo from its rows: nothing to load.
    this.serial += 1;
    this.delegate = null;
    this.lang = lang;
  }

  async listInputs(): Promise<InputChoice[]> {
    if (this.delegate !== null) return this.delegate.listInputs();
    return [
      { kind: "table", name: DEMO_TABLE, sheet: DEMO_SHEET },
      { kind: "sheet", name: DEMO_SHEET, sheet: DEMO_SHEET },
    ];
  }

  async snapshot(choice: InputChoice | null): Promise<WorkbookSnapshot> {
    if (this.delegate !== null) return this.delegate.snapshot(choice);
    if (choice === null || (choice.kind === "table" && choice.name === DEMO_TABLE)) return demoSnapshot();
    return (await this.fileHost()).snapshot(choice);
  }

  async generate<S>(
    request: GenerationRequest<S>,
    onProgress: (progress: GenerateProgress) => void,
  ): Promise<GenerationResult<S>> {
    return (await this.fileHost()).generate(request, onProgress);
  }

  async selectCell(_address: string): Promise<void> {
    // A file in memory has no selection: the pane shows the address instead.
  }

  async activateSheet(_name: string): Promise<void> {
    // The sheets are in the downloaded workbook: the pane says so.
  }
}
