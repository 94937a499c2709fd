import { gridAddresser, parseA1, toCell, cellText } from "./cell";
import { matchCommune, normalizeName } from "./communes";
import { parseAmount, type AmountProblem } from "./money";
import { normalizeHeader } from "./reader";
import type {
  BonusKind,
  BonusUnit,
  Cell,
  Commune,
  Facility,
  FacilityField,
  FacilityReadResult,
  GridOrigin,
  Hundredths,
  Issue,
  IssueCode,
  IssueDataByCode,
  OperatorKind,
  RawGrid,
  RawValue,
  YearMonth,
} from "./types";
import { FACILITY_FIELDS, issueOf } from "./types";

/** The sheet the facilities table lives on. */
export const FACILITY_SHEET = "Équipements CTG";

/** The name of the facilities table (an Excel table on {@link FACILITY_SHEET}), as the demo writes it. */
export const FACILITY_TABLE = "CTG_Equipements";

/**
 * Whether a table is the facilities table: named {@link FACILITY_TABLE} or on {@link FACILITY_SHEET}.
 * The adapters read it as the facilities, never as the funding rows.
 *
 * @param name - the table's name
 * @param sheet - the sheet that holds it
 * @returns true for the facilities table
 */
export function isFacilityTable(name: string, sheet: string): boolean {
  return name.toLowerCase() === FACILITY_TABLE.toLowerCase() || sheet === FACILITY_SHEET;
}

/**
 * The facilities table's headers as the product writes them (the demo's table, the messages): the
 * French names, which the reader recognises among its synonyms.
 */
export const FACILITY_HEADERS: Readonly<Record<FacilityField, string>> = {
  facility: "Équipement",
  operator: "Gestionnaire",
  operatorKind: "Type de gestionnaire",
  commune: "Commune",
  domain: "Domaine",
  kind: "Type de bonus",
  unit: "Unité",
  capacity: "Capacité de référence",
  formerCej: "Montant CEJ",
  newPlaces: "Places nouvelles",
  reservedPlaces: "Places réservataires",
  openingDate: "Date d'ouverture",
  priorityArea: "QPV/ZRR",
  missions: "Missions renforcées",
};

/** Header synonyms, normalized as {@link normalizeHeader} does; a header may add words after one. */
export const FACILITY_HEADER_SYNONYMS: Readonly<Record<FacilityField, readonly string[]>> = {
  facility: ["equipement", "structure", "etablissement", "facility", "nom de l equipement"],
  operator: ["gestionnaire", "operateur", "operator", "nom du gestionnaire"],
  operatorKind: [
    "type de gestionnaire",
    "nature du gestionnaire",
    "statut du gestionnaire",
    "operator kind",
    "operator type",
  ],
  commune: ["commune", "ville", "municipality", "town"],
  domain: ["domaine", "champ", "domain"],
  kind: ["type de bonus", "nature du bonus", "bonus", "bonus kind", "kind"],
  unit: ["unite", "unit"],
  capacity: ["capacite de reference", "capacite", "places existantes", "reference capacity", "capacity"],
  formerCej: ["montant cej", "ancien cej", "cej", "psej", "former cej", "former cej amount"],
  newPlaces: ["places nouvelles", "nouvelles places", "new places"],
  reservedPlaces: ["places reservataires", "places reservees", "dont places reservees", "reserved places"],
  openingDate: ["date d ouverture", "ouverture", "opening date", "opening"],
  priorityArea: ["qpv zrr", "qpv", "zrr", "qpv or zrr", "priority area"],
  missions: ["missions renforcees", "mission renforcee", "reinforced missions"],
};

/** Columns without which no facility can be read. */
export const FACILITY_REQUIRED: readonly FacilityField[] = [
  "facility",
  "commune",
  "kind",
  "capacity",
  "formerCej",
];

const KIND_WORDS: ReadonlyMap<string, BonusKind> = new Map([
  ["eaje", "eaje"],
  ["creche", "eaje"],
  ["multi accueil", "eaje"],
  ["rpe", "rpe"],
  ["ram", "rpe"],
  ["relais petite enfance", "rpe"],
  ["laep", "laep"],
  ["lieu d accueil enfants parents", "laep"],
  ["alsh", "alsh"],
  ["accueil de loisirs", "alsh"],
  ["autre", "autre"],
  ["other", "autre"],
]);

