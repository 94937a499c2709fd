// Cell addresses and names: the helpers the reader runs once per row must agree with the plain ones.

import fc from "fast-check";
import { gridAddress, gridAddresser, rangeBounds, uniqueCaseless } from "../../src/core/cell";

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

test("rangeBounds: 0-based inclusive bounds whichever corners the range names; one cell; $ signs; refuses what is not a range", () => {
  expect(rangeBounds("B3:G4")).toEqual({ r1: 2, c1: 1, r2: 3, c2: 6 });
  expect(rangeBounds("$G$4:$B$3")).toEqual({ r1: 2, c1: 1, r2: 3, c2: 6 });
  expect(rangeBounds("C7")).toEqual({ r1: 6, c1: 2, r2: 6, c2: 2 });
  expect(() => rangeBounds("A1:B2:C3")).toThrow(RangeError);
  expect(() => rangeBounds("A:C")).toThrow(RangeError);
});
