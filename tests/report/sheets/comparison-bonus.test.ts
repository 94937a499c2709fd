// Scenarios carrying the bonus territoire in the report model (issue 14), pure: the bonus rows of
// `Scénarios CTG` (written, then read back as the next run reads them), the comparison's bonus rows
// per basin and year with their expected values from the engine, and each scenario's working block.
// LibreOffice checks the values in tests/workbook/scenario-bonus-libreoffice.test.ts.

import { COMMUNES } from "../../../src/core/communes";
import { DEFAULT_BONUS_PARAMS } from "../../../src/core/bonus-params";
import { DEFAULT_PARAMS } from "../../../src/core/params";
import { planScenario, planScenarioBonus, readScenarios, type Scenario } from "../../../src/core/scenarios";
import type { RawValue } from "../../../src/core/types";
import {
  buildReport,
  reportLabels,
  scenarioBonusRows,
  type Report,
  type ReportSheet,
} from "../../../src/report";
import { comparisonRows, diffFigures } from "../../../src/report/sheets/comparison-layout";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { bonusInputOf } from "../../helpers/bonus-input";
import { demoOptions, sheetOf } from "./fixture";

const L = reportLabels("fr");
const MONTCEAU = "71306";

const PLUS30: Scenario["bonus"] = {
  values: { tranche: 3, uplift1: 20_000 },
  places: [{ insee: MONTCEAU, places: 30, opening: { year: 2024, month: 1 }, cell: "x" }],
};

function report(withBonus: boolean): { report: Report; scenarios: Scenario[] } {
  const options = demoOptions("fr");
  const current: Scenario = {
    name: "Actuel",
    note: "",
    date: "",
    params: DEFAULT_PARAMS,
    basinOverrides: {},
  };
  const plus30: Scenario = { ...current, name: "+30 places à Montceau en 2024", bonus: PLUS30 };
  const scenarios = [current, plus30];
  const rows = options.rows;
  const plans = scenarios.map((scenario) => ({
    scenario,
    plan: planScenario(rows, scenario, options.plan.communesReference),
  }));
  const bonus = withBonus
    ? bonusInputOf(demoWorkbook(COMMUNES, "fr", { facilities: true }), options.plan.communesReference)
    : undefined;
  return {
    report: buildReport({ ...options, scenarios: plans, ...(bonus ? { bonus } : {}) }),
    scenarios,
  };
}

/** A sheet's values as a grid, as the next run reads it (a formula as the value it computes). */
function gridOf(sheet: ReportSheet): RawValue[][] {
  const grid: RawValue[][] = [];
  for (const c of sheet.cells) {
    const row = (grid[c.row] ??= []);
    const v = c.value;
    row[c.col] =
      v.kind === "text"
        ? v.text
        : v.kind === "number"
          ? v.value
          : v.kind === "formula"
            ? (v.expected as RawValue)
            : null;
  }
  return Array.from(grid, (r) => Array.from(r ?? [], (x) => x ?? null));
}

const cellOf = (sheet: ReportSheet, row: number, col: number) =>
  sheet.cells.find((c) => c.row === row && c.col === col)?.value;

test("Scénarios CTG: the bonus rows written read back as the same scenarios (the opening year a number)", () => {
  const { report: r, scenarios } = report(true);
  const sheet = sheetOf(r, "scenarios");
  const read = readScenarios(gridOf(sheet), { sheet: sheet.name, topLeft: "A1" }, COMMUNES, DEFAULT_PARAMS);
  expect(read.issues).toEqual([]);
  expect(read.scenarios.map((s) => s.bonus?.values)).toEqual([{}, PLUS30?.values]);
  expect(
    read.scenarios[1]?.bonus?.places.map(({ insee, places, opening }) => ({ insee, places, opening })),
  ).toEqual([{ insee: MONTCEAU, places: 30, opening: { year: 2024, month: 1 } }]);
  expect(scenarios).toHaveLength(2);
});

