/**
 * Writing the report into the open workbook with Office.js: the product's previous sheets (those
 * with the marker) are reused, one per kind the report still has: renamed to the report's sheet
 * name when it changed (Excel updates the references to it), wiped (cells, formats, merges,
 * validations, conditional formats, tables, charts, freeze panes, widths and heights, tab colour,
 * sheet-scoped names but the marker), then written. So a user's formula pointing at a product sheet
 * (`='Synthèse CEJ'!E40`) survives a regeneration, as with the .xlsx writer, which replaces sheets
 * in place. The product's sheets of a kind the report no longer has are deleted; the report's new
 * sheets are added. Then come the same cells, formulas and number formats as the .xlsx writer
 * gives, tables, names, styles, validations, status formats, freeze panes, page setup and charts.
 *
 * One request reads what is there (the marked sheets, names, tables, charts, the active sheet); one
 * more request writes everything, with calculation (and screen updating, when Excel has it)
 * suspended. When the writes would exceed `maxRequestBytes` (4 MB by default; Excel on the web
 * refuses requests above 5 MB) they are cut into several requests, in order.
 */

import { HOST_MESSAGES } from "../../i18n";
import { a1, columnLetters } from "../../core";
import {
  COMPLETE_COMMENT,
  COMPLETE_NAME,
  MARKER_NAME,
  MARKER_PREFIX,
  type Report,
  type ReportChart,
  type ReportSheet,
  type ReportSheetKind,
  type ReportTable,
} from "../../report";
import {
  ExcelHostError,
  messagesFor,
  officeSupports,
  type ExcelRunner,
  type SupportsApi,
} from "./excel-host";
import { GenerationInterruptedError } from "../../errors";
import {
  absentInputSheets,
  queueInputAdds,
  queueInputFormats,
  queueInputTables,
  queueInputValues,
  queueLooks,
} from "./input-sheets";
import { applyValidation, formulaString, headerFooterText, validationRule } from "./look";
import { sheetMark, splitAddress } from "./markers";
import { rememberWritten } from "./read";
import {
  jsonBytes,
  parseRect,
  rectAddress,
  renderSheet,
  textInput,
  type Rect,
  type SheetRender,
} from "./render";

/** The steps of writing a report, in the order they are sent. */
export type ApplyStep =
  "delete" | "sheets" | "values" | "tables" | "names" | "formulas" | "formats" | "layout" | "chart" | "done";

/** Every step, in order. */
export const APPLY_STEPS: readonly ApplyStep[] = [
  "delete",
  "sheets",
  "values",
  "tables",
  "names",
  "formulas",
  "formats",
  "layout",
  "chart",
  "done",
];

/** Where the writing is. */
export interface ApplyProgress {
  readonly step: ApplyStep;
  /** Position of the step in APPLY_STEPS (0-based) and their number. */
  readonly index: number;
  readonly total: number;
  /** Which write request carries it (1-based), and how many there are. */
  readonly request: number;
  readonly requests: number;
}

/** Options of applyReportExcel. */
export interface ApplyOptions {
  /** `Office.context.requirements.isSetSupported` (tests inject one). */
  readonly supports?: SupportsApi;
  /** Largest request, in bytes (estimated); writes above it are cut into several requests. */
  readonly maxRequestBytes?: number;
}

/** What was written. */
export interface ApplyResult {
  /** The product's sheets that were removed (of a kind the report no longer has). */
  readonly deleted: readonly string[];
  /** The product's sheets that were reused, wiped and rewritten (their names before the write). */
  readonly reused: readonly string[];
  /** The report's sheets, written (reused or added). */
  readonly added: readonly string[];
  /** The report's input sheets the workbook lacked, written (Report.inputSheets); the others untouched. */
  readonly inputSheets: readonly string[];
  /** Write requests sent (the read before them is one more). */
  readonly writeRequests: number;
  /** Estimated size of each write request, in bytes. */
  readonly requestBytes: readonly number[];
  /** Whether the page setup was written (ExcelApi 1.9). */
  readonly pageLayout: boolean;
  /** Whether charts were drawn (ExcelApi 1.7; without it, none is). */
  readonly chart: boolean;
  /** The charts drawn: the basins chart and the report's own (ReportSheet.charts). */
  readonly charts: number;
  /** Whether the charts' value axes got the report's number format (ExcelApi 1.8). */
  readonly chartAxisFormat: boolean;
  /** The workbook's calculation mode: with `Manual`, formulas show their values after F9. */
  readonly calculationMode: string;
  /**
   * What this Excel lacks that the report would have had, once each (empty on ExcelApi 1.9+):
   * `dropDowns` (ExcelApi 1.8: the validations become a list of allowed values below each sheet),
   * `pageLayout` (1.9), `charts` (1.7), `chartAxisFormat` (1.8).
   */
  readonly missing: readonly MissingFeature[];
}

/** A feature of the report this Excel lacks (see ApplyResult.missing). */
export type MissingFeature = "dropDowns" | "pageLayout" | "charts" | "chartAxisFormat";

/** Excel on the web refuses requests above 5 MB: stay well below. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;

/** A queued write and its estimated size. */
interface WriteOp {
  readonly step: ApplyStep;
  readonly bytes: number;
  readonly queue: () => void;
}

/** Per action, what a request carries besides the payload (object path, ids, names). */
const ACTION_BYTES = 300;

const STATUS_OK = { font: "#006100", fill: "#C6EFCE" };
const STATUS_BAD = { font: "#9C0006", fill: "#FFC7CE" };

/**
 * Without ExcelApi 1.8 (no data validation): the sheet's validations as text, one line per rule
 * below everything else on the sheet (after a blank row), in column A: `B9 : CEJ / Population` for
 * a list, `B5:B6 : <the rule's message>` for a number.
 *
 * @returns the cells (one column) and their texts, or null when the sheet has no validation
 */
