import type { Cell, GridOrigin, RawValue } from "./types";

/** Excel's error literals, as the Office JavaScript API returns them in `range.values`. */
const ERROR_LITERALS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/**
 * Turns any raw value into the closed `Cell` union. Text is kept as given (no trimming) so that
 * callers decide; text that is only white space counts as empty.
 *
 * @param raw - a value from Office's `range.values` or a file reader
 * @returns the cell
 */
export function toCell(raw: RawValue): Cell {
  if (raw === null || raw === undefined) return { kind: "empty" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "number", value: raw } : { kind: "error", code: "#NUM!" };
  }
  if (typeof raw === "boolean") return { kind: "boolean", value: raw };
  if (typeof raw === "string") {
    if (raw.trim() === "") return { kind: "empty" };
    if (ERROR_LITERALS.has(raw)) return { kind: "error", code: raw };
    return { kind: "text", value: raw };
  }
  if (raw instanceof Date) return { kind: "date", value: raw };
  return { kind: "error", code: raw.error };
}

// Looked up once: a global read in a hot loop costs some 300 ns inside jest's vm context (the tests).
const { isInteger } = Number;
const { floor } = Math;
const { fromCharCode } = String;

/**
 * Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
 *
 * @param index - 0-based column index
 * @returns the letters
 * @throws RangeError when the index is negative or beyond Excel's last column (XFD)
 */
export function columnLetters(index: number): string {
  if (!isInteger(index) || index < 0 || index > 16383) {
    throw new RangeError(`column index out of range: ${index}`);
  }
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = fromCharCode(65 + rem) + letters;
    n = floor((n - 1) / 26);
  }
  return letters;
}

/**
 * 0-based column index of column letters: A → 0, AA → 26.
 *
 * @param letters - column letters, any case
 * @returns the index
 * @throws RangeError when the letters are not a column
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`not a column: ${letters}`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (n > 16384) throw new RangeError(`not a column: ${letters}`);
  return n - 1;
}

/**
 * Splits an A1 address (`B3`, `$B$3`) into 0-based row and column.
 *
 * @param address - an A1 address without sheet
 * @returns 0-based row and column
 * @throws RangeError when it is not an A1 address
 */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m || m[1] === undefined || m[2] === undefined) throw new RangeError(`not an A1 address: ${address}`);
  const row = Number(m[2]) - 1;
  if (row < 0 || row > 1048575) throw new RangeError(`not an A1 address: ${address}`);
  return { row, col: columnIndex(m[1]) };
}

/**
 * A1 address of a 0-based row and column: (6, 3) → `D7`.
 *
 * @param row - 0-based row
 * @param col - 0-based column
 * @returns the address
 */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Bounds of an A1 range (`B3:G3`, `$G$3:$B$3`, or one cell `B3`), 0-based and inclusive, whichever
 * corners it names: `B3:G4` → rows 2 to 3, columns 1 to 6.
 *
 * @param ref - the range, without sheet
 * @returns its first and last rows (r1, r2) and columns (c1, c2)
 * @throws RangeError when it is not an A1 range
 */
export function rangeBounds(ref: string): { r1: number; c1: number; r2: number; c2: number } {
  const [first = "", second, ...more] = ref.split(":");
  if (more.length > 0) throw new RangeError(`not a range: ${ref}`);
  const p = parseA1(first);
  const q = second === undefined ? p : parseA1(second);
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

/**
 * A sheet name as it must appear before `!` in a reference: quoted when it is not a plain
 * identifier (`'Paramètres CTG'`), with single quotes doubled.
 *
 * @param sheet - the sheet name
 * @returns the name, quoted when needed
 */
export function quoteSheet(sheet: string): string {
  // A name that reads as an A1 (`AB12`) or R1C1 (`R`, `C3`, `R1C1`) reference must be quoted too.
  const looksLikeReference =
    /^[A-Za-z]{1,3}\d+$/.test(sheet) || /^(?:[Rr]\d*(?:[Cc]\d*)?|[Cc]\d*)$/.test(sheet);
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !looksLikeReference
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Address with its sheet of the cell at a grid position: grid (6, 3) from origin `Financements!A1`
 * is `Financements!D7`.
 *
 * @param origin - sheet and top-left address of the grid
 * @param row - 0-based row within the grid
 * @param col - 0-based column within the grid
 * @returns the address, `Sheet!A1`
 */
export function gridAddress(origin: GridOrigin, row: number, col: number): string {
  const top = parseA1(origin.topLeft);
  return `${quoteSheet(origin.sheet)}!${a1(top.row + row, top.col + col)}`;
}

/**
 * {@link gridAddress} for one origin, parsed once (for loops over many rows).
 *
 * @param origin - sheet and top-left address of the grid
 * @returns a function from a 0-based grid position to its address, `Financements!F7`
 */
export function gridAddresser(origin: GridOrigin): (row: number, col: number) => string {
  const top = parseA1(origin.topLeft);
  const prefix = `${quoteSheet(origin.sheet)}!`;
  const letters: string[] = []; // column letters, computed once per column
  return (row, col) => {
    const c = top.col + col;
    const l = (letters[c] ??= columnLetters(c));
    return `${prefix}${l}${top.row + row + 1}`;
  };
}

/**
 * 1-based sheet row number of a grid row.
 *
 * @param origin - sheet and top-left address of the grid
 * @param row - 0-based row within the grid
 * @returns the sheet's row number
 */
export function sheetRowNumber(origin: GridOrigin, row: number): number {
  return parseA1(origin.topLeft).row + row + 1;
}

/**
 * The text of a cell for display in a message (numbers as they are, errors as their code).
 *
 * @param cell - the cell
 * @returns a short text
 */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case "empty":
      return "";
    case "number":
      return String(cell.value);
    case "text":
      return cell.value;
    case "boolean":
      return cell.value ? "TRUE" : "FALSE";
    case "date":
      return cell.value.toISOString().slice(0, 10);
    case "error":
      return cell.code;
  }
}

/**
 * Names each once, case ignored (Excel's sheet, table and defined names ignore case), in first-seen
 * order and spelling.
 *
 * @param names - the names
 * @returns the names without later duplicates
 */
export function uniqueCaseless(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
