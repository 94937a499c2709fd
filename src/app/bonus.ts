/**
 * The bonus territoire of a workbook (issue #14): its facilities table read against the plan's
 * reference, its parameters read back from the `CTG_B_*` names, and the engine's plan. Pure.
 */

import {
  computeBonusPlan,
  readBonusParams,
  readFacilityTable,
  toCell,
  type Commune,
  type FacilityReadResult,
  type Issue,
} from "../core";
import type { BonusReportInput } from "../report";
import type { FacilitySnapshot, WorkbookSnapshot } from "./snapshot";

/** What the bonus step gives: the report's bonus input (null: none to write) and its issues. */
export interface BonusStep {
  readonly bonus: BonusReportInput | null;
  readonly issues: readonly Issue[];
}

const NONE: BonusStep = { bonus: null, issues: [] };

const hasError = (list: readonly Issue[]): boolean => list.some((i) => i.severity === "error");

/** Whether no cell of the grid holds anything (a sheet left blank). */
function blank(facilities: FacilitySnapshot): boolean {
  return facilities.grid.every((row) => row.every((v) => toCell(v).kind === "empty"));
}

/**
 * The facilities table as read; null when it holds no facility (its header alone, or nothing): the
 * workbook then has no bonus territoire yet, which is no problem.
 */
function readFacilities(
  facilities: FacilitySnapshot,
  communes: readonly Commune[],
): FacilityReadResult | null {
  if (blank(facilities)) return null;
  const read = readFacilityTable(facilities.grid, {
    origin: facilities.origin,
    communes,
    ...(facilities.table !== null ? { headerRow: 0 } : {}),
  });
  const empty = read.issues.length === 1 && read.issues[0]?.code === "facility-no-rows";
  return empty ? null : read;
}

/**
 * The bonus territoire step of a plan: nothing without a facilities table (or with an empty one);
 * otherwise the table read (every issue naming its cell, `'Équipements CTG'!D7`), the parameters read
 * back from the workbook's names (defaults for those absent), and the engine's plan. Any error leaves
 * the bonus out, and blocks the generation with the rest of the issues.
 *
 * @param snapshot - what the workbook holds
 * @param communes - the plan's reference (with the user's basin moves): it gives each facility's basin
 * @returns the bonus input (null when there is none or an error stands in the way) and the issues
 */
export function bonusStep(snapshot: WorkbookSnapshot, communes: readonly Commune[]): BonusStep {
  const facilities = snapshot.facilities ?? null;
  if (facilities === null) return NONE;
  const read = readFacilities(facilities, communes);
  if (read === null) return NONE;
  const params = readBonusParams(snapshot.bonusParameters ?? {});
  const issues: Issue[] = [...read.issues, ...params.issues];
  if (hasError(issues)) return { bonus: null, issues };
  const plan = computeBonusPlan(read.facilities, communes, params.params);
  issues.push(...plan.issues);
  if (hasError(issues)) return { bonus: null, issues };
  const bonus = { read, grid: facilities.grid, origin: facilities.origin, params: params.params, plan };
  return { bonus, issues };
}