const OPERATOR_WORDS: ReadonlyMap<string, OperatorKind> = new Map([
  ["commune", "commune"],
  ["municipality", "commune"],
  ["mairie", "commune"],
  ["ccas", "ccas"],
  ["cias", "ccas"],
  ["association", "association"],
  ["asso", "association"],
  ["prive", "prive"],
  ["private", "prive"],
  ["entreprise", "prive"],
  ["autre", "autre"],
  ["other", "autre"],
]);

const UNIT_WORDS: ReadonlyMap<string, BonusUnit> = new Map([
  ["places", "places"],
  ["place", "places"],
  ["etp", "etp"],
  ["fte", "etp"],
  ["heures", "heures"],
  ["heure", "heures"],
  ["h", "heures"],
  ["hours", "heures"],
]);

/** The unit a kind counts in when the unit cell is empty. */
export const DEFAULT_UNIT: Readonly<Record<BonusKind, BonusUnit>> = {
  eaje: "places",
  rpe: "etp",
  laep: "heures",
  alsh: "places",
  autre: "places",
};

const YES = new Set(["oui", "o", "x", "yes", "y", "vrai", "true", "1", "qpv", "zrr", "qpv zrr"]);
const NO = new Set(["non", "n", "no", "faux", "false", "0"]);

/**
 * The field a header names, if any (the longest synonym wins: « Type de gestionnaire » is the operator
 * kind, not the operator).
 *
 * @param header - the header as written
 * @returns the field, or null
 */
export function facilityFieldOfHeader(header: string): FacilityField | null {
  const h = normalizeHeader(header);
  if (h === "") return null;
  let best: { field: FacilityField; length: number } | null = null;
  for (const field of FACILITY_FIELDS) {
    for (const syn of FACILITY_HEADER_SYNONYMS[field]) {
      if ((h === syn || h.startsWith(`${syn} `)) && (best === null || syn.length > best.length)) {
        best = { field, length: syn.length };
      }
    }
  }
  return best?.field ?? null;
}

/**
 * @param text - a kind as written: `EAJE`, `Crèche`, `RPE`, `LAEP`, `ALSH`, `Autre`
 * @returns the kind, or null
 */
export function parseBonusKind(text: string): BonusKind | null {
  return KIND_WORDS.get(normalizeHeader(text)) ?? null;
}

/**
 * @param text - an operator kind as written: `Commune`, `CCAS`, `Association`, `Privé`, `Autre`
 * @returns the kind, or null
 */
export function parseOperatorKind(text: string): OperatorKind | null {
  return OPERATOR_WORDS.get(normalizeHeader(text)) ?? null;
}

/**
 * @param text - a unit as written: `places`, `ETP`, `heures`
 * @returns the unit, or null
 */
export function parseBonusUnit(text: string): BonusUnit | null {
  return UNIT_WORDS.get(normalizeHeader(text)) ?? null;
}

/** Why a cell is not a quantity. */
export type QuantityParse =
  | { readonly ok: true; readonly value: Hundredths }
  | { readonly ok: false; readonly problem: "invalid" | "negative" };

/**
 * Reads a quantity (places, ETP, hours): a number or a text number (`12`, `12,5`, `0.5`) with at
 * most two decimals; an empty cell is 0. With `whole`, only whole numbers.
 *
 * @param cell - the cell
 * @param whole - whether only whole numbers are allowed (places)
 * @returns the quantity in hundredths, or why not
 */
export function parseQuantity(cell: Cell, whole: boolean): QuantityParse {
  let n: number;
  if (cell.kind === "empty") return { ok: true, value: 0 as Hundredths };
  if (cell.kind === "number") n = cell.value;
  else if (cell.kind === "text" && /^\s*-?\d+(?:[.,]\d+)?\s*$/.test(cell.value))
    n = Number(cell.value.trim().replace(",", "."));
  else return { ok: false, problem: "invalid" };
  const h = Math.round(n * 100);
  if (Math.abs(n * 100 - h) > 1e-6 || !Number.isSafeInteger(h)) return { ok: false, problem: "invalid" };
  if (whole && h % 100 !== 0) return { ok: false, problem: "invalid" };
  if (h < 0) return { ok: false, problem: "negative" };
  return { ok: true, value: (h === 0 ? 0 : h) as Hundredths };
}

