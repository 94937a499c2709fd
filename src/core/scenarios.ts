/**
 * Scenarios that travel with the workbook (issue #5): named sets of parameters and basin choices,
 * stored on the sheet `Scénarios CTG` one column per scenario, read back on every run and compared
 * live. Pure: no file format, no Office JavaScript API.
 *
 * The sheet, as the report writes it (rows 0-based; the reader finds rows by their label, in French or
 * English, so that a row moved or a sheet written in the other language still reads):
 *
 * | A (label, or INSEE code) | B (commune) | C, D, … (one column per scenario) |
 * | --- | --- | --- |
 * | Nom / Name | | the scenario's name (a column without a name is not a scenario) |
 * | Note de l'auteur / Author's note | | free text |
 * | Date | | a date cell, or text |
 * | Coût HT / Cost excl. VAT, Plafond HT / Cap excl. VAT | | amounts |
 * | Taux Caf / Caf rate, Taux TVA / VAT rate | | rates (a percentage cell holds 0.5) |
 * | Clé / Key | | `CEJ`, `Population`, `Communes`, `Parts égales`… |
 * | Base Caf / Caf base | | `HT` or `TTC` |
 * | 71153 | Le Creusot | a basin (`Nord`, `Sud`) only when the scenario moves the commune; blank = `Communes CTG` |
 *
 * A parameter cell left blank takes the current parameter (`Paramètres CTG`), as a blank basin cell
 * takes the commune's basin in `Communes CTG`.
 *
 * Below the communes, the bonus territoire (issue #14; a sheet written before has none of these rows
 * and reads as a scenario that changes nothing of the bonus): a title, the bonus parameters a scenario
 * may set (`Bonus : début CTG Nord`…, see scenario-bonus.ts; blank = the current parameter), then two
 * blocks of commune rows, each after its title: the EAJE places a scenario adds in the commune, and
 * their opening (a year, or a date).
 */

import { cellText, columnLetters, gridAddress, parseA1, toCell } from "./cell";
import { matchCommune } from "./communes";
import { readParams, type ParamInputs, type PlanParamName } from "./params";
import { asColumns, withBasinsMoved } from "./funding-columns";
import { computePlanFromColumns } from "./plan";
import { computeBonusPlan, type BonusPlan } from "./bonus";
import type { BonusParams } from "./bonus-params";
import {
  addedPlacesFacilities,
  readScenarioBonus,
  scenarioBonusParams,
  SCENARIO_BONUS_FIELDS,
  SCENARIO_BONUS_LABELS,
  type ScenarioBonus,
  type ScenarioBonusCells,
  type ScenarioBonusField,
} from "./scenario-bonus";
import { normalizeHeader, parseBasin } from "./reader";
import type {
  Basin,
  Cell,
  Commune,
  Facility,
  FundingColumns,
  FundingRow,
  GridOrigin,
  Issue,
  Lang,
  Plan,
  PlanParams,
  RawGrid,
  RawValue,
} from "./types";

/** One scenario: a name, the author's note and date, its parameters and the communes it moves. */
export interface Scenario {
  readonly name: string;
  /** Free text ("" when none). */
  readonly note: string;
  /** The date as an ISO day (`2026-11-28`) when the cell holds a date, else the text as written ("" when none). */
  readonly date: string;
  /** Every parameter (a blank cell took the current parameter's value). */
  readonly params: PlanParams;
  /** INSEE code → basin, for the communes the scenario places in a basin of its own choice. */
  readonly basinOverrides: Readonly<Record<string, Basin>>;
  /** The bonus territoire parameters it sets and the places it adds; absent: none (the current plan). */
  readonly bonus?: ScenarioBonus;
}

/** A scenario and its plan. */
export interface ScenarioPlan {
  readonly scenario: Scenario;
  readonly plan: Plan;
}

/** The rows of a scenario column above the communes, in the order the sheet shows them. */
export type ScenarioField = "name" | "note" | "date" | PlanParamName;
export const SCENARIO_FIELDS: readonly ScenarioField[] = [
  "name",
  "note",
  "date",
  "costHT",
  "capHT",
  "cafRate",
  "vatRate",
  "key",
  "cafBase",
];

