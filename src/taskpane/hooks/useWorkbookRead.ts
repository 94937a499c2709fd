import { useEffect, type Dispatch } from "react";
import type { PaneHost } from "../host";
import { problemOf, type PaneAction, type ReadRequest } from "../state";

/**
 * Reads the workbook each time the pane asks (`request`: at start, « read again », another table,
 * another file): the tables offered and the snapshot, in one go.
 *
 * @param host - where the pane runs
 * @param request - the read asked for last
 * @param dispatch - the pane's reducer
 */
export function useWorkbookRead(host: PaneHost, request: ReadRequest, dispatch: Dispatch<PaneAction>): void {
  useEffect(() => {
    let live = true;
    const { serial, choice } = request;
    Promise.all([host.listInputs(), host.snapshot(choice)]).then(
      ([inputs, snapshot]) => {
        if (live) dispatch({ type: "read", serial, inputs, snapshot });
      },
      (error: unknown) => {
        if (live) dispatch({ type: "read-failed", serial, problem: problemOf(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [host, request, dispatch]);
}
