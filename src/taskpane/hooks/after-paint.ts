/** Tries again after a failed load (a dropped connection on Excel on the web), at most this often. */
export const RETRY_MS = 2000;

/**
 * Loads a chunk once the figures are painted (a frame, then a task): `done` with what it gives, or,
 * when it fails, `retry` after {@link RETRY_MS}. For an effect: returns its cleanup, after which
 * neither is called.
 *
 * @param load - the dynamic import
 * @param done - told what was loaded
 * @param retry - told to try again (an effect's attempt counter)
 * @returns the cleanup
 */
export function loadAfterPaint<T>(
  load: () => Promise<T>,
  done: (loaded: T) => void,
  retry: () => void,
): () => void {
  let live = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      load().then(
        (loaded) => {
          if (live) done(loaded);
        },
        () => {
          timer = setTimeout(() => {
            if (live) retry();
          }, RETRY_MS);
        },
      );
    }, 0);
  });
  return () => {
    live = false;
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}
