import { cellText, gridAddress, gridAddresser, parseA1, toCell } from "./cell";
import { findCommuneByInsee, matchCommune, normalizeName, type CommuneMatch } from "./communes";
import { cellKey, DuplicateRows, fmix, mix, numberHash } from "./duplicates";
import { columnsOfRows, rowsOfColumns } from "./funding-columns";
import { ColumnsBuilder, ReadColumns, ReadShape, Shapes } from "./read-columns";
import { centsFromEuros, MAX_CENTS, parseAmount, type AmountProblem } from "./money";
import type {
  Basin,
  Cell,
  Cents,
  ColumnMapping,
  Commune,
  Field,
  FundingColumns,
  FundingRow,
  Issue,
  IssueCode,
  IssueDataByCode,
  RawGrid,
  RawValue,
  ReadOptions,
  ReadResult,
} from "./types";
import { FIELDS, issueOf } from "./types";

/**
 * Header synonyms, normalized (lower case, no accents, words separated by one space). A header maps
 * to a field when it equals a synonym or starts with one followed by other words ("Montant CEJ 2019").
 */
export const HEADER_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  commune: [
    "commune",
    "communes",
    "ville",
    "villes",
    "municipality",
    "municipalities",
    "municipalite",
    "nom de la commune",
    "nom commune",
    "town",
  ],
  insee: [
    "code insee",
    "insee",
    "code commune",
    "insee code",
    "n insee",
    "no insee",
    "numero insee",
    "code officiel geographique",
    "cog",
  ],
  basin: ["bassin", "bassin de vie", "basin", "bassins"],
  domain: ["domaine", "champ", "domain", "secteur"],
  action: ["action", "equipement", "dispositif", "equipment", "scheme", "structure", "service"],
  year: ["annee", "exercice", "year", "fiscal year", "millesime"],
  amount: [
    "montant",
    "montants",
    "montant cej",
    "montant verse",
    "psej",
    "amount",
    "amounts",
    "montant psej",
    "montant caf",
    "amount paid",
  ],
};

/** How many rows from the top the reader looks through for the header. */
const HEADER_SCAN_ROWS = 50;

/**
 * Normalizes a header (or any label or word the workbook holds: a parameter's key or Caf base, a
 * scenario row's label): lower case, no accents, every run of other characters as one space.
 *
 * @param text - the header as written
 * @returns its normalized form
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * The field a header names, if any.
 *
 * @param header - the header as written
 * @returns the field, or null
 */
export function fieldOfHeader(header: string): Field | null {
  const h = normalizeHeader(header);
  if (h === "") return null;
  let best: { field: Field; length: number } | null = null;
  for (const field of FIELDS) {
    for (const syn of HEADER_SYNONYMS[field]) {
      if ((h === syn || h.startsWith(`${syn} `)) && (best === null || syn.length > best.length)) {
        best = { field, length: syn.length };
      }
    }
  }
  return best?.field ?? null;
}

/**
 * Reads a basin written in a cell: `Nord`, `north`, `Bassin nord`, `N`, `Sud`, `south`, `S`…
 *
 * @param text - the text
 * @returns the basin, or null when the text names none
 */
export function parseBasin(text: string): Basin | null {
  const h = normalizeHeader(text).replace(/^(bassin|basin)( de vie)? /, "");
  if (["nord", "north", "n", "bassin nord"].includes(h)) return "nord";
  if (["sud", "south", "s", "bassin sud"].includes(h)) return "sud";
  return null;
}

/** A Map, not an object: a domain written `constructor` must not find Object's constructor. */
const DOMAIN_CANONICAL: ReadonlyMap<string, string> = new Map([
  ["enfance", "Enfance"],
  ["childhood", "Enfance"],
  ["children", "Enfance"],
  ["petite enfance", "Petite enfance"],
  ["jeunesse", "Jeunesse"],
  ["youth", "Jeunesse"],
]);

/** A domain as written, with the usual ones spelt one way. */
function canonicalDomain(text: string): string {
  return DOMAIN_CANONICAL.get(normalizeHeader(text)) ?? text.trim().replace(/\s+/g, " ");
}

/**
 * cellText, safe for a Date that is not a date (`new Date(NaN)`, which a file reader can give for a
 * corrupt serial): cellText would throw on it.
 */
function textOfCell(cell: Cell): string {
  return cell.kind === "date" && Number.isNaN(cell.value.getTime()) ? "#VALUE!" : cellText(cell);
}

const AMOUNT_CODES = {
  empty: "amount-empty",
  "not-a-number": "amount-not-a-number",
  "error-value": "amount-error-value",
  "fraction-of-cent": "amount-fraction-of-cent",
  "too-large": "amount-too-large",
} as const satisfies Record<AmountProblem, IssueCode>;

