// `Paramètres CTG`: the six parameters on rows 5 to 10 (defined once in PARAMETER_ROWS), named cells
// and validations made from that one table.

import { PARAMETER_ROWS, PARAM_KEYS } from "../../../src/report";
import { at, demoReport, sheetOf, textAt } from "./fixture";

test("layout: header on row 4, one row per parameter, the value in column B", () => {
  const report = demoReport();
  const sheet = sheetOf(report, "parameters");
  expect([textAt(sheet, "A4"), textAt(sheet, "B4"), textAt(sheet, "C4")]).toEqual([
    "Paramètre",
    "Valeur",
    "Explication",
  ]);
  expect(PARAM_KEYS.map((k) => PARAMETER_ROWS[k].row + 1)).toEqual([5, 6, 7, 8, 9, 10]);
  expect(at(sheet, "B5")).toEqual({ kind: "number", value: 40000 });
  expect(at(sheet, "B7")).toEqual({ kind: "number", value: 0.5 });
  expect(at(sheet, "B9")).toEqual({ kind: "text", text: "CEJ" });
  expect(at(sheet, "B10")).toEqual({ kind: "text", text: "HT" });
  expect(textAt(sheet, "A9")).toBe("Clé de répartition entre bassins");
  // The names point at the same rows.
  expect(report.names.slice(1, 7).map((n) => [n.name, n.ref])).toEqual(
    PARAM_KEYS.map((k) => [PARAMETER_ROWS[k].name, `'Paramètres CTG'!$B$${PARAMETER_ROWS[k].row + 1}`]),
  );
});

test("validations: amounts ≥ 0 on B5:B6, rates 0–100 % on B7:B8, the key and the Caf base from lists", () => {
  const sheet = sheetOf(demoReport(), "parameters");
  expect(sheet.validations.map((v) => [v.type, v.ref])).toEqual([
    ["decimal", "B5:B6"],
    ["decimal", "B7:B8"],
    ["list", "B9"],
    ["list", "B10"],
  ]);
  expect(sheet.validations[1]).toMatchObject({ min: 0, max: 1 });
  expect(sheet.validations[2]).toMatchObject({ items: ["CEJ", "Population", "Communes", "Parts égales"] });
  expect(sheet.cells.every((c) => c.value.kind !== "formula")).toBe(true);
});