function allowedValuesNote(
  sheet: ReportSheet,
  lang: "fr" | "en",
): { readonly address: string; readonly values: string[][] } | null {
  if (sheet.validations.length === 0) return null;
  let last = 0;
  for (const c of sheet.cells) last = Math.max(last, c.row);
  for (const t of sheet.tables) last = Math.max(last, parseRect(t.ref).r2);
  for (const v of sheet.validations)
    for (const ref of v.ref.trim().split(/\s+/)) last = Math.max(last, parseRect(ref).r2);
  const lines = [
    HOST_MESSAGES.allowedValues[lang],
    ...sheet.validations.map((v) => {
      const refs = v.ref.trim().split(/\s+/).join(", ");
      return textInput(`${refs} : ${v.type === "list" ? v.items.join(" / ") : (v.prompt ?? v.error)}`);
    }),
  ];
  const first = last + 2; // 0-based: one blank row between
  return { address: `A${first + 1}:A${first + lines.length}`, values: lines.map((l) => [l]) };
}

function applyStatus(formats: Excel.ConditionalFormatCollection, okText: string): void {
  const literal = `=${formulaString(okText)}`;
  const ok = formats.add("CellValue");
  ok.cellValue.format.font.color = STATUS_OK.font;
  ok.cellValue.format.fill.color = STATUS_OK.fill;
  ok.cellValue.rule = { formula1: literal, operator: "EqualTo" };
  const bad = formats.add("CellValue");
  bad.cellValue.format.font.color = STATUS_BAD.font;
  bad.cellValue.format.fill.color = STATUS_BAD.fill;
  bad.cellValue.rule = { formula1: literal, operator: "NotEqualTo" };
}

function applyPageSetup(layout: Excel.PageLayout, sheet: ReportSheet): void {
  const p = sheet.print;
  layout.orientation = p.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // One page wide, as many pages tall as needed (0: automatic, as OOXML's fitToHeight="0").
  if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (p.titleRows !== undefined) {
    const [a, b] = p.titleRows;
    layout.setPrintTitleRows(`$${Math.min(a, b)}:$${Math.max(a, b)}`);
  }
  if (p.printArea !== undefined) layout.setPrintArea(p.printArea);
  const hf = layout.headersFooters.defaultForAllPages;
  if (p.headerText !== "") hf.centerHeader = `&"-,Bold"${headerFooterText(p.headerText, 120)}`;
  hf.leftFooter = headerFooterText(p.footerText, 120);
  hf.rightFooter = "Page &P / &N";
}

/** A chart reference (`'Comparaison scénarios'!$C$20:$E$20`) split and checked. */
interface ChartRef {
  readonly sheet: string;
  /** The cells, without `$` (`C20:E20`). */
  readonly cells: string;
  readonly rect: Rect;
}

/**
 * A chart's reference as the sheet it is on and its cells; checked before anything is sent.
 *
 * @throws Error when the reference has no sheet, is not a range, or is neither one row nor one
 *   column (`line`)
 */
function chartRef(ref: string, where: string, line: boolean): ChartRef {
  const parts = splitAddress(ref.trim());
  if (parts === null) throw new Error(`${where}: a chart reference needs its sheet: ${ref}`);
  const cells = parts.cells.replace(/\$/g, "");
  let rect: Rect;
  try {
    rect = parseRect(cells);
  } catch {
    throw new Error(`${where}: not a range: ${ref}`);
  }
  if (line && rect.r1 !== rect.r2 && rect.c1 !== rect.c2)
    throw new Error(`${where}: a series is one row or one column: ${ref}`);
  return { sheet: parts.sheet, cells, rect };
}

/** A report chart with its references resolved, ready to queue. */
interface ChartPlan {
  readonly chart: ReportChart;
  readonly categories: ChartRef;
  readonly series: readonly ChartRef[];
}

/**
 * Checks a report chart (references with their sheet, on a sheet of the report or the workbook,
 * series of one row or column, `RRGGBB` colours) and resolves its references.
 *
 * @throws Error on a malformed chart: a programming mistake, caught before anything is sent
 */
function planChart(chart: ReportChart, where: string, sheetKnown: (name: string) => boolean): ChartPlan {
  if (chart.series.length === 0) throw new Error(`${where}: a chart needs a series`);
  const known = (r: ChartRef): ChartRef => {
    if (!sheetKnown(r.sheet)) throw new Error(`${where}: a chart refers to a missing sheet "${r.sheet}"`);
    return r;
  };
  const series = chart.series.map((s) => {
    if (!/^[0-9A-Fa-f]{6}$/.test(s.color)) throw new Error(`${where}: not a colour: ${s.color}`);
    return known(chartRef(s.ref, where, true));
  });
  return { chart, categories: known(chartRef(chart.categories.ref, where, false)), series };
}

/**
 * Draws a report chart as the .xlsx writer does: clustered columns, each series with its name,
 * values, categories and colour, the title, the value axis's number format (ExcelApi 1.8) and the
 * frame from cell `from` to cell `to`.
 *
 * The chart is made from the first series' range (`charts.add` needs one), by rows or columns as
 * that range lies, then every series is set explicitly: what Excel would guess from the range
 * (names, categories) does not count.
 */
function applyReportChart(
  sheet: Excel.Worksheet,
  plan: ChartPlan,
  rangeOf: (ref: ChartRef) => Excel.Range,
  axisFormat: boolean,
): void {
  const { chart } = plan;
  const [first] = plan.series;
  if (first === undefined) return; // planChart refuses charts without series
  const byRows = first.rect.r1 === first.rect.r2 && first.rect.c1 !== first.rect.c2;
  const added = sheet.charts.add("ColumnClustered", rangeOf(first), byRows ? "Rows" : "Columns");
  added.title.text = chart.title;
  const categories = rangeOf(plan.categories);
  chart.series.forEach((s, i) => {
    const ref = plan.series[i];
    if (ref === undefined) return;
    const series = i === 0 ? added.series.getItemAt(0) : added.series.add(s.name);
    if (i === 0) series.name = s.name;
    series.setValues(rangeOf(ref));
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(`#${s.color.toUpperCase()}`);
  });
  if (axisFormat) added.axes.valueAxis.numberFormat = chart.valueFormat;
  added.setPosition(a1(chart.from.row, chart.from.col), a1(chart.to.row, chart.to.col));
}