test("the comparison's bonus rows: per basin and year the engine's plan of each scenario, and its difference with Bonus territoire", () => {
  const { report: r, scenarios } = report(true);
  const sheet = sheetOf(r, "comparison");
  const options = demoOptions("fr");
  const bonus = bonusInputOf(
    demoWorkbook(COMMUNES, "fr", { facilities: true }),
    options.plan.communesReference,
  );
  const plan = planScenarioBonus(
    bonus.plan.facilities.map((f) => f.facility),
    options.plan.communesReference,
    DEFAULT_BONUS_PARAMS,
    scenarios[1] as Scenario,
  );
  const rows = comparisonRows(diffFigures(L, "fr").length, plan.years.length).bonus;
  if (rows === null) throw new Error("no bonus rows");
  const n = plan.years.length;
  plan.byBasin.forEach((t, i) => {
    const current = bonus.plan.byBasin[i];
    t.byYear.forEach((c, j) => {
      const v = cellOf(sheet, rows.first + i * (n + 1) + j, 2);
      expect(v?.kind === "formula" && v.expected).toBe(c / 100);
      const d = cellOf(sheet, rows.diffFirst + i * (n + 1) + j, 2);
      expect(d?.kind === "formula" && d.expected).toBe((c - (current?.byYear[j] ?? 0)) / 100);
      expect(d?.kind === "formula" && d.formula).toMatch(
        /^ROUND\(\$C\$\d+-'Bonus territoire'!\$[B-F]\$\d+,2\)$/,
      );
      const same = cellOf(sheet, rows.diffFirst + i * (n + 1) + j, 1);
      expect(same?.kind === "formula" && same.expected).toBe(0);
    });
  });
  // Tranche 3 (3 600 €), from January 2024: 30 × 3 600 = 108 000 € a year.
  const added = plan.facilities[plan.facilities.length - 1];
  expect(added?.years.slice(0, 2).map((y) => y.newPlaces)).toEqual([10_800_000, 10_800_000]);
  // Every formula: no volatile function, no whole-column reference.
  for (const c of sheet.cells) {
    if (c.value.kind !== "formula") continue;
    expect(c.value.formula).not.toMatch(/\b(NOW|TODAY|RAND|RANDBETWEEN|OFFSET|INDIRECT|CELL|INFO)\(/);
    expect(c.value.formula).not.toMatch(/\$?[A-Z]{1,3}:\$?[A-Z]{1,3}(?![\d$])/);
  }
});

test("the working block reads the scenario's cells: blank takes the CTG_B_* name, the places and opening cells live", () => {
  const { report: r } = report(true);
  const sheet = sheetOf(r, "comparison");
  const formulas = sheet.cells.flatMap((c) => (c.value.kind === "formula" ? [c.value.formula] : []));
  const tranche = scenarioBonusRows(COMMUNES.length).field.tranche + 1;
  expect(formulas).toContain(
    `IF('Scénarios CTG'!$D$${tranche}="",CTG_B_TrancheCUCM,'Scénarios CTG'!$D$${tranche})`,
  );
  const opening =
    scenarioBonusRows(COMMUNES.length).firstOpening + 1 + COMMUNES.findIndex((c) => c.insee === MONTCEAU);
  expect(formulas).toContain(`IF('Scénarios CTG'!$D$${opening}="","",'Scénarios CTG'!$D$${opening})`);
});

test("without a facilities table the comparison has no bonus row, and Scénarios CTG none unless a scenario carries them", () => {
  const { report: r } = report(false);
  const texts = sheetOf(r, "comparison").cells.flatMap((c) =>
    c.value.kind === "text" ? [c.value.text] : [],
  );
  expect(texts).not.toContain(L.comparison.bonusTitle);
  // The +30 scenario carries a bonus: its rows are kept on Scénarios CTG (the user's input).
  const sc = sheetOf(r, "scenarios").cells.flatMap((c) => (c.value.kind === "text" ? [c.value.text] : []));
  expect(sc).toContain("Bonus territoire (vide = Paramètres CTG)");
  const plain = buildReport({ ...demoOptions("fr"), scenarios: [] });
  const none = sheetOf(plain, "scenarios").cells.flatMap((c) =>
    c.value.kind === "text" ? [c.value.text] : [],
  );
  expect(none).not.toContain("Bonus territoire (vide = Paramètres CTG)");
});
