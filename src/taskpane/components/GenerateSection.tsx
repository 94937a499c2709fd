import { useEffect, useRef } from "react";
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
import type { Lang } from "../../core/types";
import type { WorkbookSnapshot } from "../../app";
import type { GenerateOutcome, GenerateProgress } from "../host";
import type { Conflict, Resolutions, StagedEdits } from "../conflicts";
import { ConflictsPanel } from "./ConflictsPanel";
import { uiText } from "../i18n";
import { progressLabel } from "../model";

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

/** Where a generation stands. */
export type GenerationState =
  | { readonly status: "idle" }
  | { readonly status: "running"; readonly progress: GenerateProgress }
  | { readonly status: "done"; readonly outcome: GenerateOutcome }
  | {
      readonly status: "conflicts";
      readonly conflicts: readonly Conflict[];
      /** The workbook as the generation read it, and the edits it would have written. */
      readonly fresh: WorkbookSnapshot;
      readonly edits: StagedEdits;
    }
  /** The workbook changed since the pane's read and now has errors: nothing was written. */
  | { readonly status: "changed" }
  /** `interrupted`: the write stopped halfway (the summary is marked incomplete). */
  | { readonly status: "failed"; readonly message: string; readonly interrupted?: boolean };

/** 6. Generate: blocked by errors, warnings acknowledged once, progress by step, then the sheets. */
export function GenerateSection({
  lang,
  summary,
  blocked,
  warningCount,
  acknowledged,
  onAcknowledge,
  state,
  onGenerate,
  onSheet,
  sheetNote,
  incomplete = false,
  onSettle,
  onCancelConflicts,
}: {
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
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const running = state.status === "running";
  const needsAck = !blocked && warningCount > 0 && !acknowledged;
  const disabled = blocked || needsAck || running;
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "done" || state.status === "failed" || state.status === "changed")
      resultRef.current?.focus();
  }, [state.status]);
  const why = blocked ? t.blockedNote : needsAck ? t.ackNeeded : null;

  return (
    <div className={styles.block}>
      <Caption1 className={styles.note}>{t.generateHint}</Caption1>
      {incomplete && state.status !== "running" && state.status !== "done" ? (
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
      {!blocked && warningCount > 0 ? (
        <Field hint={t.ackNote}>
          <Checkbox
            checked={acknowledged}
            disabled={running}
            label={t.ackLabel}
            data-testid="ack-warnings"
            onChange={(_, data) => onAcknowledge(data.checked === true)}
          />
        </Field>
      ) : null}
      <Button
        appearance="primary"
        disabledFocusable={disabled}
        aria-describedby={why === null ? undefined : "generate-why"}
        data-testid="generate"
        onClick={() => {
          if (!disabled) onGenerate();
        }}
      >
        {t.generateButton}
      </Button>
      {why === null ? null : (
        <Text size={200} id="generate-why" className={styles.note}>
          {why}
        </Text>
      )}

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
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody className={styles.body}>
              <MessageBarTitle>{t.successTitle}</MessageBarTitle>
              <Text>{state.outcome.download !== undefined ? t.successFile : t.successExcel}</Text>
              <ul className={styles.sheets}>
                {state.outcome.sheets.map((name) => (
                  <li key={name}>
                    <Link as="button" onClick={() => onSheet(name)} data-sheet={name}>
                      {name}
                    </Link>
                  </li>
                ))}
              </ul>
              {state.outcome.calculationManual === true ? (
                <Text weight="semibold">{t.manualCalculation}</Text>
              ) : null}
              {state.outcome.lacking !== undefined && state.outcome.lacking.length > 0 ? (
                <Text data-testid="excel-lacks">{t.lacking(state.outcome.lacking)}</Text>
              ) : null}
              {state.outcome.download !== undefined ? (
                <Link
                  className={styles.download}
                  href={state.outcome.download.url}
                  download={state.outcome.download.fileName}
                  data-testid="download"
                >
                  {t.download} ({state.outcome.download.fileName})
                </Link>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        <Text size={200} className={styles.note} role="status" data-testid="sheet-status">
          {state.status === "done" ? sheetNote : ""}
        </Text>
        {state.status === "failed" ? (
          <MessageBar intent="error" layout="multiline" data-testid="generate-failed">
            <MessageBarBody>
              <MessageBarTitle>
                {state.interrupted === true ? t.interruptedTitle : t.failedTitle}
              </MessageBarTitle>
              {state.interrupted === true ? t.interrupted(state.message) : t.failed(state.message)}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {state.status === "changed" ? (
          <MessageBar intent="warning" layout="multiline" data-testid="generate-changed">
            <MessageBarBody>
              <MessageBarTitle>{t.changedTitle}</MessageBarTitle>
              {t.changed}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {state.status === "conflicts" ? (
          <ConflictsPanel
            lang={lang}
            conflicts={state.conflicts}
            onSettle={(r) => onSettle?.(r)}
            onCancel={() => onCancelConflicts?.()}
          />
        ) : null}
      </div>
    </div>
  );
}
