/**
 * Fast readers for the big parts (worksheets, shared strings): a hand-written tokenizer over the
 * part's text, no DOM and no per-tag regular expression. Only the elements that carry values are
 * looked at; namespace prefixes (`<x:c>`) are ignored.
 */

import type { RawValue } from "../../core";
import { decodeEntities, decodeOoxmlEscapes } from "./xml";

// Local names the scanners care about.
const OTHER: number = 0;
const C: number = 1;
const V: number = 2;
const T: number = 3;
const ROW: number = 4;
const IS: number = 5;
const RPH: number = 6;
const SHEET_DATA: number = 7;
const SI: number = 8;

/** One tag, filled in place by nextTag (no allocation per tag). */
interface Tag {
  /** One of the name codes above. */
  name: number;
  closing: boolean;
  selfClosing: boolean;
  /** Where the attributes start and end (the end is before `/>` or `>`). */
  attrsStart: number;
  attrsEnd: number;
  /** Position just after `>`. */
  end: number;
}

function nameCode(xml: string, s: number, e: number): number {
  switch (e - s) {
    case 1: {
      const ch = xml.charCodeAt(s);
      return ch === 99 ? C : ch === 118 ? V : ch === 116 ? T : OTHER; // c v t
    }
    case 2:
      if (xml.charCodeAt(s) === 105 && xml.charCodeAt(s + 1) === 115) return IS; // is
      if (xml.charCodeAt(s) === 115 && xml.charCodeAt(s + 1) === 105) return SI; // si
      return OTHER;
    case 3:
      if (xml.startsWith("row", s)) return ROW;
      if (xml.startsWith("rPh", s)) return RPH;
      return OTHER;
    case 9:
      return xml.startsWith("sheetData", s) ? SHEET_DATA : OTHER;
    default:
      return OTHER;
  }
}

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13; // space > / tab LF CR
}

/**
 * Finds the next element tag at or after `pos`, skipping comments, CDATA sections, processing
 * instructions and declarations.
 *
 * @returns false when there is none
 */
function nextTag(xml: string, pos: number, tag: Tag): boolean {
  let p = pos;
  for (;;) {
    const lt = xml.indexOf("<", p);
    if (lt < 0) return false;
    let i = lt + 1;
    const first = xml.charCodeAt(i);
    if (first === 33 /* ! */) {
      if (xml.startsWith("!--", i)) {
        const close = xml.indexOf("-->", i + 3);
        if (close < 0) return false;
        p = close + 3;
      } else if (xml.startsWith("![CDATA[", i)) {
        const close = xml.indexOf("]]>", i + 8);
        if (close < 0) return false;
        p = close + 3;
      } else {
        const close = xml.indexOf(">", i);
        if (close < 0) return false;
        p = close + 1;
      }
      continue;
    }
    if (first === 63 /* ? */) {
      const close = xml.indexOf("?>", i);
      if (close < 0) return false;
      p = close + 2;
      continue;
    }
    tag.closing = first === 47;
    if (tag.closing) i++;
    const nameStart = i;
    let localStart = i;
    const len = xml.length;
    while (i < len) {
      const ch = xml.charCodeAt(i);
      if (isNameEnd(ch)) break;
      if (ch === 58 /* : */) localStart = i + 1;
      i++;
    }
    if (i === nameStart) {
      p = i;
      continue;
    }
    tag.name = nameCode(xml, localStart, i);
    const gt = xml.indexOf(">", i);
    if (gt < 0) return false;
    tag.selfClosing = xml.charCodeAt(gt - 1) === 47;
    tag.attrsStart = i;
    tag.attrsEnd = tag.selfClosing ? gt - 1 : gt;
    tag.end = gt + 1;
    return true;
  }
}

/** Value span of attribute `r` and `t` (single-letter names) within a tag, found without slicing. */
interface CellAttrs {
  rStart: number;
  rEnd: number;
  tStart: number;
  tEnd: number;
}

