// Browser mode starts on the demo from its rows (src/taskpane/demo-host.ts): its snapshot, its plan
// and its inputs must be those of the demo workbook written and read back by the .xlsx code, and
// anything the rows cannot answer hands over to the file host.

import { COMMUNES } from "../../src/core/communes";
import type { Lang } from "../../src/core/types";
import { planWorkbook as planFromSnapshot, reportFromResult } from "../../src/app";
import { ready } from "../helpers/ready";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { DemoHost, demoSnapshot } from "../../src/taskpane/demo-host";
import { FileHost } from "../../src/taskpane/file-host";
import type { GenerateProgress } from "../../src/taskpane/host";

/** The demo workbook zipped and read back, as browser mode did before the first paint. */
function roundTrip(lang: Lang) {
  return snapshotPackage(openPackage(demoWorkbook(COMMUNES, lang)));
}

/** A demo host whose file host loads at once, counting the loads. */
function demoHost(lang: Lang): { host: DemoHost; loads: () => number } {
  let loads = 0;
  const host = new DemoHost(lang, async () => {
    loads += 1;
    return { FileHost };
  });
  return { host, loads: () => loads };
}

describe("the demo from its rows", () => {
  it.each<Lang>(["fr", "en"])("is the snapshot of the demo workbook read back (%s)", (lang) => {
    expect(demoSnapshot()).toEqual(roundTrip(lang));
    expect(demoSnapshot()).toEqual(
      snapshotPackage(openPackage(demoWorkbook(COMMUNES, lang)), { table: "Financements" }),
    );
  });

  it("gives the same plan, issues and figures as the zip round trip", () => {
    const direct = planFromSnapshot(demoSnapshot(), {});
    const zipped = planFromSnapshot(roundTrip("fr"), {});
    expect(direct.plan).not.toBeNull();
    expect(direct.plan?.total).toBe(135_000_000); // 1 350 000,00 €: the demo's total, in cents
    expect(direct).toEqual(zipped);
    // With the pane's own parameters too.
    const options = { params: { costHT: { value: 46000, cell: "Pane!costHT" } } } as const;
    expect(planFromSnapshot(demoSnapshot(), options)).toEqual(planFromSnapshot(roundTrip("fr"), options));
  });

  it("gives the same report as the zip round trip", async () => {
    const direct = demoSnapshot();
    const zipped = roundTrip("en");
    const options = { lang: "en", version: "test", now: new Date("2026-12-05T12:00:00Z") } as const;
    expect(await reportFromResult(direct, ready(planFromSnapshot(direct, {})), options)).toEqual(
      await reportFromResult(zipped, ready(planFromSnapshot(zipped, {})), options),
    );
  });

  it("answers the start without loading the .xlsx code", async () => {
    const { host, loads } = demoHost("fr");
    const file = FileHost.withDemo("fr");
    expect(host.kind).toBe("file");
    expect(host.file.name()).toBe("demo.xlsx");
    expect(host.file.isDemo()).toBe(true);
    expect(await host.listInputs()).toEqual(await file.listInputs());
    const table = { kind: "table", name: "Financements", sheet: "Financements" } as const;
    expect(await host.snapshot(null)).toEqual(await file.snapshot(null));
    expect(await host.snapshot(table)).toEqual(await file.snapshot(table));
    await expect(host.selectCell("Financements!F7")).resolves.toBeUndefined();
    await expect(host.activateSheet("Contrôles")).resolves.toBeUndefined();
    expect(loads()).toBe(0);
  });

  it("hands over to the file host for the sheet's used range", async () => {
    const { host, loads } = demoHost("fr");
    const sheet = { kind: "sheet", name: "Financements", sheet: "Financements" } as const;
    expect(await host.snapshot(sheet)).toEqual(await FileHost.withDemo("fr").snapshot(sheet));
    expect(loads()).toBe(1);
    expect(host.file.isDemo()).toBe(true);
  });

  it("generates into the demo workbook, as the file host does", async () => {
    const { host, loads } = demoHost("fr");
    const base = await host.snapshot(null);
    const steps: GenerateProgress[] = [];
    const done = await host.generate(
      {
        choice: null,
        base,
        build: async (fresh) => ({
          kind: "write",
          report: await reportFromResult(fresh, ready(planFromSnapshot(fresh, {})), {
            lang: "fr",
            version: "test",
          }),
        }),
      },
      (p) => steps.push(p),
    );
    expect(loads()).toBe(1);
    expect(steps.map((s) => s.step)).toEqual(["prepare", "sheet", "save", "done"]);
    if (done.kind !== "written") throw new Error("not written");
    expect(done.outcome.sheets).toContain("Contrôles");
    expect(done.outcome.download?.fileName).toBe("demo.ctg.xlsx");
    if (done.outcome.download !== undefined) URL.revokeObjectURL(done.outcome.download.url);
    // From now on the pane reads the workbook as generated (its parameters sheet).
    expect((await host.snapshot(null)).parameters).not.toEqual({});
    // The demo again: from its rows.
    await host.file.openDemo("en");
    expect(await host.snapshot(null)).toEqual(roundTrip("en"));
  });

  it("opens a picked file, refuses one that is not a workbook, and goes back to the demo", async () => {
    const { host } = demoHost("en");
    await expect(host.file.open(new File(["not a zip"], "notes.xlsx"))).rejects.toMatchObject({
      name: "WorkbookFileError",
      reason: "not-a-zip",
    });
    expect(host.file.name()).toBe("demo.xlsx"); // unchanged
    expect(host.file.isDemo()).toBe(true);
    const bytes = createWorkbook([
      {
        name: "Data",
        rows: [
          ["Commune", "Montant"],
          ["Blanzy", 10],
        ],
      },
    ]);
    await host.file.open(new File([bytes.slice().buffer as ArrayBuffer], "mine.xlsx"));
    expect(host.file.name()).toBe("mine.xlsx");
    expect(host.file.isDemo()).toBe(false);
    expect((await host.snapshot(null)).input.sheet).toBe("Data");
    expect(await host.listInputs()).toEqual([{ kind: "sheet", name: "Data", sheet: "Data" }]);
    await host.file.openDemo("en");
    expect(host.file.name()).toBe("demo.xlsx");
    expect(host.file.isDemo()).toBe(true);
    expect(await host.snapshot(null)).toEqual(demoSnapshot());
  });
});
