import { useMemo, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { BonusPlan, Lang } from "../../core";
import { bonusPaneText } from "../../i18n";
import { bonusView, type BonusView, type CommuneView } from "../bonus-view";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  total: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  totalValue: { fontVariantNumeric: "tabular-nums" },
  muted: { color: tokens.colorNeutralForeground2 },
  terms: { margin: 0, padding: 0, listStyle: "none", color: tokens.colorNeutralForeground2 },
  subheading: { margin: 0 },
  // Years as columns do not fit a 320 px pane: the table scrolls sideways, its first column stays.
  scroller: {
    overflowX: "auto",
    maxWidth: "100%",
    // A shadow at the right edge while more years lie beyond it: the cover scrolls with the table
    // (`local`) and hides the shadow (`scroll`, fixed to the edge) once the last year is in view.
    backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralBackground1} 40%, transparent), linear-gradient(to left, ${tokens.colorNeutralStroke1}, transparent)`,
    backgroundPosition: "right center, right center",
    backgroundRepeat: "no-repeat",
    backgroundSize: "28px 100%, 10px 100%",
    backgroundAttachment: "local, scroll",
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { tableLayout: "auto", width: "auto", minWidth: "100%" },
  caption: {
    textAlign: "left",
    captionSide: "top",
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    paddingBottom: tokens.spacingVerticalXS,
  },
  stick: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalS,
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
  accordionHeader: { margin: 0 },
  accordionButton: { paddingLeft: 0, paddingRight: 0, height: "auto", minHeight: "44px" },
  communeTitle: { display: "flex", flexDirection: "column", textAlign: "left" },
  communeName: { fontWeight: tokens.fontWeightSemibold },
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalS },
  showAll: { alignSelf: "flex-start" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

/** How many communes show before « show all ». */
const FIRST_COMMUNES = 5;

/** The totals per basin and year: years as columns, Nord, Sud and the total as rows. */
function BasinTable({ lang, view }: { lang: Lang; view: BonusView }) {
  const styles = useStyles();
  const w = bonusPaneText(lang);
  return (
    <div className={styles.block}>
      <Text as="h3" weight="semibold" className={styles.subheading}>
        {w.basinsTitle}
      </Text>
      <div className={styles.scroller} role="region" aria-label={w.basinsCaption} tabIndex={0}>
        <Table size="small" className={styles.table} data-testid="bonus-basin-table">
          <caption className={styles.caption}>
            {view.outside ? `${w.basinsCaption}. ${w.outsideNote}` : w.basinsCaption}
          </caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.stick}>{w.basin}</TableHeaderCell>
              {view.years.map((year) => (
                <TableHeaderCell key={year} className={styles.numHeader}>
                  {year}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.rows.map((row) => (
              <TableRow
                key={row.id}
                data-row={row.id}
                className={row.id === "total" ? styles.strong : undefined}
              >
                <TableCell className={styles.stick}>{row.label}</TableCell>
                {row.values.map((v, i) => (
                  <TableCell key={view.years[i]} className={styles.num}>
                    {v ?? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className={styles.hidden}>{w.outsideTerm}</span>
                      </>
                    )}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

/** One commune's years: the bonus paid on its territory and the difference with its former CEJ. */
function CommuneYears({ lang, commune }: { lang: Lang; commune: CommuneView }) {
  const styles = useStyles();
  const w = bonusPaneText(lang);
  return (
    <Table size="small" className={styles.table}>
      <caption className={styles.caption}>{commune.formerCej}</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.label}>{w.year}</TableHeaderCell>
          <TableHeaderCell className={styles.numHeader}>{w.bonusPaid}</TableHeaderCell>
          <TableHeaderCell className={styles.numHeader}>{w.difference}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {commune.years.map((y) => (
          <TableRow key={y.year}>
            <TableCell className={styles.label}>{y.year}</TableCell>
            <TableCell className={styles.num}>{y.bonus}</TableCell>
            <TableCell className={styles.num} data-sign={y.sign}>
              {y.difference}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The reconciliation per commune: one collapsed item each, the first few until « show all ». */
function CommuneList({ lang, communes }: { lang: Lang; communes: readonly CommuneView[] }) {
  const styles = useStyles();
  const w = bonusPaneText(lang);
  const [all, setAll] = useState(false);
  const shown = all ? communes : communes.slice(0, FIRST_COMMUNES);
  return (
    <div className={styles.block} data-testid="bonus-communes">
      <Text as="h3" weight="semibold" className={styles.subheading}>
        {w.communesTitle}
      </Text>
      <Caption1 className={styles.muted}>{w.communesIntro}</Caption1>
      <Accordion multiple collapsible>
        {shown.map((c) => (
          <AccordionItem key={c.insee} value={c.insee} data-insee={c.insee}>
            <AccordionHeader
              as="h4"
              className={styles.accordionHeader}
              button={{ className: styles.accordionButton }}
              expandIconPosition="end"
            >
              <span className={styles.communeTitle}>
                <span className={styles.communeName}>{c.title}</span>
                <Caption1 className={styles.muted}>{c.spread}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <CommuneYears lang={lang} commune={c} />
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {communes.length > shown.length ? (
        <Button
          size="small"
          className={styles.showAll}
          onClick={() => setAll(true)}
          data-testid="bonus-show-all"
        >
          {w.showAll(communes.length)}
        </Button>
      ) : null}
    </div>
  );
}

/** The « à moyens constants » check: green, or the basins and kinds where it fails. */
function ConstantMeans({ view }: { view: BonusView }) {
  const check = view.constantMeans;
  return (
    <MessageBar
      intent={check.ok ? "success" : "warning"}
      layout="multiline"
      data-testid="bonus-constant-means"
      data-ok={check.ok ? "true" : "false"}
    >
      <MessageBarBody>
        <MessageBarTitle>{check.title}</MessageBarTitle>
        {check.lines.length === 1 ? (
          check.lines[0]
        ) : (
          <ul>
            {check.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * 7. The bonus territoire (issue #14): the plan's total and each basin's CTG years, the « à moyens
 * constants » check, the totals per basin and year, and the reconciliation per commune.
 */
export function BonusSection({
  lang,
  plan,
  blocked,
}: {
  lang: Lang;
  /** The engine's plan; null when the facilities table has errors. */
  plan: BonusPlan | null;
  /** Errors stand in the way: the figures wait (as the preview's). */
  blocked: boolean;
}) {
  const styles = useStyles();
  const w = bonusPaneText(lang);
  const view = useMemo(() => (plan === null ? null : bonusView(plan, lang)), [plan, lang]);
  if (view === null || blocked) {
    return (
      <MessageBar intent="info" data-testid="bonus-blocked">
        <MessageBarBody>{w.blocked}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <>
      <Text size={200} className={styles.muted}>
        {w.intro}
      </Text>
      <div className={styles.total} data-testid="bonus-total">
        <Caption1>{w.total}</Caption1>
        <Text size={600} weight="semibold" className={styles.totalValue}>
          {view.total}
        </Text>
        <Text size={200} className={styles.muted}>
          {view.summary}
        </Text>
        <ul className={styles.terms} data-testid="bonus-terms">
          {view.terms.map((term) => (
            <li key={term}>
              <Text size={200}>{term}</Text>
            </li>
          ))}
        </ul>
      </div>
      <ConstantMeans view={view} />
      <BasinTable lang={lang} view={view} />
      <CommuneList lang={lang} communes={view.communes} />
    </>
  );
}
