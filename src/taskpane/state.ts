/**
 * The pane's state, pure: what it holds (the workbook's read, the edits it stages, where a
 * generation stands, what the user was last told) and how each event changes it. No React, no host:
 * the pane runs {@link reduce} with `useReducer`, its hooks (hooks/) do the reads and writes and
 * dispatch what came of them; tests/taskpane/state.test.ts runs each transition in Node.
 *
 * The language and the theme are not here: start-up owns them (index.tsx) and the pane takes the
 * language as a prop. What the state keeps of an error is raw (a reason, or the message in both
 * languages), so that it follows the language.
 */

import type { PlanParamName, ScenarioEdit, Basin, ColumnMapping, Lang } from "../core";
import type { WorkbookSnapshot } from "../app";
import { InputNotFoundError, WorkbookFileError } from "../errors";
import type { Conflict, StagedEdits } from "./conflicts";
import type { GenerateOutcome, GenerateProgress, InputChoice } from "./host";
import { choiceOfSnapshot, watchedSheets, type ParamFields } from "./model";

// ---- what the state holds -----------------------------------------------------------------------

/** A sentence in both languages (an error's message: the Office adapter's errors carry both). */
export type Said = Readonly<Record<Lang, string>>;

/** What went wrong reading the workbook or opening a file. */
export type Problem =
  | { readonly kind: "file"; readonly reason: string }
  | { readonly kind: "no-input" }
  | { readonly kind: "other"; readonly message: Said };

/** A note after a click on a cell or a sheet. */
export type Note =
  | { readonly kind: "cell" | "sheet"; readonly name: string }
  | { readonly kind: "error"; readonly message: Said };

/** Where a generation stands. */
export type GenerationState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: GenerateProgress }
  | { readonly status: "done"; readonly outcome: GenerateOutcome }
  | {
      readonly status: "conflicts";
      readonly conflicts: readonly Conflict[];
      /** The workbook as the generation read it, and the edits it would have written. */
      readonly fresh: WorkbookSnapshot;
      readonly edits: StagedEdits;
    }
  /** The workbook changed since the pane's read and now has errors: nothing was written. */
  | { readonly status: "changed" }
  /** `interrupted`: the write stopped halfway (the summary is marked incomplete). */
  | { readonly status: "failed"; readonly message: Said; readonly interrupted: boolean };

/** A read of the workbook the pane asked for: `serial` changes with every request. */
export interface ReadRequest {
  readonly serial: number;
  /** Where the funding rows are; null lets the reader find them. */
  readonly choice: InputChoice | null;
}

/** The workbook as last read; `opened` changes only when a workbook or table is (re)opened. */
export interface Loaded {
  readonly snapshot: WorkbookSnapshot;
  readonly opened: number;
}

export interface PaneState {
  /** The read asked for last (at start, on « read again », another table, another file). */
  readonly request: ReadRequest;
  /** A requested read (or a file being opened) is under way. */
  readonly loading: boolean;
  /** The tables and sheets the rows can be read from. */
  readonly inputs: readonly InputChoice[];
  readonly loaded: Loaded | null;
  /** How many times a workbook or table was opened: numbers `loaded.opened`. */
  readonly opened: number;
  /** The last read failed (nothing shown). */
  readonly problem: Problem | null;
  /** The file the user picked could not be opened (the workbook held stays). */
  readonly fileProblem: Problem | null;
  /** The sheets whose edits the pane follows (the same array while their names stay the same). */
  readonly watched: readonly string[];
  /** The columns the user chose; null: the reader's own. */
  readonly mapping: ColumnMapping | null;
  /** The parameters, communes' basins and scenario edits staged in the pane, not yet written. */
  readonly edits: StagedEdits;
  /** The last scenario applied, for the status line. */
  readonly applied: string | null;
  readonly generation: GenerationState;
  /** Generations written: each one re-created the product's sheets (their event handlers with them). */
  readonly generations: number;
  readonly mappingOpen: boolean;
  /** The warnings are acknowledged (until they change). */
  readonly acknowledged: boolean;
  /** The read and the warnings the pane last showed (see {@link viewSeen}). */
  readonly seen: { readonly opened: number; readonly warnings: string };
  /** The issue whose cell was last clicked. */
  readonly currentIssue: string | null;
  readonly cellNote: Note | null;
  readonly sheetNote: Note | null;
}

// ---- what can happen ----------------------------------------------------------------------------

