import { COMMUNES } from "../../src/core/communes";
import { planWorkbook, reportFromResult } from "../../src/app";
import { defaultChoice, excelRunner, officeChoice, paneProgress } from "../../src/workbook/office";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { ExcelPaneHost } from "../../src/taskpane/excel-host";
import type { GenerateProgress } from "../../src/taskpane/host";
import { progressLabel } from "../../src/taskpane/model";
import { fakeFromXlsx } from "../fakes/from-xlsx";
import { generateReport } from "../helpers/generate";
import { ready } from "../helpers/ready";

function hostOn(bytes: Uint8Array): { host: ExcelPaneHost; fake: ReturnType<typeof fakeFromXlsx> } {
  const fake = fakeFromXlsx(bytes);
  return {
    host: new ExcelPaneHost(excelRunner({ excelRun: fake.excelRun }), { supports: fake.supports }),
    fake,
  };
}

describe("the Excel host (on the strict Excel fake)", () => {
  it("lists the tables, the sheets and the selection, and reads what the file adapter reads", async () => {
    const bytes = demoWorkbook(COMMUNES, "fr");
    const { host } = hostOn(bytes);
    expect(host.kind).toBe("excel");
    expect(await host.listInputs()).toEqual([
      { kind: "table", name: "Financements", sheet: "Financements" },
      { kind: "sheet", name: "Financements", sheet: "Financements" },
      { kind: "selection", name: "", sheet: "" },
    ]);
    const snapshot = await host.snapshot(null);
    expect(snapshot).toEqual(snapshotPackage(openPackage(bytes), { table: "Financements" }));
  });

  it("writes the report, telling each step, and goes to cells and sheets", async () => {
    const { host, fake } = hostOn(demoWorkbook(COMMUNES, "fr"));
    const snapshot = await host.snapshot({ kind: "table", name: "Financements", sheet: "Financements" });
    const result = planWorkbook(snapshot, {});
    const report = await reportFromResult(snapshot, ready(result), { lang: "fr", version: "test" });
    const steps: GenerateProgress[] = [];
    const outcome = await generateReport(host, snapshot, report, (p) => steps.push(p));
    expect(outcome.sheets).toEqual(report.sheets.map((s) => s.name));
    expect(outcome.download).toBeUndefined();
    expect(steps.length).toBeGreaterThan(1);
    expect(steps[steps.length - 1]?.step).toBe("done");
    for (const p of steps) expect(progressLabel(p, "fr")).not.toMatch(/undefined/);
    expect(fake.state.sheets.map((s) => s.name)).toContain("Contrôles");
    await host.activateSheet("Contrôles");
    expect(fake.state.activeSheet?.name).toBe("Contrôles");
    await host.selectCell("Financements!F7");
    expect(fake.state.activeSheet?.name).toBe("Financements");
    await expect(host.selectCell("F7")).rejects.toMatchObject({ name: "ExcelHostError" });
  });

  it("goes to a facility's cell, on the quoted sheet `'Équipements CTG'` (the check lists it so)", async () => {
    const { host, fake } = hostOn(demoWorkbook(COMMUNES, "fr", { facilities: true }));
    await host.selectCell("'Équipements CTG'!D7");
    expect(fake.state.activeSheet?.name).toBe("Équipements CTG");
    expect(fake.state.selection?.sheet.name).toBe("Équipements CTG");
    expect(fake.state.selection?.bounds).toEqual({ r1: 6, c1: 3, r2: 6, c2: 3 });
    await expect(host.selectCell("'Équipements'!D7")).rejects.toMatchObject({ name: "ExcelHostError" });
  });

  it("picks the funding table, else the first sheet; says when there is nothing to read", async () => {
    expect(
      defaultChoice({
        tables: [
          { name: "Autre", sheet: "A", rowCount: 1, headers: ["Nom", "Valeur"] },
          { name: "Fin", sheet: "B", rowCount: 3, headers: ["Commune", "Montant CEJ"] },
        ],
        sheets: [{ name: "A" }, { name: "B" }],
        productSheets: [],
      }),
    ).toEqual({ kind: "table", name: "Fin", sheet: "B" });
    expect(defaultChoice({ tables: [], sheets: [{ name: "Feuil1" }], productSheets: [] })).toEqual({
      kind: "sheet",
      name: "Feuil1",
      sheet: "Feuil1",
    });
    expect(defaultChoice({ tables: [], sheets: [], productSheets: [] })).toBeNull();
    const { host } = hostOn(
      createWorkbook([
        {
          name: "Feuil1",
          rows: [
            ["Commune", "Montant"],
            ["Blanzy", 10],
          ],
        },
      ]),
    );
    expect((await host.snapshot(null)).input.sheet).toBe("Feuil1");
    expect(officeChoice({ kind: "selection", name: "", sheet: "" })).toEqual({ selection: true });
    expect(officeChoice({ kind: "sheet", name: "S", sheet: "S" })).toEqual({ sheet: "S" });
    expect(paneProgress({ step: "values", index: 2, total: 9, request: 1, requests: 1 })).toEqual({
      step: "values",
      done: 2,
      total: 9,
    });
  });
});
