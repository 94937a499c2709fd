/**
 * The pane follows the workbook's edits (issue #5): change events arrive in bursts (a paste, a fill,
 * a typed value then Enter…); the pane reads the workbook once the burst is over, never twice at the
 * same time, and once more if events came during a read. Pure timing logic: the read and the clock
 * are given.
 */

/** Timers, injectable for tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const DEFAULT_TIMERS: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** What {@link debouncedRefresh} returns. */
export interface Refresher {
  /** An edit happened: read again once `delayMs` pass without another one. */
  poke(): void;
  /** No more reads (pending ones are dropped; a read under way finishes, its follow-up does not happen). */
  dispose(): void;
}

/**
 * A refresher that runs `refresh` `delayMs` after the last poke, one run at a time: pokes during a
 * run schedule one more run after it.
 *
 * @param refresh - reads the workbook and updates the pane (its failure is `onError`'s)
 * @param delayMs - the quiet time before reading (the pane uses 300 ms: the preview follows within a second)
 * @param onError - told of a failed read
 * @param timers - the clock (tests give fake timers)
 * @returns the refresher
 */
export function debouncedRefresh(
  refresh: () => Promise<void>,
  delayMs: number,
  onError: (error: unknown) => void = () => undefined,
  timers: Timers = DEFAULT_TIMERS,
): Refresher {
  let timer: unknown = null;
  let running = false;
  let again = false;
  let disposed = false;

  const run = async (): Promise<void> => {
    timer = null;
    if (disposed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await refresh();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
    if (again && !disposed) {
      again = false;
      schedule();
    }
  };

  function schedule(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => void run(), delayMs);
  }

  return {
    poke() {
      if (disposed) return;
      if (running) again = true;
      else schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
