// The bonus territoire (issue 14) inside Excel, against the strict fake: the snapshot reads the
// facilities table `Équipements CTG` (never as the funding input) and every `CTG_B_…` name with its
// value and cell, in the same requests as the rest and within Excel on the web's 5 MB; a generation
// of the demo with facilities writes `Bonus territoire`, `Bonus par commune`, their chart and the 34
// names with the .xlsx writer's cells and formulas (LibreOffice computes those to the engine's values:
// tests/workbook/bonus-libreoffice.test.ts; the fake calculates no formula), stays within the limits
// at ExcelApi 1.7, 1.8 and 1.12, never touches the user's facilities table, and a failure at any
// action leaves the previous summary or one marked incomplete, which the next generation completes.

import { COMMUNES } from "../../../src/core/communes";
import { a1, parseA1 } from "../../../src/core/cell";
import type { Report } from "../../../src/report";
import { planWorkbook, reportFromResult, type WorkbookSnapshot } from "../../../src/app";
import { engine } from "../../../src/taskpane/engine";
import { ExcelPaneHost } from "../../../src/taskpane/excel-host";
import { decideGeneration, type GenerationStop } from "../../../src/taskpane/generation";
import type { InputChoice } from "../../../src/taskpane/host";
import type { StagedEdits } from "../../../src/taskpane/merge";
import {
  applyReportExcel,
  ExcelWorkbook,
  excelRunner,
  snapshotExcel,
  type ApplyResult,
  type ExcelRunner,
} from "../../../src/workbook/office";
import { facilityRefOf, isFacilityInput } from "../../../src/workbook/office/read";
import { demoWorkbook, DEMO_FACILITY_TABLE } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { readDefinedNames, readGrid, readTableGrid } from "../../../src/workbook/xlsx/read";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { applyReport } from "../../../src/workbook/xlsx/write";
import {
  createExcelFake,
  type ExcelFake,
  type FakeInit,
  type FakeOptions,
  type FakeScalar,
  type FakeWorkbookState,
} from "../../fakes/excel-fake";
import { fakeFromXlsx, fakeInitFromXlsx, xlsxCells } from "../../fakes/from-xlsx";
import { expectSameDump, sheetDump, workbookDumpText } from "../../helpers/fake-dump";
import { remembered } from "../../helpers/remember";

const NOW = new Date("2026-11-28T12:00:00Z");
const WEB_LIMIT = 5_000_000;
const LIMITS: FakeOptions = { maxRequestBytes: WEB_LIMIT, maxResponseBytes: WEB_LIMIT };
const noSleep = async (): Promise<void> => undefined;
const DEMO = demoWorkbook(COMMUNES, "fr", { facilities: true });
const FACILITIES = "Équipements CTG";
const FUNDING = { kind: "table", name: "Financements", sheet: "Financements" } as const;
const BONUS_SHEETS = ["Bonus territoire", "Bonus par commune"];
const PANE_TABLE: InputChoice = { kind: "table", name: "Financements", sheet: "Financements" };
const NO_EDITS: StagedEdits = { overrides: {}, basinMoves: {}, scenarioEdits: [] };

function runnerOf(fake: ExcelFake): ExcelRunner {
  return excelRunner({ excelRun: fake.excelRun, sleep: noSleep });
}

function setup(options: FakeOptions = {}): { fake: ExcelFake; run: ExcelRunner } {
  const fake = fakeFromXlsx(DEMO, { ...LIMITS, ...options });
  return { fake, run: runnerOf(fake) };
}

/** The report of a snapshot, with the bonus territoire the pipeline plans from its facilities table. */
async function reportOf(snapshot: WorkbookSnapshot): Promise<Report> {
  const result = planWorkbook(snapshot);
  if (result.status === "blocked") throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  if (result.bonus === null) throw new Error("no bonus territoire planned");
  return reportFromResult(snapshot, result, { lang: "fr", version: "test", now: NOW });
}