/** A product table rewritten in place (not deleted and added): where it is, and what it becomes. */
interface KeptTable {
  readonly table: Excel.Table;
  readonly spec: ReportTable;
  /** Its range now: the report's top-left, its current rows (header and totals included). */
  readonly old: Rect;
  /** Data rows now and in the report. */
  readonly rows: number;
  readonly wanted: number;
}

/**
 * The tables of a reused product sheet that stay (same name and same columns as a table of the
 * report's sheet, no totals row): a user's `=SUM(CTG_Communes[Population])` then survives the
 * regeneration, as it would not if the table were deleted and added again. The report places a
 * table of given columns at a fixed top-left, so the table is taken to start there.
 */
function tablesKeptIn(own: readonly Excel.Table[], sheet: ReportSheet): KeptTable[] {
  const out: KeptTable[] = [];
  for (const table of own) {
    const spec = sheet.tables.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
    if (spec === undefined || table.showTotals) continue;
    const names = table.columns.items.map((c) => c.name.toLowerCase());
    if (names.length !== spec.columns.length || spec.columns.some((c, i) => c.toLowerCase() !== names[i]))
      continue;
    const ref = parseRect(spec.ref);
    const rows = table.rows.count;
    const wanted = ref.r2 - ref.r1;
    if (wanted < 1) continue;
    out.push({ table, spec, old: { r1: ref.r1, c1: ref.c1, r2: ref.r1 + rows, c2: ref.c2 }, rows, wanted });
  }
  return out;
}

/** Adds or deletes data rows at the end of a kept table (ExcelApi 1.1) to reach the report's count. */
function fitRows(k: KeptTable): void {
  const width = k.old.c2 - k.old.c1 + 1;
  if (k.wanted > k.rows)
    k.table.rows.add(
      undefined,
      Array.from({ length: k.wanted - k.rows }, () => new Array<string>(width).fill("")),
    );
  for (let i = k.rows - 1; i >= k.wanted; i--) k.table.rows.getItemAt(i).delete();
}

/** The whole sheet but these rectangles, as rectangles (each band between them, then each gap). */
function complement(holes: readonly Rect[]): Rect[] {
  const LAST_ROW = 1_048_575;
  const LAST_COL = 16_383;
  const rows = [...new Set(holes.flatMap((h) => [h.r1, h.r2 + 1]))].sort((a, b) => a - b);
  const out: Rect[] = [];
  let top = 0;
  for (const edge of [...rows, LAST_ROW + 1]) {
    if (edge > top) {
      const band = { r1: top, r2: edge - 1 };
      const inBand = holes.filter((h) => h.r1 <= band.r1 && h.r2 >= band.r2).sort((a, b) => a.c1 - b.c1);
      let left = 0;
      for (const h of inBand) {
        if (h.c1 > left) out.push({ ...band, c1: left, c2: h.c1 - 1 });
        left = Math.max(left, h.c2 + 1);
      }
      if (left <= LAST_COL) out.push({ ...band, c1: left, c2: LAST_COL });
    }
    top = Math.max(top, edge);
  }
  return out;
}

/** Cuts the writes into requests under the limit, keeping their order. */
function chunk(ops: readonly WriteOp[], limit: number): WriteOp[][] {
  const out: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > limit) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** A free sheet name for the placeholder that keeps a visible sheet while the old ones go. */
function placeholderName(taken: ReadonlySet<string>): string {
  let name = "CTG Planner";
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `CTG Planner (${i})`;
  return name;
}

/**
 * Writes the report into the open workbook: reuses the product's previous sheets (found by their
 * marker) of the kinds the report has, renamed and wiped, so that the user's references to them
 * stay; removes those of other kinds (the user's sheets stay, whatever their names); adds the
 * report's other sheets, in the report's order; then writes the report's sheets with their
 * values, formulas, number formats, tables, names, styles, validations, status formats, freeze panes,
 * page setup (ExcelApi 1.9, skipped otherwise) and the charts (ExcelApi 1.7, skipped otherwise): the
 * basins chart and every chart of the report's sheets (ReportSheet.charts), whose value axes get
 * the report's number format with ExcelApi 1.8.
 *
 * @param run - the Excel runner (see excelRunner)
 * @param report - the report to write
 * @param onProgress - called as each step is queued
 * @param options - requirement-set check and request size limit
 * @returns what was removed, reused and written, and the requests sent
 * @throws ExcelHostError when a report sheet or table name is taken by the user's (code
 *   `ReportNameTaken`, nothing written) or when Excel fails; Error when a report chart is malformed
 *   (a reference without its sheet or to a missing sheet, a series not on one row or column, a bad
 *   colour: nothing written)
 */
export async function applyReportExcel(
  run: ExcelRunner,
  report: Report,
  onProgress?: (progress: ApplyProgress) => void,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const can = capabilitiesOf(options.supports);
  const result = await run(async (context) => {
    const read = queueWorkbookRead(context, can);
    await context.sync();
    return writeReport(context, read, report, applySettings(report, can, options, onProgress));
  });
  rememberWritten(run, report); // the next snapshot reads the new sheets in its one request
  return result;
}

/**
 * How a report is written: its sheets rendered in bands under the request size limit.
 *
 * @param report - the report
 * @param can - this Excel's capabilities
 * @param options - the request size limit
 * @param onProgress - each step as it is queued
 * @returns the settings of writeReport
 */
export function applySettings(
  report: Report,
  can: Capabilities,
  options: ApplyOptions,
  onProgress: ((progress: ApplyProgress) => void) | undefined,
): WriteSettings {
  const limit = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const bandBytes = bandBytesOf(limit);
  return {
    can,
    renders: report.sheets.map((s) => renderSheet(s, report.styles, bandBytes)),
    prefixes: [...new Set([MARKER_PREFIX, report.marker])],
    limit,
    onProgress,
  };
}

/** The largest band of values a write carries, under a request size limit. */
function bandBytesOf(limit: number): number {
  return Math.max(1_000, Math.floor(limit / 3) - ACTION_BYTES);
}

