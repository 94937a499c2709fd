import { useRef } from "react";
import { Badge, Button, Caption1, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { ColumnMapping, Lang } from "../../core";
import type { FileWorkbookControls, InputChoice, PaneHost } from "../host";
import { uiText } from "../i18n";
import { inputChoiceKey, inputChoiceLabel, type PaneView } from "../model";
import type { DeferredSections } from "./deferred-sections";
import { DeferredFallback, Section } from "./Section";
import { useControlStyles } from "./styles";

const useStyles = makeStyles({
  workbook: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  workbookName: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
  rows: { color: tokens.colorNeutralForeground2 },
  rowsLine: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

export interface InputSectionProps {
  lang: Lang;
  host: PaneHost;
  inputs: readonly InputChoice[];
  choice: InputChoice | null;
  view: PaneView | null;
  mapping: ColumnMapping;
  mappingOpen: boolean;
  busy: boolean;
  /** The sections loaded after the figures (the column mapping's accordion is one), null until then. */
  deferred: DeferredSections | null;
  onMappingOpenChange(open: boolean): void;
  onChoose(choice: InputChoice): void;
  onMapping(mapping: ColumnMapping): void;
  onOpenFile(file: File): void;
  onOpenDemo(): void;
  /** Inside Excel: reads the workbook again (after the user fixed cells). */
  onReread(): void;
}

/** File mode: the workbook held, and opening another one (or the demo again). */
function WorkbookFile({
  lang,
  file,
  busy,
  onOpenFile,
  onOpenDemo,
}: {
  lang: Lang;
  file: FileWorkbookControls;
  busy: boolean;
  onOpenFile(file: File): void;
  onOpenDemo(): void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.workbook}>
      <div className={styles.workbookName}>
        <Text>
          {t.workbookLabel}{" "}
          <span className={styles.name} data-testid="workbook-name">
            {file.name()}
          </span>
        </Text>
        {file.isDemo() ? (
          <Badge appearance="tint" color="informative">
            {t.demoBadge}
          </Badge>
        ) : null}
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t.openFile}
        </Button>
        {file.isDemo() ? null : (
          <Button disabled={busy} onClick={onOpenDemo}>
            {t.openDemo}
          </Button>
        )}
      </div>
      <Caption1>{t.openFileHint}</Caption1>
      <input
        ref={fileInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={t.openFile}
        tabIndex={-1}
        data-testid="file-input"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (f) onOpenFile(f);
        }}
      />
    </div>
  );
}

/** Which table or sheet the funding rows are read from. */
function InputChoiceField({
  lang,
  inputs,
  choice,
  busy,
  onChoose,
}: {
  lang: Lang;
  inputs: readonly InputChoice[];
  choice: InputChoice | null;
  busy: boolean;
  onChoose(choice: InputChoice): void;
}) {
  const controls = useControlStyles();
  const t = uiText(lang);
  const chosenKey = choice === null ? undefined : inputChoiceKey(choice);
  return (
    <Field className={controls.field} label={t.inputSource} hint={t.inputSourceHint}>
      <Select
        className={controls.select}
        select={{ className: controls.selectElement }}
        data-testid="input-choice"
        value={chosenKey ?? ""}
        disabled={busy || inputs.length === 0}
        onChange={(_, data) => {
          const next = inputs.find((c) => inputChoiceKey(c) === data.value);
          if (next) onChoose(next);
        }}
      >
        {chosenKey === undefined ? <option value="" /> : null}
        {inputs.map((c) => (
          <option key={inputChoiceKey(c)} value={inputChoiceKey(c)}>
            {inputChoiceLabel(c, lang)}
          </option>
        ))}
        {chosenKey !== undefined &&
        !inputs.some((c) => inputChoiceKey(c) === chosenKey) &&
        choice !== null ? (
          <option value={chosenKey}>{inputChoiceLabel(choice, lang)}</option>
        ) : null}
      </Select>
    </Field>
  );
}

/** 1. The workbook and its funding table: which table, which column holds what, rows read. */
export function InputSection(props: InputSectionProps) {
  const { lang, host, view } = props;
  const styles = useStyles();
  const t = uiText(lang);
  const file = host.file;

  return (
    <Section id="input" number={1} title={t.sections.input}>
      {file !== undefined ? (
        <WorkbookFile
          lang={lang}
          file={file}
          busy={props.busy}
          onOpenFile={props.onOpenFile}
          onOpenDemo={props.onOpenDemo}
        />
      ) : null}
      <InputChoiceField
        lang={lang}
        inputs={props.inputs}
        choice={props.choice}
        busy={props.busy}
        onChoose={props.onChoose}
      />
      <div className={styles.rowsLine}>
        {view === null ? null : (
          <Text className={styles.rows} role="status" data-testid="rows-read">
            {view.rowsLabel}
          </Text>
        )}
        {host.kind === "excel" ? (
          <Button size="small" disabled={props.busy} onClick={props.onReread}>
            {t.reread}
          </Button>
        ) : null}
      </div>
      {view === null ? null : props.deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <props.deferred.MappingAccordion
          lang={lang}
          view={view}
          mapping={props.mapping}
          open={props.mappingOpen}
          busy={props.busy}
          onOpenChange={props.onMappingOpenChange}
          onMapping={props.onMapping}
        />
      )}
    </Section>
  );
}
