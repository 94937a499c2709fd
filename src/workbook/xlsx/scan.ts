/**
 * Fast readers for the big parts (worksheets, shared strings): a hand-written scan over the part's
 * text, no DOM. Only the elements that carry values are looked at.
 */

import type { RawValue } from "../../core/types";
import { decodeEntities, decodeOoxmlEscapes } from "./xml";

/** Tags the scanners care about, with any namespace prefix; group 1 is "/" for a closing tag. */
const SST_TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(si|t|rPh)(?=[\s/>])([^>]*)>/g;

/**
 * Reads the element text that starts at `pos` (just after an opening tag) up to the next tag,
 * decoding entities and CDATA sections.
 *
 * @returns the decoded text and the position of the `<` that ends it
 */
function readText(xml: string, pos: number): { text: string; end: number } {
  let text = "";
  // XML end-of-line handling: CR LF and lone CR are LF (a CR the user typed is &#13; or _x000D_).
  const raw = (from: number, to?: number): string => {
    const s = xml.slice(from, to);
    return decodeEntities(s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n"));
  };
  let i = pos;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return { text: text + raw(i), end: xml.length };
    text += raw(i, lt);
    if (xml.startsWith("<![CDATA[", lt)) {
      const close = xml.indexOf("]]>", lt + 9);
      if (close < 0) return { text: text + xml.slice(lt + 9), end: xml.length };
      text += xml.slice(lt + 9, close);
      i = close + 3;
      continue;
    }
    return { text, end: lt };
  }
}

/**
 * The strings of a shared strings part, in order: the text of each `<si>` (plain `<t>` or rich text
 * runs `<r><t>`), phonetic runs (`<rPh>`) left out, entities and `_xHHHH_` escapes decoded.
 *
 * @param xml - the part's text
 * @returns the strings, by index
 */
export function scanSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = new RegExp(SST_TAG.source, "g");
  let inItem = false;
  let phonetic = 0;
  let current = "";
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const closing = m[1] === "/";
    const name = m[2];
    const selfClosing = (m[3] ?? "").endsWith("/");
    if (name === "si") {
      if (closing) {
        out.push(decodeOoxmlEscapes(current));
        inItem = false;
      } else if (selfClosing) {
        out.push("");
      } else {
        inItem = true;
        current = "";
        phonetic = 0;
      }
    } else if (name === "rPh") {
      if (!selfClosing) phonetic += closing ? -1 : 1;
    } else if (!closing && !selfClosing && inItem && phonetic === 0) {
      const { text, end } = readText(xml, re.lastIndex);
      current += text;
      re.lastIndex = end;
    }
  }
  return out;
}

/** Bounds (0-based, inclusive) a scan keeps cells within. */
export interface ScanBounds {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

/** What a worksheet scan gives: values by row then column, and the extent of the non-null values. */
export interface ScannedCells {
  /** Row index → sparse array of values by column index. */
  readonly rows: Map<number, RawValue[]>;
  /** Extent of the non-null values; minRow is Infinity when there is none. */
  readonly minRow: number;
  readonly maxRow: number;
  readonly minCol: number;
  readonly maxCol: number;
}

const SHEET_TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?(row|c|v|is|t|rPh|sheetData)(?=[\s/>])([^>]*)>/g;
const ROW_R = /\br\s*=\s*["'](\d+)["']/;
const CELL_R = /\br\s*=\s*["']\$?([A-Za-z]{1,3})\$?(\d+)["']/;
const CELL_T = /\bt\s*=\s*["']([A-Za-z]+)["']/;
const SHEET_DATA_START = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s/>])/;

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Serial number of an ISO 8601 date (cells of type `d`), in the 1900 date system. */
function isoToSerial(iso: string): number | null {
  const text = iso.trim();
  const withZone = /T/.test(text) && !/(Z|[+-]\d\d:?\d\d)$/.test(text) ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  if (!Number.isFinite(ms)) return null;
  const serial = (ms - EXCEL_EPOCH_MS) / 86_400_000;
  // Excel's 1900 system counts a 29 February 1900 that never was.
  return serial < 61 ? serial - 1 : serial;
}

function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 0x20) - 96);
  return n - 1;
}

