import type { CellStyle, StyleName } from "./model";

/** Amounts: `1 234,56 €` in a French Excel, `1,234.56 €` in an English one (invariant format code). */
export const MONEY_FORMAT = '#,##0.00\\ "€";-#,##0.00\\ "€"';
/** Rates and shares: `50,00 %`. */
export const PERCENT_FORMAT = "0.00%";
/** Counts and populations: `20 509`. */
export const INTEGER_FORMAT = "#,##0";

const INPUT_FILL = "FFF2CC";
const HEADER_FILL = "1F4E78";
const TOTAL_FILL = "DDEBF7";

/** The report's palette: one place for every look the sheets use. */
export const REPORT_STYLES: Readonly<Record<StyleName, CellStyle>> = {
  title: { bold: true, size: 14, color: "1F4E78" },
  subtitle: { italic: true, color: "404040" },
  note: { italic: true, color: "595959", wrap: true, vAlign: "top" },
  header: { bold: true, color: "FFFFFF", fill: HEADER_FILL, wrap: true, vAlign: "center", border: "box" },
  text: {},
  textBold: { bold: true },
  code: { numFmt: "@", hAlign: "left" },
  money: { numFmt: MONEY_FORMAT },
  moneyBold: { numFmt: MONEY_FORMAT, bold: true },
  moneyTotal: { numFmt: MONEY_FORMAT, bold: true, fill: TOTAL_FILL, border: "double-top" },
  moneyInput: { numFmt: MONEY_FORMAT, fill: INPUT_FILL, border: "box", unlocked: true },
  rate: { numFmt: PERCENT_FORMAT },
  rateInput: { numFmt: PERCENT_FORMAT, fill: INPUT_FILL, border: "box", unlocked: true },
  ratio: { numFmt: PERCENT_FORMAT },
  ratioBold: { numFmt: PERCENT_FORMAT, bold: true },
  integer: { numFmt: INTEGER_FORMAT },
  integerBold: { numFmt: INTEGER_FORMAT, bold: true },
  integerTotal: { numFmt: INTEGER_FORMAT, bold: true, fill: TOTAL_FILL, border: "double-top" },
  input: { fill: INPUT_FILL, border: "box", unlocked: true },
  label: { wrap: true, vAlign: "top" },
  labelTotal: { bold: true, fill: TOTAL_FILL, border: "double-top" },
  warning: { bold: true, color: "C00000" },
  status: { bold: true, hAlign: "center" },
  date: { numFmt: "yyyy-mm-dd hh:mm" },
  day: { numFmt: "yyyy-mm-dd", hAlign: "left", fill: INPUT_FILL, border: "box", unlocked: true },
  textInput: { fill: INPUT_FILL, border: "box", unlocked: true, wrap: true, vAlign: "top" },
  year: { numFmt: "0", hAlign: "center" },
};