/** What the write needs to know of the workbook, queued in the generation's one read. */
export interface WorkbookRead {
  readonly worksheets: Excel.WorksheetCollection;
  readonly names: Excel.NamedItemCollection;
  readonly tables: Excel.TableCollection;
  readonly active: Excel.Worksheet;
  readonly application: Excel.Application;
  /** The workbook's structure protection (ExcelApi 1.7), or null where it cannot be read. */
  readonly structure: Excel.WorkbookProtection | null;
}

/**
 * The capabilities of this Excel.
 *
 * @param supports - `Office.context.requirements.isSetSupported`
 * @returns what the write may use
 */
// The return type is inferred from the literal on purpose: scripts/check-api-sets.mjs follows each
// `can.x` guard back to its supports("ExcelApi", …) call.
export function capabilitiesOf(supports: SupportsApi = officeSupports) {
  return {
    calc: supports("ExcelApi", "1.6"),
    tabColor: supports("ExcelApi", "1.7"),
    standardSize: supports("ExcelApi", "1.7"),
    chart: supports("ExcelApi", "1.7"),
    structure: supports("ExcelApi", "1.7"),
    axisFormat: supports("ExcelApi", "1.8"),
    validation: supports("ExcelApi", "1.8"),
    freeze: supports("ExcelApi", "1.7"),
    layout: supports("ExcelApi", "1.9"),
    screen: supports("ExcelApi", "1.9"),
    indent: supports("ExcelApi", "1.9"),
  };
}

/** What the write may use, by requirement set. */
export type Capabilities = ReturnType<typeof capabilitiesOf>;

/**
 * Queues the loads the write needs (sheets with their markers, visibility, position, protection and
 * charts; names; tables; the active sheet; the calculation mode; the workbook's protection), to be
 * synced with whatever else the caller reads in the same request.
 *
 * @param context - the request context
 * @param can - the capabilities
 * @returns the proxies, readable after the sync
 */
export function queueWorkbookRead(context: Excel.RequestContext, can: Capabilities): WorkbookRead {
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load(
    "items/name,items/visibility,items/position,items/names/items/name,items/names/items/formula," +
      "items/charts/items/name,items/protection/protected",
  );
  const names = workbook.names;
  names.load("items/name");
  const tables = workbook.tables;
  tables.load("items/name,items/worksheet/name,items/showTotals,items/rows/count,items/columns/items/name");
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const application = workbook.application;
  application.load("calculationMode");
  let structure: Excel.WorkbookProtection | null = null;
  if (can.structure) {
    structure = workbook.protection;
    structure.load("protected");
  }
  return { worksheets, names, tables, active, application, structure };
}

/** How writeReport writes. */
export interface WriteSettings {
  readonly can: Capabilities;
  readonly renders: readonly SheetRender[];
  readonly prefixes: readonly string[];
  readonly limit: number;
  readonly onProgress: ((progress: ApplyProgress) => void) | undefined;
}

/**
 * Refuses, before anything is written, what would make the write fail halfway: a protected
 * workbook structure, a protected or very hidden sheet of the product's.
 *
 * @throws ExcelHostError (`WorkbookProtected`, `SheetProtected`, `SheetVeryHidden`) naming the sheet
 *   and what to do
 */
export function preflight(
  read: WorkbookRead,
  marked: readonly Excel.Worksheet[],
  needsStructure: boolean,
): void {
  if (needsStructure && read.structure !== null && read.structure.protected)
    throw new ExcelHostError("WorkbookProtected", HOST_MESSAGES.workbookProtected);
  for (const ws of marked) {
    if (ws.protection.protected)
      throw new ExcelHostError("SheetProtected", HOST_MESSAGES.sheetProtected(ws.name));
    if (ws.visibility === "VeryHidden")
      throw new ExcelHostError("SheetVeryHidden", HOST_MESSAGES.sheetVeryHidden(ws.name));
  }
}

/**
 * Writes the report, the workbook having been read (queueWorkbookRead, synced): the writes in
 * order, in as few requests as the size limit allows. The first action marks the summary
 * incomplete (the name CTG_Complet = FALSE), the last one complete: a failure anywhere between
 * leaves a summary that says so (Contrôles is not green, the pane asks to generate again).
 */
export async function writeReport(
  context: Excel.RequestContext,
  read: WorkbookRead,
  report: Report,
  settings: WriteSettings,
): Promise<ApplyResult> {
  const { can, renders, limit } = settings;
  const survey = surveyWorkbook(read, report, settings.prefixes);
  preflight(read, survey.marked, report.sheets.length > 0);
  {
    const keptSheets = new Set(survey.kept.map((ws) => ws.name.toLowerCase()));
    const keptTables = new Set(
      read.tables.items
        .filter((t) => !survey.markedNames.has(t.worksheet.name))
        .map((t) => t.name.toLowerCase()),
    );
    for (const sheet of report.sheets) {
      const tableClash = sheet.tables.find((t) => keptTables.has(t.name.toLowerCase()));
      if (keptSheets.has(sheet.name.toLowerCase()) || tableClash !== undefined) {
        const taken =
          tableClash === undefined
            ? HOST_MESSAGES.nameTaken("sheet", sheet.name)
            : HOST_MESSAGES.nameTaken("table", tableClash.name);
        throw new ExcelHostError("ReportNameTaken", taken);
      }
    }
    const job: WriteJob = { report, read, can, renders, survey, queue: new WriteQueue() };
    const inputs = absentInputSheets(read, report, bandBytesOf(limit));
    const keptByName = queueDeletes(job);
    queueInputAdds(job.queue, read, inputs);
    queueSheets(job);
    queueInputValues(job.queue, inputs);
    queueValues(job);
    queueInputTables(job.queue, inputs);
    queueTablesAndNames(job, keptByName);
    queueFormulas(job);
    queueInputFormats(job.queue, inputs, can);
    report.sheets.forEach((sheet, k) => queueFormats(job, sheet, renders[k]));
    queueLayout(job);
    const charts = queueCharts(job);
    // Last of all: the summary is whole.
    const flagRef = report.names.find((n) => n.name === COMPLETE_NAME)?.ref.replace(/^=/, "") ?? "TRUE";
    job.queue.add("done", [COMPLETE_NAME, true], 1, () => setCompleteFlag(read.names, can, flagRef, true));

    const requests = chunk(job.queue.ops, limit);
    try {
      await sendRequests(context, requests, read.application, settings);
    } catch (err) {
      // Some actions may have run (a request is not a transaction): the summary says it is incomplete.
      const code = (err as { code?: unknown } | null)?.code;
      const inner = typeof code === "string" ? messagesFor(code) : { fr: String(err), en: String(err) };
      throw new GenerationInterruptedError(HOST_MESSAGES.interrupted(inner), { cause: err });
    }
    return {
      deleted: survey.doomed.map((ws) => ws.name),
      reused: survey.reusedNames,
      added: report.sheets.map((s) => s.name),
      inputSheets: inputs.map((i) => i.sheet.name),
      writeRequests: requests.length,
      requestBytes: requests.map((r) => r.reduce((n, o) => n + o.bytes, 0)),
      pageLayout: can.layout,
      chart: charts > 0,
      charts,
      chartAxisFormat: charts > 0 && can.axisFormat,
      calculationMode: read.application.calculationMode,
      missing: missingFeatures(report, can),
    };
  }
}

