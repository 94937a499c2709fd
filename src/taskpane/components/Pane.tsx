import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  Badge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import type { ParamName } from "../../core/params";
import type { ColumnMapping, Lang } from "../../core/types";
import type { WorkbookSnapshot } from "../../workbook/pipeline";
import type { Engine } from "../engine";
import type { InputChoice, PaneHost } from "../host";
import { uiText, type UiText } from "../i18n";
import {
  choiceOfSnapshot,
  initialParamFields,
  paneParamOfCell,
  paneView,
  paramInputsFromFields,
  parametersSheet,
  type IssueView,
  type ParamFields,
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
  const e = error as { name?: unknown; reason?: unknown } | null;
  if (e !== null && typeof e === "object" && e.name === "WorkbookFileError" && typeof e.reason === "string") {
    return { kind: "file", reason: e.reason };
  }
  if (e !== null && typeof e === "object" && e.name === "UsageError") return { kind: "no-input" };
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
  const [loaded, setLoaded] = useState<{ readonly snapshot: WorkbookSnapshot; readonly id: number } | null>(
    null,
  );
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [fileProblem, setFileProblem] = useState<Problem | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [overrides, setOverrides] = useState<Partial<Record<ParamName, string>>>({});
  const [mappingOpen, setMappingOpen] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [generation, setGeneration] = useState<GenerationState>({ status: "idle" });
  const [cellNote, setCellNote] = useState<Note | null>(null);
  const [sheetNote, setSheetNote] = useState<Note | null>(null);
  const [currentIssue, setCurrentIssue] = useState<string | null>(null);
  const fieldElements = useRef<Partial<Record<ParamName, HTMLElement | null>>>({});
  const langRef = useRef(lang);
  langRef.current = lang;

  // Read the workbook: at start, when a file is opened, when another table is chosen.
  useEffect(() => {
    let live = true;
    setLoading(true);
    Promise.all([host.listInputs(), host.snapshot(requested)]).then(
      ([list, snapshot]) => {
        if (!live) return;
        setInputs(list);
        setLoaded({ snapshot, id: ++loadCounter });
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
    setCurrentIssue(null);
    setCellNote(null);
  }, []);

  const fields: ParamFields | null = useMemo(
    () =>
      loaded === null ? null : { ...initialParamFields(loaded.snapshot.parameters, lang), ...overrides },
    [loaded, lang, overrides],
  );
  const edited = useMemo(() => new Set(Object.keys(overrides) as ParamName[]), [overrides]);
  const result = useMemo(() => {
    if (loaded === null || fields === null) return null;
    const params = paramInputsFromFields(fields, edited, lang);
    return engine.plan(loaded.snapshot, { params, ...(mapping === undefined ? {} : { mapping }) });
  }, [engine, loaded, fields, edited, lang, mapping]);
  const view = useMemo(
    () => (loaded === null || result === null ? null : paneView(loaded.snapshot, result, lang)),
    [loaded, result, lang],
  );

  // A new workbook or table: open the mapping when it needs the user.
  const needsMapping = view?.mappingNeedsAttention ?? false;
  useEffect(() => {
    setMappingOpen(needsMapping);
    // Only on a new snapshot (not on needsMapping): the user may close it afterwards.
  }, [loaded?.id]);

  // What was generated no longer matches once the inputs change.
  const inputsKey = JSON.stringify([loaded?.id ?? 0, mapping ?? null, overrides]);
  useEffect(() => {
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
  useEffect(() => setAcknowledged(false), [warningsKey, loaded?.id]);

  const readyReported = useRef(false);
  useEffect(() => {
    if (view !== null && !readyReported.current) {
      readyReported.current = true;
      onReady?.();
    }
  }, [view, onReady]);

  const running = generation.status === "running";
  const busy = loading || running;

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

  const generate = useCallback(async () => {
    if (loaded === null || result === null || result.blocked) return;
    setGeneration({ status: "running", progress: { step: "prepare", done: 0, total: 1 } });
    try {
      const report = await engine.report(loaded.snapshot, result, lang);
      const outcome = await host.generate(report, (progress) =>
        setGeneration({ status: "running", progress }),
      );
      setGeneration({ status: "done", outcome });
    } catch (error) {
      setGeneration({ status: "failed", message: errorMessage(error, lang) });
    }
  }, [engine, host, lang, loaded, result]);

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
    const errors: Partial<Record<ParamName, IssueView>> = {};
    for (const issue of view?.issues ?? []) {
      if (issue.paneParam !== null && errors[issue.paneParam] === undefined) errors[issue.paneParam] = issue;
    }
    return errors;
  }, [view]);

  const fieldRef = useCallback(
    (param: ParamName) => (element: HTMLElement | null) => {
      fieldElements.current[param] = element;
    },
    [],
  );

  const choice = requested ?? (loaded === null ? null : choiceOfSnapshot(loaded.snapshot));

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
                onReset={() => setOverrides({})}
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

            <Section id="generate" number={5} title={t.sections.generate}>
              <GenerateSection
                lang={lang}
                blocked={view.blocked}
                warningCount={view.warningCount}
                acknowledged={acknowledged}
                onAcknowledge={setAcknowledged}
                state={generation}
                onGenerate={() => void generate()}
                onSheet={(name) => void showSheet(name)}
                sheetNote={noteText(sheetNote, host.kind, t)}
              />
            </Section>
          </>
        )}
      </main>
    </div>
  );
}