/** The row labels of the scenarios sheet (column A), in both languages. */
export const SCENARIO_FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<ScenarioField, string>>>> = {
  fr: {
    name: "Nom",
    note: "Note de l'auteur",
    date: "Date",
    costHT: "Coût HT",
    capHT: "Plafond HT",
    cafRate: "Taux Caf",
    vatRate: "Taux TVA",
    key: "Clé",
    cafBase: "Base Caf",
  },
  en: {
    name: "Name",
    note: "Author's note",
    date: "Date",
    costHT: "Cost excl. VAT",
    capHT: "Cap excl. VAT",
    cafRate: "Caf rate",
    vatRate: "VAT rate",
    key: "Key",
    cafBase: "Caf base",
  },
};

/** Name of the scenario written when the workbook holds none. */
export const DEFAULT_SCENARIO_NAME: Readonly<Record<Lang, string>> = {
  fr: "Paramètres actuels",
  en: "Current parameters",
};

/** Normalized label → field, both languages, with a few usual variants. */
const FIELD_OF_LABEL: ReadonlyMap<string, ScenarioField> = new Map([
  ...(["fr", "en"] as const).flatMap((lang) =>
    SCENARIO_FIELDS.map((f): [string, ScenarioField] => [normalizeHeader(SCENARIO_FIELD_LABELS[lang][f]), f]),
  ),
  ["nom du scenario", "name"],
  ["scenario", "name"],
  ["note", "note"],
  ["cle de repartition", "key"],
  ["allocation key", "key"],
  ["base de calcul de la caf", "cafBase"],
]);

/** The row a bonus label names: a bonus field, or the title of the places or the openings block. */
type BonusRowLabel = ScenarioBonusField | "places" | "opening";

/** Normalized label → bonus row, both languages. */
const BONUS_ROW_OF_LABEL: ReadonlyMap<string, BonusRowLabel> = new Map(
  (["fr", "en"] as const).flatMap((lang) =>
    ([...SCENARIO_BONUS_FIELDS, "places", "opening"] as const).map((f): [string, BonusRowLabel] => [
      normalizeHeader(SCENARIO_BONUS_LABELS[lang][f]),
      f,
    ]),
  ),
);

/** Text of a cell, safe for an invalid Date. */
function textOf(cell: Cell): string {
  return cell.kind === "date" && Number.isNaN(cell.value.getTime()) ? "#VALUE!" : cellText(cell).trim();
}

/** An Excel serial day (1900 date system) as an ISO day. */
function isoDayOfSerial(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000); // 25569 = 1970-01-01
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The Excel serial day (1900 date system) of an ISO day, or null when the text is not one.
 *
 * @param iso - `2026-11-28`
 * @returns the serial number (46 354 for 2026-11-28), or null
 */
export function serialOfIsoDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  return back === iso ? ms / 86_400_000 + 25569 : null;
}

/** The date of a cell: an ISO day for a date or a date serial, else the text as written. */
function dateOf(cell: Cell): string {
  if (cell.kind === "date" && !Number.isNaN(cell.value.getTime()))
    return cell.value.toISOString().slice(0, 10);
  if (cell.kind === "number" && cell.value >= 1 && cell.value < 2_958_466) return isoDayOfSerial(cell.value);
  return textOf(cell);
}

/**
 * A scenario's parameters: those it gives, the current ones for the others.
 *
 * @param read - the parameters read from the scenario (defaults where it gives none)
 * @param current - the current parameters
 * @param given - whether the scenario gives a parameter
 * @returns the parameters
 */
function pickParams(read: PlanParams, current: PlanParams, given: (k: PlanParamName) => boolean): PlanParams {
  const pick = <K extends PlanParamName>(k: K): PlanParams[K] => (given(k) ? read[k] : current[k]);
  return {
    costHT: pick("costHT"),
    capHT: pick("capHT"),
    cafRate: pick("cafRate"),
    vatRate: pick("vatRate"),
    key: pick("key"),
    cafBase: pick("cafBase"),
  };
}

