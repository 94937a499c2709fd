/**
 * The bonus territoire of each scenario on `Comparaison scénarios` (issue #14), live: per scenario
 * column, the bonus per basin and year and its difference with the current plan (`Bonus territoire`).
 *
 * Each scenario has a working block below the comparison's: its parameters (the scenario's cell on
 * `Scénarios CTG`, or the current parameter's name when blank), then the pools, the trajectoire and
 * the facility rows of `Bonus territoire`, written by the same formula builders with the block's
 * parameter cells in place of the `CTG_B_*` names. Its facility rows are `Bonus territoire`'s (read
 * from that sheet, in the basin the scenario gives the commune) and one row of added places per
 * reference commune (the scenario's places and opening cells). The expected values are the engine's
 * (planScenarioBonus), to the cent.
 */

import {
  planScenarioBonus,
  rateToFraction,
  scenarioBonusParams,
  BASINS,
  SCENARIO_BONUS_LABELS,
  SCENARIO_TRANCHES,
  SCENARIO_UPLIFTS,
  sumCents,
  type Basin,
  type BonusParams,
  type BonusPlan,
  type Cents,
  type FacilityBonus,
  type Scenario,
  type ScenarioBonusField,
} from "../../core";
import { BONUS_KIND_LABELS } from "../../i18n";
import { euros, type Context } from "../context";
import { scenarioBonusRows } from "../schema";
import { absRef, localAbs, stringLiteral, type SheetBuilder } from "../sheet-builder";
import {
  bonusBlockLayout,
  bonusLayout,
  bonusNames,
  facilityRange,
  nameRefs,
  type BonusRefs,
} from "./bonus-layout";
import {
  facilityEnv,
  trancheRange,
  writeFacilityHeader,
  writeFacilityYear,
  writePools,
  writeTrajectoire,
  type BonusBlock,
  type FacilityEnv,
} from "./bonus-territoire";
import { scenarioCell, type HelperBlock } from "./comparison-helper";
import { COMPARISON_FIRST_COL, HELPER_BASIN_COL, type ComparisonRows } from "./comparison-layout";

/** A scenario's bonus: its parameters and plan (the engine's), and its working block. */
export interface ScenarioBonusBlock extends BonusBlock {
  readonly k: number;
}

/**
 * The scenarios' bonus plans, and the years the comparison shows (every year of the current plan
 * and of a scenario's), or null without a facilities table.
 *
 * @param ctx - the build
 * @returns the plans and years
 */
export function scenarioBonusPlans(
  ctx: Context,
): { readonly plans: readonly { params: BonusParams; plan: BonusPlan }[]; readonly years: number[] } | null {
  const bonus = ctx.bonus;
  if (bonus === undefined) return null;
  const facilities = bonus.plan.facilities.map((f) => f.facility);
  const reference = ctx.plan.communesReference;
  const plans = ctx.scenarioPlans.map(({ scenario }) => ({
    params: scenarioBonusParams(bonus.params, scenario.bonus),
    plan: planScenarioBonus(facilities, reference, bonus.params, scenario),
  }));
  const years = [...new Set([bonus.plan.years, ...plans.map((p) => p.plan.years)].flat())].sort(
    (a, b) => a - b,
  );
  return { plans, years };
}

/** One parameter row of a scenario's block: its label, formula, expected value and look. */
interface BlockParam {
  readonly label: string;
  readonly formula: string;
  readonly expected: number;
  readonly look: "year" | "integer" | "rate" | "money";
}

