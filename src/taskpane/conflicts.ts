/**
 * The conflicts between the pane's staged edits and the workbook as a generation read it: their
 * shapes and keys only (no engine code), so that the pane's first chunk stays small. Finding and
 * settling them is merge.ts's, in the engine chunk.
 */

import type { PlanParamName, Scenario, ScenarioEdit, Basin } from "../core";
import type { ParamFields } from "./model";

/** What the pane has staged and not yet written. */
export interface StagedEdits {
  /** Parameter fields the user typed (field text, as the pane shows it). */
  readonly overrides: Partial<ParamFields>;
  /** INSEE code → basin. */
  readonly basinMoves: Readonly<Record<string, Basin>>;
  readonly scenarioEdits: readonly ScenarioEdit[];
}

/** A cell (or scenario column) changed in the workbook since the pane read it, and in the pane. */
export type Conflict =
  | {
      readonly kind: "param";
      readonly param: PlanParamName;
      /** `'Paramètres CTG'!B9`, or "" when the workbook has no parameters sheet now. */
      readonly cell: string;
      /** The workbook's value now, as a pane field shows it; the pane's. */
      readonly workbook: string;
      readonly pane: string;
    }
  | {
      readonly kind: "basin";
      readonly insee: string;
      readonly commune: string;
      readonly cell: string;
      readonly workbook: Basin | null;
      readonly pane: Basin;
    }
  | {
      readonly kind: "scenario";
      /** The scenario the pane edits (its name in the pane's last read). */
      readonly name: string;
      /** The scenario in the workbook now (null: removed there), and what the pane does with it. */
      readonly workbook: Scenario | null;
      readonly pane: ScenarioEdit;
    };

/** Which side to keep, per conflict (keyed by conflictKey). */
export type Resolutions = Readonly<Record<string, "workbook" | "pane">>;

/**
 * A stable key of a conflict, for the user's choice.
 *
 * @param conflict - the conflict
 * @returns `param:key`, `basin:71076`, `scenario:coût 46k`
 */
export function conflictKey(conflict: Conflict): string {
  switch (conflict.kind) {
    case "param":
      return `param:${conflict.param}`;
    case "basin":
      return `basin:${conflict.insee}`;
    case "scenario":
      return `scenario:${conflict.name.toLowerCase()}`;
  }
}
