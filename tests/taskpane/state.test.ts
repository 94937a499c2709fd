// The pane's reducer (src/taskpane/state.ts), transition by transition: a finance officer's session
// played as actions, with what the pane then holds.

import type { Scenario } from "../../src/core/scenarios";
import type { WorkbookSnapshot } from "../../src/app";
import { InputNotFoundError, WorkbookFileError } from "../../src/errors";
import type { Conflict, StagedEdits } from "../../src/taskpane/conflicts";
import type { InputChoice } from "../../src/taskpane/host";
import {
  chosenInput,
  hasPaneEdits,
  initialPaneState,
  isBusy,
  problemOf,
  reduce,
  saidOf,
  viewSeen,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/state";

/** A workbook whose funding rows are on `sheet` (an Excel table when `table` is given). */
function snapshot(
  sheet = "Financements",
  more: Partial<WorkbookSnapshot> & { table?: string } = {},
): WorkbookSnapshot {
  const { table = null, ...rest } = more;
  return {
    input: {
      sheet,
      table,
      tableColumns: null,
      grid: [
        ["Commune", "Montant"],
        ["Le Creusot", 12000],
      ],
      origin: { sheet, topLeft: "A1" },
    },
    parameters: {},
    communes: null,
    scenarios: null,
    taken: { sheets: [sheet], tables: [] },
    ...rest,
  };
}

/** The same workbook with a previous run's parameters sheet: the pane follows it too. */
function generatedSnapshot(): WorkbookSnapshot {
  return snapshot("Financements", {
    parameters: { costHT: { value: 40000, cell: "'Paramètres CTG'!B4" } },
    formulasKey: "fr:abc",
  });
}

const TABLES: InputChoice[] = [
  { kind: "table", name: "Financements", sheet: "Financements" },
  { kind: "sheet", name: "Feuil2", sheet: "Feuil2" },
];

const SCENARIO: Scenario = {
  name: "Coût 46k",
  note: "",
  date: "2026-11-28",
  params: {
    costHT: 4_600_000,
    capHT: 5_000_000,
    cafRate: 500_000,
    vatRate: 200_000,
    key: "cej",
    cafBase: "costHT",
  } as unknown as Scenario["params"],
  basinOverrides: { "71153": "sud" },
};

function play(state: PaneState, ...actions: PaneAction[]): PaneState {
  return actions.reduce(reduce, state);
}

/** The pane once the first read came back with `snap`. */
function loaded(snap: WorkbookSnapshot = snapshot()): PaneState {
  const start = initialPaneState();
  return play(start, { type: "read", serial: start.request.serial, inputs: TABLES, snapshot: snap });
}

const DONE = { sheets: ["Synthèse CTG", "Paramètres CTG"] };

describe("reading the workbook", () => {
  it("starts loading, with nothing shown and the reader choosing the table", () => {
    const s = initialPaneState();
    expect(s.loading).toBe(true);
    expect(isBusy(s)).toBe(true);
    expect(s.loaded).toBeNull();
    expect(s.request.choice).toBeNull();
    expect(chosenInput(s.request, s.loaded)).toBeNull();
  });

  it("shows the first read: its snapshot, the tables offered, the sheets followed", () => {
    const snap = generatedSnapshot();
    const s = loaded(snap);
    expect(s.loading).toBe(false);
    expect(s.loaded?.snapshot).toBe(snap);
    expect(s.loaded?.opened).toBe(1);
    expect(s.inputs).toEqual(TABLES);
    expect(s.watched).toEqual(["Financements", "Paramètres CTG"]);
    expect(chosenInput(s.request, s.loaded)).toEqual({
      kind: "sheet",
      name: "Financements",
      sheet: "Financements",
    });
  });

  it("drops the answer of a request that another one replaced", () => {
    const start = initialPaneState();
    const chosen = reduce(start, { type: "input-chosen", choice: TABLES[1] as InputChoice });
    expect(chosen.request.serial).toBe(start.request.serial + 1);
    const stale = reduce(chosen, {
      type: "read",
      serial: start.request.serial,
      inputs: [],
      snapshot: snapshot(),
    });
    expect(stale).toBe(chosen);
    const failedLate = reduce(chosen, {
      type: "read-failed",
      serial: start.request.serial,
      problem: { kind: "no-input" },
    });
    expect(failedLate).toBe(chosen);
    const fresh = reduce(chosen, {
      type: "read",
      serial: chosen.request.serial,
      inputs: TABLES,
      snapshot: snapshot("Feuil2"),
    });
    expect(fresh.loaded?.snapshot.input.sheet).toBe("Feuil2");
    expect(chosenInput(fresh.request, fresh.loaded)).toEqual(TABLES[1]);
  });

  it("says why a read failed and shows nothing; the next read clears it", () => {
    const s = loaded();
    const again = reduce(s, { type: "reread" });
    expect(again.loading).toBe(true);
    expect(again.request.choice).toBe(s.request.choice);
    const failed = reduce(again, {
      type: "read-failed",
      serial: again.request.serial,
      problem: { kind: "no-input" },
    });
    expect(failed.loaded).toBeNull();
    expect(failed.watched).toEqual([]);
    expect(failed.problem).toEqual({ kind: "no-input" });
    expect(failed.loading).toBe(false);
    const retried = play(failed, { type: "reread" });
    const ok = reduce(retried, {
      type: "read",
      serial: retried.request.serial,
      inputs: TABLES,
      snapshot: snapshot(),
    });
    expect(ok.problem).toBeNull();
    expect(ok.loaded?.opened).toBe(2);
  });

  it("a read again after « read again » keeps the pane's edits but counts as a new opening", () => {
    const s = play(loaded(), { type: "param-edited", param: "costHT", text: "46 000" }, { type: "reread" });
    const read = reduce(s, { type: "read", serial: s.request.serial, inputs: TABLES, snapshot: snapshot() });
    expect(read.edits.overrides).toEqual({ costHT: "46 000" });
    expect(read.loaded?.opened).toBe(2);
  });

  it("another table starts afresh: mapping, edits, applied scenario, notes go", () => {
    const s = play(
      loaded(),
      { type: "mapping-chosen", mapping: { commune: 1, amount: 0 } },
      { type: "param-edited", param: "costHT", text: "46 000" },
      {
        type: "scenario-applied",
        name: "Coût 46k",
        overrides: { costHT: "46 000,00" },
        basinMoves: { "71153": "sud" },
      },
      { type: "issue-chosen", id: "0:unknown-commune:Financements!A2", field: false },
      { type: "cell-noted", note: { kind: "cell", name: "Financements!A2" } },
      { type: "input-chosen", choice: TABLES[1] as InputChoice },
    );
    expect(s.mapping).toBeNull();
    expect(hasPaneEdits(s.edits)).toBe(false);
    expect(s.applied).toBeNull();
    expect(s.currentIssue).toBeNull();
    expect(s.cellNote).toBeNull();
    expect(s.loading).toBe(true);
    expect(s.request.choice).toEqual(TABLES[1]);
  });

  it("a file that does not open is said, and the workbook held stays", () => {
    const s = loaded();
    const opening = reduce(s, { type: "file-opening" });
    expect(opening.loading).toBe(true);
    const failed = reduce(opening, { type: "file-failed", problem: { kind: "file", reason: "not-xlsx" } });
    expect(failed.fileProblem).toEqual({ kind: "file", reason: "not-xlsx" });
    expect(failed.loading).toBe(false);
    expect(failed.loaded).toBe(s.loaded);
    const next = play(failed, { type: "file-opening" });
    expect(next.fileProblem).toBeNull();
  });

  it("a file opened is read afresh, the reader finding its table", () => {
    const s = play(loaded(), { type: "input-chosen", choice: TABLES[1] as InputChoice });
    const read = reduce(s, {
      type: "read",
      serial: s.request.serial,
      inputs: TABLES,
      snapshot: snapshot("Feuil2"),
    });
    const opened = play(
      read,
      { type: "param-edited", param: "cafRate", text: "40" },
      { type: "file-opening" },
      { type: "file-opened" },
    );
    expect(opened.request.choice).toBeNull();
    expect(opened.request.serial).toBe(read.request.serial + 1);
    expect(opened.edits.overrides).toEqual({});
    expect(opened.loading).toBe(true);
  });
});

describe("following the workbook's edits", () => {
  it("shows the workbook read again, keeping the opening, the edits and the generation's outcome", () => {
    const s = play(
      loaded(),
      { type: "param-edited", param: "costHT", text: "46 000" },
      { type: "generation-started" },
      { type: "generation-failed", message: { fr: "Excel occupé", en: "Excel busy" }, interrupted: false },
    );
    const snap = snapshot();
    const r = reduce(s, { type: "refreshed", snapshot: snap });
    expect(r.loaded).toEqual({ snapshot: snap, opened: 1 });
    expect(r.edits).toBe(s.edits);
    expect(r.generation.status).toBe("failed");
  });

  it("keeps the same list of followed sheets while their names stay (no new subscription)", () => {
    const s = loaded(generatedSnapshot());
    const r = reduce(s, { type: "refreshed", snapshot: generatedSnapshot() });
    expect(r.watched).toBe(s.watched);
    const other = reduce(r, { type: "refreshed", snapshot: snapshot() });
    expect(other.watched).toEqual(["Financements"]);
  });

  it("a failed follow-up read shows the problem and nothing else, without touching a requested read", () => {
    const s = play(
      loaded(),
      { type: "generation-started" },
      { type: "generation-written", outcome: DONE, readBack: null },
    );
    const failed = reduce(s, {
      type: "read-failed",
      serial: null,
      problem: { kind: "other", message: { fr: "x", en: "y" } },
    });
    expect(failed.loaded).toBeNull();
    expect(failed.loading).toBe(false);
    expect(failed.generation).toEqual({ status: "idle" });
    // The next follow-up read that works is a new opening.
    const back = reduce(failed, { type: "refreshed", snapshot: snapshot() });
    expect(back.loaded?.opened).toBe(2);
    expect(back.problem).toBeNull();
  });

  it("ignores a follow-up read while a requested read is under way", () => {
    const s = reduce(loaded(), { type: "reread" });
    expect(reduce(s, { type: "refreshed", snapshot: snapshot() })).toBe(s);
  });
});

describe("what the pane shows: mapping and acknowledgement", () => {
  it("opens the mapping on a new opening when it needs the user, and lets the user close it", () => {
    const s = loaded();
    expect(viewSeen(s, "")).toBe(true);
    const seen = reduce(s, { type: "view-seen", warnings: "", needsMapping: true });
    expect(seen.mappingOpen).toBe(true);
    expect(viewSeen(seen, "")).toBe(false);
    expect(reduce(seen, { type: "view-seen", warnings: "", needsMapping: true })).toBe(seen);
    const closed = reduce(seen, { type: "mapping-toggled", open: false });
    // The user chose columns: the issue is gone, the read the same; the mapping stays as the user left it.
    const after = reduce(closed, { type: "view-seen", warnings: "w1", needsMapping: false });
    expect(after.mappingOpen).toBe(false);
    const reopened = reduce(reduce(after, { type: "mapping-toggled", open: true }), {
      type: "view-seen",
      warnings: "w2",
      needsMapping: false,
    });
    expect(reopened.mappingOpen).toBe(true);
  });

  it("asks for a new acknowledgement when the warnings change or the workbook is opened again", () => {
    const s = play(loaded(), {
      type: "view-seen",
      warnings: "1:text-amount:Financements!B3",
      needsMapping: false,
    });
    const acked = reduce(s, { type: "warnings-acknowledged", value: true });
    expect(acked.acknowledged).toBe(true);
    expect(
      reduce(acked, { type: "view-seen", warnings: "1:text-amount:Financements!B3", needsMapping: false }),
    ).toBe(acked);
    const changed = reduce(acked, {
      type: "view-seen",
      warnings: "2:text-amount:Financements!B4",
      needsMapping: false,
    });
    expect(changed.acknowledged).toBe(false);
    const reread = play(acked, { type: "reread" });
    const read = reduce(reread, {
      type: "read",
      serial: reread.request.serial,
      inputs: TABLES,
      snapshot: snapshot(),
    });
    expect(viewSeen(read, "1:text-amount:Financements!B3")).toBe(true);
    expect(
      reduce(read, { type: "view-seen", warnings: "1:text-amount:Financements!B3", needsMapping: false })
        .acknowledged,
    ).toBe(false);
  });
});

describe("staging edits", () => {
  it("stages the parameters typed, and drops them on reset with the basins and the applied scenario", () => {
    const s = play(
      loaded(),
      { type: "param-edited", param: "costHT", text: "46 000" },
      { type: "param-edited", param: "cafRate", text: "40" },
    );
    expect(s.edits.overrides).toEqual({ costHT: "46 000", cafRate: "40" });
    expect(hasPaneEdits(s.edits)).toBe(true);
    const applied = reduce(s, {
      type: "scenario-applied",
      name: SCENARIO.name,
      overrides: { costHT: "46 000,00" },
      basinMoves: SCENARIO.basinOverrides,
    });
    expect(applied.applied).toBe("Coût 46k");
    expect(applied.edits.basinMoves).toEqual({ "71153": "sud" });
    expect(applied.edits.overrides).toEqual({ costHT: "46 000,00" });
    const reset = reduce(applied, { type: "params-reset" });
    expect(reset.edits.overrides).toEqual({});
    expect(reset.edits.basinMoves).toEqual({});
    expect(reset.applied).toBeNull();
  });

  it("stages scenario edits in order, and undoes them all at once", () => {
    const s = play(
      loaded(),
      { type: "scenario-staged", edit: { kind: "add", scenario: SCENARIO } },
      { type: "scenario-staged", edit: { kind: "rename", from: "Coût 46k", to: "Coût 46 k€" } },
      { type: "scenario-staged", edit: { kind: "delete", name: "Paramètres actuels" } },
    );
    expect(s.edits.scenarioEdits.map((e) => e.kind)).toEqual(["add", "rename", "delete"]);
    const undone = reduce(s, { type: "scenarios-undone" });
    expect(undone.edits.scenarioEdits).toEqual([]);
    expect(hasPaneEdits(undone.edits)).toBe(false);
  });

  it("a staged edit clears what was generated and the sheet note, but not a generation under way", () => {
    const done = play(
      loaded(),
      { type: "generation-started" },
      { type: "generation-written", outcome: DONE, readBack: null },
      { type: "sheet-noted", note: { kind: "sheet", name: "Synthèse CTG" } },
    );
    expect(done.generation.status).toBe("done");
    const edited = reduce(done, { type: "mapping-chosen", mapping: { commune: 0, amount: 1 } });
    expect(edited.generation).toEqual({ status: "idle" });
    expect(edited.sheetNote).toBeNull();
    const running = play(
      loaded(),
      { type: "generation-started" },
      { type: "param-edited", param: "vatRate", text: "10" },
    );
    expect(running.generation.status).toBe("running");
  });
});

describe("generating", () => {
  const edits: StagedEdits = { overrides: { costHT: "46 000" }, basinMoves: {}, scenarioEdits: [] };

  it("runs step by step; progress after the end is ignored", () => {
    const s = play(loaded(), { type: "generation-started" });
    expect(s.generation).toEqual({ status: "running", progress: { step: "prepare", done: 0, total: 1 } });
    expect(isBusy(s)).toBe(true);
    const step = reduce(s, {
      type: "generation-progress",
      progress: { step: "sheet", done: 1, total: 3, sheet: "Synthèse CTG" },
    });
    expect(step.generation).toEqual({
      status: "running",
      progress: { step: "sheet", done: 1, total: 3, sheet: "Synthèse CTG" },
    });
    const failed = reduce(step, {
      type: "generation-failed",
      message: { fr: "Échec", en: "Failed" },
      interrupted: true,
    });
    expect(failed.generation).toEqual({
      status: "failed",
      message: { fr: "Échec", en: "Failed" },
      interrupted: true,
    });
    expect(isBusy(failed)).toBe(false);
    expect(
      reduce(failed, { type: "generation-progress", progress: { step: "done", done: 3, total: 3 } }),
    ).toBe(failed);
  });

  it("on success, shows what was written and starts from the workbook read back", () => {
    const s = play(
      loaded(),
      { type: "param-edited", param: "costHT", text: "46 000" },
      {
        type: "scenario-applied",
        name: "Coût 46k",
        overrides: { costHT: "46 000,00" },
        basinMoves: { "71153": "sud" },
      },
      { type: "generation-started" },
    );
    const back = generatedSnapshot();
    const done = reduce(s, { type: "generation-written", outcome: DONE, readBack: back });
    expect(done.generation).toEqual({ status: "done", outcome: DONE });
    expect(done.loaded).toEqual({ snapshot: back, opened: 1 });
    expect(done.edits).toEqual({ overrides: {}, basinMoves: {}, scenarioEdits: [] });
    expect(done.applied).toBeNull();
    expect(done.generations).toBe(1);
    expect(done.watched).toEqual(["Financements", "Paramètres CTG"]);
  });

  it("when the read back fails, keeps the pane as it was (its edits too) and still counts the generation", () => {
    const s = play(
      loaded(),
      { type: "param-edited", param: "costHT", text: "46 000" },
      { type: "generation-started" },
    );
    const done = reduce(s, { type: "generation-written", outcome: DONE, readBack: null });
    expect(done.generation.status).toBe("done");
    expect(done.loaded).toBe(s.loaded);
    expect(done.edits.overrides).toEqual({ costHT: "46 000" });
    expect(done.generations).toBe(1);
  });

  it("when the workbook changed and has errors now, shows it as it is, nothing written", () => {
    const fresh = snapshot();
    const s = play(loaded(), { type: "generation-started" }, { type: "generation-changed", fresh });
    expect(s.generation).toEqual({ status: "changed" });
    expect(s.loaded).toEqual({ snapshot: fresh, opened: 1 });
    expect(s.generations).toBe(0);
  });

  it("stops on conflicts; the user settles them (then it generates) or gives up", () => {
    const conflict: Conflict = {
      kind: "param",
      param: "costHT",
      cell: "'Paramètres CTG'!B4",
      workbook: "42 000,00",
      pane: "46 000",
    };
    const fresh = generatedSnapshot();
    const s = play(
      loaded(),
      { type: "param-edited", param: "costHT", text: "46 000" },
      { type: "generation-started" },
      { type: "generation-conflicts", conflicts: [conflict], fresh, edits },
    );
    expect(s.generation).toEqual({ status: "conflicts", conflicts: [conflict], fresh, edits });
    expect(isBusy(s)).toBe(false);
    expect(reduce(s, { type: "conflicts-cancelled" }).generation).toEqual({ status: "idle" });
    const kept: StagedEdits = { overrides: {}, basinMoves: {}, scenarioEdits: [] };
    const settled = reduce(s, { type: "conflicts-settled", fresh, edits: kept });
    expect(settled.loaded).toEqual({ snapshot: fresh, opened: 1 });
    expect(settled.edits).toBe(kept);
    const again = reduce(settled, { type: "generation-started" });
    expect(again.generation.status).toBe("running");
  });
});

describe("going to a cell or a sheet", () => {
  it("marks the issue clicked and notes the cell selected, or clears the note for a pane field", () => {
    const s = play(
      loaded(),
      { type: "issue-chosen", id: "0:unknown-commune:Financements!A3", field: false },
      { type: "cell-noted", note: { kind: "cell", name: "Financements!A3" } },
    );
    expect(s.currentIssue).toBe("0:unknown-commune:Financements!A3");
    expect(s.cellNote).toEqual({ kind: "cell", name: "Financements!A3" });
    const field = reduce(s, { type: "issue-chosen", id: "1:bad-rate:Volet : taux Caf", field: true });
    expect(field.currentIssue).toBe("1:bad-rate:Volet : taux Caf");
    expect(field.cellNote).toBeNull();
  });

  it("notes the sheet shown, or why it could not be", () => {
    const s = reduce(loaded(), {
      type: "sheet-noted",
      note: { kind: "error", message: { fr: "Feuille absente", en: "No sheet" } },
    });
    expect(s.sheetNote).toEqual({ kind: "error", message: { fr: "Feuille absente", en: "No sheet" } });
  });
});

describe("errors as the state keeps them", () => {
  it("keeps a file's reason, « no input », or the message in both languages", () => {
    const fileError = new WorkbookFileError("not-a-zip", "not a workbook");
    expect(problemOf(fileError)).toEqual({ kind: "file", reason: "not-a-zip" });
    const usage = new InputNotFoundError("nothing");
    expect(problemOf(usage)).toEqual({ kind: "no-input" });
    expect(problemOf(new Error("boom"))).toEqual({ kind: "other", message: { fr: "boom", en: "boom" } });
    const office = Object.assign(new Error("Excel is busy"), {
      messages: { fr: "Excel est occupé", en: "Excel is busy" },
    });
    expect(saidOf(office)).toEqual({ fr: "Excel est occupé", en: "Excel is busy" });
    expect(saidOf("plain")).toEqual({ fr: "plain", en: "plain" });
  });
});