/** A generation as the pane asks it of the port: the report built from the workbook as read now. */
async function generate(
  fake: ExcelFake,
  run: ExcelRunner,
  report: (snapshot: WorkbookSnapshot) => Promise<Report> = reportOf,
): Promise<ApplyResult> {
  const workbook = new ExcelWorkbook(run, { supports: fake.supports });
  const done = await workbook.generate<never>({
    choice: FUNDING,
    base: null,
    build: async (fresh) => ({ kind: "write", report: await report(fresh) }),
  });
  if (done.kind !== "written") throw new Error("not written");
  return done.written;
}

/** The demo's workbook with the facilities sheet first, and with a plain range instead of its table. */
function reordered(plain: boolean): FakeInit {
  const init = fakeInitFromXlsx(DEMO);
  const sheets = [...init.sheets].reverse();
  return {
    ...init,
    sheets: sheets.map((s) => (plain && s.name === FACILITIES ? { ...s, tables: [] } : s)),
  };
}

/** What a request's traffic was, for the report: requests, largest request and response, actions. */
function traffic(fake: ExcelFake): string {
  const s = fake.stats;
  return `${s.syncs} requests; request bytes ${s.requestBytes.join(" / ")}; response bytes ${s.responseBytes.join(" / ")}; actions ${s.requestActions.join(" / ")}`;
}

