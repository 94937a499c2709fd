// End to end in a real spreadsheet: the demo workbook is summarized, LibreOffice recalculates every
// formula (forced on load), and each value must equal the engine's to the cent. Then a finance
// officer's edits (an amount, a basin, the Caf rate, the key) are made in the written workbook: after
// recalculation the summary must equal a fresh engine run on the edited inputs.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { COMMUNES } from "../../src/core/communes";
import { buildReport, type Report } from "../../src/report";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { summarizeWorkbook } from "../helpers/summarize";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { mismatches } from "../helpers/report-values";
import { readXlsxValues } from "../helpers/xlsx-values";
import { a1 } from "../../src/core/cell";

const NOW = new Date("2026-11-28T12:00:00Z");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-lo-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The report that summarizeWorkbook wrote, rebuilt from its result (same inputs, same stamp). */
async function summarizeWithReport(bytes: Uint8Array, lang: "fr" | "en" = "fr") {
  const result = await summarizeWorkbook(bytes, { lang, version: "test", now: NOW });
  if (!result.plan || !result.source || !result.output) {
    throw new Error(`unexpected errors: ${JSON.stringify(result.issues)}`);
  }
  const report: Report = buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: result.issues.filter((i) => i.severity === "warning"),
    source: result.source,
    lang,
    stamp: { generatedAt: "x", version: "test", inputHash: "x" },
  });
  return { ...result, report, output: result.output };
}

test("every formula of every summary sheet equals the engine's value in LibreOffice (demo, French)", async () => {
  const { report, output, plan } = await summarizeWithReport(demoWorkbook(COMMUNES, "fr"));
  expect(plan?.total).toBe(135_000_000);
  const file = path.join(dir, "demo.ctg.xlsx");
  fs.writeFileSync(file, output);
  const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));
  const formulas = report.sheets.flatMap((s) => s.cells.filter((c) => c.value.kind === "formula"));
  expect(formulas.length).toBeGreaterThan(100);
  const bad = report.sheets.flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
  expect(bad).toEqual([]);
  // Every check is green.
  const checks = values.get("Contrôles") ?? new Map();
  expect(checks.get("A2")).toBe("Tous les contrôles sont au vert.");
});

test("a finance officer's edits in the written workbook give what a fresh engine run gives", async () => {
  // The funding side's edits, on the demo without its facilities table (issue #14): moving a commune
  // with facilities to another basin asks for a regeneration of the bonus territoire, whose edits
  // tests/workbook/bonus-libreoffice.test.ts covers.
  const first = await summarizeWithReport(demoWorkbook(COMMUNES, "fr", { facilities: false }));
  // Edits: the first amount of the table, Saint-Vallier to the north basin, Caf rate 60 %, key Population.
  let edited = patchCells(first.output, "Financements", { F5: 123456.78 });
  const communes = first.report.sheets.find((s) => s.kind === "communes");
  const stVallier = communes?.cells.find(
    (c) => c.col === 1 && c.value.kind === "text" && c.value.text === "Saint-Vallier",
  );
  expect(stVallier).toBeDefined();
  edited = patchCells(edited, "Communes CTG", { [a1(stVallier?.row ?? 0, 2)]: "Nord" });
  edited = patchCells(edited, "Paramètres CTG", { B7: 0.6, B9: "Population" });
  const file = path.join(dir, "edited.xlsx");
  fs.writeFileSync(file, edited);
  const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));

  // A fresh engine run on the edited workbook (it reads the edited parameters and communes back).
  const fresh = await summarizeWithReport(edited);
  expect(fresh.plan?.params.key).toBe("population");
  expect(fresh.plan?.params.cafRate).toBe(600_000);
  expect(fresh.plan?.communesReference.find((c) => c.name === "Saint-Vallier")?.basin).toBe("nord");

  const bad: string[] = [];
  for (const sheet of fresh.report.sheets) {
    const got = values.get(sheet.name) ?? new Map();
    if (sheet.kind === "synthesis") {
      // Communes are listed by basin: after the edit Saint-Vallier moved. Match rows by commune name.
      const writtenRowOf = new Map<string, number>();
      for (const [ref, v] of got) {
        const m = /^B(\d+)$/.exec(ref);
        if (m && typeof v === "string") writtenRowOf.set(v, Number(m[1]) - 1);
      }
      const nameAt = new Map(
        sheet.cells
          .filter((c) => c.col === 1 && c.value.kind === "text")
          .map((c) => [c.row, c.value.kind === "text" ? c.value.text : ""]),
      );
      bad.push(...mismatches(sheet, got, (row) => writtenRowOf.get(nameAt.get(row) ?? "") ?? row));
    } else {
      bad.push(...mismatches(sheet, got));
    }
  }
  expect(bad).toEqual([]);
  expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
});

