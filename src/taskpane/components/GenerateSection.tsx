import { lazy, Suspense, useEffect, useRef } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core";
import type { GenerateOutcome } from "../host";
import type { Resolutions } from "../conflicts";
import { uiText } from "../i18n";
import { progressLabel } from "../model";
import type { GenerationState } from "../state";
import { DeferredFallback } from "./Section";

/** Shown only when the workbook changed under the pane's edits: a chunk of its own, fetched on mount. */
const loadConflictsPanel = () => import(/* webpackChunkName: "conflicts" */ "./ConflictsPanel");
const ConflictsPanel = lazy(() => loadConflictsPanel().then((m) => ({ default: m.ConflictsPanel })));

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  note: { color: tokens.colorNeutralForeground2 },
  sheets: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  download: { fontWeight: tokens.fontWeightSemibold },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  result: { outlineStyle: "none" },
});

export interface GenerateSectionProps {
  lang: Lang;
  /**
   * The summary already in the workbook: `stale` when its formulas no longer cover the inputs,
   * `live` when they do, null when the workbook has none (or errors hide the answer).
   */
  summary: "stale" | "live" | null;
  blocked: boolean;
  warningCount: number;
  acknowledged: boolean;
  onAcknowledge(value: boolean): void;
  state: GenerationState;
  onGenerate(): void;
  onSheet(name: string): void;
  /** What happened on the last click on a sheet. */
  sheetNote: string;
  /** The workbook's summary was left incomplete by an interrupted generation. */
  incomplete?: boolean;
  /** The user's choices on the conflicts (state `conflicts`), and giving up. */
  onSettle?(resolutions: Resolutions): void;
  onCancelConflicts?(): void;
}

