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
 * The whole workbook: its sheets in tab order (each dumped), its workbook names and its tables.
 *
 * @param state - the workbook
 * @returns a deep-comparable copy
 */
export function workbookDump(state: FakeWorkbookState): unknown {
  return JSON.parse(
    JSON.stringify({
      sheets: state.sheets.map((s) => ({ name: s.name, dump: sheetDump(state, s.name) })),
      names: state.names,
      tables: state.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, bounds: t.bounds })),
    }),
  ) as unknown;
}
