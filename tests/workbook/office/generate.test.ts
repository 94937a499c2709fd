/**
 * A generation inside Excel as the pane runs it (ExcelPaneHost + decideGeneration on the strict
 * fake): the generation's own read is what is written from (an edit the pane never heard of
 * survives), conflicts stop it before anything is written, protection and very hidden sheets are
 * refused up front, and a failure at any action leaves a workbook that says it is incomplete, which
 * the next generation completes.
 */

import { COMMUNES } from "../../../src/core/communes";
import { engine } from "../../../src/taskpane/engine";
import { ExcelPaneHost } from "../../../src/taskpane/excel-host";
import { decideGeneration, type GenerationStop } from "../../../src/taskpane/generation";
import type { GenerationResult, InputChoice } from "../../../src/taskpane/host";
import { conflictKey, type StagedEdits } from "../../../src/taskpane/merge";
import { initialParamFields } from "../../../src/taskpane/model";
import type { WorkbookSnapshot } from "../../../src/app";
import { excelRunner, ExcelHostError } from "../../../src/workbook/office";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { createExcelFake, type ExcelFake } from "../../fakes/excel-fake";
import { fakeFromXlsx } from "../../fakes/from-xlsx";
import { expectSameDump, sheetDump, workbookDump, workbookDumpText } from "../../helpers/fake-dump";
import { remembered } from "../../helpers/remember";

const noSleep = async (): Promise<void> => undefined;
const TABLE: InputChoice = { kind: "table", name: "Financements", sheet: "Financements" };
const NO_EDITS: StagedEdits = { overrides: {}, basinMoves: {}, scenarioEdits: [] };
const DEMO = demoWorkbook(COMMUNES, "fr");

function setup(apiVersion?: string): { fake: ExcelFake; host: ExcelPaneHost } {
  const fake = fakeFromXlsx(DEMO, apiVersion === undefined ? {} : { apiVersion });
  const run = excelRunner({ excelRun: fake.excelRun, sleep: noSleep });
  return { fake, host: new ExcelPaneHost(run, { supports: fake.supports }) };
}

/** The pane's generation: its edits on `base`, decided on what the generation reads. */
function generate(
  host: ExcelPaneHost,
  base: WorkbookSnapshot,
  edits: StagedEdits = NO_EDITS,
  withEngine: typeof engine = engine,
): Promise<GenerationResult<GenerationStop>> {
  return host.generate<GenerationStop>(
    {
      choice: TABLE,
      base,
      build: (fresh) =>
        decideGeneration(
          { engine: withEngine, base, edits, mapping: undefined, lang: "fr", date: "2026-12-05" },
          fresh,
        ),
    },
    () => undefined,
  );
}

/** A workbook with the summary generated once, and the pane's read of it. */
async function generatedOnce(apiVersion?: string): Promise<{
  fake: ExcelFake;
  host: ExcelPaneHost;
  read: WorkbookSnapshot;
}> {
  const { fake, host } = setup(apiVersion);
  const first = await generate(host, await host.snapshot(TABLE));
  expect(first.kind).toBe("written");
  return { fake, host, read: await host.snapshot(TABLE) };
}

/** The cell of a parameter on `Paramètres CTG` (`'Paramètres CTG'!B9` → sheet and A1). */
function paramCell(read: WorkbookSnapshot, param: "key" | "costHT"): { sheet: string; cell: string } {
  const at = read.parameters[param]?.cell;
  if (at === undefined) throw new Error(`no cell for ${param}`);
  const m = /^'?(.*?)'?!([A-Z]+\d+)$/.exec(at);
  if (m === null || m[1] === undefined || m[2] === undefined) throw new Error(`not a cell: ${at}`);
  return { sheet: m[1], cell: m[2] };
}

