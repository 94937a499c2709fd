// The fault corpus through the Office.js adapter on the strict Excel fake, loaded with the same
// sheets, values, tables and markers as the file: snapshotExcel (reading what the .xlsx adapter chose:
// the same table, or the same sheet's used range) + planWorkbook give the same origin, the same
// issues at the same cells, the same rows and total, in one request.

import { excelRunner, listInputs, snapshotExcel, type InputChoice } from "../../src/workbook/office";
import { planWorkbook } from "../../src/app";
import { BAD_CASES } from "../fixtures/make-bad-corpus";
import { brief, expectIssues, fakeOf, RUNNABLE, snapshotOf } from "./corpus-helpers";

const noSleep = async (): Promise<void> => undefined;

test.each(RUNNABLE.filter((c) => c.officeSkip === undefined).map((c) => [c.id, c] as const))(
  "%s: the same outcome as the .xlsx adapter",
  async (_id, c) => {
    const bytes = c.build();
    const input = snapshotOf(bytes).input;
    const fake = fakeOf(bytes);
    const run = excelRunner({ excelRun: fake.excelRun, sleep: noSleep });
    const choice: InputChoice = input.table !== null ? { table: input.table } : { sheet: input.sheet };
    const snapshot = await snapshotExcel(run, choice);
    // One request for the whole read; a sheet beyond the first request's 12 500-row window (row-limit:
    // down to Excel's last row, 3 million cells) in blocks after it, no response above 4 MB.
    if (input.grid.length <= 12_500) expect(fake.stats.syncs).toBe(1);
    else expect(fake.stats.syncs).toBeGreaterThan(1);
    for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(4_000_000);
    expect(snapshot.input.origin).toEqual(input.origin);
    expect(snapshot.input.table).toBe(input.table);
    expect(snapshot.input.grid.length).toBe(input.grid.length);
    const result = planWorkbook(snapshot);
    expectIssues(result.issues.map(brief), c);
    expect(result.status === "blocked").toBe(c.expect.exit === 1);
    if (c.expect.exit === 0) {
      if (c.expect.total !== undefined) expect((result.plan?.total ?? NaN) / 100).toBe(c.expect.total);
      if (c.expect.rows !== undefined) expect(result.rows).toHaveLength(c.expect.rows);
    }
  },
);

test.each(
  BAD_CASES.filter((c) => c.expect.exit === 2 && /listInputs/.test(c.officeSkip ?? "")).map(
    (c) => [c.id, c] as const,
  ),
)("%s: the pane lists nothing to read", async (_id, c) => {
  const fake = fakeOf(c.build());
  const list = await listInputs(excelRunner({ excelRun: fake.excelRun, sleep: noSleep }));
  expect(list.sheets).toEqual([]);
  expect(list.tables).toEqual([]);
});
