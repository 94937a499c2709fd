import { cellText, gridAddress, gridAddresser, parseA1, toCell } from "./cell";
import { findCommuneByInsee, matchCommune, normalizeName, type CommuneMatch } from "./communes";
import { centsFromEuros, MAX_CENTS, parseAmount, type AmountProblem } from "./money";
import type {
  Basin,
  Cell,
  Cents,
  ColumnMapping,
  Commune,
  Field,
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
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
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

/** A comparable key of a raw value: `""`, null and blanks are the same empty cell. */
function cellKey(raw: RawValue): string {
  const cell = toCell(raw);
  switch (cell.kind) {
    case "empty":
      return "e";
    case "number":
      return `n${cell.value}`;
    case "text":
      return `t${cell.value}`;
    case "boolean":
      return `b${cell.value}`;
    case "date":
      return `d${cell.value.getTime()}`;
    case "error":
      return `x${cell.code}`;
  }
}

/** A row's cells as the checks need them, computed once per distinct value of a column. */
interface CellFacts {
  /** Which distinct value of its column this is (0, 1…), or -1 for a date or an error object. */
  readonly slot: number;
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
  /**
   * The `keys` of the rows read with this cell, by domain and year cell (their `slot`s), with the INSEE
   * cell they came from: rows with the same four cells share one (read-only) object.
   */
  readonly keys: Map<number, { readonly insee: InseeFacts; readonly keys: FundingRow["keys"] }>;
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
 * communes, domains or years); dates and error objects are computed every time.
 */
function memoized<T>(make: (raw: RawValue, cell: Cell, slot: number) => T): (raw: RawValue) => T {
  const cache = new Map<RawValue, T>();
  // The last value met, first: a column often repeats its value from one row to the next.
  let lastRaw: RawValue = null;
  let lastFacts: T | undefined;
  return (raw) => {
    if (raw === lastRaw && lastFacts !== undefined) return lastFacts;
    if (raw !== null && typeof raw === "object") return make(raw, toCell(raw), -1);
    let facts = cache.get(raw);
    if (facts === undefined) {
      facts = make(raw, toCell(raw), cache.size);
      cache.set(raw, facts);
    }
    lastRaw = raw;
    lastFacts = facts;
    return facts;
  };
}

/** The readers of each field's cells for one reading, sharing the ids of the comparison keys. */
function columnReaders(communes: readonly Commune[]) {
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
  const matches = new Map<string, CommuneMatch>();
  return {
    keyIds,
    commune: memoized<CommuneFacts>((raw, cell, slot) => {
      const notText = isNotText(cell);
      const value = textOf(cell);
      let match: CommuneMatch | null = null;
      if (!notText && value !== "") {
        match = matches.get(value) ?? matchCommune(value, communes);
        matches.set(value, match);
      }
      return {
        slot,
        keyId: keyIds(raw),
        text: textOfCell(cell),
        value,
        notText,
        match,
        nameKey: null,
        keys: new Map(),
      };
    }),
    insee: memoized<InseeFacts>((raw, cell, slot) => {
      const notText = isNotText(cell);
      const value = notText ? textOfCell(cell) : textOf(cell);
      const commune = value === "" || notText ? null : (findCommuneByInsee(value, communes) ?? null);
      return { slot, keyId: keyIds(raw), text: textOfCell(cell), value, commune };
    }),
    basin: memoized<BasinFacts>((raw, cell, slot) => {
      const empty = cell.kind === "empty";
      const text = textOfCell(cell);
      return { slot, keyId: keyIds(raw), text, empty, basin: empty ? null : parseBasin(text) };
    }),
    domain: memoized<DomainFacts>((raw, cell, slot) => {
      const text = textOfCell(cell);
      const domain = cell.kind === "empty" ? null : canonicalDomain(text);
      return { slot, keyId: keyIds(raw), text, domain };
    }),
    action: memoized<ActionFacts>((raw, cell, slot) => ({
      slot,
      keyId: keyIds(raw),
      text: textOfCell(cell),
      value: textOf(cell),
    })),
    year: memoized<YearFacts>((raw, cell, slot) => {
      const y =
        cell.kind === "number"
          ? cell.value
          : cell.kind === "text" && /^\s*\d+\s*$/.test(cell.value)
            ? Number(cell.value)
            : NaN;
      const year = Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
      return { slot, keyId: keyIds(raw), text: textOfCell(cell), year };
    }),
  };
}

const float = new Float64Array(1);
const floatWords = new Int32Array(float.buffer);

/** A hash of a finite number: equal numbers (0 and -0 too) hash alike. */
function numberHash(value: number): number {
  float[0] = value === 0 ? 0 : value;
  return (floatWords[0] ?? 0) ^ Math.imul(floatWords[1] ?? 0, 0x9e3779b1);
}

/** One step of a row's hash. */
function mix(hash: number, value: number): number {
  return Math.imul(hash ^ value, 0x01000193);
}

/**
 * The rows met so far, by the values of the mapped columns: an open-addressing table of row indexes
 * (plus one; 0 is a free slot) each beside its hash; rows of equal hash are compared cell by cell,
 * as {@link cellKey} compares them.
 */
class RowSet {
  /** Slot `i` at `2i` (row index + 1) and its hash at `2i + 1`. */
  private readonly table: Int32Array;

  /**
   * @param grid - the grid
   * @param columns - the mapped columns
   * @param expected - how many rows may come at most (the table keeps half its slots free)
   */
  constructor(
    private readonly grid: RawGrid,
    private readonly columns: readonly number[],
    expected: number,
  ) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.table = new Int32Array(capacity * 2);
  }

  /**
   * Adds a row, unless an identical one was added before.
   *
   * @param row - the row's index in the grid
   * @param rawHash - a hash of its mapped cells (equal cells, equal hash)
   * @returns the index of that earlier row, or -1 when the row is new
   */
  add(row: number, rawHash: number): number {
    let h = rawHash ^ (rawHash >>> 16);
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const table = this.table;
    const mask = (table.length >> 1) - 1;
    let i = h & mask;
    for (;;) {
      const other = (table[2 * i] ?? 0) - 1;
      if (other < 0) break;
      if (table[2 * i + 1] === h && this.same(other, row)) return other;
      i = (i + 1) & mask;
    }
    table[2 * i] = row + 1;
    table[2 * i + 1] = h;
    return -1;
  }

  private same(a: number, b: number): boolean {
    const ra = this.grid[a];
    const rb = this.grid[b];
    if (ra === undefined || rb === undefined) return false;
    for (const c of this.columns) {
      const x = ra[c];
      const y = rb[c];
      if (x !== y && cellKey(x) !== cellKey(y)) return false;
    }
    return true;
  }
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
 * For speed on large tables (a million rows), what a cell means is worked out once per distinct value
 * of its column, identical rows are found through a hash table of row indexes, and addresses are
 * formatted only for the rows read and the issues; rows read with the same commune, INSEE, domain and
 * year cells share one (read-only) `keys` object.
 *
 * @param grid - the raw values, row-major, as the Office JavaScript API or a file reader give them
 * @param options - where the grid lives, the reference communes, and optional mapping or header row
 * @returns the header, the mapping, the rows read and the issues
 */
export function readFundingTable(grid: RawGrid, options: ReadOptions): ReadResult {
  const { origin, communes } = options;
  const at = gridAddresser(origin);
  const topRow = parseA1(origin.topLeft).row;
  const headerRow = options.headerRow ?? findHeaderRow(grid, options);
  if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= grid.length) {
    const issue: Issue = { code: "header-not-found", severity: "error", cell: at(0, 0), data: {} };
    return { headerRow: -1, headers: [], mapping: {}, rows: [], issues: [issue] };
  }
  const headers = headerTexts(grid[headerRow]);
  const width = grid.reduce((w, row) => Math.max(w, row.length), headers.length);
  const padded = headers.concat(Array<string>(Math.max(0, width - headers.length)).fill(""));
  const { mapping, issues } = guessMapping(padded, headerRow, options);
  for (const field of ["commune", "amount"] as const) {
    if (mapping[field] === undefined && !(field === "commune" && mapping.insee !== undefined)) {
      issues.push({ code: "missing-column", severity: "error", cell: at(headerRow, 0), data: { field } });
    }
  }
  if (issues.some((i) => i.severity === "error")) {
    return { headerRow, headers: padded, mapping, rows: [], issues };
  }

  const rows: FundingRow[] = [];
  // Grouping key of each row read (parallel to `rows`): needed only when a commune has two basins.
  const rowKeys: string[] = [];
  const basinSeen = new Map<string, { basin: Basin; row: number }>();
  const conflicted = new Set<string>();
  const col = (f: Field): number => mapping[f] ?? -1;
  const communeCol = col("commune");
  const inseeCol = col("insee");
  const basinCol = col("basin");
  const domainCol = col("domain");
  const actionCol = col("action");
  const yearCol = col("year");
  const amountCol = col("amount");
  const communeCellCol = mapping.commune !== undefined ? communeCol : inseeCol;
  const hasBasin = basinCol >= 0;
  const hasYear = yearCol >= 0;
  const readers = columnReaders(communes);
  const communeOf = readers.commune;
  const inseeOf = readers.insee;
  const basinOf = readers.basin;
  const domainOf = readers.domain;
  const actionOf = readers.action;
  const yearOf = readers.year;
  // The mapped columns, in FIELDS order: what makes two rows identical.
  const keyCols = FIELDS.map((f) => mapping[f]).filter((c): c is number => c !== undefined);
  const duplicates = new RowSet(grid, keyCols, grid.length - headerRow);
  const addressOf = (r: number, c: number): string => at(r, c < 0 ? 0 : c);
  // `Sheet!E` of each column, for the rows read (their number written once for both addresses).
  const columnPrefixes: string[] = [];
  const columnPrefix = (c: number): string => {
    const col = c < 0 ? 0 : c;
    return (columnPrefixes[col] ??= at(0, col).slice(0, -String(topRow + 1).length));
  };
  let communeKey: string | null = null;
  let rowHasError = false;
  const problem = <C extends IssueCode>(
    code: C,
    r: number,
    c: number,
    data: IssueDataByCode[C],
    severity: Issue["severity"] = "error",
    related?: readonly string[],
  ): void => {
    if (severity === "error") rowHasError = true;
    issues.push(issueOf({ code, severity, cell: addressOf(r, c), ...(related ? { related } : {}), data }));
  };

  // A file reader may give every empty row of a sparse sheet as one shared array: checked once.
  let lastBlank: readonly RawValue[] | undefined;
  for (let r = headerRow + 1; r < grid.length; r += 1) {
    const raw = grid[r];
    if (raw === undefined || raw === lastBlank) continue;
    if (isBlankRow(raw)) {
      lastBlank = raw;
      continue;
    }
    rowHasError = false;

    // Basin given on the row.
    const basinCell = basinOf(hasBasin ? raw[basinCol] : undefined);
    const basinGiven = basinCell.basin;
    if (!basinCell.empty && basinGiven === null)
      problem("basin-invalid", r, basinCol, { value: basinCell.text });

    // Commune, by INSEE code and/or by name.
    const communeCell = communeOf(communeCol >= 0 ? raw[communeCol] : undefined);
    const communeText = communeCell.value;
    const inseeCell = inseeOf(inseeCol >= 0 ? raw[inseeCol] : undefined);
    const inseeText = inseeCell.value;
    let commune: Commune | null = null;
    let keptName: string | null = null;
    if (inseeText !== "") {
      commune = inseeCell.commune;
      if (commune === null) problem("insee-unknown", r, inseeCol, { value: inseeText });
    }
    if (communeCell.notText) {
      // An error value (#N/A of a lookup), a boolean or a date: never a name to keep.
      problem("commune-unknown", r, communeCol, { value: communeCell.text, suggestions: [] });
      commune = null;
    } else if (communeText !== "") {
      const match = communeCell.match ?? matchCommune(communeText, communes);
      if (match.kind === "match") {
        if (commune !== null && commune.insee !== match.commune.insee) {
          problem("insee-mismatch", r, inseeCol, { insee: inseeText, commune: communeText }, "error", [
            addressOf(r, communeCol),
          ]);
        }
        commune = match.commune;
      } else if (commune !== null) {
        // A known code next to a name that is no commune of the reference: they cannot both be right.
        problem("insee-mismatch", r, inseeCol, { insee: inseeText, commune: communeText }, "error", [
          addressOf(r, communeCol),
        ]);
      } else if (inseeText === "") {
        if (basinGiven !== null) {
          keptName = communeText;
          problem(
            "commune-unknown-kept",
            r,
            communeCol,
            { value: communeText, basin: basinGiven },
            "warning",
          );
        } else if (basinCell.empty) {
          problem("commune-unknown", r, communeCol, { value: communeText, suggestions: match.suggestions });
        }
      }
    } else if (inseeText === "") {
      problem("commune-empty", r, communeCellCol, {});
    }

    // Basin checks against the reference and the commune's other rows.
    communeKey =
      commune?.insee ??
      (keptName !== null ? (communeCell.nameKey ??= `name:${normalizeName(keptName)}`) : null);
    if (basinGiven !== null && communeKey !== null) {
      const name = commune?.name ?? keptName ?? "";
      if (commune !== null && commune.basin !== basinGiven) {
        problem(
          "basin-differs",
          r,
          basinCol,
          { commune: name, given: basinGiven, reference: commune.basin },
          "warning",
        );
      }
      const first = basinSeen.get(communeKey);
      if (first === undefined) {
        addressOf(r, basinCol); // the address must exist (as it did when it was kept as text)
        basinSeen.set(communeKey, { basin: basinGiven, row: r });
      } else if (first.basin !== basinGiven) {
        conflicted.add(communeKey);
        problem(
          "basin-conflict",
          r,
          basinCol,
          { commune: name, first: first.basin, second: basinGiven },
          "error",
          [addressOf(first.row, basinCol)],
        );
      }
    }

    // Year.
    const yearCell = yearOf(hasYear ? raw[yearCol] : undefined);
    if (hasYear && yearCell.year === null) problem("year-invalid", r, yearCol, { value: yearCell.text });

    // Amount.
    const amountRaw = raw[amountCol];
    let amount = 0;
    let fromText = false;
    let amountOk = false;
    if (typeof amountRaw === "number" && Number.isFinite(amountRaw)) {
      // What parseAmount does with a number cell, without the cell and result objects.
      const c = Math.abs(amountRaw) * 100 > MAX_CENTS ? null : centsFromEuros(amountRaw);
      if (c === null) {
        const code = Math.abs(amountRaw) * 100 > MAX_CENTS ? "amount-too-large" : "amount-fraction-of-cent";
        problem(code, r, amountCol, { value: String(amountRaw) });
      } else {
        amount = c;
        amountOk = true;
      }
    } else {
      const amountCell = toCell(amountRaw);
      const parsed = parseAmount(amountCell);
      if (!parsed.ok) {
        problem(AMOUNT_CODES[parsed.problem], r, amountCol, { value: textOfCell(amountCell) });
      } else {
        amount = parsed.cents;
        fromText = parsed.fromText;
        amountOk = true;
        if (parsed.fromText) {
          problem(
            "amount-as-text",
            r,
            amountCol,
            { value: textOfCell(amountCell), amount: parsed.cents },
            "warning",
          );
        }
      }
    }
    if (amountOk && amount < 0)
      problem("amount-negative", r, amountCol, { amount: amount as Cents }, "warning");

    const domainCell = domainOf(domainCol >= 0 ? raw[domainCol] : undefined);
    const actionCell = actionOf(actionCol >= 0 ? raw[actionCol] : undefined);
    const actionText = actionCell.value;

    // Identical rows: same values in every mapped column ("" and null are both an empty cell).
    let hash = mix(
      mix(mix(mix(mix(0x811c9dc5, communeCell.keyId), inseeCell.keyId), basinCell.keyId), domainCell.keyId),
      actionCell.keyId,
    );
    hash = mix(
      mix(hash, yearCell.keyId),
      typeof amountRaw === "number" && Number.isFinite(amountRaw)
        ? numberHash(amountRaw)
        : readers.keyIds(amountRaw),
    );
    const firstSame = duplicates.add(r, hash);
    const amountPrefix = columnPrefix(amountCol); // throws as the address did, when there is none
    if (firstSame >= 0) {
      const first = addressOf(firstSame, amountCol);
      problem("duplicate-row", r, amountCol, { first }, "warning", [first]);
    }

    if (amountOk && !rowHasError && communeKey !== null) {
      if (hasBasin) rowKeys.push(communeKey);
      // Rows of the same cells share their keys, found by the slots of the domain and year cells.
      const slots =
        domainCell.slot >= 0 && domainCell.slot < 0x8000 && yearCell.slot >= 0 && yearCell.slot < 0x8000
          ? domainCell.slot * 0x8000 + yearCell.slot
          : -1;
      const shared = slots >= 0 ? communeCell.keys.get(slots) : undefined;
      let keys: FundingRow["keys"];
      if (shared !== undefined && shared.insee === inseeCell) {
        keys = shared.keys;
      } else {
        keys = {
          commune: communeCell.text,
          insee: inseeCell.text,
          domain: domainCell.text,
          year: yearCell.text,
        };
        if (slots >= 0 && communeCell.slot >= 0) communeCell.keys.set(slots, { insee: inseeCell, keys });
      }
      const sheetRow = topRow + r + 1;
      const rowNumber = String(sheetRow);
      rows.push({
        sheetRow,
        amountCell: amountPrefix + rowNumber,
        communeCell: columnPrefix(communeCellCol) + rowNumber,
        commune: commune?.name ?? keptName ?? "",
        insee: commune?.insee ?? null,
        basinGiven,
        domain: domainCell.domain,
        action: actionText === "" ? null : actionText,
        year: yearCell.year,
        amount: amount as Cents,
        amountFromText: fromText,
        keys,
      });
    }
  }

  // A commune given two basins has no basin: none of its rows is read, whichever came first.
  const kept = conflicted.size === 0 ? rows : rows.filter((_, i) => !conflicted.has(rowKeys[i] ?? ""));
  if (kept.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({ code: "no-rows", severity: "error", cell: at(headerRow, 0), data: {} });
  }
  return { headerRow, headers: padded, mapping, rows: kept, issues };
}