function expectWithinLimits(fake: ExcelFake): void {
  for (const bytes of fake.stats.requestBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
  for (const bytes of fake.stats.responseBytes) expect(bytes).toBeLessThanOrEqual(WEB_LIMIT);
}

// ---------------------------------------------------------------------------------------------
// The snapshot

test("where the facilities table is: the table CTG_Equipements anywhere, else the first table on Équipements CTG, else its cells", () => {
  const onSheet = { name: "Tableau1", sheet: FACILITIES };
  const named = { name: "ctg_equipements", sheet: "Autre" };
  const funding = { name: "Financements", sheet: "Financements" };
  expect(facilityRefOf([funding, onSheet, named], ["Financements", FACILITIES, "Autre"])).toEqual({
    kind: "table",
    name: "ctg_equipements",
  });
  expect(facilityRefOf([funding, onSheet], ["Financements", FACILITIES])).toEqual({
    kind: "table",
    name: "Tableau1",
  });
  expect(facilityRefOf([funding], ["Financements", FACILITIES])).toEqual({ kind: "sheet", name: FACILITIES });
  expect(facilityRefOf([funding], ["Financements"])).toBeNull();
  expect(isFacilityInput(onSheet)).toBe(true);
  expect(isFacilityInput(named)).toBe(true);
  expect(isFacilityInput({ name: FACILITIES, sheet: FACILITIES })).toBe(true);
  expect(isFacilityInput(funding)).toBe(false);
});

describe("the snapshot reads the facilities table", () => {
  it("as the .xlsx reader gives it: header row first, origin at its header; found in the first response, read in a second on a session's first read, in the one request after", async () => {
    const { fake, run } = setup({ apiVersion: "1.7" });
    const first = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(2);
    const expected = readTableGrid(openPackage(DEMO), DEMO_FACILITY_TABLE);
    expect(first.facilities).toEqual({
      sheet: FACILITIES,
      table: DEMO_FACILITY_TABLE,
      grid: expected.grid,
      origin: expected.origin,
    });
    expect(first.facilities?.origin).toEqual({ sheet: FACILITIES, topLeft: "A4" });
    expect(first.facilities?.grid[0]?.[0]).toBe("Équipement");
    expect(first.facilities?.grid.length).toBeGreaterThan(13);
    // The funding input is the funding table, whatever the facilities table looks like.
    expect(first.input.table).toBe("Financements");
    expect(first.bonusParameters ?? {}).toEqual({});
    fake.resetStats();
    expect(await snapshotExcel(run, { table: "Financements" })).toEqual(first);
    expect(fake.stats.syncs).toBe(1);
    expectWithinLimits(fake);
  });

  it("an edit of a facility since the last read is read (nothing stale), and so is a row added", async () => {
    const { fake, run } = setup();
    const before = await snapshotExcel(run, { table: "Financements" });
    const grid = before.facilities?.grid ?? [];
    // The user types 40 places in the first facility's capacity (row 5, column H) and adds a row.
    fake.state.sheet(FACILITIES).ensure(4, 7).value = 40;
    await fake.run(async (context) => {
      const row = (grid[1] ?? []).map((v) => (v ?? "") as string | number | boolean);
      context.workbook.tables.getItem(DEMO_FACILITY_TABLE).rows.add(undefined, [row]);
      await context.sync();
    });
    fake.resetStats();
    const after = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(1);
    expect(after.facilities?.grid[1]?.[7]).toBe(40);
    expect(after.facilities?.grid).toHaveLength(grid.length + 1);
  });

  it("is never the funding input: the port's default choice and list skip it, even first in the workbook, as a table or as plain cells", async () => {
    for (const plain of [false, true]) {
      const fake = createExcelFake(reordered(plain), LIMITS);
      const workbook = new ExcelWorkbook(runnerOf(fake), { supports: fake.supports });
      const listed = await workbook.listInputs();
      expect(listed.map((c) => c.name)).not.toContain(DEMO_FACILITY_TABLE);
      expect(listed.map((c) => c.sheet)).not.toContain(FACILITIES);
      const snapshot = await workbook.snapshot(null);
      expect({ plain, input: snapshot.input.table }).toEqual({ plain, input: "Financements" });
      expect(snapshot.facilities?.table ?? null).toBe(plain ? null : DEMO_FACILITY_TABLE);
      // As plain cells: the sheet's used range, title rows included (the reader finds the header).
      if (plain) {
        expect(snapshot.facilities?.origin).toEqual({ sheet: FACILITIES, topLeft: "A1" });
        const read = readGrid(openPackage(DEMO), FACILITIES);
        expect(snapshot.facilities?.grid).toEqual(read.grid);
      }
    }
  });

  it("a facilities table deleted since the last read: its sheet's cells are read; the sheet deleted: none", async () => {
    const { fake, run } = setup();
    await snapshotExcel(run, { table: "Financements" });
    // The user converts the table to a range (Excel's « Convertir en plage »).
    const table = fake.state.tables.findIndex((t) => t.name === DEMO_FACILITY_TABLE);
    fake.state.tables.splice(table, 1);
    const cells = await snapshotExcel(run, { table: "Financements" });
    expect(cells.facilities).toMatchObject({ sheet: FACILITIES, table: null, origin: { topLeft: "A1" } });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(FACILITIES).delete();
      await context.sync();
    });
    const none = await snapshotExcel(run, { table: "Financements" });
    expect(none.facilities ?? null).toBeNull();
    expect(none.input.table).toBe("Financements");
  });

  it("a large facilities table: its window in the first request, the rows below in blocks, no response above 5 MB", async () => {
    const rows = 12_000;
    const init = fakeInitFromXlsx(DEMO);
    const demoGrid = readTableGrid(openPackage(DEMO), DEMO_FACILITY_TABLE).grid;
    const [header = [], ...data] = demoGrid;
    const many: FakeScalar[][] = Array.from({ length: rows }, (_x, i) =>
      (data[i % data.length] ?? []).map(
        (v, j) => (j === 0 ? `${String(v)} n° ${i + 1}` : (v ?? "")) as FakeScalar,
      ),
    );
    const big: FakeInit = {
      ...init,
      sheets: init.sheets.map((s) =>
        s.name !== FACILITIES
          ? s
          : {
              name: FACILITIES,
              tables: [
                {
                  name: DEMO_FACILITY_TABLE,
                  range: `A4:${a1(3 + rows, header.length - 1)}`,
                  headers: header.map(String),
                  values: many,
                },
              ],
            },
      ),
    };
    const fake = createExcelFake(big, LIMITS);
    const run = runnerOf(fake);
    const first = await snapshotExcel(run, { table: "Financements" });
    expect(first.facilities?.grid).toHaveLength(rows + 1);
    expect(first.facilities?.grid[rows]?.[0]).toBe(many[rows - 1]?.[0]);
    expectWithinLimits(fake);
    const firstReads = fake.stats.syncs;
    fake.resetStats();
    const again = await snapshotExcel(run, { table: "Financements" });
    expect(again).toEqual(first);
    expectWithinLimits(fake);
    expect(fake.stats.syncs).toBeGreaterThan(1); // the window, then blocks
    expect(fake.stats.syncs).toBeLessThan(firstReads);
    console.log(`facilities of ${rows} rows: first read ${firstReads} requests; next read ${traffic(fake)}`);
  });
});

