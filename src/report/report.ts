/** The summary workbook report, built from a plan: the sheets in order, the names, the styles. */

import { defaultScenario } from "../core";
import { absRef } from "./sheet-builder";
import type { BuildReportOptions, Context } from "./context";
import { formulasKey } from "./fingerprint";
import { reportLabels } from "../i18n";
import type { Report, ReportName, ReportSheetKind } from "./model";
import {
  COMMUNES_TABLE,
  COMPLETE_COMMENT,
  COMPLETE_NAME,
  FORMULAS_KEY_NAME,
  MARKER_PREFIX,
  PARAM_KEYS,
  PARAM_VALUE_COL,
  PARAMETER_ROWS,
  SHEET_ORDER,
} from "./schema";
import { buildBasins } from "./sheets/basins";
import { buildBonusCommunes } from "./sheets/bonus-communes";
import { bonusParameterNames } from "./sheets/bonus-parameters";
import { buildBonusTerritoire } from "./sheets/bonus-territoire";
import { buildChecks } from "./sheets/checks";
import { buildCommunes } from "./sheets/communes";
import { buildComparison } from "./sheets/comparison";
import { buildEngineering } from "./sheets/engineering";
import { buildFacilityInput } from "./sheets/facility-input";
import { buildParameters } from "./sheets/parameters";
import { buildScenarios } from "./sheets/scenarios";
import { buildSynthesis } from "./sheets/synthesis";
import { REPORT_STYLES } from "./styles";

/** A name not in `taken` (case-insensitive, as Excel compares sheet names): `Synthèse CEJ (2)`. */
function freeName(wanted: string, taken: Set<string>, style: "sheet" | "table"): string {
  let candidate = wanted;
  for (let i = 2; taken.has(candidate.toLowerCase()); i += 1) {
    candidate = style === "sheet" ? `${wanted.slice(0, 31 - ` (${i})`.length)} (${i})` : `${wanted}${i}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Builds the summary workbook report from a plan: the product's sheets, live formulas with the
 * engine's values as expected values, names, tables, validations, charts and print setup.
 *
 * @param options - the plan, its rows and warnings, where the input lives, the language and stamp
 * @returns the report
 */
export function buildReport(options: BuildReportOptions): Report {
  const { lang } = options;
  const L = reportLabels(lang);
  const takenSheets = new Set((options.taken?.sheets ?? []).map((s) => s.toLowerCase()));
  const takenTables = new Set((options.taken?.tables ?? []).map((s) => s.toLowerCase()));
  const names = Object.fromEntries(
    SHEET_ORDER.map((k) => [k, freeName(L.sheetNames[k], takenSheets, "sheet")]),
  ) as Record<ReportSheetKind, string>;
  const communesTable = freeName(COMMUNES_TABLE, takenTables, "table");
  const scenarios =
    options.scenarios === undefined
      ? []
      : options.scenarios.length > 0
        ? options.scenarios
        : [
            {
              scenario: defaultScenario(options.plan.params, lang, options.stamp.generatedAt.slice(0, 10)),
              plan: options.plan,
            },
          ];
  const ctx: Context = { ...options, L, names, communesTable, scenarioPlans: scenarios };

  const synthesis = buildSynthesis(ctx);
  const comparison = scenarios.length === 0 ? null : buildComparison(ctx, synthesis.layout);
  const sheets = [
    buildParameters(ctx),
    buildCommunes(ctx),
    synthesis.sheet,
    buildEngineering(ctx),
    buildBasins(ctx, synthesis.layout),
    ...(ctx.bonus === undefined ? [] : [buildBonusTerritoire(ctx), buildBonusCommunes(ctx)]),
    ...(comparison === null ? [] : [buildScenarios(ctx), comparison.sheet]),
    buildChecks(ctx, synthesis.layout, comparison?.layout ?? null),
  ];
  const reportNames: ReportName[] = PARAM_KEYS.map((k) => ({
    name: PARAMETER_ROWS[k].name,
    ref: absRef(names.parameters, PARAMETER_ROWS[k].row, PARAM_VALUE_COL),
  }));
  reportNames.push(...bonusParameterNames(ctx));
  // First: whether the summary is whole (the Office adapter sets it FALSE first and TRUE last).
  reportNames.unshift({ name: COMPLETE_NAME, ref: "TRUE", comment: COMPLETE_COMMENT });
  reportNames.push({
    name: FORMULAS_KEY_NAME,
    ref: `"${formulasKey({ lang, sheets })}"`,
    comment: L.formulasKeyComment,
  });
  return {
    lang,
    sheets,
    // Written by the adapters only when the workbook has no facilities sheet or table (issue #14).
    inputSheets: [buildFacilityInput(ctx)],
    names: reportNames,
    styles: REPORT_STYLES,
    marker: MARKER_PREFIX,
  };
}
