// The bonus territoire in the report model (issue 14), pure: the parameters with their sources and
// names, the two sheets, their formulas' vocabulary and expected values (the engine's), the chart and
// the checks. LibreOffice checks the values in tests/workbook/bonus-libreoffice.test.ts.

import { a1 } from "../../../src/core/cell";
import { COMMUNES } from "../../../src/core/communes";
import { DEFAULT_BONUS_PARAMS } from "../../../src/core/bonus-params";
import { cents, centsToEuros } from "../../../src/core/money";
import {
  BONUS_PARAMS_TITLE_ROW,
  bonusLayout,
  bonusNames,
  buildReport,
  type Report,
  type ReportCell,
} from "../../../src/report";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { bonusInputOf } from "../../helpers/bonus-input";
import { demoOptions, expectedAt, sheetOf, textAt } from "./fixture";

function bonusReport(lang: "fr" | "en" = "fr", params = DEFAULT_BONUS_PARAMS) {
  const options = demoOptions(lang);
  const bonus = bonusInputOf(
    demoWorkbook(COMMUNES, lang, { facilities: true }),
    options.plan.communesReference,
    params,
  );
  return { report: buildReport({ ...options, scenarios: [], bonus }), bonus };
}

const formulas = (report: Report): (ReportCell & { value: { kind: "formula" } })[] =>
  report.sheets.flatMap((s) =>
    s.cells.filter((c): c is ReportCell & { value: { kind: "formula" } } => c.value.kind === "formula"),
  );

test("without a facilities table nothing bonus-related is written; with one, two sheets after Répartition bassins", () => {
  const plain = buildReport({ ...demoOptions(), scenarios: [] });
  expect(plain.sheets.map((s) => s.kind)).not.toContain("bonus");
  expect(plain.names.some((n) => n.name.startsWith("CTG_B_"))).toBe(false);
  const { report } = bonusReport();
  expect(report.sheets.map((s) => s.name)).toEqual([
    "Paramètres CTG",
    "Communes CTG",
    "Synthèse CEJ",
    "Ingénierie CTG",
    "Répartition bassins",
    "Bonus territoire",
    "Bonus par commune",
    "Scénarios CTG",
    "Comparaison scénarios",
    "Contrôles",
  ]);
  expect(
    bonusReport("en")
      .report.sheets.map((s) => s.name)
      .slice(5, 7),
  ).toEqual(["Bonus territoire", "Bonus by commune"]);
});

test("the bonus parameters on Paramètres CTG: a named input cell each, a source note, the assumptions « à confirmer avec la Caf »", () => {
  const { report } = bonusReport();
  const params = sheetOf(report, "parameters");
  expect(textAt(params, a1(BONUS_PARAMS_TITLE_ROW, 0))).toMatch(/^Bonus territoire/);
  const name = (n: string) => report.names.find((x) => x.name === n)?.ref;
  expect(name(bonusNames.start("nord"))).toBe(`'Paramètres CTG'!$B$${BONUS_PARAMS_TITLE_ROW + 3}`);
  const bonusNamesWritten = report.names.filter((n) => n.name.startsWith("CTG_B_"));
  expect(bonusNamesWritten.length).toBe(34);
  for (const n of bonusNamesWritten) {
    const row = Number(/\$(\d+)$/.exec(n.ref)?.[1]) - 1;
    const note = textAt(params, a1(row, 2));
    expect(note).toMatch(/(Hypothèse à confirmer avec la Caf\.|Source publiée\.)$/);
  }
  // The CTG dates, the floors, the tranche: assumptions; the reserved-place rate: a published figure.
  const noteOf = (n: string) => textAt(params, a1(Number(/\$(\d+)$/.exec(name(n) ?? "")?.[1]) - 1, 2));
  expect(noteOf(bonusNames.start("sud"))).toMatch(/^Hypothèse .*à confirmer avec la Caf\.$/);
  expect(noteOf(bonusNames.floor("eaje"))).toMatch(/à confirmer avec la Caf\.$/);
  expect(noteOf(bonusNames.tranche)).toMatch(/à confirmer avec la Caf\.$/);
  expect(noteOf(bonusNames.reservedPlaceRate)).toMatch(/^2 800 € .*Source publiée\.$/);
  expect(params.validations).toContainEqual(
    expect.objectContaining({ type: "list", items: ["Douzièmes", "Année entière"] }),
  );
});

test("formulas of the bonus sheets and checks: the project's vocabulary, no volatile function, no whole column; money rounded", () => {
  const allowed = new Set([
    "SUMIFS",
    "COUNTIFS",
    "COUNTIF",
    "INDEX",
    "MATCH",
    "ROUND",
    "IF",
    "SUM",
    "MIN",
    "MAX",
    "COUNTA",
    "IFERROR",
    "SUMPRODUCT",
  ]);
  const { report } = bonusReport();
  const all = formulas(report);
  expect(all.length).toBeGreaterThan(2500);
  for (const cell of all) {
    const code = cell.value.formula.replace(/"(?:[^"]|"")*"/g, '""');
    for (const [, fn] of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed).toContain(fn);
    expect(code).not.toMatch(/\$?[A-Z]{1,3}:\$?[A-Z]{1,3}\b/);
    expect(code).not.toMatch(/(^|[^A-Z$])\$?\d+:\$?\d+/);
    expect(cell.value.formula.length).toBeLessThan(8192);
    if (cell.value.check === "cents") expect(cell.value.formula).toMatch(/^ROUND\(.*,2\)$|^IF\(/);
  }
});