function readCellAttrs(xml: string, start: number, end: number, out: CellAttrs): void {
  out.rStart = -1;
  out.tStart = -1;
  let i = start;
  while (i < end) {
    let ch = xml.charCodeAt(i);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < end) {
      ch = xml.charCodeAt(i);
      if (ch === 61 /* = */ || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
      i++;
    }
    const nameEnd = i;
    while (i < end && xml.charCodeAt(i) !== 34 && xml.charCodeAt(i) !== 39) i++; // to the quote
    if (i >= end) return;
    const quote = xml.charCodeAt(i);
    const valueStart = i + 1;
    let valueEnd = valueStart;
    while (valueEnd < end && xml.charCodeAt(valueEnd) !== quote) valueEnd++;
    if (nameEnd - nameStart === 1) {
      const n = xml.charCodeAt(nameStart);
      if (n === 114 /* r */) {
        out.rStart = valueStart;
        out.rEnd = valueEnd;
      } else if (n === 116 /* t */) {
        out.tStart = valueStart;
        out.tEnd = valueEnd;
      }
    }
    i = valueEnd + 1;
  }
}

/** XML end-of-line handling (CR LF and lone CR are LF), then entities. */
function rawText(xml: string, from: number, to: number): string {
  const s = xml.slice(from, to);
  return decodeEntities(s.indexOf("\r") < 0 ? s : s.replace(/\r\n?/g, "\n"));
}

/**
 * Reads the element text that starts at `pos` (just after an opening tag) up to the next tag,
 * decoding entities and CDATA sections.
 *
 * @returns the decoded text and the position of the `<` that ends it
 */
function readText(xml: string, pos: number): { text: string; end: number } {
  let text = "";
  let i = pos;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) return { text: text + rawText(xml, i, xml.length), end: xml.length };
    text += rawText(xml, i, lt);
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

function newTag(): Tag {
  return { name: OTHER, closing: false, selfClosing: false, attrsStart: 0, attrsEnd: 0, end: 0 };
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
  const tag = newTag();
  let inItem = false;
  let phonetic = 0;
  let current = "";
  let pos = 0;
  while (nextTag(xml, pos, tag)) {
    pos = tag.end;
    if (tag.name === SI) {
      if (tag.closing) {
        out.push(decodeOoxmlEscapes(current));
        inItem = false;
      } else if (tag.selfClosing) {
        out.push("");
      } else {
        inItem = true;
        current = "";
        phonetic = 0;
      }
    } else if (tag.name === RPH) {
      if (!tag.selfClosing) phonetic += tag.closing ? -1 : 1;
    } else if (tag.name === T && !tag.closing && !tag.selfClosing && inItem && phonetic === 0) {
      const { text, end } = readText(xml, tag.end);
      current += text;
      pos = end;
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

function cellValue(
  type: string,
  v: string | null,
  inline: string | null,
  strings: readonly string[],
): RawValue {
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
      const n = Number(v);
      if (Number.isNaN(n)) return v;
      return v.trim() === "" ? null : n;
    }
  }
}

/** Parses the digits of [s, e) as an integer; -1 when there are none. */
function digits(xml: string, s: number, e: number): number {
  let n = 0;
  let seen = false;
  for (let i = s; i < e; i++) {
    const ch = xml.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      n = n * 10 + (ch - 48);
      seen = true;
    } else if (ch !== 36 /* $ */) {
      return -1;
    }
  }
  return seen ? n : -1;
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
  const scan = new CellScan(strings, bounds);
  const tag = newTag();
  let pos = sheetDataStart(xml, tag);
  if (pos < 0) return scan.result();
  while (nextTag(xml, pos, tag)) {
    pos = tag.end;
    switch (tag.name) {
      case SHEET_DATA:
        if (tag.closing) return scan.result();
        break;
      case ROW:
        if (!tag.closing && !scan.startRow(xml, tag)) return scan.result();
        break;
      case C:
        if (!tag.closing) scan.startCell(xml, tag);
        else if (scan.inCell) scan.commit();
        break;
      case V:
        if (!tag.closing && !tag.selfClosing && scan.inCell) {
          const { text, end } = readText(xml, tag.end);
          scan.v = text;
          pos = end;
        }
        break;
      case IS:
        if (tag.closing) {
          scan.inInline = false;
        } else if (scan.inCell) {
          scan.inline = scan.inline ?? "";
          scan.inInline = !tag.selfClosing;
        }
        break;
      case RPH:
        if (!tag.selfClosing) scan.phonetic += tag.closing ? -1 : 1;
        break;
      case T:
        if (!tag.closing && !tag.selfClosing && scan.inInline && scan.phonetic === 0) {
          const { text, end } = readText(xml, tag.end);
          scan.inline = (scan.inline ?? "") + text;
          pos = end;
        }
        break;
    }
  }
  return scan.result();
}

