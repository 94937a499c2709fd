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
import type { Lang } from "../../core/types";
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

/** 5. Scenarios: the workbook's scenarios, saved, renamed, deleted and applied from the pane. */
export function ScenariosSection(props: ScenariosSectionProps) {
  const { lang, scenarios } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ScenarioView | null>(null);
  // What the dialog shows: the scenario last asked about, kept while the dialog fades out.
  const [shown, setShown] = useState<ScenarioView | null>(null);
  if (confirming !== null && confirming !== shown) setShown(confirming);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  // What the last action did, said in a polite live region (the list's focus stays predictable).
  const [said, setSaid] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const names = scenarios.map((s) => s.name);
  const problem = scenarioNameProblem(name, names, lang);

  const save = (): void => {
    setTried(true);
    if (problem !== null || props.blocked) return;
    props.onSave(name.trim(), note.trim());
    setSaid(t.scenarioSaved(name.trim()));
    setName("");
    setNote("");
    setTried(false);
  };

  return (
    <div className={styles.block}>
      <Caption1 className={styles.intro}>{t.scenariosIntro}</Caption1>
      {scenarios.length === 0 ? (
        <Text data-testid="no-scenarios">{t.scenariosNone}</Text>
      ) : (
        <ul
          ref={listRef}
          tabIndex={-1}
          className={styles.list}
          aria-label={t.scenarioListLabel}
          data-testid="scenario-list"
        >
          {scenarios.map((s) => (
            <li key={s.name} className={styles.item} data-scenario={s.name}>
              <div className={styles.head}>
                <Text className={styles.name} data-testid="scenario-name">
                  {s.name}
                </Text>
                {s.first ? (
                  <Badge appearance="tint" color="informative">
                    {t.scenarioFirst}
                  </Badge>
                ) : null}
                {s.status === "new" ? (
                  <Badge appearance="tint" color="warning" data-testid="scenario-status">
                    {t.scenarioNew}
                  </Badge>
                ) : null}
                {s.status === "renamed" && s.renamedFrom !== undefined ? (
                  <Badge appearance="tint" color="warning" data-testid="scenario-status">
                    {t.scenarioRenamed(s.renamedFrom)}
                  </Badge>
                ) : null}
              </div>
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
                      setSaid(t.scenarioRenamedNote(s.name, to));
                    }
                  }}
                />
              ) : (
                <div className={styles.actions}>
                  <Button
                    size="small"
                    disabled={props.busy}
                    aria-label={t.scenarioApplyLabel(s.name)}
                    onClick={() => setConfirming(s)}
                  >
                    {t.scenarioApply}
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={props.busy}
                    aria-label={t.scenarioRenameLabel(s.name)}
                    onClick={() => setRenaming(s.name)}
                  >
                    {t.scenarioRename}
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    disabled={props.busy || scenarios.length <= 1}
                    aria-label={t.scenarioDeleteLabel(s.name)}
                    {...(scenarios.length <= 1 ? { title: t.scenarioLastOne } : {})}
                    onClick={() => {
                      props.onDelete(s.name);
                      setSaid(t.scenarioDeleted(s.name));
                      listRef.current?.focus(); // the button is gone: focus stays in the list
                    }}
                  >
                    {t.scenarioDelete}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
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
        <MessageBar intent="warning" layout="multiline" data-testid="scenario-pending">
          <MessageBarBody>{t.scenarioPending(props.pending)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={props.busy} onClick={props.onUndo}>
              {t.scenarioUndo}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

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
        {props.blocked ? <Caption1 className={styles.detail}>{t.scenarioSaveBlocked}</Caption1> : null}
        <div className={styles.formButtons}>
          <Button
            type="submit"
            appearance="primary"
            disabled={props.busy || props.blocked}
            data-testid="scenario-save"
          >
            {t.scenarioSave}
          </Button>
        </div>
      </form>

      {confirming === null ? null : (
        <Dialog
          open
          modalType="alert"
          onOpenChange={(_, data) => {
            if (!data.open) setConfirming(null);
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
                <Button
                  appearance="primary"
                  data-testid="apply-confirm"
                  onClick={() => {
                    props.onApply(confirming);
                    setConfirming(null);
                  }}
                >
                  {t.applyConfirm}
                </Button>
                <Button onClick={() => setConfirming(null)}>{t.scenarioCancel}</Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </div>
  );
}
