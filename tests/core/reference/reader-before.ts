// The reader as it was before its typed column passes (commit e4b2672), kept as the reference the
// faster reader must equal on every grid (tests/core/reader-equivalence.test.ts). Not product code.

import { cellText, gridAddress, gridAddresser, parseA1, toCell } from "../../../src/core/cell";
import { findCommuneByInsee, matchCommune, normalizeName } from "../../../src/core/communes";
import { parseAmount, type AmountProblem } from "../../../src/core/money";
import type {
  Basin,
  Cell,
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
} from "../../../src/core/types";
import { FIELDS, issueOf } from "../../../src/core/types";

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

function isBlankRow(row: readonly RawValue[] | undefined): boolean {
  return row === undefined || row.every((v) => toCell(v).kind === "empty");
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

/** A row read before the checks that involve other rows. */
interface Candidate {
  readonly row: FundingRow;
  /** The commune's grouping key (INSEE code, or normalized name outside the reference). */
  readonly communeKey: string;
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

  const candidates: Candidate[] = [];
  const matchCache = new Map<string, ReturnType<typeof matchCommune>>();
  const basinSeen = new Map<string, { basin: Basin; cell: string }>();
  const conflicted = new Set<string>();
  const seenRows = new Map<string, string>();
  const colOf = (f: Field): number | undefined => mapping[f];
  const cellAt = (row: readonly RawValue[], f: Field): Cell => {
    const c = colOf(f);
    return c === undefined ? { kind: "empty" } : toCell(row[c]);
  };
  const addressOf = (r: number, f: Field): string => at(r, colOf(f) ?? 0);

  // A file reader may give every empty row of a sparse sheet as one shared array: checked once.
  let lastBlank: readonly RawValue[] | undefined;
  for (let r = headerRow + 1; r < grid.length; r += 1) {
    const raw = grid[r];
    if (raw === undefined || raw === lastBlank) continue;
    if (isBlankRow(raw)) {
      lastBlank = raw;
      continue;
    }
    const rowIssues: Issue[] = [];
    const problem = <C extends IssueCode>(
      code: C,
      field: Field,
      data: IssueDataByCode[C],
      severity: Issue["severity"] = "error",
      related?: readonly string[],
    ): void => {
      rowIssues.push(
        issueOf({ code, severity, cell: addressOf(r, field), ...(related ? { related } : {}), data }),
      );
    };

    // Basin given on the row.
    let basinGiven: Basin | null = null;
    const basinCell = cellAt(raw, "basin");
    if (basinCell.kind !== "empty") {
      basinGiven = parseBasin(textOfCell(basinCell));
      if (basinGiven === null) problem("basin-invalid", "basin", { value: textOfCell(basinCell) });
    }

    // Commune, by INSEE code and/or by name.
    const communeCell = cellAt(raw, "commune");
    const communeText = textOf(communeCell);
    const inseeCell = cellAt(raw, "insee");
    const inseeText = isNotText(inseeCell) ? textOfCell(inseeCell) : textOf(inseeCell);
    let commune: Commune | null = null;
    let keptName: string | null = null;
    if (inseeText !== "") {
      commune = (isNotText(inseeCell) ? undefined : findCommuneByInsee(inseeText, communes)) ?? null;
      if (commune === null) problem("insee-unknown", "insee", { value: inseeText });
    }
    if (isNotText(communeCell)) {
      // An error value (#N/A of a lookup), a boolean or a date: never a name to keep.
      problem("commune-unknown", "commune", { value: textOfCell(communeCell), suggestions: [] });
      commune = null;
    } else if (communeText !== "") {
      let match = matchCache.get(communeText);
      if (match === undefined) {
        match = matchCommune(communeText, communes);
        matchCache.set(communeText, match);
      }
      if (match.kind === "match") {
        if (commune !== null && commune.insee !== match.commune.insee) {
          problem("insee-mismatch", "insee", { insee: inseeText, commune: communeText }, "error", [
            addressOf(r, "commune"),
          ]);
        }
        commune = match.commune;
      } else if (commune !== null) {
        // A known code next to a name that is no commune of the reference: they cannot both be right.
        problem("insee-mismatch", "insee", { insee: inseeText, commune: communeText }, "error", [
          addressOf(r, "commune"),
        ]);
      } else if (inseeText === "") {
        if (basinGiven !== null) {
          keptName = communeText;
          problem("commune-unknown-kept", "commune", { value: communeText, basin: basinGiven }, "warning");
        } else if (basinCell.kind === "empty") {
          problem("commune-unknown", "commune", { value: communeText, suggestions: match.suggestions });
        }
      }
    } else if (inseeText === "") {
      problem("commune-empty", mapping.commune !== undefined ? "commune" : "insee", {});
    }

    // Basin checks against the reference and the commune's other rows.
    const communeKey = commune?.insee ?? (keptName !== null ? `name:${normalizeName(keptName)}` : null);
    if (basinGiven !== null && communeKey !== null) {
      const name = commune?.name ?? keptName ?? "";
      if (commune !== null && commune.basin !== basinGiven) {
        problem(
          "basin-differs",
          "basin",
          { commune: name, given: basinGiven, reference: commune.basin },
          "warning",
        );
      }
      const first = basinSeen.get(communeKey);
      if (first === undefined) {
        basinSeen.set(communeKey, { basin: basinGiven, cell: addressOf(r, "basin") });
      } else if (first.basin !== basinGiven) {
        conflicted.add(communeKey);
        problem(
          "basin-conflict",
          "basin",
          { commune: name, first: first.basin, second: basinGiven },
          "error",
          [first.cell],
        );
      }
    }

    // Year.
    let year: number | null = null;
    if (colOf("year") !== undefined) {
      const yc = cellAt(raw, "year");
      const y =
        yc.kind === "number"
          ? yc.value
          : yc.kind === "text" && /^\s*\d+\s*$/.test(yc.value)
            ? Number(yc.value)
            : NaN;
      if (Number.isInteger(y) && y >= 2000 && y <= 2100) year = y;
      else problem("year-invalid", "year", { value: textOfCell(yc) });
    }

    // Amount.
    const amountCell = cellAt(raw, "amount");
    const parsed = parseAmount(amountCell);
    if (!parsed.ok) {
      problem(AMOUNT_CODES[parsed.problem], "amount", { value: textOfCell(amountCell) });
    } else {
      if (parsed.fromText) {
        problem(
          "amount-as-text",
          "amount",
          { value: textOfCell(amountCell), amount: parsed.cents },
          "warning",
        );
      }
      if (parsed.cents < 0) problem("amount-negative", "amount", { amount: parsed.cents }, "warning");
    }

    const domainCell = cellAt(raw, "domain");
    const domain = domainCell.kind === "empty" ? null : canonicalDomain(textOfCell(domainCell));
    const actionText = textOf(cellAt(raw, "action"));

    // Identical rows: same values in every mapped column ("" and null are both an empty cell).
    const signature = FIELDS.map((f) => {
      const c = colOf(f);
      return c === undefined ? "" : cellKey(raw[c]);
    }).join("\u0001");
    const firstSame = seenRows.get(signature);
    if (firstSame !== undefined) {
      problem("duplicate-row", "amount", { first: firstSame }, "warning", [firstSame]);
    } else {
      seenRows.set(signature, addressOf(r, "amount"));
    }

    issues.push(...rowIssues);
    if (parsed.ok && !rowIssues.some((i) => i.severity === "error") && communeKey !== null) {
      candidates.push({
        communeKey,
        row: {
          sheetRow: topRow + r + 1,
          amountCell: addressOf(r, "amount"),
          communeCell: addressOf(r, mapping.commune !== undefined ? "commune" : "insee"),
          commune: commune?.name ?? keptName ?? "",
          insee: commune?.insee ?? null,
          basinGiven,
          domain,
          action: actionText === "" ? null : actionText,
          year,
          amount: parsed.cents,
          amountFromText: parsed.fromText,
          keys: {
            commune: textOfCell(communeCell),
            insee: textOfCell(inseeCell),
            domain: textOfCell(domainCell),
            year: textOfCell(cellAt(raw, "year")),
          },
        },
      });
    }
  }

  // A commune given two basins has no basin: none of its rows is read, whichever came first.
  const rows = candidates.filter((c) => !conflicted.has(c.communeKey)).map((c) => c.row);
  if (rows.length === 0 && !issues.some((i) => i.severity === "error")) {
    issues.push({ code: "no-rows", severity: "error", cell: at(headerRow, 0), data: {} });
  }
  return { headerRow, headers: padded, mapping, rows, issues };
}
