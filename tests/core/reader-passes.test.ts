// The reader measures the rows' width in its pass over the rows (not in a pass of its own), and the
// search for identical rows reuses its scratch arrays from one reading to the next: both must give
// exactly what the row-by-row reader gave before.

import { COMMUNES } from "../../src/core/communes";
import { readFundingTable } from "../../src/core/reader";
import type { RawValue, ReadOptions } from "../../src/core/types";
import { readFundingTable as readBefore } from "./reference/reader-before";

const OPTIONS: ReadOptions = { origin: { sheet: "Financements", topLeft: "A1" }, communes: COMMUNES };

function sameAsBefore(grid: RawValue[][], options: ReadOptions): string {
  const text = JSON.stringify(readFundingTable(grid, options));
  expect(text).toBe(JSON.stringify(readBefore(grid, options)));
  return text;
}

/** A table of `count` rows, every `every`-th one a copy of the row `every` rows above. */
function table(count: number, every: number): RawValue[][] {
  const rows: RawValue[][] = [["Commune", "Code INSEE", "Domaine", "Année", "Montant"]];
  for (let i = 0; i < count; i += 1) {
    const source = i >= every && i % every === 0 ? rows[i + 1 - every] : undefined;
    const c = COMMUNES[i % COMMUNES.length];
    rows.push(source ? [...source] : [c?.name ?? "", c?.insee ?? "", "Enfance", 2015 + (i % 10), i + 0.25]);
  }
  return rows;
}

describe("readFundingTable: the rows' width and the duplicate search's scratch arrays", () => {
  it("gives the headers up to the widest row, when that row is below the header", () => {
    const grid: RawValue[][] = [
      ["Titre"],
      ["Commune", "Montant"],
      ["Besançon", 10],
      ["Besançon", 20, null, null, "note", null, null],
      ["Besançon", 30, null],
    ];
    const options = { ...OPTIONS, headerRow: 1 };
    const result = JSON.parse(sameAsBefore(grid, options)) as { headers: string[] };
    expect(result.headers).toEqual(["Commune", "Montant", "", "", "", "", ""]);
    // The same with an error in the head (no amount column): the headers are still padded.
    const noAmount = grid.map((row, r) => (r === 1 ? ["Commune", "Autre"] : row));
    const failed = JSON.parse(sameAsBefore(noAmount, options)) as { headers: string[] };
    expect(failed.headers).toHaveLength(7);
  });

  it("checks a chosen column against the widest row, data rows included", () => {
    const grid: RawValue[][] = [
      ["Commune", "Montant"],
      ["Besançon", 10, "Jeunesse"],
      ["Besançon", 20, "Enfance", "", ""],
    ];
    for (const domain of [2, 4, 5, 9]) {
      const text = sameAsBefore(grid, { ...OPTIONS, mapping: { domain } });
      expect(text.includes("mapping-out-of-range")).toBe(domain >= 5);
    }
  });

  it("skips the holes of a sparse grid, and throws on a row given as undefined, as before", () => {
    const name = COMMUNES[0]?.name ?? "";
    const sparse: RawValue[][] = [
      ["Commune", "Montant"],
      [name, 10],
    ];
    sparse[3] = [name, 20, "note"];
    const read = readFundingTable(sparse, OPTIONS);
    expect(read.headers).toEqual(["Commune", "Montant", ""]);
    expect(read.rows.map((r) => r.sheetRow)).toEqual([2, 4]);
    const missing = undefined as unknown as RawValue[];
    // A row given as undefined above the header (measured with the head), then below it.
    for (const grid of [[missing, ...sparse.slice()], sparse.slice().fill(missing, 2, 3)]) {
      expect(() => readFundingTable(grid, OPTIONS)).toThrow(TypeError);
      expect(() => readBefore(grid, OPTIONS)).toThrow(TypeError);
    }
  });

  it("finds the same identical rows when the table grows and shrinks between readings", () => {
    const counts = [3000, 2000, 5000, 5001, 1000, 5002];
    const duplicates = counts.map((count) => {
      const text = sameAsBefore(table(count, 7), OPTIONS);
      return text.split('"duplicate-row"').length - 1;
    });
    expect(duplicates).toEqual(counts.map((count) => Math.floor((count - 1) / 7)));
  });
});
