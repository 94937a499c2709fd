/**
 * What a scenario says about the bonus territoire (issue #14): the bonus parameters it sets (each
 * basin's CTG start year and duration, the uplift rates, the CUCM's tranche, the new-place rates, the
 * EAJE floor; a blank cell takes the current parameter) and the new EAJE places it adds per commune
 * with their opening (« +30 places à Montceau-les-Mines en 2024 »). Pure.
 *
 * How added places are planned: each commune's added places are one extra EAJE facility of that
 * commune (capacity 0, no former CEJ, not in a QPV/ZRR, no reserved place), in the basin the scenario
 * gives the commune, opening in January of the opening year the scenario gives. It is paid as any new
 * place: the rate of the CUCM's tranche, under the pro-rata rule (January: the whole year), and it
 * counts in its basin's trajectoire (places at the end of the base and target years). With capacity 0
 * it takes no share of the smoothed pools, so the existing facilities' amounts are unchanged.
 */

import { cellText, toCell } from "./cell";
import { centsFromEuros, parseAmount, parseRate, rateFromFraction } from "./money";
import type { BonusParams } from "./bonus-params";
import type {
  Basin,
  Cell,
  Cents,
  Commune,
  Facility,
  FacilityField,
  Hundredths,
  Issue,
  Lang,
  Rate,
  RawValue,
  YearMonth,
} from "./types";
import { FACILITY_FIELDS } from "./types";

/** The bonus parameters a scenario may set, in the order of their rows on `Scénarios CTG`. */
export const SCENARIO_BONUS_FIELDS = [
  "startNord",
  "durationNord",
  "startSud",
  "durationSud",
  "uplift1",
  "uplift2",
  "uplift3",
  "tranche",
  "newPlaceRate1",
  "newPlaceRate2",
  "newPlaceRate3",
  "floorEaje",
] as const;
export type ScenarioBonusField = (typeof SCENARIO_BONUS_FIELDS)[number];

/** What a bonus cell of a scenario holds: a year, a CTG length, a rate, a tranche, an amount in euros. */
export type ScenarioBonusKind = "year" | "duration" | "rate" | "tranche" | "amount";

/** The kind of each field. */
export const SCENARIO_BONUS_KIND: Readonly<Record<ScenarioBonusField, ScenarioBonusKind>> = {
  startNord: "year",
  durationNord: "duration",
  startSud: "year",
  durationSud: "duration",
  uplift1: "rate",
  uplift2: "rate",
  uplift3: "rate",
  tranche: "tranche",
  newPlaceRate1: "amount",
  newPlaceRate2: "amount",
  newPlaceRate3: "amount",
  floorEaje: "amount",
};

/** The tranches a scenario can name (the rows of new-place rates on `Scénarios CTG`). */
export const SCENARIO_TRANCHES = 3;
/** The uplifts a scenario can set, in year order (CTG_B_Revalo1…). */
export const SCENARIO_UPLIFTS = 3;

/** The row labels of the bonus fields and of the two blocks of commune rows, in both languages. */
export const SCENARIO_BONUS_LABELS: Readonly<
  Record<Lang, Readonly<Record<ScenarioBonusField | "title" | "places" | "opening", string>>>
