// The bonus territoire in the application layer (issue #14): planWorkbook reads the facilities table
// against the plan's reference and the bonus parameters from the workbook's names, computes the bonus
// plan, and blocks on any error with the cell that causes it.

import { COMMUNES } from "../../src/core/communes";
import { computeBonusPlan } from "../../src/core/bonus";
import { bonusNames, DEFAULT_BONUS_PARAMS } from "../../src/core/bonus-params";
import type { RawValue } from "../../src/core/types";
import { planWorkbook, type WorkbookSnapshot } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { bonusInputOf } from "../helpers/bonus-input";

const DEMO = demoWorkbook(COMMUNES, "fr", { facilities: true });
const SNAPSHOT = snapshotPackage(openPackage(DEMO));

/** The demo's snapshot with its facilities grid changed by `edit` (a copy of the rows, header first). */
function withFacilities(edit: (grid: RawValue[][]) => RawValue[][]): WorkbookSnapshot {
  const facilities = SNAPSHOT.facilities;
  if (facilities == null) throw new Error("the demo has no facilities table");
  return { ...SNAPSHOT, facilities: { ...facilities, grid: edit(facilities.grid.map((r) => [...r])) } };
}

describe("planWorkbook: the bonus territoire", () => {
  it("plans the demo's facilities with the default parameters, as the engine does", () => {
    const result = planWorkbook(SNAPSHOT);
    expect(result.status).toBe("ready");
    if (result.status !== "ready") return;
    const expected = bonusInputOf(DEMO, result.reference);
    expect(result.bonus).toEqual(expected);
    expect(result.bonus?.plan.total).toBe(
      computeBonusPlan(expected.read.facilities, COMMUNES, DEFAULT_BONUS_PARAMS).total,
    );
    expect(result.bonus?.read.facilities[0]?.cells.commune).toBe("'Équipements CTG'!D5");
  });

  it("has no bonus without a facilities table, or with its header alone, and no issue for it", () => {
    for (const snapshot of [
      { ...SNAPSHOT, facilities: null },
      { ...SNAPSHOT, facilities: undefined },
      withFacilities((g) => g.slice(0, 1)),
      withFacilities((g) => [g[0] ?? [], ...g.slice(1).map((r) => r.map(() => null))]),
    ]) {
      const result = planWorkbook(snapshot);
      expect(result.status).toBe("ready");
      if (result.status === "ready") expect(result.bonus).toBeNull();
      expect(
        result.issues.filter((i) => i.code.startsWith("facility") || i.code.startsWith("bonus")),
      ).toEqual([]);
    }
  });

  it("blocks on an unknown commune, naming its cell", () => {
    const result = planWorkbook(
      withFacilities((g) => {
        (g[3] as RawValue[])[3] = "Paris";
        return g;
      }),
    );
    expect(result.status).toBe("blocked");
    expect(result.plan).toBeNull();
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: "facility-commune-unknown",
        severity: "error",
        cell: "'Équipements CTG'!D7",
      }),
    );
  });

  it("blocks on negative places, naming their cell", () => {
    const result = planWorkbook(
      withFacilities((g) => {
        (g[2] as RawValue[])[7] = -12;
        return g;
      }),
    );
    expect(result.status).toBe("blocked");
    expect(result.issues).toContainEqual(
      expect.objectContaining({ code: "facility-quantity-negative", cell: "'Équipements CTG'!H6" }),
    );
  });

  it("reads the bonus parameters from the workbook's names, and blocks on a bad one", () => {
    const cell = "'Paramètres CTG'!B14";
    const moved = planWorkbook({
      ...SNAPSHOT,
      bonusParameters: { [bonusNames.start("nord")]: { value: 2025, cell } },
    });
    expect(moved.status).toBe("ready");
    expect(moved.status === "ready" && moved.bonus?.params.ctg.nord.startYear).toBe(2025);
    expect(moved.status === "ready" && moved.bonus?.plan.years[0]).toBe(2024);

    const bad = planWorkbook({
      ...SNAPSHOT,
      bonusParameters: { [bonusNames.duration("sud")]: { value: 7, cell } },
    });
    expect(bad.status).toBe("blocked");
    expect(bad.issues).toContainEqual(expect.objectContaining({ code: "bonus-param-duration", cell }));
  });

  it("ignores the bonus parameters when there is no facilities table", () => {
    const result = planWorkbook({
      ...SNAPSHOT,
      facilities: null,
      bonusParameters: { [bonusNames.duration("sud")]: { value: 7, cell: "'Paramètres CTG'!B17" } },
    });
    expect(result.status).toBe("ready");
  });

  it("places each facility in the basin the user moved its commune to", () => {
    const first = planWorkbook(SNAPSHOT);
    if (first.status !== "ready" || first.bonus === null) throw new Error("not ready");
    const facility = first.bonus.plan.facilities.find((f) => f.basin === "sud");
    if (facility === undefined) throw new Error("no facility in the south basin");
    const moved = planWorkbook(SNAPSHOT, { basinMoves: { [facility.facility.insee]: "nord" } });
    if (moved.status !== "ready" || moved.bonus === null) throw new Error("not ready");
    const again = moved.bonus.plan.facilities.find((f) => f.facility.name === facility.facility.name);
    expect(again?.basin).toBe("nord");
    expect(again?.facility.basin).toBe("nord");
  });
});