describe("the snapshot reads the bonus parameter names", () => {
  it("every CTG_B_ name of Paramètres CTG: its value and cell, as the .xlsx file holds them, in the one request once known", async () => {
    const { fake, run } = setup();
    await generate(fake, run);
    fake.resetStats();
    const snapshot = await snapshotExcel(run, { table: "Financements" });
    expect(fake.stats.syncs).toBe(1); // the generation told the runner what it wrote
    const report = await reportOf(snapshot);
    const names = report.names.filter((n) => n.name.startsWith("CTG_B_")).map((n) => n.name);
    expect(names).toHaveLength(34);
    const read = snapshot.bonusParameters ?? {};
    expect(Object.keys(read).sort()).toEqual([...names].sort());
    // The same names in the .xlsx writer's file: their cells and values.
    const file = openPackage(applyReport(DEMO, report));
    const params = readGrid(file, "Paramètres CTG");
    const top = parseA1(params.origin.topLeft);
    for (const def of readDefinedNames(file).filter((d) => d.name.startsWith("CTG_B_"))) {
      const m = /^'Paramètres CTG'!\$([A-Z]+)\$(\d+)$/.exec(def.value);
      if (m === null) throw new Error(def.value);
      const at = parseA1(`${m[1]}${m[2]}`);
      const value = params.grid[at.row - top.row]?.[at.col - top.col] ?? null;
      expect({ name: def.name, ...read[def.name] }).toEqual({
        name: def.name,
        value,
        cell: `'Paramètres CTG'!${m[1]}${m[2]}`,
      });
    }
    // A value the user edits is read as it is now.
    const start = read["CTG_B_DebutNord"]?.cell.replace(/^.*!/, "") ?? "";
    const at = parseA1(start);
    fake.state.sheet("Paramètres CTG").ensure(at.row, at.col).value = 2024;
    const edited = await snapshotExcel(run, { table: "Financements" });
    expect(edited.bonusParameters?.["CTG_B_DebutNord"]?.value).toBe(2024);
  });

  it("a session's first read of a generated workbook finds them, and reads them in its second request; a name deleted since is forgotten", async () => {
    const { fake, run } = setup({ apiVersion: "1.7" });
    await generate(fake, run);
    const fresh = runnerOf(fake);
    fake.resetStats();
    const first = await snapshotExcel(fresh, { table: "Financements" });
    expect(fake.stats.syncs).toBe(2);
    expect(Object.keys(first.bonusParameters ?? {})).toHaveLength(34);
    await fake.run(async (context) => {
      context.workbook.names.getItem("CTG_B_Mission").delete();
      await context.sync();
    });
    const after = await snapshotExcel(fresh, { table: "Financements" });
    expect(Object.keys(after.bonusParameters ?? {})).toHaveLength(33);
    expect(after.bonusParameters?.["CTG_B_Mission"]).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Generation

/** Every cell a fake sheet holds, by A1 address: its value or formula. */
function heldCells(state: FakeWorkbookState, sheet: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, cell] of state.sheet(sheet).cells) {
    if (cell.value === null && cell.formula === null) continue;
    out.set(a1(Math.floor(key / 16_384), key % 16_384), cell.formula ?? cell.value);
  }
  return out;
}

/** The .xlsx writer's file for a report, opened, and its cells: written and read once per report. */
const xlsxOutputs = new WeakMap<
  Report,
  { pkg: ReturnType<typeof openPackage>; cells: ReturnType<typeof xlsxCells> }
>();

function xlsxOutput(report: Report): {
  pkg: ReturnType<typeof openPackage>;
  cells: ReturnType<typeof xlsxCells>;
} {
  let done = xlsxOutputs.get(report);
  if (done === undefined) {
    const output = applyReport(DEMO, report);
    done = { pkg: openPackage(output), cells: xlsxCells(output) };
    xlsxOutputs.set(report, done);
  }
  return done;
}

/** The cells the .xlsx writer writes for the same report: formulas (with `=`) and values. */
function xlsxHeld(report: Report, sheet: string): Map<string, unknown> {
  const output = xlsxOutput(report);
  const grid = readGrid(output.pkg, sheet);
  const top = parseA1(grid.origin.topLeft);
  const formulas = output.cells.get(sheet) ?? new Map();
  const out = new Map<string, unknown>();
  grid.grid.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value !== null && value !== undefined) out.set(a1(top.row + i, top.col + j), value);
    }),
  );
  for (const [ref, info] of formulas) if (info.formula !== undefined) out.set(ref, `=${info.formula}`);
  return out;
}