/** What the workbook's summary is: left incomplete, out of date, or following the inputs. */
function SummaryNotes({
  lang,
  summary,
  incomplete,
}: {
  lang: Lang;
  summary: "stale" | "live" | null;
  incomplete: boolean;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  return (
    <>
      {incomplete ? (
        <MessageBar intent="error" layout="multiline" data-testid="summary-incomplete">
          <MessageBarBody>
            <MessageBarTitle>{t.incompleteTitle}</MessageBarTitle>
            {t.incomplete}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {summary === "stale" ? (
        <MessageBar intent="warning" layout="multiline" data-testid="summary-stale">
          <MessageBarBody>
            <MessageBarTitle>{t.summaryStaleTitle}</MessageBarTitle>
            {t.summaryStale}
          </MessageBarBody>
        </MessageBar>
      ) : summary === "live" ? (
        <Text size={200} className={styles.note} data-testid="summary-live">
          {t.summaryLive}
        </Text>
      ) : null}
    </>
  );
}

/** The warnings' acknowledgement, the button, and why it waits. */
function GenerateButton(props: GenerateSectionProps) {
  const { lang, blocked, warningCount, acknowledged } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const running = props.state.status === "running";
  const needsAck = !blocked && warningCount > 0 && !acknowledged;
  const disabled = blocked || needsAck || running;
  const why = blocked ? t.blockedNote : needsAck ? t.ackNeeded : null;
  return (
    <>
      {!blocked && warningCount > 0 ? (
        <Field hint={t.ackNote}>
          <Checkbox
            checked={acknowledged}
            disabled={running}
            label={t.ackLabel}
            data-testid="ack-warnings"
            onChange={(_, data) => props.onAcknowledge(data.checked === true)}
          />
        </Field>
      ) : null}
      <Button
        appearance="primary"
        disabledFocusable={disabled}
        aria-describedby={why === null ? undefined : "generate-why"}
        data-testid="generate"
        onClick={() => {
          if (!disabled) props.onGenerate();
        }}
      >
        {t.generateButton}
      </Button>
      {why === null ? null : (
        <Text size={200} id="generate-why" className={styles.note}>
          {why}
        </Text>
      )}
    </>
  );
}

/** What a generation wrote: the sheets (each one shown on a click), and the file to download. */
function GenerationDone({
  lang,
  outcome,
  onSheet,
}: {
  lang: Lang;
  outcome: GenerateOutcome;
  onSheet(name: string): void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t.successTitle}</MessageBarTitle>
        <Text>{outcome.download !== undefined ? t.successFile : t.successExcel}</Text>
        <ul className={styles.sheets}>
          {outcome.sheets.map((name) => (
            <li key={name}>
              <Link as="button" onClick={() => onSheet(name)} data-sheet={name}>
                {name}
              </Link>
            </li>
          ))}
        </ul>
        {outcome.calculationManual === true ? <Text weight="semibold">{t.manualCalculation}</Text> : null}
        {outcome.lacking !== undefined && outcome.lacking.length > 0 ? (
          <Text data-testid="excel-lacks">{t.lacking(outcome.lacking)}</Text>
        ) : null}
        {outcome.download !== undefined ? (
          <Link
            className={styles.download}
            href={outcome.download.url}
            download={outcome.download.fileName}
            data-testid="download"
          >
            {t.download} ({outcome.download.fileName})
          </Link>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Why nothing (or not all) was written: a failure, the workbook changed, or conflicts to settle. */
function GenerationStopped(props: GenerateSectionProps) {
  const { lang, state } = props;
  const t = uiText(lang);
  if (state.status === "failed") {
    const message = state.message[lang];
    return (
      <MessageBar intent="error" layout="multiline" data-testid="generate-failed">
        <MessageBarBody>
          <MessageBarTitle>{state.interrupted ? t.interruptedTitle : t.failedTitle}</MessageBarTitle>
          {state.interrupted ? t.interrupted(message) : t.failed(message)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === "changed") {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="generate-changed">
        <MessageBarBody>
          <MessageBarTitle>{t.changedTitle}</MessageBarTitle>
          {t.changed}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (state.status === "conflicts") {
    return (
      <Suspense fallback={<DeferredFallback lang={lang} />}>
        <ConflictsPanel
          lang={lang}
          conflicts={state.conflicts}
          onSettle={(r) => props.onSettle?.(r)}
          onCancel={() => props.onCancelConflicts?.()}
        />
      </Suspense>
    );
  }
  return null;
}

/** 6. Generate: blocked by errors, warnings acknowledged once, progress by step, then the sheets. */
export function GenerateSection(props: GenerateSectionProps) {
  const { lang, state } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const resultRef = useRef<HTMLDivElement>(null);
  // The conflicts panel downloads while nothing else does, so that it shows at once when needed.
  useEffect(() => {
    loadConflictsPanel().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (state.status === "done" || state.status === "failed" || state.status === "changed")
      resultRef.current?.focus();
  }, [state.status]);
  const incomplete = props.incomplete === true && state.status !== "running" && state.status !== "done";

  return (
    <div className={styles.block}>
      <Caption1 className={styles.note}>{t.generateHint}</Caption1>
      <SummaryNotes lang={lang} summary={props.summary} incomplete={incomplete} />
      <GenerateButton {...props} />
      <div aria-live="polite" data-testid="generate-progress">
        {state.status === "running" ? (
          <Field
            label={t.progressLabel}
            validationMessage={progressLabel(state.progress, lang)}
            validationState="none"
          >
            <ProgressBar
              value={state.progress.total === 0 ? 0 : state.progress.done / state.progress.total}
              max={1}
            />
          </Field>
        ) : null}
      </div>
      <div ref={resultRef} tabIndex={-1} className={styles.result} data-testid="generate-result">
        {state.status === "done" ? (
          <GenerationDone lang={lang} outcome={state.outcome} onSheet={props.onSheet} />
        ) : null}
        <Text size={200} className={styles.note} role="status" data-testid="sheet-status">
          {state.status === "done" ? props.sheetNote : ""}
        </Text>
        <GenerationStopped {...props} />
      </div>
    </div>
  );
}