> = {
  fr: {
    title: "Bonus territoire (vide = Paramètres CTG)",
    startNord: "Bonus : début CTG Nord",
    durationNord: "Bonus : durée CTG Nord",
    startSud: "Bonus : début CTG Sud",
    durationSud: "Bonus : durée CTG Sud",
    uplift1: "Bonus : revalorisation 1",
    uplift2: "Bonus : revalorisation 2",
    uplift3: "Bonus : revalorisation 3",
    tranche: "Bonus : tranche de la CUCM",
    newPlaceRate1: "Bonus : place nouvelle tranche 1",
    newPlaceRate2: "Bonus : place nouvelle tranche 2",
    newPlaceRate3: "Bonus : place nouvelle tranche 3",
    floorEaje: "Bonus : plancher EAJE par place",
    places: "Places EAJE ajoutées par commune",
    opening: "Année d'ouverture des places ajoutées",
  },
  en: {
    title: "Bonus territoire (blank = CTG Parameters)",
    startNord: "Bonus: CTG start North",
    durationNord: "Bonus: CTG length North",
    startSud: "Bonus: CTG start South",
    durationSud: "Bonus: CTG length South",
    uplift1: "Bonus: uplift 1",
    uplift2: "Bonus: uplift 2",
    uplift3: "Bonus: uplift 3",
    tranche: "Bonus: CUCM tranche",
    newPlaceRate1: "Bonus: new place tranche 1",
    newPlaceRate2: "Bonus: new place tranche 2",
    newPlaceRate3: "Bonus: new place tranche 3",
    floorEaje: "Bonus: EAJE floor per place",
    places: "EAJE places added per commune",
    opening: "Opening year of the added places",
  },
};

/** New EAJE places a scenario adds in a commune. */
export interface AddedPlaces {
  readonly insee: string;
  /** Whole places; null when the cell is blank but an opening is given (kept to be written back). */
  readonly places: number | null;
  /** Null only with 0 places. */
  readonly opening: YearMonth | null;
  /** Where they were given: the scenario's places cell, or the `--scenario` key. */
  readonly cell: string;
}

/**
 * A scenario's bonus territoire: the parameters it sets (years, lengths 4 or 5, rates as `Rate`, the
 * tranche, amounts as `Cents`; a field left out takes the current parameter) and the places it adds.
 */
export interface ScenarioBonus {
  readonly values: Readonly<Partial<Record<ScenarioBonusField, number>>>;
  readonly places: readonly AddedPlaces[];
}

/** A scenario that sets nothing about the bonus. */
export const NO_SCENARIO_BONUS: ScenarioBonus = { values: {}, places: [] };

/** The value of a text cell, for the messages. */
function shown(cell: Cell): string {
  return cell.kind === "date" && Number.isNaN(cell.value.getTime()) ? "#VALUE!" : cellText(cell).trim();
}

/**
 * Reads one bonus value. In the workbook a cell must hold a number (the comparison computes from it
 * live: a text `2025` would not compute); the command line's text is read as the sheet would show it.
 *
 * @param field - the field
 * @param cell - the cell
 * @param textOk - whether a text number is read (the command line)
 * @returns the value in the engine's unit, or null when it is not one
 */
export function parseScenarioBonusValue(
  field: ScenarioBonusField,
  cell: Cell,
  textOk: boolean,
): number | null {
  const kind = SCENARIO_BONUS_KIND[field];
  if (cell.kind !== "number" && !(textOk && cell.kind === "text")) return null;
  if (kind === "rate") {
    const r =
      cell.kind === "number" ? rateFromFraction(cell.value) : parseRate(cell).ok ? readRate(cell) : null;
    return r !== null && r >= 0 && r <= 1_000_000 ? r : null;
  }
  if (kind === "amount") {
    const a = cell.kind === "number" ? centsFromEuros(cell.value) : readAmount(cell);
    return a !== null && a >= 0 ? a : null;
  }
  const n = cell.kind === "number" ? cell.value : Number(cell.value.trim());
  if (!Number.isInteger(n)) return null;
  if (kind === "year") return n >= 2000 && n <= 2100 ? n : null;
  if (kind === "duration") return n === 4 || n === 5 ? n : null;
  return n >= 1 && n <= SCENARIO_TRANCHES ? n : null;
}

function readRate(cell: Cell): Rate | null {
  const p = parseRate(cell);
  return p.ok ? p.rate : null;
}

function readAmount(cell: Cell): Cents | null {
  const p = parseAmount(cell);
  return p.ok ? p.cents : null;
}

