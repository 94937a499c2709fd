import type { ReactNode } from "react";
import { Card, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  header: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  number: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: "22px",
    height: "22px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  title: { margin: 0 },
  extra: { display: "inline-flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
});

/** One numbered section of the pane: a region named by its h2. */
export function Section({
  id,
  number,
  title,
  extra,
  children,
}: {
  id: string;
  number: number;
  title: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} data-section={id}>
      <Card className={styles.card} appearance="filled">
        <div className={styles.header}>
          <span className={styles.number} aria-hidden="true">
            {number}
          </span>
          <Text as="h2" id={headingId} size={400} weight="semibold" className={styles.title}>
            {title}
          </Text>
          {extra === undefined ? null : <span className={styles.extra}>{extra}</span>}
        </div>
        {children}
      </Card>
    </section>
  );
}

/** In place of a section's body while the sections loaded after the figures are on their way. */
export function DeferredFallback({ lang }: { lang: Lang }) {
  return <Spinner size="tiny" label={uiText(lang).loading} />;
}