describe.each(["1.7", "1.8", "1.12"])(
  "generation of the demo with facilities (ExcelApi %s)",
  (apiVersion) => {
    it("writes the bonus sheets, their chart and the 34 names as the .xlsx writer does, within 5 MB a request and a response; a re-run reuses the sheets and leaves Équipements CTG as it was", async () => {
      const { fake, run } = setup({ apiVersion });
      const userBefore = sheetDump(fake.state, FACILITIES);
      const tableBefore = fake.state.findTable(DEMO_FACILITY_TABLE);
      fake.resetStats();
      const written = await generate(fake, run);
      const firstTraffic = traffic(fake);
      expectWithinLimits(fake);
      // The port's snapshot (a session's first read: 2 requests), the generation's read, the writes.
      expect(fake.stats.syncs).toBe(3 + written.writeRequests);
      const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
      for (const name of BONUS_SHEETS) expect(fake.state.sheetNames()).toContain(name);
      const names = fake.state.names.filter((n) => n.name.startsWith("CTG_B_"));
      expect(names.map((n) => [n.name, n.formula])).toEqual(
        report.names.filter((n) => n.name.startsWith("CTG_B_")).map((n) => [n.name, `=${n.ref}`]),
      );
      expect(names).toHaveLength(34);
      expect(fake.state.names.find((n) => n.name === "CTG_Complet")?.formula).toBe("=TRUE");
      // The chart of the plan per basin and year.
      expect(fake.state.sheet("Bonus territoire").charts).toHaveLength(1);
      // The same cells, values and formulas as the .xlsx writer's, on the bonus sheets; on every sheet
      // where the validations are drop-downs (ExcelApi 1.8+: below it, lists of allowed values are added).
      const compared = report.sheets
        .filter((s) => apiVersion !== "1.7" || s.validations.length === 0)
        .map((s) => s.name);
      for (const name of BONUS_SHEETS) expect(compared).toContain(name);
      for (const name of compared) {
        const want = xlsxHeld(report, name);
        const have = heldCells(fake.state, name);
        expect({ name, cells: [...have].sort() }).toEqual({ name, cells: [...want].sort() });
      }
      const bonusFormulas = BONUS_SHEETS.reduce(
        (n, s) => n + [...heldCells(fake.state, s).values()].filter((v) => String(v).startsWith("=")).length,
        0,
      );
      expect(bonusFormulas).toBeGreaterThan(2_000);

      // Again: the product's sheets reused, nothing of the user's touched.
      fake.resetStats();
      const again = await generate(fake, run);
      expectWithinLimits(fake);
      expect(again.reused).toEqual(report.sheets.map((s) => s.name));
      expect(fake.stats.syncs).toBe(2 + again.writeRequests); // the snapshot, the generation's read, the writes
      expect(sheetDump(fake.state, FACILITIES)).toEqual(userBefore);
      expect(fake.state.findTable(DEMO_FACILITY_TABLE)?.bounds).toEqual(tableBefore?.bounds);
      console.log(
        `ExcelApi ${apiVersion}, demo with facilities: ${bonusFormulas} bonus formulas; first generation ${firstTraffic}; ` +
          `again ${traffic(fake)}; write request bytes (estimated) ${again.requestBytes.join(" / ")}`,
      );
    });
  },
);

