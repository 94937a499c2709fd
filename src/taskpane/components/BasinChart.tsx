import { makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core";
import { uiText } from "../i18n";
import type { PreviewView } from "../model";

const useStyles = makeStyles({
  svg: { display: "block", width: "100%", height: "auto", overflow: "visible" },
  label: { fill: tokens.colorNeutralForeground1, fontSize: "13px", fontFamily: tokens.fontFamilyBase },
  basin: {
    fill: tokens.colorNeutralForeground1,
    fontSize: "13px",
    fontWeight: tokens.fontWeightSemibold,
    fontFamily: tokens.fontFamilyBase,
  },
  value: { fill: tokens.colorNeutralForeground1, fontSize: "13px", fontFamily: tokens.fontFamilyNumeric },
  caf: { fill: tokens.colorBrandBackground },
  cu: { fill: tokens.colorPaletteDarkOrangeBorderActive },
  track: { fill: tokens.colorNeutralBackground3 },
});

const WIDTH = 340;
const LABEL_W = 104;
const VALUE_W = 100;
const BAR_H = 16;
const ROW_GAP = 6;
const GROUP_GAP = 14;
const HEADER_H = 20;

/**
 * Caf share and CUCM share incl. VAT per basin, as horizontal bars in SVG. The figures are written
 * next to the bars, and the `<title>`/`<desc>` say them all for screen readers.
 */
export function BasinChart({
  preview,
  lang,
  idPrefix,
}: {
  preview: PreviewView;
  lang: Lang;
  idPrefix: string;
}) {
  const styles = useStyles();
  const t = uiText(lang);
  const barMax = WIDTH - LABEL_W - VALUE_W;
  const groupH = HEADER_H + 2 * BAR_H + ROW_GAP;
  const height = preview.basins.length * (groupH + GROUP_GAP) - GROUP_GAP + 2;
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  const scale = (cents: number): number => Math.max(0, (cents / preview.chart.max) * barMax);
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-testid="basin-chart"
    >
      <title id={titleId}>{preview.chart.title}</title>
      <desc id={descId}>{preview.chart.desc}</desc>
      {preview.basins.map((b, i) => {
        const y = i * (groupH + GROUP_GAP);
        const bars = [
          { key: "caf", label: t.chartCaf, cents: b.cafCents, text: b.caf, className: styles.caf },
          { key: "cu", label: t.chartCu, cents: b.cuTTCCents, text: b.cuTTC, className: styles.cu },
        ];
        return (
          <g key={b.basin} aria-hidden="true">
            <text className={styles.basin} x={0} y={y + 13}>
              {t.chartBasin(b.label)}
            </text>
            {bars.map((bar, j) => {
              const by = y + HEADER_H + j * (BAR_H + ROW_GAP);
              return (
                <g key={bar.key}>
                  <text className={styles.label} x={0} y={by + 12}>
                    {bar.label}
                  </text>
                  <rect className={styles.track} x={LABEL_W} y={by} width={barMax} height={BAR_H} rx={2} />
                  <rect
                    className={bar.className}
                    x={LABEL_W}
                    y={by}
                    width={scale(bar.cents)}
                    height={BAR_H}
                    rx={2}
                  />
                  <text className={styles.value} x={WIDTH} y={by + 12} textAnchor="end">
                    {bar.text}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}
