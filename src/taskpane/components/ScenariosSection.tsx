import { useRef, useState } from "react";
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";
import { scenarioNameProblem, type ScenarioView } from "../model";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  intro: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXXS,
  },
  rename: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: "140px" },
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  formTitle: { fontWeight: tokens.fontWeightSemibold },
  formButtons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ScenariosSectionProps {
  lang: Lang;
  scenarios: readonly ScenarioView[];
  /** The number of scenario edits not written yet. */
  pending: number;
  /** Errors stand in the way: no scenario can be saved from invalid parameters. */
  blocked: boolean;
  busy: boolean;
  /** The last scenario applied (its name), for the status line. */
  applied: string | null;
  onSave(name: string, note: string): void;
  onRename(from: string, to: string): void;
  onDelete(name: string): void;
  onApply(view: ScenarioView): void;
  onUndo(): void;
}

/** The inline rename form of one scenario. */
function RenameForm(props: {
  lang: Lang;
  view: ScenarioView;
  taken: readonly string[];
  onDone(to: string | null): void;
}) {
  const styles = useStyles();
  const t = uiText(props.lang);
  const [name, setName] = useState(props.view.name);
  const [tried, setTried] = useState(false);
  const problem = scenarioNameProblem(name, props.taken, props.lang);
  const submit = (): void => {
    setTried(true);
    if (problem === null) props.onDone(name.trim());
  };
  return (
    <form
      className={styles.rename}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Field
        className={styles.grow}
        label={t.scenarioNewName}
        validationState={tried && problem !== null ? "error" : "none"}
        {...(tried && problem !== null ? { validationMessage: problem } : {})}
      >
        <Input
          value={name}
          autoFocus
          data-testid="rename-input"
          onChange={(_, d) => setName(d.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") props.onDone(null);
          }}
        />
      </Field>
      <Button type="submit" appearance="primary" size="small">
        {t.scenarioRenameOk}
      </Button>
      <Button size="small" onClick={() => props.onDone(null)}>
        {t.scenarioCancel}
      </Button>
    </form>
  );
}

/** One scenario's name and what the pane did to it (first, new, renamed). */
function ScenarioHead({ lang, view }: { lang: Lang; view: ScenarioView }) {
  const styles = useStyles();
  const t = uiText(lang);
  return (
    <div className={styles.head}>
      <Text className={styles.name} data-testid="scenario-name">
        {view.name}
      </Text>
      {view.first ? (
        <Badge appearance="tint" color="informative">
          {t.scenarioFirst}
        </Badge>
      ) : null}
      {view.status === "new" ? (
        <Badge appearance="tint" color="warning" data-testid="scenario-status">
          {t.scenarioNew}
        </Badge>
      ) : null}
      {view.status === "renamed" && view.renamedFrom !== undefined ? (
        <Badge appearance="tint" color="warning" data-testid="scenario-status">
          {t.scenarioRenamed(view.renamedFrom)}
        </Badge>
      ) : null}
    </div>
  );
}

/** What can be done with one scenario: apply it, rename it, delete it (not the last one). */
function ScenarioActions(props: {
  lang: Lang;
  view: ScenarioView;
  busy: boolean;
  /** The scenario is the only one left: it cannot be deleted. */
  last: boolean;
  onApply(): void;
  onRename(): void;
  onDelete(): void;
}) {
  const { view, busy } = props;
  const styles = useStyles();
  const t = uiText(props.lang);
  return (
    <div className={styles.actions}>
      <Button
        size="small"
        disabled={busy}
        aria-label={t.scenarioApplyLabel(view.name)}
        onClick={props.onApply}
      >
        {t.scenarioApply}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        disabled={busy}
        aria-label={t.scenarioRenameLabel(view.name)}
        onClick={props.onRename}
      >
        {t.scenarioRename}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        disabled={busy || props.last}
        aria-label={t.scenarioDeleteLabel(view.name)}
        {...(props.last ? { title: t.scenarioLastOne } : {})}
        onClick={props.onDelete}
      >
        {t.scenarioDelete}
      </Button>
    </div>
  );
}

/** The form that saves the pane's parameters as a new scenario. */
function SaveForm(props: {
  lang: Lang;
  names: readonly string[];
  blocked: boolean;
  busy: boolean;
  onSave(name: string, note: string): void;
}) {
  const { lang, blocked } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const problem = scenarioNameProblem(name, props.names, lang);
  const save = (): void => {
    setTried(true);
    if (problem !== null || blocked) return;
    props.onSave(name.trim(), note.trim());
    setName("");
    setNote("");
    setTried(false);
  };
  return (
    <form
      className={styles.form}
      aria-label={t.scenarioSaveTitle}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Text className={styles.formTitle}>{t.scenarioSaveTitle}</Text>
      <Field
        label={t.scenarioName}
        required
        validationState={tried && problem !== null ? "error" : "none"}
        {...(tried && problem !== null ? { validationMessage: problem } : {})}
      >
        <Input value={name} data-testid="scenario-name-input" onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t.scenarioNote}>
        <Input value={note} data-testid="scenario-note-input" onChange={(_, d) => setNote(d.value)} />
      </Field>
      {blocked ? <Caption1 className={styles.detail}>{t.scenarioSaveBlocked}</Caption1> : null}
      <div className={styles.formButtons}>
        <Button
          type="submit"
          appearance="primary"
          disabled={props.busy || blocked}
          data-testid="scenario-save"
        >
          {t.scenarioSave}
        </Button>
      </div>
    </form>
  );
}