/** The action indices to fail at: an even spread, ends included. */
function sweepIndices(total: number, runs: number): number[] {
  const step = Math.max(1, Math.floor(total / runs));
  const ks = new Set<number>([0, 1, 2, total - 2, total - 1]);
  for (let k = step >> 1; k < total; k += step) ks.add(k);
  return [...ks].filter((k) => k >= 0 && k < total).sort((a, b) => a - b);
}

describe.each(["1.7", "1.12"])(
  "a failure at any action of a generation with the bonus (ExcelApi %s)",
  (apiVersion) => {
    it("leaves the previous summary or one marked incomplete, the user's sheets untouched; generating again completes it exactly", async () => {
      const start = setup({ apiVersion });
      await generate(start.fake, start.run);
      // The user edits a facility's places: the next generation's bonus formulas and values change.
      start.fake.state.sheet(FACILITIES).ensure(4, 7).value = 40;
      const before = start.fake.state.clone();
      const beforeDump = workbookDumpText(before);
      const on = (): { fake: ExcelFake; run: ExcelRunner } => {
        const fake = createExcelFake(undefined, { ...LIMITS, apiVersion, state: before.clone() });
        return { fake, run: runnerOf(fake) };
      };
      // reportOf is pure: a read equal to one seen gives the report built then (the same every run).
      const reportNow = remembered(reportOf);
      const reference = on();
      reference.fake.failAtAction(Number.MAX_SAFE_INTEGER);
      await generate(reference.fake, reference.run, reportNow);
      const total = reference.fake.actionsSent();
      const expected = workbookDumpText(reference.fake.state);
      expect(total).toBeGreaterThan(1_000);
      const user = (state: FakeWorkbookState): unknown => [
        sheetDump(state, "Financements"),
        sheetDump(state, FACILITIES),
      ];
      let interrupted = 0;
      for (const k of sweepIndices(total, Number(process.env.CTG_FAILURE_RUNS ?? 24))) {
        const t = on();
        t.fake.failAtAction(k, { code: "GeneralException" });
        const error = await generate(t.fake, t.run, reportNow).then(
          () => null,
          (e: unknown) => e,
        );
        expect({ k, failed: error !== null }).toEqual({ k, failed: true });
        expect(user(t.fake.state)).toEqual(user(before));
        const asBefore = workbookDumpText(t.fake.state) === beforeDump;
        const flag = t.fake.state.names.find((n) => n.name === "CTG_Complet")?.formula;
        expect({ k, state: asBefore ? "as before" : flag }).toEqual({
          k,
          state: asBefore ? "as before" : "=FALSE",
        });
        if (!asBefore) {
          interrupted++;
          expect((await snapshotExcel(t.run, { table: "Financements" })).complete).toBe(false);
        }
        await generate(t.fake, t.run, reportNow);
        expectSameDump({ k }, workbookDumpText(t.fake.state), expected);
      }
      expect(interrupted).toBeGreaterThan(0);
    }, 1_200_000);
  },
);

