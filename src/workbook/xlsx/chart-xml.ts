/**
 * The XML of the product's charts: a drawing part per sheet (one anchored frame per chart) and a
 * DrawingML chart part per chart (clustered columns whose series point at the sheet's cells, with
 * the engine's values as caches).
 */

import type { ReportChart } from "../../report";
import { escapeXml, XML_DECLARATION } from "./xml";

const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Content types of the parts. */
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** Relationship types. */
export const REL_DRAWING = `${NS_R}/drawing`;
export const REL_CHART = `${NS_R}/chart`;

/** A number as chart XML text (finite, no -0). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`chart: not a finite number: ${value}`);
  return Object.is(value, -0) ? "0" : String(value);
}

/** Checks a chart: a colour per series, caches as long as the categories, a frame that has room. */
export function checkChart(chart: ReportChart, where: string): void {
  const n = chart.categories.cache.length;
  if (n === 0) throw new Error(`${where}: chart "${chart.title}" has no category`);
  if (chart.series.length === 0) throw new Error(`${where}: chart "${chart.title}" has no series`);
  for (const s of chart.series) {
    if (s.cache.length !== n)
      throw new Error(`${where}: series "${s.name}" has ${s.cache.length} values for ${n} categories`);
    if (!/^[0-9A-Fa-f]{6}$/.test(s.color))
      throw new Error(`${where}: series "${s.name}": not a colour: ${s.color}`);
  }
  if (chart.to.row <= chart.from.row || chart.to.col <= chart.from.col) {
    throw new Error(`${where}: chart "${chart.title}" has an empty frame`);
  }
}

/**
 * The drawing part of a sheet: one two-cell anchored graphic frame per chart.
 *
 * @param charts - the sheet's charts
 * @param relIds - the drawing's relationship id of each chart, in order
 * @returns the part's XML
 */
export function drawingXml(charts: readonly ReportChart[], relIds: readonly string[]): string {
  const anchors = charts
    .map((chart, i) => {
      const marker = (tag: string, p: { row: number; col: number }): string =>
        `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        '<xdr:twoCellAnchor editAs="oneCell">' +
        marker("from", chart.from) +
        marker("to", chart.to) +
        '<xdr:graphicFrame macro="">' +
        `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
        `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${escapeXml(relIds[i] ?? "")}"/></a:graphicData></a:graphic>` +
        "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
      );
    })
    .join("");
  return `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors}</xdr:wsDr>`;
}

/**
 * The chart part of a clustered column chart.
 *
 * @param chart - the chart
 * @returns the part's XML
 */
export function chartXml(chart: ReportChart): string {
  const points = (values: readonly (string | number)[]): string =>
    `<c:ptCount val="${values.length}"/>` +
    values
      .map(
        (v, i) =>
          `<c:pt idx="${i}"><c:v>${typeof v === "number" ? numberText(v) : escapeXml(v)}</c:v></c:pt>`,
      )
      .join("");
  const categories =
    `<c:cat><c:strRef><c:f>${escapeXml(chart.categories.ref)}</c:f>` +
    `<c:strCache>${points(chart.categories.cache)}</c:strCache></c:strRef></c:cat>`;
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>` +
        `<c:spPr><a:solidFill><a:srgbClr val="${s.color.toUpperCase()}"/></a:solidFill></c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        categories +
        `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f><c:numCache><c:formatCode>General</c:formatCode>${points(s.cache)}</c:numCache></c:numRef></c:val>` +
        "</c:ser>",
    )
    .join("");
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="fr-FR" b="1"/>` +
    `<a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    title +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    series +
    '<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>' +
    '<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>' +
    '<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>' +
    '<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${escapeXml(chart.valueFormat)}" sourceLinked="0"/>` +
    '<c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    "</c:plotArea>" +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart></c:chartSpace>"
  );
}
