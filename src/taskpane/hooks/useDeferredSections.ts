import { useEffect, useState } from "react";
import { loadDeferredSections, type DeferredSections } from "../components/deferred-sections";
import { loadAfterPaint } from "./after-paint";

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
    return loadAfterPaint(loadDeferredSections, setSections, () => setAttempt((n) => n + 1));
  }, [ready, sections, attempt]);
  return sections;
}