test("a plain range with odd names, wildcards, text amounts, INSEE-only rows and spellings: LibreOffice agrees to the cent", async () => {
  const { createWorkbook } = await import("../../src/workbook/xlsx/create");
  const rows = [
    ["Tableau des financements CEJ (saisie libre)"],
    [],
    ["Ville", "Code INSEE", "Bassin de vie", "Champ", "Exercice", "Montant versé"],
    ["Le Creusot", "", "", "Enfance", 2019, 1000.1],
    ["LE CREUSOT", "", "", "enfance", 2020, "2 000,20 €"],
    ["Creusot", "", "", "Jeunesse", 2019, 300],
    ["", "71306", "", "Jeunesse", 2019, 450.55],
    ["Montceau", "", "", "Enfance", 2020, "(100,00)"],
    ["Montceau", "", "", "Enfance", 2020, 1000],
    ['=HYPERLINK("http://x","y")', "", "Sud", "Enfance", 2019, 10],
    ["Crèche * étoile ?", "", "Nord", "Jeunesse", 2020, 20.2],
    ["Tilde ~ commune", "", "nord", "Jeunesse", 2019, 5],
    ["Saint-Vallier", "", "Nord", "Enfance", 2019, 77.77],
  ];
  const bytes = createWorkbook([{ name: "Saisie 2021", rows }]);
  const { report, output, plan, issues } = await summarizeWithReport(bytes);
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(plan?.total).toBe(100010 + 200020 + 30000 + 45055 - 10000 + 100000 + 1000 + 2020 + 500 + 7777);
  const file = path.join(dir, "odd.ctg.xlsx");
  fs.writeFileSync(file, output);
  const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));
  const bad = report.sheets.flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
  expect(bad).toEqual([]);
  expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
});

test("switching the Caf base to TTC in the written workbook: every sheet equals a fresh engine run (Caf 24 000, CUCM TTC 24 000)", async () => {
  const first = await summarizeWithReport(demoWorkbook(COMMUNES, "fr"));
  expect(first.plan?.engineering.caf).toBe(2_000_000);
  // CTG_BaseCaf is 'Paramètres CTG'!B10.
  const edited = patchCells(first.output, "Paramètres CTG", { B10: "TTC" });
  const file = path.join(dir, "ttc.xlsx");
  fs.writeFileSync(file, edited);
  const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));

  const fresh = await summarizeWithReport(edited);
  expect(fresh.plan?.params.cafBase).toBe("ttc");
  expect(fresh.plan?.engineering).toMatchObject({ eligibleTTC: 4_800_000, caf: 2_400_000, cuTTC: 2_400_000 });
  const bad = fresh.report.sheets.flatMap((s) => mismatches(s, values.get(s.name) ?? new Map()));
  expect(bad).toEqual([]);
  const eng = values.get("Ingénierie CTG") ?? new Map();
  expect(eng.get("B8")).toBe(24000);
  expect(eng.get("B13")).toBe(24000);
  expect(eng.get("B14")).toBe("TTC");
  expect(eng.get("B15")).toBe(48000);
  expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
  // And back to HT: the written TTC workbook, switched back, gives the HT plan again.
  const back = patchCells(fresh.output, "Paramètres CTG", { B10: "ht" });
  const backFile = path.join(dir, "back.xlsx");
  fs.writeFileSync(backFile, back);
  const backValues = readXlsxValues(await recalcXlsx(backFile, { outDir: dir }));
  const again = await summarizeWithReport(back);
  expect(again.plan?.params.cafBase).toBe("ht");
  expect(again.report.sheets.flatMap((s) => mismatches(s, backValues.get(s.name) ?? new Map()))).toEqual([]);
  expect(backValues.get("Ingénierie CTG")?.get("B8")).toBe(20000);
});
