import {
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";
import type { PreviewView } from "../model";
import { BasinChart } from "./BasinChart";

const useStyles = makeStyles({
  total: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  totalValue: { fontFamily: tokens.fontFamilyNumeric, fontVariantNumeric: "tabular-nums" },
  summary: { color: tokens.colorNeutralForeground2 },
  subheading: { margin: 0 },
  table: { tableLayout: "auto", width: "100%" },
  caption: {
    textAlign: "left",
    captionSide: "top",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingBottom: tokens.spacingVerticalXS,
  },
  num: {
    textAlign: "right",
    whiteSpace: "nowrap",
    fontVariantNumeric: "tabular-nums",
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalXS,
  },
  numHeader: {
    textAlign: "right",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    "& > div, & > button": { justifyContent: "flex-end" },
  },
  label: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  figures: { margin: 0, display: "flex", flexDirection: "column" },
  figure: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  figureValue: { margin: 0, whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 4. The figures: total CEJ, per basin, the engineering split, and a chart. */
export function PreviewSection({ lang, preview }: { lang: Lang; preview: PreviewView | null }) {
  const styles = useStyles();
  const t = uiText(lang);
  if (preview === null) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t.previewUnavailable}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <div className={styles.total} data-testid="total-cej">
        <Caption1>{t.totalCej}</Caption1>
        <Text size={600} weight="semibold" className={styles.totalValue}>
          {preview.total}
        </Text>
        <Text size={200} className={styles.summary}>
          {preview.summary}
        </Text>
      </div>

      <div className={styles.block}>
        <Text as="h3" weight="semibold" className={styles.subheading}>
          {t.basinsTitle}
        </Text>
        <Table size="small" className={styles.table} data-testid="basin-table">
          <caption className={styles.caption}>{t.basinsCaption(preview.keyLabel)}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.label}>{t.figure}</TableHeaderCell>
              {preview.basins.map((b) => (
                <TableHeaderCell key={b.basin} className={styles.numHeader}>
                  {b.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.basinRows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className={styles.label}>{row.label}</TableCell>
                {row.values.map((v, i) => (
                  <TableCell key={i} className={styles.num}>
                    {v}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <BasinChart preview={preview} lang={lang} idPrefix="basin-chart" />
      </div>

      <div className={styles.block}>
        <Text as="h3" weight="semibold" className={styles.subheading}>
          {t.engineeringTitle}
        </Text>
        {preview.capExceeded ? (
          <MessageBar intent="warning">
            <MessageBarBody>{t.capExceeded}</MessageBarBody>
          </MessageBar>
        ) : null}
        <dl className={styles.figures} data-testid="engineering-table">
          {preview.engineering.map((f) => (
            <div key={f.id} className={mergeClasses(styles.figure, f.strong === true && styles.strong)}>
              <dt>{f.label}</dt>
              <dd className={styles.figureValue}>{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </>
  );
}
