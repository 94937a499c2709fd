import { useEffect, type Dispatch } from "react";
import { debouncedRefresh } from "../follow";
import type { InputChoice, PaneHost } from "../host";
import { problemOf, type PaneAction } from "../state";
import { useLatest } from "./useLatest";

/** Quiet time after the last edit before the pane reads the workbook again. */
export const FOLLOW_DELAY_MS = 300;

/** What the pane follows, and what it is doing. */
export interface Following {
  /** The sheets whose edits change what the pane shows (the same array while the names stay). */
  readonly watched: readonly string[];
  /**
   * Generations written so far: each one deleted and wrote the product's sheets again, and their
   * event handlers went with them: the pane subscribes again after each.
   */
  readonly generations: number;
  /** Where the rows are read from now. */
  readonly choice: InputChoice | null;
  /** A generation is under way: its own writes are not edits to follow. */
  readonly running: boolean;
}

/**
 * Inside Excel, follows the edits of the watched sheets: once a burst of edits is over, reads the
 * workbook again (one read) and dispatches it; the pane's own writes are not followed (it reads the
 * workbook after a generation anyway).
 *
 * @param host - where the pane runs (a host without `watch` is not followed)
 * @param following - the sheets, the generations, the choice and whether a generation runs
 * @param dispatch - the pane's reducer
 */
export function useFollowWorkbook(
  host: PaneHost,
  following: Following,
  dispatch: Dispatch<PaneAction>,
): void {
  const { watched, generations } = following;
  const choice = useLatest(following.choice);
  const running = useLatest(following.running);

  useEffect(() => {
    const watch = host.watch?.bind(host);
    if (watch === undefined || watched.length === 0) return undefined;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const refresh = async (): Promise<void> => {
      const snapshot = await host.snapshot(choice.current);
      dispatch({ type: "refreshed", snapshot });
    };
    const refresher = debouncedRefresh(refresh, FOLLOW_DELAY_MS, (error) =>
      dispatch({ type: "read-failed", serial: null, problem: problemOf(error) }),
    );
    watch(watched, () => {
      if (!running.current) refresher.poke();
    }).then(
      (remove) => {
        if (live) stop = remove;
        else void remove().catch(() => undefined);
      },
      () => undefined, // no events (an older Excel): the pane reads on demand, as before
    );
    return () => {
      live = false;
      refresher.dispose();
      void stop?.().catch(() => undefined);
    };
  }, [host, watched, generations, choice, running, dispatch]);
}