/** Where a scenario's bonus is read from: its bonus cells, and per commune its places and opening cells. */
export interface ScenarioBonusCells {
  readonly values: Partial<Record<ScenarioBonusField, { readonly value: RawValue; readonly cell: string }>>;
  readonly places: readonly {
    readonly insee: string;
    readonly commune: string;
    readonly places: { readonly value: RawValue; readonly cell: string };
    readonly opening: { readonly value: RawValue; readonly cell: string };
  }[];
  /** Whether text numbers are read (the command line). */
  readonly textOk: boolean;
}

/**
 * Reads a scenario's bonus cells: each filled value cell as {@link parseScenarioBonusValue} reads it
 * (else `scenario-bonus-invalid` on the cell), each commune's places (whole, ≥ 0; else
 * `scenario-places-invalid`) with their opening year (2000–2100; else
 * `scenario-opening-invalid`; places without an opening: `scenario-opening-missing`). An opening
 * without places is ignored.
 *
 * @param cells - the cells
 * @returns the scenario's bonus, and the issues (errors)
 */
export function readScenarioBonus(cells: ScenarioBonusCells): { bonus: ScenarioBonus; issues: Issue[] } {
  const issues: Issue[] = [];
  const values: Partial<Record<ScenarioBonusField, number>> = {};
  for (const field of SCENARIO_BONUS_FIELDS) {
    const given = cells.values[field];
    const cell = toCell(given?.value);
    if (given === undefined || cell.kind === "empty") continue;
    const v = parseScenarioBonusValue(field, cell, cells.textOk);
    if (v === null)
      issues.push({
        code: "scenario-bonus-invalid",
        severity: "error",
        cell: given.cell,
        data: { field, value: shown(cell) },
      });
    else values[field] = v;
  }
  const places: AddedPlaces[] = [];
  for (const p of cells.places) {
    const added = readAddedPlaces(p, cells.textOk, issues);
    if (added !== null) places.push(added);
  }
  return { bonus: { values, places }, issues };
}

/**
 * One commune's added places, or null (nothing given, or an issue). Places left blank with an opening,
 * or 0 places, are kept as 0 places (the user's cells are written back as they were).
 */
function readAddedPlaces(
  p: ScenarioBonusCells["places"][number],
  textOk: boolean,
  issues: Issue[],
): AddedPlaces | null {
  const placesCell = toCell(p.places.value);
  const openingCell = toCell(p.opening.value);
  if (placesCell.kind === "empty" && openingCell.kind === "empty") return null;
  const n = placesCell.kind === "empty" ? null : wholePlaces(placesCell, textOk);
  if (placesCell.kind !== "empty" && n === null) {
    issues.push({
      code: "scenario-places-invalid",
      severity: "error",
      cell: p.places.cell,
      data: { commune: p.commune, value: shown(placesCell) },
    });
    return null;
  }
  if (openingCell.kind === "empty") {
    // (Both blank returned above: the places cell holds a number here.)
    if (n === null || n === 0) return { insee: p.insee, places: 0, opening: null, cell: p.places.cell };
    issues.push({
      code: "scenario-opening-missing",
      severity: "error",
      cell: p.opening.cell,
      related: [p.places.cell],
      data: { commune: p.commune, places: n },
    });
    return null;
  }
  const opening = openingYear(openingCell, textOk);
  if (opening === null) {
    issues.push({
      code: "scenario-opening-invalid",
      severity: "error",
      cell: p.opening.cell,
      data: { commune: p.commune, value: shown(openingCell) },
    });
    return null;
  }
  return { insee: p.insee, places: n, opening, cell: p.places.cell };
}

/**
 * The opening of added places: a year 2000–2100 (a number cell; a text year on the command line),
 * opening in January. A year alone keeps the comparison's formulas in the project's vocabulary (no
 * date function); a month of opening needs a facility row in `Équipements CTG`.
 */
