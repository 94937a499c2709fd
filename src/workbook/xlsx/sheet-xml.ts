/**
 * The XML of the product's worksheets and tables, written as text in the schema's element order.
 */

import { a1, rangeBounds } from "../../core";
import {
  DEFAULT_ROW_HEIGHT,
  wrappedRowHeights,
  type CellStyle,
  type ReportCell,
  type SheetContent,
  type ReportStatusFormat,
  type ReportTable,
  type ReportValidation,
  type StyleName,
} from "../../report";
import { argb } from "./styles";
import { escapeCellText, escapeXml, NS_MAIN, NS_REL, XML_DECLARATION } from "./xml";

/** What a worksheet needs from the rest of the package. */
export interface SheetContext {
  /** xf index of each style name. */
  readonly xf: ReadonlyMap<StyleName, number>;
  /** The palette, for row heights of wrapped text. */
  readonly palette: Readonly<Record<StyleName, CellStyle>>;
  /** dxf indexes of the status formats: [ok (green), not ok (red)]. */
  readonly statusDxf: readonly [number, number];
  /** Relationship ids of the sheet's tables, in the order of sheet.tables. */
  readonly tableRelIds: readonly string[];
  /** Whether the sheet is the selected tab. */
  readonly selected: boolean;
  /** Relationship id of the sheet's drawing (its charts), when it has one. */
  readonly drawingRelId?: string;
}

const MAX_ROW = 1_048_575;
const MAX_COL = 16_383;

/** A range (or space-separated list of ranges) checked and normalised to upper case without `$`. */
function sqref(ref: string): string {
  return ref
    .trim()
    .split(/\s+/)
    .map((part) => {
      const b = rangeBounds(part.replace(/\$/g, ""));
      return b.r1 === b.r2 && b.c1 === b.c2 ? a1(b.r1, b.c1) : `${a1(b.r1, b.c1)}:${a1(b.r2, b.c2)}`;
    })
    .join(" ");
}

/** A number as xsd:double text. */
function numberText(value: number, where: string): string {
  if (!Number.isFinite(value)) throw new Error(`${where}: not a finite number: ${value}`);
  return Object.is(value, -0) ? "0" : String(value);
}

/** A text as an Excel formula string literal (`"a""b"`). */
export function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cellXml(cell: ReportCell, ctx: SheetContext, where: string): string {
  const ref = a1(cell.row, cell.col);
  let s = "";
  if (cell.style !== undefined) {
    const index = ctx.xf.get(cell.style);
    if (index === undefined) throw new Error(`${where}: style "${cell.style}" is not in the palette`);
    if (index !== 0) s = ` s="${index}"`;
  }
  const v = cell.value;
  switch (v.kind) {
    case "text":
      // Always an inline string, never a formula, whatever the text starts with.
      return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(v.text)}</t></is></c>`;
    case "number":
      return `<c r="${ref}"${s}><v>${numberText(v.value, where)}</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s} t="b"><v>${v.value ? 1 : 0}</v></c>`;
    case "formula": {
      const f = `<f>${escapeXml(v.formula.replace(/^=/, ""))}</f>`;
      const e = v.expected;
      if (typeof e === "string") return `<c r="${ref}"${s} t="str">${f}<v>${escapeCellText(e)}</v></c>`;
      if (typeof e === "boolean") return `<c r="${ref}"${s} t="b">${f}<v>${e ? 1 : 0}</v></c>`;
      return Number.isFinite(e)
        ? `<c r="${ref}"${s}>${f}<v>${numberText(e, where)}</v></c>`
        : `<c r="${ref}"${s}>${f}</c>`;
    }
  }
}

function sheetViewsXml(sheet: SheetContent, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : "";
  const rows = sheet.freeze?.rows ?? 0;
  const cols = sheet.freeze?.cols ?? 0;
  if (rows <= 0 && cols <= 0) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const topLeft = a1(Math.max(0, rows), Math.max(0, cols));
  const activePane = rows > 0 && cols > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0">` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${activePane}" state="frozen"/>` +
    `<selection pane="${activePane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    "</sheetView></sheetViews>"
  );
}

function colsXml(widths: readonly number[]): string {
  const cols = widths
    .map((w, i) =>
      Number.isFinite(w) && w > 0
        ? `<col min="${i + 1}" max="${i + 1}" width="${numberText(w, "column width")}" customWidth="1"/>`
        : "",
    )
    .join("");
  return cols === "" ? "" : `<cols>${cols}</cols>`;
}

function statusFormatsXml(formats: readonly ReportStatusFormat[], dxf: readonly [number, number]): string {
  let priority = 0;
  return formats
    .map((f) => {
      const literal = escapeXml(formulaString(f.okText));
      priority += 2;
      return (
        `<conditionalFormatting sqref="${sqref(f.ref)}">` +
        `<cfRule type="cellIs" dxfId="${dxf[0]}" priority="${priority - 1}" operator="equal"><formula>${literal}</formula></cfRule>` +
        `<cfRule type="cellIs" dxfId="${dxf[1]}" priority="${priority}" operator="notEqual"><formula>${literal}</formula></cfRule>` +
        "</conditionalFormatting>"
      );
    })
    .join("");
}

/** Excel's limits on validation messages: 255 characters, titles 32. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const VALIDATION_TITLE = "CTG Planner";

function validationXml(v: ReportValidation, where: string): string {
  const prompt =
    v.prompt === undefined || v.prompt === ""
      ? ""
      : ` showInputMessage="1" promptTitle="${VALIDATION_TITLE}" prompt="${escapeXml(clip(v.prompt, 255))}"`;
  const error = ` showErrorMessage="1" errorStyle="stop" errorTitle="${VALIDATION_TITLE}" error="${escapeXml(clip(v.error, 255))}"`;
  if (v.type === "list") {
    // A list that only suggests (allowOthers) shows no alert: any other value is kept as typed.
    for (const item of v.items) {
      if (item.includes(","))
        throw new Error(`${where}: a list validation item cannot hold a comma: "${item}"`);
    }
    const list = formulaString(v.items.join(","));
    if (list.length > 257) throw new Error(`${where}: list validation longer than Excel's 255 characters`);
    return (
      `<dataValidation type="list" allowBlank="1"${prompt}${v.allowOthers === true ? "" : error} sqref="${sqref(v.ref)}">` +
      `<formula1>${escapeXml(list)}</formula1></dataValidation>`
    );
  }
  const range = v.max === undefined ? ' operator="greaterThanOrEqual"' : ' operator="between"';
  const formulas =
    `<formula1>${numberText(v.min, where)}</formula1>` +
    (v.max === undefined ? "" : `<formula2>${numberText(v.max, where)}</formula2>`);
  return `<dataValidation type="${v.type}"${range} allowBlank="1"${prompt}${error} sqref="${sqref(v.ref)}">${formulas}</dataValidation>`;
}

