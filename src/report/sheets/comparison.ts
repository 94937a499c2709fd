/**
 * `Comparaison scénarios`: the scenarios side by side, live. For each scenario column: its parameters
 * (the scenario's cell, or the current parameter when blank), the engineering split, each basin's
 * communes, population, CEJ total, key and allocated amounts under the scenario's basins and key, and
 * the differences against the first scenario. Every figure is a formula of report/formulas.ts over
 * `Scénarios CTG`, `Synthèse CEJ` and `CTG_Communes`, with the value of planScenario as expected value.
 */

import { columnLetters, quoteSheet } from "../../core/cell";
import { rateToFraction } from "../../core/money";
import { BASINS, type Basin, type Cents } from "../../core/types";
import { euros, printSetup, type Context } from "../context";
import {
  basinPart,
  cafShare,
  costTTC,
  cucmHT,
  cucmTTC,
  eligibleBase,
  eligibleBaseTTC,
  keyShare,
  keyValue,
  vatAmount,
} from "../formulas";
import type { ReportSheet } from "../model";
import { PLAN_PARAM_CELL_NAMES, SCENARIOS_LAYOUT } from "../schema";
import { absRef, localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import { keyShareExpected } from "./basins";
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
} from "./comparison-layout";
import { writeHelperBlock, type HelperBlock } from "./comparison-helper";
import type { SynthesisLayout } from "./synthesis";

