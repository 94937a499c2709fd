// `Synthèse CEJ`: one row per commune (SUMIFS over the input), basins read from Communes CTG,
// subtotals per basin, grand total 1 350 000,00 €.

import { demoReport, formulaAt, sheetOf, textAt } from "./fixture";

test("layout and formulas: communes from row 5, basin by INDEX/MATCH, totals by SUMIFS, then basin subtotals and the grand total", () => {
  const sheet = sheetOf(demoReport(), "synthesis");
  expect(textAt(sheet, "A4")).toBe("Code INSEE");
  expect(formulaAt(sheet, "C5")).toBe("INDEX(CTG_Communes[Bassin],MATCH($A$5,CTG_Communes[Code INSEE],0))");
  const totalCol = sheet.cells.find(
    (c) => c.row === 3 && c.value.kind === "text" && c.value.text === "Total CEJ",
  )?.col;
  expect(totalCol).toBeDefined();
  const grand = sheet.cells.find(
    (c) => c.col === 1 && c.value.kind === "text" && c.value.text === "Total général",
  );
  expect(grand).toBeDefined();
  const grandValue = sheet.cells.find((c) => c.row === grand?.row && c.col === totalCol)?.value;
  expect(grandValue).toMatchObject({ kind: "formula", expected: 1350000 });
  const nord = sheet.cells.find(
    (c) => c.col === 1 && c.value.kind === "text" && c.value.text === "Total bassin Nord",
  );
  const nordValue = sheet.cells.find((c) => c.row === nord?.row && c.col === totalCol)?.value;
  expect(nordValue).toMatchObject({ kind: "formula", expected: 619228.99 });
});