function openingYear(cell: Cell, textOk: boolean): YearMonth | null {
  const n =
    cell.kind === "number"
      ? cell.value
      : textOk && cell.kind === "text" && /^\s*\d{4}\s*$/.test(cell.value)
        ? Number(cell.value)
        : NaN;
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? { year: n, month: 1 } : null;
}

/** A whole number of places ≥ 0 (a number cell; text too on the command line), or null. */
function wholePlaces(cell: Cell, textOk: boolean): number | null {
  const n =
    cell.kind === "number" ? cell.value : textOk && cell.kind === "text" ? Number(cell.value.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : null;
}

/**
 * The bonus parameters under a scenario: the current ones, with those the scenario sets. The uplift
 * `uplift1`… is the first uplift in year order (as `CTG_B_Revalo1`); an uplift or a tranche rate the
 * current parameters do not have is ignored.
 *
 * @param current - the current parameters
 * @param bonus - the scenario's bonus (undefined: none)
 * @returns the parameters
 */
export function scenarioBonusParams(current: BonusParams, bonus: ScenarioBonus | undefined): BonusParams {
  const v = bonus?.values ?? {};
  if (Object.keys(v).length === 0) return current;
  const ctgOf = (
    b: Basin,
    start: ScenarioBonusField,
    duration: ScenarioBonusField,
  ): BonusParams["ctg"][Basin] => ({
    startYear: v[start] ?? current.ctg[b].startYear,
    duration: (v[duration] ?? current.ctg[b].duration) as 4 | 5,
  });
  const order = current.uplifts
    .map((u, i) => ({ u, i }))
    .sort((a, b) => a.u.year - b.u.year || a.i - b.i)
    .map((x) => x.i);
  const upliftOf = (i: number): number | undefined => [v.uplift1, v.uplift2, v.uplift3][order.indexOf(i)];
  const rateOf = (i: number): number | undefined => [v.newPlaceRate1, v.newPlaceRate2, v.newPlaceRate3][i];
  return {
    ...current,
    ctg: { nord: ctgOf("nord", "startNord", "durationNord"), sud: ctgOf("sud", "startSud", "durationSud") },
    uplifts: current.uplifts.map((u, i) => ({ year: u.year, rate: (upliftOf(i) ?? u.rate) as Rate })),
    tranche: v.tranche ?? current.tranche,
    newPlaceRates: current.newPlaceRates.map((r, i) => (rateOf(i) ?? r) as Cents),
    floor: { ...current.floor, eaje: (v.floorEaje ?? current.floor.eaje) as Cents },
  };
}

/** Every field of a facility points at the one cell the places were given in. */
function cellsOf(cell: string): Readonly<Record<FacilityField, string>> {
  return Object.fromEntries(FACILITY_FIELDS.map((f) => [f, cell])) as Record<FacilityField, string>;
}

/**
 * The facilities a scenario's added places make: one EAJE facility per commune (see the module's
 * note), after the table's facilities.
 *
 * @param places - the added places
 * @param communes - the reference under the scenario (its basins)
 * @returns one facility per entry with places, whose commune is in the reference
 */
export function addedPlacesFacilities(
  places: readonly AddedPlaces[],
  communes: readonly Commune[],
): Facility[] {
  return places.flatMap((p) => {
    const commune = communes.find((c) => c.insee === p.insee);
    if (commune === undefined || p.places === null || p.places === 0 || p.opening === null) return [];
    const facility: Facility = {
      sheetRow: 0,
      name: "",
      operator: "",
      operatorKind: "commune",
      commune: commune.name,
      insee: commune.insee,
      basin: commune.basin,
      domain: "",
      kind: "eaje",
      unit: "places",
      capacity: 0 as Hundredths,
      formerCej: 0 as Cents,
      newPlaces: (p.places * 100) as Hundredths,
      reservedPlaces: 0 as Hundredths,
      opening: p.opening,
      priorityArea: false,
      missions: 0,
      cells: cellsOf(p.cell),
    };
    return [facility];
  });
}
