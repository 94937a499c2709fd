import { useCallback, type Dispatch } from "react";
import type { Lang } from "../../core";
import type { PaneHost } from "../host";
import { problemOf, type PaneAction } from "../state";

/** File mode: opening another workbook, or the demo again. */
export interface FileOpening {
  openFile(file: File): void;
  openDemo(): void;
}

/**
 * @param host - where the pane runs (only a file host opens files)
 * @param lang - the language of the demo workbook
 * @param dispatch - the pane's reducer
 * @returns the two ways to open a workbook
 */
export function useFileOpening(host: PaneHost, lang: Lang, dispatch: Dispatch<PaneAction>): FileOpening {
  const openWith = useCallback(
    async (open: () => Promise<void>) => {
      dispatch({ type: "file-opening" });
      try {
        await open();
        dispatch({ type: "file-opened" });
      } catch (error) {
        dispatch({ type: "file-failed", problem: problemOf(error) });
      }
    },
    [dispatch],
  );
  const file = host.file;
  const openFile = useCallback(
    (picked: File) => {
      if (file !== undefined) void openWith(() => file.open(picked));
    },
    [file, openWith],
  );
  const openDemo = useCallback(() => {
    if (file !== undefined) void openWith(() => file.openDemo(lang));
  }, [file, lang, openWith]);
  return { openFile, openDemo };
}
