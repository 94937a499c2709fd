/**
 * The pane's staged edits on top of the workbook as the generation read it (src/taskpane/merge.ts,
 * trustedInputs in generation.ts): worked examples on the demo workbook once summarized.
 */

import { COMMUNES } from "../../src/core/communes";
import type { Scenario } from "../../src/core/scenarios";
import { trustedInputs } from "../../src/taskpane/generation";
import { conflictKey, findConflicts, resolveEdits, type StagedEdits } from "../../src/taskpane/merge";
import { initialParamFields } from "../../src/taskpane/model";
import type { WorkbookSnapshot } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../helpers/summarize";

const NONE: StagedEdits = { overrides: {}, basinMoves: {}, scenarioEdits: [] };
let base: WorkbookSnapshot;

beforeAll(async () => {
  const done = await summarizeWorkbook(demoWorkbook(COMMUNES, "fr"), { lang: "fr", version: "test" });
  if (done.output === null) throw new Error("demo not summarized");
  base = snapshotPackage(openPackage(done.output));
});

/** The snapshot with one parameter's value changed, as a user typing in the cell. */
function withParam(s: WorkbookSnapshot, param: "costHT" | "key", value: string | number): WorkbookSnapshot {
  const cell = s.parameters[param]?.cell ?? "";
  return { ...s, parameters: { ...s.parameters, [param]: { value, cell } } };
}

/** The snapshot with a commune's basin cell (column C of Communes CTG) changed. */
function withBasin(s: WorkbookSnapshot, insee: string, basin: string): WorkbookSnapshot {
  if (s.communes === null) throw new Error("no communes");
  const grid = s.communes.grid.map((row) =>
    String(row[0]) === insee ? [row[0], row[1], basin, ...row.slice(3)] : row,
  );
  return { ...s, communes: { ...s.communes, grid } };
}

test("a workbook change the pane did not make is no conflict: the workbook's value is the one used", () => {
  const fresh = withParam(base, "key", "Population");
  expect(findConflicts(base, fresh, { ...NONE, overrides: { costHT: "46 000,00" } }, "fr")).toEqual([]);
});

test("a parameter changed on both sides, to different values, is a conflict naming its cell", () => {
  const fresh = withParam(base, "costHT", 50_000);
  const conflicts = findConflicts(base, fresh, { ...NONE, overrides: { costHT: "47 000" } }, "fr");
  expect(conflicts).toEqual([
    {
      kind: "param",
      param: "costHT",
      cell: "'Paramètres CTG'!B5",
      workbook: initialParamFields(fresh.parameters, "fr").costHT,
      pane: "47 000",
    },
  ]);
  // The same value on both sides: no conflict.
  const same = initialParamFields(fresh.parameters, "fr").costHT;
  expect(findConflicts(base, fresh, { ...NONE, overrides: { costHT: same } }, "fr")).toEqual([]);
});

test("a basin moved in the pane and changed in the workbook is a conflict on the commune's basin cell", () => {
  const saintEusebe = COMMUNES.find((c) => c.name === "Saint-Eusèbe");
  if (saintEusebe === undefined) throw new Error("no Saint-Eusèbe");
  const fresh = withBasin(base, saintEusebe.insee, "Sud");
  // The pane moved it south too: no conflict.
  expect(findConflicts(base, fresh, { ...NONE, basinMoves: { [saintEusebe.insee]: "sud" } }, "fr")).toEqual(
    [],
  );
  // The pane moved another commune: no conflict either.
  const other = COMMUNES.find((c) => c.insee !== saintEusebe.insee && c.basin === "nord");
  expect(findConflicts(base, fresh, { ...NONE, basinMoves: { [other?.insee ?? ""]: "sud" } }, "fr")).toEqual(
    [],
  );
  // The workbook put it north again after the pane read it south: a conflict.
  const south = withBasin(base, saintEusebe.insee, "Sud");
  const north = withBasin(base, saintEusebe.insee, "Nord");
  const conflicts = findConflicts(
    south,
    north,
    { ...NONE, basinMoves: { [saintEusebe.insee]: "sud" } },
    "fr",
  );
  expect(conflicts).toHaveLength(1);
  expect(conflicts[0]).toMatchObject({
    kind: "basin",
    commune: "Saint-Eusèbe",
    workbook: "nord",
    pane: "sud",
  });
  expect(conflicts[0]?.kind === "basin" ? conflicts[0].cell : "").toMatch(/^'Communes CTG'!C\d+$/);
});

