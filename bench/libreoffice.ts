/**
 * Formulas: headless LibreOffice recalculating the summarized workbook (its live formulas over the
 * whole input table) against LibreOffice recalculating the input workbook alone. Each run is a full
 * `soffice --convert-to xlsx` with a fresh profile that forces recalculation on load
 * (tests/helpers/libreoffice.ts): start, load, recalculate, save.
 */

import * as fs from "fs";
import * as path from "path";
import { findSoffice, recalcXlsx } from "../tests/helpers/libreoffice";
import { count, median, ms, runChild, times, WORK, type BenchOptions, type Row } from "./lib";

/** `LibreOffice 7.4.7.2 …`, or why there is none. */
export async function libreOfficeVersion(): Promise<string> {
  try {
    const res = await runChild(findSoffice(), ["--version"], { timeoutMs: 60_000 });
    return res.stdout.trim().split("\n")[0] ?? "unknown";
  } catch (error) {
    return `not found (${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)})`;
  }
}

/**
 * @param options - iterations and sizes
 * @param input - the funding workbook
 * @param summarized - the same workbook summarized by the product
 * @param log - progress lines
 * @returns the row
 */
export async function benchLibreOffice(
  options: BenchOptions,
  input: string,
  summarized: string,
  log: (line: string) => void,
): Promise<Row[]> {
  const outDir = path.join(WORK, "recalc");
  fs.mkdirSync(outDir, { recursive: true });
  const timeoutMs = 900_000;
  const alone: number[] = [];
  const written: number[] = [];
  // Alternate the two, so that a slower moment of the machine weighs on both.
  for (let i = 0; i < options.iterations.libreoffice; i += 1) {
    let t0 = performance.now();
    await recalcXlsx(input, { outDir, timeoutMs });
    alone.push(performance.now() - t0);
    t0 = performance.now();
    await recalcXlsx(summarized, { outDir, timeoutMs });
    written.push(performance.now() - t0);
  }
  const a = median(written);
  const b = median(alone);
  log(
    `libreoffice ${count(options.workbookRows)} rows: written workbook ${ms(a)}, input alone ${ms(b)} (${times(a / b)}), runs ${written.map(ms).join(", ")} / ${alone.map(ms).join(", ")}`,
  );
  return [
    {
      what: `formulas: LibreOffice recalculation of the written workbook at ${count(options.workbookRows)} rows`,
      figure: ms(a),
      baseline: `LibreOffice recalculating the input alone: ${ms(b)}`,
      ratio: times(a / b),
      target: "≤ 2×",
      met: a / b <= 2,
      notes: `soffice --convert-to xlsx with recalculation forced on load (start + load + recalc + save), median of ${written.length}`,
    },
  ];
}
