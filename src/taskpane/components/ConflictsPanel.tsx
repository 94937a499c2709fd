import { useState } from "react";
import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Basin, Lang } from "../../core";
import { uiText } from "../i18n";
import { conflictKey, type Conflict, type Resolutions } from "../conflicts";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, margin: 0, padding: 0 },
  item: { listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const BASIN: Readonly<Record<Lang, Readonly<Record<Basin, string>>>> = {
  fr: { nord: "Nord", sud: "Sud" },
  en: { nord: "North", sud: "South" },
};

/** A conflict's title and its two sides, as the pane says them. */
function conflictText(
  conflict: Conflict,
  lang: Lang,
): { readonly title: string; readonly workbook: string; readonly pane: string } {
  const t = uiText(lang);
  switch (conflict.kind) {
    case "param":
      return {
        title: t.conflictParam(t.paramLabels[conflict.param], conflict.cell),
        workbook: conflict.workbook === "" ? "—" : conflict.workbook,
        pane: conflict.pane,
      };
    case "basin":
      return {
        title: t.conflictBasin(conflict.commune, conflict.cell),
        workbook: conflict.workbook === null ? "—" : BASIN[lang][conflict.workbook],
        pane: BASIN[lang][conflict.pane],
      };
    case "scenario": {
      const edit = conflict.pane;
      const detail = edit.kind === "add" ? edit.scenario.name : edit.kind === "rename" ? edit.to : edit.name;
      return {
        title: t.conflictScenario(conflict.name),
        workbook: conflict.workbook === null ? t.conflictAbsent : t.conflictScenarioWorkbook,
        pane: t.conflictScenarioEdit(edit.kind, detail),
      };
    }
  }
}

/**
 * The cells changed both in the workbook (since the pane's read) and in the pane: one choice each,
 * then the generation runs with them; nothing is written before.
 */
export function ConflictsPanel({
  lang,
  conflicts,
  onSettle,
  onCancel,
}: {
  lang: Lang;
  conflicts: readonly Conflict[];
  onSettle(resolutions: Resolutions): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const [choices, setChoices] = useState<Record<string, "workbook" | "pane">>({});
  const left = conflicts.filter((c) => choices[conflictKey(c)] === undefined).length;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="conflicts">
      <MessageBarBody className={styles.block}>
        <MessageBarTitle>{t.conflictsTitle}</MessageBarTitle>
        <Text>{t.conflictsIntro}</Text>
        <ul className={styles.list}>
          {conflicts.map((conflict) => {
            const key = conflictKey(conflict);
            const text = conflictText(conflict, lang);
            const id = `conflict-${key.replace(/[^a-z0-9]+/gi, "-")}`;
            return (
              <li key={key} className={styles.item} data-conflict={key}>
                <Text weight="semibold" id={id}>
                  {text.title}
                </Text>
                <RadioGroup
                  aria-labelledby={id}
                  value={choices[key] ?? ""}
                  onChange={(_, data) =>
                    setChoices((c) => ({ ...c, [key]: data.value === "pane" ? "pane" : "workbook" }))
                  }
                >
                  <Radio value="workbook" label={t.conflictKeepWorkbook(text.workbook)} />
                  <Radio value="pane" label={t.conflictKeepPane(text.pane)} />
                </RadioGroup>
              </li>
            );
          })}
        </ul>
        {left > 0 ? <Text size={200}>{t.conflictsPending(left)}</Text> : null}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabledFocusable={left > 0}
            data-testid="conflicts-generate"
            onClick={() => {
              if (left === 0) onSettle(choices);
            }}
          >
            {t.conflictsGenerate}
          </Button>
          <Button data-testid="conflicts-cancel" onClick={onCancel}>
            {t.conflictsCancel}
          </Button>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