/** Where the first `<sheetData>`'s content starts; -1 when there is none or it is empty. */
function sheetDataStart(xml: string, tag: Tag): number {
  let pos = 0;
  for (;;) {
    if (!nextTag(xml, pos, tag)) return -1;
    pos = tag.end;
    if (tag.name === SHEET_DATA) return tag.selfClosing || tag.closing ? -1 : pos;
  }
}

/** A worksheet scan under way: where it is, the cell being read, and the values found so far. */
class CellScan {
  private readonly rows = new Map<number, RawValue[]>();
  private minRow = Infinity;
  private maxRow = -1;
  private minCol = Infinity;
  private maxCol = -1;
  private readonly firstRow: number;
  private readonly lastRow: number;
  private readonly firstCol: number;
  private readonly lastCol: number;
  private readonly attrs: CellAttrs = { rStart: -1, rEnd: -1, tStart: -1, tEnd: -1 };

  private row = -1;
  private col = -1;
  private rowValues: RawValue[] | undefined;
  private cellType = "n";
  private cellCol = 0;
  /** The cell being read: whether there is one, its `<v>`, its inline string and where in it. */
  inCell = false;
  v: string | null = null;
  inline: string | null = null;
  inInline = false;
  phonetic = 0;

  constructor(
    private readonly strings: readonly string[],
    bounds: ScanBounds | undefined,
  ) {
    this.firstRow = bounds?.firstRow ?? 0;
    this.lastRow = bounds?.lastRow ?? Number.MAX_SAFE_INTEGER;
    this.firstCol = bounds?.firstCol ?? 0;
    this.lastCol = bounds?.lastCol ?? Number.MAX_SAFE_INTEGER;
  }

  result(): ScannedCells {
    const { rows, minRow, maxRow, minCol, maxCol } = this;
    return { rows, minRow, maxRow, minCol, maxCol };
  }

  /** A `<row>` opens. @returns false when it is past the last row wanted (the scan stops). */
  startRow(xml: string, tag: Tag): boolean {
    const { attrs } = this;
    readCellAttrs(xml, tag.attrsStart, tag.attrsEnd, attrs);
    const r = attrs.rStart < 0 ? -1 : digits(xml, attrs.rStart, attrs.rEnd);
    this.row = r > 0 ? r - 1 : this.row + 1;
    if (this.row > this.lastRow) return false;
    this.col = -1;
    this.rowValues = this.rows.get(this.row);
    return true;
  }

  /** A `<c>` opens: its position (its `r`, else after the previous cell) and type. */
  startCell(xml: string, tag: Tag): void {
    const { attrs } = this;
    readCellAttrs(xml, tag.attrsStart, tag.attrsEnd, attrs);
    let refCol = -1;
    let refRow = -1;
    if (attrs.rStart >= 0) {
      let i = attrs.rStart;
      let letters = 0;
      for (; i < attrs.rEnd; i++) {
        const ch = xml.charCodeAt(i) | 0x20; // lower case
        if (ch === 0x24 /* $ */) continue;
        if (ch < 97 || ch > 122) break;
        letters = letters * 26 + (ch - 96);
      }
      const r = digits(xml, i, attrs.rEnd);
      if (letters > 0 && r > 0) {
        refCol = letters - 1;
        refRow = r - 1;
      }
    }
    if (refCol >= 0) {
      if (refRow !== this.row) {
        // A cell outside its row element (or a sheet without <row r>): trust the cell's address.
        this.row = refRow;
        this.rowValues = this.rows.get(refRow);
      }
      this.col = refCol;
    } else {
      this.col += 1;
    }
    this.cellCol = this.col;
    this.cellType = attrs.tStart < 0 ? "n" : xml.slice(attrs.tStart, attrs.tEnd);
    this.v = null;
    this.inline = null;
    this.inInline = false;
    this.phonetic = 0;
    this.inCell = true;
    if (tag.selfClosing) this.commit();
  }

  /** The cell ends: its value is kept when it has one and lies within the bounds. */
  commit(): void {
    this.inCell = false;
    const { row, cellCol } = this;
    if (row < this.firstRow || row > this.lastRow || cellCol < this.firstCol || cellCol > this.lastCol)
      return;
    const value = cellValue(this.cellType, this.v, this.inline, this.strings);
    if (value === null) return;
    if (this.rowValues === undefined) {
      this.rowValues = [];
      this.rows.set(row, this.rowValues);
    }
    this.rowValues[cellCol] = value;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
    if (cellCol < this.minCol) this.minCol = cellCol;
    if (cellCol > this.maxCol) this.maxCol = cellCol;
  }
}