interface HeaderGuess {
  readonly mapping: ColumnMapping;
  readonly issues: Issue[];
}

/** Maps the header row's columns to fields; two columns for one field is an error. */
function guessMapping(headers: readonly string[], headerRow: number, options: ReadOptions): HeaderGuess {
  const issues: Issue[] = [];
  const user = options.mapping ?? {};
  const userColumns = new Set(Object.values(user));
  const found = new Map<Field, number[]>();
  headers.forEach((h, col) => {
    if (userColumns.has(col)) return;
    const field = fieldOfHeader(h);
    if (field === null || user[field] !== undefined) return;
    found.set(field, [...(found.get(field) ?? []), col]);
  });
  const mapping: ColumnMapping = {};
  for (const field of FIELDS) {
    const chosen = user[field];
    if (chosen !== undefined) {
      if (!Number.isInteger(chosen) || chosen < 0 || chosen >= Math.max(headers.length, 1)) {
        issues.push({
          code: "mapping-out-of-range",
          severity: "error",
          cell: gridAddress(options.origin, headerRow, 0),
          data: { field, column: chosen },
        });
      } else {
        mapping[field] = chosen;
      }
      continue;
    }
    const cols = found.get(field) ?? [];
    const first = cols[0];
    if (first === undefined) continue;
    if (cols.length > 1) {
      issues.push({
        code: "duplicate-column",
        severity: "error",
        cell: gridAddress(options.origin, headerRow, cols[1] ?? first),
        related: cols.map((c) => gridAddress(options.origin, headerRow, c)),
        data: { field, columns: cols.map((c) => headers[c] ?? "") },
      });
    }
    mapping[field] = first;
  }
  return { mapping, issues };
}

/** Header texts of a grid row. */
function headerTexts(row: readonly RawValue[] | undefined): string[] {
  return (row ?? []).map((v) => {
    const cell = toCell(v);
    return cell.kind === "text" ? cell.value : cell.kind === "number" ? String(cell.value) : "";
  });
}

/** Whether a raw value is an empty cell (what `toCell` gives `empty` for), without making the cell. */
function isEmptyValue(v: RawValue): boolean {
  if (typeof v === "string") {
    // A printable ASCII first character is no blank: no trimmed copy needed to know it.
    const c = v.charCodeAt(0);
    return !(c > 32 && c < 127) && v.trim() === "";
  }
  return v === null || v === undefined;
}

function isBlankRow(row: readonly RawValue[] | undefined): boolean {
  if (row === undefined) return true;
  for (const v of row) if (!isEmptyValue(v)) return false;
  return true;
}

/**
 * Finds the header row: the first of the top rows that names a commune (or INSEE code) column and an
 * amount column; else the top row naming the most fields (its missing columns are then reported).
 * When no row names any field but the user chose the commune (or INSEE) and amount columns, the first
 * non-blank row is the header: the user chose the columns because their titles are not recognized.
 */
function findHeaderRow(grid: RawGrid, options: ReadOptions): number {
  let best = -1;
  let bestCount = 0;
  const limit = Math.min(grid.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r += 1) {
    const fields = new Set(
      headerTexts(grid[r])
        .map(fieldOfHeader)
        .filter((f): f is Field => f !== null),
    );
    if ((fields.has("commune") || fields.has("insee")) && fields.has("amount")) return r;
    if (fields.size > bestCount) {
      best = r;
      bestCount = fields.size;
    }
  }
  const user = options.mapping ?? {};
  if (best < 0 && (user.commune !== undefined || user.insee !== undefined) && user.amount !== undefined) {
    for (let r = 0; r < limit; r += 1) if (!isBlankRow(grid[r])) return r;
  }
  return best;
}

/** Text of a cell for a text field (commune, action…): numbers as written, others empty. */
function textOf(cell: Cell): string {
  if (cell.kind === "text") return cell.value.trim();
  if (cell.kind === "number") return String(cell.value);
  return "";
}

/** Whether a cell holds something that cannot name a commune: an error value, a boolean or a date. */
function isNotText(cell: Cell): boolean {
  return cell.kind === "error" || cell.kind === "boolean" || cell.kind === "date";
}

/** A row's cells as the checks need them, computed once per distinct value of a column. */
interface CellFacts {
  /** Index of these facts among those of their column (a date or an error object has its own). */
  readonly id: number;
  /** Index of the cell's comparison key ({@link cellKey}) among the keys met: equal keys, equal ids. */
  readonly keyId: number;
  /** The cell for a message or a SUMIFS criterion ({@link textOfCell}). */
  readonly text: string;
}

