import { useEffect, useState } from "react";
import { loadDeferredSections, type DeferredSections } from "../components/deferred-sections";

/** Tries again after a failed load (a dropped connection on Excel on the web), at most this often. */
const RETRY_MS = 2000;

/**
 * The sections that do not show the figures, asked for once the figures are painted (a frame, then
 * a task, after `ready` first holds): null until they are there. Their fallbacks keep each
 * section's place meanwhile.
 *
 * @param ready - the figures are shown
 * @returns the deferred sections, or null while they load
 */
export function useDeferredSections(ready: boolean): DeferredSections | null {
  const [sections, setSections] = useState<DeferredSections | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!ready || sections !== null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        loadDeferredSections().then(
          (loaded) => {
            if (live) setSections(loaded);
          },
          () => {
            timer = setTimeout(() => {
              if (live) setAttempt((n) => n + 1);
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
  }, [ready, sections, attempt]);
  return sections;
}
