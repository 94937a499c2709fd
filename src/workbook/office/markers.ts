/**
 * Recognising the product's sheets in Excel: each carries a sheet-scoped hidden name
 * `CTG_Planner_Sheet` whose formula is `="ctg-planner:<kind>"`. Plain data, no Office.js calls.
 */

import { MARKER_NAME, MARKER_PREFIX, isReportSheetKind, type ReportSheetKind } from "../../report";

/** A defined name as Office.js loads it. */
export interface NameInfo {
  readonly name: string;
  readonly formula: string;
}

/**
 * The text after the prefix of a marker formula `="ctg-planner:synthesis"` (also accepted without
 * the `=`, as the file format stores it).
 *
 * @param formula - the name's formula
 * @param prefixes - marker prefixes to accept
 * @returns the kind text, or null when the formula is not a marker
 */
export function markerOf(formula: string, prefixes: readonly string[] = [MARKER_PREFIX]): string | null {
  const m = /^\s*=?\s*"([^"]*)"\s*$/.exec(formula);
  const text = m?.[1];
  if (text === undefined) return null;
  for (const prefix of prefixes) if (text.startsWith(`${prefix}:`)) return text.slice(prefix.length + 1);
  return null;
}

/** What a sheet's names say about it. */
export interface SheetMark {
  /** Whether the sheet is the product's (even of a kind this version does not know). */
  readonly marked: boolean;
  /** The product's kind of sheet, or null. */
  readonly kind: ReportSheetKind | null;
}

/**
 * Whether a sheet is the product's, from its sheet-scoped names.
 *
 * @param names - the sheet's names
 * @param prefixes - marker prefixes to accept
 * @returns the mark
 */
export function sheetMark(
  names: readonly NameInfo[],
  prefixes: readonly string[] = [MARKER_PREFIX],
): SheetMark {
  for (const n of names) {
    if (n.name.toLowerCase() !== MARKER_NAME.toLowerCase()) continue;
    const kind = markerOf(n.formula, prefixes);
    if (kind !== null)
      return {
        marked: true,
        kind: isReportSheetKind(kind) ? kind : null,
      };
  }
  return { marked: false, kind: null };
}

/**
 * A sheet name out of an address's sheet part: `'Paramètres CTG'` → `Paramètres CTG`.
 *
 * @param text - the part before `!`
 * @returns the sheet name
 */
export function unquoteSheet(text: string): string {
  return text.startsWith("'") && text.endsWith("'") && text.length >= 2
    ? text.slice(1, -1).replace(/''/g, "'")
    : text;
}

/**
 * Splits a sheet-qualified address: `'Paramètres CTG'!B5` → sheet and `B5`.
 *
 * @param address - the address, with its sheet
 * @returns the sheet name and the cells, or null when there is no sheet part
 */
export function splitAddress(address: string): { readonly sheet: string; readonly cells: string } | null {
  const bang = address.lastIndexOf("!");
  if (bang <= 0) return null;
  return { sheet: unquoteSheet(address.slice(0, bang)), cells: address.slice(bang + 1) };
}