/** Excel's serial day 0 (30 December 1899), in UTC milliseconds. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Reads an opening date: a date cell, an Excel serial number (`45536` is 1 September 2024), a year
 * alone (`2026`: January), or text `01/09/2024`, `09/2024`, `2024-09-01`, `2024-09`, `2024`.
 *
 * @param cell - the cell
 * @returns the year and month, or null when the cell is none of these or the year is outside 2000–2100
 */
export function parseOpening(cell: Cell): YearMonth | null {
  let ym: YearMonth | null = null;
  if (cell.kind === "date" && !Number.isNaN(cell.value.getTime())) {
    ym = { year: cell.value.getUTCFullYear(), month: cell.value.getUTCMonth() + 1 };
  } else if (cell.kind === "number" && Number.isInteger(cell.value)) {
    if (cell.value >= 2000 && cell.value <= 2100) ym = { year: cell.value, month: 1 };
    else if (cell.value > 2100) {
      const d = new Date(EXCEL_EPOCH + cell.value * 86_400_000);
      ym = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
    }
  } else if (cell.kind === "text") {
    const s = cell.value.trim();
    const dmy = /^(?:(\d{1,2})[/.-])?(\d{1,2})[/.-](\d{4})$/.exec(s);
    const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(s);
    if (dmy) ym = { year: Number(dmy[3]), month: Number(dmy[2]) };
    else if (iso) ym = { year: Number(iso[1]), month: Number(iso[2]) };
    else if (/^\d{4}$/.test(s)) ym = { year: Number(s), month: 1 };
  }
  if (ym === null || ym.year < 2000 || ym.year > 2100 || ym.month < 1 || ym.month > 12) return null;
  return ym;
}

/**
 * @param cell - a QPV/ZRR cell: `oui`/`non`, `x`, `yes`/`no`, TRUE/FALSE, 1/0; empty is no
 * @returns the flag, or null when the cell says neither
 */
export function parseFlag(cell: Cell): boolean | null {
  if (cell.kind === "empty") return false;
  if (cell.kind === "boolean") return cell.value;
  if (cell.kind === "number") return cell.value === 1 ? true : cell.value === 0 ? false : null;
  if (cell.kind !== "text") return null;
  const h = normalizeHeader(cell.value);
  return YES.has(h) ? true : NO.has(h) ? false : null;
}

const AMOUNT_CODES = {
  "not-a-number": "amount-not-a-number",
  "error-value": "amount-error-value",
  "fraction-of-cent": "amount-fraction-of-cent",
  "too-large": "amount-too-large",
} as const satisfies Record<Exclude<AmountProblem, "empty">, IssueCode>;

function textOf(cell: Cell): string {
  return cell.kind === "date" && Number.isNaN(cell.value.getTime()) ? "#VALUE!" : cellText(cell).trim();
}

function headerTexts(row: readonly RawValue[] | undefined): string[] {
  return (row ?? []).map((v) => {
    const cell = toCell(v);
    return cell.kind === "text" ? cell.value : cell.kind === "number" ? String(cell.value) : "";
  });
}

/** The first of the top 50 rows naming the facility, commune and kind columns. */
function findHeaderRow(grid: RawGrid): number {
  for (let r = 0; r < Math.min(grid.length, 50); r += 1) {
    const fields = new Set(headerTexts(grid[r]).map(facilityFieldOfHeader));
    if (fields.has("facility") && fields.has("commune") && fields.has("kind")) return r;
  }
  return -1;
}

/** Options of {@link readFacilityTable}. */
export interface FacilityReadOptions {
  readonly origin: GridOrigin;
  /** The reference communes (built-in, or the workbook's `Communes CTG`). */
  readonly communes: readonly Commune[];
  /** 0-based header row when known (an Excel table's header); otherwise found in the top rows. */
  readonly headerRow?: number;
}

/**
 * Reads the facilities table (`Équipements CTG`) from a raw grid: finds the header row, maps the
 * columns by their French or English names, and turns each data row into a facility or issues that
 * name their cell. Communes are matched to the reference (name, short form or INSEE code); a facility
 * outside the reference has no basin, hence no CTG: an error.
 *
 * Any error leaves `facilities` empty: the caller writes nothing while an error remains.
 *
 * @param grid - the raw values, row-major
 * @param options - where the grid lives and the reference communes
 * @returns the header, the mapping, the facilities and the issues
 */
