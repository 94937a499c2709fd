/**
 * The fingerprint of the formulas a report writes. Generation stores it in the workbook (the name
 * `CTG_Empreinte`); the pane computes it again from the workbook as it is now: when the two differ,
 * the summary's formulas no longer cover the inputs (a new commune, a new domain or year, another
 * scenario column, a moved input range…) and the summary must be generated again. Values typed in
 * the inputs, parameters, communes or scenarios do not change it: the live formulas follow them.
 * Pure.
 */

import type { Lang } from "../core";
import type { Report, ReportSheet } from "./model";

/**
 * `Math.imul(x, 0x01000193)` (the FNV prime 2^24 + 403) for an int32 `x`, as a shift and a multiply:
 * the same bits, but Math.imul is some 100 times slower inside jest's vm context.
 */
function timesFnvPrime(x: number): number {
  return ((x << 24) + x * 0x193) | 0;
}

/** FNV-1a over UTF-16 code units, two 32-bit lanes (64 bits), as 16 hex digits. */
function fnv64(text: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0xcbf29ce4 | 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = timesFnvPrime(a ^ c);
    b = timesFnvPrime(b ^ c ^ (a >>> 7));
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}

/** What of a sheet the fingerprint covers: its kind, name and every formula with its place. */
function sheetText(sheet: ReportSheet): string {
  const formulas = sheet.cells
    .filter((c) => c.value.kind === "formula")
    .map((c) => `${c.row},${c.col}=${c.value.kind === "formula" ? c.value.formula : ""}`)
    .sort();
  return [`${sheet.kind}|${sheet.name}`, ...formulas].join("\n");
}

/**
 * The fingerprint of a report's formulas: `"<lang>:<16 hex digits>"`.
 *
 * @param report - the report (its language, sheets and formulas; values and styles are left out)
 * @returns the fingerprint
 */
export function formulasKey(report: Pick<Report, "lang" | "sheets">): string {
  return `${report.lang}:${fnv64(report.sheets.map(sheetText).join("\n\n"))}`;
}

/**
 * The language a stored fingerprint was computed in.
 *
 * @param key - a fingerprint read from a workbook
 * @returns its language, or null when the text is not a fingerprint
 */
export function langOfFormulasKey(key: string): Lang | null {
  const m = /^(fr|en):[0-9a-f]{16}$/.exec(key);
  return m ? (m[1] as Lang) : null;
}

/**
 * The fingerprint a defined name holds: its formula is a string constant (`="fr:1a2b…"` as Office
 * gives it, `"fr:1a2b…"` as the file holds it).
 *
 * @param formula - the name's formula or value
 * @returns the string, or null when the name holds something else (a reference, a number)
 */
export function formulasKeyOfName(formula: string): string | null {
  const m = /^=?\s*"((?:[^"]|"")*)"\s*$/.exec(formula);
  return m?.[1] === undefined ? null : m[1].replace(/""/g, '"');
}