interface CommuneFacts extends CellFacts {
  /** {@link textOf}: the name as compared. */
  readonly value: string;
  readonly notText: boolean;
  /** The match of `value` against the reference, when it is a name to look up. */
  readonly match: CommuneMatch | null;
  /** Grouping key of a commune kept outside the reference, made on first use. */
  nameKey: string | null;
  /** The shape of the last row read with this cell, and that row's other cells (a cache). */
  last: LastShape | null;
  /** The INSEE cell of the last row read with this cell, when a primitive, and its facts (a cache). */
  pairRaw: RawValue;
  pair: InseeFacts | null;
}

interface LastShape {
  shape: number;
  insee: InseeFacts;
  basin: BasinFacts;
  domain: DomainFacts;
  action: ActionFacts;
  year: YearFacts;
}

interface InseeFacts extends CellFacts {
  /** The code as compared (an error value, a boolean or a date as shown). */
  readonly value: string;
  readonly commune: Commune | null;
}

interface BasinFacts extends CellFacts {
  readonly empty: boolean;
  readonly basin: Basin | null;
}

interface DomainFacts extends CellFacts {
  readonly domain: string | null;
}

interface ActionFacts extends CellFacts {
  readonly value: string;
}

interface YearFacts extends CellFacts {
  /** The year, or null when the cell is no year of 2000–2100. */
  readonly year: number | null;
}

/**
 * A function of a raw value, computed once per distinct primitive (a column holds few distinct
 * communes, domains or years); dates and error objects are computed every time. Every facts made is
 * kept in `made`, at its `id`.
 */
function memoized<T>(made: T[], make: (raw: RawValue, cell: Cell, id: number) => T): (raw: RawValue) => T {
  const cache = new Map<RawValue, T>();
  // The last value met, first: a column often repeats its value from one row to the next.
  let lastRaw: RawValue = null;
  let lastFacts: T | undefined;
  return (raw) => {
    if (raw === lastRaw && lastFacts !== undefined) return lastFacts;
    let facts = raw !== null && typeof raw === "object" ? undefined : cache.get(raw);
    if (facts === undefined) {
      facts = make(raw, toCell(raw), made.length);
      made.push(facts);
      if (raw === null || typeof raw !== "object") cache.set(raw, facts);
      else return facts;
    }
    lastRaw = raw;
    lastFacts = facts;
    return facts;
  };
}

/** Every facts made in one reading, by column. */
interface FactTables {
  readonly commune: CommuneFacts[];
  readonly insee: InseeFacts[];
  readonly basin: BasinFacts[];
  readonly domain: DomainFacts[];
  readonly action: ActionFacts[];
  readonly year: YearFacts[];
}