/** Where the comparison puts its figures, for the checks. */
export interface ComparisonLayout {
  readonly rows: ComparisonRows;
  readonly helper: HelperBlock;
}

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
  const { L, plan } = ctx;
  const C = L.comparison;
  const S = SCENARIOS_LAYOUT;
  const s = new SheetBuilder("comparison", ctx.names.comparison);
  const scenarios = ctx.scenarioPlans;
  const colOf = (k: number): number => COMPARISON_FIRST_COL + k;
  const scRef = (row: number, k: number): string => absRef(ctx.names.scenarios, row, S.firstCol + k);
  const firstName = scenarios[0]?.scenario.name ?? "";
  const diffs = diffFigures(L, ctx.lang);
  const R = comparisonRows(diffs.length);

  s.text(0, 0, C.title, "title").text(1, 0, C.subtitle, "subtitle");
  s.text(R.header, 0, C.scenario, "header");
  scenarios.forEach(({ scenario }, k) => {
    s.formula(R.header, colOf(k), `${scRef(S.rows.name, k)}&""`, scenario.name, "exact", "header");
  });
  const helper = writeHelperBlock(ctx, s, R, syn);

  // Labels: parameters, engineering, basins, differences.
  s.text(R.params.costHT - 1, 0, C.paramsTitle, "textBold");
  s.text(R.engineering.eligibleHT - 1, 0, C.engineeringTitle, "textBold");
  BASINS.forEach((b, i) =>
    s.text((R.basins[i]?.communes ?? 0) - 1, 0, C.basinTitle(L.basins[b]), "textBold"),
  );
  s.text(R.diffFirst - 1, 0, C.diffTitle(firstName), "textBold");
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

  const reference = plan.communesReference;
  scenarios.forEach(({ plan: sp }, k) => {
    const col = colOf(k);
    const P = (f: ComparedParam): string => localAbs(R.params[f], col);
    const E = (f: ComparedEngineering): string => localAbs(R.engineering[f], col);
    const p = sp.params;
    const e = sp.engineering;
    const param = (f: ComparedParam): string => {
      const cell = scRef(S.rows[f], k);
      return `IF(${cell}="",${PLAN_PARAM_CELL_NAMES[f]},${cell})`;
    };
    s.money(R.params.costHT, col, param("costHT"), euros(p.costHT), "money");
    s.money(R.params.capHT, col, param("capHT"), euros(p.capHT), "money");
    s.formula(R.params.cafRate, col, param("cafRate"), rateToFraction(p.cafRate), "ratio", "rate");
    s.formula(R.params.vatRate, col, param("vatRate"), rateToFraction(p.vatRate), "ratio", "rate");
    s.formula(R.params.key, col, param("key"), L.keys[p.key], "exact", "text");
    s.formula(R.params.cafBase, col, param("cafBase"), L.cafBases[p.cafBase], "exact", "text");

    const eng = R.engineering;
    s.money(eng.eligibleHT, col, eligibleBase(P("costHT"), P("capHT")), euros(e.eligibleHT));
    s.money(eng.eligibleTTC, col, eligibleBaseTTC(E("eligibleHT"), P("vatRate")), euros(e.eligibleTTC));
    const caf = cafShare({
      base: P("cafBase"),
      ttc: L.cafBases.ttc,
      eligibleHT: E("eligibleHT"),
      eligibleTTC: E("eligibleTTC"),
      rate: P("cafRate"),
    });
    s.money(eng.caf, col, caf, euros(e.caf));
    s.money(eng.cuHT, col, cucmHT(P("costHT"), E("caf")), euros(e.cuHT));
    s.money(eng.vat, col, vatAmount(P("costHT"), P("vatRate")), euros(e.vat));
    s.money(eng.costTTC, col, costTTC(P("costHT"), E("vat")), euros(e.costTTC));
    s.money(eng.cuTTC, col, cucmTTC(E("costTTC"), E("caf")), euros(e.cuTTC), "moneyTotal");

    const basinRange = helper.range(HELPER_BASIN_COL + k, helper.helperLast);
    const basinRefRange = helper.range(HELPER_BASIN_COL + k, helper.refLast);
    const keys = BASINS.map((_, i) => localAbs(R.basins[i]?.key ?? 0, col));
    const keyTotal = `(${keys.join("+")})`;
    const cejKey = p.key === "cej";
    BASINS.forEach((b, i) => {
      const rows = R.basins[i];
      const bp = sp.basins[i];
      if (rows === undefined || bp === undefined) throw new Error(`plan has no basin ${b}`);
      const B = (f: ComparedBasin): string => localAbs(rows[f], col);
      const label = stringLiteral(L.basins[b]);
      const noRef = reference.length === 0;
      const communes = noRef ? "0" : `COUNTIFS(${basinRefRange},${label})`;
      s.formula(rows.communes, col, communes, bp.communes, "exact", "integer");
      const population = noRef ? "0" : `SUMIFS(${helper.range(3, helper.refLast)},${basinRefRange},${label})`;
      s.formula(rows.population, col, population, bp.population, "exact", "integer");
      s.money(
        rows.cej,
        col,
        helper.helperLast < helper.refFirst
          ? "0"
          : `SUMIFS(${helper.range(4, helper.helperLast)},${basinRange},${label})`,
        euros(bp.cejTotal),
      );
      s.formula(
        rows.key,
        col,
        keyValue({
          key: P("key"),
          labels: L.keys,
          cej: B("cej"),
          population: B("population"),
          communes: B("communes"),
        }),
        cejKey ? bp.keyValue / 100 : bp.keyValue,
        cejKey ? "cents" : "exact",
        cejKey ? "money" : "integer",
      );
      const shareExpected = keyShareExpected(sp, i, L.basinsSheet);
      s.formula(
        rows.keyShare,
        col,
        keyShare({
          key: B("key"),
          keys,
          total: keyTotal,
          zero: L.basinsSheet.keyZero,
          negative: L.basinsSheet.keyNegative,
        }),
        shareExpected,
        typeof shareExpected === "string" ? "exact" : "ratio",
        "ratio",
      );
      const isLast = i === BASINS.length - 1;
      const part = (whole: string, f: ComparedBasin): string =>
        basinPart({
          whole,
          key: B("key"),
          keys,
          total: keyTotal,
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
      s.money(
        rows.cuTTC,
        col,
        cucmTTC(costTTC(B("cost"), B("vat")), B("caf")),
        euros(be.cuTTC),
        "moneyTotal",
      );
    });

    const first = scenarios[0]?.plan ?? sp;
    diffs.forEach(([, rowOf, valueOf], j) => {
      const here = localAbs(rowOf(R), col);
      const there = localAbs(rowOf(R), colOf(0));
      const v = valueOf(sp);
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
  });

  s.widthsFrom([
    54,
    ...scenarios.map(() => 20),
    ...Array.from({ length: Math.max(0, HELPER_BASIN_COL - 1 - scenarios.length) }, () => 14),
  ]);
  s.freezeAt(R.header + 1, 1);

  // The chart: Caf and CUCM TTC of each basin, one cluster per scenario, beside the table.
  const lastCol = colOf(scenarios.length - 1);
  const rowRange = (row: number): string =>
    `${quoteSheet(ctx.names.comparison)}!${localAbs(row, colOf(0))}:${localAbs(row, lastCol)}`;
  const colors: Readonly<Record<Basin, readonly [string, string]>> = {
    nord: ["9DC3E6", "1F4E78"],
    sud: ["F4B183", "C55A11"],
  };
  s.chart({
    title: C.chartTitle,
    from: { row: R.header, col: lastCol + 2 },
    to: { row: R.header + 22, col: lastCol + 10 },
    categories: { ref: rowRange(R.header), cache: scenarios.map((sc) => sc.scenario.name) },
    series: BASINS.flatMap((b, i) =>
      (["caf", "cuTTC"] as const).map((f) => ({
        name: C.chartSeries(f, L.basins[b]),
        ref: rowRange(R.basins[i]?.[f] ?? 0),
        cache: scenarios.map(({ plan: sp }) => euros(sp.basins[i]?.engineering[f] ?? (0 as Cents))),
        color: colors[b][f === "caf" ? 0 : 1],
      })),
    ),
    valueFormat: '#,##0\\ "€"',
  });
  // Printed: the comparison and its chart, the handout of a council meeting; the working block below
  // stays on screen (it only feeds the formulas).
  const printArea = `A1:${columnLetters(lastCol + 10)}${R.helperTitle}`;
  const sheet = s.build(printSetup(ctx, "comparison", [R.header + 1, R.header + 1], printArea), "7030A0");
  return { sheet, layout: { rows: R, helper } };
}
