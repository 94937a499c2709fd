// The fault corpus through the command, on the committed files of tests/fixtures/bad:
// `ctg-planner summarize FILE --json -o OUT` with captured streams. The exit code is the expected one;
// on exit 1 the JSON holds the expected issues and nothing is written; on exit 2 there is one clear
// line and nothing is written; on exit 0 the output is written; the input never changes.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { main, type Io } from "../../src/cli/main";
import type { PlanJson } from "../../src/report/plan-json";
import { openPackage } from "../../src/workbook/xlsx/package";
import { listSheets } from "../../src/workbook/xlsx/read";
import { BAD_CASES, BAD_DIR, FACILITY_CASES } from "../fixtures/make-bad-corpus";
import { readXlsxCells } from "../helpers/xlsx-values";
import { brief, engine, expectIssues } from "./corpus-helpers";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-bad-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.each(BAD_CASES.map((c) => [c.id, c] as const))("%s", async (_id, c) => {
  const file = path.join(BAD_DIR, `${c.id}.xlsx`);
  expect(fs.existsSync(file)).toBe(true);
  const before = fs.readFileSync(file);
  const output = path.join(dir, "out.xlsx");
  const r = await run(["summarize", file, "--json", "-o", output]);
  expect({ id: c.id, code: r.code }).toEqual({ id: c.id, code: c.expect.exit });
  // The input is never changed.
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  if (c.expect.exit === 2) {
    expect(r.out).toBe("");
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^ctg-planner: ${escape(file)}: `));
    expect(lines[0]).toMatch(c.expect.usage ?? /./);
    expect(fs.readdirSync(dir)).toEqual([]);
    return;
  }
  const json = JSON.parse(r.out) as PlanJson;
  expectIssues(json.issues.map(brief), c);
  if (c.expect.includes) {
    const outcome = engine(before);
    if (outcome.kind === "plan") expect(json.issues.map(brief)).toEqual(outcome.result.issues.map(brief));
  }
  // Errors and warnings are printed on stderr, each with its cell.
  for (const i of json.issues) expect(r.err).toContain(i.cell === "" ? i.message : `${i.cell}: ${i.message}`);
  if (c.expect.exit === 1) {
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(r.err).toContain("rien n'a été écrit");
  } else {
    expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
    if (c.expect.total !== undefined) expect(json.total).toBe(c.expect.total);
    const names = listSheets(openPackage(new Uint8Array(fs.readFileSync(output)))).map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Paramètres CTG", "Synthèse CEJ", "Contrôles"]));
  }
});

/** Every formula of every worksheet of a written file. */
function formulasOf(file: string): string[] {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  return Object.entries(parts)
    .filter(([name]) => name.startsWith("xl/worksheets/") && name.endsWith(".xml"))
    .flatMap(([, data]) =>
      [...strFromU8(data).matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)].map((m) => m[1] ?? ""),
    );
}

test.each(FACILITY_CASES.map((c) => [c.id, c] as const))("facilities: %s", async (_id, c) => {
  const file = path.join(BAD_DIR, `${c.id}.xlsx`);
  const before = fs.readFileSync(file);
  const output = path.join(dir, "out.xlsx");
  const r = await run(["summarize", file, "--json", "-o", output]);
  expect({ id: c.id, code: r.code }).toEqual({ id: c.id, code: c.expect.exit });
  expect(fs.readFileSync(file).equals(before)).toBe(true);
  const json = JSON.parse(r.out) as PlanJson;
  // Cell-exact: the table's issue at its cell of « Équipements CTG », printed with it on stderr.
  expectIssues(json.issues.map(brief), c);
  for (const i of json.issues) expect(r.err).toContain(`${i.cell}: ${i.message}`);
  if (c.expect.exit === 1) {
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(r.err).toContain("rien n'a été écrit");
    return;
  }
  expect(fs.readdirSync(dir)).toEqual(["out.xlsx"]);
  expect(json.total).toBe(c.expect.total);
  const names = listSheets(openPackage(new Uint8Array(fs.readFileSync(output)))).map((s) => s.name);
  // A table with facilities gives the bonus sheets; the empty table, as first written, none.
  expect(names.includes("Bonus territoire")).toBe(c.facilities > 0);
  // Text from the table is never written as a formula: no formula calls what the name spelt.
  expect(formulasOf(output).filter((f) => /HYPERLINK/i.test(f))).toEqual([]);
  if (c.id === "facility-formula-looking-name") {
    const name = '=HYPERLINK("https://exemple.invalid";"Cliquez ici")';
    const cells = readXlsxCells(output);
    // The user's cell unchanged (a text, no formula), and the name shown on Bonus territoire as text.
    expect(cells.get("Équipements CTG")?.get("A7")).toEqual({ value: name, type: "s" });
    const shown = [...(cells.get("Bonus territoire")?.values() ?? [])].filter((x) => x.value === name);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.formula ?? "").not.toMatch(/HYPERLINK/);
  }
});