/** The block's parameter rows and where the block's formulas read each parameter. */
function blockParams(
  ctx: Context,
  k: number,
  sp: BonusParams,
  firstRow: number,
): { rows: BlockParam[]; refs: BonusRefs } {
  const { lang, L } = ctx;
  const B = scenarioBonusRows(ctx.plan.communesReference.length);
  const labels = SCENARIO_BONUS_LABELS[lang];
  const rows: BlockParam[] = [];
  const add = (p: BlockParam): string => {
    rows.push(p);
    return localAbs(firstRow + rows.length - 1, 1);
  };
  /** The scenario's cell, or the current parameter's name when blank. */
  const param = (
    field: ScenarioBonusField,
    name: string,
    expected: number,
    look: BlockParam["look"],
  ): string => {
    const cell = scenarioCell(ctx, B.field[field], k);
    return add({ label: labels[field], formula: `IF(${cell}="",${name},${cell})`, expected, look });
  };
  const starts = {} as Record<Basin, string>;
  const durations = {} as Record<Basin, string>;
  for (const b of BASINS) {
    const [startField, durationField] =
      b === "nord" ? (["startNord", "durationNord"] as const) : (["startSud", "durationSud"] as const);
    starts[b] = param(startField, bonusNames.start(b), sp.ctg[b].startYear, "year");
    durations[b] = param(durationField, bonusNames.duration(b), sp.ctg[b].duration, "integer");
  }
  const uplifts = [...sp.uplifts]
    .sort((a, b) => a.year - b.year)
    .map((u, i) =>
      i < SCENARIO_UPLIFTS
        ? param(`uplift${i + 1}` as ScenarioBonusField, bonusNames.uplift(i), rateToFraction(u.rate), "rate")
        : bonusNames.uplift(i),
    );
  const tranche = param("tranche", bonusNames.tranche, sp.tranche, "integer");
  const rates = sp.newPlaceRates.map((r, i) =>
    i < SCENARIO_TRANCHES
      ? param(`newPlaceRate${i + 1}` as ScenarioBonusField, bonusNames.newPlaceRate(i), euros(r), "money")
      : add({
          label: L.bonus.param.newPlaceRate(i + 1),
          formula: bonusNames.newPlaceRate(i),
          expected: euros(r),
          look: "money",
        }),
  );
  const floorEaje = param("floorEaje", bonusNames.floor("eaje"), euros(sp.floor.eaje), "money");
  const names = nameRefs(trancheRange(ctx, sp));
  const refs: BonusRefs = {
    ...names,
    start: (b) => starts[b],
    duration: (b) => durations[b],
    uplift: (i) => uplifts[i] ?? names.uplift(i),
    tranche,
    newPlaceRates: `${rates[0] ?? ""}:${rates[rates.length - 1] ?? ""}`,
    floor: (kind) => (kind === "eaje" ? floorEaje : names.floor(kind)),
  };
  return { rows, refs };
}

/** Writes a block's parameter rows (label in A, value in B). */
function writeBlockParams(s: SheetBuilder, first: number, rows: readonly BlockParam[]): void {
  rows.forEach((p, i) => {
    const r = first + i;
    s.text(r, 0, p.label, "label");
    if (p.look === "money") s.money(r, 1, p.formula, p.expected);
    else if (p.look === "rate") s.formula(r, 1, p.formula, p.expected, "ratio", "rate");
    else s.formula(r, 1, p.formula, p.expected, "exact", p.look);
  });
}

/**
 * Writes every scenario's working block below the comparison's working block.
 *
 * @param ctx - the build (with a bonus input)
 * @param s - the comparison sheet
 * @param helper - the comparison's working block (each commune's basin under each scenario)
 * @param plans - the scenarios' bonus plans and the years shown
 * @returns the blocks, in scenario order
 */
export function writeScenarioBonusBlocks(
  ctx: Context,
  s: SheetBuilder,
  helper: HelperBlock,
  plans: NonNullable<ReturnType<typeof scenarioBonusPlans>>,
): ScenarioBonusBlock[] {
  const bonus = ctx.bonus;
  if (bonus === undefined) return [];
  const C = ctx.L.comparison;
  const count = bonus.plan.facilities.length + ctx.plan.communesReference.length;
  let top = helper.helperLast + 3;
  return ctx.scenarioPlans.map(({ scenario }, k) => {
    const sp = plans.plans[k];
    if (sp === undefined) throw new Error(`no bonus plan for scenario ${k}`);
    s.text(top, 0, C.bonusWorkTitle(scenario.name), "textBold").text(top + 1, 0, C.bonusWorkNote, "note");
    s.text(top + 2, 0, C.bonusWorkParams[0], "header").text(top + 2, 1, C.bonusWorkParams[1], "header");
    const { rows, refs } = blockParams(ctx, k, sp.params, top + 3);
    writeBlockParams(s, top + 3, rows);
    const layout = bonusBlockLayout(top + 3 + rows.length + 1, plans.years, sp.params, count);
    const block: ScenarioBonusBlock = { k, sheet: ctx.names.comparison, layout, ...sp, refs };
    writePools(s, ctx, block);
    writeTrajectoire(s, ctx, block);
    writeFacilityHeader(s, ctx, layout);
    writeBlockFacilities(facilityEnv(s, ctx, bonus, block), scenario, helper, k);
    top = layout.facilities.last + 3;
    return block;
  });
}