/** Header/footer text: `&` doubled, clipped to Excel's 255 characters with the codes. */
function headerFooterText(text: string, room: number): string {
  return clip(text, Math.max(0, room)).replace(/&/g, "&&");
}

function headerFooterXml(sheet: SheetContent): string {
  const header =
    sheet.print.headerText === "" ? "" : `&C&"-,Bold"${headerFooterText(sheet.print.headerText, 120)}`;
  const footer = `&L${headerFooterText(sheet.print.footerText, 120)}&RPage &P / &N`;
  return `<headerFooter>${header === "" ? "" : `<oddHeader>${escapeXml(header)}</oddHeader>`}<oddFooter>${escapeXml(footer)}</oddFooter></headerFooter>`;
}

/**
 * Checks a report sheet: cells within Excel's grid and not twice at the same place, tables whose
 * header cells hold exactly their column names.
 *
 * @param sheet - the report sheet
 * @throws Error on the first problem
 */
export function checkSheet(sheet: SheetContent): void {
  const seen = new Set<number>();
  const byPos = new Map<number, ReportCell>();
  for (const cell of sheet.cells) {
    if (
      !Number.isInteger(cell.row) ||
      !Number.isInteger(cell.col) ||
      cell.row < 0 ||
      cell.col < 0 ||
      cell.row > MAX_ROW ||
      cell.col > MAX_COL
    ) {
      throw new Error(`sheet "${sheet.name}": cell out of the grid at (${cell.row}, ${cell.col})`);
    }
    const key = cell.row * (MAX_COL + 1) + cell.col;
    if (seen.has(key)) throw new Error(`sheet "${sheet.name}": two cells at ${a1(cell.row, cell.col)}`);
    seen.add(key);
    byPos.set(key, cell);
  }
  for (const table of sheet.tables) {
    const b = rangeBounds(table.ref);
    if (b.c2 - b.c1 + 1 !== table.columns.length) {
      throw new Error(
        `table ${table.name}: ${table.columns.length} columns for the ${b.c2 - b.c1 + 1} of ${table.ref}`,
      );
    }
    if (b.r2 <= b.r1) throw new Error(`table ${table.name}: ${table.ref} has no data row`);
    const lower = table.columns.map((c) => c.toLowerCase());
    table.columns.forEach((name, i) => {
      if (name === "") throw new Error(`table ${table.name}: empty column name`);
      if (lower.indexOf(name.toLowerCase()) !== i)
        throw new Error(`table ${table.name}: duplicate column "${name}"`);
      const header = byPos.get(b.r1 * (MAX_COL + 1) + b.c1 + i);
      if (header?.value.kind !== "text" || header.value.text !== name) {
        throw new Error(`table ${table.name}: header cell ${a1(b.r1, b.c1 + i)} must be the text "${name}"`);
      }
    });
  }
}