/** Types into a cell as a user would, with no change event (a drop-down on Excel on the web). */
function typeSilently(fake: ExcelFake, at: { sheet: string; cell: string }, value: string | number): void {
  const sheet = fake.state.sheet(at.sheet);
  const p = /^([A-Z]+)(\d+)$/.exec(at.cell);
  if (p === null || p[1] === undefined || p[2] === undefined) throw new Error(at.cell);
  const col = p[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const cell = sheet.ensure(Number(p[2]) - 1, col);
  cell.value = value;
  cell.formula = null;
}

describe("no stale write-back", () => {
  it("an edit the pane never heard of (a drop-down on the web) survives the generation", async () => {
    const { fake, host, read } = await generatedOnce();
    const key = paramCell(read, "key");
    const cost = paramCell(read, "costHT");
    // The pane read the key « CEJ »; the user picks « Population » in the cell: no event comes.
    const keyField = initialParamFields(read.parameters, "fr").key;
    expect(keyField).not.toBe("population");
    typeSilently(fake, key, "Population");
    // Meanwhile the pane changed the cost, and only that.
    fake.resetStats();
    const done = await generate(host, read, { ...NO_EDITS, overrides: { costHT: "46 000,00" } });
    expect(done.kind).toBe("written");
    expect(fake.stats.syncs).toBe(2); // one read, one write
    expect(fake.state.sheet(key.sheet).cell(key.cell).value).toBe("Population");
    expect(fake.state.sheet(cost.sheet).cell(cost.cell).value).toBe(46_000);
  });

  it("a cell changed in the workbook and in the pane stops the generation until the user chooses", async () => {
    const { fake, host, read } = await generatedOnce();
    const key = paramCell(read, "key");
    typeSilently(fake, key, "Population");
    const before = workbookDump(fake.state);
    fake.resetStats();
    const edits: StagedEdits = { ...NO_EDITS, overrides: { key: "communes" } };
    const done = await generate(host, read, edits);
    expect(fake.stats.syncs).toBe(1); // the read only
    expect(workbookDump(fake.state)).toEqual(before);
    if (done.kind !== "stopped" || done.reason.kind !== "conflicts") throw new Error("expected conflicts");
    const [conflict] = done.reason.conflicts;
    expect(done.reason.conflicts).toHaveLength(1);
    expect(conflict).toMatchObject({ kind: "param", param: "key", workbook: "population", pane: "communes" });
    expect(conflict?.kind === "param" ? conflict.cell : "").toBe(`'${key.sheet}'!${key.cell}`);

    // The user keeps the pane's value: generated on the workbook as read, it is written.
    const { resolveEdits } = await import("../../../src/taskpane/merge");
    const keepPane = resolveEdits(edits, done.reason.conflicts, { [conflictKey(conflict!)]: "pane" });
    const again = await generate(host, done.fresh, keepPane);
    expect(again.kind).toBe("written");
    expect(String(fake.state.sheet(key.sheet).cell(key.cell).value).toLowerCase()).toMatch(/^communes/);

    // Or the workbook's: the edit is dropped, the workbook's value stays.
    const other = await generatedOnce();
    typeSilently(other.fake, key, "Population");
    const stop = await generate(other.host, other.read, edits);
    if (stop.kind !== "stopped" || stop.reason.kind !== "conflicts") throw new Error("expected conflicts");
    const keepWorkbook = resolveEdits(edits, stop.reason.conflicts, { "param:key": "workbook" });
    expect(keepWorkbook.overrides).toEqual({});
    expect((await generate(other.host, stop.fresh, keepWorkbook)).kind).toBe("written");
    expect(other.fake.state.sheet(key.sheet).cell(key.cell).value).toBe("Population");
  });

  it("a workbook edited since the pane's read into an error stops the generation: nothing written", async () => {
    const { fake, host, read } = await generatedOnce();
    typeSilently(fake, paramCell(read, "costHT"), "beaucoup");
    const before = workbookDump(fake.state);
    const done = await generate(host, read);
    expect(done.kind === "stopped" ? done.reason.kind : done.kind).toBe("blocked");
    expect(done.kind === "stopped" ? done.fresh.parameters.costHT?.value : null).toBe("beaucoup");
    expect(workbookDump(fake.state)).toEqual(before);
  });

  it("a funding row added since the pane's read is read by the generation (the input changed size)", async () => {
    const { fake, host, read } = await generatedOnce();
    const last = read.input.grid[read.input.grid.length - 1] ?? [];
    await addFundingRow(fake, last);
    let seen: WorkbookSnapshot | null = null;
    const done = await host.generate<GenerationStop>(
      {
        choice: TABLE,
        base: read,
        build: (fresh) => {
          seen = fresh;
          return decideGeneration(
            { engine, base: read, edits: NO_EDITS, mapping: undefined, lang: "fr", date: "2026-12-05" },
            fresh,
          );
        },
      },
      () => undefined,
    );
    expect(done.kind).toBe("written");
    const fresh = seen as WorkbookSnapshot | null;
    expect(fresh?.input.grid).toHaveLength(read.input.grid.length + 1);
    expect(fresh?.input.grid).toEqual((await host.snapshot(TABLE)).input.grid);
  });

  it("the same change on both sides is no conflict", async () => {
    const { fake, host, read } = await generatedOnce();
    const key = paramCell(read, "key");
    typeSilently(fake, key, "Population");
    const fresh = await host.snapshot(TABLE);
    const same = initialParamFields(fresh.parameters, "fr").key;
    const done = await generate(host, read, { ...NO_EDITS, overrides: { key: same } });
    expect(done.kind).toBe("written");
  });
});

describe("pre-flight: nothing written when the write would fail halfway", () => {
  it("a protected product sheet is named, with what to do", async () => {
    const { fake, host, read } = await generatedOnce();
    fake.state.sheet("Synthèse CEJ").isProtected = true;
    const before = workbookDump(fake.state);
    const error = await generate(host, read).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe("SheetProtected");
    expect((error as ExcelHostError).messages.fr).toMatch(
      /« Synthèse CEJ ».*Ôtez sa protection.*Rien n'a été écrit/,
    );
    expect(workbookDump(fake.state)).toEqual(before);
  });

  it("a very hidden product sheet, and a protected workbook structure, are refused", async () => {
    const hidden = await generatedOnce();
    hidden.fake.state.sheet("Contrôles").visibility = "VeryHidden";
    const before = workbookDump(hidden.fake.state);
    await expect(generate(hidden.host, hidden.read)).rejects.toMatchObject({ code: "SheetVeryHidden" });
    expect(workbookDump(hidden.fake.state)).toEqual(before);

    const locked = await generatedOnce();
    locked.fake.state.structureProtected = true;
    const locked0 = workbookDump(locked.fake.state);
    await expect(generate(locked.host, locked.read)).rejects.toMatchObject({ code: "WorkbookProtected" });
    expect(workbookDump(locked.fake.state)).toEqual(locked0);
  });

  it("while a cell is being edited, the user is told to finish it; nothing is written", async () => {
    const { fake, host, read } = await generatedOnce();
    const before = workbookDump(fake.state);
    fake.setCellEditMode(true);
    await expect(generate(host, read)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(workbookDump(fake.state)).toEqual(before);
  });
});

/** The action indices to fail at: every one with CTG_FAILURE_SWEEP=all, else an even spread (ends included). */
function sweepIndices(total: number): number[] {
  if (process.env.CTG_FAILURE_SWEEP === "all") return Array.from({ length: total }, (_, k) => k);
  const runs = Math.max(8, Number(process.env.CTG_FAILURE_RUNS ?? 48));
  const step = Math.max(1, Math.floor(total / runs));
  const ks = new Set<number>([0, 1, 2, total - 2, total - 1]);
  for (let k = step >> 1; k < total; k += step) ks.add(k);
  return [...ks].filter((k) => k >= 0 && k < total).sort((a, b) => a - b);
}

describe.each(["1.7", "1.12"])("a failure at any action of a generation (ExcelApi %s)", (apiVersion) => {
  const COST: StagedEdits = { ...NO_EDITS, overrides: { costHT: "46 000,00" } };
  // The engine's report is a function of the read and the plan but for its time stamp (which the
  // comparisons below leave out): the sweep builds the report of a read and plan once.
  const report = remembered((args: Parameters<typeof engine.report>) => engine.report(...args));
  const sweepEngine: typeof engine = { ...engine, report: (...args) => report(args) };

  function on(state: ExcelFake["state"]): { fake: ExcelFake; host: ExcelPaneHost } {
    const fake = createExcelFake(undefined, { apiVersion, state: state.clone() });
    const run = excelRunner({ excelRun: fake.excelRun, sleep: noSleep });
    return { fake, host: new ExcelPaneHost(run, { supports: fake.supports }) };
  }

  it("leaves the workbook as before or marked incomplete, and generating again completes it exactly", async () => {
    const start = await generatedOnce(apiVersion);
    const before = start.fake.state.clone();
    const beforeDump = workbookDumpText(before);
    const userSheets = (state: ExcelFake["state"]): unknown => sheetDump(state, "Financements");
    // A generation that never fails, from the same workbook: the reference, and its number of actions.
    const reference = on(before);
    reference.fake.failAtAction(Number.MAX_SAFE_INTEGER);
    expect((await generate(reference.host, start.read, COST, sweepEngine)).kind).toBe("written");
    const total = reference.fake.actionsSent();
    // The generation stamp on Contrôles is the time of writing: the one thing two runs differ in.
    const unstamped = (state: ExcelFake["state"]): string =>
      workbookDumpText(state).replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g, '"<stamp>"');
    const expected = unstamped(reference.fake.state);
    expect(total).toBeGreaterThan(100);

    let interrupted = 0;
    for (const k of sweepIndices(total)) {
      const t = on(before);
      t.fake.failAtAction(k, { code: "GeneralException" });
      const error = await generate(t.host, start.read, COST, sweepEngine).then(
        () => null,
        (e: unknown) => e,
      );
      expect({ k, failed: error !== null }).toEqual({ k, failed: true });
      // The input and the user's sheets are never touched.
      expect(userSheets(t.fake.state)).toEqual(userSheets(before));
      const flag = t.fake.state.names.find((n) => n.name === "CTG_Complet")?.formula;
      const asBefore = workbookDumpText(t.fake.state) === beforeDump;
      expect({ k, state: asBefore ? "as before" : flag }).toEqual({
        k,
        state: asBefore ? "as before" : "=FALSE",
      });
      if (!asBefore) {
        interrupted++;
        expect((error as ExcelHostError).code).toBe("GenerationInterrupted");
        expect((await t.host.snapshot(TABLE)).complete).toBe(false);
      }
      // The pane still holds its read from before; generating again gives the reference, cell by cell.
      const again = await generate(t.host, start.read, COST, sweepEngine);
      expect({ k, kind: again.kind }).toEqual({ k, kind: "written" });
      expectSameDump({ k }, unstamped(t.fake.state), expected);
    }
    expect(interrupted).toBeGreaterThan(0);
  }, 3_600_000);
});

/** The user adds a row at the end of the funding table (one request). */
async function addFundingRow(fake: ExcelFake, values: readonly unknown[]): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.tables
      .getItem("Financements")
      .rows.add(undefined, [values.map((v) => v ?? "")] as (string | number | boolean)[][]);
    await context.sync();
  });
}

