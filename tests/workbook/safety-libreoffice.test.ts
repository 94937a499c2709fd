// Safety rules on workbooks made by other tools: an Excel-like package with absolute relationship
// targets (as openpyxl and pandas write them), and the same workbook saved by LibreOffice. Each holds
// a chart, a comment, a conditional format, a data validation, a hidden sheet and a user's defined
// name: after `summarize` they are all still there, byte for byte, and LibreOffice recalculates the
// summary to the engine's values with every check green.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { summarizeWorkbook } from "../helpers/summarize";
import { listSheets, readDefinedNames } from "../../src/workbook/xlsx/read";
import { openPackage } from "../../src/workbook/xlsx/package";
import { excelLikeWorkbook } from "../fixtures/xlsx-builder";
import { FACILITY_SHEET } from "../../src/core/facilities";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { readXlsxValues } from "../helpers/xlsx-values";

/** Parts a run may rewrite: the workbook-level indexes. Everything else must come out byte-identical. */
const INDEXES =
  /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml|docProps\/.*|xl\/calcChain\.xml)$/;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-safety-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The fixture, with its made-up INSEE codes blanked (the communes are found by name). */
function input(absoluteTargets: boolean): Uint8Array {
  const blanks = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [`B${i + 2}`, ""]));
  return patchCells(excelLikeWorkbook({ absoluteTargets }), "Financements", blanks);
}

function unchangedParts(before: Uint8Array, after: Uint8Array): { missing: string[]; changed: string[] } {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const missing: string[] = [];
  const changed: string[] = [];
  for (const [name, bytes] of Object.entries(a)) {
    if (INDEXES.test(name)) continue;
    const other = b[name];
    if (other === undefined) missing.push(name);
    else if (Buffer.compare(Buffer.from(bytes), Buffer.from(other)) !== 0) changed.push(name);
  }
  return { missing, changed };
}

async function summarizeAndCheck(bytes: Uint8Array, label: string): Promise<Uint8Array> {
  const result = await summarizeWorkbook(bytes, { lang: "fr", version: "test" });
  expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(result.output).not.toBeNull();
  const output = result.output ?? new Uint8Array();
  expect(unchangedParts(bytes, output)).toEqual({ missing: [], changed: [] });

  // Hidden sheet, user's names, chart and comment parts: still there.
  const pkgIn = openPackage(bytes);
  const pkgOut = openPackage(output);
  const userSheets = listSheets(pkgOut).filter((s) => !s.marked);
  // The user's sheets, then the facilities input sheet (issue #14) the workbook lacked, unmarked.
  expect(userSheets.map((s) => [s.name, s.state])).toEqual([
    ...listSheets(pkgIn).map((s) => [s.name, s.state]),
    [FACILITY_SHEET, "visible"],
  ]);
  expect(userSheets.some((s) => s.state === "hidden")).toBe(true);
  const userNames = (p: typeof pkgIn) =>
    readDefinedNames(p)
      .filter(
        (n) =>
          !n.name.startsWith("CTG_") &&
          !(
            (n.name === "_xlnm.Print_Titles" || n.name === "_xlnm.Print_Area") &&
            n.localSheetId !== undefined &&
            n.localSheetId >= listSheets(pkgIn).length
          ),
      )
      .map((n) => `${n.name}@${n.localSheetId ?? ""}=${n.value}`);
  expect(userNames(pkgOut)).toEqual(userNames(pkgIn));
  const names = Object.keys(unzipSync(output));
  expect(names.some((n) => /chart/i.test(n))).toBe(true);
  expect(names.some((n) => /comments/i.test(n))).toBe(true);
  const sheetXml = Object.entries(unzipSync(output))
    .map(([, v]) => strFromU8(v))
    .join("");
  expect(sheetXml).toContain("<conditionalFormatting");
  expect(sheetXml).toMatch(/<dataValidation [^>]*sqref="C2:C30"[\s\S]*?Nord/);

  // LibreOffice recalculates the summary; every check is green.
  const file = path.join(dir, `${label}.ctg.xlsx`);
  fs.writeFileSync(file, output);
  const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));
  expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
  expect(values.get("Synthèse CEJ")?.get("B5")).toBeDefined();
  return output;
}

test("an openpyxl-style package (absolute targets) with chart, comment, formats, validation, hidden sheet, names", async () => {
  const bytes = input(true);
  expect(strFromU8(unzipSync(bytes)["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).toContain(
    'Target="/xl/',
  );
  const once = await summarizeAndCheck(bytes, "absolute");
  // Re-running replaces only the product's sheets.
  const twice = await summarizeWorkbook(once, { lang: "fr", version: "test" });
  expect(listSheets(openPackage(twice.output ?? new Uint8Array())).map((s) => s.name)).toEqual(
    listSheets(openPackage(once)).map((s) => s.name),
  );
  expect(unchangedParts(bytes, twice.output ?? new Uint8Array())).toEqual({ missing: [], changed: [] });
});

test("the same workbook saved by LibreOffice", async () => {
  const source = path.join(dir, "excel-like.xlsx");
  fs.writeFileSync(source, input(false));
  const saved = await recalcXlsx(source, { outDir: path.join(dir, "lo") });
  const bytes = new Uint8Array(fs.readFileSync(saved));
  const parts = Object.keys(unzipSync(bytes));
  expect(parts.some((n) => n.startsWith("xl/charts/"))).toBe(true);
  await summarizeAndCheck(bytes, "lo-saved");
});
