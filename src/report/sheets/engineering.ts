/** `Ingénierie CTG`: the mission's cost and funding, and its split per basin read from `Répartition bassins`. */

import { rateToFraction, BASINS, type Cents } from "../../core";
import { euros, printSetup, type Context } from "../context";
import { cafShare, costTTC, cucmHT, cucmTTC, eligibleBase, eligibleBaseTTC, vatAmount } from "../formulas";
import type { ReportSheet } from "../model";
import {
  BASINS_LAYOUT,
  CAF_BASE_CELL_NAME,
  ENGINEERING_ROWS as ENG,
  PARAM_CELL_NAMES,
  type EngineeringRow,
} from "../schema";
import { absRef, localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";

/** How a figure of the sheet is written: its formula, expected value and look. */
interface Figure {
  readonly formula: string;
  readonly expected: number | string;
  readonly kind: "money" | "rate" | "text";
}

/**
 * Builds `Ingénierie CTG`: one row per figure (rows in {@link ENG}, labels by the same keys), the
 * cap warning, then the split per basin (each cell reads `Répartition bassins`) and its total.
 *
 * @param ctx - the build
 * @returns the sheet
 */
export function buildEngineering(ctx: Context): ReportSheet {
  const { L } = ctx;
  const s = new SheetBuilder("engineering", ctx.names.engineering);
  s.text(0, 0, L.engineering.title, "title");
  L.engineering.header.forEach((h, c) => s.text(2, c, h, "header"));
  s.merge("C3:G3");
  writeFigures(ctx, s);
  writeSplit(ctx, s);
  s.widthsFrom([34, 18, 18, 18, 18, 18, 18]);
  return s.build(printSetup(ctx, "engineering"));
}

/** Column B of a figure's row. */
const B = (row: number): string => localAbs(row, 1);

/** The figures of the mission, by row: a parameter's name, or a formula over the rows above. */
function engineeringFigures(ctx: Context): Record<EngineeringRow, Figure> {
  const { L } = ctx;
  const e = ctx.plan.engineering;
  const ttc = stringLiteral(L.cafBases.ttc);
  return {
    cost: { formula: PARAM_CELL_NAMES.costHT, expected: euros(e.costHT), kind: "money" },
    cap: { formula: PARAM_CELL_NAMES.capHT, expected: euros(e.capHT), kind: "money" },
    eligible: {
      formula: eligibleBase(B(ENG.cost), B(ENG.cap)),
      expected: euros(e.eligibleHT),
      kind: "money",
    },
    cafRate: { formula: PARAM_CELL_NAMES.cafRate, expected: rateToFraction(e.cafRate), kind: "rate" },
    caf: {
      formula: cafShare({
        base: CAF_BASE_CELL_NAME,
        ttc: L.cafBases.ttc,
        eligibleHT: B(ENG.eligible),
        eligibleTTC: B(ENG.eligibleTTC),
        rate: B(ENG.cafRate),
      }),
      expected: euros(e.caf),
      kind: "money",
    },
    cuHT: { formula: cucmHT(B(ENG.cost), B(ENG.caf)), expected: euros(e.cuHT), kind: "money" },
    vatRate: { formula: PARAM_CELL_NAMES.vatRate, expected: rateToFraction(e.vatRate), kind: "rate" },
    vat: { formula: vatAmount(B(ENG.cost), B(ENG.vatRate)), expected: euros(e.vat), kind: "money" },
    ttc: { formula: costTTC(B(ENG.cost), B(ENG.vat)), expected: euros(e.costTTC), kind: "money" },
    cuTTC: { formula: cucmTTC(B(ENG.ttc), B(ENG.caf)), expected: euros(e.cuTTC), kind: "money" },
    cafBase: {
      formula: `IF(${CAF_BASE_CELL_NAME}=${ttc},${ttc},${stringLiteral(L.cafBases.ht)})`,
      expected: L.cafBases[e.cafBase],
      kind: "text",
    },
    eligibleTTC: {
      formula: eligibleBaseTTC(B(ENG.eligible), B(ENG.vatRate)),
      expected: euros(e.eligibleTTC),
      kind: "money",
    },
  };
}

/** Each figure's row (label, value, how it is computed), then the cap warning. */
function writeFigures(ctx: Context, s: SheetBuilder): void {
  const { L } = ctx;
  const e = ctx.plan.engineering;
  for (const [key, f] of Object.entries(engineeringFigures(ctx)) as [EngineeringRow, Figure][]) {
    const row = ENG[key];
    const [label, how] = L.engineering.rows[key];
    const total = key === "cuTTC" || key === "ttc";
    s.text(row, 0, label, total ? "labelTotal" : "label").text(row, 2, how, "note");
    s.merge(`C${row + 1}:G${row + 1}`);
    if (f.kind === "money") s.money(row, 1, f.formula, Number(f.expected), total ? "moneyTotal" : "money");
    else if (f.kind === "rate") s.formula(row, 1, f.formula, f.expected, "ratio", "rate");
    else s.formula(row, 1, f.formula, f.expected, "exact", "textBold");
  }
  s.formula(
    ENG.warning,
    0,
    `IF(${B(ENG.cost)}>${B(ENG.cap)},${stringLiteral(L.engineering.capWarning)},"")`,
    e.costHT > e.capHT ? L.engineering.capWarning : "",
    "exact",
    "warning",
  );
}

/** The basins' parts, in the order of the split's columns. */
const SPLIT = ["costHT", "caf", "cuHT", "vat", "costTTC", "cuTTC"] as const;
type Split = Record<(typeof SPLIT)[number], Cents>;
const splitEuros = (bp: Split): number[] => SPLIT.map((f) => bp[f] / 100);

/** The split per basin, each cell read from `Répartition bassins`, and its total. */
function writeSplit(ctx: Context, s: SheetBuilder): void {
  const { L, plan } = ctx;
  const titleRow = ENG.warning + 2;
  s.formula(
    titleRow,
    0,
    `${stringLiteral(`${L.engineering.splitTitle} (${L.basinsSheet.keyPrefix.trim()} `)}&${PARAM_CELL_NAMES.key}&")"`,
    `${L.engineering.splitTitle} (${L.basinsSheet.keyPrefix.trim()} ${L.keys[plan.params.key]})`,
    "exact",
    "textBold",
  );
  const headerRow = titleRow + 1;
  L.engineering.splitHeader.forEach((h, c) => s.text(headerRow, c, h, "header"));
  const bc = BASINS_LAYOUT.cols;
  const basinCols = [bc.cost, bc.caf, bc.cuHT, bc.vat, bc.ttc, bc.cuTTC];
  BASINS.forEach((b, i) => {
    const r = headerRow + 1 + i;
    const bp = plan.basins[i];
    if (bp === undefined) throw new Error(`plan has no basin ${b}`);
    s.text(r, 0, L.basins[b], "textBold");
    const v = splitEuros(bp.engineering);
    basinCols.forEach((col, j) =>
      s.money(r, 1 + j, absRef(ctx.names.basins, BASINS_LAYOUT.first + i, col), v[j] ?? 0),
    );
  });
  const totalRow = headerRow + 1 + BASINS.length;
  s.text(totalRow, 0, L.engineering.total, "labelTotal");
  const parts = plan.basins.map((bp) => splitEuros(bp.engineering));
  basinCols.forEach((_, j) => {
    const col = 1 + j;
    const sum = parts.reduce((t, p) => t + Math.round((p[j] ?? 0) * 100), 0) / 100;
    const range = `${localAbs(headerRow + 1, col)}:${localAbs(totalRow - 1, col)}`;
    s.money(totalRow, col, `SUM(${range})`, sum, "moneyTotal");
  });
}
