import { useCallback, type Dispatch } from "react";
import type { Lang } from "../../core";
import type { PipelineResult, WorkbookSnapshot } from "../../app";
import { GenerationInterruptedError } from "../../errors";
import type { Resolutions, StagedEdits } from "../conflicts";
import type { Engine } from "../engine";
import { decideGeneration, type GenerationStop } from "../generation";
import type { InputChoice, PaneHost } from "../host";
import { localIsoDay } from "../model";
import { saidOf, type PaneAction, type PaneState } from "../state";

/** What a generation needs from the pane. */
export interface GenerationDeps {
  readonly engine: Engine;
  readonly host: PaneHost;
  readonly lang: Lang;
  readonly state: PaneState;
  /** The plan of the workbook as read with the pane's edits (nothing is generated when blocked). */
  readonly result: PipelineResult | null;
  readonly choice: InputChoice | null;
  readonly dispatch: Dispatch<PaneAction>;
}

/** What the generation section can do. */
export interface GenerationControls {
  generate(): void;
  /** The user chose, conflict by conflict: the edits are settled on the workbook as read, then generated. */
  settle(resolutions: Resolutions): void;
  cancel(): void;
}

/**
 * Generates: the host reads the workbook as it is now; the pane's staged edits go on top of it. A
 * cell changed both in the workbook since the pane's read and in the pane stops the generation
 * (nothing written) until the user chooses; after a write the pane reads the workbook back.
 *
 * @param deps - engine, host, language, state, plan, choice and the reducer
 * @returns generate, settle the conflicts, give up on them
 */
export function useGeneration(deps: GenerationDeps): GenerationControls {
  const { engine, host, lang, state, result, choice, dispatch } = deps;
  const { loaded, edits, mapping, generation } = state;
  const ready = loaded !== null && result !== null && result.status !== "blocked";

  const run = useCallback(
    async (base: WorkbookSnapshot, staged: StagedEdits) => {
      dispatch({ type: "generation-started" });
      const inputs = {
        engine,
        base,
        edits: staged,
        mapping: mapping ?? undefined,
        lang,
        date: localIsoDay(),
      };
      try {
        const done = await host.generate<GenerationStop>(
          { choice, base, build: (fresh) => decideGeneration(inputs, fresh) },
          (progress) => dispatch({ type: "generation-progress", progress }),
        );
        if (done.kind === "written") {
          const readBack = await host.snapshot(choice).catch(() => null);
          dispatch({ type: "generation-written", outcome: done.outcome, readBack });
        } else if (done.reason.kind === "conflicts") {
          const { conflicts, edits: stopped } = done.reason;
          dispatch({ type: "generation-conflicts", conflicts, fresh: done.fresh, edits: stopped });
        } else {
          dispatch({ type: "generation-changed", fresh: done.fresh });
        }
      } catch (error) {
        const interrupted = error instanceof GenerationInterruptedError;
        dispatch({ type: "generation-failed", message: saidOf(error), interrupted });
      }
    },
    [engine, host, lang, mapping, choice, dispatch],
  );

  const generate = useCallback(() => {
    if (ready) void run(loaded.snapshot, edits);
  }, [ready, loaded, edits, run]);

  const settle = useCallback(
    (resolutions: Resolutions) => {
      if (generation.status !== "conflicts") return;
      const settled = engine.resolveEdits(generation.edits, generation.conflicts, resolutions);
      dispatch({ type: "conflicts-settled", fresh: generation.fresh, edits: settled });
      if (ready) void run(generation.fresh, settled);
    },
    [engine, generation, ready, run, dispatch],
  );

  const cancel = useCallback(() => dispatch({ type: "conflicts-cancelled" }), [dispatch]);
  return { generate, settle, cancel };
}