/** The block's facility rows: `Bonus territoire`'s facilities, then one row of added places per commune. */
function writeBlockFacilities(env: FacilityEnv, scenario: Scenario, helper: HelperBlock, k: number): void {
  const { s, ctx, bonus, layout } = env;
  const { L, lang } = ctx;
  const F = layout.facilities;
  const fc = F.cols;
  const main = bonusLayout(bonus).facilities;
  const plan = env.block.plan;
  const codes = helper.range(0, helper.refLast);
  const basins = helper.range(HELPER_BASIN_COL + k, helper.refLast);
  const own = bonus.plan.facilities.length;
  bonus.plan.facilities.forEach((fb, i) => {
    const r = F.first + i;
    const ref = (c: number): string => absRef(ctx.names.bonus, main.first + i, c);
    const f = fb.facility;
    const text = (c: number, value: string): void => {
      s.formula(r, c, `${ref(c)}&""`, value, "exact", c === fc.insee ? "code" : "text");
    };
    text(fc.name, f.name);
    text(fc.insee, f.insee);
    const basin = plan.facilities[i]?.basin ?? fb.basin;
    s.formula(
      r,
      fc.basin,
      `IFERROR(INDEX(${basins},MATCH(${localAbs(r, fc.insee)},${codes},0)),${ref(fc.basin)}&"")`,
      L.basins[basin],
      "exact",
      "text",
    );
    text(fc.kind, BONUS_KIND_LABELS[lang][f.kind]);
    const quantity = (c: number, value: number): void => {
      s.formula(r, c, ref(c), value, "exact", "integer");
    };
    quantity(fc.capacity, f.capacity / 100);
    s.money(r, fc.cej, ref(fc.cej), euros(f.formerCej));
    quantity(fc.newPlaces, f.newPlaces / 100);
    quantity(fc.reserved, f.reservedPlaces / 100);
    const blankOr = (c: number): string => `IF(${ref(c)}="","",${ref(c)})`;
    s.formula(r, fc.openingYear, blankOr(fc.openingYear), f.opening?.year ?? "", "exact", "year");
    s.formula(r, fc.openingMonth, blankOr(fc.openingMonth), f.opening?.month ?? "", "exact", "integer");
    text(fc.priorityArea, f.priorityArea ? L.yes : L.no);
    quantity(fc.missions, f.missions);
    layout.years.forEach((y, j) => writeFacilityYear(env, plan.facilities[i], r, y, j));
  });
  ctx.plan.communesReference.forEach((commune, i) => {
    const r = F.first + own + i;
    const added = plan.facilities.slice(own).find((x) => x.facility.insee === commune.insee);
    writeAddedPlacesRow(env, scenario, { r, i, k, helper, added });
  });
}

/** One commune's row of added places: the scenario's places and opening cells, an EAJE in its basin. */
function writeAddedPlacesRow(
  env: FacilityEnv,
  scenario: Scenario,
  at: {
    readonly r: number;
    readonly i: number;
    readonly k: number;
    readonly helper: HelperBlock;
    readonly added: FacilityBonus | undefined;
  },
): void {
  const { s, ctx, layout } = env;
  const { L, lang } = ctx;
  const { r, i, k } = at;
  const fc = layout.facilities.cols;
  const commune = ctx.plan.communesReference[i];
  if (commune === undefined) return;
  const B = scenarioBonusRows(ctx.plan.communesReference.length);
  const given = scenario.bonus?.places.find((p) => p.insee === commune.insee);
  const moved = Object.prototype.hasOwnProperty.call(scenario.basinOverrides, commune.insee)
    ? scenario.basinOverrides[commune.insee]
    : undefined;
  s.text(r, fc.name, SCENARIO_BONUS_LABELS[lang].places, "text");
  s.text(r, fc.commune, commune.name, "text").text(r, fc.insee, commune.insee, "code");
  const basinCell = localAbs(at.helper.refFirst + i, HELPER_BASIN_COL + k);
  s.formula(r, fc.basin, `${basinCell}&""`, L.basins[moved ?? commune.basin], "exact", "text");
  s.text(r, fc.kind, BONUS_KIND_LABELS[lang].eaje, "text");
  [fc.capacity, fc.reserved, fc.missions].forEach((c) => s.number(r, c, 0, "integer"));
  s.number(r, fc.cej, 0, "money");
  const places = scenarioCell(ctx, B.firstPlaces + i, k);
  s.formula(r, fc.newPlaces, `IF(${places}="",0,${places})`, given?.places ?? 0, "exact", "integer");
  const o = scenarioCell(ctx, B.firstOpening + i, k);
  const opening = given?.opening ?? null;
  s.formula(r, fc.openingYear, `IF(${o}="","",${o})`, opening?.year ?? "", "exact", "year");
  s.formula(r, fc.openingMonth, `IF(${o}="","",1)`, opening?.month ?? "", "exact", "integer");
  s.text(r, fc.priorityArea, L.no, "text");
  layout.years.forEach((y, j) => writeFacilityYear(env, at.added, r, y, j));
}