/** The year a cell gives, or null when it is no year of 2000–2100. */
function yearOfCell(cell: Cell): number | null {
  const y =
    cell.kind === "number"
      ? cell.value
      : cell.kind === "text" && /^\s*\d+\s*$/.test(cell.value)
        ? Number(cell.value)
        : NaN;
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

/** Names and codes looked up in a reference, by what the cell said. */
interface Lookups {
  readonly matches: Map<string, CommuneMatch>;
  readonly codes: Map<string, Commune | null>;
}

/** Distinct names or codes remembered per reference at most (a column of free text stays bounded). */
const MAX_LOOKUPS = 10_000;

/**
 * The lookups of each reference, kept between readings: the pane reads the same table again after
 * each edit, and the communes' names are then matched once, not at every reading.
 */
const LOOKUPS = new WeakMap<readonly Commune[], Lookups>();

function lookupsOf(communes: readonly Commune[]): Lookups {
  let lookups = LOOKUPS.get(communes);
  if (lookups === undefined || lookups.matches.size + lookups.codes.size > MAX_LOOKUPS) {
    lookups = { matches: new Map(), codes: new Map() };
    LOOKUPS.set(communes, lookups);
  }
  return lookups;
}

/** The readers of each field's cells for one reading, sharing the ids of the comparison keys. */
function columnReaders(communes: readonly Commune[], facts: FactTables) {
  const ids = new Map<string, number>();
  const keyIds = (raw: RawValue): number => {
    const key = cellKey(raw);
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(key, id);
    }
    return id;
  };
  const { matches, codes } = lookupsOf(communes);
  const matchOf = (value: string): CommuneMatch => {
    const match = matches.get(value) ?? matchCommune(value, communes);
    matches.set(value, match);
    return match;
  };
  const communeOfCode = (value: string): Commune | null => {
    let commune = codes.get(value);
    if (commune === undefined) {
      commune = findCommuneByInsee(value, communes) ?? null;
      codes.set(value, commune);
    }
    return commune;
  };
  return {
    keyIds,
    commune: memoized<CommuneFacts>(facts.commune, (raw, cell, id) => {
      const notText = isNotText(cell);
      const value = textOf(cell);
      const match = !notText && value !== "" ? matchOf(value) : null;
      const text = textOfCell(cell);
      return {
        id,
        keyId: keyIds(raw),
        text,
        value,
        notText,
        match,
        nameKey: null,
        last: null,
        pairRaw: null,
        pair: null,
      };
    }),
    insee: memoized<InseeFacts>(facts.insee, (raw, cell, id) => {
      const notText = isNotText(cell);
      const value = notText ? textOfCell(cell) : textOf(cell);
      const commune = value === "" || notText ? null : communeOfCode(value);
      return { id, keyId: keyIds(raw), text: textOfCell(cell), value, commune };
    }),
    basin: memoized<BasinFacts>(facts.basin, (raw, cell, id) => {
      const empty = cell.kind === "empty";
      const text = textOfCell(cell);
      return { id, keyId: keyIds(raw), text, empty, basin: empty ? null : parseBasin(text) };
    }),
    domain: memoized<DomainFacts>(facts.domain, (raw, cell, id) => {
      const text = textOfCell(cell);
      const domain = cell.kind === "empty" ? null : canonicalDomain(text);
      return { id, keyId: keyIds(raw), text, domain };
    }),
    action: memoized<ActionFacts>(facts.action, (raw, cell, id) => ({
      id,
      keyId: keyIds(raw),
      text: textOfCell(cell),
      value: textOf(cell),
    })),
    year: memoized<YearFacts>(facts.year, (raw, cell, id) => ({
      id,
      keyId: keyIds(raw),
      text: textOfCell(cell),
      year: yearOfCell(cell),
    })),
  };
}

/** No rows. */
const NO_COLUMNS: FundingColumns = columnsOfRows([]);

/**
 * The reader's result: `rows` made from the columns on first use (an enumerable getter, in the
 * place it always had, so that JSON gives the same text), `columns` not enumerable.
 */
function readResult(
  head: { readonly headerRow: number; readonly headers: readonly string[]; readonly mapping: ColumnMapping },
  columns: FundingColumns,
  issues: readonly Issue[],
): ReadResult {
  let rows: readonly FundingRow[] | undefined;
  const result = {
    headerRow: head.headerRow,
    headers: head.headers,
    mapping: head.mapping,
    get rows(): readonly FundingRow[] {
      return (rows ??= rowsOfColumns(columns));
    },
    issues,
  };
  COLUMNS.set(result, columns);
  return result;
}

/** The columns of each result the reader gave. */
const COLUMNS = new WeakMap<ReadResult, FundingColumns>();

/**
 * The rows of a reading as columns, what `computePlan` reads: those the reader kept for its
 * result, or the result's rows seen as columns (a result made otherwise, or copied).
 *
 * @param result - a result of {@link readFundingTable}
 * @returns its rows, as columns
 */
export function fundingColumns(result: ReadResult): FundingColumns {
  return COLUMNS.get(result) ?? columnsOfRows(result.rows);
}

/** The header row, the columns and the mapping of a funding table, with their issues. */
interface TableHead {
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly issues: Issue[];
}

/** Finds the header row and maps its columns; an issue of severity `error` stops the reading. */
function readHead(grid: RawGrid, options: ReadOptions, at: (r: number, c: number) => string): TableHead {
  const headerRow = options.headerRow ?? findHeaderRow(grid, options);
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= grid.length) {
    const issue: Issue = { code: "header-not-found", severity: "error", cell: at(0, 0), data: {} };
    return { headerRow: -1, headers: [], mapping: {}, issues: [issue] };
  }
  const headers = headerTexts(grid[headerRow]);
  // The widest row up to the header; the rows below are measured as they are read (one pass over
  // the grid, not two), unless a column chosen by the user lies beyond: its check needs the width.
  let width = widthOf(grid, 0, headerRow + 1, headers.length);
  if (Object.values(options.mapping ?? {}).some((c) => (c ?? -1) >= width))
    width = widthOf(grid, headerRow + 1, grid.length, width);
  const { mapping, issues } = guessMapping(paddedTo(headers, width), headerRow, options);
  for (const field of ["commune", "amount"] as const) {
    if (mapping[field] === undefined && !(field === "commune" && mapping.insee !== undefined)) {
      issues.push({ code: "missing-column", severity: "error", cell: at(headerRow, 0), data: { field } });
    }
  }
  return { headerRow, headers: paddedTo(headers, width), mapping, issues };
}

