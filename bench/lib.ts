/**
 * What every part of the benchmark shares: options, timing with tinybench (medians), the generated
 * funding data, and the rows of the result table.
 */

import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { COMMUNES } from "../src/core/communes";
import type { RawValue } from "../src/core/types";
import { createWorkbook } from "../src/workbook/xlsx";

/** The repository's root (this file runs from .tmp/bench-dist/bench). */
export const ROOT = findRoot(__dirname);
/** Generated inputs and outputs of the benchmark (git-ignored). */
export const WORK = path.join(ROOT, ".tmp", "bench");

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "src"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`bench: no repository root above ${from}`);
    dir = up;
  }
}

/** Sizes and iteration counts of one run. */
export interface BenchOptions {
  readonly quick: boolean;
  /** Engine: the row counts (the last is the headline figure, the first the linearity reference). */
  readonly engineRows: readonly number[];
  /** Office adapter: the input row counts. */
  readonly officeRows: readonly number[];
  /** .xlsx path, LibreOffice and memory: the input row count. */
  readonly workbookRows: number;
  /** Samples of each timed task (medians are reported). */
  readonly iterations: {
    readonly engine: (rows: number) => number;
    readonly xlsx: number;
    readonly libreoffice: number;
    readonly memory: number;
    readonly render: number;
  };
}

/**
 * The options of a run from the command line: `--quick` for the small sizes CI runs.
 *
 * @param argv - the arguments after the script
 * @returns the options
 */
export function benchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes("--quick");
  return quick
    ? {
        quick,
        engineRows: [10_000, 100_000],
        officeRows: [100, 10_000, 100_000],
        workbookRows: 10_000,
        iterations: {
          engine: (rows) => (rows <= 10_000 ? 5 : 2),
          xlsx: 2,
          libreoffice: 1,
          memory: 1,
          render: 3,
        },
      }
    : {
        quick,
        engineRows: [10_000, 100_000, 1_000_000],
        officeRows: [100, 10_000, 100_000],
        workbookRows: 100_000,
        iterations: {
          engine: (rows) => (rows <= 10_000 ? 30 : rows <= 100_000 ? 10 : 5),
          xlsx: 5,
          libreoffice: 3,
          memory: 3,
          render: 5,
        },
      };
}

// ---------------------------------------------------------------------------------------------
// Statistics and timing

/**
 * @param values - numbers
 * @returns their median (NaN for none)
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** A timed task: its median and how many samples gave it. */
export interface Timing {
  readonly medianMs: number;
  readonly samples: number;
}

/** tinybench is ESM only: a real dynamic import from this CommonJS build (see bench/tsconfig.json). */
const importTinybench = () => import("tinybench");

let tinybench: ReturnType<typeof importTinybench> | null = null;

function loadTinybench(): ReturnType<typeof importTinybench> {
  tinybench ??= importTinybench();
  return tinybench;
}

/**
 * Times tasks with tinybench: each runs `warmup` times untimed, then `iterations` times; the median
 * latency is kept. Tasks run one after the other, in the order given.
 *
 * @param tasks - name → work (sync or async)
 * @param iterations - timed samples per task
 * @param warmup - untimed runs per task before the samples
 * @returns name → timing
 */
export async function timeTasks(
  tasks: Readonly<Record<string, () => unknown>>,
  iterations: number,
  warmup = 1,
): Promise<Record<string, Timing>> {
  const { Bench } = await loadTinybench();
  const bench = new Bench({
    iterations,
    time: 0,
    warmup: warmup > 0,
    warmupIterations: warmup,
    warmupTime: 0,
    throws: true,
  });
  for (const [name, fn] of Object.entries(tasks)) {
    bench.add(name, async () => {
      await fn();
    });
  }
  await bench.run();
  const out: Record<string, Timing> = {};
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== "completed") {
      throw new Error(
        `bench: task ${task.name} ended ${result.state}${result.state === "errored" ? `: ${result.error.message}` : ""}`,
      );
    }
    out[task.name] = { medianMs: result.latency.p50, samples: result.latency.samplesCount };
  }
  return out;
}

/**
 * Wall time of a few runs of an asynchronous job (for child processes, where tinybench's
 * per-iteration bookkeeping adds nothing).
 *
 * @param runs - how many
 * @param job - the work
 * @returns every duration, in milliseconds
 */
