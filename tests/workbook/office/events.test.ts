// Watching sheets for edits (Worksheet.onChanged, ExcelApi 1.7) against the strict Excel fake: one
// request to register, one to remove, changes named by sheet, missing and deleted sheets harmless.

import {
  ExcelHostError,
  excelRunner,
  watchSheets,
  type ExcelRunner,
  type SheetChange,
} from "../../../src/workbook/office";
import { createExcelFake, type ExcelFake, type FakeOptions } from "../../fakes/excel-fake";

const PARAMS = "Paramètres CTG";
const INPUT = "Financements";

function setup(options: FakeOptions = {}): { fake: ExcelFake; run: ExcelRunner; changes: SheetChange[] } {
  const fake = createExcelFake({ sheets: [{ name: INPUT }, { name: PARAMS }, { name: "Notes" }] }, options);
  return { fake, run: excelRunner({ excelRun: fake.excelRun }), changes: [] };
}

test("registration is one request; a user's edit reaches the callback with the sheet's name and the address", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, [PARAMS, INPUT], (c) => changes.push(c));
  expect(fake.stats.syncs).toBe(1);
  expect(fake.liveHandlers()).toBe(2);
  expect(fake.liveHandlers("Notes")).toBe(0);

  await fake.emitChanged(PARAMS, "B5");
  await fake.emitChanged(INPUT, "a4:c9", "RowInserted");
  await fake.emitChanged("Notes", "A1"); // not watched
  expect(changes).toEqual([
    { sheet: PARAMS, address: "B5", changeType: "RangeEdited" },
    { sheet: INPUT, address: "A4:C9", changeType: "RowInserted" },
  ]);
  expect(fake.handlerErrors).toEqual([]);
  await stop();
});

test("missing sheets are skipped; names match without case, each sheet watched once", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, ["Nulle part", "paramètres ctg", PARAMS], (c) => changes.push(c));
  // Nothing is registered on a null object: the request with a missing sheet fails before any
  // registration, one request lists the sheets, one registers on those there (3; 1 when all exist).
  expect(fake.stats.syncs).toBe(3);
  expect(fake.liveHandlers()).toBe(1);
  await fake.emitChanged(PARAMS, "B6");
  expect(changes).toEqual([{ sheet: PARAMS, address: "B6", changeType: "RangeEdited" }]);
  fake.resetStats();
  await stop();
  expect(fake.stats.syncs).toBe(1);
  expect(fake.liveHandlers()).toBe(0);

  // Nothing to watch: no request at all.
  fake.resetStats();
  const none = await watchSheets(run, ["Nulle part"], (c) => changes.push(c));
  await none();
  expect(fake.stats.syncs).toBe(2); // the refused registration and the listing; nothing to remove
  expect(fake.liveHandlers()).toBe(0);
  fake.resetStats();
  await (
    await watchSheets(run, [], (c) => changes.push(c))
  )();
  expect(fake.stats.syncs).toBe(0);
});

test("after removal (one request) no callback and no live handler; removing twice is harmless", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, [PARAMS, INPUT], (c) => changes.push(c));
  fake.resetStats();
  await stop();
  expect(fake.stats.syncs).toBe(1);
  expect(fake.liveHandlers()).toBe(0);
  await fake.emitChanged(PARAMS, "B5");
  expect(changes).toEqual([]);
  await stop();
  expect(fake.stats.syncs).toBe(1); // the second call sends nothing
});

test("a change still on its way when the watch is removed does not reach the callback", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, [PARAMS], (c) => changes.push(c));
  const pending = fake.emitChanged(PARAMS, "B5"); // delivered later, as Office's events are
  await stop();
  await pending;
  expect(changes).toEqual([]);
});

test("a watched sheet deleted since does not make the removal throw, and the others' handlers go", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, [PARAMS, INPUT, "Notes"], (c) => changes.push(c));
  expect(fake.liveHandlers()).toBe(3);
  await run(async (context) => {
    context.workbook.worksheets.getItem(INPUT).delete();
    await context.sync();
  });
  expect(fake.liveHandlers()).toBe(2); // Excel dropped the deleted sheet's handler
  await expect(stop()).resolves.toBeUndefined();
  expect(fake.liveHandlers()).toBe(0);
  await fake.emitChanged(PARAMS, "B5");
  await fake.emitChanged("Notes", "B5");
  expect(changes).toEqual([]);
});

test("other failures of the removal are reported, explained", async () => {
  const { fake, run } = setup();
  const stop = await watchSheets(run, [PARAMS], () => undefined);
  fake.failNextSyncs({ code: "AccessDenied" });
  const err = await stop().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelHostError);
  expect(err).toMatchObject({ code: "AccessDenied" });
});

test("the add-in's own writes come back as changes (Excel reports them too), after the request", async () => {
  const { fake, run, changes } = setup();
  const stop = await watchSheets(run, [PARAMS], (c) => changes.push(c));
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(PARAMS);
    sheet.getRange("B5:C5").values = [[1, 2]];
    sheet.getRange("D7").formulas = [["=B5*2"]];
    sheet.getRange("E1").numberFormat = [["0.00"]]; // a format: no change of contents
    context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["x"]]; // not watched
    await context.sync();
    expect(changes).toEqual([]); // not yet: events come after the request
  });
  await fake.settleEvents();
  expect(changes).toEqual([
    { sheet: PARAMS, address: "B5:C5", changeType: "RangeEdited" },
    { sheet: PARAMS, address: "D7", changeType: "RangeEdited" },
  ]);
  await stop();
});

test("removal runs in the context the handlers were added in (Excel.run(context, …)), as Office requires", async () => {
  const { fake, run } = setup();
  const stop = await watchSheets(run, [PARAMS], () => undefined);
  fake.resetStats();
  await stop();
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 1 });
  expect(fake.liveHandlers()).toBe(0);

  // Outside a run of its context, a handler's removal is refused (the fake is strict about it).
  const result = await fake.run(async (context) => {
    const added = context.workbook.worksheets.getItem(PARAMS).onChanged.add(() => Promise.resolve());
    await context.sync();
    return added;
  });
  expect(() => result.remove()).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  await fake.excelRun(result.context, async (context) => {
    result.remove();
    await context.sync();
  });
  expect(fake.liveHandlers()).toBe(0);
});

test("without ExcelApi 1.7 the watch is refused, explained", async () => {
  const { fake, run } = setup({ apiVersion: "1.6" });
  const err = await watchSheets(run, [PARAMS], () => undefined).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExcelHostError);
  expect(err).toMatchObject({ code: "ApiNotFound" });
  expect(fake.liveHandlers()).toBe(0);
});

test("the fake: a handler is live only once its request is synced, and goes with its removal's sync", async () => {
  const { fake } = setup();
  const seen: string[] = [];
  await fake.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(PARAMS);
    const result = sheet.onChanged.add((args) => {
      seen.push(args.address);
      return Promise.resolve();
    });
    await fake.emitChanged(PARAMS, "A1"); // before the sync: no handler yet
    expect(fake.liveHandlers(PARAMS)).toBe(0);
    await context.sync();
    expect(fake.liveHandlers(PARAMS)).toBe(1);
    await fake.emitChanged(PARAMS, "A2");
    result.remove();
    result.remove(); // twice: one removal
    await fake.emitChanged(PARAMS, "A3"); // removal not synced yet: still live
    await context.sync();
    expect(fake.liveHandlers(PARAMS)).toBe(0);
    await fake.emitChanged(PARAMS, "A4");
  });
  expect(seen).toEqual(["A2", "A3"]);
});
