// LibreOffice opens what applyReport writes, and computes the report's formulas right: defined names
// pointing at the new sheets, structured references to the new tables, the user's own formulas.
// The report's cached values are deliberately WRONG, so a right value proves LibreOffice computed it.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { applyReport } from "../../../src/workbook/xlsx";
import { recalcXlsx } from "../../helpers/libreoffice";
import { readXlsxCells, type CellInfo } from "../../helpers/xlsx-values";
import { excelLikeWorkbook, FINANCEMENTS_ROWS } from "../../fixtures/xlsx-builder";
import { AMOUNTS, COST, INJECTIONS, sampleReport } from "./sample-report";

type Cells = Map<string, Map<string, CellInfo>>;

let tmp = "";
let first: Cells = new Map();
let rerun: Cells = new Map();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-xlsx-lo-"));
  const once = applyReport(excelLikeWorkbook(), sampleReport({ cached: "wrong" }));
  const twice = applyReport(
    applyReport(excelLikeWorkbook({ productSheetAt: 1, absoluteTargets: true }), sampleReport()),
    sampleReport({ cached: "wrong" }),
  );
  const a = path.join(tmp, "once.xlsx");
  const b = path.join(tmp, "twice.xlsx");
  fs.writeFileSync(a, once);
  fs.writeFileSync(b, twice);
  const [outA, outB] = await Promise.all([
    recalcXlsx(a, { outDir: path.join(tmp, "out") }),
    recalcXlsx(b, { outDir: path.join(tmp, "out") }),
  ]);
  first = readXlsxCells(outA);
  rerun = readXlsxCells(outB);
}, 110_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function value(cells: Cells, sheet: string, ref: string): CellInfo["value"] {
  const info = cells.get(sheet)?.get(ref);
  if (!info) throw new Error(`no cell ${sheet}!${ref}`);
  return info.value;
}

const total = Math.round(AMOUNTS.reduce((s, a) => s + a, 0) * 100) / 100;

describe.each([
  ["first run", (): Cells => first],
  ["re-run over a previous product sheet, openpyxl-style targets", (): Cells => rerun],
])("LibreOffice recalculates the written workbook (%s)", (_label, cells) => {
  test("all sheets are there, in order", () => {
    expect([...cells().keys()]).toEqual(["Financements", "Notes", "Caché", "Paramètres CTG", "Synthèse CEJ"]);
  });

  test("structured reference to the new table, defined names pointing at the new sheet", () => {
    const synth = "Synthèse CEJ";
    expect(value(cells(), synth, "B9")).toBeCloseTo(total, 9); // SUM(T_Test[Amount])
    expect(value(cells(), synth, "B10")).toBe(Math.round(COST * 2 * 100) / 100); // ROUND(CTG_X*2,2)
    expect(value(cells(), synth, "B11")).toBe(true);
    expect(value(cells(), synth, "B12")).toBe(`Total : ${total.toFixed(2)}`);
    expect(value(cells(), synth, "B13")).toBeCloseTo(55, 9); // CTG_Taux*100
    expect(["C5", "C6", "C7"].map((r) => value(cells(), synth, r))).toEqual(["OK", "OK", "OK"]);
  });

  test("text that looks like a formula is still text", () => {
    INJECTIONS.forEach((t, i) => {
      const info = cells()
        .get("Synthèse CEJ")
        ?.get(`A${15 + i}`);
      expect(info?.value).toBe(t);
      expect(info?.formula).toBeUndefined();
    });
  });

  test("the user's sheets and formulas still work", () => {
    expect(value(cells(), "Financements", "G2")).toBeCloseTo(
      FINANCEMENTS_ROWS.reduce((s, r) => s + r.montant, 0),
      6,
    );
    expect(value(cells(), "Financements", "A1")).toBe("Commune");
    expect(value(cells(), "Notes", "B5")).toBe(0.5);
    expect(value(cells(), "Paramètres CTG", "B4")).toBe(COST);
  });
});
