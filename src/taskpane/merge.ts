/**
 * The pane's staged edits on top of the workbook as it is now. A generation re-reads the cells the
 * user may edit (parameters, basins, scenarios) in its own read, so that nothing is written back from
 * an older read: a cell the workbook changed since the pane's last read and the pane did not touch
 * keeps the workbook's value; a cell both changed (to different values) is a conflict the user
 * settles before anything is written.
 *
 * Worked example: the pane read `Paramètres CTG!B9` = « CEJ »; the user picks « Population » from the
 * cell's drop-down in Excel on the web (no change event comes) and sets the cost to 46 000 € in the
 * pane. The generation reads B9 = « Population » again: B9 is not a pane edit, so it stays
 * « Population »; the cost is the pane's 46 000 €. Had the pane also set the key to « Communes », B9
 * would be a conflict: « Population » (classeur) or « Communes » (volet).
 */

import {
  cellText,
  gridAddress,
  toCell,
  COMMUNES,
  DEFAULT_PARAMS,
  type PlanParamName,
  readCommunesTable,
  readScenarios,
  type Scenario,
  type ScenarioEdit,
  type Basin,
  type Lang,
} from "../core";
import { conflictKey, type Conflict, type Resolutions, type StagedEdits } from "./conflicts";

import type { WorkbookSnapshot } from "../app";
import { initialParamFields } from "./model";

export { conflictKey };
export type { Conflict, Resolutions, StagedEdits };

function sameRaw(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Basin and cell of each commune of a snapshot's `Communes CTG` table (none: an empty map). */
function basinsOf(snapshot: WorkbookSnapshot): Map<string, { basin: Basin; name: string; cell: string }> {
  const out = new Map<string, { basin: Basin; name: string; cell: string }>();
  const table = snapshot.communes;
  if (table === null) return out;
  const { communes } = readCommunesTable(table.grid, table.origin, COMMUNES);
  // The basin is the table's third column; its row, the one whose first cell holds the INSEE code.
  const rowOf = new Map<string, number>();
  table.grid.forEach((row, r) => {
    const cell = toCell(row[0]);
    const text = r === 0 || cell.kind === "date" ? "" : cellText(cell).trim();
    const code = text === "" ? "" : text.padStart(5, "0");
    if (code !== "" && !rowOf.has(code)) rowOf.set(code, r);
  });
  for (const c of communes) {
    const r = rowOf.get(c.insee);
    out.set(c.insee, {
      basin: c.basin,
      name: c.name,
      cell: r === undefined ? "" : gridAddress(table.origin, r, 2),
    });
  }
  return out;
}

/** The scenarios of a snapshot, by lower-case name (read with fixed defaults, to compare two reads). */
function scenariosOf(snapshot: WorkbookSnapshot): Map<string, Scenario> {
  const sheet = snapshot.scenarios;
  const out = new Map<string, Scenario>();
  if (sheet === undefined || sheet === null) return out;
  const { scenarios } = readScenarios(sheet.grid, sheet.origin, COMMUNES, DEFAULT_PARAMS);
  for (const s of scenarios) if (!out.has(s.name.toLowerCase())) out.set(s.name.toLowerCase(), s);
  return out;
}

/** The name of the workbook's scenario an edit changes (rename, delete), or of the one it adds. */
function editedName(edit: ScenarioEdit): string {
  return edit.kind === "add" ? edit.scenario.name : edit.kind === "rename" ? edit.from : edit.name;
}

/**
 * The conflicts between the pane's staged edits and what changed in the workbook since the pane's
 * read. A change both sides made alike is no conflict.
 *
 * @param base - the snapshot the pane's edits were made on
 * @param fresh - the workbook now (the generation's read)
 * @param edits - the pane's staged edits
 * @param lang - the pane's language (parameter fields are written in it)
 * @returns the conflicts, parameters first, then basins, then scenarios
 */
export function findConflicts(
  base: WorkbookSnapshot,
  fresh: WorkbookSnapshot,
  edits: StagedEdits,
  lang: Lang,
): Conflict[] {
  const conflicts: Conflict[] = [];
  const freshFields = initialParamFields(fresh.parameters, lang);
  for (const [param, pane] of Object.entries(edits.overrides) as [PlanParamName, string][]) {
    const before = base.parameters[param]?.value;
    const now = fresh.parameters[param]?.value;
    if (sameRaw(before, now) || freshFields[param] === pane) continue;
    conflicts.push({
      kind: "param",
      param,
      cell: fresh.parameters[param]?.cell ?? base.parameters[param]?.cell ?? "",
      workbook: freshFields[param],
      pane,
    });
  }
  const moved = Object.entries(edits.basinMoves);
  if (moved.length > 0 && !sameRaw(base.communes, fresh.communes)) {
    const before = basinsOf(base);
    const now = basinsOf(fresh);
    for (const [insee, pane] of moved) {
      const b = before.get(insee);
      const n = now.get(insee);
      if (b?.basin === n?.basin || n?.basin === pane) continue;
      conflicts.push({
        kind: "basin",
        insee,
        commune: n?.name ?? b?.name ?? insee,
        cell: n?.cell ?? "",
        workbook: n?.basin ?? null,
        pane,
      });
    }
  }
  if (edits.scenarioEdits.length > 0 && !sameRaw(base.scenarios, fresh.scenarios)) {
    const before = scenariosOf(base);
    const now = scenariosOf(fresh);
    const seen = new Set<string>();
    for (const edit of edits.scenarioEdits) {
      const name = editedName(edit);
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const b = before.get(key) ?? null;
      const n = now.get(key) ?? null;
      // An added scenario conflicts only with one of its name the workbook gained meanwhile.
      if (sameRaw(b, n)) continue;
      conflicts.push({ kind: "scenario", name, workbook: n, pane: edit });
    }
  }
  return conflicts;
}

/**
 * The staged edits once the user chose, per conflict, the workbook's value (the pane's edit is
 * dropped) or the pane's (kept). A conflict left without a choice keeps the pane's edit out: nothing
 * is written back that the user did not confirm.
 *
 * @param edits - the staged edits
 * @param conflicts - the conflicts found
 * @param resolutions - the user's choices
 * @returns the edits to generate with (on top of the workbook as it is now)
 */
export function resolveEdits(
  edits: StagedEdits,
  conflicts: readonly Conflict[],
  resolutions: Resolutions,
): StagedEdits {
  const dropped = new Set(
    conflicts.filter((c) => resolutions[conflictKey(c)] !== "pane").map((c) => conflictKey(c)),
  );
  const overrides: Partial<Record<PlanParamName, string>> = {};
  for (const [param, value] of Object.entries(edits.overrides) as [PlanParamName, string][])
    if (!dropped.has(`param:${param}`)) overrides[param] = value;
  const basinMoves: Record<string, Basin> = {};
  for (const [insee, basin] of Object.entries(edits.basinMoves))
    if (!dropped.has(`basin:${insee}`)) basinMoves[insee] = basin;
  const scenarioEdits = edits.scenarioEdits.filter(
    (e) => !dropped.has(`scenario:${editedName(e).toLowerCase()}`),
  );
  return { overrides, basinMoves, scenarioEdits };
}
