/**
 * The report's contract with the adapters and between its own sheets: every defined name, table name,
 * marker, parameter row, layout fact and chart anchor that code outside one sheet builder needs.
 * Adapters import these (through the report's index), never a sheet builder or a label table.
 *
 * Rows and columns are 0-based.
 */

import { BASINS, SCENARIO_BONUS_FIELDS, type ScenarioBonusField, type ScenarioField } from "../core";
import type { ReportSheetKind } from "./model";

/** Name of the sheet-scoped hidden defined name that marks a sheet as the product's. */
export const MARKER_NAME = "CTG_Planner_Sheet";
/**
 * Workbook name that says whether the last generation wrote the whole summary: FALSE from the first
 * action of a generation in Excel, TRUE after its last one (a request is not a transaction, so a
 * failure halfway leaves FALSE). The .xlsx writer, which writes a file at once, writes TRUE.
 */
export const COMPLETE_NAME = "CTG_Complet";
/** The comment of COMPLETE_NAME. */
export const COMPLETE_COMMENT =
  "CTG Planner : FAUX pendant une génération, ou si elle a été interrompue / FALSE while a generation runs, or after it was interrupted";
/** Marker prefix (the value of MARKER_NAME is `"ctg-planner:<kind>"`). */
export const MARKER_PREFIX = "ctg-planner";

/**
 * The sheets of a report, in workbook order (the bonus sheets only with a facilities table, the scenario
 * sheets only when scenarios are written).
 */
export const SHEET_ORDER: readonly ReportSheetKind[] = [
  "parameters",
  "communes",
  "synthesis",
  "engineering",
  "basins",
  "bonus",
  "bonusCommunes",
  "scenarios",
  "comparison",
  "checks",
];

/** The six parameters of a plan, in the order of their rows on `Paramètres CTG`. */
export type ParamKey = "costHT" | "capHT" | "cafRate" | "vatRate" | "key" | "cafBase";

/** What a parameter cell holds: an amount ≥ 0, a rate in [0, 1], an allocation key or a Caf base. */
export type ParamKind = "amount" | "rate" | "key" | "cafBase";

/** Column of the parameters' values on `Paramètres CTG` (B). */
export const PARAM_VALUE_COL = 1;

/**
 * The parameter rows of `Paramètres CTG`, defined once: row, workbook name and kind. The names, the
 * cells, the validations and the checks are all made from this table.
 */
export const PARAMETER_ROWS: Readonly<
  Record<ParamKey, { readonly row: number; readonly name: string; readonly kind: ParamKind }>
> = {
  costHT: { row: 4, name: "CTG_CoutHT", kind: "amount" },
  capHT: { row: 5, name: "CTG_PlafondHT", kind: "amount" },
  cafRate: { row: 6, name: "CTG_TauxCaf", kind: "rate" },
  vatRate: { row: 7, name: "CTG_TauxTVA", kind: "rate" },
  key: { row: 8, name: "CTG_Cle", kind: "key" },
  cafBase: { row: 9, name: "CTG_BaseCaf", kind: "cafBase" },
};

/** The parameters in row order. */
export const PARAM_KEYS: readonly ParamKey[] = ["costHT", "capHT", "cafRate", "vatRate", "key", "cafBase"];

/** Names of the cells of the five original parameters (the ones the Office adapter reads). */
export const PARAM_CELL_NAMES = {
  costHT: PARAMETER_ROWS.costHT.name,
  capHT: PARAMETER_ROWS.capHT.name,
  cafRate: PARAMETER_ROWS.cafRate.name,
  vatRate: PARAMETER_ROWS.vatRate.name,
  key: PARAMETER_ROWS.key.name,
} as const;

/** Name of the cell of the Caf base (`HT` or `TTC`), on `Paramètres CTG`. */
export const CAF_BASE_CELL_NAME = PARAMETER_ROWS.cafBase.name;

/** Names of the cells of every parameter: the five of {@link PARAM_CELL_NAMES} and the Caf base. */
export const PLAN_PARAM_CELL_NAMES = { ...PARAM_CELL_NAMES, cafBase: CAF_BASE_CELL_NAME } as const;

/**
 * The workbook name holding the fingerprint of the formulas written (`"fr:1a2b…"`, see
 * formulasKey in report/fingerprint.ts): the pane reads it to tell whether the summary is out of date.
 */
export const FORMULAS_KEY_NAME = "CTG_Empreinte";