/**
 * The worksheet part of a report sheet.
 *
 * @param sheet - the report sheet (checked with checkSheet)
 * @param ctx - styles, table relationships, selection
 * @returns the part's XML
 */
export function worksheetXml(sheet: SheetContent, ctx: SheetContext): string {
  const where = `sheet "${sheet.name}"`;
  const { sheetData, dimension } = sheetDataXml(sheet, ctx, where);
  const sheetPr =
    sheet.tabColor !== undefined || sheet.print.fitToWidth
      ? `<sheetPr>${sheet.tabColor !== undefined ? `<tabColor rgb="${argb(sheet.tabColor)}"/>` : ""}` +
        `${sheet.print.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`
      : "";
  const merges =
    sheet.merges.length === 0
      ? ""
      : `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${sqref(m)}"/>`).join("")}</mergeCells>`;
  const validations =
    sheet.validations.length === 0
      ? ""
      : `<dataValidations count="${sheet.validations.length}">${sheet.validations.map((v) => validationXml(v, where)).join("")}</dataValidations>`;
  const pageSetup =
    `<pageSetup paperSize="9" orientation="${sheet.print.landscape ? "landscape" : "portrait"}"` +
    `${sheet.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`;
  const tableParts =
    ctx.tableRelIds.length === 0
      ? ""
      : `<tableParts count="${ctx.tableRelIds.length}">${ctx.tableRelIds.map((id) => `<tablePart r:id="${escapeXml(id)}"/>`).join("")}</tableParts>`;

  return (
    XML_DECLARATION +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    sheetPr +
    `<dimension ref="${dimension}"/>` +
    sheetViewsXml(sheet, ctx.selected) +
    `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_HEIGHT}"/>` +
    colsXml(sheet.columnWidths) +
    sheetData +
    merges +
    statusFormatsXml(sheet.statusFormats, ctx.statusDxf) +
    validations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    pageSetup +
    headerFooterXml(sheet) +
    (ctx.drawingRelId === undefined ? "" : `<drawing r:id="${escapeXml(ctx.drawingRelId)}"/>`) +
    tableParts +
    "</worksheet>"
  );
}

/**
 * The `<sheetData>` of a report sheet (rows in order, with their spans and the heights of wrapped
 * rows) and the `<dimension>` reference of its cells.
 */
function sheetDataXml(
  sheet: SheetContent,
  ctx: SheetContext,
  where: string,
): { readonly sheetData: string; readonly dimension: string } {
  const cells = [...sheet.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const heights = wrappedRowHeights(sheet, ctx.palette);
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  const rows: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const first = cells[i];
    if (first === undefined) break;
    const row = first.row;
    const parts: string[] = [];
    let rowMin = Infinity;
    let rowMax = -1;
    for (; i < cells.length; i++) {
      const cell = cells[i];
      if (cell === undefined || cell.row !== row) break;
      parts.push(cellXml(cell, ctx, where));
      rowMin = Math.min(rowMin, cell.col);
      rowMax = Math.max(rowMax, cell.col);
    }
    minRow = Math.min(minRow, row);
    maxRow = Math.max(maxRow, row);
    minCol = Math.min(minCol, rowMin);
    maxCol = Math.max(maxCol, rowMax);
    const ht = heights.get(row);
    const height = ht === undefined ? "" : ` ht="${ht}" customHeight="1"`;
    rows.push(`<row r="${row + 1}" spans="${rowMin + 1}:${rowMax + 1}"${height}>${parts.join("")}</row>`);
  }
  const dimension =
    maxRow < 0
      ? "A1"
      : minRow === maxRow && minCol === maxCol
        ? a1(minRow, minCol)
        : `${a1(minRow, minCol)}:${a1(maxRow, maxCol)}`;
  return {
    sheetData: rows.length === 0 ? "<sheetData/>" : `<sheetData>${rows.join("")}</sheetData>`,
    dimension,
  };
}

/**
 * The part of a report table.
 *
 * @param table - the table (checked with checkSheet)
 * @param id - its workbook-unique id
 * @returns the part's XML
 */
export function tableXml(table: ReportTable, id: number): string {
  const ref = sqref(table.ref);
  const columns = table.columns
    .map((name, i) => `<tableColumn id="${i + 1}" name="${escapeCellText(name)}"/>`)
    .join("");
  return (
    XML_DECLARATION +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(table.name)}" displayName="${escapeXml(table.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${table.columns.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(table.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    "</table>"
  );
}