/** The length of the longest of rows `from` to `to` (excluded), at least `width`. */
function widthOf(grid: RawGrid, from: number, to: number, width: number): number {
  let w = width;
  for (let r = from; r < to; r += 1) {
    const row = grid[r];
    if (row === undefined) noRow(grid, r);
    else if (row.length > w) w = row.length;
  }
  return w;
}

/**
 * A row missing from the grid: a hole of a sparse grid is skipped, a row given as `undefined` throws
 * as the measure of the rows' width always did.
 */
function noRow(grid: RawGrid, r: number): void {
  if (r in grid) throw new TypeError("Cannot read properties of undefined (reading 'length')");
}

/** The headers, with empty ones added up to `width` columns (the widest row's). */
function paddedTo(headers: readonly string[], width: number): readonly string[] {
  return headers.length >= width ? headers : headers.concat(Array<string>(width - headers.length).fill(""));
}

/**
 * Reads a funding table from a raw grid: finds the header row (even below title rows), maps the
 * columns by their French or English names (a mapping chosen by the user overrides the guess), and
 * turns each data row into a typed row or issues that name their cell.
 *
 * Rows with an error are left out of `rows`, and so are all the rows of a commune given two different
 * basins (so that the rows read never depend on the order of the rows); the caller must not write
 * anything while an issue of severity `error` remains.
 *
 * For speed on large tables (a million rows), the rows are read into columns (`columns`; `rows` is
 * made from them on first use): what a cell means is worked out once per distinct value of its
 * column, identical rows are found through a hash table of row indexes, and addresses are formatted
 * only for the issues.
 *
 * @param grid - the raw values, row-major, as the Office JavaScript API or a file reader give them
 * @param options - where the grid lives, the reference communes, and optional mapping or header row
 * @returns the header, the mapping, the rows read and the issues
 */
export function readFundingTable(grid: RawGrid, options: ReadOptions): ReadResult {
  const at = gridAddresser(options.origin);
  const head = readHead(grid, options, at);
  if (head.headerRow < 0 || head.issues.some((i) => i.severity === "error")) {
    if (head.headerRow < 0) return readResult(head, NO_COLUMNS, head.issues);
    const width = widthOf(grid, head.headerRow + 1, grid.length, head.headers.length);
    return readResult({ ...head, headers: paddedTo(head.headers, width) }, NO_COLUMNS, head.issues);
  }
  const reader = new RowReader(grid, options, head, at);
  reader.readRows();
  const columns = reader.columns();
  const { issues } = head;
  if (columns.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({ code: "no-rows", severity: "error", cell: at(head.headerRow, 0), data: {} });
  }
  return readResult({ ...head, headers: paddedTo(head.headers, reader.width) }, columns, issues);
}

/** The mapped columns' indexes (-1 when a field has none). */
interface Columns {
  readonly commune: number;
  readonly insee: number;
  readonly basin: number;
  readonly domain: number;
  readonly action: number;
  readonly year: number;
  readonly amount: number;
  /** The column that names the commune: the commune column, else the INSEE column. */
  readonly communeCell: number;
}

function columnsOf(mapping: ColumnMapping): Columns {
  const col = (f: Field): number => mapping[f] ?? -1;
  const commune = col("commune");
  const insee = col("insee");
  return {
    commune,
    insee,
    basin: col("basin"),
    domain: col("domain"),
    action: col("action"),
    year: col("year"),
    amount: col("amount"),
    communeCell: mapping.commune !== undefined ? commune : insee,
  };
}

/**
 * One pass over the data rows: each row checked (its issues pushed to the head's issues) and, when it
 * has no error, written to the columns. The state of the row being read is kept in fields.
 */
class RowReader {
  private readonly cols: Columns;
  private readonly topRow: number;
  private readonly readers: ReturnType<typeof columnReaders>;
  private readonly facts: FactTables = {
    commune: [],
    insee: [],
    basin: [],
    domain: [],
    action: [],
    year: [],
  };
  private readonly duplicates: DuplicateRows;
  private readonly out: ColumnsBuilder;
  private readonly issues: Issue[];
  /** `Sheet!E` of each column (its row number left out), made once. */
  private readonly columnPrefixes: string[] = [];
  /** What rows of the same cells share, kept once. */
  private readonly shapes = new Shapes();
  private readonly basinSeen = new Map<string, { basin: Basin; row: number }>();
  private readonly conflicted = new Set<string>();
  // The row being read.
  private rowHasError = false;
  private commune: Commune | null = null;
  private keptName: string | null = null;
  private communeKey: string | null = null;
  private amount = 0;
  private fromText = false;
  /** The length of the longest row read (rows are measured as they are read). */
  width = 0;

