// `Scénarios CTG`: one column per scenario from column C, the parameters on rows 7–12, the communes
// from row 16; inputs only (no formula), validations reaching three spare columns.

import { SCENARIOS_LAYOUT } from "../../../src/report";
import { at, demoReport, sheetOf, textAt } from "./fixture";

test("layout: the default scenario in column C, labels in column A, validations on C:F", () => {
  const sheet = sheetOf(demoReport(), "scenarios");
  const R = SCENARIOS_LAYOUT.rows;
  expect(SCENARIOS_LAYOUT.firstCol).toBe(2);
  expect([R.name, R.costHT, R.key, R.cafBase].map((r) => r + 1)).toEqual([4, 7, 11, 12]);
  expect(textAt(sheet, "A4")).toBe("Nom");
  expect(textAt(sheet, "C4")).toBe("Paramètres actuels");
  expect(at(sheet, "C7")).toEqual({ kind: "number", value: 40000 });
  expect(at(sheet, "C11")).toEqual({ kind: "text", text: "CEJ" });
  expect(textAt(sheet, "A16")).toMatch(/^\d{5}$/);
  expect(sheet.validations.map((v) => [v.type, v.ref])).toEqual([
    ["decimal", "C7:F8"],
    ["decimal", "C9:F10"],
    ["list", "C11:F11"],
    ["list", "C12:F12"],
    ["list", "C16:F49"],
  ]);
  expect(sheet.cells.every((c) => c.value.kind !== "formula")).toBe(true);
});
