/**
 * What a workbook file holds that the product reads (the same snapshot as the Office adapter's, see
 * snapshotExcel): where the funding rows are (a table, a sheet's used range, found when not given),
 * the parameters, communes and scenarios of a previous run, the facilities table and the bonus
 * parameters (issue #14), and the names already taken.
 */

import {
  BONUS_NAME_PREFIX,
  cellText,
  FACILITY_SHEET,
  FACILITY_TABLE,
  isFacilityTable,
  parseA1,
  toCell,
  type ParamInputs,
  type PlanParamName,
  fieldOfHeader,
} from "../../core";
import { InputNotFoundError } from "../../errors";
import type { NamedValue, WorkbookSnapshot } from "../../app";
import { FORMULAS_KEY_NAME, PLAN_PARAM_CELL_NAMES, formulasKeyOfName, COMPLETE_NAME } from "../../report";
import type { XlsxPackage } from "./package";
import {
  listSheets,
  listTables,
  readDefinedNames,
  readGrid,
  readTableGrid,
  type GridRead,
  type TableInfo,
} from "./read";
import { takenNames } from "./write";

/** Whether a header row names a commune (or INSEE) column and an amount column. */
function looksLikeFundingHeader(headers: readonly string[]): boolean {
  const fields = new Set(headers.map(fieldOfHeader));
  return (fields.has("commune") || fields.has("insee")) && fields.has("amount");
}