test("expected values are the engine's: per facility and year, per basin, per commune; the parts foot to the totals", () => {
  const { report, bonus } = bonusReport();
  const sheet = sheetOf(report, "bonus");
  const layout = bonusLayout(bonus);
  const F = layout.facilities;
  bonus.plan.facilities.forEach((f, i) =>
    layout.years.forEach((_, j) => {
      const y = f.years[j];
      expect(expectedAt(sheet, a1(F.first + i, F.cols.total(j)))).toBe(centsToEuros(y?.total ?? cents(0)));
      expect(expectedAt(sheet, a1(F.first + i, F.cols.existing(j)))).toBe(
        centsToEuros(y?.existing ?? cents(0)),
      );
    }),
  );
  // Nord 2024 … Sud 2028 as the worked demo says, the grand total 2 626 270,25 €.
  const B = layout.basins;
  expect([1, 2, 3, 4, 5].map((c) => expectedAt(sheet, a1(B.first, c)))).toEqual([
    198846.51, 206596.51, 266796.51, 297196.51, 297196.51,
  ]);
  expect([1, 2, 3, 4, 5].map((c) => expectedAt(sheet, a1(B.first + 1, c)))).toEqual([
    207547.54, 267547.54, 294847.54, 294847.54, 294847.54,
  ]);
  expect(expectedAt(sheet, a1(B.total, 6))).toBe(2626270.25);
  // Smoothed rate of Sud's EAJE: 57 440,10 € over 255 places → 225,26 € a place.
  const P = layout.pools;
  const sudEaje = P.first + 4;
  expect(textAt(sheet, a1(sudEaje, 0))).toBe("Sud");
  expect(expectedAt(sheet, a1(sudEaje, P.cols.rate))).toBe(225.26);
  // Per commune: the former CEJ and the year-one difference.
  const communes = sheetOf(report, "bonusCommunes");
  const montceau = bonus.plan.reconciliation.findIndex((r) => r.commune === "Montceau-les-Mines");
  expect(expectedAt(communes, a1(5 + montceau, 3))).toBe(
    centsToEuros(bonus.plan.reconciliation[montceau]?.formerCej ?? cents(0)),
  );
  // The chart: years as categories, one series per basin, cached with the engine's figures.
  const chart = sheet.charts?.[0];
  expect(chart?.categories.cache).toEqual(["2024", "2025", "2026", "2027", "2028"]);
  expect(chart?.series.map((s) => s.name)).toEqual(["Nord", "Sud"]);
  expect(chart?.series[1]?.cache[0]).toBe(207547.54);
});

test("Contrôles gains « à moyens constants » per basin and kind, unknown commune or kind, negative places, the CTG years and the parameters' ranges, all green on the demo", () => {
  const { report } = bonusReport();
  const checks = sheetOf(report, "checks");
  const labels = checks.cells
    .filter((c) => c.col === 0 && c.value.kind === "text")
    .map((c) => (c.value.kind === "text" ? c.value.text : ""));
  expect(labels.filter((l) => l.startsWith("À moyens constants"))).toHaveLength(8);
  expect(labels).toContain("Chaque équipement est dans une commune de « Communes CTG »");
  expect(labels).toContain("Aucune capacité, place ou mission négative dans « Équipements CTG »");
  const statuses = checks.cells
    .filter((c) => c.col === 3 && c.row >= 4 && c.value.kind === "formula")
    .map((c) => (c.value.kind === "formula" ? c.value.expected : ""));
  // The 11 checks of a plan, 3 of the default scenario, 8 « à moyens constants » (2 basins × EAJE,
  // RPE, ALSH, Autre) and 5 more of the bonus.
  expect(statuses.length).toBe(11 + 3 + 8 + 5);
  expect(new Set(statuses)).toEqual(new Set(["OK"]));
  expect(expectedAt(checks, "A2")).toBe("Tous les contrôles sont au vert.");
});

test("a floor above the smoothed rate: the engine says the means are no longer constant, and so do the expected statuses", () => {
  const params = {
    ...DEFAULT_BONUS_PARAMS,
    floor: { ...DEFAULT_BONUS_PARAMS.floor, eaje: 300_000 as never },
  };
  const { report } = bonusReport("fr", params);
  const checks = sheetOf(report, "checks");
  const red = checks.cells.filter(
    (c) => c.col === 3 && c.value.kind === "formula" && c.value.expected !== "OK",
  );
  expect(red.map((c) => (c.value.kind === "formula" ? c.value.expected : ""))).toEqual(["Écart", "Écart"]);
  expect(expectedAt(checks, "A2")).not.toBe("Tous les contrôles sont au vert.");
});
