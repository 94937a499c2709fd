// Cell addresses and names: the helpers the reader runs once per row must agree with the plain ones.

import fc from "fast-check";
import { gridAddress, gridAddresser, uniqueCaseless } from "../../src/core/cell";

test("gridAddresser gives gridAddress's address for every position, on any origin", () => {
  fc.assert(
    fc.property(
      fc.constantFrom("Financements", "Feuil 1", "L'été", "Données CEJ"),
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 700 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 800 })), {
        maxLength: 20,
      }),
      (sheet, top, left, positions) => {
        const origin = {
          sheet,
          topLeft: gridAddress({ sheet: "x", topLeft: "A1" }, top, left).split("!")[1] ?? "A1",
        };
        const at = gridAddresser(origin);
        for (const [r, c] of positions) expect(at(r, c)).toBe(gridAddress(origin, r, c));
      },
    ),
  );
  expect(gridAddresser({ sheet: "L'été", topLeft: "B4" })(2, 25)).toBe("'L''été'!AA6");
});

test("uniqueCaseless keeps the first spelling of each name, case ignored", () => {
  expect(uniqueCaseless(["Financements", "FINANCEMENTS", "Notes", "financements", "notes", "Autre"])).toEqual(
    ["Financements", "Notes", "Autre"],
  );
  expect(uniqueCaseless([])).toEqual([]);
});