test("a scenario the pane renames, changed in the workbook meanwhile, is a conflict; resolving drops or keeps the edit", () => {
  const sheet = base.scenarios;
  if (sheet === undefined || sheet === null) throw new Error("no scenarios");
  const name = String(
    sheet.grid
      .find((row) => row.some((v) => v === "Paramètres actuels"))
      ?.find((v) => v === "Paramètres actuels"),
  );
  // The workbook's scenario column: its note changed (the row after the name and date rows).
  const grid = sheet.grid.map((row) => [...row]);
  const noteRow = grid.findIndex((row) =>
    String(row[0] ?? "")
      .toLowerCase()
      .startsWith("note"),
  );
  expect(noteRow).toBeGreaterThan(0);
  const col = grid.flatMap((row) => row.map((v, c) => (v === name ? c : -1))).find((c) => c >= 0) ?? -1;
  expect(col).toBeGreaterThan(0);
  (grid[noteRow] as unknown[])[col] = "changé dans le classeur";
  const fresh: WorkbookSnapshot = { ...base, scenarios: { ...sheet, grid } };
  const edits: StagedEdits = { ...NONE, scenarioEdits: [{ kind: "rename", from: name, to: "Base 2026" }] };
  const conflicts = findConflicts(base, fresh, edits, "fr");
  expect(conflicts).toHaveLength(1);
  const [conflict] = conflicts;
  expect(conflict?.kind).toBe("scenario");
  expect((conflict?.kind === "scenario" ? conflict.workbook : null) as Scenario | null).toMatchObject({
    name,
    note: "changé dans le classeur",
  });
  const key = conflictKey(conflict!);
  expect(resolveEdits(edits, conflicts, { [key]: "workbook" }).scenarioEdits).toEqual([]);
  expect(resolveEdits(edits, conflicts, { [key]: "pane" }).scenarioEdits).toEqual(edits.scenarioEdits);
  // A conflict left without a choice keeps the pane's edit out.
  expect(resolveEdits(edits, conflicts, {}).scenarioEdits).toEqual([]);
});

test("after an interrupted generation the product's cells read before it are the ones written again", () => {
  const wiped: WorkbookSnapshot = {
    ...base,
    parameters: {},
    communes: null,
    scenarios: null,
    complete: false,
  };
  const whole = { ...base, complete: true };
  const used = trustedInputs(whole, wiped);
  expect(used.parameters).toEqual(base.parameters);
  expect(used.communes).toEqual(base.communes);
  expect(used.scenarios).toEqual(base.scenarios);
  expect(used.complete).toBe(false);
  // A complete workbook is taken as it is; so is an incomplete one when the pane's read was too.
  expect(trustedInputs(whole, { ...base, complete: true, parameters: {} }).parameters).toEqual({});
  expect(trustedInputs({ ...base, complete: false }, wiped).parameters).toEqual({});
});

test("after an interrupted generation the bonus parameters read before it are written again, not the half written ones", () => {
  const names = base.bonusParameters ?? {};
  expect(Object.keys(names)).toEqual(
    expect.arrayContaining(["CTG_B_Revalo1", "CTG_B_Revalo2", "CTG_B_Revalo3"]),
  );
  // Interrupted between deleting the uplift names and adding them again: only CTG_B_Revalo1 is left.
  const halfWritten = Object.fromEntries(
    Object.entries(names).filter(([name]) => name !== "CTG_B_Revalo2" && name !== "CTG_B_Revalo3"),
  );
  const facilities =
    base.facilities === undefined || base.facilities === null ? null : { ...base.facilities };
  const interrupted: WorkbookSnapshot = {
    ...base,
    bonusParameters: halfWritten,
    facilities,
    complete: false,
  };
  const used = trustedInputs({ ...base, complete: true }, interrupted);
  expect(used.bonusParameters).toEqual(names);
  // The facilities table is the user's: always as it is now.
  expect(used.facilities).toBe(facilities);
  // A complete workbook's names are taken as they are.
  expect(
    trustedInputs({ ...base, complete: true }, { ...interrupted, complete: true }).bonusParameters,
  ).toEqual(halfWritten);
});