export async function wallTimes(runs: number, job: (index: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await job(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** Keeps a value alive so that the work producing it cannot be optimized away. */
export let sink: unknown = null;
export function consume(value: unknown): void {
  sink = value;
}

// ---------------------------------------------------------------------------------------------
// Generated data

/** The funding table's headers, as a French finance officer writes them. */
export const FUNDING_HEADERS = ["Commune", "Code INSEE", "Domaine", "Année", "Montant CEJ"] as const;
const DOMAINS = ["Enfance", "Jeunesse", "Petite enfance"] as const;

/**
 * Funding rows over the 34 real CUCM communes: every row differs (no duplicate-row warnings), every
 * amount has at most two decimals, and every commune, domain and year of 2015–2024 comes back in turn.
 *
 * @param count - data rows
 * @returns the rows, header first
 */
export function fundingGrid(count: number): RawValue[][] {
  const grid: RawValue[][] = [[...FUNDING_HEADERS]];
  const n = COMMUNES.length;
  for (let i = 0; i < count; i += 1) {
    const commune = COMMUNES[i % n];
    if (commune === undefined) throw new Error("bench: no commune");
    const domain = DOMAINS[Math.floor(i / n) % DOMAINS.length] ?? "Enfance";
    const cycle = n * DOMAINS.length * 10;
    const year = 2015 + (Math.floor(i / (n * DOMAINS.length)) % 10);
    // Same commune, domain and year every `cycle` rows: the amount differs by a whole euro each time.
    const cents = 5_000 + Math.floor(i / cycle) * 100 + (i % 100);
    grid.push([commune.name, commune.insee, domain, year, cents / 100]);
  }
  return grid;
}

/**
 * The funding rows as an .xlsx workbook (an Excel table `Financements` on a sheet of that name),
 * written with the product's createWorkbook into .tmp/bench.
 *
 * @param count - data rows
 * @returns the file's path
 */
export function fundingWorkbook(count: number): string {
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `financements-${count}.xlsx`);
  const bytes = createWorkbook([
    {
      name: "Financements",
      rows: fundingGrid(count),
      table: { name: "Financements", headerRow: 0 },
      moneyColumns: [4],
      columnWidths: [28, 12, 16, 8, 16],
    },
  ]);
  fs.writeFileSync(file, bytes);
  return file;
}

// ---------------------------------------------------------------------------------------------
// Processes

/** What a child process gave. */
export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command and collects its output.
 *
 * @param command - the program
 * @param args - its arguments
 * @param options - working directory and timeout
 * @returns exit code and output
 */
export function runChild(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            child.kill("SIGKILL");
          }, options.timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Results

/** One line of the result table. */
export interface Row {
  /** What is measured. */
  readonly what: string;
  /** The figure measured, with its unit. */
  readonly figure: string;
  /** The baseline measured in the same run (or the fixed reference), with its unit. */
  readonly baseline: string;
  /** figure ÷ baseline, formatted; "—" when there is no baseline. */
  readonly ratio: string;
  readonly target: string;
  /** Whether the target is met; null when it could not be measured. */
  readonly met: boolean | null;
  /** What else the run saw (per-size figures, caveats). */
  readonly notes?: string;
}

/** A row for a part of the benchmark that failed: the table says why instead of a figure. */
export function failedRow(what: string, target: string, error: unknown): Row {
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
  return {
    what,
    figure: "not measured",
    baseline: "—",
    ratio: "—",
    target,
    met: null,
    notes: `failed: ${message}`,
  };
}

/** Milliseconds, readably. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

/** A ratio, `2.34×`. */
export function times(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return `${value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** Bytes, in the unit that reads best (decimal MB for payloads, KiB for bundles). */
export function bytes(value: number, unit: "MB" | "KiB" | "MiB" = "MB"): string {
  if (unit === "KiB") return `${(value / 1024).toFixed(1)} KiB`;
  if (unit === "MiB") return `${(value / 1024 / 1024).toFixed(0)} MiB`;
  return value >= 1_000_000 ? `${(value / 1_000_000).toFixed(2)} MB` : `${(value / 1000).toFixed(1)} kB`;
}

/** A count with thin grouping, `100 000`. */
export function count(value: number): string {
  return value.toLocaleString("fr-FR").replace(/\u202f|\u00a0/g, " ");
}
