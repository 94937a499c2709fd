/**
 * The facilities input sheet (`Équipements CTG`, issue #14), written once, when the workbook has none:
 * a short documentation block (what the table is for, one line per column: what to type, the allowed
 * values), then an empty Excel table (its header and one empty row) with drop-downs on the list
 * columns and number or date rules on the others. The user's from then on: never marked.
 */

import {
  columnLetters,
  FACILITY_FIELDS,
  FACILITY_SHEET,
  FACILITY_TABLE,
  type FacilityField,
} from "../../core";
import {
  BONUS_KIND_LABELS,
  FACILITY_FIELD_LABELS,
  facilityInputLabels,
  OPERATOR_KIND_LABELS,
  UNIT_LABELS,
  type FacilityInputLabels,
} from "../../i18n";
import type { Context } from "../context";
import type { InputSheetKind, ReportInputSheet, ReportValidation } from "../model";
import { SheetBuilder } from "../sheet-builder";

/** Where things are on the sheet (0-based rows). */
export const FACILITY_INPUT_LAYOUT = {
  titleRow: 0,
  purposeRow: 1,
  howToRow: 2,
  docHeaderRow: 4,
  /** The first column's documentation line; one line per column, in FACILITY_FIELDS order. */
  firstDocRow: 5,
  /** The table's header row; its one empty data row is the next. */
  headerRow: 6 + FACILITY_FIELDS.length,
  /** Rows below the header that the validations cover (the table grows into them). */
  validatedRows: 500,
} as const;

/** Column widths, A to N, in FACILITY_FIELDS order. */
const WIDTHS = [34, 30, 18, 20, 16, 12, 10, 14, 14, 12, 12, 14, 10, 12];
/** The documentation block: column name in A, what to type in B:E, the allowed values in F:N. */
const WHAT = { c1: 1, c2: 4 };
const ALLOWED = { c1: 5, c2: 13 };

/** Excel's serial day of a date (1 January 2000 is 36526). */
function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The drop-down values of the list columns, in the report's language (words the reader accepts). */
function listItems(lang: "fr" | "en", W: FacilityInputLabels): Partial<Record<FacilityField, string[]>> {
  return {
    operatorKind: Object.values(OPERATOR_KIND_LABELS[lang]),
    domain: [...W.domains],
    kind: Object.values(BONUS_KIND_LABELS[lang]),
    unit: Object.values(UNIT_LABELS[lang]),
    priorityArea: [...W.yesNo],
  };
}

/** The rule of a column that is not a list: a number, a whole number or a date. */
const NUMBER_RULES: Partial<Record<FacilityField, "decimal" | "whole" | "date">> = {
  capacity: "decimal",
  formerCej: "decimal",
  newPlaces: "whole",
  reservedPlaces: "whole",
  missions: "whole",
  openingDate: "date",
};

/** The validation of one column over its data rows, or null for a free text column. */
function columnValidation(
  field: FacilityField,
  ref: string,
  items: readonly string[] | undefined,
  W: FacilityInputLabels,
): ReportValidation | null {
  const prompt = W.columns[field].what;
  if (items !== undefined) {
    const open = field === "domain";
    return { type: "list", ref, items, prompt, error: W.errors.list, ...(open ? { allowOthers: true } : {}) };
  }
  const rule = NUMBER_RULES[field];
  if (rule === undefined) return null;
  if (rule === "date")
    return {
      type: "date",
      ref,
      min: serial(2000, 1, 1),
      max: serial(2100, 12, 31),
      prompt,
      error: W.errors.date,
    };
  return { type: rule, ref, min: 0, prompt, error: W.errors[rule] };
}

/**
 * Builds the facilities input sheet in the report's language: French or English headers, both of
 * which the reader (readFacilityTable) recognises.
 *
 * @param ctx - the build (its language and footer)
 * @returns the input sheet, written by the adapters only when the workbook has none
 */
export function buildFacilityInput(ctx: Context): ReportInputSheet {
  const { lang } = ctx;
  const W = facilityInputLabels(lang);
  const headers = FACILITY_FIELDS.map((f) => FACILITY_FIELD_LABELS[lang][f]);
  const items = listItems(lang, W);
  const L = FACILITY_INPUT_LAYOUT;
  const b = new SheetBuilder<InputSheetKind>("facilities", FACILITY_SHEET);
  b.widthsFrom(WIDTHS);
  b.text(L.titleRow, 0, W.title, "title");
  for (const [row, text] of [
    [L.purposeRow, W.purpose],
    [L.howToRow, W.howTo],
  ] as const) {
    b.text(row, 0, text, "note").merge(`A${row + 1}:N${row + 1}`);
  }
  const span = (row: number, r: { c1: number; c2: number }): string =>
    `${columnLetters(r.c1)}${row + 1}:${columnLetters(r.c2)}${row + 1}`;
  const [colHead, whatHead, allowedHead] = W.docHeader;
  b.text(L.docHeaderRow, 0, colHead, "header");
  b.text(L.docHeaderRow, WHAT.c1, whatHead, "header").merge(span(L.docHeaderRow, WHAT));
  b.text(L.docHeaderRow, ALLOWED.c1, allowedHead, "header").merge(span(L.docHeaderRow, ALLOWED));
  FACILITY_FIELDS.forEach((field, i) => {
    const row = L.firstDocRow + i;
    const words = W.columns[field];
    const list = items[field];
    const allowed =
      list === undefined ? words.rule : `${list.join(", ")}${words.rule === "" ? "" : ` (${words.rule})`}`;
    b.text(row, 0, headers[i] ?? "", "textBold");
    b.text(row, WHAT.c1, words.what, "label").merge(span(row, WHAT));
    b.text(row, ALLOWED.c1, allowed, "label").merge(span(row, ALLOWED));
  });
  headers.forEach((h, col) => b.text(L.headerRow, col, h, "header"));
  const last = columnLetters(headers.length - 1);
  b.table({
    name: FACILITY_TABLE,
    ref: `A${L.headerRow + 1}:${last}${L.headerRow + 2}`,
    columns: headers,
    style: "TableStyleMedium7",
  });
  FACILITY_FIELDS.forEach((field, col) => {
    const c = columnLetters(col);
    const ref = `${c}${L.headerRow + 2}:${c}${L.headerRow + 1 + L.validatedRows}`;
    const v = columnValidation(field, ref, items[field], W);
    if (v !== null) b.validate(v);
  });
  return b.build({
    landscape: true,
    fitToWidth: true,
    headerText: FACILITY_SHEET,
    footerText: ctx.L.footer,
  });
}
