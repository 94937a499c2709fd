/** `Scénarios CTG`: the scenarios kept in the workbook, one column per scenario, as editable inputs. */

import {
  columnLetters,
  rateToFraction,
  SCENARIO_FIELD_LABELS,
  serialOfIsoDay,
  type Scenario,
  type ScenarioField,
} from "../../core";
import { euros, printSetup, type Context } from "../context";
import type { ReportSheet, ReportValidation } from "../model";
import { SCENARIOS_LAYOUT, SPARE_SCENARIO_COLUMNS } from "../schema";
import { SheetBuilder } from "../sheet-builder";

const S = SCENARIOS_LAYOUT;

/**
 * Builds `Scénarios CTG`: one column per scenario from column C (name, note, date, the six parameters),
 * then the communes with the basin a scenario moves each one to (blank: the basin of `Communes CTG`).
 * Layout in {@link SCENARIOS_LAYOUT}; validations reach a few blank columns to the right.
 *
 * @param ctx - the build
 * @returns the sheet
 */
export function buildScenarios(ctx: Context): ReportSheet {
  const { L, lang, plan } = ctx;
  const s = new SheetBuilder("scenarios", ctx.names.scenarios);
  s.text(0, 0, L.scenariosSheet.title, "title").text(1, 0, L.scenariosSheet.note, "note");
  const lastCol = S.firstCol + ctx.scenarioPlans.length - 1;
  s.merge(`A2:${columnLetters(Math.max(lastCol, S.firstCol + 3))}2`);
  const labels = SCENARIO_FIELD_LABELS[lang];
  for (const [field, row] of Object.entries(S.rows) as [ScenarioField, number][]) {
    s.text(row, 0, labels[field], field === "name" ? "header" : "textBold");
    s.merge(`A${row + 1}:B${row + 1}`);
  }
  ctx.scenarioPlans.forEach(({ scenario }, k) => writeScenarioColumn(ctx, s, scenario, S.firstCol + k));
  s.text(S.communesTitle, 0, L.scenariosSheet.communesTitle, "textBold");
  s.text(S.communesHeader, 0, L.scenariosSheet.insee, "header");
  s.text(S.communesHeader, 1, L.scenariosSheet.commune, "header");
  plan.communesReference.forEach((commune, i) => {
    s.text(S.firstCommune + i, 0, commune.insee, "code").text(S.firstCommune + i, 1, commune.name, "text");
  });
  for (const v of scenarioValidations(ctx, lastCol)) s.validate(v);
  s.widthsFrom([13, 30, ...ctx.scenarioPlans.map(() => 22)]).freezeAt(S.rows.name + 1, S.firstCol);
  return s.build(printSetup(ctx, "scenarios", [S.rows.name + 1, S.rows.name + 1]), "7030A0");
}

/** A scenario's column: its name, note, date and parameters, and the basins it moves communes to. */
function writeScenarioColumn(ctx: Context, s: SheetBuilder, sc: Scenario, c: number): void {
  const { L } = ctx;
  const p = sc.params;
  s.text(S.rows.name, c, sc.name, "header");
  // (No empty text cells: a blank note or date stays a blank cell.)
  if (sc.note !== "") s.text(S.rows.note, c, sc.note, "textInput");
  const serial = serialOfIsoDay(sc.date);
  if (serial !== null) s.number(S.rows.date, c, serial, "day");
  else if (sc.date !== "") s.text(S.rows.date, c, sc.date, "input");
  s.number(S.rows.costHT, c, euros(p.costHT), "moneyInput");
  s.number(S.rows.capHT, c, euros(p.capHT), "moneyInput");
  s.number(S.rows.cafRate, c, rateToFraction(p.cafRate), "rateInput");
  s.number(S.rows.vatRate, c, rateToFraction(p.vatRate), "rateInput");
  s.text(S.rows.key, c, L.keys[p.key], "input");
  s.text(S.rows.cafBase, c, L.cafBases[p.cafBase], "input");
  s.text(S.communesHeader, c, L.scenariosSheet.basin, "header");
  ctx.plan.communesReference.forEach((commune, i) => {
    const moved = Object.prototype.hasOwnProperty.call(sc.basinOverrides, commune.insee)
      ? sc.basinOverrides[commune.insee]
      : undefined;
    // A basin only where the scenario moves the commune; blank otherwise.
    if (moved !== undefined && moved !== commune.basin)
      s.text(S.firstCommune + i, c, L.basins[moved], "input");
  });
}

/** What each row of the scenarios' columns accepts, up to a few blank columns right of the last. */
function scenarioValidations(ctx: Context, lastCol: number): ReportValidation[] {
  const { L } = ctx;
  const reference = ctx.plan.communesReference;
  const cols = `${columnLetters(S.firstCol)}%d:${columnLetters(lastCol + SPARE_SCENARIO_COLUMNS)}%d`;
  const rowsRef = (r1: number, r2: number = r1): string =>
    cols.replace("%d", String(r1 + 1)).replace("%d", String(r2 + 1));
  const amountError = L.scenariosSheet.amountError;
  const rateError = L.scenariosSheet.rateError;
  return [
    {
      type: "decimal",
      ref: rowsRef(S.rows.costHT, S.rows.capHT),
      min: 0,
      error: amountError,
      prompt: amountError,
    },
    {
      type: "decimal",
      ref: rowsRef(S.rows.cafRate, S.rows.vatRate),
      min: 0,
      max: 1,
      error: rateError,
      prompt: rateError,
    },
    { type: "list", ref: rowsRef(S.rows.key), items: Object.values(L.keys), error: L.params.keyError },
    {
      type: "list",
      ref: rowsRef(S.rows.cafBase),
      items: [L.cafBases.ht, L.cafBases.ttc],
      error: L.params.cafBaseError,
    },
    ...(reference.length > 0
      ? [
          {
            type: "list" as const,
            ref: rowsRef(S.firstCommune, S.firstCommune + reference.length - 1),
            items: [L.basins.nord, L.basins.sud],
            error: L.communes.basinError,
          },
        ]
      : []),
  ];
}