/** The communes table's preferred name. */
export const COMMUNES_TABLE = "CTG_Communes";

/** `Communes CTG`: the header row, the first commune's row and the table's columns. */
export const COMMUNES_LAYOUT = {
  headerRow: 3,
  first: 4,
  cols: { insee: 0, name: 1, basin: 2, population: 3, year: 4, confirmed: 5, exCej: 6 },
} as const;

/** `Ingénierie CTG`: the row of each figure (its value in column B). */
export const ENGINEERING_ROWS = {
  cost: 3,
  cap: 4,
  eligible: 5,
  cafRate: 6,
  caf: 7,
  cuHT: 8,
  vatRate: 9,
  vat: 10,
  ttc: 11,
  cuTTC: 12,
  cafBase: 13,
  eligibleTTC: 14,
  warning: 15,
} as const;

/** A figure of `Ingénierie CTG`. */
export type EngineeringRow = Exclude<keyof typeof ENGINEERING_ROWS, "warning">;

/** `Répartition bassins`: one row per basin from `first`, then the total row; the column of each figure. */
export const BASINS_LAYOUT = {
  headerRow: 3,
  first: 4,
  totalRow: 4 + BASINS.length,
  cols: {
    basin: 0,
    communes: 1,
    population: 2,
    year: 3,
    cej: 4,
    cejShare: 5,
    key: 6,
    keyShare: 7,
    cost: 8,
    caf: 9,
    cuHT: 10,
    vat: 11,
    ttc: 12,
    cuTTC: 13,
  },
  /** The basins chart: below the table, from column A to column H, 16 rows tall. */
  chart: { fromRow: 4 + BASINS.length + 2, fromCol: 0, rows: 15, cols: 7 },
} as const;

/** Layout of the scenarios sheet, shared with the comparison and the checks. */
export const SCENARIOS_LAYOUT = {
  /** Column of the first scenario (C). */
  firstCol: 2,
  rows: {
    name: 3,
    note: 4,
    date: 5,
    costHT: 6,
    capHT: 7,
    cafRate: 8,
    vatRate: 9,
    key: 10,
    cafBase: 11,
  } satisfies Record<ScenarioField, number>,
  /** Title of the commune rows, then their header. */
  communesTitle: 13,
  communesHeader: 14,
  /** Row of the first commune (in the order of the plan's reference). */
  firstCommune: 15,
} as const;

/** Where the bonus rows of `Scénarios CTG` are (below the communes' basins; issue #14). */
export interface ScenarioBonusRows {
  readonly title: number;
  readonly note: number;
  readonly field: Readonly<Record<ScenarioBonusField, number>>;
  readonly placesTitle: number;
  readonly placesHeader: number;
  /** Row of the first commune's added places (reference order). */
  readonly firstPlaces: number;
  readonly openingTitle: number;
  readonly openingHeader: number;
  readonly firstOpening: number;
}

/**
 * The bonus rows of `Scénarios CTG` for a reference of `communes` communes: a title and a note, one
 * row per bonus field, then the added places and their openings, one row per commune each.
 *
 * @param communes - the number of reference communes
 * @returns the rows
 */
export function scenarioBonusRows(communes: number): ScenarioBonusRows {
  const title = SCENARIOS_LAYOUT.firstCommune + communes + 1;
  const field = Object.fromEntries(SCENARIO_BONUS_FIELDS.map((f, i) => [f, title + 2 + i])) as Record<
    ScenarioBonusField,
    number
  >;
  const placesTitle = title + 2 + SCENARIO_BONUS_FIELDS.length + 1;
  const openingTitle = placesTitle + 2 + communes + 1;
  return {
    title,
    note: title + 1,
    field,
    placesTitle,
    placesHeader: placesTitle + 1,
    firstPlaces: placesTitle + 2,
    openingTitle,
    openingHeader: openingTitle + 1,
    firstOpening: openingTitle + 2,
  };
}

/** Blank columns to the right of the scenarios that still carry the validations (room to add some). */
export const SPARE_SCENARIO_COLUMNS = 3;

/** `Contrôles`: the headline, the header row, the first check's row and the columns of a check. */
export const CHECKS_LAYOUT = {
  headline: { row: 1, col: 0 },
  headerRow: 3,
  first: 4,
  cols: { label: 0, value: 1, expected: 2, status: 3, fix: 4 },
} as const;
