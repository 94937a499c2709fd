/**
 * Engine: read + validate + plan of N funding rows from a raw grid (readFundingTable, then
 * computePlan), against a bare loop summing the amount column into a Map by commune name.
 */

import { COMMUNES } from "../src/core/communes";
import { DEFAULT_PARAMS } from "../src/core/params";
import { computePlanFromColumns } from "../src/core/plan";
import { fundingColumns, readFundingTable } from "../src/core/reader";
import type { Cents, FundingRow, RawGrid, RawValue } from "../src/core/types";
import { consume, count, fundingGrid, ms, times, timeTasks, type BenchOptions, type Row } from "./lib";

const ORIGIN = { sheet: "Financements", topLeft: "A1" };

/** The product's work on a grid (as the pipeline does it): every row typed and checked, then the plan of the rows' columns. */
function engine(grid: RawGrid): number {
  const read = readFundingTable(grid, { origin: ORIGIN, communes: COMMUNES, headerRow: 0 });
  const errors = read.issues.filter((i) => i.severity === "error");
  if (errors.length > 0)
    throw new Error(`bench engine: ${errors.length} errors, the first ${JSON.stringify(errors[0])}`);
  const plan = computePlanFromColumns(fundingColumns(read), DEFAULT_PARAMS, COMMUNES);
  return plan.total;
}

/** The baseline: nothing checked, the amount column summed by commune name. */
function bareLoop(grid: RawGrid): number {
  const totals = new Map<string, number>();
  for (let r = 1; r < grid.length; r += 1) {
    const row = grid[r];
    if (row === undefined) continue;
    const name = row[0] as string;
    totals.set(name, (totals.get(name) ?? 0) + (row[4] as number));
  }
  let total = 0;
  for (const v of totals.values()) total += v;
  return total;
}

/**
 * The floor of any reader that returns rows as objects: the same FundingRow objects the reader
 * gives for this grid (two addresses and a keys object each), built with no check at all.
 */
function rowsOnly(grid: RawGrid): number {
  const text = (v: RawValue | undefined): string => (typeof v === "string" ? v : String(v));
  const rows: FundingRow[] = [];
  for (let r = 1; r < grid.length; r += 1) {
    const row = grid[r];
    if (row === undefined) continue;
    const n = String(r + 1);
    rows.push({
      sheetRow: r + 1,
      amountCell: `Financements!E${n}`,
      communeCell: `Financements!A${n}`,
      commune: text(row[0]),
      insee: text(row[1]),
      basinGiven: null,
      domain: text(row[2]),
      action: null,
      year: row[3] as number,
      amount: Math.round((row[4] as number) * 100) as Cents,
      amountFromText: false,
      keys: { commune: text(row[0]), insee: text(row[1]), domain: text(row[2]), year: text(row[3]) },
    });
  }
  return rows.length;
}

interface Size {
  readonly rows: number;
  readonly engineMs: number;
  readonly loopMs: number;
  readonly floorMs: number;
  readonly samples: number;
}

/**
 * @param options - sizes and iterations
 * @param log - progress lines
 * @returns the headline row (largest size) and the linearity row
 */
export async function benchEngine(options: BenchOptions, log: (line: string) => void): Promise<Row[]> {
  const sizes: Size[] = [];
  for (const rows of options.engineRows) {
    const grid = fundingGrid(rows);
    // Same answer both ways (to the cent), or the comparison means nothing.
    const expected = Math.round(bareLoop(grid) * 100);
    const got = engine(grid);
    if (got !== expected) throw new Error(`bench engine: total ${got} cents, the bare loop says ${expected}`);
    const iterations = options.iterations.engine(rows);
    // The bare loop is cheap and noisier (memory-bound): five times the samples for its median.
    const e = await timeTasks(
      { engine: () => consume(engine(grid)) },
      iterations,
      rows >= 1_000_000 ? 0 : rows >= 100_000 ? 1 : 3,
    );
    const l = await timeTasks({ loop: () => consume(bareLoop(grid)) }, iterations * 5, 3);
    const f = await timeTasks(
      { floor: () => consume(rowsOnly(grid)) },
      iterations,
      rows >= 1_000_000 ? 0 : 1,
    );
    const size = {
      rows,
      engineMs: e.engine?.medianMs ?? NaN,
      loopMs: l.loop?.medianMs ?? NaN,
      floorMs: f.floor?.medianMs ?? NaN,
      samples: iterations,
    };
    sizes.push(size);
    log(
      `engine ${count(rows)} rows: ${ms(size.engineMs)} (bare loop ${ms(size.loopMs)}, ${times(size.engineMs / size.loopMs)}; the row objects alone ${ms(size.floorMs)}, ${times(size.floorMs / size.loopMs)}), medians of ${iterations} and ${iterations * 5}`,
    );
  }
  const largest = sizes[sizes.length - 1];
  const smallest = sizes[0];
  if (largest === undefined || smallest === undefined) return [];
  const perRow = (s: Size): number => (s.engineMs * 1e6) / s.rows; // ns a row
  const ratio = largest.engineMs / largest.loopMs;
  const headline: Row = {
    what: `engine: read + validate + plan of ${count(largest.rows)} rows from a raw grid`,
    figure: ms(largest.engineMs),
    baseline: `bare loop summing amounts by commune: ${ms(largest.loopMs)}`,
    ratio: times(ratio),
    target: "≤ 3×",
    met: ratio <= 3,
    notes: sizes
      .map(
        (s) =>
          `${count(s.rows)} rows: ${ms(s.engineMs)} vs ${ms(s.loopMs)} (${times(s.engineMs / s.loopMs)})`,
      )
      .join("; ")
      .concat(
        `; floor of returning rows as objects (the same ${count(largest.rows)} FundingRow objects built with no check): ${ms(largest.floorMs)} (${times(largest.floorMs / largest.loopMs)})`,
      ),
  };
  const deviations = sizes.map((s) => perRow(s) / perRow(smallest));
  const worst = deviations.reduce((w, d) => (Math.abs(d - 1) > Math.abs(w - 1) ? d : w), 1);
  const linearity: Row = {
    what: `engine: time per row from ${count(smallest.rows)} to ${count(largest.rows)} rows`,
    figure: sizes.map((s) => `${perRow(s).toFixed(0)} ns`).join(" / "),
    baseline: `${count(smallest.rows)} rows: ${perRow(smallest).toFixed(0)} ns a row`,
    ratio: deviations.map((d) => times(d)).join(" / "),
    target: "each within ±30 % (0.70×–1.30×)",
    met: deviations.every((d) => d >= 0.7 && d <= 1.3),
    notes: `worst ${times(worst)}; bare loop per row: ${sizes.map((s) => `${((s.loopMs * 1e6) / s.rows).toFixed(0)} ns`).join(" / ")}`,
  };
  return [headline, linearity];
}