/** The row labels of the bonus rows of the comparison (column A). */
export function writeBonusLabels(
  ctx: Context,
  s: SheetBuilder,
  R: ComparisonRows,
  years: readonly number[],
): void {
  const rows = R.bonus;
  if (rows === null) return;
  const C = ctx.L.comparison;
  s.text(rows.first - 1, 0, C.bonusTitle, "textBold");
  s.text(rows.diffFirst - 1, 0, C.bonusDiffTitle, "textBold");
  for (const first of [rows.first, rows.diffFirst]) {
    BASINS.forEach((b, i) => {
      const name = ctx.L.basins[b];
      const base = first + i * (years.length + 1);
      years.forEach((y, j) => s.text(base + j, 0, C.bonusRow(name, y), "label"));
      s.text(base + years.length, 0, C.bonusRowTotal(name), "labelTotal");
    });
  }
}

/** A scenario's column of bonus rows: per basin and year from its block, and the difference with the current plan. */
export function writeBonusColumn(
  ctx: Context,
  s: SheetBuilder,
  R: ComparisonRows,
  block: ScenarioBonusBlock,
): void {
  const rows = R.bonus;
  const bonus = ctx.bonus;
  if (rows === null || bonus === undefined) return;
  const col = COMPARISON_FIRST_COL + block.k;
  const { years } = block.layout;
  const main = bonusLayout(bonus);
  const fc = block.layout.facilities.cols;
  const range = (c: number): string => facilityRange(block.sheet, block.layout, c);
  BASINS.forEach((b, i) => {
    const label = stringLiteral(ctx.L.basins[b]);
    const totals = block.plan.byBasin.find((t) => t.key === b);
    const current = bonus.plan.byBasin.find((t) => t.key === b);
    const base = rows.first + i * (years.length + 1);
    const diffBase = rows.diffFirst + i * (years.length + 1);
    const values = years.map((y) => totals?.byYear[block.plan.years.indexOf(y)] ?? (0 as Cents));
    const currents = years.map((y) => current?.byYear[bonus.plan.years.indexOf(y)] ?? (0 as Cents));
    years.forEach((y, j) => {
      s.money(
        base + j,
        col,
        `SUMIFS(${range(fc.total(j))},${range(fc.basin)},${label})`,
        euros(values[j] as Cents),
      );
      const m = bonus.plan.years.indexOf(y);
      const there = m < 0 ? "0" : absRef(ctx.names.bonus, main.basins.first + i, 1 + m);
      const diff = (values[j] as number) - (currents[j] as number);
      s.money(diffBase + j, col, `${localAbs(base + j, col)}-${there}`, diff / 100);
    });
    const last = years.length;
    const total = sumCents(values);
    s.money(
      base + last,
      col,
      `SUM(${localAbs(base, col)}:${localAbs(base + last - 1, col)})`,
      euros(total),
      "moneyTotal",
    );
    const mainTotal = absRef(ctx.names.bonus, main.basins.first + i, 1 + bonus.plan.years.length);
    s.money(
      diffBase + last,
      col,
      `${localAbs(base + last, col)}-${mainTotal}`,
      (total - (current?.total ?? 0)) / 100,
      "moneyTotal",
    );
  });
}
