/**
 * Engine: read + validate + plan of N funding rows from a raw grid (readFundingTable, then
 * computePlan), against a bare loop summing the amount column into a Map by commune name.
 */

import { COMMUNES } from "../src/core/communes";
import { DEFAULT_PARAMS } from "../src/core/params";
import { computePlanFromColumns } from "../src/core/plan";
import { fundingColumns, readFundingTable } from "../src/core/reader";
import type { Cents, FundingRow, RawGrid, RawValue } from "../src/core/types";
import {
  consume,
  count,
  fundingGrid,
  median,
  ms,
  times,
  timeTasks,
  type BenchOptions,
  type Row,
} from "./lib";

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
  /** Medians of the process's CPU time (every thread: the collector's helpers too) over the same samples. */
  readonly engineCpuMs: number;
  readonly loopCpuMs: number;
  readonly floorMs: number;
  readonly samples: number;
  readonly warmup: number;
}

/** Rows the engine reads untimed before each size's samples, whatever the size. */
const WARMUP_ROWS = 1_000_000;

/**
 * Wall and CPU time of the engine and the bare loop, sample by sample in turn (one engine run, then
 * five of the cheaper, noisier loop), so that a burst of load on the shared machine weighs on both.
 * Before the samples, the engine runs on at least {@link WARMUP_ROWS} rows (100 runs at 10 000 rows,
 * one at 1 000 000): every size is timed with the engine compiled, not the first size with it still
 * being compiled.
 */
function timeInTurn(grid: RawGrid, rows: number, samples: number): Omit<Size, "floorMs"> {
  const warmup = Math.max(1, Math.ceil(WARMUP_ROWS / rows));
  for (let i = 0; i < warmup; i += 1) {
    consume(engine(grid));
    consume(bareLoop(grid));
  }
  const times: Record<"engine" | "loop", { wall: number[]; cpu: number[] }> = {
    engine: { wall: [], cpu: [] },
    loop: { wall: [], cpu: [] },
  };
  const sample = (what: "engine" | "loop", work: () => number): void => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    consume(work());
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    times[what].wall.push(wall);
    times[what].cpu.push((cpu.user + cpu.system) / 1000);
  };
  for (let i = 0; i < samples; i += 1) {
    sample("engine", () => engine(grid));
    for (let j = 0; j < 5; j += 1) sample("loop", () => bareLoop(grid));
  }
  return {
    rows,
    engineMs: median(times.engine.wall),
    loopMs: median(times.loop.wall),
    engineCpuMs: median(times.engine.cpu),
    loopCpuMs: median(times.loop.cpu),
    samples,
    warmup,
  };
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
    const timed = timeInTurn(grid, rows, iterations);
    const f = await timeTasks(
      { floor: () => consume(rowsOnly(grid)) },
      iterations,
      rows >= 1_000_000 ? 0 : 1,
    );
    const size: Size = { ...timed, floorMs: f.floor?.medianMs ?? NaN };
    sizes.push(size);
    log(
      `engine ${count(rows)} rows: ${ms(size.engineMs)} (bare loop ${ms(size.loopMs)}, ${times(size.engineMs / size.loopMs)}; CPU time ${ms(size.engineCpuMs)} vs ${ms(size.loopCpuMs)}, ${times(size.engineCpuMs / size.loopCpuMs)}; the row objects alone ${ms(size.floorMs)}, ${times(size.floorMs / size.loopMs)}), medians of ${iterations} and ${iterations * 5} after ${size.warmup} untimed runs`,
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
    target: "≤ 10× (issue 13; issue 6 asked ≤ 3×)",
    met: ratio <= 10,
    notes: sizes
      .map(
        (s) =>
          `${count(s.rows)} rows: ${ms(s.engineMs)} vs ${ms(s.loopMs)} (${times(s.engineMs / s.loopMs)}; CPU time ${times(s.engineCpuMs / s.loopCpuMs)})`,
      )
      .join("; ")
      .concat(
        `; engine and loop timed in turn after ${count(WARMUP_ROWS)} rows of untimed runs at each size; issue 6's ≤ 3×: ${ratio <= 3 ? "met" : "missed"}`,
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
    notes: `worst ${times(worst)}; CPU time per row: ${sizes.map((s) => `${((s.engineCpuMs * 1e6) / s.rows).toFixed(0)} ns`).join(" / ")}; bare loop per row: ${sizes.map((s) => `${((s.loopMs * 1e6) / s.rows).toFixed(0)} ns`).join(" / ")}`,
  };
  return [headline, linearity];
}
