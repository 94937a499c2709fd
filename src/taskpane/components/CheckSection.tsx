import { useState } from "react";
import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";
import type { IssueView } from "../model";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    listStyle: "none",
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
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
  },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  current: { backgroundColor: tokens.colorNeutralBackground1Selected },
  cells: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  cellButton: {
    minWidth: "0",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    height: "auto",
    minHeight: "24px",
    textAlign: "left",
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground1,
    textDecorationLine: "underline",
    // Fluent's brand hover colour lacks contrast on the selected item's background in dark mode.
    ":hover": { color: tokens.colorNeutralForeground1Hover, textDecorationLine: "underline" },
    ":hover:active": { color: tokens.colorNeutralForeground1Pressed },
  },
  seeAlso: { color: tokens.colorNeutralForeground2 },
  message: { overflowWrap: "anywhere" },
  status: {
    color: tokens.colorNeutralForeground2,
    // Empty, it takes no room (the card's gap would show): it stays in place to be announced.
    "&:empty": { marginTop: `calc(-1 * ${tokens.spacingVerticalM})` },
  },
});

const PAGE = 50;

function IssueList({
  issues,
  lang,
  current,
  onGo,
}: {
  issues: readonly IssueView[];
  lang: Lang;
  current: string | null;
  onGo(issue: IssueView, cell: string): void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const [all, setAll] = useState(false);
  const shown = all ? issues : issues.slice(0, PAGE);
  return (
    <>
      <ul className={styles.list}>
        {shown.map((issue) => (
          <li
            key={issue.id}
            className={mergeClasses(
              styles.item,
              issue.severity === "warning" && styles.warning,
              current === issue.id && styles.current,
            )}
            data-severity={issue.severity}
            data-cell={issue.cell}
          >
            {issue.cell === "" ? null : (
              <span className={styles.cells}>
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.cellButton}
                  aria-label={issue.paneParam !== null ? t.goToField(issue.cell) : t.goToCell(issue.cell)}
                  onClick={() => onGo(issue, issue.cell)}
                >
                  {issue.cell}
                </Button>
                {issue.related.length > 0 ? <span className={styles.seeAlso}>({t.seeAlso}</span> : null}
                {issue.related.map((cell, i) => (
                  <Button
                    key={cell}
                    appearance="transparent"
                    size="small"
                    className={styles.cellButton}
                    aria-label={t.goToCell(cell)}
                    onClick={() => onGo(issue, cell)}
                  >
                    {cell}
                    {i === issue.related.length - 1 ? ")" : ","}
                  </Button>
                ))}
              </span>
            )}
            <Text className={styles.message}>{issue.message}</Text>
          </li>
        ))}
      </ul>
      {issues.length > shown.length ? (
        <Button size="small" onClick={() => setAll(true)}>
          {t.showAll(issues.length)}
        </Button>
      ) : null}
    </>
  );
}

/** 3. Errors and warnings, each with its cell: clicking the cell selects it (or the pane's field). */
export function CheckSection({
  lang,
  issues,
  current,
  status,
  onGo,
}: {
  lang: Lang;
  issues: readonly IssueView[];
  current: string | null;
  status: string;
  onGo(issue: IssueView, cell: string): void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  return (
    <>
      {issues.length === 0 ? (
        <MessageBar intent="success" data-testid="no-issues">
          <MessageBarBody>{t.noIssues}</MessageBarBody>
        </MessageBar>
      ) : null}
      {errors.length > 0 ? (
        <div className={styles.group} data-testid="errors">
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t.errorsHeading}
          </Text>
          <IssueList issues={errors} lang={lang} current={current} onGo={onGo} />
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className={styles.group} data-testid="warnings">
          <Text as="h3" weight="semibold" className={styles.heading}>
            {t.warningsHeading}
          </Text>
          <IssueList issues={warnings} lang={lang} current={current} onGo={onGo} />
        </div>
      ) : null}
      <Text size={200} className={styles.status} role="status" aria-live="polite" data-testid="cell-status">
        {status}
      </Text>
    </>
  );
}

/** The check section's counts, beside its title: errors (red when any), warnings (orange when any). */
export function CheckBadges({ lang, errors, warnings }: { lang: Lang; errors: number; warnings: number }) {
  const t = uiText(lang);
  return (
    <>
      <Badge appearance="filled" color={errors > 0 ? "danger" : "success"} data-testid="error-count">
        {t.errorsBadge(errors)}
      </Badge>
      <Badge appearance="tint" color={warnings > 0 ? "warning" : "subtle"} data-testid="warning-count">
        {t.warningsBadge(warnings)}
      </Badge>
    </>
  );
}