  constructor(
    private readonly grid: RawGrid,
    private readonly options: ReadOptions,
    private readonly head: TableHead,
    private readonly at: (r: number, c: number) => string,
  ) {
    this.cols = columnsOf(head.mapping);
    this.topRow = parseA1(options.origin.topLeft).row;
    this.readers = columnReaders(options.communes, this.facts);
    // The mapped columns, in FIELDS order: what makes two rows identical.
    const keyCols = FIELDS.map((f) => head.mapping[f]).filter((c): c is number => c !== undefined);
    const capacity = Math.max(0, grid.length - head.headerRow - 1);
    this.duplicates = new DuplicateRows(grid, keyCols, capacity);
    this.out = new ColumnsBuilder(capacity);
    this.issues = head.issues;
  }

  /** Reads every data row; blank rows are skipped. */
  readRows(): void {
    const { grid } = this;
    // A file reader may give every empty row of a sparse sheet as one shared array: checked once.
    let lastBlank: readonly RawValue[] | undefined;
    for (let r = this.head.headerRow + 1; r < grid.length; r += 1) {
      const raw = grid[r];
      if (raw === undefined) noRow(grid, r);
      if (raw === undefined || raw === lastBlank) continue;
      if (raw.length > this.width) this.width = raw.length;
      if (isBlankRow(raw)) {
        lastBlank = raw;
        continue;
      }
      this.readRow(r, raw);
    }
    this.warnDuplicates();
  }

  /** The rows read, as columns: a commune given two basins has none of its rows read. */
  columns(): FundingColumns {
    const { out, conflicted } = this;
    const shapes = this.shapes.list;
    if (conflicted.size > 0) {
      const dropped = shapes.map((s) => conflicted.has(s.communeKey));
      out.retain((i) => dropped[out.shape[i] ?? -1] !== true);
    }
    // Made for the first row read already (an address past the last column has thrown then).
    const prefix = (c: number): string => (out.length > 0 ? this.columnPrefix(c) : "");
    const prefixes = { amount: prefix(this.cols.amount), commune: prefix(this.cols.communeCell) };
    return new ReadColumns(out, shapes, prefixes);
  }

  private readRow(r: number, raw: readonly RawValue[]): void {
    const { cols, readers } = this;
    this.rowHasError = false;
    const basinCell = readers.basin(cols.basin >= 0 ? raw[cols.basin] : undefined);
    if (!basinCell.empty && basinCell.basin === null)
      this.problem("basin-invalid", r, cols.basin, { value: basinCell.text });
    const communeCell = readers.commune(cols.commune >= 0 ? raw[cols.commune] : undefined);
    const inseeCell = this.inseeFacts(communeCell, cols.insee >= 0 ? raw[cols.insee] : undefined);
    this.resolveCommune(r, communeCell, inseeCell, basinCell);
    this.checkBasin(r, basinCell.basin);
    const yearCell = readers.year(cols.year >= 0 ? raw[cols.year] : undefined);
    if (cols.year >= 0 && yearCell.year === null)
      this.problem("year-invalid", r, cols.year, { value: yearCell.text });
    const amountRaw = raw[cols.amount];
    const amountOk = this.readAmount(r, amountRaw);
    const domainCell = readers.domain(cols.domain >= 0 ? raw[cols.domain] : undefined);
    const actionCell = readers.action(cols.action >= 0 ? raw[cols.action] : undefined);
    // Identical rows: same values in every mapped column ("" and null are both an empty cell).
    const cellsHash = mix(
      mix(
        mix(mix(mix(mix(0x811c9dc5, communeCell.keyId), inseeCell.keyId), basinCell.keyId), domainCell.keyId),
        actionCell.keyId,
      ),
      yearCell.keyId,
    );
    this.checkDuplicate(r, cellsHash, amountRaw);
    if (!amountOk || this.rowHasError || this.communeKey === null) return;
    const shape = this.shapeOf(
      cellsHash,
      communeCell,
      inseeCell,
      basinCell,
      domainCell,
      actionCell,
      yearCell,
    );
    this.out.push(this.topRow + r + 1, this.amount, this.fromText, shape);
    this.columnPrefix(this.cols.communeCell); // throws as the address did, when there is none
  }

  /** The facts of a row's INSEE cell: most often those of the last row with the same commune cell. */
  private inseeFacts(communeCell: CommuneFacts, inseeRaw: RawValue | undefined): InseeFacts {
    const { pair } = communeCell;
    if (pair !== null && communeCell.pairRaw === inseeRaw) return pair;
    const facts = this.readers.insee(inseeRaw);
    if (inseeRaw === null || typeof inseeRaw !== "object") {
      communeCell.pairRaw = inseeRaw;
      communeCell.pair = facts;
    }
    return facts;
  }

