import { Caption1, makeStyles, Text, ToggleButton, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  top: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  langs: { display: "inline-flex", gap: tokens.spacingHorizontalXXS },
  lang: { minWidth: "40px" },
  subtitle: { color: tokens.colorNeutralForeground2 },
});

/** The pane's banner: title, what it does, where it runs, and the FR/EN switch. */
export function Header({
  lang,
  mode,
  onLangChange,
}: {
  lang: Lang;
  mode: "excel" | "file" | null;
  onLangChange?: (lang: Lang) => void;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {t.appTitle}
        </Text>
        {onLangChange === undefined ? null : (
          <div role="group" aria-label={t.languageGroup} className={styles.langs}>
            {(["fr", "en"] as const).map((l) => (
              <ToggleButton
                key={l}
                size="small"
                className={styles.lang}
                checked={lang === l}
                lang={l}
                title={l === "fr" ? "Français" : "English"}
                onClick={() => onLangChange(l)}
              >
                {l.toUpperCase()}
              </ToggleButton>
            ))}
          </div>
        )}
      </div>
      <Text size={300} className={styles.subtitle}>
        {t.appSubtitle}
      </Text>
      {mode === null ? null : (
        <Caption1 data-testid="mode">{mode === "file" ? t.modeFile : t.modeExcel}</Caption1>
      )}
    </header>
  );
}
