import { cellText, gridAddress, toCell } from "./cell";
import { parseBasin } from "./reader";
import type { Basin, Cell, Commune, GridOrigin, Issue, RawGrid } from "./types";

const YES = new Set(["oui", "yes", "o", "y", "vrai", "true", "1", "x"]);

/**
 * A population: a number cell holding a non-negative integer, or text of digits (grouped with spaces,
 * `20 509`, as a French user types it). Null when it is neither.
 */
function parsePopulation(cell: Cell): number | null {
  let n = NaN;
  if (cell.kind === "number") n = cell.value;
  if (cell.kind === "text") {
    const digits = cell.value.replace(/[\s\u00A0\u202F\u2009\u2007]/g, "");
    if (/^\d+$/.test(digits)) n = Number(digits);
  }
  return Number.isSafeInteger(n) && n >= 0 ? n + 0 : null; // + 0: no -0
}

/** cellText, safe for an invalid Date (which cellText cannot print). */
function textOfCell(cell: Cell): string {
  return cell.kind === "date" && Number.isNaN(cell.value.getTime()) ? "#VALUE!" : cellText(cell);
}

/**
 * Reads the workbook's `Communes CTG` table back into a commune reference, so that a basin the user
 * corrected there is the one every later run uses. Columns are taken by position, as the product
 * wrote them: INSEE code, commune, basin, population, population year, basin confirmed, former CEJ.
 * A row the user left without an INSEE code is skipped; a basin left empty, and any other empty field,
 * is taken from the built-in reference when the code is there. A basin that is neither north nor south
 * (`basin-invalid`), or a population that is not a non-negative integer (`population-invalid`), is an
 * error on its cell, and the row is left out.
 *
 * @param grid - the table's values, header row first
 * @param origin - where the table's top-left cell is
 * @param fallback - the built-in reference, for the fields a row leaves empty
 * @returns the reference read, and its issues
 */
export function readCommunesTable(
  grid: RawGrid,
  origin: GridOrigin,
  fallback: readonly Commune[],
): { communes: Commune[]; issues: Issue[] } {
  const byInsee = new Map(fallback.map((c) => [c.insee, c]));
  const communes: Commune[] = [];
  const issues: Issue[] = [];
  for (let r = 1; r < grid.length; r += 1) {
    const row = grid[r] ?? [];
    const text = (c: number): string => textOfCell(toCell(row[c])).trim();
    if (text(0) === "") continue;
    const insee = text(0).padStart(5, "0");
    const base = byInsee.get(insee);
    const rowIssues: Issue[] = [];

    const basinText = text(2);
    const basin: Basin | null = basinText === "" ? (base?.basin ?? null) : parseBasin(basinText);
    if (basin === null) {
      rowIssues.push({
        code: "basin-invalid",
        severity: "error",
        cell: gridAddress(origin, r, 2),
        data: { value: basinText },
      });
    }

    const populationCell = toCell(row[3]);
    const population =
      populationCell.kind === "empty" ? (base?.population ?? 0) : parsePopulation(populationCell);
    if (population === null) {
      rowIssues.push({
        code: "population-invalid",
        severity: "error",
        cell: gridAddress(origin, r, 3),
        data: { value: textOfCell(populationCell) },
      });
    }

    issues.push(...rowIssues);
    if (basin === null || population === null) continue;
    const year = toCell(row[4]);
    communes.push({
      insee,
      name: text(1) || base?.name || insee,
      basin,
      population,
      populationYear: year.kind === "number" ? year.value : (base?.populationYear ?? 0),
      basinConfirmed: text(5) === "" ? (base?.basinConfirmed ?? false) : YES.has(text(5).toLowerCase()),
      exCej: text(6) === "" ? (base?.exCej ?? false) : YES.has(text(6).toLowerCase()),
    });
  }
  return { communes, issues };
}
