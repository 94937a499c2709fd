// The .xlsx snapshot of the bonus territoire (issue #14): the facilities table `Équipements CTG` (by its
// table name, else the sheet), never taken as the funding rows; the `CTG_B_*` names of a previous run,
// read back with their cells, so that a finance officer's edit of a bonus parameter is kept.

import { COMMUNES } from "../../../src/core/communes";
import { DEMO_HEADERS, demoRows } from "../../../src/core/demo";
import { bonusDemoGrid } from "../../../src/core/bonus-demo";
import { bonusNames, DEFAULT_BONUS_PARAMS } from "../../../src/core/bonus-params";
import type { RawValue } from "../../../src/core/types";
import { planWorkbook, reportFromResult } from "../../../src/app";
import { bonusParamRows, reportLabels } from "../../../src/report";
import { createWorkbook, type NewSheet } from "../../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/workbook";
import { applyReport } from "../../../src/workbook/xlsx/write";
import { patchCells } from "../../helpers/patch-xlsx";
import { ready } from "../../helpers/ready";

const FUNDING: NewSheet = {
  name: "Données",
  rows: [[...DEMO_HEADERS], ...demoRows(COMMUNES)],
  table: { name: "Financements", headerRow: 0 },
};
const FACILITIES: readonly RawValue[][] = bonusDemoGrid(COMMUNES);

describe("snapshotPackage: the facilities table", () => {
  it("reads the demo's `Équipements CTG` table, and the funding rows from `Financements`", () => {
    const snapshot = snapshotPackage(openPackage(demoWorkbook(COMMUNES, "fr", { facilities: true })));
    expect(snapshot.input.table).toBe("Financements");
    expect(snapshot.facilities?.table).toBe("CTG_Equipements");
    expect(snapshot.facilities?.sheet).toBe("Équipements CTG");
    expect(snapshot.facilities?.origin).toEqual({ sheet: "Équipements CTG", topLeft: "A4" });
    // Dates are stored as serial numbers, as Excel gives them too.
    const serial = (v: RawValue): RawValue =>
      v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : v;
    expect(snapshot.facilities?.grid).toEqual(FACILITIES.map((r) => r.map(serial)));
    expect(snapshot.bonusParameters).toEqual({});
  });

  it("has no facilities without the table or the sheet", () => {
    const snapshot = snapshotPackage(openPackage(demoWorkbook(COMMUNES, "fr", { facilities: false })));
    expect(snapshot.facilities).toBeNull();
  });

  it("never takes the facilities table as the funding rows, even when it comes first", async () => {
    const facilitiesFirst: NewSheet = {
      name: "Équipements CTG",
      rows: FACILITIES,
      table: { name: "CTG_Equipements", headerRow: 0 },
    };
    const bytes = createWorkbook([facilitiesFirst, FUNDING]);
    const snapshot = snapshotPackage(openPackage(bytes));
    expect(snapshot.input.table).toBe("Financements");
    expect(snapshot.facilities?.table).toBe("CTG_Equipements");
    const inputs = await new XlsxWorkbook(bytes).listInputs();
    expect(inputs.map((i) => i.name)).toEqual(["Financements", "Données"]);
  });

  it("reads a facilities table of another name on the sheet, and the sheet's range without a table", () => {
    const named = createWorkbook([
      { name: "Équipements CTG", rows: FACILITIES, table: { name: "MesEquipements", headerRow: 0 } },
      FUNDING,
    ]);
    const byTable = snapshotPackage(openPackage(named));
    expect(byTable.facilities?.table).toBe("MesEquipements");
    expect(byTable.input.table).toBe("Financements");

    const plain = createWorkbook([
      { name: "Équipements CTG", rows: [["Équipements (fictifs)"], [], ...FACILITIES] },
      { name: "Données", rows: [[...DEMO_HEADERS], ...demoRows(COMMUNES)] },
    ]);
    const bySheet = snapshotPackage(openPackage(plain));
    expect(bySheet.facilities?.table).toBeNull();
    expect(bySheet.facilities?.origin.topLeft).toBe("A1");
    expect(bySheet.input.sheet).toBe("Données");
    const result = ready(planWorkbook(bySheet));
    expect(result.bonus?.read.facilities.length).toBe(FACILITIES.length - 1);
    expect(result.bonus?.read.facilities[0]?.cells.facility).toBe("'Équipements CTG'!A4");
  });
});

describe("snapshotPackage: the bonus parameters of a previous run", () => {
  const demo = demoWorkbook(COMMUNES, "fr", { facilities: true });
  const first = snapshotPackage(openPackage(demo));

  async function generated(): Promise<Uint8Array> {
    const report = await reportFromResult(first, ready(planWorkbook(first)), {
      lang: "fr",
      version: "test",
      now: new Date("2026-12-05T12:00:00Z"),
    });
    return applyReport(demo, report);
  }

  it("reads every CTG_B_* name with its cell, and plans with the same parameters", async () => {
    const bytes = await generated();
    const snapshot = snapshotPackage(openPackage(bytes));
    const rows = bonusParamRows(DEFAULT_BONUS_PARAMS, reportLabels("fr"), "fr");
    expect(Object.keys(snapshot.bonusParameters ?? {}).sort()).toEqual(rows.map((r) => r.name).sort());
    for (const r of rows)
      expect(snapshot.bonusParameters?.[r.name]).toEqual({
        value: r.value,
        cell: `'Paramètres CTG'!B${r.row + 1}`,
      });
    const again = ready(planWorkbook(snapshot));
    expect(again.issues).toEqual([]);
    expect(again.bonus?.params).toEqual(DEFAULT_BONUS_PARAMS);
  });

  it("keeps a finance officer's edit of a bonus parameter, and names a bad one's cell", async () => {
    const bytes = await generated();
    const row = bonusParamRows(DEFAULT_BONUS_PARAMS, reportLabels("fr"), "fr").find(
      (r) => r.name === bonusNames.start("sud"),
    )?.row;
    if (row === undefined) throw new Error("no start row");
    const edited = snapshotPackage(
      openPackage(patchCells(bytes, "Paramètres CTG", { [`B${row + 1}`]: 2025 })),
    );
    expect(ready(planWorkbook(edited)).bonus?.params.ctg.sud.startYear).toBe(2025);

    const bad = snapshotPackage(openPackage(patchCells(bytes, "Paramètres CTG", { [`B${row + 1}`]: 1999 })));
    const result = planWorkbook(bad);
    expect(result.status).toBe("blocked");
    expect(result.issues).toEqual([
      {
        code: "bonus-param-year",
        severity: "error",
        cell: `'Paramètres CTG'!B${row + 1}`,
        data: { name: bonusNames.start("sud"), param: "ctg", value: "1999" },
      },
    ]);
  });
});
