import { useEffect, useRef } from "react";

/**
 * Calls `onReady` once, the first time the pane shows a workbook's figures (the first render
 * measurement).
 *
 * @param ready - the figures are shown
 * @param onReady - told once
 */
export function useReadyOnce(ready: boolean, onReady: (() => void) | undefined): void {
  const told = useRef(false);
  useEffect(() => {
    if (ready && !told.current) {
      told.current = true;
      onReady?.();
    }
  }, [ready, onReady]);
}