/** The workbook as the write finds it, and what becomes of the product's sheets. */
interface Survey {
  /** Every sheet, in tab order. */
  readonly sheetsInOrder: readonly Excel.Worksheet[];
  /** The product's sheets (found by their marker), in tab order, and their names. */
  readonly marked: readonly Excel.Worksheet[];
  readonly markedNames: ReadonlySet<string>;
  /** The user's sheets, in tab order. */
  readonly kept: readonly Excel.Worksheet[];
  /** The product's sheet each report sheet reuses, by the report sheet's index. */
  readonly reusedOf: ReadonlyMap<number, Excel.Worksheet>;
  /** The product's sheets of a kind the report no longer has. */
  readonly doomed: readonly Excel.Worksheet[];
  /** The workbook's names, lower case. */
  readonly existingNames: ReadonlySet<string>;
  /** Whether a placeholder must keep a visible sheet while the old ones go, and its name. */
  readonly needsPlaceholder: boolean;
  readonly placeholder: string;
  /** Sheet names taken, lower case (the temporary names of the renames are added as they are chosen). */
  readonly taken: Set<string>;
  /** The names of the reused sheets before the write. */
  readonly reusedNames: readonly string[];
  /** Whether the active sheet is one of the product's. */
  readonly activeWasMarked: boolean;
}

/** Reads what is there (loaded by queueWorkbookRead): which sheets are the product's, which stay. */
function surveyWorkbook(read: WorkbookRead, report: Report, prefixes: readonly string[]): Survey {
  const { worksheets, names, active } = read;
  const sheetsInOrder = [...worksheets.items].sort((a, b) => a.position - b.position);
  const marked: { readonly ws: Excel.Worksheet; readonly kind: ReportSheetKind | null }[] = [];
  for (const ws of sheetsInOrder) {
    const mark = sheetMark(ws.names.items, prefixes);
    if (mark.marked) marked.push({ ws, kind: mark.kind });
  }
  const markedNames = new Set(marked.map((m) => m.ws.name));
  const kept = sheetsInOrder.filter((ws) => !markedNames.has(ws.name));
  const { reusedOf, doomed } = pickReused(marked, report.sheets);
  // Reused sheets are made visible before the others go: a placeholder is needed only when
  // none is reused and only the product's sheets were visible.
  const needsPlaceholder =
    report.sheets.length > 0 &&
    doomed.length > 0 &&
    reusedOf.size === 0 &&
    !kept.some((ws) => ws.visibility === "Visible");
  const taken = new Set([
    ...worksheets.items.map((ws) => ws.name.toLowerCase()),
    ...report.sheets.map((s) => s.name.toLowerCase()),
  ]);
  const placeholder = placeholderName(taken);
  taken.add(placeholder.toLowerCase());
  return {
    sheetsInOrder,
    marked: marked.map((m) => m.ws),
    markedNames,
    kept,
    reusedOf,
    doomed,
    existingNames: new Set(names.items.map((n) => n.name.toLowerCase())),
    needsPlaceholder,
    placeholder,
    taken,
    reusedNames: [...new Set([...reusedOf.values()].map((ws) => ws.name))],
    activeWasMarked: markedNames.has(active.name),
  };
}

/**
 * Each report sheet reuses a product sheet of its kind (the one of its name first, else the first
 * in tab order): the worksheet object stays, so the user's references to it do too.
 *
 * @returns the sheet each report sheet reuses (by its index), and the product's sheets left over
 */
function pickReused(
  marked: readonly { readonly ws: Excel.Worksheet; readonly kind: ReportSheetKind | null }[],
  sheets: readonly ReportSheet[],
): { readonly reusedOf: ReadonlyMap<number, Excel.Worksheet>; readonly doomed: readonly Excel.Worksheet[] } {
  const free = [...marked];
  const reusedOf = new Map<number, Excel.Worksheet>();
  const pick = (k: number, sheet: ReportSheet, sameName: boolean): void => {
    if (reusedOf.has(k)) return;
    const i = free.findIndex(
      (m) => m.kind === sheet.kind && (!sameName || m.ws.name.toLowerCase() === sheet.name.toLowerCase()),
    );
    const found = free[i];
    if (found === undefined) return;
    reusedOf.set(k, found.ws);
    free.splice(i, 1);
  };
  sheets.forEach((sheet, k) => pick(k, sheet, true));
  sheets.forEach((sheet, k) => pick(k, sheet, false));
  return { reusedOf, doomed: free.map((m) => m.ws) };
}

/** The writes, in order, and the worksheet each report sheet is written to (once its write has run). */
class WriteQueue {
  readonly ops: WriteOp[] = [];
  private readonly target = new Map<string, Excel.Worksheet>();

