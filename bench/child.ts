/**
 * One job in a process of its own, for its peak memory: `summarize` (the product's .xlsx path, file to
 * file), `exceljs` (ExcelJS alone reading and writing the same file) or `idle` (Node doing nothing).
 * Prints `{"maxRssKiB": …}` on stdout.
 *
 * Usage: node child.js summarize|exceljs|idle <input.xlsx> <output.xlsx>
 */

import * as fs from "fs";
import ExcelJS from "exceljs";
import { generateSummary } from "../src/app";
import { XlsxWorkbook } from "../src/workbook/xlsx";

async function main(): Promise<void> {
  const [kind, input, output] = process.argv.slice(2);
  if (kind === "summarize" && input !== undefined && output !== undefined) {
    const workbook = new XlsxWorkbook(fs.readFileSync(input));
    const result = await generateSummary(workbook, { lang: "fr", version: "bench" });
    if (result.status === "blocked") throw new Error("summarize wrote nothing (errors in the input)");
    fs.writeFileSync(output, result.written.bytes);
  } else if (kind === "exceljs" && input !== undefined && output !== undefined) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(input);
    await workbook.xlsx.writeFile(output);
  } else if (kind !== "idle") {
    throw new Error("usage: child.js summarize|exceljs|idle <input.xlsx> <output.xlsx>");
  }
  process.stdout.write(`${JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