/**
 * Reads the scenarios sheet: one scenario per column (from column C) whose `Nom` cell is filled.
 *
 * - Rows are found by their label in column A (or B), French or English (`Nom`, `Coût HT`, `Taux Caf`,
 *   `Clé`, `Base Caf`…); commune rows by a reference INSEE code in column A.
 * - Parameters read as `Paramètres CTG` reads them (amounts, rates as fractions or `50 %`, key and
 *   Caf base words in either language); an unreadable value is the same `param-invalid`,
 *   `param-negative` or `param-rate-range` error, on the scenario's cell. A blank cell takes `current`.
 * - A basin cell is `Nord`/`Sud` (or North/South…), else `basin-invalid` on the cell; blank keeps the
 *   commune's basin.
 * - A column with values but no name is ignored, with a `scenario-unnamed` warning; a name given twice
 *   is a `scenario-duplicate-name` warning (both are kept). A sheet without a `Nom` row is a
 *   `scenario-sheet-unreadable` error: nothing is written rather than the scenarios being lost.
 *
 * @param grid - the sheet's values
 * @param origin - where the grid's top-left cell is
 * @param communes - the reference communes (commune rows are matched on their INSEE codes)
 * @param current - the current parameters, for blank cells
 * @returns the scenarios in column order, and the issues
 */