  /** Queues a write: its step, what it sends and its number of actions (for the size estimate). */
  add(step: ApplyStep, payload: unknown, actions: number, queue: () => void): void {
    this.ops.push({ step, bytes: jsonBytes(payload) + actions * ACTION_BYTES, queue });
  }

  /** Records the worksheet a report sheet is written to (reused or added). */
  setSheet(name: string, ws: Excel.Worksheet): void {
    this.target.set(name, ws);
  }

  /** The worksheet of a report sheet, from within a write queued after the sheet's. */
  sheetNamed(name: string): Excel.Worksheet {
    const ws = this.target.get(name);
    if (ws === undefined) throw new Error(`applyReportExcel: sheet "${name}" used before it was added`);
    return ws;
  }
}

/** What each step of writeReport works with. */
interface WriteJob {
  readonly report: Report;
  readonly read: WorkbookRead;
  readonly can: Capabilities;
  readonly renders: readonly SheetRender[];
  readonly survey: Survey;
  readonly queue: WriteQueue;
}

/** The formula of a report sheet's marker (a sheet-scoped name). */
function markerFormula(report: Report, sheet: ReportSheet): string {
  return `=${formulaString(`${report.marker}:${sheet.kind}`)}`;
}

/** Sets CTG_Complet. NamedItem.formula is settable from ExcelApi 1.7; before it, the name is deleted and added. */
function setCompleteFlag(
  names: Excel.NamedItemCollection,
  can: Capabilities,
  value: string,
  exists: boolean,
): void {
  if (exists && can.structure) names.getItem(COMPLETE_NAME).formula = `=${value}`;
  else {
    if (exists) names.getItem(COMPLETE_NAME).delete();
    names.add(COMPLETE_NAME, `=${value}`, COMPLETE_COMMENT);
  }
}

/**
 * delete: first of all, the summary marked incomplete until the last action says otherwise; the
 * names the report redefines; the reused sheets wiped; then the product's sheets of a kind the
 * report no longer has (their tables and sheet-scoped names go with them, and the user's references
 * to them turn to #REF!, as in Excel); then the reused sheets renamed. A placeholder keeps a visible
 * sheet when only the product's were visible.
 *
 * @returns the product's tables rewritten in place, by their name in lower case
 */
function queueDeletes(job: WriteJob): Map<string, KeptTable> {
  const { report, read, can, survey, queue } = job;
  const { names, worksheets } = read;
  const flagExists = survey.existingNames.has(COMPLETE_NAME.toLowerCase());
  queue.add("delete", [COMPLETE_NAME, false], 1, () => setCompleteFlag(names, can, "FALSE", flagExists));
  for (const n of report.names) {
    if (n.name === COMPLETE_NAME) continue;
    if (survey.existingNames.has(n.name.toLowerCase()))
      queue.add("delete", n.name, 1, () => names.getItem(n.name).delete());
  }
  const keptByName = new Map<string, KeptTable>();
  report.sheets.forEach((sheet, k) => {
    const ws = survey.reusedOf.get(k);
    if (ws === undefined) return;
    for (const t of queueWipe(job, sheet, ws)) keptByName.set(t.spec.name.toLowerCase(), t);
  });
  const { placeholder } = survey;
  if (survey.needsPlaceholder) queue.add("delete", placeholder, 1, () => void worksheets.add(placeholder));
  for (const ws of survey.doomed) queue.add("delete", ws.name, 1, () => ws.delete());
  queueRenames(job);
  return keptByName;
}

/**
 * Queues the wipe of a reused product sheet. Its tables go (and the report's come back, re-added):
 * a user's structured reference to one (`CTG_Communes[Commune]`) does break, unlike plain cell
 * references, which the wipe keeps. Accepted: tables are rebuilt at their report's size rather than
 * resized in place; only those tablesKeptIn finds stay.
 *
 * @returns the sheet's tables that stay
 */
function queueWipe(job: WriteJob, sheet: ReportSheet, ws: Excel.Worksheet): KeptTable[] {
  const ownTables = job.read.tables.items.filter((t) => t.worksheet.name === ws.name);
  const keep = tablesKeptIn(ownTables, sheet);
  const gone: Wiped = {
    tables: ownTables.filter((t) => !keep.some((k) => k.table === t)),
    charts: ws.charts.items,
    names: ws.names.items.filter(
      (n) => !(n.name === MARKER_NAME && n.formula === markerFormula(job.report, sheet)),
    ),
    keep,
  };
  job.queue.add(
    "delete",
    [ws.name, ownTables.map((t) => t.name), gone.names.map((n) => n.name), gone.charts.length],
    12 + ownTables.length + gone.names.length + gone.charts.length + 4 * keep.length,
    () => wipeSheet(ws, gone, job.can),
  );
  return keep;
}

/** What a reused sheet loses in its wipe, and the tables it keeps. */
interface Wiped {
  readonly tables: readonly Excel.Table[];
  readonly charts: readonly Excel.Chart[];
  /** Its sheet-scoped names, but a marker that stays. */
  readonly names: readonly Excel.NamedItem[];
  readonly keep: readonly KeptTable[];
}

/** Wipes a reused sheet: cells, formats, merges, validations, conditional formats, sizes, panes, tab colour. */
function wipeSheet(ws: Excel.Worksheet, gone: Wiped, can: Capabilities): void {
  const { keep } = gone;
  if (ws.visibility !== "Visible") ws.visibility = "Visible";
  for (const t of gone.tables) t.delete();
  for (const c of gone.charts) c.delete();
  for (const n of gone.names) n.delete();
  const all = ws.getRange(); // the whole sheet
  all.unmerge();
  all.conditionalFormats.clearAll();
  // Without ExcelApi 1.8 there is no validation to clear (none was written by this Excel).
  if (can.validation) all.dataValidation.clear();
  if (keep.length === 0) all.clear("All");
  else {
    // Clearing all of a table's range may remove the table: around the kept tables all goes;
    // within them, the data and the formats (the header row keeps its names, so the user's
    // structured references keep theirs); then each takes the report's number of rows.
    for (const rect of complement(keep.map((k) => k.old))) ws.getRange(rectAddress(rect)).clear("All");
    for (const k of keep) {
      k.table.getRange().clear("Formats");
      k.table.getDataBodyRange().clear("Contents");
      fitRows(k);
    }
  }
  if (can.standardSize) {
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
  }
  if (can.freeze) ws.freezePanes.unfreeze();
  if (can.tabColor) ws.tabColor = "";
}

