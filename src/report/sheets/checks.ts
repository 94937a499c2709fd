/** `Contrôles`: the live checks with what to fix, the headline, the reading's warnings and the stamp. */

import { formatIssue } from "../../i18n";
import { describeSource, printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { CHECKS_LAYOUT } from "../schema";
import { localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { checkRows, type CheckSide } from "./check-list";
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
  const { L, plan, lang } = ctx;
  const s = new SheetBuilder("checks", ctx.names.checks);
  const { first, headerRow, cols, headline } = CHECKS_LAYOUT;
  s.text(0, 0, L.checks.title, "title");
  L.checks.header.forEach((h, c) => s.text(headerRow, c, h, "header"));
  const checks = checkRows(ctx, syn, cmp);
  const side = (r: number, c: number, v: CheckSide): void => {
    if ("text" in v) s.text(r, c, v.text, "status");
    else if (v.check === "cents") s.money(r, c, v.formula, v.expected, v.style);
    else s.formula(r, c, v.formula, v.expected, "exact", v.style);
  };
  checks.forEach((c, i) => {
    const r = first + i;
    const value = localAbs(r, cols.value);
    const expected = localAbs(r, cols.expected);
    const status = localAbs(r, cols.status);
    s.text(r, cols.label, c.label, "label");
    side(r, cols.value, c.value);
    side(r, cols.expected, c.expected);
    const ok = c.ok ? c.ok(value, expected) : `ROUND(${value}-${expected},2)=0`;
    s.formula(
      r,
      cols.status,
      `IF(${ok},${stringLiteral(L.ok)},${stringLiteral(c.status)})`,
      L.ok,
      "exact",
      "status",
    );
    s.formula(r, cols.fix, `IF(${status}=${stringLiteral(L.ok)},"",${c.fix})`, "", "exact", "warning");
  });
  const lastCheck = first + checks.length - 1;
  const statusRange = `${localAbs(first, cols.status)}:${localAbs(lastCheck, cols.status)}`;
  s.status({ ref: `D${first + 1}:D${lastCheck + 1}`, okText: L.ok });
  s.formula(
    headline.row,
    headline.col,
    `IF(COUNTIF(${statusRange},${stringLiteral(L.ok)})=${checks.length},${stringLiteral(L.checks.allGreen)},${stringLiteral(L.checks.notGreen)})`,
    L.checks.allGreen,
    "exact",
    "subtitle",
  );

  // Warnings.
  let r = lastCheck + 2;
  s.text(r, 0, L.checks.warningsTitle, "textBold");
  r += 1;
  L.checks.warningsHeader.forEach((h, c) => s.text(r, c, h, "header"));
  r += 1;
  if (ctx.warnings.length === 0) {
    s.text(r, 0, L.checks.noWarnings, "note");
    r += 1;
  }
  for (const w of ctx.warnings) {
    s.text(r, 0, w.cell, "code").text(r, 1, formatIssue(w, lang), "text");
    s.merge(`B${r + 1}:D${r + 1}`);
    r += 1;
  }

  // Stamp.
  r += 1;
  s.text(r, 0, L.checks.stampTitle, "textBold");
  r += 1;
  const stamp: [string, string][] = [
    [L.checks.stamp.date, ctx.stamp.generatedAt],
    [L.checks.stamp.version, ctx.stamp.version],
    [L.checks.stamp.source, describeSource(ctx.source)],
    [L.checks.stamp.rows, String(plan.rowCount)],
    [L.checks.stamp.hash, ctx.stamp.inputHash],
  ];
  for (const [label, value] of stamp) {
    s.text(r, 0, label, "label").text(r, 1, value, "code");
    s.merge(`B${r + 1}:D${r + 1}`);
    r += 1;
  }
  // What to fix is one line (red, not wrapped: its height cannot be known before it shows).
  s.widthsFrom([78, 20, 20, 14, 110]);
  return s.build(printSetup(ctx, "checks", [4, 4]), "A5A5A5");
}
