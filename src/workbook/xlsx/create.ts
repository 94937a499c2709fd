import { zipSync } from "fflate";
import { a1, type RawValue } from "../../core";
/** A sheet of a new workbook: rows of values from A1, and optionally an Excel table over part of it. */
export interface NewSheet {
  readonly name: string;
  readonly rows: readonly (readonly RawValue[])[];
  /** An Excel table whose header is row `headerRow` (0-based) and whose data runs to the last row. */
  readonly table?: { readonly name: string; readonly headerRow: number; readonly style?: string };
  /** 0-based columns shown as amounts (`# ##0,00 €`). */
  readonly moneyColumns?: readonly number[];
  /** 0-based columns shown as dates (`dd/mm/yyyy` in a French Excel). */
  readonly dateColumns?: readonly number[];
  /** 0-based rows shown as a title (bold, larger). */
  readonly titleRows?: readonly number[];
  readonly columnWidths?: readonly number[];
  readonly hidden?: boolean;
}

const enc = new TextEncoder();

/** Escapes text for XML content or attributes; control characters as OOXML `_x00HH_`. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    );
}

function cellXml(value: RawValue, ref: string, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (value === null || value === undefined || value === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof value === "number") return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${value.getTime() / 86400000 + 25569}</v></c>`;
  if (typeof value === "object") return `<c r="${ref}"${s} t="e"><v>${escapeXml(value.error)}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
}

/**
 * Writes a new .xlsx workbook from scratch (for the demo and for test inputs): text as inline strings,
 * numbers, booleans, errors, and Excel tables. It is not used on a user's workbook: that one is only
 * ever added to (see applyReport).
 *
 * @param sheets - the sheets, in order
 * @returns the .xlsx bytes
 */
export function createWorkbook(sheets: readonly NewSheet[]): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  let tableId = 0;
  sheets.forEach((sheet, i) => {
    if (sheet.table) tableId += 1;
    addSheetParts(sheet, i, tableId, { files, overrides });
  });
  return zipSync({ ...workbookParts(sheets, overrides), ...files }, { level: 6 });
}

/** The parts of the package made so far, and their content-type overrides. */
interface NewParts {
  readonly files: Record<string, Uint8Array>;
  readonly overrides: string[];
}

/** The cells of a sheet as `<row>` elements (title rows, table header, money and date columns styled). */
function sheetRowsXml(sheet: NewSheet): string {
  const money = new Set(sheet.moneyColumns ?? []);
  const dates = new Set(sheet.dateColumns ?? []);
  const titles = new Set(sheet.titleRows ?? []);
  const headerRow = sheet.table?.headerRow ?? -1;
  return sheet.rows
    .map((row, r) => {
      const cells = row
        .map((v, c) =>
          cellXml(
            v,
            a1(r, c),
            titles.has(r)
              ? 3
              : r === headerRow
                ? 1
                : r > headerRow && money.has(c)
                  ? 2
                  : r > headerRow && dates.has(c)
                    ? 4
                    : 0,
          ),
        )
        .join("");
      return cells === "" ? "" : `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
}

/** Adds the worksheet part of sheet `i` (0-based), with its table (numbered `tableId`) when it has one. */
function addSheetParts(sheet: NewSheet, i: number, tableId: number, into: NewParts): void {
  const { files, overrides } = into;
  const n = i + 1;
  const width = sheet.rows.reduce((w, r) => Math.max(w, r.length), 1);
  const rowsXml = sheetRowsXml(sheet);
  const cols = (sheet.columnWidths ?? [])
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const lastRef = a1(Math.max(sheet.rows.length - 1, 0), width - 1);
  let tablePart = "";
  if (sheet.table) {
    addTableParts(sheet, sheet.table, { n, tableId, width, lastRef }, into);
    tablePart = `<tableParts count="1"><tablePart r:id="rId1"/></tableParts>`;
  }
  files[`xl/worksheets/sheet${n}.xml`] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${lastRef}"/><sheetViews><sheetView workbookViewId="0"${i === 0 ? ' tabSelected="1"' : ""}/></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ""}<sheetData>${rowsXml}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${tablePart}</worksheet>`,
  );
  overrides.push(
    `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
}

/** Adds a sheet's table part and the sheet's relationships to it. */
function addTableParts(
  sheet: NewSheet,
  t: NonNullable<NewSheet["table"]>,
  at: { readonly n: number; readonly tableId: number; readonly width: number; readonly lastRef: string },
  into: NewParts,
): void {
  const { n, tableId, width } = at;
  const header = sheet.rows[t.headerRow] ?? [];
  const ref = `A${t.headerRow + 1}:${at.lastRef}`;
  const columns = Array.from({ length: width }, (_, c) => {
    const h = header[c];
    return `<tableColumn id="${c + 1}" name="${escapeXml(typeof h === "string" && h !== "" ? h : `Column${c + 1}`)}"/>`;
  }).join("");
  into.files[`xl/tables/table${tableId}.xml`] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${tableId}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${width}">${columns}</tableColumns><tableStyleInfo name="${t.style ?? "TableStyleMedium2"}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
  );
  into.files[`xl/worksheets/_rels/sheet${n}.xml.rels`] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${tableId}.xml"/></Relationships>`,
  );
  into.overrides.push(
    `<Override PartName="/xl/tables/table${tableId}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
  );
}

/** The styles part: Normal, bold (table headers), amounts (`# ##0,00 €`), titles, dates. */
const STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><color rgb="FF1F4E78"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The package's workbook-level parts: content types, relationships, workbook, styles. */
function workbookParts(
  sheets: readonly NewSheet[],
  overrides: readonly string[],
): Record<string, Uint8Array> {
  const sheetsXml = sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`,
    )
    .join("");
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join("");
  return {
    "[Content_Types].xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides.join("")}</Types>`,
    ),
    "_rels/.rels": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheetsXml}</sheets><calcPr calcId="191029"/></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": enc.encode(STYLES_XML),
  };
}