/** Renames the reused sheets: through temporary names when one takes the name another one still has. */
function queueRenames(job: WriteJob): void {
  const { report, survey, queue } = job;
  const renames = report.sheets
    .map((sheet, k) => ({ sheet, ws: survey.reusedOf.get(k) }))
    .filter(
      (r): r is { sheet: ReportSheet; ws: Excel.Worksheet } =>
        r.ws !== undefined && r.ws.name !== r.sheet.name,
    );
  const renamedFrom = new Set(renames.map((r) => r.ws.name.toLowerCase()));
  const swap = renames.some(
    (r) =>
      renamedFrom.has(r.sheet.name.toLowerCase()) && r.ws.name.toLowerCase() !== r.sheet.name.toLowerCase(),
  );
  if (swap) {
    const { taken } = survey;
    renames.forEach((r, i) => {
      let temp = `CTG Planner ~${i + 1}`;
      for (let n = 2; taken.has(temp.toLowerCase()); n++) temp = `CTG Planner ~${i + 1}.${n}`;
      taken.add(temp.toLowerCase());
      queue.add("delete", temp, 1, () => {
        r.ws.name = temp;
      });
    });
  }
  for (const r of renames) {
    queue.add("delete", r.sheet.name, 1, () => {
      r.ws.name = r.sheet.name;
    });
  }
}

/**
 * sheets: each sheet (reused or added), its marker, tab colour, column widths; then, when some are
 * reused, the report's order (as one block where the product's sheets began).
 */
function queueSheets(job: WriteJob): void {
  const { report, read, can, renders, survey, queue } = job;
  report.sheets.forEach((sheet, k) => {
    const widths = renders[k]?.widths ?? [];
    const old = survey.reusedOf.get(k);
    const keepMarker = old?.names.items.some(
      (n) => n.name === MARKER_NAME && n.formula === markerFormula(report, sheet),
    );
    queue.add("sheets", [sheet.name, widths], 3 + widths.length, () => {
      const ws = old ?? read.worksheets.add(sheet.name);
      queue.setSheet(sheet.name, ws);
      const marker =
        keepMarker === true
          ? ws.names.getItem(MARKER_NAME)
          : ws.names.add(MARKER_NAME, markerFormula(report, sheet));
      marker.visible = false;
      if (sheet.tabColor !== undefined && can.tabColor) ws.tabColor = `#${sheet.tabColor}`;
      for (const w of widths)
        ws.getRange(`${columnLetters(w.c1)}:${columnLetters(w.c2)}`).format.columnWidth = w.points;
    });
  });
  if (survey.reusedOf.size > 0) {
    // Sheets before the first product sheet stay before the block; the deleted ones are gone.
    const firstMarked = survey.sheetsInOrder.findIndex((ws) => survey.markedNames.has(ws.name));
    const start = Math.max(0, firstMarked);
    report.sheets.forEach((sheet, k) => {
      queue.add("sheets", [sheet.name, start + k], 1, () => {
        queue.sheetNamed(sheet.name).position = start + k;
      });
    });
  }
}

/** values: number formats first (text-formatted cells keep their text), then constants. */
function queueValues(job: WriteJob): void {
  const { report, renders, queue } = job;
  report.sheets.forEach((sheet, k) => {
    for (const band of renders[k]?.bands ?? []) {
      queue.add("values", [band.numberFormat, band.values], 3, () => {
        const range = queue.sheetNamed(sheet.name).getRange(rectAddress(band.rect));
        range.numberFormat = band.numberFormat;
        range.values = band.values;
      });
    }
  });
}

/** tables and names, before the formulas that refer to them. */
function queueTablesAndNames(job: WriteJob, keptByName: ReadonlyMap<string, KeptTable>): void {
  const { report, read, queue } = job;
  report.sheets.forEach((sheet) => {
    for (const t of sheet.tables) {
      const kept = keptByName.get(t.name.toLowerCase());
      queue.add("tables", t, 3, () => {
        if (kept !== undefined) {
          // The same table object, resized with the wipe: the user's structured references stay.
          if (kept.table.name !== t.name) kept.table.name = t.name;
          kept.table.style = t.style;
          return;
        }
        // A Range, not an address: an address without a sheet would mean the active sheet.
        const ws = queue.sheetNamed(sheet.name);
        const table = ws.tables.add(ws.getRange(t.ref), true);
        table.name = t.name;
        table.style = t.style;
      });
    }
  });
  for (const n of report.names) {
    if (n.name === COMPLETE_NAME) continue;
    queue.add("names", n, 1, () => void read.names.add(n.name, `=${n.ref.replace(/^=/, "")}`, n.comment));
  }
}

/** formulas, and the number formats that must come after them. */
function queueFormulas(job: WriteJob): void {
  const { report, renders, queue } = job;
  report.sheets.forEach((sheet, k) => {
    for (const band of renders[k]?.bands ?? []) {
      if (band.formulas === null && band.lateFormats.length === 0) continue;
      queue.add("formulas", [band.formulas, band.lateFormats], 1 + band.lateFormats.length, () => {
        const ws = queue.sheetNamed(sheet.name);
        if (band.formulas !== null) ws.getRange(rectAddress(band.rect)).formulas = band.formulas;
        for (const late of band.lateFormats) ws.getRange(late.address).numberFormat = [[late.format]];
      });
    }
  });
}

/**
 * formats of one sheet: styles, merges, row heights, validations (checked now, before anything is
 * sent; without ExcelApi 1.8, a list of allowed values below the sheet), status formats.
 */
