// `Communes CTG`: the 34 reference communes as the table CTG_Communes, header on row 4.

import { COMMUNES_LAYOUT, COMMUNES_TABLE } from "../../../src/report";
import { at, demoReport, sheetOf, textAt } from "./fixture";

test("layout: the table A4:G38, one commune per row from row 5, basin and confirmed as lists", () => {
  const sheet = sheetOf(demoReport(), "communes");
  expect(COMMUNES_LAYOUT.first).toBe(4);
  expect(sheet.tables).toEqual([
    {
      name: COMMUNES_TABLE,
      ref: "A4:G38",
      columns: [
        "Code INSEE",
        "Commune",
        "Bassin",
        "Population municipale",
        "Année de la population",
        "Bassin confirmé",
        "Ancien CEJ",
      ],
      style: "TableStyleLight9",
    },
  ]);
  expect(textAt(sheet, "B5")).toBeTruthy();
  expect(["Nord", "Sud"]).toContain(textAt(sheet, "C5"));
  expect(at(sheet, "D5")?.kind).toBe("number");
  expect(sheet.validations.map((v) => v.ref)).toEqual(["C5:C38", "F5:F38"]);
  expect(sheet.validations[0]).toMatchObject({ items: ["Nord", "Sud"] });
  expect(sheet.cells.every((c) => c.value.kind !== "formula")).toBe(true);
});
