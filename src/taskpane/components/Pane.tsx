import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { PlanParamName } from "../../core/params";
import { GenerationInterruptedError, InputNotFoundError, WorkbookFileError } from "../../errors";
import type { ScenarioEdit } from "../../core/scenarios";
import type { Basin, ColumnMapping, Lang } from "../../core/types";
import type { WorkbookSnapshot } from "../../app";
import type { Engine } from "../engine";
import type { InputChoice, PaneHost } from "../host";
import { debouncedRefresh } from "../follow";
import { decideGeneration, type GenerationStop } from "../generation";
import type { Resolutions, StagedEdits } from "../conflicts";
import { uiText, type UiText } from "../i18n";
import {
  choiceOfSnapshot,
  fieldsOfParams,
  initialParamFields,
  localIsoDay,
  pendingScenarioChanges,
  scenarioViews,
  watchedSheets,
  paneParamOfCell,
  paneView,
  paramInputsFromFields,
  parametersSheet,
  type IssueView,
  type ParamFields,
  type ScenarioView,
} from "../model";
import { CheckSection } from "./CheckSection";
import { GenerateSection, type GenerationState } from "./GenerateSection";
import { Header } from "./Header";
import { InputSection } from "./InputSection";
import { ParamsSection } from "./ParamsSection";
import { PreviewSection } from "./PreviewSection";
import { Section } from "./Section";

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

/** What went wrong reading the workbook, kept raw so that it follows the language. */
type Problem =
  | { readonly kind: "file"; readonly reason: string }
  | { readonly kind: "no-input" }
  | { readonly kind: "other"; readonly message: string };

/** A note after a click on a cell or a sheet, kept raw so that it follows the language. */
type Note =
  | { readonly kind: "cell" | "sheet"; readonly name: string }
  | { readonly kind: "error"; readonly message: string };

/** An error's message in the pane's language (the Office adapter's errors carry both). */
function errorMessage(error: unknown, lang: Lang): string {
  const messages = (error as { messages?: { fr?: unknown; en?: unknown } } | null)?.messages;
  const localized = messages?.[lang];
  if (typeof localized === "string") return localized;
  return error instanceof Error ? error.message : String(error);
}

function problemOf(error: unknown, lang: Lang): Problem {
  if (error instanceof WorkbookFileError) return { kind: "file", reason: error.reason };
  if (error instanceof InputNotFoundError) return { kind: "no-input" };
  return { kind: "other", message: errorMessage(error, lang) };
}

function problemText(problem: Problem, t: UiText): string {
  if (problem.kind === "no-input") return t.noInput;
  if (problem.kind === "other") return t.readFailed(problem.message);
  const reasons: Record<string, string> = t.fileErrors;
  return reasons[problem.reason] ?? t.fileErrors.corrupt;
}

function noteText(note: Note | null, kind: PaneHost["kind"], t: UiText): string {
  if (note === null) return "";
  if (note.kind === "error") return note.message;
  if (note.kind === "cell") return kind === "file" ? t.cellNoteFile(note.name) : t.cellSelected(note.name);
  return kind === "file" ? t.sheetInFile(note.name) : t.sheetShown(note.name);
}

let loadCounter = 0;

/** Below the fold, with Fluent's dialog: loaded after the first paint, in a chunk of its own. */
const ScenariosSection = lazy(() =>
  import(/* webpackChunkName: "scenarios" */ "./ScenariosSection").then((m) => ({
    default: m.ScenariosSection,
  })),
);

/** Quiet time after the last edit before the pane reads the workbook again. */
const FOLLOW_DELAY_MS = 300;

/** A snapshot read: `id` changes on every read, `readId` only when a workbook or table is opened. */
interface Loaded {
  readonly snapshot: WorkbookSnapshot;
  readonly id: number;
  readonly readId: number;
}

export interface PaneProps {
  host: PaneHost;
  engine: Engine;
  lang: Lang;
  onLangChange(lang: Lang): void;
  /** Called once, when the pane first shows a workbook's figures (first render measurement). */
  onReady?: () => void;
}

