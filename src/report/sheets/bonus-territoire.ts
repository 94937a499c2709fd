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
  addCents,
  applyRate,
  centsToEuros,
  sumCents,
  type Basin,
  type BonusKind,
  type Cents,
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
  rawLiteral,
  SMOOTHED_KINDS,
  sortedSteps,
  sortedUplifts,
  type BonusLayout,
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
 * @param bonus - the build's bonus input
 * @returns one per basin × smoothed kind, in layout order
 */
export function poolFigures(bonus: BonusReportInput): PoolFigures[] {
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
      const byYear = plan.years.map((y) => {
        const i = uplifts.reduce((last, u, k) => (u.year <= y ? k : last), -1);
        return i < 0 ? pool : (afterUplift[i] ?? pool);
      });
      return { basin, kind, formerCej, capacity, rate, floor, floorApplied, base: pool, afterUplift, byYear };
    }),
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
  const { L, lang } = ctx;
  const T = L.bonus.territoire;
  const name = ctx.names.bonus;
  const layout = bonusLayout(bonus);
  const { years } = layout;
  const s = new SheetBuilder("bonus", name);
  const lit = stringLiteral;
  const F = layout.facilities;
  const fc = F.cols;
  const col = (c: number): string => facilityRange(name, layout, c);
  const kindLabel = (k: BonusKind): string => BONUS_KIND_LABELS[lang][k];

  s.text(0, 0, T.title, "title").text(1, 0, T.subtitle, "subtitle");

  // Plan per basin and year, and its chart.
  const B = layout.basins;
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
  const own = quoteSheet(name);
  s.chart({
    title: T.chartTitle,
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

  writePools(s, ctx, bonus, layout);
  writeTrajectoire(s, ctx, bonus, layout);

  // Facilities.
  s.text(F.title, 0, T.facilitiesTitle, "textBold");
  s.text(F.note, 0, T.facilitiesNote, "subtitle");
  T.facilityHeader.forEach((h, c) => s.text(F.header, c, h, "header"));
  years.forEach((y, j) => {
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

  const C = COMMUNES_LAYOUT.cols;
  const codes = communesColumn(ctx, C.insee);
  const names = communesColumn(ctx, C.name);
  const basins = communesColumn(ctx, C.basin);
  const P = layout.pools;
  const poolCol = (c: number): string => absColumnRange(name, c, P.first, P.last);
  const TJ = layout.trajectoire;
  const trajCol = (c: number): string => absColumnRange(name, c, TJ.first, TJ.last);
  const trancheRows = bonusParamRows(bonus.params, L, lang).filter((p) =>
    bonus.params.newPlaceRates.some((_, i) => p.name === bonusNames.newPlaceRate(i)),
  );
  const trancheRange = absColumnRange(
    ctx.names.parameters,
    PARAM_VALUE_COL,
    trancheRows[0]?.row ?? 0,
    trancheRows[trancheRows.length - 1]?.row ?? 0,
  );
  const fullYear = lit(L.bonus.proRata["full-year"]);

  bonus.plan.facilities.forEach((fb: FacilityBonus, i) => {
    const f = fb.facility;
    const r = F.first + i;
    const here = (c: number): string => localAbs(r, c);
    const textRef = (field: "facility" | "operator", value: string, c: number): void => {
      const raw = facilityCell(bonus, f, field, 0).raw;
      if (bonus.read.mapping[field] !== undefined && raw === value)
        s.formula(r, c, `${absoluteAddress(f.cells[field])}&""`, value, "exact", "text");
      else if (value !== "") s.text(r, c, value, "text");
    };
    textRef("facility", f.name, fc.name);
    textRef("operator", f.operator, fc.operator);
    s.text(r, fc.operatorKind, OPERATOR_KIND_LABELS[lang][f.operatorKind], "text");

    // Commune, INSEE code and basin: the cell as read keeps the commune found; another text is looked
    // up by name in Communes CTG (unknown: empty, no bonus, and Contrôles says so).
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
    s.formula(
      r,
      fc.commune,
      `IFERROR(INDEX(${names},MATCH(${here(fc.insee)},${codes},0)),"")`,
      f.commune,
      "exact",
      "text",
    );
    s.formula(
      r,
      fc.basin,
      `IFERROR(INDEX(${basins},MATCH(${here(fc.insee)},${codes},0)),"")`,
      L.basins[fb.basin],
      "exact",
      "text",
    );
    if (f.domain !== "") s.text(r, fc.domain, f.domain, "text");
    const kind = facilityCell(bonus, f, "kind", 0);
    const kindAddress = absoluteAddress(f.cells.kind);
    s.formula(
      r,
      fc.kind,
      `IF(${kindAddress}=${rawLiteral(kind.raw)},${lit(kindLabel(f.kind))},${kindAddress}&"")`,
      kindLabel(f.kind),
      "exact",
      "text",
    );
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

    const Bc = here(fc.basin);
    const Kc = here(fc.kind);
    const Cc = here(fc.capacity);
    const Ec = here(fc.cej);
    const Nc = here(fc.newPlaces);
    const Rc = here(fc.reserved);
    const OY = here(fc.openingYear);
    const OM = here(fc.openingMonth);
    const isLast = r === F.last;
    years.forEach((y, j) => {
      const part = fb.years[j];
      const Y = String(y);
      const ctg = `(${inCtg(Bc, Y, L)})`;
      // Existing: the RPE's flat amount; else the share of its basin and kind's pool by capacity,
      // the last facility with capacity taking the rest (the engine's allocate).
      const pool = `SUMIFS(${poolCol(P.cols.year(j))},${poolCol(P.cols.basin)},${Bc},${poolCol(P.cols.kind)},${Kc})`;
      const sumCap = `SUMIFS(${col(fc.capacity)},${col(fc.basin)},${Bc},${col(fc.kind)},${Kc})`;
      const below = isLast
        ? "TRUE"
        : `COUNTIFS(${facilityRange(name, layout, fc.basin, r + 1)},${Bc},${facilityRange(name, layout, fc.kind, r + 1)},${Kc},${facilityRange(name, layout, fc.capacity, r + 1)},">0")=0`;
      const above =
        r === F.first
          ? "0"
          : `SUMIFS(${facilityRange(name, layout, fc.existing(j), F.first, r - 1)},${facilityRange(name, layout, fc.basin, F.first, r - 1)},${Bc},${facilityRange(name, layout, fc.kind, F.first, r - 1)},${Kc})`;
      const share = `IF(${below},${pool}-${above},ROUND(${pool}*${Cc}/${sumCap},2))`;
      const rpe = `IF(${bonusNames.rpeFlat}="",${Ec},${bonusNames.rpeFlat})`;
      s.money(
        r,
        fc.existing(j),
        `IF(${Kc}="RPE",${rpe},IF(${Cc}>0,${share},0))*${ctg}`,
        euros(part?.existing ?? (0 as Cents)),
      );
      // New places: twelfths of the year from the opening month (the whole year after).
      const tw = `IF(${OY}="",0,IF(${Y}<${OY},0,IF((${Y}>${OY})+(${bonusNames.proRata}=${fullYear}),12,13-${OM})))`;
      const rate = `IF(${here(fc.priorityArea)}=${lit(L.yes)},${bonusNames.priorityAreaRate},INDEX(${trancheRange},${bonusNames.tranche}))`;
      s.money(
        r,
        fc.newAmount(j),
        `IF(${Kc}="EAJE",1,0)*${ctg}*(ROUND((${Nc}-${Rc})*${rate}*${tw}/12,2)+ROUND(${Rc}*${bonusNames.reservedPlaceRate}*${tw}/12,2))`,
        euros(part?.newPlaces ?? (0 as Cents)),
      );
      const perPlace = `SUMIFS(${trajCol(TJ.cols.perPlace)},${trajCol(TJ.cols.basin)},${Bc})`;
      s.money(
        r,
        fc.trajectoire(j),
        `IF(${Kc}="EAJE",1,0)*${ctg}*(${Y}>=${bonusNames.trajectoireFirstYear})*ROUND((${Cc}*12+${Nc}*${tw})*${perPlace}/12,2)`,
        euros(part?.trajectoire ?? (0 as Cents)),
      );
      s.money(
        r,
        fc.missionsAmount(j),
        `IF(${Kc}="RPE",1,0)*${ctg}*ROUND(${here(fc.missions)}*${bonusNames.rpeMission},2)`,
        euros(part?.missions ?? (0 as Cents)),
      );
      s.money(
        r,
        fc.total(j),
        `${here(fc.existing(j))}+${here(fc.newAmount(j))}+${here(fc.trajectoire(j))}+${here(fc.missionsAmount(j))}`,
        euros(part?.total ?? (0 as Cents)),
        "moneyBold",
      );
    });
    s.money(
      r,
      fc.allYears,
      `SUM(${here(fc.total(0))}:${here(fc.total(years.length - 1))})`,
      euros(fb.total),
      "moneyBold",
    );
    s.number(r, fc.line, f.sheetRow, "integer");
    s.formula(r, fc.communeBad, `IF(${here(fc.insee)}="",1,0)`, 0, "exact", "integer");
    const kinds = Object.values(BONUS_KIND_LABELS[lang]).map((k) => `(${Kc}<>${lit(k)})`);
    s.formula(r, fc.kindBad, `IF(${kinds.join("*")},1,0)`, 0, "exact", "integer");
    s.formula(r, fc.negative, `IF(MIN(${Cc},${Nc},${Rc},${here(fc.missions)})<0,1,0)`, 0, "exact", "integer");
  });

  // Totals of the facility rows.
  if (F.last >= F.first) {
    s.text(F.total, 0, T.total, "labelTotal");
    const sum = (c: number, expected: Cents): void => {
      s.money(
        F.total,
        c,
        `SUM(${localAbs(F.first, c)}:${localAbs(F.last, c)})`,
        euros(expected),
        "moneyTotal",
      );
    };
    const by = (pick: (y: FacilityBonus["years"][number]) => Cents, j: number): Cents =>
      sumCents(bonus.plan.facilities.map((f) => (f.years[j] ? pick(f.years[j]) : (0 as Cents))));
    years.forEach((_, j) => {
      sum(
        fc.total(j),
        by((y) => y.total, j),
      );
      sum(
        fc.existing(j),
        by((y) => y.existing, j),
      );
      sum(
        fc.newAmount(j),
        by((y) => y.newPlaces, j),
      );
      sum(
        fc.trajectoire(j),
        by((y) => y.trajectoire, j),
      );
      sum(
        fc.missionsAmount(j),
        by((y) => y.missions, j),
      );
    });
    sum(fc.allYears, bonus.plan.total);
    sum(fc.cej, sumCents(bonus.plan.facilities.map((f) => f.facility.formerCej)));
  }

  const widths = Array.from({ length: fc.negative + 1 }, (_, c) =>
    c === 0 ? 42 : c === 1 ? 34 : c < 16 ? 14 : c >= fc.line ? 11 : 15,
  );
  s.widthsFrom(widths);
  return s.build(printSetup(ctx, "bonus", [F.header + 1, F.header + 1]), "70AD47");
}

/** The smoothed pools per basin and kind: Σ former CEJ, Σ capacity, rate, floor, pool, uplifts, pool per year. */
function writePools(s: SheetBuilder, ctx: Context, bonus: BonusReportInput, layout: BonusLayout): void {
  const { L, lang } = ctx;
  const T = L.bonus.territoire;
  const P = layout.pools;
  const pc = P.cols;
  const F = layout.facilities;
  const fcol = (c: number): string => facilityRange(ctx.names.bonus, layout, c);
  s.text(P.title, 0, T.poolTitle, "textBold");
  T.poolHeader.forEach((h, c) => s.text(P.header, c, h, "header"));
  const uplifts = sortedUplifts(bonus.params);
  uplifts.forEach((u, i) => s.text(P.header, pc.uplift(i), T.afterUplift(u.year), "header"));
  layout.years.forEach((y, j) => s.text(P.header, pc.year(j), T.poolYear(y), "header"));
  poolFigures(bonus).forEach((p, i) => {
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
    s.money(r, pc.floor, bonusNames.floor(p.kind), euros(p.floor));
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
    const uplifted = `IF(${bonusNames.upliftKind(p.kind)}=${stringLiteral(L.yes)},1,0)`;
    uplifts.forEach((_, k) => {
      const prev = at(k === 0 ? pc.base : pc.uplift(k - 1));
      s.money(
        r,
        pc.uplift(k),
        `${prev}+ROUND(${prev}*${bonusNames.uplift(k)}*${uplifted},2)`,
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
function writeTrajectoire(s: SheetBuilder, ctx: Context, bonus: BonusReportInput, layout: BonusLayout): void {
  const { L } = ctx;
  const T = L.bonus.territoire;
  const TJ = layout.trajectoire;
  const tc = TJ.cols;
  const F = layout.facilities;
  const fcol = (c: number): string => facilityRange(ctx.names.bonus, layout, c);
  const params = bonus.params;
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
    const t = bonus.plan.trajectoire.find((x) => x.basin === b);
    const base = t?.basePlaces ?? 0;
    const target = t?.targetPlaces ?? 0;
    s.text(r, tc.basin, L.basins[b], "textBold");
    const places = (yearName: string): string =>
      F.last < F.first
        ? "0"
        : `SUMIFS(${fcol(F.cols.capacity)},${fcol(F.cols.basin)},${at(tc.basin)},${fcol(F.cols.kind)},${eaje})+SUMIFS(${fcol(F.cols.newPlaces)},${fcol(F.cols.basin)},${at(tc.basin)},${fcol(F.cols.kind)},${eaje},${fcol(F.cols.openingYear)},"<="&${yearName})`;
    s.formula(r, tc.base, places(bonusNames.trajectoireBaseYear), base / 100, "exact", "integer");
    s.formula(r, tc.target, places(bonusNames.trajectoireTargetYear), target / 100, "exact", "integer");
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
        `IF(${at(tc.base)}>0,IF(ROUND(${at(tc.target)}-${at(tc.base)}-${bonusNames.threshold(k)}*${at(tc.base)},8)>=0,1,0),0)`,
        reached ? 1 : 0,
        "exact",
        "integer",
      );
    });
    // The highest step reached (the thresholds are ascending; Contrôles checks they stay so).
    let amount = "0";
    steps.forEach((_, k) => {
      amount = `IF(${at(tc.reached(k))}=1,${bonusNames.perPlace(k)},${amount})`;
    });
    s.money(r, tc.perPlace, amount, euros(t?.step?.perPlace ?? (0 as Cents)), "moneyBold");
  });
}