export type PaneAction =
  // Reading the workbook.
  /** « Read again »: the same choice, a new read; the pane's edits stay. */
  | { readonly type: "reread" }
  /** Another table or sheet: the mapping and the pane's edits start afresh. */
  | { readonly type: "input-chosen"; readonly choice: InputChoice }
  | { readonly type: "file-opening" }
  /** Another workbook was opened (or the demo again): everything starts afresh. */
  | { readonly type: "file-opened" }
  | { readonly type: "file-failed"; readonly problem: Problem }
  /** The read asked by request `serial` came back (a stale one is dropped). */
  | {
      readonly type: "read";
      readonly serial: number;
      readonly inputs: readonly InputChoice[];
      readonly snapshot: WorkbookSnapshot;
    }
  /** A read failed: the requested one (`serial`), or one that followed a workbook edit (null). */
  | { readonly type: "read-failed"; readonly serial: number | null; readonly problem: Problem }
  /** The workbook read again after an edit made in it: the pane's edits stay, the generation too. */
  | { readonly type: "refreshed"; readonly snapshot: WorkbookSnapshot }
  /** What the pane shows now (computed from the plan): see {@link viewSeen}. */
  | { readonly type: "view-seen"; readonly warnings: string; readonly needsMapping: boolean }
  // Staging edits.
  | { readonly type: "param-edited"; readonly param: PlanParamName; readonly text: string }
  | { readonly type: "params-reset" }
  | { readonly type: "mapping-chosen"; readonly mapping: ColumnMapping }
  | { readonly type: "mapping-toggled"; readonly open: boolean }
  | { readonly type: "scenario-staged"; readonly edit: ScenarioEdit }
  | { readonly type: "scenarios-undone" }
  /** A scenario's parameters and basins put in the pane's fields. */
  | {
      readonly type: "scenario-applied";
      readonly name: string;
      readonly overrides: Partial<ParamFields>;
      readonly basinMoves: Readonly<Record<string, Basin>>;
    }
  | { readonly type: "warnings-acknowledged"; readonly value: boolean }
  // Generating.
  | { readonly type: "generation-started" }
  | { readonly type: "generation-progress"; readonly progress: GenerateProgress }
  /** Cells changed both in the workbook and in the pane: nothing written, the user chooses. */
  | {
      readonly type: "generation-conflicts";
      readonly conflicts: readonly Conflict[];
      readonly fresh: WorkbookSnapshot;
      readonly edits: StagedEdits;
    }
  /** The workbook changed since the pane's read and has errors now: shown as it is. */
  | { readonly type: "generation-changed"; readonly fresh: WorkbookSnapshot }
  /** Written; `readBack` is the workbook read again after it (null when that read failed). */
  | {
      readonly type: "generation-written";
      readonly outcome: GenerateOutcome;
      readonly readBack: WorkbookSnapshot | null;
    }
  | { readonly type: "generation-failed"; readonly message: Said; readonly interrupted: boolean }
  /** The user chose a side for each conflict: the edits settled on the workbook as read. */
  | { readonly type: "conflicts-settled"; readonly fresh: WorkbookSnapshot; readonly edits: StagedEdits }
  | { readonly type: "conflicts-cancelled" }
  // Going to a cell or a sheet.
  /** An issue's cell was clicked; `field`: it is one of the pane's fields (no note). */
  | { readonly type: "issue-chosen"; readonly id: string; readonly field: boolean }
  | { readonly type: "cell-noted"; readonly note: Note }
  | { readonly type: "sheet-noted"; readonly note: Note };

// ---- the reducer --------------------------------------------------------------------------------

const NO_EDITS: StagedEdits = { overrides: {}, basinMoves: {}, scenarioEdits: [] };

/** The pane before anything is read: the first read is under way. */
export function initialPaneState(): PaneState {
  return {
    request: { serial: 1, choice: null },
    loading: true,
    inputs: [],
    loaded: null,
    opened: 0,
    problem: null,
    fileProblem: null,
    watched: [],
    mapping: null,
    edits: NO_EDITS,
    applied: null,
    generation: { status: "idle" },
    generations: 0,
    mappingOpen: false,
    acknowledged: false,
    seen: { opened: 0, warnings: "" },
    currentIssue: null,
    cellNote: null,
    sheetNote: null,
  };
}

/**
 * What changes once the pane's inputs change (its edits, the mapping, another read): what was
 * generated no longer matches them (a generation under way goes on), and the sheet note goes.
 */
