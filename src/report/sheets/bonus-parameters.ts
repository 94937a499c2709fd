/** The bonus territoire's parameters on `Paramètres CTG` (issue #14): named input cells with their sources. */

import type { Context } from "../context";
import type { ReportName, StyleName } from "../model";
import { PARAM_VALUE_COL } from "../schema";
import { absRef, type SheetBuilder } from "../sheet-builder";
import { BONUS_PARAMS_TITLE_ROW, bonusParamRows, type BonusParamKind } from "./bonus-layout";

const STYLE: Readonly<Record<BonusParamKind, StyleName>> = {
  year: "input",
  duration: "input",
  amount: "moneyInput",
  amountOrBlank: "moneyInput",
  rate: "rateInput",
  tranche: "input",
  yesNo: "input",
  proRata: "input",
};

/**
 * Writes the bonus parameters below the plan's on `Paramètres CTG`: a title and a note, then one row
 * per parameter (label, yellow input cell, source note ending with « Hypothèse à confirmer avec la
 * Caf. » or « Source publiée. »), each validated. Nothing without a bonus input.
 *
 * @param s - the parameters sheet being built
 * @param ctx - the build
 */
export function writeBonusParameters(s: SheetBuilder, ctx: Context): void {
  if (ctx.bonus === undefined) return;
  const { L } = ctx;
  const rows = bonusParamRows(ctx.bonus.params, L, ctx.lang);
  s.text(BONUS_PARAMS_TITLE_ROW, 0, L.bonus.paramsTitle, "textBold");
  s.text(BONUS_PARAMS_TITLE_ROW + 1, 0, L.bonus.paramsNote, "subtitle");
  for (const r of rows) {
    s.text(r.row, 0, r.label, "label").text(r.row, 2, r.note, "note");
    if (typeof r.value === "number") s.number(r.row, PARAM_VALUE_COL, r.value, STYLE[r.kind]);
    else if (typeof r.value === "string") s.text(r.row, PARAM_VALUE_COL, r.value, STYLE[r.kind]);
  }
  const at = (row: number): string => `B${row + 1}`;
  const error = L.bonus.paramError;
  for (const r of rows) {
    const ref = at(r.row);
    switch (r.kind) {
      case "year":
        s.validate({ type: "decimal", ref, min: 2000, max: 2100, error, prompt: error });
        break;
      case "duration":
        s.validate({ type: "list", ref, items: ["4", "5"], error, prompt: error });
        break;
      case "amount":
      case "amountOrBlank":
        s.validate({ type: "decimal", ref, min: 0, error, prompt: error });
        break;
      case "rate":
        s.validate({ type: "decimal", ref, min: 0, max: 1, error, prompt: error });
        break;
      case "tranche":
        s.validate({
          type: "list",
          ref,
          items: ctx.bonus.params.newPlaceRates.map((_, i) => String(i + 1)),
          error,
          prompt: error,
        });
        break;
      case "yesNo":
        s.validate({ type: "list", ref, items: [L.yes, L.no], error, prompt: error });
        break;
      case "proRata":
        s.validate({
          type: "list",
          ref,
          items: [L.bonus.proRata.months, L.bonus.proRata["full-year"]],
          error,
          prompt: error,
        });
        break;
    }
  }
}

/**
 * The workbook names of the bonus parameter cells (`CTG_B_DebutNord` → `'Paramètres CTG'!$B$14`).
 *
 * @param ctx - the build
 * @returns the names; none without a bonus input
 */
export function bonusParameterNames(ctx: Context): ReportName[] {
  if (ctx.bonus === undefined) return [];
  return bonusParamRows(ctx.bonus.params, ctx.L, ctx.lang).map((r) => ({
    name: r.name,
    ref: absRef(ctx.names.parameters, r.row, PARAM_VALUE_COL),
  }));
}