export function readScenarios(
  grid: RawGrid,
  origin: GridOrigin,
  communes: readonly Commune[],
  current: PlanParams,
): { scenarios: Scenario[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const cellAt = (r: number, c: number): Cell => toCell(grid[r]?.[c] as RawValue);
  const at = (r: number, c: number): string => gridAddress(origin, r, c);
  const layout = scenarioLayout(grid, communes, cellAt);
  const nameRow = layout.rowOf.get("name");
  if (nameRow === undefined) {
    if (grid.some((row) => row.some((v) => toCell(v).kind !== "empty"))) {
      issues.push({ code: "scenario-sheet-unreadable", severity: "error", cell: at(0, 0), data: {} });
    }
    return { scenarios: [], issues };
  }
  const sheet: ScenarioSheet = { grid, origin, cellAt, at, ...layout, nameRow, current, issues };
  const scenarios: Scenario[] = [];
  const firstOfName = new Map<string, string>();
  for (let c = 2; c < layout.width; c += 1) {
    const name = textOf(cellAt(nameRow, c));
    if (name === "") {
      warnUnnamed(sheet, c);
      continue;
    }
    const nameCell = at(nameRow, c);
    const earlier = firstOfName.get(name.toLowerCase());
    if (earlier !== undefined) {
      issues.push({
        code: "scenario-duplicate-name",
        severity: "warning",
        cell: nameCell,
        related: [earlier],
        data: { name, first: earlier },
      });
    } else firstOfName.set(name.toLowerCase(), nameCell);
    const params = scenarioParams(sheet, c);
    const basinOverrides = scenarioBasins(sheet, c);
    const bonus = scenarioBonusOf(sheet, c, communes);
    const noteRow = layout.rowOf.get("note");
    const dateRow = layout.rowOf.get("date");
    scenarios.push({
      name,
      note: noteRow === undefined ? "" : textOf(cellAt(noteRow, c)),
      date: dateRow === undefined ? "" : dateOf(cellAt(dateRow, c)),
      params,
      basinOverrides,
      ...(bonus === null ? {} : { bonus }),
    });
  }
  return { scenarios, issues };
}

/** A commune's row on the scenarios sheet. */
interface CommuneRow {
  readonly row: number;
  readonly insee: string;
}

/**
 * Where the scenarios sheet's rows are: each field's row (by its label), the communes' rows (basins),
 * each bonus field's row, the communes' rows of added places and of their openings, the width.
 */
interface ScenarioLayout {
  readonly rowOf: ReadonlyMap<ScenarioField, number>;
  readonly communeRows: readonly CommuneRow[];
  readonly bonusRowOf: ReadonlyMap<ScenarioBonusField, number>;
  readonly placesRows: readonly CommuneRow[];
  readonly openingRows: readonly CommuneRow[];
  readonly width: number;
}

/** The scenarios sheet being read. */
interface ScenarioSheet extends ScenarioLayout {
  readonly grid: RawGrid;
  readonly origin: GridOrigin;
  readonly cellAt: (r: number, c: number) => Cell;
  readonly at: (r: number, c: number) => string;
  readonly nameRow: number;
  readonly current: PlanParams;
  readonly issues: Issue[];
}

/**
 * Finds the rows by their label in column A (or B), and the commune rows by an INSEE code in column A:
 * basin rows until the title of the added places, then places rows, then (after its title) openings.
 */
function scenarioLayout(
  grid: RawGrid,
  communes: readonly Commune[],
  cellAt: (r: number, c: number) => Cell,
): ScenarioLayout {
  const rowOf = new Map<ScenarioField, number>();
  const bonusRowOf = new Map<ScenarioBonusField, number>();
  const blocks: Record<"basins" | "places" | "opening", CommuneRow[]> = {
    basins: [],
    places: [],
    opening: [],
  };
  let block: keyof typeof blocks = "basins";
  const inseeCodes = new Set(communes.map((c) => c.insee));
  let width = 0;
  grid.forEach((row, r) => {
    width = Math.max(width, row.length);
    const first = textOf(cellAt(r, 0));
    const code = /^\d+$/.test(first) ? first.padStart(5, "0") : first;
    if (inseeCodes.has(code)) {
      const rows = blocks[block];
      if (!rows.some((x) => x.insee === code)) rows.push({ row: r, insee: code });
      return;
    }
    const label = normalizeHeader(first !== "" ? first : textOf(cellAt(r, 1)));
    const field = FIELD_OF_LABEL.get(label);
    if (field !== undefined && !rowOf.has(field)) rowOf.set(field, r);
    const bonus = BONUS_ROW_OF_LABEL.get(label);
    if (bonus === "places" || bonus === "opening") block = bonus;
    else if (bonus !== undefined && !bonusRowOf.has(bonus)) bonusRowOf.set(bonus, r);
  });
  return {
    rowOf,
    communeRows: blocks.basins,
    bonusRowOf,
    placesRows: blocks.places,
    openingRows: blocks.opening,
    width,
  };
}

/** A column with values but no name is ignored, with a warning. */
function warnUnnamed(sheet: ScenarioSheet, c: number): void {
  const valueRows = [...sheet.rowOf.entries()].filter(([f]) => f !== "name").map(([, r]) => r);
  const bonusRows = [...sheet.bonusRowOf.values(), ...sheet.placesRows.map((x) => x.row)];
  const filled = [...valueRows, ...bonusRows, ...sheet.communeRows.map((x) => x.row)].some(
    (r) => sheet.cellAt(r, c).kind !== "empty",
  );
  if (filled) {
    sheet.issues.push({
      code: "scenario-unnamed",
      severity: "warning",
      cell: sheet.at(sheet.nameRow, c),
      data: { column: columnLetters(parseA1(sheet.origin.topLeft).col + c) },
    });
  }
}

/** Parameters: the cells that are filled, read as Paramètres CTG reads them; the rest is current. */
function scenarioParams(sheet: ScenarioSheet, c: number): PlanParams {
  const inputs: ParamInputs = {};
  const given = new Set<PlanParamName>();
  for (const field of ["costHT", "capHT", "cafRate", "vatRate", "key", "cafBase"] as const) {
    const r = sheet.rowOf.get(field);
    if (r === undefined || sheet.cellAt(r, c).kind === "empty") continue;
    inputs[field] = { value: sheet.grid[r]?.[c] as RawValue, cell: sheet.at(r, c) };
    given.add(field);
  }
  const read = readParams(inputs);
  sheet.issues.push(...read.issues);
  return pickParams(read.params, sheet.current, (k) => given.has(k));
}

/** The column's bonus cells read (null when the sheet has no bonus row: written before issue #14). */
function scenarioBonusOf(
  sheet: ScenarioSheet,
  c: number,
  communes: readonly Commune[],
): ScenarioBonus | null {
  if (sheet.bonusRowOf.size === 0 && sheet.placesRows.length === 0) return null;
  const cell = (r: number): { value: RawValue; cell: string } => ({
    value: sheet.grid[r]?.[c] as RawValue,
    cell: sheet.at(r, c),
  });
  const values: ScenarioBonusCells["values"] = Object.fromEntries(
    [...sheet.bonusRowOf.entries()].map(([f, r]) => [f, cell(r)]),
  );
  const openingRow = new Map(sheet.openingRows.map((x) => [x.insee, x.row]));
  const places = sheet.placesRows.map(({ row, insee }) => {
    const o = openingRow.get(insee);
    return {
      insee,
      commune: communes.find((x) => x.insee === insee)?.name ?? insee,
      places: cell(row),
      // No openings block: the places cell itself is named (« saisissez l'ouverture »).
      opening: o === undefined ? { value: null, cell: sheet.at(row, c) } : cell(o),
    };
  });
  const read = readScenarioBonus({ values, places, textOk: false });
  sheet.issues.push(...read.issues);
  return read.bonus;
}

/** The basins the column gives communes: `Nord`/`Sud` (or North/South…); blank keeps the commune's. */
function scenarioBasins(sheet: ScenarioSheet, c: number): Record<string, Basin> {
  const basinOverrides: Record<string, Basin> = {};
  for (const { row, insee } of sheet.communeRows) {
    const cell = sheet.cellAt(row, c);
    if (cell.kind === "empty") continue;
    const basin = parseBasin(textOf(cell));
    if (basin === null) {
      sheet.issues.push({
        code: "basin-invalid",
        severity: "error",
        cell: sheet.at(row, c),
        data: { value: textOf(cell) },
      });
    } else basinOverrides[insee] = basin;
  }
  return basinOverrides;
}

/**
 * The scenario written when the workbook holds none: the current parameters, no commune moved.
 *
 * @param params - the current parameters
 * @param lang - the language of its name
 * @param date - its date (ISO day)
 * @returns the scenario « Paramètres actuels » / "Current parameters"
 */
export function defaultScenario(params: PlanParams, lang: Lang, date: string): Scenario {
  return { name: DEFAULT_SCENARIO_NAME[lang], note: "", date, params, basinOverrides: {} };
}

/**
 * The plan of a scenario: {@link computePlan} with the scenario's parameters, and its basins applied
 * to the reference communes. A basin the scenario gives wins over the basin the funding rows give (as
 * the live comparison does: it reads the basin from the scenario's cell, else from `Communes CTG`).
 *
 * @param rows - the funding rows, as objects or as columns (`fundingColumns(read)`)
 * @param scenario - the scenario
 * @param communes - the reference communes
 * @returns the plan under the scenario
 */
export function planScenario(
  rows: readonly FundingRow[] | FundingColumns,
  scenario: Scenario,
  communes: readonly Commune[],
): Plan {
  const moved = (insee: string | null): Basin | undefined =>
    insee === null
      ? undefined
      : Object.prototype.hasOwnProperty.call(scenario.basinOverrides, insee)
        ? scenario.basinOverrides[insee]
        : undefined;
  const reference = communes.map((c) => {
    const b = moved(c.insee);
    return b === undefined ? c : { ...c, basin: b };
  });
  return computePlanFromColumns(withBasinsMoved(asColumns(rows), moved), scenario.params, reference);
}

/**
 * The bonus territoire plan of a scenario: {@link computeBonusPlan} with the current parameters and
 * those the scenario sets, the reference with the communes the scenario moves, and the facilities
 * plus one EAJE facility per commune where the scenario adds places (see scenario-bonus.ts). A
 * scenario that sets no bonus parameter, adds no place and moves no commune gives the current plan.
 *
 * @param facilities - the facilities read
 * @param communes - the reference communes
 * @param current - the current bonus parameters
 * @param scenario - the scenario
 * @returns the plan under the scenario
 * @throws RangeError when the parameters are not valid (see checkBonusParams)
 */
export function planScenarioBonus(
  facilities: readonly Facility[],
  communes: readonly Commune[],
  current: BonusParams,
  scenario: Scenario,
): BonusPlan {
  const reference = communes.map((c) => {
    const b = Object.prototype.hasOwnProperty.call(scenario.basinOverrides, c.insee)
      ? scenario.basinOverrides[c.insee]
      : undefined;
    return b === undefined || b === c.basin ? c : { ...c, basin: b };
  });
  const added = addedPlacesFacilities(scenario.bonus?.places ?? [], reference);
  return computeBonusPlan([...facilities, ...added], reference, scenarioBonusParams(current, scenario.bonus));
}

/**
 * A scenario given outside the workbook (the command line's `--scenario`): its name, the parameters
 * it sets (raw values with where they come from, read as `Paramètres CTG` reads them; the others take
 * the current parameters) and the communes it moves (by name, short form or INSEE code).
 */
export interface ScenarioSpec {
  readonly name: string;
  readonly note?: string;
  readonly params: ParamInputs;
  readonly basins: readonly { readonly commune: string; readonly basin: Basin; readonly cell: string }[];
  /**
   * The bonus parameters it sets (raw text, read as the command line gives them: `2025`, `2 %`,
   * `3100`) and the places it adds (commune by name, short form or INSEE code; `opening` a year or a
   * date).
   */
  readonly bonus?: {
    readonly values: Partial<Record<ScenarioBonusField, { readonly value: RawValue; readonly cell: string }>>;
    readonly places: readonly {
      readonly commune: string;
      readonly places: RawValue;
      readonly opening: RawValue;
      readonly cell: string;
    }[];
  };
}

/**
 * The scenario a spec describes.
 *
 * @param spec - the spec
 * @param current - the current parameters, for the parameters the spec leaves out
 * @param communes - the reference communes, to find the communes it moves
 * @param date - the scenario's date (ISO day)
 * @returns the scenario, and the issues (`param-*` on the parameters' cells, `commune-unknown` with
 *   suggestions on a commune that is not in the reference)
 */
export function scenarioFromSpec(
  spec: ScenarioSpec,
  current: PlanParams,
  communes: readonly Commune[],
  date: string,
): { scenario: Scenario; issues: Issue[] } {
  const read = readParams(spec.params);
  const issues: Issue[] = [...read.issues];
  const given = (k: PlanParamName): boolean =>
    spec.params[k] !== undefined && toCell(spec.params[k]?.value).kind !== "empty";
  const basinOverrides: Record<string, Basin> = {};
  for (const { commune, basin, cell } of spec.basins) {
    const match = matchCommune(commune, communes);
    if (match.kind === "match") basinOverrides[match.commune.insee] = basin;
    else {
      issues.push({
        code: "commune-unknown",
        severity: "error",
        cell,
        data: { value: commune, suggestions: match.suggestions },
      });
    }
  }
  const bonus = spec.bonus === undefined ? null : specBonus(spec.bonus, communes, issues);
  return {
    scenario: {
      name: spec.name,
      note: spec.note ?? "",
      date,
      params: pickParams(read.params, current, given),
      basinOverrides,
      ...(bonus === null ? {} : { bonus }),
    },
    issues,
  };
}

/** A spec's bonus read: its communes found in the reference (else `commune-unknown`), its values read. */
function specBonus(
  given: NonNullable<ScenarioSpec["bonus"]>,
  communes: readonly Commune[],
  issues: Issue[],
): ScenarioBonus {
  const places: ScenarioBonusCells["places"][number][] = [];
  for (const p of given.places) {
    const match = matchCommune(p.commune, communes);
    if (match.kind !== "match") {
      issues.push({
        code: "commune-unknown",
        severity: "error",
        cell: p.cell,
        data: { value: p.commune, suggestions: match.suggestions },
      });
      continue;
    }
    const { insee, name } = match.commune;
    places.push({
      insee,
      commune: name,
      places: { value: p.places, cell: p.cell },
      opening: { value: p.opening, cell: p.cell },
    });
  }
  const read = readScenarioBonus({ values: given.values, places, textOk: true });
  issues.push(...read.issues);
  return read.bonus;
}

/**
 * Adds scenarios to a list: a scenario whose name is already there (case ignored) replaces it in
 * place, the others are appended in order.
 *
 * @param scenarios - the scenarios read
 * @param added - the scenarios to add
 * @returns the new list
 */
export function mergeScenarios(scenarios: readonly Scenario[], added: readonly Scenario[]): Scenario[] {
  const list = [...scenarios];
  for (const a of added) {
    const at = list.findIndex((s) => s.name.toLowerCase() === a.name.toLowerCase());
    if (at >= 0) list[at] = a;
    else list.push(a);
  }
  return list;
}

/**
 * A change the user asks for in the task pane, applied to the scenarios read from the workbook before
 * they are planned and written: add a scenario (one with the same name, case ignored, is replaced),
 * rename one, delete one. Names are matched case ignored; an edit naming no scenario does nothing.
 */
export type ScenarioEdit =
  | { readonly kind: "add"; readonly scenario: Scenario }
  | { readonly kind: "rename"; readonly from: string; readonly to: string }
  | { readonly kind: "delete"; readonly name: string };

/**
 * The scenarios after the user's edits, in order.
 *
 * @param scenarios - the scenarios read
 * @param edits - the edits, applied in order
 * @returns the new list (the scenarios read are not changed)
 */
export function applyScenarioEdits(
  scenarios: readonly Scenario[],
  edits: readonly ScenarioEdit[],
): Scenario[] {
  let list = [...scenarios];
  const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
  for (const edit of edits) {
    if (edit.kind === "add") list = mergeScenarios(list, [edit.scenario]);
    else if (edit.kind === "rename")
      list = list.map((s) => (same(s.name, edit.from) ? { ...s, name: edit.to } : s));
    else list = list.filter((s) => !same(s.name, edit.name));
  }
  return list;
}