/** The user deletes a data row of the communes table (one request, as Excel's UI does). */
async function deleteCommuneRow(fake: ExcelFake, index: number): Promise<void> {
  await fake.run(async (context) => {
    context.workbook.tables.getItem("CTG_Communes").rows.getItemAt(index).delete();
    await context.sync();
  });
}

describe("keep what users point at", () => {
  it("a user's structured reference to CTG_Communes survives two regenerations that change its rows", async () => {
    const { fake, host } = await generatedOnce();
    const notes = fake.state.addSheet("Notes");
    const formula = "=SUM(CTG_Communes[Population municipale])";
    const cell = notes.ensure(0, 0);
    cell.formula = formula;
    const tableId = fake.state.findTable("CTG_Communes")?.id;
    expect(tableId).toBeDefined();
    const rowsOf = (): number => {
      const t = fake.state.findTable("CTG_Communes");
      return t === undefined ? -1 : t.bounds.r2 - t.bounds.r1;
    };
    expect(rowsOf()).toBe(34);
    for (const expected of [33, 32]) {
      // The user deletes the row of a commune without funding rows from the table, then generates.
      const before = await host.snapshot(TABLE);
      const funded = new Set(before.input.grid.flat().map((v) => String(v)));
      const rows = before.communes?.grid ?? [];
      const index = rows.findIndex((row, r) => r > 0 && !funded.has(String(row[1])));
      expect(index).toBeGreaterThan(0);
      await deleteCommuneRow(fake, index - 1);
      const read = await host.snapshot(TABLE);
      expect((await generate(host, read)).kind).toBe("written");
      expect(rowsOf()).toBe(expected);
      // The same table object, the formula untouched (a deleted table would have left #REF!).
      expect(fake.state.findTable("CTG_Communes")?.id).toBe(tableId);
      expect(notes.cell("A1").formula).toBe(formula);
    }
  });
});
