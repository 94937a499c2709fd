// Shared fixture of the sheet tests: the demo workbook's plan (13 CEJ communes, 1 350 000,00 €) and
// small readers of a report sheet's cells.

import { COMMUNES } from "../../../src/core/communes";
import {
  buildReport,
  type BuildReportOptions,
  type Report,
  type ReportSheet,
  type ReportSheetKind,
  type ReportValue,
} from "../../../src/report";
import { planWorkbook } from "../../../src/app";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { parseA1 } from "../../../src/core/cell";

/** The build options of the demo workbook, in a language. */
export function demoOptions(lang: "fr" | "en" = "fr"): BuildReportOptions {
  const snapshot = snapshotPackage(openPackage(demoWorkbook(COMMUNES, lang)));
  const result = planWorkbook(snapshot);
  if (!result.plan || !result.source) throw new Error("demo has errors");
  return {
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang,
    stamp: { generatedAt: "2026-11-28T12:00:00Z", version: "0.1.0", inputHash: "ab".repeat(32) },
  };
}

/** The demo report with its default scenario (every sheet). */
export function demoReport(lang: "fr" | "en" = "fr"): Report {
  return buildReport({ ...demoOptions(lang), scenarios: [] });
}

/** A sheet of a report, by kind. */
export function sheetOf(report: Report, kind: ReportSheetKind): ReportSheet {
  const sheet = report.sheets.find((s) => s.kind === kind);
  if (sheet === undefined) throw new Error(`no ${kind} sheet`);
  return sheet;
}

/** The value of a cell (`B5`), or undefined when the sheet leaves it empty. */
export function at(sheet: ReportSheet, ref: string): ReportValue | undefined {
  const { row, col } = parseA1(ref);
  return sheet.cells.find((c) => c.row === row && c.col === col)?.value;
}

/** The formula of a cell, or throws. */
export function formulaAt(sheet: ReportSheet, ref: string): string {
  const v = at(sheet, ref);
  if (v?.kind !== "formula") throw new Error(`${sheet.name}!${ref} is not a formula`);
  return v.formula;
}

/** The expected (engine) value of a formula cell, or throws. */
export function expectedAt(sheet: ReportSheet, ref: string): unknown {
  const v = at(sheet, ref);
  if (v?.kind !== "formula") throw new Error(`${sheet.name}!${ref} is not a formula`);
  return v.expected;
}

/** The text of a text cell, or throws. */
export function textAt(sheet: ReportSheet, ref: string): string {
  const v = at(sheet, ref);
  if (v?.kind !== "text") throw new Error(`${sheet.name}!${ref} is not a text`);
  return v.text;
}
