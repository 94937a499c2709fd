// Issue #10 D′ through the .xlsx path: a user's structured reference to the product's communes table
// (`SUM(CTG_Communes[Population municipale])`, typed in their own sheet) survives two regenerations
// that change the table's number of rows, and LibreOffice computes it over the table as it is now.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { main, type Io } from "../../src/cli/main";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { readXlsxCells, readXlsxValues } from "../helpers/xlsx-values";

const FORMULA = "SUM(CTG_Communes[Population municipale])";
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-sref-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]): Promise<number> {
  const io: Io = { out: () => undefined, err: () => undefined };
  return main(argv, io);
}

/** The communes table's ref in a written package (`A4:G38`). */
function communesTableRef(file: string): string {
  const files = unzipSync(fs.readFileSync(file));
  for (const [name, bytes] of Object.entries(files)) {
    if (!/^xl\/tables\/table\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(bytes);
    if (/ name="CTG_Communes"/.test(xml))
      return /<table[^>]* ref="([A-Z]+\d+:[A-Z]+\d+)"/.exec(xml)?.[1] ?? "";
  }
  return "";
}

const dataRows = (ref: string): number => {
  const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(ref);
  return m === null ? -1 : Number(m[2]) - Number(m[1]);
};

test("a structured reference to CTG_Communes survives two regenerations that change its rows", async () => {
  const demo = path.join(dir, "demo.xlsx");
  expect(await cli("demo", "-o", demo)).toBe(0);
  let current = path.join(dir, "s0.xlsx");
  expect(await cli("summarize", demo, "-o", current)).toBe(0);
  expect(dataRows(communesTableRef(current))).toBe(34);
  // The user's formula, in a cell of their own sheet beside the funding table.
  let bytes = patchCells(fs.readFileSync(current), "Financements", { K2: { formula: FORMULA } });
  for (const [step, expected] of [
    [1, 33],
    [2, 32],
  ] as const) {
    // The user clears the INSEE code of a commune without funding rows: the row is left out.
    fs.writeFileSync(current, bytes);
    const values = readXlsxValues(current);
    const funded = new Set([...(values.get("Financements")?.values() ?? [])].map((v) => String(v)));
    const communes = values.get("Communes CTG") ?? new Map();
    let row = -1;
    for (let r = 5; r <= 40 && row < 0; r++) {
      const name = communes.get(`B${r}`);
      if (communes.get(`A${r}`) !== null && communes.get(`A${r}`) !== undefined && !funded.has(String(name)))
        row = r;
    }
    expect(row).toBeGreaterThan(0);
    bytes = patchCells(bytes, "Communes CTG", { [`A${row}`]: "" });
    const input = path.join(dir, `in${step}.xlsx`);
    fs.writeFileSync(input, bytes);
    const output = path.join(dir, `s${step}.xlsx`);
    expect(await cli("summarize", input, "-o", output)).toBe(0);
    expect(dataRows(communesTableRef(output))).toBe(expected);
    // The formula is the user's, untouched; LibreOffice computes it over the table as it is now.
    expect(readXlsxCells(output).get("Financements")?.get("K2")?.formula).toBe(FORMULA);
    const recalculated = await recalcXlsx(output);
    const after = readXlsxValues(recalculated);
    const table = after.get("Communes CTG") ?? new Map();
    let sum = 0;
    for (let r = 5; r < 5 + expected; r++) sum += Number(table.get(`D${r}`) ?? 0);
    expect(sum).toBeGreaterThan(0);
    expect(after.get("Financements")?.get("K2")).toBe(sum);
    bytes = fs.readFileSync(output);
    current = output;
  }
});
