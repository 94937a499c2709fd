/**
 * The .xlsx path: `summarize` end to end (read the file, plan, write the summarized workbook) against
 * ExcelJS alone reading and writing the same workbook; and the peak memory of both, each in a process
 * of its own.
 */

import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { generateSummary } from "../src/app";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import {
  bytes,
  count,
  median,
  ms,
  runChild,
  times,
  timeTasks,
  WORK,
  type BenchOptions,
  type Row,
} from "./lib";

/** Where the summarized workbook goes (LibreOffice recalculates it next). */
export function summarizedPath(input: string): string {
  return input.replace(/\.xlsx$/, ".ctg.xlsx");
}

async function summarizeFile(input: string, output: string): Promise<void> {
  const result = await generateSummary(new XlsxWorkbook(fs.readFileSync(input)), {
    lang: "fr",
    version: "bench",
  });
  if (result.status === "blocked") {
    const first = result.issues.find((i) => i.severity === "error");
    throw new Error(`summarize wrote nothing: ${JSON.stringify(first)}`);
  }
  fs.writeFileSync(output, result.written.bytes);
}

async function excelJsFile(input: string, output: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

/**
 * @param options - iterations and sizes
 * @param input - the funding workbook
 * @param log - progress lines
 * @returns the time row
 */
export async function benchXlsx(
  options: BenchOptions,
  input: string,
  log: (line: string) => void,
): Promise<Row[]> {
  const rows = options.workbookRows;
  const ours = summarizedPath(input);
  const theirs = path.join(WORK, `financements-${rows}.exceljs.xlsx`);
  await summarizeFile(input, ours);
  const t = await timeTasks(
    { summarize: () => summarizeFile(input, ours), exceljs: () => excelJsFile(input, theirs) },
    options.iterations.xlsx,
  );
  const a = t.summarize?.medianMs ?? NaN;
  const b = t.exceljs?.medianMs ?? NaN;
  log(
    `xlsx ${count(rows)} rows: summarize ${ms(a)}, ExcelJS read + write ${ms(b)} (${times(a / b)}), median of ${options.iterations.xlsx}`,
  );
  return [
    {
      what: `.xlsx path: summarize of a ${count(rows)}-row workbook, end to end`,
      figure: ms(a),
      baseline: `ExcelJS reading + writing it: ${ms(b)}`,
      ratio: times(a / b),
      target: "≤ 1.5×",
      met: a / b <= 1.5,
      notes: `input ${bytes(fs.statSync(input).size)}, output ${bytes(fs.statSync(ours).size)}; median of ${options.iterations.xlsx}`,
    },
  ];
}

/** Peak resident memory of a job in a child process, in KiB: `/usr/bin/time -v` when present. */
async function peakRss(args: readonly string[]): Promise<number> {
  const child = path.join(__dirname, "child.js");
  const withTime = fs.existsSync("/usr/bin/time");
  const res = withTime
    ? await runChild("/usr/bin/time", ["-v", process.execPath, child, ...args], { timeoutMs: 600_000 })
    : await runChild(process.execPath, [child, ...args], { timeoutMs: 600_000 });
  if (res.code !== 0)
    throw new Error(
      `child ${args[0] ?? ""} failed (${String(res.code)}): ${res.stderr.trim().split("\n").slice(-3).join(" ")}`,
    );
  const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(res.stderr)?.[1];
  if (fromTime !== undefined) return Number(fromTime);
  const reported = /\{"maxRssKiB":(\d+)\}/.exec(res.stdout)?.[1];
  if (reported === undefined) throw new Error(`child ${args[0] ?? ""} reported no memory: ${res.stdout}`);
  return Number(reported);
}

/**
 * @param options - iterations and sizes
 * @param input - the funding workbook
 * @param log - progress lines
 * @returns the memory row
 */
export async function benchMemory(
  options: BenchOptions,
  input: string,
  log: (line: string) => void,
): Promise<Row[]> {
  const outOurs = path.join(WORK, "memory.ctg.xlsx");
  const outTheirs = path.join(WORK, "memory.exceljs.xlsx");
  const ours: number[] = [];
  const theirs: number[] = [];
  const idle: number[] = [];
  for (let i = 0; i < options.iterations.memory; i += 1) {
    ours.push(await peakRss(["summarize", input, outOurs]));
    theirs.push(await peakRss(["exceljs", input, outTheirs]));
    idle.push(await peakRss(["idle"]));
  }
  const a = median(ours) * 1024;
  const b = median(theirs) * 1024;
  const node = median(idle) * 1024;
  log(
    `memory ${count(options.workbookRows)} rows: summarize ${bytes(a, "MiB")}, ExcelJS ${bytes(b, "MiB")} (${times(a / b)}); idle Node ${bytes(node, "MiB")}`,
  );
  return [
    {
      what: `memory: peak RSS of summarize on ${count(options.workbookRows)} rows`,
      figure: bytes(a, "MiB"),
      baseline: `ExcelJS alone on the same file: ${bytes(b, "MiB")}`,
      ratio: times(a / b),
      target: "≤ 1.5×",
      met: a / b <= 1.5,
      notes: `each in its own process (${fs.existsSync("/usr/bin/time") ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS"}), median of ${ours.length}; Node doing nothing: ${bytes(node, "MiB")}`,
    },
  ];
}