test("applyReportExcel alone: the bonus report in one write request under 4 MB estimated", async () => {
  const { fake, run } = setup();
  const report = await reportOf(await snapshotExcel(run, { table: "Financements" }));
  fake.resetStats();
  const result = await applyReportExcel(run, report, undefined, { supports: fake.supports });
  expect(result.writeRequests).toBe(1);
  for (const bytes of result.requestBytes) expect(bytes).toBeLessThanOrEqual(4_000_000);
  expectWithinLimits(fake);
});

// ---------------------------------------------------------------------------------------------
// End to end: the pipeline plans the bonus from the Office snapshot

test("both adapters read the demo with facilities into the same snapshot, before and after a summary", async () => {
  const { run } = setup();
  expect(await snapshotExcel(run, { table: "Financements" })).toEqual(
    snapshotPackage(openPackage(DEMO), { table: "Financements" }),
  );
  const summarized = applyReport(DEMO, await reportOf(snapshotPackage(openPackage(DEMO))));
  const fake = fakeFromXlsx(summarized, LIMITS);
  const snapshot = await snapshotExcel(runnerOf(fake), { table: "Financements" });
  expect(Object.keys(snapshot.bonusParameters ?? {})).toHaveLength(34);
  expect(snapshot).toEqual(snapshotPackage(openPackage(summarized), { table: "Financements" }));
});

describe.each(["1.7", "1.12"])(
  "the pane's generation of the demo with facilities (ExcelApi %s)",
  (apiVersion) => {
    it("writes Bonus territoire, Bonus par commune and the 34 names from the pipeline's plan, as the .xlsx writer; read back, the pipeline plans the same bonus", async () => {
      const fake = fakeFromXlsx(DEMO, { ...LIMITS, apiVersion });
      const host = new ExcelPaneHost(runnerOf(fake), { supports: fake.supports });
      const base = await host.snapshot(PANE_TABLE);
      const planned = planWorkbook(base);
      if (planned.status === "blocked") throw new Error(JSON.stringify(planned.issues));
      expect(planned.bonus).not.toBeNull();
      fake.resetStats();
      const done = await host.generate<GenerationStop>(
        {
          choice: PANE_TABLE,
          base,
          build: (fresh) =>
            decideGeneration(
              { engine, base, edits: NO_EDITS, mapping: undefined, lang: "fr", date: "2026-12-05" },
              fresh,
            ),
        },
        () => undefined,
      );
      expect(done.kind).toBe("written");
      expectWithinLimits(fake);
      for (const name of BONUS_SHEETS) expect(fake.state.sheetNames()).toContain(name);
      expect(fake.state.names.filter((n) => n.name.startsWith("CTG_B_"))).toHaveLength(34);
      expect(fake.state.names.find((n) => n.name === "CTG_Complet")?.formula).toBe("=TRUE");
      // The fake calculates no formula: the values it holds (the parameters and the facilities' own
      // cells) are the engine's inputs; every formula is the .xlsx writer's (LibreOffice computes those to
      // the engine's values, tests/workbook/bonus-libreoffice.test.ts).
      const report = await reportOf(await snapshotExcel(runnerOf(fake), { table: "Financements" }));
      for (const name of [...BONUS_SHEETS, "Paramètres CTG"].filter(
        (n) => apiVersion !== "1.7" || n !== "Paramètres CTG",
      )) {
        expect({ name, cells: [...heldCells(fake.state, name)].sort() }).toEqual({
          name,
          cells: [...xlsxHeld(report, name)].sort(),
        });
      }
      const read = await snapshotExcel(runnerOf(fake), { table: "Financements" });
      const again = planWorkbook(read);
      if (again.status === "blocked" || again.bonus === null || planned.bonus === null)
        throw new Error("no bonus");
      expect(again.bonus.plan).toEqual(planned.bonus.plan);
      console.log(`pane generation with the bonus (ExcelApi ${apiVersion}): ${traffic(fake)}`);
    });
  },
);
