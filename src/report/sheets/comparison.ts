/**
 * `Comparaison scénarios`: the scenarios side by side, live. For each scenario column: its parameters
 * (the scenario's cell, or the current parameter when blank), the engineering split, each basin's
 * communes, population, CEJ total, key and allocated amounts under the scenario's basins and key, and
 * the differences against the first scenario. Every figure is a formula of report/formulas.ts over
 * `Scénarios CTG`, `Synthèse CEJ` and `CTG_Communes`, with the value of planScenario as expected value.
 */

import {
  columnLetters,
  quoteSheet,
  rateToFraction,
  BASINS,
  type Basin,
  type Cents,
  type Plan,
} from "../../core";
import { euros, printSetup, type Context } from "../context";
import {
  basinPart,
  cafShare,
  costTTC,
  cucmHT,
  cucmTTC,
  eligibleBase,
  eligibleBaseTTC,
  vatAmount,
} from "../formulas";
import type { ReportChart, ReportSheet } from "../model";
import { PLAN_PARAM_CELL_NAMES, SCENARIOS_LAYOUT } from "../schema";
import { localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { writeBasinKey } from "./basin-key";
import {
  COMPARED_BASIN,
  COMPARED_ENGINEERING,
  COMPARED_PARAMS,
  COMPARISON_FIRST_COL,
  comparisonRows,
  diffFigures,
  HELPER_BASIN_COL,
  type ComparedBasin,
  type ComparedEngineering,
  type ComparedParam,
  type ComparisonRows,
  type DiffFigure,
} from "./comparison-layout";
import { scenarioCell, writeHelperBlock, type HelperBlock } from "./comparison-helper";
import {
  scenarioBonusPlans,
  writeBonusColumn,
  writeBonusLabels,
  writeScenarioBonusBlocks,
} from "./comparison-bonus";
import type { SynthesisLayout } from "./synthesis";

/** Where the comparison puts its figures, for the checks. */
export interface ComparisonLayout {
  readonly rows: ComparisonRows;
  readonly helper: HelperBlock;
}

/** Column of the k-th scenario. */
const colOf = (k: number): number => COMPARISON_FIRST_COL + k;

/**
 * Builds `Comparaison scénarios` and declares its chart (Caf and CUCM TTC of each basin, one cluster
 * per scenario, beside the table).
 *
 * @param ctx - the build
 * @param syn - where the synthesis puts its totals
 * @returns the sheet and its layout
 */
export function buildComparison(
  ctx: Context,
  syn: SynthesisLayout,
): { sheet: ReportSheet; layout: ComparisonLayout } {
  const scenarios = ctx.scenarioPlans;
  const s = new SheetBuilder("comparison", ctx.names.comparison);
  const diffs = diffFigures(ctx.L, ctx.lang);
  const bonusPlans = scenarioBonusPlans(ctx);
  const R = comparisonRows(diffs.length, bonusPlans?.years.length ?? 0);

  writeLabels(ctx, s, R, diffs);
  writeBonusLabels(ctx, s, R, bonusPlans?.years ?? []);
  const helper = writeHelperBlock(ctx, s, R, syn);
  const bonusBlocks = bonusPlans === null ? [] : writeScenarioBonusBlocks(ctx, s, helper, bonusPlans);
  const firstPlan = scenarios[0]?.plan;
  scenarios.forEach(({ scenario, plan }, k) => {
    const column = scenarioColumn(ctx, s, { R, helper }, k, plan);
    s.formula(
      R.header,
      column.col,
      `${scenarioCell(ctx, SCENARIOS_LAYOUT.rows.name, k)}&""`,
      scenario.name,
      "exact",
      "header",
    );
    writeParams(column);
    writeEngineering(column);
    BASINS.forEach((b, i) => writeBasin(column, b, i));
    writeDiffs(column, diffs, firstPlan ?? plan);
    const bonusBlock = bonusBlocks[k];
    if (bonusBlock !== undefined) writeBonusColumn(ctx, s, R, bonusBlock);
  });

  s.widthsFrom([
    54,
    ...scenarios.map(() => 20),
    ...Array.from({ length: Math.max(0, HELPER_BASIN_COL - 1 - scenarios.length) }, () => 14),
  ]);
  s.freezeAt(R.header + 1, 1);
  s.chart(comparisonChart(ctx, R));
  // Printed: the comparison and its chart, the handout of a council meeting; the working block below
  // stays on screen (it only feeds the formulas).
  const lastCol = colOf(scenarios.length - 1);
  const printArea = `A1:${columnLetters(lastCol + 10)}${R.helperTitle}`;
  const sheet = s.build(printSetup(ctx, "comparison", [R.header + 1, R.header + 1], printArea), "7030A0");
  return { sheet, layout: { rows: R, helper } };
}

/** The title and the labels of column A: parameters, engineering, basins, differences. */
function writeLabels(ctx: Context, s: SheetBuilder, R: ComparisonRows, diffs: readonly DiffFigure[]): void {
  const { L } = ctx;
  const C = L.comparison;
  s.text(0, 0, C.title, "title").text(1, 0, C.subtitle, "subtitle");
  s.text(R.header, 0, C.scenario, "header");
  s.text(R.params.costHT - 1, 0, C.paramsTitle, "textBold");
  s.text(R.engineering.eligibleHT - 1, 0, C.engineeringTitle, "textBold");
  BASINS.forEach((b, i) =>
    s.text((R.basins[i]?.communes ?? 0) - 1, 0, C.basinTitle(L.basins[b]), "textBold"),
  );
  s.text(R.diffFirst - 1, 0, C.diffTitle(ctx.scenarioPlans[0]?.scenario.name ?? ""), "textBold");
  COMPARED_PARAMS.forEach((f) => s.text(R.params[f], 0, C.params[f], "label"));
  COMPARED_ENGINEERING.forEach((f) =>
    s.text(R.engineering[f], 0, C.engineering[f], f === "cuTTC" ? "labelTotal" : "label"),
  );
  R.basins.forEach((rows) =>
    COMPARED_BASIN.forEach((f) => s.text(rows[f], 0, C.basin[f], f === "cuTTC" ? "labelTotal" : "label")),
  );
  diffs.forEach(([label], j) => {
    s.text(R.diffFirst + 2 * j, 0, C.diffEuros(label), "label");
    s.text(R.diffFirst + 2 * j + 1, 0, C.diffPercent(label), "label");
  });
}

/** One scenario's column: the sheet, its rows, the scenario's plan and the references its formulas use. */
interface ScenarioColumn {
  readonly ctx: Context;
  readonly s: SheetBuilder;
  readonly R: ComparisonRows;
  readonly helper: HelperBlock;
  /** The scenario's index, its column and its plan. */
  readonly k: number;
  readonly col: number;
  readonly plan: Plan;
  /** This column's cell of a parameter, of an engineering figure. */
  readonly P: (f: ComparedParam) => string;
  readonly E: (f: ComparedEngineering) => string;
  /** Every basin's key value in this column, and their sum. */
  readonly keys: readonly string[];
  readonly keyTotal: string;
}

function scenarioColumn(
  ctx: Context,
  s: SheetBuilder,
  where: { readonly R: ComparisonRows; readonly helper: HelperBlock },
  k: number,
  plan: Plan,
): ScenarioColumn {
  const { R } = where;
  const col = colOf(k);
  const keys = BASINS.map((_, i) => localAbs(R.basins[i]?.key ?? 0, col));
  return {
    ctx,
    s,
    ...where,
    k,
    col,
    plan,
    P: (f) => localAbs(R.params[f], col),
    E: (f) => localAbs(R.engineering[f], col),
    keys,
    keyTotal: `(${keys.join("+")})`,
  };
}

/** The scenario's parameters: its cell on `Scénarios CTG`, or the current parameter when blank. */
function writeParams({ ctx, s, R, k, col, plan }: ScenarioColumn): void {
  const { L } = ctx;
  const p = plan.params;
  const param = (f: ComparedParam): string => {
    const cell = scenarioCell(ctx, SCENARIOS_LAYOUT.rows[f], k);
    return `IF(${cell}="",${PLAN_PARAM_CELL_NAMES[f]},${cell})`;
  };
  s.money(R.params.costHT, col, param("costHT"), euros(p.costHT), "money");
  s.money(R.params.capHT, col, param("capHT"), euros(p.capHT), "money");
  s.formula(R.params.cafRate, col, param("cafRate"), rateToFraction(p.cafRate), "ratio", "rate");
  s.formula(R.params.vatRate, col, param("vatRate"), rateToFraction(p.vatRate), "ratio", "rate");
  s.formula(R.params.key, col, param("key"), L.keys[p.key], "exact", "text");
  s.formula(R.params.cafBase, col, param("cafBase"), L.cafBases[p.cafBase], "exact", "text");
}

/** The scenario's engineering split, from its parameters. */
function writeEngineering({ ctx, s, R, col, plan, P, E }: ScenarioColumn): void {
  const e = plan.engineering;
  const eng = R.engineering;
  s.money(eng.eligibleHT, col, eligibleBase(P("costHT"), P("capHT")), euros(e.eligibleHT));
  s.money(eng.eligibleTTC, col, eligibleBaseTTC(E("eligibleHT"), P("vatRate")), euros(e.eligibleTTC));
  const caf = cafShare({
    base: P("cafBase"),
    ttc: ctx.L.cafBases.ttc,
    eligibleHT: E("eligibleHT"),
    eligibleTTC: E("eligibleTTC"),
    rate: P("cafRate"),
  });
  s.money(eng.caf, col, caf, euros(e.caf));
  s.money(eng.cuHT, col, cucmHT(P("costHT"), E("caf")), euros(e.cuHT));
  s.money(eng.vat, col, vatAmount(P("costHT"), P("vatRate")), euros(e.vat));
  s.money(eng.costTTC, col, costTTC(P("costHT"), E("vat")), euros(e.costTTC));
  s.money(eng.cuTTC, col, cucmTTC(E("costTTC"), E("caf")), euros(e.cuTTC), "moneyTotal");
}

/**
 * A basin's block in the scenario's column: its communes, population and CEJ total under the
 * scenario's basins (read from the working block), its key, and its part of the mission.
 */
function writeBasin(c: ScenarioColumn, b: Basin, i: number): void {
  const { ctx, s, R, helper, k, col, P, E } = c;
  const rows = R.basins[i];
  const bp = c.plan.basins[i];
  if (rows === undefined || bp === undefined) throw new Error(`plan has no basin ${b}`);
  const B = (f: ComparedBasin): string => localAbs(rows[f], col);
  const label = stringLiteral(ctx.L.basins[b]);
  const basinRange = helper.range(HELPER_BASIN_COL + k, helper.helperLast);
  const basinRefRange = helper.range(HELPER_BASIN_COL + k, helper.refLast);
  const noRef = ctx.plan.communesReference.length === 0;
  const communes = noRef ? "0" : `COUNTIFS(${basinRefRange},${label})`;
  s.formula(rows.communes, col, communes, bp.communes, "exact", "integer");
  const population = noRef ? "0" : `SUMIFS(${helper.range(3, helper.refLast)},${basinRefRange},${label})`;
  s.formula(rows.population, col, population, bp.population, "exact", "integer");
  const cej =
    helper.helperLast < helper.refFirst
      ? "0"
      : `SUMIFS(${helper.range(4, helper.helperLast)},${basinRange},${label})`;
  s.money(rows.cej, col, cej, euros(bp.cejTotal));
  writeBasinKey(s, ctx.L, {
    plan: c.plan,
    index: i,
    key: P("key"),
    communes: B("communes"),
    population: B("population"),
    cej: B("cej"),
    keys: c.keys,
    total: c.keyTotal,
    keyAt: [rows.key, col],
    shareAt: [rows.keyShare, col],
  });
  const isLast = i === BASINS.length - 1;
  const part = (whole: string, f: ComparedBasin): string =>
    basinPart({
      whole,
      key: B("key"),
      keys: c.keys,
      total: c.keyTotal,
      previous: isLast
        ? BASINS.slice(0, i)
            .map((_, j) => localAbs(R.basins[j]?.[f] ?? 0, col))
            .join(",")
        : null,
    });
  const be = bp.engineering;
  s.money(rows.cost, col, part(P("costHT"), "cost"), euros(be.costHT));
  s.money(rows.caf, col, part(E("caf"), "caf"), euros(be.caf));
  s.money(rows.vat, col, part(E("vat"), "vat"), euros(be.vat));
  s.money(rows.cuHT, col, cucmHT(B("cost"), B("caf")), euros(be.cuHT));
  s.money(rows.cuTTC, col, cucmTTC(costTTC(B("cost"), B("vat")), B("caf")), euros(be.cuTTC), "moneyTotal");
}

/** The differences against the first scenario, in euros and in percent (blank against zero). */
function writeDiffs({ s, R, col, plan }: ScenarioColumn, diffs: readonly DiffFigure[], first: Plan): void {
  diffs.forEach(([, rowOf, valueOf], j) => {
    const here = localAbs(rowOf(R), col);
    const there = localAbs(rowOf(R), colOf(0));
    const v = valueOf(plan);
    const v0 = valueOf(first);
    s.money(R.diffFirst + 2 * j, col, `${here}-${there}`, (v - v0) / 100, "money");
    s.formula(
      R.diffFirst + 2 * j + 1,
      col,
      `IF(${there}=0,"",(${here}-${there})/${there})`,
      v0 === 0 ? "" : (v - v0) / v0,
      v0 === 0 ? "exact" : "ratio",
      "ratio",
    );
  });
}

/** Two shades a basin: Caf light, CUCM TTC dark. */
const CHART_COLORS: Readonly<Record<Basin, readonly [string, string]>> = {
  nord: ["9DC3E6", "1F4E78"],
  sud: ["F4B183", "C55A11"],
};

/** The chart: Caf and CUCM TTC of each basin, one cluster per scenario, beside the table. */
function comparisonChart(ctx: Context, R: ComparisonRows): ReportChart {
  const { L } = ctx;
  const scenarios = ctx.scenarioPlans;
  const lastCol = colOf(scenarios.length - 1);
  const rowRange = (row: number): string =>
    `${quoteSheet(ctx.names.comparison)}!${localAbs(row, colOf(0))}:${localAbs(row, lastCol)}`;
  return {
    title: L.comparison.chartTitle,
    from: { row: R.header, col: lastCol + 2 },
    to: { row: R.header + 22, col: lastCol + 10 },
    categories: { ref: rowRange(R.header), cache: scenarios.map((sc) => sc.scenario.name) },
    series: BASINS.flatMap((b, i) =>
      (["caf", "cuTTC"] as const).map((f) => ({
        name: L.comparison.chartSeries(f, L.basins[b]),
        ref: rowRange(R.basins[i]?.[f] ?? 0),
        cache: scenarios.map(({ plan: sp }) => euros(sp.basins[i]?.engineering[f] ?? (0 as Cents))),
        color: CHART_COLORS[b][f === "caf" ? 0 : 1],
      })),
    ),
    valueFormat: '#,##0\\ "€"',
  };
}