/** The task pane: data, parameters, check, preview, generation. */
export function Pane({ host, engine, lang, onLangChange, onReady }: PaneProps) {
  const styles = useStyles();
  const t = uiText(lang);

  const [revision, setRevision] = useState(0);
  const [requested, setRequested] = useState<InputChoice | null>(null);
  const [inputs, setInputs] = useState<readonly InputChoice[]>([]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fileProblem, setFileProblem] = useState<Problem | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [overrides, setOverrides] = useState<Partial<Record<PlanParamName, string>>>({});
  const [scenarioEdits, setScenarioEdits] = useState<readonly ScenarioEdit[]>([]);
  const [basinMoves, setBasinMoves] = useState<Readonly<Record<string, Basin>>>({});
  const [applied, setApplied] = useState<string | null>(null);
  const [generations, setGenerations] = useState(0);
  const [mappingOpen, setMappingOpen] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [generation, setGeneration] = useState<GenerationState>({ status: "idle" });
  const [cellNote, setCellNote] = useState<Note | null>(null);
  const [sheetNote, setSheetNote] = useState<Note | null>(null);
  const [currentIssue, setCurrentIssue] = useState<string | null>(null);
  const fieldElements = useRef<Partial<Record<PlanParamName, HTMLElement | null>>>({});
  const langRef = useRef(lang);
  langRef.current = lang;
  /** Set when the pane itself changed its inputs after a generation: the outcome stays shown. */
  const keepGeneration = useRef(false);
  const runningRef = useRef(false);

  // Read the workbook: at start, when a file is opened, when another table is chosen.
  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([host.listInputs(), host.snapshot(requested)]).then(
      ([list, snapshot]) => {
        if (!live) return;
        setInputs(list);
        const id = ++loadCounter;
        setLoaded({ snapshot, id, readId: id });
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (!live) return;
        setLoaded(null);
        setProblem(problemOf(error, langRef.current));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [host, revision, requested]);

  /** Another workbook or table: the mapping and the pane's parameters start afresh. */
  const startAfresh = useCallback(() => {
    setMapping(undefined);
    setOverrides({});
    setScenarioEdits([]);
    setBasinMoves({});
    setApplied(null);
    setCurrentIssue(null);
    setCellNote(null);
  }, []);

  const fields: ParamFields | null = useMemo(
    () =>
      loaded === null ? null : { ...initialParamFields(loaded.snapshot.parameters, lang), ...overrides },
    [loaded, lang, overrides],
  );
  const edited = useMemo(() => new Set(Object.keys(overrides) as PlanParamName[]), [overrides]);
  const result = useMemo(() => {
    if (loaded === null || fields === null) return null;
    const params = paramInputsFromFields(fields, edited, lang);
    return engine.plan(loaded.snapshot, {
      params,
      ...(mapping === undefined ? {} : { mapping }),
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
  // The summary in the workbook: do its formulas still cover the inputs as they are now? Judged on
  // the workbook without the pane's own edits (those wait for the next generation): the result
  // itself when there are none, else one more plan per read (not per keystroke).
  const paneEdited =
    Object.keys(overrides).length > 0 || scenarioEdits.length > 0 || Object.keys(basinMoves).length > 0;
  const workbookResult = paneEdited ? null : result;
  const summary = useMemo((): "stale" | "live" | null => {
    const stored = loaded?.snapshot.formulasKey;
    if (loaded === null || typeof stored !== "string") return null;
    const storedLang = engine.langOfFormulasKey(stored);
    if (storedLang === null) return "stale";
    const base = workbookResult ?? engine.plan(loaded.snapshot, mapping === undefined ? {} : { mapping });
    const now = engine.formulasKey(loaded.snapshot, base, storedLang);
    return now === null ? null : now === stored ? "live" : "stale";
  }, [engine, loaded, mapping, workbookResult]);
  const view = useMemo(
    () => (loaded === null || result === null ? null : paneView(loaded.snapshot, result, lang)),
    [loaded, result, lang],
  );

  // A new workbook or table: open the mapping when it needs the user.
  const needsMapping = view?.mappingNeedsAttention ?? false;
  useEffect(() => {
    setMappingOpen(needsMapping);
    // Only on a new snapshot (not on needsMapping): the user may close it afterwards.
  }, [loaded?.readId]);

  // What was generated no longer matches once the pane's inputs change (edits made in the workbook
  // are followed by the live formulas: they keep it).
  const inputsKey = JSON.stringify([
    loaded?.readId ?? 0,
    mapping ?? null,
    overrides,
    scenarioEdits,
    basinMoves,
  ]);
  useEffect(() => {
    if (keepGeneration.current) {
      keepGeneration.current = false;
      return;
    }
    setGeneration((g) => (g.status === "running" ? g : { status: "idle" }));
    setSheetNote(null);
  }, [inputsKey]);
  // New warnings ask for a new acknowledgement.
  const warningsKey =
    view === null
      ? ""
      : view.issues
          .filter((i) => i.severity === "warning")
          .map((i) => i.id)
          .join("|");
  useEffect(() => setAcknowledged(false), [warningsKey, loaded?.readId]);

  const readyReported = useRef(false);
  useEffect(() => {
    if (view !== null && !readyReported.current) {
      readyReported.current = true;
      onReady?.();
    }
  }, [view, onReady]);

  const running = generation.status === "running";
  runningRef.current = running;
  const busy = loading || running;
  const choice = requested ?? (loaded === null ? null : choiceOfSnapshot(loaded.snapshot));
  const choiceRef = useRef(choice);
  choiceRef.current = choice;

  /** Reads the workbook again (one read), keeping the pane's state: an edit made in the workbook. */
  const refresh = useCallback(async () => {
    const snapshot = await host.snapshot(choiceRef.current);
    setLoaded((prev) => ({ snapshot, id: ++loadCounter, readId: prev?.readId ?? loadCounter }));
    setProblem(null);
  }, [host]);

  // Inside Excel, the pane follows the edits of the input, parameters, communes and scenarios sheets.
  const watched = loaded === null ? [] : watchedSheets(loaded.snapshot);
  const watchKey = JSON.stringify([watched, generations]);
  useEffect(() => {
    const watch = host.watch?.bind(host);
    if (watch === undefined || watched.length === 0) return undefined;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const refresher = debouncedRefresh(refresh, FOLLOW_DELAY_MS, (error) => {
      setLoaded(null);
      setProblem(problemOf(error, langRef.current));
    });
    watch(watched, () => {
      // The pane's own writes: it reads the workbook once the generation is over.
      if (!runningRef.current) refresher.poke();
    }).then(
      (remove) => {
        if (live) stop = remove;
        else void remove().catch(() => undefined);
      },
      () => undefined, // no events (an older Excel): the pane reads on demand, as before
    );
    return () => {
      live = false;
      refresher.dispose();
      void stop?.().catch(() => undefined);
    };
  }, [host, watchKey, refresh]);

  const go = useCallback(
    async (issue: IssueView, cell: string) => {
      setCurrentIssue(issue.id);
      const param = paneParamOfCell(cell, lang);
      if (param !== null) {
        setCellNote(null);
        fieldElements.current[param]?.focus();
        return;
      }
      try {
        await host.selectCell(cell);
        setCellNote({ kind: "cell", name: cell });
      } catch (error) {
        setCellNote({ kind: "error", message: errorMessage(error, lang) });
      }
    },
    [host, lang],
  );

  const showSheet = useCallback(
    async (name: string) => {
      try {
        await host.activateSheet(name);
        setSheetNote({ kind: "sheet", name });
      } catch (error) {
        setSheetNote({ kind: "error", message: errorMessage(error, lang) });
      }
    },
    [host, lang],
  );

  /**
   * Generates: the host reads the workbook as it is now; the pane's staged edits go on top of it.
   * A cell changed both in the workbook since the pane's read and in the pane stops the generation
   * (nothing written) until the user chooses (`resolutions`, then the edits are settled and the
   * generation runs again on the workbook as read).
   */
  const generate = useCallback(
    async (settled?: { readonly fresh: WorkbookSnapshot; readonly edits: StagedEdits }) => {
      if (loaded === null || result === null || result.status === "blocked") return;
      const base = settled?.fresh ?? loaded.snapshot;
      const edits: StagedEdits = settled?.edits ?? { overrides, basinMoves, scenarioEdits };
      setGeneration({ status: "running", progress: { step: "prepare", done: 0, total: 1 } });
      try {
        const done = await host.generate<GenerationStop>(
          {
            choice: choiceRef.current,
            base,
            build: (fresh) =>
              decideGeneration({ engine, base, edits, mapping, lang, date: localIsoDay() }, fresh),
          },
          (progress) => setGeneration({ status: "running", progress }),
        );
        if (done.kind === "stopped") {
          if (done.reason.kind === "conflicts") {
            setGeneration({
              status: "conflicts",
              conflicts: done.reason.conflicts,
              fresh: done.fresh,
              edits: done.reason.edits,
            });
            return;
          }
          // The workbook changed since the pane's read and now has errors: show it as it is.
          keepGeneration.current = true;
          setLoaded((prev) => ({
            snapshot: done.fresh,
            id: ++loadCounter,
            readId: prev?.readId ?? loadCounter,
          }));
          setGeneration({ status: "changed" });
          return;
        }
        const outcome = done.outcome;
        // The workbook now holds the pane's parameters and scenarios: read it again, and start from it.
        let snapshot: WorkbookSnapshot | null = null;
        try {
          snapshot = await host.snapshot(choiceRef.current);
        } catch {
          snapshot = null; // shown as it was; the next read tells
        }
        keepGeneration.current = true;
        setGeneration({ status: "done", outcome });
        if (snapshot !== null) {
          const read = snapshot;
          setLoaded((prev) => ({ snapshot: read, id: ++loadCounter, readId: prev?.readId ?? loadCounter }));
          setOverrides({});
          setScenarioEdits([]);
          setBasinMoves({});
          setApplied(null);
        }
        setGenerations((n) => n + 1);
      } catch (error) {
        setGeneration({
          status: "failed",
          message: errorMessage(error, lang),
          interrupted: error instanceof GenerationInterruptedError,
        });
      }
    },
    [engine, host, lang, loaded, result, overrides, basinMoves, scenarioEdits, mapping],
  );

  /** The user chose, conflict by conflict: the edits are settled on the workbook as read, then generated. */
  const settleConflicts = useCallback(
    (resolutions: Resolutions) => {
      if (generation.status !== "conflicts") return;
      const edits = engine.resolveEdits(generation.edits, generation.conflicts, resolutions);
      const fresh = generation.fresh;
      keepGeneration.current = true;
      setLoaded((prev) => ({ snapshot: fresh, id: ++loadCounter, readId: prev?.readId ?? loadCounter }));
      setOverrides(edits.overrides);
      setBasinMoves(edits.basinMoves);
      setScenarioEdits(edits.scenarioEdits);
      void generate({ fresh, edits });
    },
    [engine, generation, generate],
  );

  const applyScenario = useCallback(
    (view: ScenarioView) => {
      setOverrides(fieldsOfParams(view.scenario.params, lang));
      setBasinMoves(view.scenario.basinOverrides);
      setApplied(view.name);
    },
    [lang],
  );

  const openFile = useCallback(
    async (file: File) => {
      if (host.file === undefined) return;
      setFileProblem(null);
      setLoading(true);
      try {
        await host.file.open(file);
        startAfresh();
        setRequested(null);
        setRevision((r) => r + 1);
      } catch (error) {
        setFileProblem(problemOf(error, lang));
        setLoading(false);
      }
    },
    [host, lang, startAfresh],
  );

  const openDemo = useCallback(async () => {
    if (host.file === undefined) return;
    setFileProblem(null);
    setLoading(true);
    await host.file.openDemo(lang);
    startAfresh();
    setRequested(null);
    setRevision((r) => r + 1);
  }, [host, lang, startAfresh]);

  const fieldErrors = useMemo(() => {
    const errors: Partial<Record<PlanParamName, IssueView>> = {};
    for (const issue of view?.issues ?? []) {
      if (issue.paneParam !== null && errors[issue.paneParam] === undefined) errors[issue.paneParam] = issue;
    }
    return errors;
  }, [view]);

  const fieldRef = useCallback(
    (param: PlanParamName) => (element: HTMLElement | null) => {
      fieldElements.current[param] = element;
    },
    [],
  );

  return (
    <div className={styles.root}>
      <Header lang={lang} mode={host.kind} onLangChange={onLangChange} />
      <main className={styles.main} data-ready={view === null ? "false" : "true"} aria-busy={busy}>
        <InputSection
          lang={lang}
          host={host}
          inputs={inputs}
          choice={choice}
          view={view}
          mapping={result?.read.mapping ?? {}}
          mappingOpen={mappingOpen}
          busy={busy}
          onMappingOpenChange={setMappingOpen}
          onChoose={(c) => {
            startAfresh();
            setRequested(c);
          }}
          onReread={() => setRevision((r) => r + 1)}
          onMapping={(m) => setMapping(m)}
          onOpenFile={(f) => void openFile(f)}
          onOpenDemo={() => void openDemo()}
        />
        {fileProblem === null ? null : (
          <MessageBar intent="error" layout="multiline" data-testid="file-problem">
            <MessageBarBody>
              <MessageBarTitle>{t.fileErrorTitle}</MessageBarTitle>
              {problemText(fileProblem, t)}
            </MessageBarBody>
          </MessageBar>
        )}
        {problem === null ? null : (
          <MessageBar intent="error" layout="multiline" data-testid="read-problem">
            <MessageBarBody>{problemText(problem, t)}</MessageBarBody>
          </MessageBar>
        )}
        {loading && view === null ? <Spinner size="small" label={t.loading} /> : null}

        {view === null || fields === null || loaded === null ? null : (
          <>
            <Section id="params" number={2} title={t.sections.params}>
              <ParamsSection
                lang={lang}
                fields={fields}
                edited={edited}
                workbookSheet={parametersSheet(loaded.snapshot.parameters)}
                fieldErrors={fieldErrors}
                busy={busy}
                fieldRef={fieldRef}
                onChange={(p, text) => setOverrides((o) => ({ ...o, [p]: text }))}
                onReset={() => {
                  setOverrides({});
                  setBasinMoves({});
                  setApplied(null);
                }}
              />
            </Section>

            <Section
              id="check"
              number={3}
              title={t.sections.check}
              extra={
                <>
                  <Badge
                    appearance="filled"
                    color={view.errorCount > 0 ? "danger" : "success"}
                    data-testid="error-count"
                  >
                    {t.errorsBadge(view.errorCount)}
                  </Badge>
                  <Badge
                    appearance="tint"
                    color={view.warningCount > 0 ? "warning" : "subtle"}
                    data-testid="warning-count"
                  >
                    {t.warningsBadge(view.warningCount)}
                  </Badge>
                </>
              }
            >
              <CheckSection
                lang={lang}
                issues={view.issues}
                current={currentIssue}
                status={noteText(cellNote, host.kind, t)}
                onGo={(issue, cell) => void go(issue, cell)}
              />
            </Section>

            <Section id="preview" number={4} title={t.sections.preview}>
              <PreviewSection lang={lang} preview={view.preview} />
            </Section>

            <Section id="scenarios" number={5} title={t.sections.scenarios}>
              <Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
                <ScenariosSection
                  lang={lang}
                  scenarios={scenarios}
                  pending={pendingScenarioChanges(scenarioEdits)}
                  blocked={view.blocked}
                  busy={busy}
                  applied={applied}
                  onSave={(name, note) => {
                    if (result?.plan == null) return;
                    const scenario = {
                      name,
                      note,
                      date: localIsoDay(),
                      params: result.plan.params,
                      basinOverrides: {},
                    };
                    setScenarioEdits((e) => [...e, { kind: "add", scenario }]);
                  }}
                  onRename={(from, to) => setScenarioEdits((e) => [...e, { kind: "rename", from, to }])}
                  onDelete={(name) => setScenarioEdits((e) => [...e, { kind: "delete", name }])}
                  onApply={applyScenario}
                  onUndo={() => setScenarioEdits([])}
                />
              </Suspense>
            </Section>

            <Section id="generate" number={6} title={t.sections.generate}>
              <GenerateSection
                lang={lang}
                summary={summary}
                blocked={view.blocked}
                warningCount={view.warningCount}
                acknowledged={acknowledged}
                onAcknowledge={setAcknowledged}
                state={generation}
                onGenerate={() => void generate()}
                onSheet={(name) => void showSheet(name)}
                sheetNote={noteText(sheetNote, host.kind, t)}
                incomplete={loaded?.snapshot.complete === false}
                onSettle={settleConflicts}
                onCancelConflicts={() => setGeneration({ status: "idle" })}
              />
            </Section>
          </>
        )}
      </main>
    </div>
  );
}
