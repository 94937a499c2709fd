// The snapshot's read of a large input under Excel on the web's 5 MB limits: a small input in one
// request, a large one in a bounded first request then blocks, no response refused, and the same
// grid as a one-request read of the whole input.

import { COMMUNES } from "../../../src/core/communes";
import type { RawValue } from "../../../src/core/types";
import { excelRunner, snapshotExcel, type ExcelRunner } from "../../../src/workbook/office";
import { rawGrid, type InputChoice } from "../../../src/workbook/office/read";
import {
  createExcelFake,
  type ExcelFake,
  type FakeInit,
  type FakeOptions,
  type FakeScalar,
} from "../../fakes/excel-fake";

const WEB_LIMIT = 5_000_000;
const LIMITS: FakeOptions = { maxRequestBytes: WEB_LIMIT, maxResponseBytes: WEB_LIMIT };
const HEADERS = ["Commune", "Code INSEE", "Domaine", "Année", "Montant CEJ"];
const noSleep = async (): Promise<void> => undefined;

/** Funding rows as a finance officer types them (5 columns), or `width` columns of amounts. */
function fundingRows(count: number, width = HEADERS.length, text = ""): FakeScalar[][] {
  return Array.from({ length: count }, (_x, i) => {
    const c = COMMUNES[i % COMMUNES.length];
    if (c === undefined) throw new Error("no commune");
    const row: FakeScalar[] = [
      `${c.name}${text}`,
      c.insee,
      i % 2 === 0 ? "Enfance" : "Jeunesse",
      2015 + (i % 10),
      50 + (i % 997) / 100,
    ];
    for (let k = row.length; k < width; k += 1) row.push(k * 1000 + (i % 100) / 100);
    return row.slice(0, width);
  });
}

function headersOf(width: number): string[] {
  return Array.from({ length: width }, (_x, k) => HEADERS[k] ?? `Colonne ${k + 1}`);
}

/** A workbook whose sheet `Financements` holds the table `Financements` of `rows` rows at `topLeft`. */
function tableInit(rows: number, options: { topRow?: number; width?: number; text?: string } = {}): FakeInit {
  const top = options.topRow ?? 1;
  const width = options.width ?? HEADERS.length;
  const last = String.fromCharCode(64 + width);
  return {
    sheets: [
      {
        name: "Financements",
        tables: [
          {
            name: "Financements",
            range: `A${top}:${last}${top + rows}`,
            headers: headersOf(width),
            values: fundingRows(rows, width, options.text),
          },
        ],
      },
    ],
  };
}

/** A sheet of plain cells (no table): the header and `rows` rows from A1. */
function sheetInit(rows: number, selection?: string): FakeInit {
  return {
    sheets: [{ name: "Données", grid: { topLeft: "A1", rows: [HEADERS, ...fundingRows(rows)] } }],
    ...(selection === undefined ? {} : { active: "Données", selection }),
  };
}

/** The input's grid as one request reads it whole, on a fake without limits. */
async function oneRequestGrid(init: FakeInit, choice: InputChoice): Promise<RawValue[][]> {
  const fake = createExcelFake(init);
  return fake.excelRun(async (context) => {
    const range =
      "table" in choice
        ? context.workbook.tables.getItem(choice.table).getRange()
        : "sheet" in choice
          ? context.workbook.worksheets.getItem(choice.sheet).getUsedRange(true)
          : context.workbook
              .getSelectedRange()
              .getIntersectionOrNullObject(context.workbook.getSelectedRange().worksheet.getUsedRange(true));
    range.load("values");
    await context.sync();
    return rawGrid(range.values);
  });
}

function limited(init: FakeInit): { fake: ExcelFake; run: ExcelRunner } {
  const fake = createExcelFake(init, LIMITS);
  return { fake, run: excelRunner({ excelRun: fake.excelRun, sleep: noSleep }) };
}

/**
 * Requests of the first read for `rows` rows of 5 columns: the window's 12 500 rows in the first,
 * then blocks of 2 MB at twice the ~10 bytes the window's cells took (19 920 rows).
 */
function expectedRequests(rows: number): number {
  return 1 + Math.max(0, Math.ceil((rows + 1 - 12_500) / 19_920));
}

describe.each([100, 10_000, 100_000])("a table of %i rows under the 5 MB limits", (rows) => {
  test("no refused response, the designed request count, the one-request grid", async () => {
    const init = tableInit(rows);
    const { fake, run } = limited(init);
    const snapshot = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(expectedRequests(rows));
    expect(fake.stats.syncs).toBe(rows <= 10_000 ? 1 : 6);
    expect(fake.stats.responseBytes).toHaveLength(fake.stats.syncs);
    for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(snapshot.input.grid).toEqual(await oneRequestGrid(init, { table: "Financements" }));
    expect(snapshot.input.grid).toHaveLength(rows + 1);
    expect(snapshot.input.origin).toEqual({ sheet: "Financements", topLeft: "A1" });

    // The next read (the pane re-reads after an edit): at twice the ~10 bytes a cell the first read
    // measured (20), a window of 24 900 rows and blocks of 19 900: 1 + 4 requests at 100 000 rows.
    fake.resetStats();
    const again = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(rows <= 10_000 ? 1 : 5);
    for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(again).toEqual(snapshot);
  }, 120_000);
});

