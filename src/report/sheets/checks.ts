/** `Contrôles`: the live checks with what to fix, the headline, the reading's warnings and the stamp. */

import { formatIssue } from "../../i18n";
import { describeSource, printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { CHECKS_LAYOUT } from "../schema";
import { localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { checkRows, type CheckRow, type CheckSide } from "./check-list";
import type { ComparisonLayout } from "./comparison";
import type { SynthesisLayout } from "./synthesis";

/**
 * Builds `Contrôles`: one row per check of {@link checkRows} (label, value, expected, status, what to
 * fix), the headline on row 2 (green only when every status is OK), the warnings of the reading and
 * the generation stamp.
 *
 * @param ctx - the build
 * @param syn - where the synthesis puts its totals
 * @param cmp - where the comparison puts its figures (null without scenario sheets)
 * @returns the sheet
 */
export function buildChecks(ctx: Context, syn: SynthesisLayout, cmp: ComparisonLayout | null): ReportSheet {
  const { L } = ctx;
  const s = new SheetBuilder("checks", ctx.names.checks);
  const { first, headerRow, cols, headline } = CHECKS_LAYOUT;
  s.text(0, 0, L.checks.title, "title");
  L.checks.header.forEach((h, c) => s.text(headerRow, c, h, "header"));
  const checks = checkRows(ctx, syn, cmp);
  checks.forEach((c, i) => writeCheck(ctx, s, first + i, c));
  const lastCheck = first + checks.length - 1;
  const statusRange = `${localAbs(first, cols.status)}:${localAbs(lastCheck, cols.status)}`;
  s.status({ ref: `D${first + 1}:D${lastCheck + 1}`, okText: L.ok });
  s.formula(
    headline.row,
    headline.col,
    `IF(COUNTIF(${statusRange},${stringLiteral(L.ok)})=${checks.length},${stringLiteral(L.checks.allGreen)},${stringLiteral(L.checks.notGreen)})`,
    checks.every((c) => c.green ?? true) ? L.checks.allGreen : L.checks.notGreen,
    "exact",
    "subtitle",
  );
  const stampRow = writeWarnings(ctx, s, lastCheck + 2) + 1;
  writeStamp(ctx, s, stampRow);
  // What to fix is one line (red, not wrapped: its height cannot be known before it shows).
  s.widthsFrom([78, 20, 20, 14, 110]);
  return s.build(printSetup(ctx, "checks", [4, 4]), "A5A5A5");
}

/** A check's row: its label, value and expected cells, its status, and what to fix when not green. */
function writeCheck(ctx: Context, s: SheetBuilder, r: number, c: CheckRow): void {
  const { L } = ctx;
  const { cols } = CHECKS_LAYOUT;
  const side = (col: number, v: CheckSide): void => {
    if ("text" in v) s.text(r, col, v.text, "status");
    else if (v.check === "cents") s.money(r, col, v.formula, v.expected, v.style);
    else s.formula(r, col, v.formula, v.expected, "exact", v.style);
  };
  const value = localAbs(r, cols.value);
  const expected = localAbs(r, cols.expected);
  const status = localAbs(r, cols.status);
  s.text(r, cols.label, c.label, "label");
  side(cols.value, c.value);
  side(cols.expected, c.expected);
  const ok = c.ok ? c.ok(value, expected) : `ROUND(${value}-${expected},2)=0`;
  const okOr = `IF(${ok},${stringLiteral(L.ok)},${stringLiteral(c.status)})`;
  const green = c.green ?? true;
  s.formula(r, cols.status, okOr, green ? L.ok : c.status, "exact", "status");
  s.formula(
    r,
    cols.fix,
    `IF(${status}=${stringLiteral(L.ok)},"",${c.fix})`,
    green ? "" : (c.fixShown ?? ""),
    "exact",
    "warning",
  );
}

/**
 * The reading's warnings from row `r`: a title, a header, then a warning a row (or a note saying
 * there is none).
 *
 * @returns the row below the last
 */
function writeWarnings(ctx: Context, s: SheetBuilder, r: number): number {
  const { L } = ctx;
  s.text(r, 0, L.checks.warningsTitle, "textBold");
  L.checks.warningsHeader.forEach((h, c) => s.text(r + 1, c, h, "header"));
  let row = r + 2;
  if (ctx.warnings.length === 0) {
    s.text(row, 0, L.checks.noWarnings, "note");
    row += 1;
  }
  for (const w of ctx.warnings) {
    s.text(row, 0, w.cell, "code").text(row, 1, formatIssue(w, ctx.lang), "text");
    s.merge(`B${row + 1}:D${row + 1}`);
    row += 1;
  }
  return row;
}

/** The generation stamp from row `r`: when, which version, from where, how many rows, the input's hash. */
function writeStamp(ctx: Context, s: SheetBuilder, r: number): void {
  const { L } = ctx;
  s.text(r, 0, L.checks.stampTitle, "textBold");
  const stamp: [string, string][] = [
    [L.checks.stamp.date, ctx.stamp.generatedAt],
    [L.checks.stamp.version, ctx.stamp.version],
    [L.checks.stamp.source, describeSource(ctx.source)],
    [L.checks.stamp.rows, String(ctx.plan.rowCount)],
    [L.checks.stamp.hash, ctx.stamp.inputHash],
  ];
  stamp.forEach(([label, value], i) => {
    const row = r + 1 + i;
    s.text(row, 0, label, "label").text(row, 1, value, "code");
    s.merge(`B${row + 1}:D${row + 1}`);
  });
}
