/**
 * `Bonus territoire` (issue #14): the plan per basin and year with its chart, the smoothed pools per
 * basin and kind, the trajectoire per basin, and one row per facility and year, all live formulas over
 * `Équipements CTG`, `Communes CTG` and the bonus parameters, each expected to equal the engine
 * (src/core/bonus.ts, docs/rules.md § 7) to the cent.
 */

import {
  quoteSheet,
  smoothedPool,
  type FacilityBonus,
  type BonusParams,
  type BonusPlan,
  addCents,
  applyRate,
  centsToEuros,
  sumCents,
  type Basin,
  type BonusKind,
  type Cents,
  type Facility,
  type Hundredths,
  BASINS,
} from "../../core";
import { BONUS_KIND_LABELS, OPERATOR_KIND_LABELS } from "../../i18n";
import { communesColumn, printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { COMMUNES_LAYOUT, PARAM_VALUE_COL } from "../schema";
import { absColumnRange, localAbs, SheetBuilder, stringLiteral } from "../sheet-builder";
import {
  absoluteAddress,
  bonusLayout,
  bonusNames,
  bonusParamRows,
  facilityCell,
  facilityRange,
  inCtg,
  nameRefs,
  rawLiteral,
  SMOOTHED_KINDS,
  sortedSteps,
  sortedUplifts,
  type BonusBlockLayout,
  type BonusLayout,
  type BonusRefs,
  type BonusReportInput,
} from "./bonus-layout";

const euros = centsToEuros;

/** Each smoothed pool's amounts, as the engine makes them: base, after each uplift, per plan year. */
export interface PoolFigures {
  readonly basin: Basin;
  readonly kind: BonusKind;
  readonly formerCej: Cents;
  readonly capacity: Hundredths;
  readonly rate: Cents;
  readonly floor: Cents;
  readonly floorApplied: boolean;
  readonly base: Cents;
  readonly afterUplift: readonly Cents[];
  readonly byYear: readonly Cents[];
}

/**
 * The pools of every basin and smoothed kind (zero where the basin has no facility of the kind).
 *
 * @param bonus - the parameters and the engine's plan
 * @param years - the years of the columns (default: the plan's)
 * @returns one per basin × smoothed kind, in layout order
 */
export function poolFigures(
  bonus: { readonly params: BonusParams; readonly plan: BonusPlan },
  years: readonly number[] = bonus.plan.years,
): PoolFigures[] {
  const { params, plan } = bonus;
  const uplifts = sortedUplifts(params);
  return BASINS.flatMap((basin) =>
    SMOOTHED_KINDS.map((kind) => {
      const group = plan.facilities.filter((f) => f.basin === basin && f.facility.kind === kind);
      const formerCej = sumCents(group.map((f) => f.facility.formerCej));
      const capacity = group.reduce((t, f) => t + f.facility.capacity, 0) as Hundredths;
      const floor = params.floor[kind];
      const { rate, floorApplied, pool } = smoothedPool(formerCej, capacity, floor);
      const uplifted = params.upliftKinds.includes(kind);
      const afterUplift: Cents[] = [];
      let acc = pool;
      for (const u of uplifts) {
        if (uplifted) acc = addCents(acc, applyRate(acc, u.rate));
        afterUplift.push(acc);
      }
      const byYear = years.map((y) => {
        const i = uplifts.reduce((last, u, k) => (u.year <= y ? k : last), -1);
        return i < 0 ? pool : (afterUplift[i] ?? pool);
      });
      return { basin, kind, formerCej, capacity, rate, floor, floorApplied, base: pool, afterUplift, byYear };
    }),
  );
}

/**
 * One computing block (pools, trajectoire, facility rows) and what its formulas and expected values
 * come from: `Bonus territoire`'s, or a scenario's working block on `Comparaison scénarios`.
 */
export interface BonusBlock {
  /** The sheet the block is on. */
  readonly sheet: string;
  readonly layout: BonusBlockLayout;
  /** The parameters and the engine's plan the expected values come from. */
  readonly params: BonusParams;
  readonly plan: BonusPlan;
  /** Where the formulas read the parameters. */
  readonly refs: BonusRefs;
}

/** The new place rates' range on `Paramètres CTG`. */
export function trancheRange(ctx: Context, params: BonusParams): string {
  const rows = bonusParamRows(params, ctx.L, ctx.lang).filter((p) =>
    params.newPlaceRates.some((_, i) => p.name === bonusNames.newPlaceRate(i)),
  );
  return absColumnRange(
    ctx.names.parameters,
    PARAM_VALUE_COL,
    rows[0]?.row ?? 0,
    rows[rows.length - 1]?.row ?? 0,
  );
}

/**
 * Builds `Bonus territoire` (layout in {@link bonusLayout}).
 *
 * @param ctx - the build (with a bonus input)
 * @returns the sheet
 */
export function buildBonusTerritoire(ctx: Context): ReportSheet {
  const bonus = ctx.bonus;
  if (bonus === undefined) throw new Error("buildBonusTerritoire: no bonus input");
  const T = ctx.L.bonus.territoire;
  const layout = bonusLayout(bonus);
  const s = new SheetBuilder("bonus", ctx.names.bonus);
  s.text(0, 0, T.title, "title").text(1, 0, T.subtitle, "subtitle");
  writeBasins(s, ctx, bonus, layout);
  writeChart(s, ctx, bonus, layout);
  const block: BonusBlock = {
    sheet: ctx.names.bonus,
    layout,
    params: bonus.params,
    plan: bonus.plan,
    refs: nameRefs(trancheRange(ctx, bonus.params)),
  };
  writePools(s, ctx, block);
  writeTrajectoire(s, ctx, block);
  writeFacilityHeader(s, ctx, layout);
  const env = facilityEnv(s, ctx, bonus, block);
  bonus.plan.facilities.forEach((fb, i) => writeFacility(env, fb, layout.facilities.first + i));
  writeFacilityTotals(s, ctx, bonus, layout);
  const F = layout.facilities;
  const fc = F.cols;
  const widths = Array.from({ length: fc.negative + 1 }, (_, c) =>
    c === 0 ? 42 : c === 1 ? 34 : c < 16 ? 14 : c >= fc.line ? 11 : 15,
  );
  s.widthsFrom(widths);
  return s.build(printSetup(ctx, "bonus", [F.header + 1, F.header + 1]), "70AD47");
}

/** The plan per basin and year: a SUMIFS over the facility rows each, a total per basin and per year. */
function writeBasins(s: SheetBuilder, ctx: Context, bonus: BonusReportInput, layout: BonusLayout): void {
  const { L } = ctx;
  const T = L.bonus.territoire;
  const { years } = layout;
  const B = layout.basins;
  const F = layout.facilities;
  const fc = F.cols;
  const col = (c: number): string => facilityRange(ctx.names.bonus, layout, c);
  s.text(B.header - 1, 0, T.basinTitle, "textBold");
  s.text(B.header, 0, T.basin, "header");
  years.forEach((y, j) => s.text(B.header, 1 + j, String(y), "header"));
  s.text(B.header, 1 + years.length, T.total, "header");
  BASINS.forEach((b, i) => {
    const r = B.first + i;
    const totals = bonus.plan.byBasin.find((t) => t.key === b);
    s.text(r, 0, L.basins[b], "textBold");
    years.forEach((_, j) => {
      const formula =
        F.last < F.first ? "0" : `SUMIFS(${col(fc.total(j))},${col(fc.basin)},${localAbs(r, 0)})`;
      s.money(r, 1 + j, formula, euros(totals?.byYear[j] ?? (0 as Cents)));
    });
    s.money(
      r,
      1 + years.length,
      `SUM(${localAbs(r, 1)}:${localAbs(r, years.length)})`,
      euros(totals?.total ?? (0 as Cents)),
      "moneyBold",
    );
  });
  s.text(B.total, 0, T.total, "labelTotal");
  for (let j = 0; j <= years.length; j++) {
    const expected = j < years.length ? (bonus.plan.byYear[j] ?? 0) : bonus.plan.total;
    s.money(
      B.total,
      1 + j,
      `SUM(${localAbs(B.first, 1 + j)}:${localAbs(B.total - 1, 1 + j)})`,
      euros(expected as Cents),
      "moneyTotal",
    );
  }
}

/** The chart of the plan per basin and year, over the rows {@link writeBasins} writes. */
function writeChart(s: SheetBuilder, ctx: Context, bonus: BonusReportInput, layout: BonusLayout): void {
  const { L } = ctx;
  const { years } = layout;
  const B = layout.basins;
  const own = quoteSheet(ctx.names.bonus);
  s.chart({
    title: L.bonus.territoire.chartTitle,
    from: { row: layout.chart.fromRow, col: 0 },
    to: { row: layout.chart.fromRow + layout.chart.rows, col: layout.chart.cols },
    categories: {
      ref: `${own}!${localAbs(B.header, 1)}:${localAbs(B.header, years.length)}`,
      cache: years.map(String),
    },
    series: BASINS.map((b, i) => ({
      name: L.basins[b],
      ref: `${own}!${localAbs(B.first + i, 1)}:${localAbs(B.first + i, years.length)}`,
      cache: years.map((_, j) =>
        euros(bonus.plan.byBasin.find((t) => t.key === b)?.byYear[j] ?? (0 as Cents)),
      ),
      color: i === 0 ? "5B9BD5" : "ED7D31",
    })),
    valueFormat: '#,##0\\ "€"',
  });
}

/** The facilities block's title, note and column headers. */
export function writeFacilityHeader(s: SheetBuilder, ctx: Context, layout: BonusBlockLayout): void {
  const T = ctx.L.bonus.territoire;
  const F = layout.facilities;
  const fc = F.cols;
  s.text(F.title, 0, T.facilitiesTitle, "textBold");
  s.text(F.note, 0, T.facilitiesNote, "subtitle");
  T.facilityHeader.forEach((h, c) => s.text(F.header, c, h, "header"));
  layout.years.forEach((y, j) => {
    s.text(F.header, fc.total(j), T.yearTotal(y), "header");
    s.text(F.header, fc.existing(j), T.existing(y), "header");
    s.text(F.header, fc.newAmount(j), T.newPlaces(y), "header");
    s.text(F.header, fc.trajectoire(j), T.trajectoire(y), "header");
    s.text(F.header, fc.missionsAmount(j), T.missions(y), "header");
  });
  s.text(F.header, fc.allYears, T.total, "header");
  [fc.line, fc.communeBad, fc.kindBad, fc.negative].forEach((c, i) =>
    s.text(F.header, c, T.flags[i] ?? "", "header"),
  );
}

/** What every facility row reads: the sheet, its block, and the ranges its formulas share. */
export interface FacilityEnv {
  readonly s: SheetBuilder;
  readonly ctx: Context;
  /** The build's bonus input (the facilities table as read). */
  readonly bonus: BonusReportInput;
  readonly block: BonusBlock;
  readonly layout: BonusBlockLayout;
  /** A column of the facility rows (all of them, or rows `from`..`to`). */
  readonly col: (c: number, from?: number, to?: number) => string;
  /** `Communes CTG`'s INSEE codes, names and basins. */
  readonly codes: string;
  readonly names: string;
  readonly basins: string;
  /** A column of the pools, of the trajectoire. */
  readonly poolCol: (c: number) => string;
  readonly trajCol: (c: number) => string;
  /** The pro rata « full year » as a literal. */
  readonly fullYear: string;
}

/**
 * The environment of a block's facility rows.
 *
 * @param s - the sheet
 * @param ctx - the build
 * @param bonus - the build's bonus input
 * @param block - the block
 * @returns the environment
 */
export function facilityEnv(
  s: SheetBuilder,
  ctx: Context,
  bonus: BonusReportInput,
  block: BonusBlock,
): FacilityEnv {
  const { L } = ctx;
  const { layout } = block;
  const name = block.sheet;
  const C = COMMUNES_LAYOUT.cols;
  const P = layout.pools;
  const TJ = layout.trajectoire;
  return {
    s,
    ctx,
    bonus,
    block,
    layout,
    col: (c, from, to) => facilityRange(name, layout, c, from, to),
    codes: communesColumn(ctx, C.insee),
    names: communesColumn(ctx, C.name),
    basins: communesColumn(ctx, C.basin),
    poolCol: (c) => absColumnRange(name, c, P.first, P.last),
    trajCol: (c) => absColumnRange(name, c, TJ.first, TJ.last),
    fullYear: stringLiteral(L.bonus.proRata["full-year"]),
  };
}

/** One facility's row: what was read (live where it can be), the amounts per year, the flags. */
function writeFacility(env: FacilityEnv, fb: FacilityBonus, r: number): void {
  const { s, ctx, layout } = env;
  const fc = layout.facilities.cols;
  const here = (c: number): string => localAbs(r, c);
  writeFacilityNames(env, fb.facility, r);
  writeFacilityPlace(env, fb, r);
  writeFacilityQuantities(env, fb.facility, r);
  layout.years.forEach((y, j) => writeFacilityYear(env, fb, r, y, j));
  s.money(
    r,
    fc.allYears,
    `SUM(${here(fc.total(0))}:${here(fc.total(layout.years.length - 1))})`,
    euros(fb.total),
    "moneyBold",
  );
  s.number(r, fc.line, fb.facility.sheetRow, "integer");
  s.formula(r, fc.communeBad, `IF(${here(fc.insee)}="",1,0)`, 0, "exact", "integer");
  const Kc = here(fc.kind);
  const kinds = Object.values(BONUS_KIND_LABELS[ctx.lang]).map((k) => `(${Kc}<>${stringLiteral(k)})`);
  s.formula(r, fc.kindBad, `IF(${kinds.join("*")},1,0)`, 0, "exact", "integer");
  const quantities = [fc.capacity, fc.newPlaces, fc.reserved, fc.missions].map(here).join(",");
  s.formula(r, fc.negative, `IF(MIN(${quantities})<0,1,0)`, 0, "exact", "integer");
}

/** The facility's and the operator's names (live when the cell still holds them), the operator's kind. */
function writeFacilityNames(env: FacilityEnv, f: Facility, r: number): void {
  const { s, bonus } = env;
  const fc = env.layout.facilities.cols;
  const textRef = (field: "facility" | "operator", value: string, c: number): void => {
    const raw = facilityCell(bonus, f, field, 0).raw;
    if (bonus.read.mapping[field] !== undefined && raw === value)
      s.formula(r, c, `${absoluteAddress(f.cells[field])}&""`, value, "exact", "text");
    else if (value !== "") s.text(r, c, value, "text");
  };
  textRef("facility", f.name, fc.name);
  textRef("operator", f.operator, fc.operator);
  s.text(r, fc.operatorKind, OPERATOR_KIND_LABELS[env.ctx.lang][f.operatorKind], "text");
}

/**
 * Commune, INSEE code and basin: the cell as read keeps the commune found; another text is looked up
 * by name in Communes CTG (unknown: empty, no bonus, and Contrôles says so). Then domain and kind.
 */
function writeFacilityPlace(env: FacilityEnv, fb: FacilityBonus, r: number): void {
  const { s, bonus, codes, names, basins } = env;
  const { L, lang } = env.ctx;
  const f = fb.facility;
  const fc = env.layout.facilities.cols;
  const lit = stringLiteral;
  const here = (c: number): string => localAbs(r, c);
  const communeAddress = absoluteAddress(f.cells.commune);
  const communeRaw = facilityCell(bonus, f, "commune", 0).raw;
  s.formula(
    r,
    fc.insee,
    `IF(${communeAddress}=${rawLiteral(communeRaw)},${lit(f.insee)},IFERROR(INDEX(${codes},MATCH(${communeAddress},${names},0)),""))`,
    f.insee,
    "exact",
    "code",
  );
  const byCode = (range: string): string => `IFERROR(INDEX(${range},MATCH(${here(fc.insee)},${codes},0)),"")`;
  s.formula(r, fc.commune, byCode(names), f.commune, "exact", "text");
  s.formula(r, fc.basin, byCode(basins), L.basins[fb.basin], "exact", "text");
  if (f.domain !== "") s.text(r, fc.domain, f.domain, "text");
  const kind = facilityCell(bonus, f, "kind", 0);
  const kindAddress = absoluteAddress(f.cells.kind);
  const kindLabel = BONUS_KIND_LABELS[lang][f.kind];
  s.formula(
    r,
    fc.kind,
    `IF(${kindAddress}=${rawLiteral(kind.raw)},${lit(kindLabel)},${kindAddress}&"")`,
    kindLabel,
    "exact",
    "text",
  );
}

/** Capacity, former CEJ, new and reserved places, opening, priority area, RPE missions. */
function writeFacilityQuantities(env: FacilityEnv, f: Facility, r: number): void {
  const { s, bonus } = env;
  const { L } = env.ctx;
  const fc = env.layout.facilities.cols;
  const quantity = (field: "capacity" | "newPlaces" | "reservedPlaces", c: number, value: number): void => {
    const cell = facilityCell(bonus, f, field, value);
    s.formula(r, c, cell.ref, value, "exact", "integer");
  };
  quantity("capacity", fc.capacity, f.capacity / 100);
  const cej = facilityCell(bonus, f, "formerCej", euros(f.formerCej));
  s.money(r, fc.cej, cej.ref, euros(f.formerCej));
  quantity("newPlaces", fc.newPlaces, f.newPlaces / 100);
  quantity("reservedPlaces", fc.reserved, f.reservedPlaces / 100);
  if (f.opening !== null) {
    s.number(r, fc.openingYear, f.opening.year, "year");
    s.number(r, fc.openingMonth, f.opening.month, "integer");
  }
  s.text(r, fc.priorityArea, f.priorityArea ? L.yes : L.no, "text");
  const missions = facilityCell(bonus, f, "missions", f.missions);
  s.formula(r, fc.missions, missions.ref, f.missions, "exact", "integer");
}

/**
 * Existing: the RPE's flat amount; else the share of its basin and kind's pool by capacity, the last
 * facility with capacity taking the rest (the engine's allocate).
 */
export function existingFormula(env: FacilityEnv, r: number, j: number): string {
  const { col, poolCol, layout } = env;
  const F = layout.facilities;
  const fc = F.cols;
  const P = layout.pools;
  const [Bc, Kc, Cc, Ec] = [fc.basin, fc.kind, fc.capacity, fc.cej].map((c) => localAbs(r, c));
  const pool = `SUMIFS(${poolCol(P.cols.year(j))},${poolCol(P.cols.basin)},${Bc},${poolCol(P.cols.kind)},${Kc})`;
  const sumCap = `SUMIFS(${col(fc.capacity)},${col(fc.basin)},${Bc},${col(fc.kind)},${Kc})`;
  const below =
    r === F.last
      ? "TRUE"
      : `COUNTIFS(${col(fc.basin, r + 1)},${Bc},${col(fc.kind, r + 1)},${Kc},${col(fc.capacity, r + 1)},">0")=0`;
  const above =
    r === F.first
      ? "0"
      : `SUMIFS(${col(fc.existing(j), F.first, r - 1)},${col(fc.basin, F.first, r - 1)},${Bc},${col(fc.kind, F.first, r - 1)},${Kc})`;
  const share = `IF(${below},${pool}-${above},ROUND(${pool}*${Cc}/${sumCap},2))`;
  const { rpeFlat } = env.block.refs;
  const rpe = `IF(${rpeFlat}="",${Ec},${rpeFlat})`;
  return `IF(${Kc}="RPE",${rpe},IF(${Cc}>0,${share},0))`;
}

/**
 * One facility's amounts for year `y` (column index `j`): existing, new places, trajectoire, missions,
 * total; the expected values are the engine's for that year (0 outside the plan's years).
 */
export function writeFacilityYear(
  env: FacilityEnv,
  fb: FacilityBonus | undefined,
  r: number,
  y: number,
  j: number,
): void {
  const { s, trajCol, fullYear } = env;
  const R = env.block.refs;
  const { L } = env.ctx;
  const fc = env.layout.facilities.cols;
  const TJ = env.layout.trajectoire;
  const here = (c: number): string => localAbs(r, c);
  const [Bc, Kc, Cc, Nc, Rc, OY, OM] = [
    fc.basin,
    fc.kind,
    fc.capacity,
    fc.newPlaces,
    fc.reserved,
    fc.openingYear,
    fc.openingMonth,
  ].map(here);
  const part = fb?.years.find((x) => x.year === y);
  const Y = String(y);
  const ctg = `(${inCtg(Bc!, Y, L, R)})`;
  s.money(r, fc.existing(j), `${existingFormula(env, r, j)}*${ctg}`, euros(part?.existing ?? (0 as Cents)));
  // New places: twelfths of the year from the opening month (the whole year after).
  const tw = `IF(${OY}="",0,IF(${Y}<${OY},0,IF((${Y}>${OY})+(${R.proRata}=${fullYear}),12,13-${OM})))`;
  const rate = `IF(${here(fc.priorityArea)}=${stringLiteral(L.yes)},${R.priorityAreaRate},INDEX(${R.newPlaceRates},${R.tranche}))`;
  s.money(
    r,
    fc.newAmount(j),
    `IF(${Kc}="EAJE",1,0)*${ctg}*(ROUND((${Nc}-${Rc})*${rate}*${tw}/12,2)+ROUND(${Rc}*${R.reservedPlaceRate}*${tw}/12,2))`,
    euros(part?.newPlaces ?? (0 as Cents)),
  );
  const perPlace = `SUMIFS(${trajCol(TJ.cols.perPlace)},${trajCol(TJ.cols.basin)},${Bc})`;
  s.money(
    r,
    fc.trajectoire(j),
    `IF(${Kc}="EAJE",1,0)*${ctg}*(${Y}>=${R.trajectoireFirstYear})*ROUND((${Cc}*12+${Nc}*${tw})*${perPlace}/12,2)`,
    euros(part?.trajectoire ?? (0 as Cents)),
  );
  s.money(
    r,
    fc.missionsAmount(j),
    `IF(${Kc}="RPE",1,0)*${ctg}*ROUND(${here(fc.missions)}*${R.rpeMission},2)`,
    euros(part?.missions ?? (0 as Cents)),
  );
  const parts = [fc.existing(j), fc.newAmount(j), fc.trajectoire(j), fc.missionsAmount(j)].map(here);
  s.money(r, fc.total(j), parts.join("+"), euros(part?.total ?? (0 as Cents)), "moneyBold");
}

/** The amount columns of a facility year, in the order their totals are written, with the engine's part. */
const YEAR_PARTS: readonly {
  readonly col: (fc: BonusLayout["facilities"]["cols"], j: number) => number;
  readonly pick: (y: FacilityBonus["years"][number]) => Cents;
}[] = [
  { col: (fc, j) => fc.total(j), pick: (y) => y.total },
  { col: (fc, j) => fc.existing(j), pick: (y) => y.existing },
  { col: (fc, j) => fc.newAmount(j), pick: (y) => y.newPlaces },
  { col: (fc, j) => fc.trajectoire(j), pick: (y) => y.trajectoire },
  { col: (fc, j) => fc.missionsAmount(j), pick: (y) => y.missions },
];

/** The totals of the facility rows (none without a facility). */
function writeFacilityTotals(
  s: SheetBuilder,
  ctx: Context,
  bonus: BonusReportInput,
  layout: BonusLayout,
): void {
  const F = layout.facilities;
  const fc = F.cols;
  if (F.last < F.first) return;
  s.text(F.total, 0, ctx.L.bonus.territoire.total, "labelTotal");
  const sum = (c: number, expected: Cents): void => {
    s.money(F.total, c, `SUM(${localAbs(F.first, c)}:${localAbs(F.last, c)})`, euros(expected), "moneyTotal");
  };
  const by = (pick: (y: FacilityBonus["years"][number]) => Cents, j: number): Cents =>
    sumCents(bonus.plan.facilities.map((f) => (f.years[j] ? pick(f.years[j]) : (0 as Cents))));
  layout.years.forEach((_, j) => YEAR_PARTS.forEach((p) => sum(p.col(fc, j), by(p.pick, j))));
  sum(fc.allYears, bonus.plan.total);
  sum(fc.cej, sumCents(bonus.plan.facilities.map((f) => f.facility.formerCej)));
}

/** The smoothed pools per basin and kind: Σ former CEJ, Σ capacity, rate, floor, pool, uplifts, pool per year. */
export function writePools(s: SheetBuilder, ctx: Context, block: BonusBlock): void {
  const { L, lang } = ctx;
  const { layout, refs } = block;
  const T = L.bonus.territoire;
  const P = layout.pools;
  const pc = P.cols;
  const F = layout.facilities;
  const fcol = (c: number): string => facilityRange(block.sheet, layout, c);
  s.text(P.title, 0, T.poolTitle, "textBold");
  T.poolHeader.forEach((h, c) => s.text(P.header, c, h, "header"));
  const uplifts = sortedUplifts(block.params);
  uplifts.forEach((u, i) => s.text(P.header, pc.uplift(i), T.afterUplift(u.year), "header"));
  layout.years.forEach((y, j) => s.text(P.header, pc.year(j), T.poolYear(y), "header"));
  poolFigures(block, layout.years).forEach((p, i) => {
    const r = P.first + i;
    const at = (c: number): string => localAbs(r, c);
    s.text(r, pc.basin, L.basins[p.basin], "textBold");
    s.text(r, pc.kind, BONUS_KIND_LABELS[lang][p.kind], "text");
    const none = F.last < F.first;
    const sumIf = (c: number): string =>
      none
        ? "0"
        : `SUMIFS(${fcol(c)},${fcol(F.cols.basin)},${at(pc.basin)},${fcol(F.cols.kind)},${at(pc.kind)})`;
    s.money(r, pc.cej, sumIf(F.cols.cej), euros(p.formerCej));
    s.formula(r, pc.capacity, sumIf(F.cols.capacity), p.capacity / 100, "exact", "integer");
    s.money(r, pc.rate, `IF(${at(pc.capacity)}=0,0,${at(pc.cej)}/${at(pc.capacity)})`, euros(p.rate));
    s.money(r, pc.floor, refs.floor(p.kind), euros(p.floor));
    const applies = `(${at(pc.capacity)}>0)*(${at(pc.rate)}<${at(pc.floor)})`;
    s.formula(
      r,
      pc.floorApplied,
      `IF(${applies},${stringLiteral(L.yes)},${stringLiteral(L.no)})`,
      p.floorApplied ? L.yes : L.no,
      "exact",
      "text",
    );
    s.money(
      r,
      pc.base,
      `IF(${applies},ROUND(${at(pc.capacity)}*${at(pc.floor)},2),${at(pc.cej)})`,
      euros(p.base),
    );
    const uplifted = `IF(${refs.upliftKind(p.kind)}=${stringLiteral(L.yes)},1,0)`;
    uplifts.forEach((_, k) => {
      const prev = at(k === 0 ? pc.base : pc.uplift(k - 1));
      s.money(
        r,
        pc.uplift(k),
        `${prev}+ROUND(${prev}*${refs.uplift(k)}*${uplifted},2)`,
        euros(p.afterUplift[k] ?? p.base),
      );
    });
    layout.years.forEach((y, j) => {
      const k = uplifts.reduce((last, u, idx) => (u.year <= y ? idx : last), -1);
      s.money(r, pc.year(j), at(k < 0 ? pc.base : pc.uplift(k)), euros(p.byYear[j] ?? p.base), "moneyBold");
    });
  });
}

/** The trajectoire per basin: EAJE places at the end of the base and target years, growth, step reached. */
export function writeTrajectoire(s: SheetBuilder, ctx: Context, block: BonusBlock): void {
  const { L } = ctx;
  const { layout, refs } = block;
  const T = L.bonus.territoire;
  const TJ = layout.trajectoire;
  const tc = TJ.cols;
  const F = layout.facilities;
  const fcol = (c: number): string => facilityRange(block.sheet, layout, c);
  const params = block.params;
  s.text(TJ.title, 0, T.trajectoireTitle, "textBold");
  T.trajectoireHeader(params.trajectoireBaseYear, params.trajectoireTargetYear).forEach((h, c) =>
    s.text(TJ.header, c, h, "header"),
  );
  const steps = sortedSteps(params);
  steps.forEach((_, k) => s.text(TJ.header, tc.reached(k), T.reached(k + 1), "header"));
  s.text(TJ.header, tc.perPlace, T.perPlace, "header");
  const eaje = stringLiteral(BONUS_KIND_LABELS[ctx.lang].eaje);
  BASINS.forEach((b, i) => {
    const r = TJ.first + i;
    const at = (c: number): string => localAbs(r, c);
    const t = block.plan.trajectoire.find((x) => x.basin === b);
    const base = t?.basePlaces ?? 0;
    const target = t?.targetPlaces ?? 0;
    s.text(r, tc.basin, L.basins[b], "textBold");
    const places = (yearName: string): string =>
      F.last < F.first
        ? "0"
        : `SUMIFS(${fcol(F.cols.capacity)},${fcol(F.cols.basin)},${at(tc.basin)},${fcol(F.cols.kind)},${eaje})+SUMIFS(${fcol(F.cols.newPlaces)},${fcol(F.cols.basin)},${at(tc.basin)},${fcol(F.cols.kind)},${eaje},${fcol(F.cols.openingYear)},"<="&${yearName})`;
    s.formula(r, tc.base, places(refs.trajectoireBaseYear), base / 100, "exact", "integer");
    s.formula(r, tc.target, places(refs.trajectoireTargetYear), target / 100, "exact", "integer");
    s.formula(
      r,
      tc.growth,
      `IF(${at(tc.base)}>0,(${at(tc.target)}-${at(tc.base)})/${at(tc.base)},0)`,
      base > 0 ? (target - base) / base : 0,
      "ratio",
      "ratio",
    );
    steps.forEach((step, k) => {
      const reached = base > 0 && BigInt(target - base) * 1_000_000n >= BigInt(step.threshold) * BigInt(base);
      s.formula(
        r,
        tc.reached(k),
        `IF(${at(tc.base)}>0,IF(ROUND(${at(tc.target)}-${at(tc.base)}-${refs.threshold(k)}*${at(tc.base)},8)>=0,1,0),0)`,
        reached ? 1 : 0,
        "exact",
        "integer",
      );
    });
    // The highest step reached (the thresholds are ascending; Contrôles checks they stay so).
    let amount = "0";
    steps.forEach((_, k) => {
      amount = `IF(${at(tc.reached(k))}=1,${refs.perPlace(k)},${amount})`;
    });
    s.money(r, tc.perPlace, amount, euros(t?.step?.perPlace ?? (0 as Cents)), "moneyBold");
  });
}
