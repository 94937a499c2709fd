/** `Ingénierie CTG`: the mission's cost and funding, and its split per basin read from `Répartition bassins`. */

import { rateToFraction } from "../../core/money";
import { BASINS, type Cents } from "../../core/types";
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
  const { L, plan } = ctx;
  const e = plan.engineering;
  const s = new SheetBuilder("engineering", ctx.names.engineering);
  s.text(0, 0, L.engineering.title, "title");
  L.engineering.header.forEach((h, c) => s.text(2, c, h, "header"));
  s.merge("C3:G3");
  const B = (row: number): string => localAbs(row, 1);
  const figures: Record<EngineeringRow, Figure> = {
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
      formula: `IF(${CAF_BASE_CELL_NAME}=${stringLiteral(L.cafBases.ttc)},${stringLiteral(L.cafBases.ttc)},${stringLiteral(L.cafBases.ht)})`,
      expected: L.cafBases[e.cafBase],
      kind: "text",
    },
    eligibleTTC: {
      formula: eligibleBaseTTC(B(ENG.eligible), B(ENG.vatRate)),
      expected: euros(e.eligibleTTC),
      kind: "money",
    },
  };
  for (const [key, f] of Object.entries(figures) as [EngineeringRow, Figure][]) {
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

  // Split per basin, read from the allocation sheet.
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
  type Split = Record<"costHT" | "caf" | "cuHT" | "vat" | "costTTC" | "cuTTC", Cents>;
  const values = (bp: Split): number[] =>
    [bp.costHT, bp.caf, bp.cuHT, bp.vat, bp.costTTC, bp.cuTTC].map((c) => c / 100);
  BASINS.forEach((b, i) => {
    const r = headerRow + 1 + i;
    const bp = plan.basins[i];
    if (bp === undefined) throw new Error(`plan has no basin ${b}`);
    s.text(r, 0, L.basins[b], "textBold");
    const v = values(bp.engineering);
    basinCols.forEach((col, j) =>
      s.money(r, 1 + j, absRef(ctx.names.basins, BASINS_LAYOUT.first + i, col), v[j] ?? 0),
    );
  });
  const totalRow = headerRow + 1 + BASINS.length;
  s.text(totalRow, 0, L.engineering.total, "labelTotal");
  const parts = plan.basins.map((bp) => values(bp.engineering));
  basinCols.forEach((_, j) => {
    const col = 1 + j;
    const sum = parts.reduce((t, p) => t + Math.round((p[j] ?? 0) * 100), 0) / 100;
    const range = `${localAbs(headerRow + 1, col)}:${localAbs(totalRow - 1, col)}`;
    s.money(totalRow, col, `SUM(${range})`, sum, "moneyTotal");
  });
  s.widthsFrom([34, 18, 18, 18, 18, 18, 18]);
  return s.build(printSetup(ctx, "engineering"));
}
