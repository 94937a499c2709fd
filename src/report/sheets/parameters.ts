/** `Paramètres CTG`: the six parameters as named input cells, with their validations. */

import { rateToFraction } from "../../core";
import { euros, printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { PARAM_KEYS, PARAM_VALUE_COL, PARAMETER_ROWS, type ParamKind } from "../schema";
import { SheetBuilder } from "../sheet-builder";
import { writeBonusParameters } from "./bonus-parameters";

/** `B5:B6`: the value cells of the parameters of one kind (their rows are adjacent). */
function valueRange(kind: ParamKind): string {
  const rows = PARAM_KEYS.filter((k) => PARAMETER_ROWS[k].kind === kind).map((k) => PARAMETER_ROWS[k].row);
  const first = Math.min(...rows) + 1;
  const last = Math.max(...rows) + 1;
  return first === last ? `B${first}` : `B${first}:B${last}`;
}

/**
 * Builds `Paramètres CTG`: header on row 4, one row per parameter (rows 5 to 10, see
 * {@link PARAMETER_ROWS}): label, value (a yellow input cell), explanation.
 *
 * @param ctx - the build
 * @returns the sheet
 */
export function buildParameters(ctx: Context): ReportSheet {
  const { L, plan } = ctx;
  const s = new SheetBuilder("parameters", ctx.names.parameters);
  s.text(0, 0, L.params.title, "title").text(1, 0, L.params.subtitle, "subtitle");
  L.params.header.forEach((h, c) => s.text(3, c, h, "header"));
  const p = plan.params;
  for (const key of PARAM_KEYS) {
    const { row } = PARAMETER_ROWS[key];
    const [label, note] = L.params.rows[key];
    s.text(row, 0, label, "label").text(row, 2, note, "note");
    const col = PARAM_VALUE_COL;
    switch (key) {
      case "costHT":
      case "capHT":
        s.number(row, col, euros(p[key]), "moneyInput");
        break;
      case "cafRate":
      case "vatRate":
        s.number(row, col, rateToFraction(p[key]), "rateInput");
        break;
      case "key":
        s.text(row, col, L.keys[p.key], "input");
        break;
      case "cafBase":
        s.text(row, col, L.cafBases[p.cafBase], "input");
        break;
    }
  }
  const P = L.params;
  s.validate({
    type: "decimal",
    ref: valueRange("amount"),
    min: 0,
    error: P.amountError,
    prompt: P.amountError,
  });
  s.validate({
    type: "decimal",
    ref: valueRange("rate"),
    min: 0,
    max: 1,
    error: P.rateError,
    prompt: P.rateError,
  });
  s.validate({
    type: "list",
    ref: valueRange("key"),
    items: Object.values(L.keys),
    error: P.keyError,
    prompt: P.keyError,
  });
  s.validate({
    type: "list",
    ref: valueRange("cafBase"),
    items: [L.cafBases.ht, L.cafBases.ttc],
    error: P.cafBaseError,
    prompt: P.cafBaseError,
  });
  writeBonusParameters(s, ctx);
  s.widthsFrom([40, 18, 100]).freezeAt(4, 0);
  return s.build(printSetup(ctx, "parameters", [4, 4]), "F2C200");
}
