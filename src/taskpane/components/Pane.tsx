import { useMemo, useReducer } from "react";
import {
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core";
import type { Engine } from "../engine";
import type { PaneHost } from "../host";
import { useFileOpening } from "../hooks/useFileOpening";
import { useFollowWorkbook } from "../hooks/useFollowWorkbook";
import { useGeneration } from "../hooks/useGeneration";
import { useNavigation } from "../hooks/useNavigation";
import { usePlan } from "../hooks/usePlan";
import { useDeferredSections } from "../hooks/useDeferredSections";
import { useReadyOnce } from "../hooks/useReadyOnce";
import { useWorkbookRead } from "../hooks/useWorkbookRead";
import { uiText, type UiText } from "../i18n";
import { chosenInput, initialPaneState, isBusy, reduce, viewSeen, type Problem } from "../state";
import { Header } from "./Header";
import { InputSection } from "./InputSection";
import { PaneSections } from "./PaneSections";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
    maxWidth: "720px",
    margin: "0 auto",
  },
  main: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** What went wrong reading the workbook, in the pane's language. */
function problemText(problem: Problem, lang: Lang, t: UiText): string {
  if (problem.kind === "no-input") return t.noInput;
  if (problem.kind === "other") return t.readFailed(problem.message[lang]);
  const reasons: Record<string, string> = t.fileErrors;
  return reasons[problem.reason] ?? t.fileErrors.corrupt;
}

/** A file that did not open, a read that failed. */
function ReadProblems({ lang, file, read }: { lang: Lang; file: Problem | null; read: Problem | null }) {
  const t = uiText(lang);
  return (
    <>
      {file === null ? null : (
        <MessageBar intent="error" layout="multiline" data-testid="file-problem">
          <MessageBarBody>
            <MessageBarTitle>{t.fileErrorTitle}</MessageBarTitle>
            {problemText(file, lang, t)}
          </MessageBarBody>
        </MessageBar>
      )}
      {read === null ? null : (
        <MessageBar intent="error" layout="multiline" data-testid="read-problem">
          <MessageBarBody>{problemText(read, lang, t)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

export interface PaneProps {
  host: PaneHost;
  engine: Engine;
  lang: Lang;
  onLangChange(lang: Lang): void;
  /** Called once, when the pane first shows a workbook's figures (first render measurement). */
  onReady?: () => void;
}

/**
 * The task pane: data, parameters, check, preview, scenarios, generation. Its state is the reducer
 * of state.ts; the hooks read the workbook, follow its edits and generate, and dispatch what came of it.
 */
export function Pane({ host, engine, lang, onLangChange, onReady }: PaneProps) {
  const styles = useStyles();
  const t = uiText(lang);
  const [state, dispatch] = useReducer(reduce, undefined, initialPaneState);
  const planned = usePlan(engine, state, lang);
  const { view, fields } = planned;
  // Another opening or other warnings: the mapping and the acknowledgement follow in this render.
  if (viewSeen(state, planned.warnings)) {
    dispatch({
      type: "view-seen",
      warnings: planned.warnings,
      needsMapping: view?.mappingNeedsAttention ?? false,
    });
  }
  const { request, loaded, generation } = state;
  const choice = useMemo(() => chosenInput(request, loaded), [request, loaded]);
  const running = generation.status === "running";
  const busy = isBusy(state);

  useWorkbookRead(host, request, dispatch);
  useFollowWorkbook(
    host,
    { watched: state.watched, generations: state.generations, choice, running },
    dispatch,
  );
  useReadyOnce(view !== null, onReady);
  // After the figures: the other sections and the report's code for the summary's state (busy for
  // assistive technologies until they are there).
  const deferred = useDeferredSections(view !== null);
  const files = useFileOpening(host, lang, dispatch);
  const navigation = useNavigation(host, lang, dispatch);
  const generationControls = useGeneration({
    engine,
    host,
    lang,
    state,
    result: planned.result,
    choice,
    dispatch,
  });

  return (
    <div className={styles.root}>
      <Header lang={lang} mode={host.kind} onLangChange={onLangChange} />
      <main
        className={styles.main}
        data-ready={view === null ? "false" : "true"}
        aria-busy={busy || (view !== null && (deferred === null || planned.summaryPending))}
      >
        <InputSection
          lang={lang}
          host={host}
          inputs={state.inputs}
          choice={choice}
          view={view}
          mapping={planned.result?.read.mapping ?? {}}
          mappingOpen={state.mappingOpen}
          busy={busy}
          deferred={deferred}
          onMappingOpenChange={(open) => dispatch({ type: "mapping-toggled", open })}
          onChoose={(c) => dispatch({ type: "input-chosen", choice: c })}
          onReread={() => dispatch({ type: "reread" })}
          onMapping={(m) => dispatch({ type: "mapping-chosen", mapping: m })}
          onOpenFile={files.openFile}
          onOpenDemo={files.openDemo}
        />
        <ReadProblems lang={lang} file={state.fileProblem} read={state.problem} />
        {state.loading && view === null ? <Spinner size="small" label={t.loading} /> : null}
        {view === null || fields === null || loaded === null ? null : (
          <PaneSections
            lang={lang}
            hostKind={host.kind}
            state={state}
            loaded={loaded}
            planned={{ ...planned, view, fields }}
            navigation={navigation}
            generation={generationControls}
            dispatch={dispatch}
            deferred={deferred}
          />
        )}
      </main>
    </div>
  );
}
