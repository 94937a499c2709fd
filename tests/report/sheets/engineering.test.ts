// `Ingénierie CTG`: one row per figure (labels paired with formulas by key), the cap warning, and the
// split per basin read from `Répartition bassins`.

import { ENGINEERING_ROWS } from "../../../src/report";
import { demoReport, expectedAt, formulaAt, sheetOf, textAt } from "./fixture";

test("layout: the figures in column B on rows 4 to 15, each with its own label and explanation", () => {
  const sheet = sheetOf(demoReport(), "engineering");
  expect(ENGINEERING_ROWS.cost).toBe(3);
  const rows: [string, string, string][] = [
    ["A4", "Coût HT de la mission", "ROUND(CTG_CoutHT,2)"],
    ["A6", "Base éligible HT", "ROUND(MIN($B$4,$B$5),2)"],
    ["A8", "Participation de la Caf", 'ROUND(IF(CTG_BaseCaf="TTC",$B$15,$B$6)*$B$7,2)'],
    ["A9", "Reste à charge CUCM (HT)", "ROUND($B$4-$B$8,2)"],
    ["A11", "TVA", "ROUND($B$4*$B$10,2)"],
    ["A12", "Coût TTC de la mission", "ROUND($B$4+$B$11,2)"],
    ["A13", "Reste à charge CUCM (TTC)", "ROUND($B$12-$B$8,2)"],
    ["A15", "Base éligible TTC", "ROUND($B$6+ROUND($B$6*$B$10,2),2)"],
  ];
  for (const [ref, label, formula] of rows) {
    expect(textAt(sheet, ref)).toBe(label);
    expect(formulaAt(sheet, ref.replace("A", "B"))).toBe(formula);
  }
  expect(formulaAt(sheet, "B7")).toBe("CTG_TauxCaf");
  expect(expectedAt(sheet, "B14")).toBe("HT");
  expect([expectedAt(sheet, "B8"), expectedAt(sheet, "B11"), expectedAt(sheet, "B13")]).toEqual([
    20000, 8000, 28000,
  ]);
  expect(formulaAt(sheet, "A16")).toBe(
    'IF($B$4>$B$5,"Attention : le coût HT dépasse le plafond ; la Caf ne finance que le plafond et le surcoût reste à la charge de la CUCM.","")',
  );
});

test("the split per basin: rows 20 and 21 read Répartition bassins, row 22 adds them up", () => {
  const sheet = sheetOf(demoReport(), "engineering");
  expect(textAt(sheet, "A19")).toBe("Bassin");
  expect(formulaAt(sheet, "B20")).toBe("ROUND('Répartition bassins'!$I$5,2)");
  expect(formulaAt(sheet, "C21")).toBe("ROUND('Répartition bassins'!$J$6,2)");
  expect(formulaAt(sheet, "G20")).toBe("ROUND('Répartition bassins'!$N$5,2)");
  expect(formulaAt(sheet, "B22")).toBe("ROUND(SUM($B$20:$B$21),2)");
  expect([expectedAt(sheet, "B20"), expectedAt(sheet, "B21"), expectedAt(sheet, "B22")]).toEqual([
    18347.53, 21652.47, 40000,
  ]);
});

test("English labels come from the same keys", () => {
  const sheet = sheetOf(demoReport("en"), "engineering");
  expect(textAt(sheet, "A8")).toBe("Caf share");
  expect(textAt(sheet, "A15")).toBe("Eligible base incl. VAT");
  expect(formulaAt(sheet, "B8")).toBe('ROUND(IF(CTG_BaseCaf="TTC",$B$15,$B$6)*$B$7,2)');
});
