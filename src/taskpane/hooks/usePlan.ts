import { useEffect, useMemo, useState } from "react";
import type { PlanParamName, Lang } from "../../core";
import type { PipelineResult } from "../../app";
import type { Engine } from "../engine";
import {
  initialParamFields,
  localIsoDay,
  paneView,
  paramInputsFromFields,
  scenarioViews,
  type IssueView,
  type PaneView,
  type ParamFields,
  type ScenarioView,
} from "../model";
import { hasPaneEdits, type PaneState } from "../state";
import { loadAfterPaint } from "./after-paint";
import { useIssueText } from "./useIssueText";

/** Whether the workbook's summary still covers its inputs (null: it has none, or errors hide it). */
export type SummaryState = "stale" | "live" | null;

/** What the pane shows of its state: the plan of the workbook with the pane's edits on top. */
export interface Planned {
  readonly fields: ParamFields | null;
  /** The parameters typed in the pane. */
  readonly edited: ReadonlySet<PlanParamName>;
  readonly result: PipelineResult | null;
  readonly view: PaneView | null;
  readonly scenarios: readonly ScenarioView[];
  readonly summary: SummaryState;
  /** A workbook is read but the report's code (for `summary`) is not loaded yet. */
  readonly summaryPending: boolean;
  /** Errors on the pane's own fields, by parameter. */
  readonly fieldErrors: Partial<Record<PlanParamName, IssueView>>;
  /** The warnings shown (their ids): new ones ask for a new acknowledgement. */
  readonly warnings: string;
}

/**
 * The report's code (the summary's fingerprint needs it), asked for once the figures are painted (a
 * frame, then a task, after `shown` first holds), so that the figures never wait for it.
 *
 * @param engine - the engine
 * @param shown - the figures are shown
 * @returns whether the report's code is loaded
 */
function useReportLoaded(engine: Engine, shown: boolean): boolean {
  const [ready, setReady] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!shown || ready) return;
    return loadAfterPaint(
      () => engine.loadReport(),
      () => setReady(true),
      () => setAttempt((n) => n + 1),
    );
  }, [engine, shown, ready, attempt]);
  return ready;
}

/**
 * The summary in the workbook: do its formulas still cover the inputs as they are now? Judged on the
 * workbook without the pane's own edits (those wait for the next generation): the result itself when
 * there are none, else one more plan per read (not per keystroke). Null until the report's code is
 * loaded (after the figures).
 */
function useSummary(
  engine: Engine,
  state: PaneState,
  result: PipelineResult | null,
  reportLoaded: boolean,
): SummaryState {
  const { loaded, mapping } = state;
  const workbookResult = hasPaneEdits(state.edits) ? null : result;
  return useMemo((): SummaryState => {
    const stored = loaded?.snapshot.formulasKey;
    if (loaded === null || typeof stored !== "string" || !reportLoaded) return null;
    const storedLang = engine.langOfFormulasKey(stored);
    if (storedLang === null) return "stale";
    const base = workbookResult ?? engine.plan(loaded.snapshot, mapping === null ? {} : { mapping });
    const now = engine.formulasKey(loaded.snapshot, base, storedLang);
    return now === null || now === undefined ? null : now === stored ? "live" : "stale";
  }, [engine, loaded, mapping, workbookResult, reportLoaded]);
}

/**
 * Plans the workbook as read with the pane's edits, and makes the view of it.
 *
 * @param engine - the engine
 * @param state - the pane's state
 * @param lang - the language
 * @returns the fields, the result, the view and what follows from them
 */
export function usePlan(engine: Engine, state: PaneState, lang: Lang): Planned {
  const { loaded, edits } = state;
  const fields = useMemo(
    () =>
      loaded === null
        ? null
        : { ...initialParamFields(loaded.snapshot.parameters, lang), ...edits.overrides },
    [loaded, lang, edits.overrides],
  );
  const edited = useMemo(() => new Set(Object.keys(edits.overrides) as PlanParamName[]), [edits.overrides]);
  const { mapping } = state;
  const { scenarioEdits, basinMoves } = edits;
  const result = useMemo(() => {
    if (loaded === null || fields === null) return null;
    return engine.plan(loaded.snapshot, {
      params: paramInputsFromFields(fields, edited, lang),
      ...(mapping === null ? {} : { mapping }),
      scenarioEdits,
      basinMoves,
      lang,
      date: localIsoDay(),
    });
  }, [engine, loaded, fields, edited, lang, mapping, scenarioEdits, basinMoves]);
  const scenarios = useMemo(
    () => (result === null ? [] : scenarioViews(result, scenarioEdits, lang)),
    [result, scenarioEdits, lang],
  );
  const reportLoaded = useReportLoaded(engine, result !== null);
  const summary = useSummary(engine, state, result, reportLoaded);
  const format = useIssueText(lang);
  const view = useMemo(
    () =>
      loaded === null || result === null || format === null
        ? null
        : paneView(loaded.snapshot, result, lang, format),
    [loaded, result, lang, format],
  );
  const fieldErrors = useMemo(() => {
    const errors: Partial<Record<PlanParamName, IssueView>> = {};
    for (const issue of view?.issues ?? []) {
      if (issue.paneParam !== null && errors[issue.paneParam] === undefined) errors[issue.paneParam] = issue;
    }
    return errors;
  }, [view]);
  const warnings = (view?.issues ?? [])
    .filter((i) => i.severity === "warning")
    .map((i) => i.id)
    .join("|");
  const summaryPending = loaded !== null && !reportLoaded;
  return { fields, edited, result, view, scenarios, summary, summaryPending, fieldErrors, warnings };
}