function inputsChanged(state: PaneState): Pick<PaneState, "generation" | "sheetNote"> {
  return {
    generation: state.generation.status === "running" ? state.generation : { status: "idle" },
    sheetNote: null,
  };
}

/** Another workbook or table: the mapping and the pane's edits start afresh. */
function afresh(state: PaneState): PaneState {
  return {
    ...state,
    ...inputsChanged(state),
    mapping: null,
    edits: NO_EDITS,
    applied: null,
    currentIssue: null,
    cellNote: null,
  };
}

/** A new read request (`choice`), the previous one forgotten. */
function requested(state: PaneState, choice: InputChoice | null): PaneState {
  return { ...state, request: { serial: state.request.serial + 1, choice }, loading: true };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/**
 * The state with `snapshot` shown: a new opening when `fresh` (or when nothing was shown), else the
 * same one (a workbook edit followed, the generation's own read).
 */
function withSnapshot(state: PaneState, snapshot: WorkbookSnapshot, fresh: boolean): PaneState {
  const watched = watchedSheets(snapshot);
  const kept = sameList(watched, state.watched) ? state.watched : watched;
  if (!fresh && state.loaded !== null) {
    return { ...state, loaded: { snapshot, opened: state.loaded.opened }, watched: kept };
  }
  const opened = state.opened + 1;
  return { ...state, ...inputsChanged(state), loaded: { snapshot, opened }, opened, watched: kept };
}

function withEdits(state: PaneState, edits: Partial<StagedEdits>): PaneState {
  return { ...state, ...inputsChanged(state), edits: { ...state.edits, ...edits } };
}

/** One handler per action type: the compiler checks that every action has one. */
type Handlers = {
  readonly [T in PaneAction["type"]]: (
    state: PaneState,
    action: Extract<PaneAction, { type: T }>,
  ) => PaneState;
};

const HANDLERS: Handlers = {
  // Reading the workbook.
  reread: (state) => requested(state, state.request.choice),
  "input-chosen": (state, { choice }) => requested(afresh(state), choice),
  "file-opening": (state) => ({ ...state, fileProblem: null, loading: true }),
  "file-opened": (state) => requested(afresh(state), null),
  "file-failed": (state, { problem }) => ({ ...state, fileProblem: problem, loading: false }),
  read: (state, { serial, inputs, snapshot }) =>
    serial !== state.request.serial
      ? state // an older request's answer
      : { ...withSnapshot(state, snapshot, true), inputs, problem: null, loading: false },
  "read-failed": (state, { serial, problem }) => {
    if (serial !== null && serial !== state.request.serial) return state;
    const failed = { ...state, loaded: null, watched: [], problem };
    const shown = state.loaded === null ? failed : { ...failed, ...inputsChanged(state) };
    return serial === null ? shown : { ...shown, loading: false };
  },
  // A requested read under way tells what the workbook holds now.
  refreshed: (state, { snapshot }) =>
    state.loading ? state : { ...withSnapshot(state, snapshot, false), problem: null },
  "view-seen": (state, { warnings, needsMapping }) => {
    if (!viewSeen(state, warnings)) return state;
    const opened = state.loaded?.opened ?? 0;
    return {
      ...state,
      seen: { opened, warnings },
      // A new opening: the mapping opens when it needs the user, who may close it afterwards.
      mappingOpen: opened === state.seen.opened ? state.mappingOpen : needsMapping,
      acknowledged: false, // new warnings ask for a new acknowledgement
    };
  },
  // Staging edits.
  "param-edited": (state, { param, text }) =>
    withEdits(state, { overrides: { ...state.edits.overrides, [param]: text } }),
  "params-reset": (state) => ({ ...withEdits(state, { overrides: {}, basinMoves: {} }), applied: null }),
  "mapping-chosen": (state, { mapping }) => ({ ...state, ...inputsChanged(state), mapping }),
  "mapping-toggled": (state, { open }) => ({ ...state, mappingOpen: open }),
  "scenario-staged": (state, { edit }) =>
    withEdits(state, { scenarioEdits: [...state.edits.scenarioEdits, edit] }),
  "scenarios-undone": (state) => withEdits(state, { scenarioEdits: [] }),
  "scenario-applied": (state, { name, overrides, basinMoves }) => ({
    ...withEdits(state, { overrides, basinMoves }),
    applied: name,
  }),
  "warnings-acknowledged": (state, { value }) => ({ ...state, acknowledged: value }),
  // Generating.
  "generation-started": (state) => ({
    ...state,
    generation: { status: "running", progress: { step: "prepare", done: 0, total: 1 } },
  }),
  "generation-progress": (state, { progress }) =>
    state.generation.status === "running" ? { ...state, generation: { status: "running", progress } } : state,
  "generation-conflicts": (state, { conflicts, fresh, edits }) => ({
    ...state,
    generation: { status: "conflicts", conflicts, fresh, edits },
  }),
  "generation-changed": (state, { fresh }) => ({
    ...withSnapshot(state, fresh, false),
    generation: { status: "changed" },
  }),
  "generation-written": (state, { outcome, readBack }) => {
    const done: PaneState = {
      ...state,
      generation: { status: "done", outcome },
      generations: state.generations + 1,
    };
    if (readBack === null) return done; // shown as it was; the next read tells
    // The workbook now holds the pane's parameters and scenarios: start from it.
    return { ...withSnapshot(done, readBack, false), edits: NO_EDITS, applied: null };
  },
  "generation-failed": (state, { message, interrupted }) => ({
    ...state,
    generation: { status: "failed", message, interrupted },
  }),
  "conflicts-settled": (state, { fresh, edits }) => ({ ...withSnapshot(state, fresh, false), edits }),
  "conflicts-cancelled": (state) => ({ ...state, generation: { status: "idle" } }),
  // Going to a cell or a sheet.
  "issue-chosen": (state, { id, field }) => ({
    ...state,
    currentIssue: id,
    cellNote: field ? null : state.cellNote,
  }),
  "cell-noted": (state, { note }) => ({ ...state, cellNote: note }),
  "sheet-noted": (state, { note }) => ({ ...state, sheetNote: note }),
};

/**
 * The pane's next state.
 *
 * @param state - the state now
 * @param action - what happened
 * @returns the state after it (the same object when nothing changes)
 */
export function reduce(state: PaneState, action: PaneAction): PaneState {
  const handle = HANDLERS[action.type] as (state: PaneState, action: PaneAction) => PaneState;
  return handle(state, action);
}

// ---- what the pane reads of it ------------------------------------------------------------------

/**
 * Whether the pane shows something it has not seen yet (another opening, other warnings): then it
 * dispatches `view-seen` while rendering (the mapping and the acknowledgement follow at once).
 *
 * @param state - the state
 * @param warnings - the key of the warnings shown now (their ids joined)
 * @returns true when `view-seen` changes the state
 */
export function viewSeen(state: PaneState, warnings: string): boolean {
  return state.seen.opened !== (state.loaded?.opened ?? 0) || state.seen.warnings !== warnings;
}

/**
 * The table or sheet the rows are read from: the one asked for, else the one the reader found.
 *
 * @param request - the read asked for last
 * @param loaded - the workbook as last read
 * @returns the choice, or null before anything is read
 */
export function chosenInput(request: ReadRequest, loaded: Loaded | null): InputChoice | null {
  return request.choice ?? (loaded === null ? null : choiceOfSnapshot(loaded.snapshot));
}

/** A read or a generation is under way: the pane's controls wait. */
export function isBusy(state: PaneState): boolean {
  return state.loading || state.generation.status === "running";
}

/** Whether the pane holds edits of its own (parameters, basins, scenarios) not yet written. */
export function hasPaneEdits(edits: StagedEdits): boolean {
  return (
    Object.keys(edits.overrides).length > 0 ||
    edits.scenarioEdits.length > 0 ||
    Object.keys(edits.basinMoves).length > 0
  );
}

// ---- errors as the state keeps them ------------------------------------------------------------

/**
 * An error's message in both languages: the Office adapter's errors carry both (`messages`), others
 * have one.
 *
 * @param error - what was thrown
 * @returns the message, per language
 */
export function saidOf(error: unknown): Said {
  const messages = (error as { messages?: { fr?: unknown; en?: unknown } } | null)?.messages;
  const plain = error instanceof Error ? error.message : String(error);
  return {
    fr: typeof messages?.fr === "string" ? messages.fr : plain,
    en: typeof messages?.en === "string" ? messages.en : plain,
  };
}

/**
 * What a failed read or file opening is, for the pane.
 *
 * @param error - what was thrown
 * @returns a file problem (its reason), no input found, or another failure (its message)
 */
export function problemOf(error: unknown): Problem {
  if (error instanceof WorkbookFileError) return { kind: "file", reason: error.reason };
  if (error instanceof InputNotFoundError) return { kind: "no-input" };
  return { kind: "other", message: saidOf(error) };
}