function cellValue(type: string, v: string | null, inline: string | null, strings: readonly string[]): RawValue {
  switch (type) {
    case "s": {
      if (v === null) return null;
      const s = strings[Number(v)];
      return s === undefined ? null : s;
    }
    case "inlineStr":
      if (inline !== null) return decodeOoxmlEscapes(inline);
      return v === null ? null : decodeOoxmlEscapes(v);
    case "str":
      return v === null ? null : decodeOoxmlEscapes(v);
    case "b":
      if (v === null) return null;
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "e":
      return v === null ? null : { error: v.trim() };
    case "d":
      return v === null ? null : (isoToSerial(v) ?? v);
    default: {
      if (v === null) return null;
      const trimmed = v.trim();
      if (trimmed === "") return null;
      const n = Number(trimmed);
      return Number.isNaN(n) ? v : n;
    }
  }
}

/**
 * Scans a worksheet part's `<sheetData>` for cell values. Rows and cells without an `r` attribute get
 * the position after the previous one. Cells with no value (style only, formula without a cached
 * value) are left out.
 *
 * @param xml - the worksheet part's text
 * @param strings - the workbook's shared strings
 * @param bounds - keep only cells within these bounds (rows are assumed in ascending order: the scan
 *   stops after the last row)
 * @returns the values and their extent
 */
export function scanWorksheet(xml: string, strings: readonly string[], bounds?: ScanBounds): ScannedCells {
  const rows = new Map<number, RawValue[]>();
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  const result = (): ScannedCells => ({ rows, minRow, maxRow, minCol, maxCol });

  const start = SHEET_DATA_START.exec(xml);
  if (!start) return result();
  const re = new RegExp(SHEET_TAG.source, "g");
  re.lastIndex = start.index;

  const firstRow = bounds?.firstRow ?? 0;
  const lastRow = bounds?.lastRow ?? Number.MAX_SAFE_INTEGER;
  const firstCol = bounds?.firstCol ?? 0;
  const lastCol = bounds?.lastCol ?? Number.MAX_SAFE_INTEGER;

  let row = -1;
  let col = -1;
  let rowValues: RawValue[] | undefined;
  let inCell = false;
  let cellType = "n";
  let cellCol = 0;
  let v: string | null = null;
  let inline: string | null = null;
  let inInline = false;
  let phonetic = 0;

  const commit = (): void => {
    inCell = false;
    if (row < firstRow || row > lastRow || cellCol < firstCol || cellCol > lastCol) return;
    const value = cellValue(cellType, v, inline, strings);
    if (value === null) return;
    if (rowValues === undefined) {
      rowValues = [];
      rows.set(row, rowValues);
    }
    rowValues[cellCol] = value;
    if (row < minRow) minRow = row;
    if (row > maxRow) maxRow = row;
    if (cellCol < minCol) minCol = cellCol;
    if (cellCol > maxCol) maxCol = cellCol;
  };

  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const closing = m[1] === "/";
    const name = m[2];
    const attrs = m[3] ?? "";
    const selfClosing = attrs.endsWith("/");
    switch (name) {
      case "sheetData":
        if (closing || selfClosing) return result();
        break;
      case "row": {
        if (closing) break;
        const r = ROW_R.exec(attrs);
        row = r && r[1] !== undefined ? Number(r[1]) - 1 : row + 1;
        if (row > lastRow) return result();
        col = -1;
        rowValues = rows.get(row);
        break;
      }
      case "c": {
        if (closing) {
          if (inCell) commit();
          break;
        }
        const r = CELL_R.exec(attrs);
        if (r && r[1] !== undefined && r[2] !== undefined) {
          const cellRow = Number(r[2]) - 1;
          if (cellRow !== row) {
            // A cell outside its row element (or a sheet without <row r>): trust the cell's address.
            row = cellRow;
            rowValues = rows.get(row);
          }
          col = columnOf(r[1]);
        } else {
          col += 1;
        }
        cellCol = col;
        const t = CELL_T.exec(attrs);
        cellType = t && t[1] !== undefined ? t[1] : "n";
        v = null;
        inline = null;
        inInline = false;
        phonetic = 0;
        inCell = true;
        if (selfClosing) commit();
        break;
      }
      case "v":
        if (!closing && !selfClosing && inCell) {
          const { text, end } = readText(xml, re.lastIndex);
          v = text;
          re.lastIndex = end;
        }
        break;
      case "is":
        if (closing) {
          inInline = false;
        } else if (inCell) {
          inline = inline ?? "";
          inInline = !selfClosing;
        }
        break;
      case "rPh":
        if (!selfClosing) phonetic += closing ? -1 : 1;
        break;
      case "t":
        if (!closing && !selfClosing && inInline && phonetic === 0) {
          const { text, end } = readText(xml, re.lastIndex);
          inline = (inline ?? "") + text;
          re.lastIndex = end;
        }
        break;
    }
  }
  return result();
}