  /** The commune of the row, by INSEE code and/or by name (sets `commune`, `keptName`, `communeKey`). */
  private resolveCommune(
    r: number,
    communeCell: CommuneFacts,
    inseeCell: InseeFacts,
    basinCell: BasinFacts,
  ): void {
    const { cols } = this;
    const communeText = communeCell.value;
    const inseeText = inseeCell.value;
    let commune: Commune | null = null;
    let keptName: string | null = null;
    if (inseeText !== "") {
      commune = inseeCell.commune;
      if (commune === null) this.problem("insee-unknown", r, cols.insee, { value: inseeText });
    }
    if (communeCell.notText) {
      // An error value (#N/A of a lookup), a boolean or a date: never a name to keep.
      this.problem("commune-unknown", r, cols.commune, { value: communeCell.text, suggestions: [] });
      commune = null;
    } else if (communeText !== "") {
      const match = communeCell.match ?? matchCommune(communeText, this.options.communes);
      if (match.kind === "match") {
        if (commune !== null && commune.insee !== match.commune.insee)
          this.mismatch(r, inseeText, communeText);
        commune = match.commune;
      } else if (commune !== null) {
        // A known code next to a name that is no commune of the reference: they cannot both be right.
        this.mismatch(r, inseeText, communeText);
      } else if (inseeText === "") {
        const basin = basinCell.basin;
        if (basin !== null) {
          keptName = communeText;
          this.problem("commune-unknown-kept", r, cols.commune, { value: communeText, basin }, "warning");
        } else if (basinCell.empty) {
          this.problem("commune-unknown", r, cols.commune, {
            value: communeText,
            suggestions: match.suggestions,
          });
        }
      }
    } else if (inseeText === "") {
      this.problem("commune-empty", r, cols.communeCell, {});
    }
    this.commune = commune;
    this.keptName = keptName;
    this.communeKey =
      commune?.insee ??
      (keptName !== null ? (communeCell.nameKey ??= `name:${normalizeName(keptName)}`) : null);
  }

  private mismatch(r: number, insee: string, commune: string): void {
    const related = [this.addressOf(r, this.cols.commune)];
    this.problem("insee-mismatch", r, this.cols.insee, { insee, commune }, "error", related);
  }

  /** The basin given against the reference's, and against the basin of the commune's other rows. */
  private checkBasin(r: number, basinGiven: Basin | null): void {
    const { commune, communeKey, cols } = this;
    if (basinGiven === null || communeKey === null) return;
    const name = commune?.name ?? this.keptName ?? "";
    if (commune !== null && commune.basin !== basinGiven) {
      const data = { commune: name, given: basinGiven, reference: commune.basin };
      this.problem("basin-differs", r, cols.basin, data, "warning");
    }
    const first = this.basinSeen.get(communeKey);
    if (first === undefined) {
      this.addressOf(r, cols.basin); // the address must exist (as it did when it was kept as text)
      this.basinSeen.set(communeKey, { basin: basinGiven, row: r });
    } else if (first.basin !== basinGiven) {
      this.conflicted.add(communeKey);
      const data = { commune: name, first: first.basin, second: basinGiven };
      this.problem("basin-conflict", r, cols.basin, data, "error", [this.addressOf(first.row, cols.basin)]);
    }
  }

  /** Reads the amount into `amount` and `fromText`; false when the cell gives none. */
  private readAmount(r: number, amountRaw: RawValue): boolean {
    const col = this.cols.amount;
    this.amount = 0;
    this.fromText = false;
    let ok = false;
    if (typeof amountRaw === "number" && Number.isFinite(amountRaw)) {
      // What parseAmount does with a number cell, without the cell and result objects.
      const c = Math.abs(amountRaw) * 100 > MAX_CENTS ? null : centsFromEuros(amountRaw);
      if (c === null) {
        const code = Math.abs(amountRaw) * 100 > MAX_CENTS ? "amount-too-large" : "amount-fraction-of-cent";
        this.problem(code, r, col, { value: String(amountRaw) });
      } else {
        this.amount = c;
        ok = true;
      }
    } else {
      const amountCell = toCell(amountRaw);
      const parsed = parseAmount(amountCell);
      if (!parsed.ok) {
        this.problem(AMOUNT_CODES[parsed.problem], r, col, { value: textOfCell(amountCell) });
      } else {
        this.amount = parsed.cents;
        this.fromText = parsed.fromText;
        ok = true;
        if (parsed.fromText) {
          const data = { value: textOfCell(amountCell), amount: parsed.cents };
          this.problem("amount-as-text", r, col, data, "warning");
        }
      }
    }
    if (ok && this.amount < 0)
      this.problem("amount-negative", r, col, { amount: this.amount as Cents }, "warning");
    return ok;
  }

