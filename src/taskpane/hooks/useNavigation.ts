import { useCallback, useRef, type Dispatch } from "react";
import type { PlanParamName, Lang } from "../../core";
import type { PaneHost } from "../host";
import { paneParamOfCell, type IssueView } from "../model";
import { saidOf, type PaneAction } from "../state";

/** Going from the pane to the workbook: an issue's cell, a sheet written, a pane field. */
export interface Navigation {
  /** Selects an issue's cell in the workbook, or focuses the pane's field it names. */
  go(issue: IssueView, cell: string): Promise<void>;
  /** Shows a sheet of the workbook. */
  showSheet(name: string): Promise<void>;
  /** Registers a parameter field (to focus it from an issue). */
  fieldRef(param: PlanParamName): (element: HTMLElement | null) => void;
}

/**
 * @param host - where the pane runs
 * @param lang - the language (names the pane's fields)
 * @param dispatch - the pane's reducer (notes what happened)
 * @returns the navigation
 */
export function useNavigation(host: PaneHost, lang: Lang, dispatch: Dispatch<PaneAction>): Navigation {
  const fields = useRef<Partial<Record<PlanParamName, HTMLElement | null>>>({});

  const go = useCallback(
    async (issue: IssueView, cell: string) => {
      const param = paneParamOfCell(cell, lang);
      dispatch({ type: "issue-chosen", id: issue.id, field: param !== null });
      if (param !== null) {
        fields.current[param]?.focus();
        return;
      }
      try {
        await host.selectCell(cell);
        dispatch({ type: "cell-noted", note: { kind: "cell", name: cell } });
      } catch (error) {
        dispatch({ type: "cell-noted", note: { kind: "error", message: saidOf(error) } });
      }
    },
    [host, lang, dispatch],
  );

  const showSheet = useCallback(
    async (name: string) => {
      try {
        await host.activateSheet(name);
        dispatch({ type: "sheet-noted", note: { kind: "sheet", name } });
      } catch (error) {
        dispatch({ type: "sheet-noted", note: { kind: "error", message: saidOf(error) } });
      }
    },
    [host, dispatch],
  );

  const fieldRef = useCallback(
    (param: PlanParamName) => (element: HTMLElement | null) => {
      fields.current[param] = element;
    },
    [],
  );
  return { go, showSheet, fieldRef };
}
