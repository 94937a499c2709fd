/** What the strict Excel fake holds, as plain data, for comparing two workbooks cell by cell. */

import type { FakeWorkbookState } from "../fakes/excel-fake";

/**
 * Everything the fake knows of a sheet, tables on it included.
 *
 * @param state - the workbook
 * @param name - the sheet's name
 * @returns its cells, widths, heights, merges, validations, conditional formats, freeze panes, page
 *   layout, charts, names, tab colour, visibility and tables
 */
export function sheetDump(state: FakeWorkbookState, name: string): unknown {
  const s = state.sheet(name);
  return {
    cells: [...s.cells].sort((x, y) => x[0] - y[0]),
    widths: [...s.columnWidths].sort((x, y) => x[0] - y[0]),
    heights: [...s.rowHeights].sort((x, y) => x[0] - y[0]),
    merges: s.merges,
    validations: s.validations,
    cf: s.conditionalFormats,
    freeze: s.freeze,
    page: s.pageLayout,
    charts: s.charts,
    names: s.names,
    tabColor: s.tabColor,
    visibility: s.visibility,
    tables: state.tables
      .filter((t) => t.sheet === s)
      .map((t) => ({ name: t.name, bounds: t.bounds, style: t.style, headers: t.showHeaders })),
  };
}

/**
 * The whole workbook as JSON text: its sheets in tab order (each dumped), its workbook names and its
 * tables. Two workbooks with the same text have equal dumps (comparing texts is much cheaper than a
 * deep comparison: see expectSameDump).
 *
 * @param state - the workbook
 * @returns the JSON text of workbookDump
 */
export function workbookDumpText(state: FakeWorkbookState): string {
  return JSON.stringify({
    sheets: state.sheets.map((s) => ({ name: s.name, dump: sheetDump(state, s.name) })),
    names: state.names,
    tables: state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, bounds: t.bounds })),
  });
}

/**
 * The whole workbook: its sheets in tab order (each dumped), its workbook names and its tables.
 *
 * @param state - the workbook
 * @returns a deep-comparable copy
 */
export function workbookDump(state: FakeWorkbookState): unknown {
  return JSON.parse(workbookDumpText(state)) as unknown;
}

/**
 * `expect({ ...label, dump: actual }).toEqual({ ...label, dump: expected })` for two dumps given as
 * JSON texts (workbookDumpText): equal texts are equal dumps; texts that differ are parsed and
 * compared deeply, so that a difference fails with jest's diff (and keys in another order pass).
 *
 * @param label - what tells the case apart in a failure (`{ k }`)
 * @param actual - the dump's text
 * @param expected - the expected dump's text
 */
export function expectSameDump(label: object, actual: string, expected: string): void {
  if (actual === expected) return;
  expect({ ...label, dump: JSON.parse(actual) as unknown }).toEqual({
    ...label,
    dump: JSON.parse(expected) as unknown,
  });
}
