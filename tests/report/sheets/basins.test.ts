// `Répartition bassins`: layout (basins on rows 5–6, total on row 7, columns by key), the shared
// formulas of the split, the zero-key rule and the declared chart.

import { COMMUNES } from "../../../src/core/communes";
import { computePlan } from "../../../src/core/plan";
import { buildReport, BASINS_LAYOUT } from "../../../src/report";
import { demoOptions, demoReport, expectedAt, formulaAt, sheetOf, textAt } from "./fixture";

const USABLE = "(MIN($G$5,$G$6)>=0)*($G$7>0)";

test("layout: a header on row 4 labelled by column key, Nord and Sud on rows 5 and 6, the total on row 7", () => {
  const sheet = sheetOf(demoReport(), "basins");
  expect(sheet.name).toBe("Répartition bassins");
  expect([textAt(sheet, "A4"), textAt(sheet, "G4"), textAt(sheet, "J4"), textAt(sheet, "N4")]).toEqual([
    "Bassin",
    "Valeur de la clé",
    "Participation Caf",
    "CUCM TTC",
  ]);
  expect([textAt(sheet, "A5"), textAt(sheet, "A6"), textAt(sheet, "A7")]).toEqual(["Nord", "Sud", "Total"]);
  expect(BASINS_LAYOUT.totalRow).toBe(6);
});

test("the CEJ key: 619 228,99 / 730 771,01; cost 18 347,53 to the north, the rest 21 652,47 to the south; CUCM TTC 12 843,28 and 15 156,72", () => {
  const sheet = sheetOf(demoReport(), "basins");
  expect(formulaAt(sheet, "G5")).toBe(
    'ROUND(IF(CTG_Cle="CEJ",$E$5,IF(CTG_Cle="Population",$C$5,IF(CTG_Cle="Communes",$B$5,IF(CTG_Cle="Parts égales",1,0)))),2)',
  );
  expect([expectedAt(sheet, "G5"), expectedAt(sheet, "G6"), expectedAt(sheet, "G7")]).toEqual([
    619228.99, 730771.01, 1350000,
  ]);
  expect(formulaAt(sheet, "H5")).toBe(`IF(${USABLE},$G$5/$G$7,IF($G$7=0,"Clé nulle","Clé négative"))`);
  expect(expectedAt(sheet, "H5")).toBeCloseTo(619228.99 / 1350000, 12);
  expect(formulaAt(sheet, "I5")).toBe(`ROUND(IF(${USABLE},'Ingénierie CTG'!$B$4*$G$5/$G$7,0),2)`);
  expect(formulaAt(sheet, "I6")).toBe(`ROUND(IF(${USABLE},'Ingénierie CTG'!$B$4-SUM($I$5:$I$5),0),2)`);
  expect(formulaAt(sheet, "J6")).toBe(`ROUND(IF(${USABLE},'Ingénierie CTG'!$B$8-SUM($J$5:$J$5),0),2)`);
  expect(formulaAt(sheet, "K5")).toBe("ROUND($I$5-$J$5,2)");
  expect(formulaAt(sheet, "M5")).toBe("ROUND($I$5+$L$5,2)");
  expect(formulaAt(sheet, "N5")).toBe("ROUND($M$5-$J$5,2)");
  expect([expectedAt(sheet, "I5"), expectedAt(sheet, "I6"), expectedAt(sheet, "I7")]).toEqual([
    18347.53, 21652.47, 40000,
  ]);
  expect([expectedAt(sheet, "J5"), expectedAt(sheet, "J6")]).toEqual([9173.76, 10826.24]);
  expect([expectedAt(sheet, "N5"), expectedAt(sheet, "N6"), expectedAt(sheet, "N7")]).toEqual([
    12843.28, 15156.72, 28000,
  ]);
});

test("a key that sums to zero allocates nothing: every part 0,00 €, the key share says « Clé nulle », as the engine says", () => {
  const options = demoOptions();
  const rows = options.rows.map((r) => ({ ...r, amount: 0 as typeof r.amount, amountFromText: false }));
  const plan = computePlan(rows, options.plan.params, COMMUNES);
  expect(plan.issues.map((i) => i.code)).toContain("key-sum-zero");
  const sheet = sheetOf(buildReport({ ...options, rows, plan }), "basins");
  expect([expectedAt(sheet, "H5"), expectedAt(sheet, "H6")]).toEqual(["Clé nulle", "Clé nulle"]);
  for (const ref of ["I5", "I6", "I7", "J5", "J6", "L6", "M6", "N6", "N7"])
    expect(expectedAt(sheet, ref)).toBe(0);
  expect(expectedAt(sheet, "H7")).toBe(0);
});

test("the chart is declared in the model: Caf and CUCM TTC per basin, from this sheet's cells, below the table", () => {
  const sheet = sheetOf(demoReport(), "basins");
  expect(sheet.charts).toHaveLength(1);
  const chart = sheet.charts?.[0];
  expect(chart).toMatchObject({
    title: "Participation Caf et CUCM TTC par bassin",
    from: { row: 8, col: 0 },
    to: { row: 23, col: 7 },
    categories: { ref: "'Répartition bassins'!$A$5:$A$6", cache: ["Nord", "Sud"] },
  });
  expect(chart?.series.map((s) => [s.name, s.ref, s.cache])).toEqual([
    ["Participation Caf", "'Répartition bassins'!$J$5:$J$6", [9173.76, 10826.24]],
    ["CUCM TTC", "'Répartition bassins'!$N$5:$N$6", [12843.28, 15156.72]],
  ]);
});