export function readFacilityTable(grid: RawGrid, options: FacilityReadOptions): FacilityReadResult {
  const at = gridAddresser(options.origin);
  const head = readFacilityHead(grid, options, at);
  const { headerRow, headers, mapping, issues } = head;
  const none = { headerRow, headers, mapping, facilities: [], issues };
  if (headerRow < 0 || issues.length > 0) return none;
  const topRow = parseA1(options.origin.topLeft).row;
  const table: TableState = { options, mapping, at, seen: new Map(), unitOf: new Map() };
  const facilities: Facility[] = [];
  for (let r = headerRow + 1; r < grid.length; r += 1) {
    const raw = grid[r] ?? [];
    if (raw.every((v) => toCell(v).kind === "empty")) continue;
    const row = facilityRow(table, raw, r);
    const facility = readFacility(table, row, topRow + r + 1);
    issues.push(...row.issues);
    if (facility !== null) facilities.push(facility);
  }
  if (issues.some((i) => i.severity === "error")) return none;
  if (facilities.length === 0) {
    issues.push({ code: "facility-no-rows", severity: "error", cell: at(headerRow, 0), data: {} });
    return none;
  }
  return { headerRow, headers, mapping, facilities, issues };
}

/** The header row and the mapping of the facilities table, with their issues. */
interface FacilityHead {
  readonly headerRow: number;
  readonly headers: string[];
  readonly mapping: Partial<Record<FacilityField, number>>;
  readonly issues: Issue[];
}

/** Finds the header row and maps its columns: a field named twice, or a required one missing, is an error. */
function readFacilityHead(
  grid: RawGrid,
  options: FacilityReadOptions,
  at: (r: number, c: number) => string,
): FacilityHead {
  const headerRow = options.headerRow ?? findHeaderRow(grid);
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= grid.length) {
    const issue: Issue = { code: "facility-header-not-found", severity: "error", cell: at(0, 0), data: {} };
    return { headerRow: -1, headers: [], mapping: {}, issues: [issue] };
  }
  const headers = headerTexts(grid[headerRow]);
  const issues: Issue[] = [];
  const mapping: Partial<Record<FacilityField, number>> = {};
  headers.forEach((h, col) => {
    const field = facilityFieldOfHeader(h);
    if (field === null) return;
    const first = mapping[field];
    if (first === undefined) mapping[field] = col;
    else
      issues.push({
        code: "facility-duplicate-column",
        severity: "error",
        cell: at(headerRow, col),
        related: [at(headerRow, first)],
        data: { field, columns: [headers[first] ?? "", h] },
      });
  });
  for (const field of FACILITY_REQUIRED) {
    if (mapping[field] === undefined)
      issues.push({
        code: "facility-missing-column",
        severity: "error",
        cell: at(headerRow, 0),
        data: { field },
      });
  }
  return { headerRow, headers, mapping, issues };
}

/** What the reading of the table keeps from one row to the next. */
interface TableState {
  readonly options: FacilityReadOptions;
  readonly mapping: Partial<Record<FacilityField, number>>;
  readonly at: (r: number, c: number) => string;
  /** Address of the name of each facility met, by normalized name and INSEE code. */
  readonly seen: Map<string, string>;
  /** The unit of each basin and kind met, with the cell that gave it first. */
  readonly unitOf: Map<string, { unit: BonusUnit; cell: string }>;
}

/** One data row being read: its cells by field, their addresses, and its issues. */
interface FacilityRow {
  readonly cell: (f: FacilityField) => Cell;
  readonly address: (f: FacilityField) => string;
  readonly issues: Issue[];
  readonly problem: <C extends IssueCode>(
    code: C,
    f: FacilityField,
    data: IssueDataByCode[C],
    severity?: Issue["severity"],
    related?: readonly string[],
  ) => void;
}