/** Asks before a scenario's parameters and basins replace the pane's. */
function ApplyDialog(props: { lang: Lang; shown: ScenarioView | null; onConfirm(): void; onClose(): void }) {
  const { shown } = props;
  const t = uiText(props.lang);
  return (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_, data) => {
        if (!data.open) props.onClose();
      }}
    >
      <DialogSurface data-testid="apply-dialog">
        <DialogBody>
          <DialogTitle>{shown === null ? "" : t.applyTitle(shown.name)}</DialogTitle>
          <DialogContent>
            <p>{t.applyBody}</p>
            {shown?.moves == null ? null : <p>{t.applyMoves(shown.moves)}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="apply-confirm" onClick={props.onConfirm}>
              {t.applyConfirm}
            </Button>
            <Button onClick={props.onClose}>{t.scenarioCancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The scenario edits not written yet, and undoing them. */
function PendingBar({
  lang,
  pending,
  busy,
  onUndo,
}: {
  lang: Lang;
  pending: number;
  busy: boolean;
  onUndo(): void;
}) {
  const t = uiText(lang);
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="scenario-pending">
      <MessageBarBody>{t.scenarioPending(pending)}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" disabled={busy} onClick={onUndo}>
          {t.scenarioUndo}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** The list of scenarios, each with its figures and actions (or its rename form). */
function ScenarioList(
  props: ScenariosSectionProps & { onConfirm(view: ScenarioView): void; onSaid(text: string): void },
) {
  const { lang, scenarios } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const [renaming, setRenaming] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const names = scenarios.map((s) => s.name);
  return (
    <ul
      ref={listRef}
      tabIndex={-1}
      className={styles.list}
      aria-label={t.scenarioListLabel}
      data-testid="scenario-list"
    >
      {scenarios.map((s) => (
        <li key={s.name} className={styles.item} data-scenario={s.name}>
          <ScenarioHead lang={lang} view={s} />
          <Caption1 className={styles.detail}>
            {[s.date, s.note].filter((x) => x !== "").join(" · ")}
          </Caption1>
          <Caption1 className={styles.detail}>{s.keyLine}</Caption1>
          <Text data-testid="scenario-figures">{s.figures}</Text>
          {s.diff === null ? null : <Caption1 className={styles.detail}>{s.diff}</Caption1>}
          {s.moves === null ? null : (
            <Caption1 className={styles.detail}>{t.scenarioMoves(s.moves)}</Caption1>
          )}
          {renaming === s.name ? (
            <RenameForm
              lang={lang}
              view={s}
              taken={names.filter((n) => n !== s.name)}
              onDone={(to) => {
                setRenaming(null);
                if (to !== null && to !== s.name) {
                  props.onRename(s.name, to);
                  props.onSaid(t.scenarioRenamedNote(s.name, to));
                }
              }}
            />
          ) : (
            <ScenarioActions
              lang={lang}
              view={s}
              busy={props.busy}
              last={scenarios.length <= 1}
              onApply={() => props.onConfirm(s)}
              onRename={() => setRenaming(s.name)}
              onDelete={() => {
                props.onDelete(s.name);
                props.onSaid(t.scenarioDeleted(s.name));
                listRef.current?.focus(); // the button is gone: focus stays in the list
              }}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** 5. Scenarios: the workbook's scenarios, saved, renamed, deleted and applied from the pane. */
export function ScenariosSection(props: ScenariosSectionProps) {
  const { lang, scenarios } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const [confirming, setConfirming] = useState<ScenarioView | null>(null);
  // What the dialog shows: the scenario last asked about, kept while the dialog fades out.
  const [shown, setShown] = useState<ScenarioView | null>(null);
  if (confirming !== null && confirming !== shown) setShown(confirming);
  // What the last action did, said in a polite live region (the list's focus stays predictable).
  const [said, setSaid] = useState("");

  return (
    <div className={styles.block}>
      <Caption1 className={styles.intro}>{t.scenariosIntro}</Caption1>
      {scenarios.length === 0 ? (
        <Text data-testid="no-scenarios">{t.scenariosNone}</Text>
      ) : (
        <ScenarioList {...props} onConfirm={setConfirming} onSaid={setSaid} />
      )}
      <Text role="status" data-testid="scenario-said">
        {said}
      </Text>
      {props.applied === null ? null : (
        <Text role="status" data-testid="scenario-applied">
          {t.applied(props.applied)}
        </Text>
      )}
      {props.pending === 0 ? null : (
        <PendingBar lang={lang} pending={props.pending} busy={props.busy} onUndo={props.onUndo} />
      )}
      <SaveForm
        lang={lang}
        names={scenarios.map((s) => s.name)}
        blocked={props.blocked}
        busy={props.busy}
        onSave={(name, note) => {
          props.onSave(name, note);
          setSaid(t.scenarioSaved(name));
        }}
      />
      {confirming === null ? null : (
        <ApplyDialog
          lang={lang}
          shown={shown}
          onConfirm={() => {
            props.onApply(confirming);
            setConfirming(null);
          }}
          onClose={() => setConfirming(null)}
        />
      )}
    </div>
  );
}