  /**
   * Notes the row for the search of identical rows, with where its warning goes among the issues
   * (after the row's other issues: {@link warnDuplicates} puts it there once every row is read).
   */
  private checkDuplicate(r: number, cellsHash: number, amountRaw: RawValue): void {
    const hash = mix(
      cellsHash,
      typeof amountRaw === "number" && Number.isFinite(amountRaw)
        ? numberHash(amountRaw)
        : this.readers.keyIds(amountRaw),
    );
    this.duplicates.add(r, hash, this.issues.length);
    this.columnPrefix(this.cols.amount); // throws as the address did, when there is none
  }

  /**
   * A warning on each row identical to an earlier one (on its amount's cell, the first row's beside
   * it), in the place it would have had had the rows been compared as they were read.
   */
  private warnDuplicates(): void {
    const { issues } = this;
    const merged: Issue[] = [];
    let next = 0;
    const amount = this.cols.amount;
    this.duplicates.find((r, firstRow, at) => {
      while (next < at) merged.push(issues[next++] as Issue);
      const first = this.addressOf(firstRow, amount);
      merged.push({
        code: "duplicate-row",
        severity: "warning",
        cell: this.addressOf(r, amount),
        related: [first],
        data: { first },
      });
    });
    if (merged.length === 0) return;
    while (next < issues.length) merged.push(issues[next++] as Issue);
    issues.length = 0;
    for (const issue of merged) issues.push(issue);
  }

  /**
   * The shape of a row read: found again by its cells' comparison ids (equal ids, equal cells, so the
   * same commune, basin, domain and year), or made from the row being read.
   */
  private shapeOf(
    hash: number,
    commune: CommuneFacts,
    insee: InseeFacts,
    basin: BasinFacts,
    domain: DomainFacts,
    action: ActionFacts,
    year: YearFacts,
  ): number {
    // Rows of one commune often follow the same domain, year… as its previous row.
    const last = commune.last;
    if (
      last !== null &&
      last.insee === insee &&
      last.basin === basin &&
      last.domain === domain &&
      last.action === action &&
      last.year === year
    )
      return last.shape;
    const shape = this.findShape(hash, commune, insee, basin, domain, action, year);
    if (last === null) commune.last = { shape, insee, basin, domain, action, year };
    else {
      last.shape = shape;
      last.insee = insee;
      last.basin = basin;
      last.domain = domain;
      last.action = action;
      last.year = year;
    }
    return shape;
  }

  /** {@link shapeOf}, through the table of the shapes met. */
  private findShape(
    hash: number,
    commune: CommuneFacts,
    insee: InseeFacts,
    basin: BasinFacts,
    domain: DomainFacts,
    action: ActionFacts,
    year: YearFacts,
  ): number {
    const h = fmix(hash);
    const { shapes } = this;
    const found = shapes.find(
      h,
      commune.keyId,
      insee.keyId,
      basin.keyId,
      domain.keyId,
      action.keyId,
      year.keyId,
    );
    if (found >= 0) return found;
    const c = this.commune;
    const shape = new ReadShape(
      c?.name ?? this.keptName ?? "",
      c?.insee ?? null,
      basin.basin,
      domain.domain,
      action.value === "" ? null : action.value,
      year.year,
      this.communeKey ?? "",
      commune.text,
      insee.text,
      domain.text,
      year.text,
    );
    return shapes.add(
      h,
      commune.keyId,
      insee.keyId,
      basin.keyId,
      domain.keyId,
      action.keyId,
      year.keyId,
      shape,
    );
  }

  private addressOf(r: number, c: number): string {
    return this.at(r, c < 0 ? 0 : c);
  }

  private columnPrefix(c: number): string {
    const col = c < 0 ? 0 : c;
    return (this.columnPrefixes[col] ??= this.at(0, col).slice(0, -String(this.topRow + 1).length));
  }

  private problem<C extends IssueCode>(
    code: C,
    r: number,
    c: number,
    data: IssueDataByCode[C],
    severity: Issue["severity"] = "error",
    related?: readonly string[],
  ): void {
    if (severity === "error") this.rowHasError = true;
    this.issues.push(
      issueOf({ code, severity, cell: this.addressOf(r, c), ...(related ? { related } : {}), data }),
    );
  }
}
