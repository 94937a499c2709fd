// The pane follows the workbook's edits (issue #5): change events are debounced into one read of the
// workbook, never two reads at once; on the strict Excel fake, a burst of edits costs one request.

import { COMMUNES } from "../../src/core/communes";
import { excelRunner } from "../../src/workbook/office";
import { planWorkbook } from "../../src/app";
import { summarizeWorkbook } from "../helpers/summarize";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { ExcelPaneHost } from "../../src/taskpane/excel-host";
import { debouncedRefresh } from "../../src/taskpane/follow";
import type { InputChoice } from "../../src/taskpane/host";
import { watchedSheets } from "../../src/taskpane/model";
import { fakeFromXlsx } from "../fakes/from-xlsx";

describe("debouncedRefresh (fake timers)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("reads once after a burst of edits, delayMs after the last", async () => {
    const refresh = jest.fn(() => Promise.resolve());
    const r = debouncedRefresh(refresh, 300);
    for (let i = 0; i < 10; i += 1) {
      r.poke();
      await jest.advanceTimersByTimeAsync(100);
    }
    expect(refresh).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(199); // 299 ms since the last edit
    expect(refresh).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it("never reads twice at once: edits during a read make one more read after it", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const refresh = jest.fn(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      inFlight -= 1;
    });
    const r = debouncedRefresh(refresh, 300);
    r.poke();
    await jest.advanceTimersByTimeAsync(300); // the read starts
    expect(refresh).toHaveBeenCalledTimes(1);
    r.poke();
    r.poke();
    await jest.advanceTimersByTimeAsync(1000); // the first read ends; the second is scheduled
    await jest.advanceTimersByTimeAsync(300);
    expect(refresh).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(maxInFlight).toBe(1);
  });

  it("tells a failed read, and reads nothing once disposed", async () => {
    const errors: unknown[] = [];
    const refresh = jest.fn(() => Promise.reject(new Error("table deleted")));
    const r = debouncedRefresh(refresh, 300, (e) => errors.push(e));
    r.poke();
    await jest.advanceTimersByTimeAsync(300);
    expect(errors).toEqual([new Error("table deleted")]);
    r.poke();
    r.dispose();
    r.poke();
    await jest.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });
});

describe("following edits on the strict Excel fake", () => {
  const CHOICE: InputChoice = { kind: "table", name: "Financements", sheet: "Financements" };

  async function generatedHost() {
    const result = await summarizeWorkbook(demoWorkbook(COMMUNES, "fr"), { lang: "fr", version: "test" });
    if (result.output === null) throw new Error("errors");
    const fake = fakeFromXlsx(result.output);
    const host = new ExcelPaneHost(excelRunner({ excelRun: fake.excelRun }), { supports: fake.supports });
    return { fake, host };
  }

  it("watches the input, parameters, communes and scenarios sheets; a burst of edits is one read", async () => {
    const { fake, host } = await generatedHost();
    const first = await host.snapshot(CHOICE);
    const sheets = watchedSheets(first);
    // The demo's facilities table (issue #14) is followed too: an edit there changes the bonus territoire.
    expect(sheets).toEqual([
      "Financements",
      "Équipements CTG",
      "Paramètres CTG",
      "Communes CTG",
      "Scénarios CTG",
    ]);

    const before = fake.stats.syncs;
    const snapshots: number[] = [];
    const refresher = debouncedRefresh(async () => {
      const s = await host.snapshot(CHOICE);
      snapshots.push(planWorkbook(s).plan?.engineering.costHT ?? -1);
    }, 50);
    const stop = await host.watch(sheets, () => refresher.poke());
    expect(fake.stats.syncs - before).toBe(1); // registering: one request
    expect(fake.liveHandlers()).toBe(5); // one per sheet followed

    // The user types a new cost in Paramètres CTG, then edits three cells of the funding table.
    const afterRegister = fake.stats.syncs;
    const params = fake.state.sheets.find((s) => s.name === "Paramètres CTG");
    if (params === undefined) throw new Error("no Paramètres CTG");
    params.ensure(4, 1).value = 46000; // B5: CTG_CoutHT
    await fake.emitChanged("Paramètres CTG", "B5");
    for (const cell of ["F5", "F6", "F7"]) await fake.emitChanged("Financements", cell);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(snapshots).toEqual([4_600_000]); // one refresh, which sees the new cost…
    expect(fake.stats.syncs - afterRegister).toBe(1); // …which is one request: no sync in a loop

    // An edit elsewhere (a sheet of the user's not watched) reads nothing.
    await fake.emitChanged("Synthèse CEJ", "A1");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(snapshots).toHaveLength(1);

    await stop();
    expect(fake.liveHandlers()).toBe(0);
    await fake.emitChanged("Financements", "F8");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(snapshots).toHaveLength(1);
    refresher.dispose();
  });
});
