// `Comparaison scénarios`: one column per scenario from column B; every figure is a formula of
// report/formulas.ts, the same as `Répartition bassins` and `Ingénierie CTG` use; the chart beside.

import { demoReport, expectedAt, sheetOf, textAt } from "./fixture";
import type { ReportSheet } from "../../../src/report";

/** The formula and expected value in column B of the row labelled `label` (the first below `after`). */
function row(
  sheet: ReportSheet,
  label: string,
  after = 0,
): { formula: string; expected: unknown; row: number } {
  const cell = sheet.cells.find(
    (c) => c.col === 0 && c.row > after && c.value.kind === "text" && c.value.text === label,
  );
  const value = sheet.cells.find((c) => c.row === cell?.row && c.col === 1)?.value;
  if (cell === undefined || value?.kind !== "formula") throw new Error(`no row ${label}`);
  return { formula: value.formula, expected: value.expected, row: cell.row };
}

test("parameters: the scenario's cell, or the current parameter when blank", () => {
  const sheet = sheetOf(demoReport(), "comparison");
  expect(textAt(sheet, "A4")).toBe("Scénario");
  expect(row(sheet, "Coût HT de la mission").formula).toBe(
    "ROUND(IF('Scénarios CTG'!$C$7=\"\",CTG_CoutHT,'Scénarios CTG'!$C$7),2)",
  );
  expect(row(sheet, "Clé de répartition").formula).toBe(
    "IF('Scénarios CTG'!$C$11=\"\",CTG_Cle,'Scénarios CTG'!$C$11)",
  );
});

test("engineering and basins: the shared formulas, the zero-key guard on both basins, the engine's values", () => {
  const sheet = sheetOf(demoReport(), "comparison");
  const caf = row(sheet, "Participation Caf");
  expect(caf.formula).toMatch(/^ROUND\(IF\(\$B\$\d+="TTC",\$B\$\d+,\$B\$\d+\)\*\$B\$\d+,2\)$/);
  expect(caf.expected).toBe(20000);
  expect(row(sheet, "Reste à charge CUCM (TTC)").expected).toBe(28000);
  const nord = row(sheet, "Coût HT réparti");
  const sud = row(sheet, "Coût HT réparti", nord.row);
  const keyNord = row(sheet, "Valeur de la clé").row + 1;
  const keySud = row(sheet, "Valeur de la clé", nord.row).row + 1;
  const usable = `(MIN($B$${keyNord},$B$${keySud})>=0)*(($B$${keyNord}+$B$${keySud})>0)`;
  expect(nord.formula).toBe(`ROUND(IF(${usable},$B$6*$B$${keyNord}/($B$${keyNord}+$B$${keySud}),0),2)`);
  expect(sud.formula).toBe(`ROUND(IF(${usable},$B$6-SUM($B$${nord.row + 1}),0),2)`);
  expect([nord.expected, sud.expected]).toEqual([18347.53, 21652.47]);
  const share = row(sheet, "Part de la clé");
  expect(share.formula).toBe(
    `IF(${usable},$B$${keyNord}/($B$${keyNord}+$B$${keySud}),IF(($B$${keyNord}+$B$${keySud})=0,"Clé nulle","Clé négative"))`,
  );
  const cuTTC = row(sheet, "CUCM TTC");
  expect(cuTTC.formula).toMatch(/^ROUND\(\$B\$\d+\+\$B\$\d+-\$B\$\d+,2\)$/);
  expect(cuTTC.expected).toBe(12843.28);
});

test("the chart beside the table: Caf and CUCM TTC per basin, one cluster per scenario", () => {
  const sheet = sheetOf(demoReport(), "comparison");
  const chart = sheet.charts?.[0];
  expect(chart?.series.map((s) => s.name)).toEqual(["Caf Nord", "CUCM TTC Nord", "Caf Sud", "CUCM TTC Sud"]);
  expect(chart?.categories).toEqual({
    ref: "'Comparaison scénarios'!$B$4:$B$4",
    cache: ["Paramètres actuels"],
  });
  expect(expectedAt(sheet, "B4")).toBe("Paramètres actuels");
});