test("a sheet's used range and a whole-column selection beyond the window: blocks after the window, the same grid", async () => {
  const rows = 30_000;
  for (const [init, choice] of [
    [sheetInit(rows), { sheet: "Données" }],
    [sheetInit(rows, "A:E"), { selection: true }],
  ] as const) {
    const { fake, run } = limited(init);
    const snapshot = await snapshotExcel(run, choice);
    expect(fake.stats.syncs).toBe(expectedRequests(rows));
    for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(snapshot.input.grid).toEqual(await oneRequestGrid(init, choice));
    expect(snapshot.input.grid).toHaveLength(rows + 1);
  }
}, 120_000);

test("a small selection or an empty sheet: one request", async () => {
  const init = sheetInit(50, "B3:C7");
  const { fake, run } = limited(init);
  const snapshot = await snapshotExcel(run, { selection: true });
  expect(fake.stats.syncs).toBe(1);
  expect(snapshot.input.grid).toEqual(await oneRequestGrid(init, { selection: true }));
  expect(snapshot.input.origin).toEqual({ sheet: "Données", topLeft: "B3" });

  const empty = limited({ sheets: [{ name: "Vide" }] });
  const none = await snapshotExcel(empty.run, { sheet: "Vide" });
  expect(empty.fake.stats.syncs).toBe(1);
  expect(none.input.grid).toEqual([]);
});

test("an input the first window does not hold (wide, or low on its sheet): blocks once, then one request", async () => {
  for (const options of [{ width: 20 }, { topRow: 20_001 }]) {
    const init = tableInit(1_000, options);
    const { fake, run } = limited(init);
    const expected = await oneRequestGrid(init, { table: "Financements" });
    const first = await snapshotExcel(run, { table: "Financements" });
    // The window (A1:H12500) misses the input's top-left part: its size is known, it is read in blocks.
    expect(fake.stats.syncs).toBe(2);
    expect(first.input.grid).toEqual(expected);
    // The runner remembers where the input is and how wide: the next read is one request.
    fake.resetStats();
    const second = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(1);
    expect(second).toEqual(first);
  }
}, 120_000);

test("an input that moved since the last read is read in blocks from its first row, never with a gap", async () => {
  // One runner (one pane session) over a workbook whose table went from row 8 up to row 5 (rows
  // deleted above it): the remembered window starts at row 8, below the table's first row.
  const before = createExcelFake(tableInit(200, { topRow: 8 }), LIMITS);
  const afterInit = tableInit(200, { topRow: 5 });
  const after = createExcelFake(afterInit, LIMITS);
  let current = before;
  const excelRun = ((batch: (context: Excel.RequestContext) => Promise<unknown>) =>
    current.excelRun(batch)) as typeof Excel.run;
  const run = excelRunner({ excelRun, sleep: noSleep });
  await snapshotExcel(run, { table: "Financements" });
  expect(before.stats.syncs).toBe(1);
  current = after;
  const moved = await snapshotExcel(run, { table: "Financements" });
  expect(after.stats.syncs).toBe(2);
  expect(moved.input.origin).toEqual({ sheet: "Financements", topLeft: "A5" });
  expect(moved.input.grid).toEqual(await oneRequestGrid(afterInit, { table: "Financements" }));
  for (const bytes of after.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
});

test("cells far above the estimate (long texts): the refused response is read again in blocks", async () => {
  // 450-character communes: about 500 bytes a row, 2.5 times the estimated 200 (5 cells of 40).
  const init = tableInit(12_000, { text: " — ".padEnd(450, "x") });
  const { fake, run } = limited(init);
  const snapshot = await snapshotExcel(run, { table: "Financements" }, { blockBytes: 1_000_000 });
  const refused = fake.stats.responseBytes.filter((b) => b > WEB_LIMIT);
  expect(refused).toHaveLength(1);
  expect(fake.stats.responseBytes.slice(1).every((b) => b <= WEB_LIMIT)).toBe(true);
  expect(snapshot.input.grid).toEqual(await oneRequestGrid(init, { table: "Financements" }));

  // The runner now knows what these cells take: the next read sizes its window and blocks for it.
  fake.resetStats();
  const again = await snapshotExcel(run, { table: "Financements" }, { blockBytes: 1_000_000 });
  for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
  expect(fake.stats.syncs).toBeGreaterThan(2);
  expect(again).toEqual(snapshot);
}, 120_000);
