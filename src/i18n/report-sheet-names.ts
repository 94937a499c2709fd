import type { Lang } from "../core";
import type { ReportSheetWordKey } from "./report-labels";

/**
 * The names of the report's sheets, in French and English. A module of their own: the Office adapter
 * recognises a previous run's sheets by these names without loading every word of the report (the
 * pane reads the workbook before the report's code is loaded).
 */
export const REPORT_SHEET_NAMES: Readonly<Record<Lang, Readonly<Record<ReportSheetWordKey, string>>>> = {
  fr: {
    parameters: "Paramètres CTG",
    communes: "Communes CTG",
    synthesis: "Synthèse CEJ",
    engineering: "Ingénierie CTG",
    basins: "Répartition bassins",
    checks: "Contrôles",
    scenarios: "Scénarios CTG",
    comparison: "Comparaison scénarios",
    bonus: "Bonus territoire",
    bonusCommunes: "Bonus par commune",
  },
  en: {
    parameters: "CTG Parameters",
    communes: "CTG Communes",
    synthesis: "CEJ Summary",
    engineering: "CTG Engineering",
    basins: "Basin Allocation",
    checks: "Checks",
    scenarios: "CTG Scenarios",
    comparison: "Scenario comparison",
    bonus: "Bonus territoire",
    bonusCommunes: "Bonus by commune",
  },
};