function facilityRow(table: TableState, raw: readonly RawValue[], r: number): FacilityRow {
  const { mapping, at } = table;
  const address = (f: FacilityField): string => at(r, mapping[f] ?? 0);
  const issues: Issue[] = [];
  return {
    cell: (f) => {
      const c = mapping[f];
      return c === undefined ? { kind: "empty" } : toCell(raw[c]);
    },
    address,
    issues,
    problem: (code, f, data, severity = "error", related) => {
      issues.push(issueOf({ code, severity, cell: address(f), ...(related ? { related } : {}), data }));
    },
  };
}

/** The row as a facility, or null when an error leaves it out; the checks in the order of the columns. */
function readFacility(table: TableState, row: FacilityRow, sheetRow: number): Facility | null {
  const { cell, problem, address } = row;
  const name = textOf(cell("facility"));
  if (name === "") problem("facility-name-empty", "facility", {});
  const commune = readCommune(row, table.options.communes);
  const { kind, operatorKind, unit } = readKinds(row);
  const q = readQuantities(row, unit);
  const cej = readFormerCej(row);
  const opening = readOpening(row, table.mapping, kind, q.newPlaces);
  const flagCell = cell("priorityArea");
  const priorityArea = parseFlag(flagCell);
  if (priorityArea === null) problem("facility-flag-invalid", "priorityArea", { value: textOf(flagCell) });
  checkIgnoredFields(row, kind, q);
  checkUnit(table, row, commune, kind, unit);
  checkDuplicate(table, row, commune, name);
  if (commune === null || kind === null || operatorKind === null || priorityArea === null) return null;
  const cells = Object.fromEntries(FACILITY_FIELDS.map((f) => [f, address(f)])) as Record<
    FacilityField,
    string
  >;
  return {
    sheetRow,
    name,
    operator: textOf(cell("operator")),
    operatorKind,
    commune: commune.name,
    insee: commune.insee,
    basin: commune.basin,
    domain: textOf(cell("domain")).replace(/\s+/g, " "),
    kind,
    unit,
    capacity: q.capacity,
    formerCej: cej,
    newPlaces: kind === "eaje" ? q.newPlaces : (0 as Hundredths),
    reservedPlaces: kind === "eaje" ? q.reservedPlaces : (0 as Hundredths),
    opening: kind === "eaje" && q.newPlaces > 0 ? opening : null,
    priorityArea,
    missions: kind === "rpe" ? q.missions / 100 : 0,
    cells,
  };
}

/** The facility's commune, matched to the reference (name, short form or INSEE code). */
function readCommune(row: FacilityRow, communes: readonly Commune[]): Commune | null {
  const communeCell = row.cell("commune");
  if (communeCell.kind === "empty") {
    row.problem("commune-empty", "commune", {});
    return null;
  }
  const isText = communeCell.kind === "text" || communeCell.kind === "number";
  const match = isText ? matchCommune(textOf(communeCell), communes) : null;
  if (match?.kind === "match") return match.commune;
  row.problem("facility-commune-unknown", "commune", {
    value: textOf(communeCell),
    suggestions: match?.kind === "unknown" ? match.suggestions : [],
  });
  return null;
}

/** The kind of bonus, the kind of operator (`autre` when empty) and the unit (the kind's by default). */
function readKinds(row: FacilityRow): {
  kind: BonusKind | null;
  operatorKind: OperatorKind | null;
  unit: BonusUnit;
} {
  const { cell, problem } = row;
  const kindText = textOf(cell("kind"));
  const kind = parseBonusKind(kindText);
  if (kind === null) problem("facility-kind-unknown", "kind", { value: kindText });
  const opText = textOf(cell("operatorKind"));
  const operatorKind = opText === "" ? "autre" : parseOperatorKind(opText);
  if (operatorKind === null) problem("facility-operator-kind-unknown", "operatorKind", { value: opText });
  const unitText = textOf(cell("unit"));
  const unitGiven = unitText === "" ? null : parseBonusUnit(unitText);
  if (unitText !== "" && unitGiven === null) problem("facility-unit-unknown", "unit", { value: unitText });
  return { kind, operatorKind, unit: unitGiven ?? (kind === null ? "places" : DEFAULT_UNIT[kind]) };
}

/** The row's quantities, in hundredths (0 for an invalid one, which is an error). */
interface Quantities {
  readonly capacity: Hundredths;
  readonly newPlaces: Hundredths;
  readonly reservedPlaces: Hundredths;
  readonly missions: Hundredths;
}