function unquoteSheet(s: string): string {
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** Where the funding rows are: a table, or a sheet's used range. */
type Located =
  | { kind: "table"; table: TableInfo; read: GridRead & { sheet: string } }
  | { kind: "sheet"; sheet: string; read: GridRead };

function locateInput(pkg: XlsxPackage, options: { table?: string; sheet?: string }): Located {
  const sheets = listSheets(pkg);
  const userSheets = sheets.filter((s) => !s.marked && s.type === "worksheet");
  const tables = listTables(pkg).filter((t) => userSheets.some((s) => s.name === t.sheet));
  const asTable = (t: TableInfo): Located => ({ kind: "table", table: t, read: readTableGrid(pkg, t.name) });
  if (options.table !== undefined) {
    const t = tables.find((x) => x.name.toLowerCase() === options.table?.toLowerCase());
    if (!t) {
      throw new InputNotFoundError(
        `table "${options.table}" not found; tables: ${tables.map((x) => x.name).join(", ") || "(none)"}`,
      );
    }
    return asTable(t);
  }
  if (options.sheet !== undefined) {
    const s = userSheets.find((x) => x.name.toLowerCase() === options.sheet?.toLowerCase());
    if (!s) {
      throw new InputNotFoundError(
        `sheet "${options.sheet}" not found; sheets: ${userSheets.map((x) => x.name).join(", ") || "(none)"}`,
      );
    }
    const t = tables.find((x) => x.sheet === s.name && looksLikeFundingHeader(x.columns));
    return t ? asTable(t) : { kind: "sheet", sheet: s.name, read: readGrid(pkg, s.name) };
  }
  // The facilities table has a commune and an amount (« Montant CEJ ») column too: never the funding rows.
  const t = tables.find((x) => !isFacilityTable(x.name, x.sheet) && looksLikeFundingHeader(x.columns));
  if (t) return asTable(t);
  const visible = userSheets.filter((s) => s.state === "visible" && s.name !== FACILITY_SHEET);
  if (visible.length === 0) {
    throw new InputNotFoundError(
      "the workbook has no sheet of its own to read (only CTG Planner's sheets, or none)",
    );
  }
  for (const s of visible) {
    const read = readGrid(pkg, s.name);
    const head = read.grid.slice(0, 50);
    if (head.some((row) => looksLikeFundingHeader(row.map((v) => cellText(toCell(v)))))) {
      return { kind: "sheet", sheet: s.name, read };
    }
  }
  const first = visible[0];
  if (first === undefined) throw new InputNotFoundError("the workbook has no sheet to read");
  return { kind: "sheet", sheet: first.name, read: readGrid(pkg, first.name) };
}

/** A previous run's `Communes CTG` table, if any. */
function readCommunesGrid(pkg: XlsxPackage): WorkbookSnapshot["communes"] {
  const sheet = listSheets(pkg).find((s) => s.productKind === "communes");
  const table = sheet ? listTables(pkg).find((t) => t.sheet === sheet.name) : undefined;
  if (!table) return null;
  const read = readTableGrid(pkg, table.name);
  return { grid: read.grid, origin: read.origin };
}

/** A previous run's `Scénarios CTG` sheet, if any: its used range. */
function readScenariosGrid(pkg: XlsxPackage): WorkbookSnapshot["scenarios"] {
  const sheet = listSheets(pkg).find((s) => s.productKind === "scenarios");
  if (!sheet) return null;
  const read = readGrid(pkg, sheet.name);
  return { grid: read.grid, origin: read.origin };
}

/** A workbook name's single cell on the product's `Paramètres CTG`: the sheet as written, and the cell. */
interface NamedCell {
  readonly name: string;
  /** The sheet as the name writes it (quoted when it must be). */
  readonly quoted: string;
  readonly sheet: string;
  readonly col: string;
  readonly row: number;
}

/** The cells of the given workbook-level names that point into a product parameters sheet. */
function namedParameterCells(pkg: XlsxPackage, wanted: (name: string) => boolean): NamedCell[] {
  const productSheets = new Set(
    listSheets(pkg)
      .filter((s) => s.productKind === "parameters")
      .map((s) => s.name),
  );
  const cells: NamedCell[] = [];
  for (const def of readDefinedNames(pkg)) {
    if (def.localSheetId !== undefined || !wanted(def.name)) continue;
    const m = /^(.*)!\$?([A-Z]{1,3})\$?(\d+)$/.exec(def.value);
    if (!m || m[1] === undefined || m[2] === undefined || m[3] === undefined) continue;
    const sheet = unquoteSheet(m[1]);
    if (productSheets.has(sheet))
      cells.push({ name: def.name, quoted: m[1], sheet, col: m[2], row: Number(m[3]) });
  }
  return cells;
}

/** The value behind each named cell, keyed by the name, with its cell (`'Paramètres CTG'!B4`). */
function namedValues(pkg: XlsxPackage, cells: readonly NamedCell[]): Map<string, NamedValue> {
  const grids = new Map<string, GridRead>();
  const lastRow = Math.max(20, ...cells.map((c) => c.row));
  const values = new Map<string, NamedValue>();
  for (const c of cells) {
    let g = grids.get(c.sheet);
    if (!g) {
      g = readGrid(pkg, c.sheet, `A1:C${lastRow}`);
      grids.set(c.sheet, g);
    }
    const top = parseA1(g.origin.topLeft);
    const at = parseA1(`${c.col}${c.row}`);
    const value = g.grid[at.row - top.row]?.[at.col - top.col] ?? null;
    values.set(c.name, { value, cell: `${c.quoted}!${c.col}${c.row}` });
  }
  return values;
}

/** Parameters from a previous run's `Paramètres CTG`, through its names. */
function readParamInputs(
  pkg: XlsxPackage,
  cellNames: Readonly<Partial<Record<PlanParamName, string>>>,
): ParamInputs {
  const inputs: Partial<Record<PlanParamName, NamedValue>> = {};
  const wanted = new Set(Object.values(cellNames));
  const values = namedValues(
    pkg,
    namedParameterCells(pkg, (name) => wanted.has(name)),
  );
  for (const [param, name] of Object.entries(cellNames) as [PlanParamName, string][]) {
    const value = values.get(name);
    if (value !== undefined) inputs[param] = value;
  }
  return inputs;
}

/** The bonus parameters of a previous run (issue #14): every `CTG_B_*` name on `Paramètres CTG`. */
function readBonusParamInputs(pkg: XlsxPackage): Record<string, NamedValue> {
  const cells = namedParameterCells(pkg, (name) => name.startsWith(BONUS_NAME_PREFIX));
  return Object.fromEntries(namedValues(pkg, cells));
}

/**
 * The facilities table `Équipements CTG` (issue #14): the table named `CTG_Equipements`, else a table
 * on the sheet `Équipements CTG`, else that sheet's used range; null when the workbook has none.
 */
function readFacilitiesGrid(pkg: XlsxPackage): WorkbookSnapshot["facilities"] {
  const userSheets = listSheets(pkg).filter((s) => !s.marked && s.type === "worksheet");
  const tables = listTables(pkg).filter((t) => userSheets.some((s) => s.name === t.sheet));
  const table =
    tables.find((t) => t.name.toLowerCase() === FACILITY_TABLE.toLowerCase()) ??
    tables.find((t) => isFacilityTable(t.name, t.sheet));
  if (table !== undefined) {
    const read = readTableGrid(pkg, table.name);
    return { sheet: read.sheet, table: table.name, grid: read.grid, origin: read.origin };
  }
  const sheet = userSheets.find((s) => s.name === FACILITY_SHEET);
  if (sheet === undefined) return null;
  const read = readGrid(pkg, sheet.name);
  return { sheet: sheet.name, table: null, grid: read.grid, origin: read.origin };
}

/** The fingerprint of the formulas the last generation wrote (the name `CTG_Empreinte`), or null. */
function readFormulasKey(pkg: XlsxPackage): string | null {
  const def = readDefinedNames(pkg).find((n) => n.localSheetId === undefined && n.name === FORMULAS_KEY_NAME);
  return def === undefined ? null : formulasKeyOfName(def.value);
}

/** Whether the last generation finished (the name `CTG_Complet`: TRUE / FALSE), null when absent. */
function readComplete(pkg: XlsxPackage): boolean | null {
  const def = readDefinedNames(pkg).find((n) => n.localSheetId === undefined && n.name === COMPLETE_NAME);
  const value = def?.value.replace(/^=/, "").trim().toUpperCase();
  return value === "TRUE" ? true : value === "FALSE" ? false : null;
}

/**
 * What a workbook file holds that the product reads.
 *
 * @param pkg - the opened package
 * @param choice - the table or sheet to read; auto-detected when absent
 * @returns the snapshot
 * @throws InputNotFoundError when the table or sheet asked for is missing, or there is no sheet to read
 */
export function snapshotPackage(
  pkg: XlsxPackage,
  choice: { table?: string; sheet?: string } = {},
): WorkbookSnapshot {
  const located = locateInput(pkg, choice);
  return {
    input: {
      sheet: located.kind === "table" ? located.read.sheet : located.sheet,
      table: located.kind === "table" ? located.table.name : null,
      tableColumns: located.kind === "table" ? located.table.columns : null,
      ...(located.kind === "table" && located.table.headerRowCount === 0 ? { headerHidden: true } : {}),
      grid: located.read.grid,
      origin: located.read.origin,
    },
    parameters: readParamInputs(pkg, PLAN_PARAM_CELL_NAMES),
    communes: readCommunesGrid(pkg),
    taken: takenNames(pkg),
    scenarios: readScenariosGrid(pkg),
    formulasKey: readFormulasKey(pkg),
    complete: readComplete(pkg),
    facilities: readFacilitiesGrid(pkg),
    bonusParameters: readBonusParamInputs(pkg),
  };
}