function queueFormats(job: WriteJob, sheet: ReportSheet, render: SheetRender | undefined): void {
  if (render === undefined) return;
  const { report, can, queue } = job;
  const where = `sheet "${sheet.name}"`;
  const rangeAt = queueLooks(queue, sheet.name, render, sheet.merges, can);
  for (const v of sheet.validations) {
    const rule = validationRule(v, where); // checked now, before anything is sent
    if (!can.validation) continue; // written as a list of allowed values below (see below)
    for (const ref of v.ref.trim().split(/\s+/)) {
      queue.add("formats", [rule, v.prompt ?? "", v.error], 4, () =>
        applyValidation(rangeAt(ref).dataValidation, v, where),
      );
    }
  }
  const notes = can.validation ? null : allowedValuesNote(sheet, report.lang);
  if (notes !== null) {
    queue.add("formats", notes.values, 2, () => {
      const range = rangeAt(notes.address);
      range.numberFormat = notes.values.map(() => ["@"]); // text as typed, whatever it reads like
      range.values = notes.values;
    });
  }
  for (const f of sheet.statusFormats) {
    for (const ref of f.ref.trim().split(/\s+/)) {
      queue.add("formats", f, 8, () => applyStatus(rangeAt(ref).conditionalFormats, f.okText));
    }
  }
}

/** layout: freeze panes, page setup (ExcelApi 1.9), the first sheet activated, the placeholder gone. */
function queueLayout(job: WriteJob): void {
  const { report, read, can, survey, queue } = job;
  report.sheets.forEach((sheet) => {
    const rows = Math.max(0, sheet.freeze?.rows ?? 0);
    const cols = Math.max(0, sheet.freeze?.cols ?? 0);
    if ((rows > 0 || cols > 0) && can.freeze) {
      queue.add("layout", sheet.freeze, 1, () => {
        const panes = queue.sheetNamed(sheet.name).freezePanes;
        if (rows > 0 && cols > 0) panes.freezeAt(`A1:${a1(rows - 1, cols - 1)}`);
        else if (rows > 0) panes.freezeRows(rows);
        else panes.freezeColumns(cols);
      });
    }
    if (can.layout)
      queue.add("layout", sheet.print, 8, () =>
        applyPageSetup(queue.sheetNamed(sheet.name).pageLayout, sheet),
      );
  });
  const first = report.sheets[0];
  if (survey.activeWasMarked && first !== undefined)
    queue.add("layout", first.name, 1, () => queue.sheetNamed(first.name).activate());
  const { placeholder } = survey;
  if (survey.needsPlaceholder)
    queue.add("layout", placeholder, 1, () => read.worksheets.getItem(placeholder).delete());
}

/**
 * charts: the report's, whose series may point at any sheet; every chart is checked (planChart)
 * even where this Excel draws none.
 *
 * @returns the number of charts queued
 */
function queueCharts(job: WriteJob): number {
  const { report, read, can, survey, queue } = job;
  let charts = 0;
  const reportSheetNamed = new Map(report.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const keptNamed = new Map(survey.kept.map((ws) => [ws.name.toLowerCase(), ws.name]));
  const sheetKnown = (name: string): boolean =>
    reportSheetNamed.has(name.toLowerCase()) || keptNamed.has(name.toLowerCase());
  const rangeOf = (ref: ChartRef): Excel.Range => {
    const own = reportSheetNamed.get(ref.sheet.toLowerCase());
    const ws =
      own === undefined
        ? read.worksheets.getItem(keptNamed.get(ref.sheet.toLowerCase()) ?? ref.sheet)
        : queue.sheetNamed(own);
    return ws.getRange(ref.cells);
  };
  const chartPlans = report.sheets.map((sheet) =>
    (sheet.charts ?? []).map((chart) => planChart(chart, `sheet "${sheet.name}"`, sheetKnown)),
  );
  if (can.chart) {
    report.sheets.forEach((sheet, k) => {
      for (const plan of chartPlans[k] ?? []) {
        charts++;
        queue.add("chart", plan.chart, 6 + 6 * plan.series.length, () =>
          applyReportChart(queue.sheetNamed(sheet.name), plan, rangeOf, can.axisFormat),
        );
      }
    });
  }
  return charts;
}

/**
 * Sends the writes: one request normally; more only when the writes exceed the limit, each
 * waiting for the one before (their order matters), hence a sync per request. Calculation (and
 * screen updating, where Excel has it) is suspended until each sync.
 */
async function sendRequests(
  context: Excel.RequestContext,
  requests: readonly (readonly WriteOp[])[],
  application: Excel.Application,
  settings: WriteSettings,
): Promise<void> {
  const { can, onProgress } = settings;
  let lastStep: ApplyStep | null = null;
  const send = async (index: number): Promise<void> => {
    const ops = requests[index];
    if (ops === undefined) return;
    if (can.calc) application.suspendApiCalculationUntilNextSync();
    if (can.screen) application.suspendScreenUpdatingUntilNextSync();
    for (const [i, o] of ops.entries()) {
      // Each step as it starts, and each request's first (a request may carry one step only).
      if (o.step !== lastStep || i === 0) {
        lastStep = o.step;
        onProgress?.({
          step: o.step,
          index: APPLY_STEPS.indexOf(o.step),
          total: APPLY_STEPS.length,
          request: index + 1,
          requests: requests.length,
        });
      }
      o.queue();
    }
    await context.sync();
    return send(index + 1);
  };
  return send(0);
}

/** What this Excel lacks that the report would have had (ApplyResult.missing). */
function missingFeatures(report: Report, can: Capabilities): MissingFeature[] {
  const missing: MissingFeature[] = [];
  if (!can.validation && report.sheets.some((sh) => sh.validations.length > 0)) missing.push("dropDowns");
  if (!can.layout && report.sheets.length > 0) missing.push("pageLayout");
  const chartsWanted = report.sheets.some((sh) => (sh.charts ?? []).length > 0);
  if (!can.chart && chartsWanted) missing.push("charts");
  if (can.chart && !can.axisFormat && chartsWanted) missing.push("chartAxisFormat");
  return missing;
}