function readQuantities(row: FacilityRow, unit: BonusUnit): Quantities {
  const quantity = (f: FacilityField, whole: boolean): Hundredths => {
    const cell = row.cell(f);
    const q = parseQuantity(cell, whole);
    if (q.ok) return q.value;
    row.problem(q.problem === "negative" ? "facility-quantity-negative" : "facility-quantity-invalid", f, {
      field: f,
      value: textOf(cell),
      whole: whole ? 1 : 0,
    });
    return 0 as Hundredths;
  };
  const capacity = quantity("capacity", unit === "places");
  const newPlaces = quantity("newPlaces", true);
  const reservedPlaces = quantity("reservedPlaces", true);
  const missions = quantity("missions", true);
  if (reservedPlaces > newPlaces)
    row.problem("facility-reserved-above-new", "reservedPlaces", {
      reserved: reservedPlaces / 100,
      places: newPlaces / 100,
    });
  return { capacity, newPlaces, reservedPlaces, missions };
}

/** The former CEJ amount (0 when empty or invalid). */
function readFormerCej(row: FacilityRow): Facility["formerCej"] {
  const cejCell = row.cell("formerCej");
  const parsed = parseAmount(cejCell);
  if (parsed.ok) {
    if (parsed.fromText)
      row.problem("amount-as-text", "formerCej", { value: textOf(cejCell), amount: parsed.cents }, "warning");
    if (parsed.cents < 0) row.problem("facility-cej-negative", "formerCej", { amount: parsed.cents });
    return parsed.cents;
  }
  if (parsed.problem !== "empty")
    row.problem(AMOUNT_CODES[parsed.problem], "formerCej", { value: textOf(cejCell) });
  return 0 as Facility["formerCej"];
}

/** When the new places open: required for the new places of an EAJE. */
function readOpening(
  row: FacilityRow,
  mapping: Partial<Record<FacilityField, number>>,
  kind: BonusKind | null,
  newPlaces: Hundredths,
): YearMonth | null {
  const openingCell = row.cell("openingDate");
  if (openingCell.kind !== "empty") {
    const opening = parseOpening(openingCell);
    if (opening === null)
      row.problem("facility-opening-invalid", "openingDate", { value: textOf(openingCell) });
    return opening;
  }
  if (newPlaces > 0 && kind === "eaje") {
    row.problem(
      "facility-opening-missing",
      mapping.openingDate !== undefined ? "openingDate" : "newPlaces",
      {},
    );
  }
  return null;
}

/** Columns that only one kind uses: a value elsewhere would be silently lost. */
function checkIgnoredFields(row: FacilityRow, kind: BonusKind | null, q: Quantities): void {
  if (kind !== null && kind !== "eaje") {
    if (q.newPlaces > 0)
      row.problem("facility-field-ignored", "newPlaces", { field: "newPlaces", kind }, "warning");
    if (q.reservedPlaces > 0)
      row.problem("facility-field-ignored", "reservedPlaces", { field: "reservedPlaces", kind }, "warning");
  }
  if (kind !== null && kind !== "rpe" && q.missions > 0)
    row.problem("facility-field-ignored", "missions", { field: "missions", kind }, "warning");
}

/** Smoothing adds the capacities of one basin and kind: they must count the same unit. */
function checkUnit(
  table: TableState,
  row: FacilityRow,
  commune: Commune | null,
  kind: BonusKind | null,
  unit: BonusUnit,
): void {
  if (commune === null || kind === null) return;
  const key = `${commune.basin}|${kind}`;
  const first = table.unitOf.get(key);
  if (first === undefined) table.unitOf.set(key, { unit, cell: row.address("unit") });
  else if (first.unit !== unit)
    row.problem(
      "facility-unit-mixed",
      "unit",
      { kind, basin: commune.basin, unit, first: first.unit },
      "error",
      [first.cell],
    );
}

/** The same facility (name and commune) twice: a warning on the second. */
function checkDuplicate(table: TableState, row: FacilityRow, commune: Commune | null, name: string): void {
  if (commune === null || name === "") return;
  const key = `${normalizeName(name)}|${commune.insee}`;
  const first = table.seen.get(key);
  if (first !== undefined)
    row.problem("facility-duplicate", "facility", { name, commune: commune.name, first }, "warning", [first]);
  else table.seen.set(key, row.address("facility"));
}
