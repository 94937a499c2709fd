/**
 * The bonus territoire's place in the report (issue #14): what a build takes, the parameter rows of
 * `Paramètres CTG` with their names, and where `Bonus territoire` puts each block and column. The
 * sheet builders, the checks and the names all read this one layout. Pure.
 */

import {
  columnLetters,
  parseA1,
  quoteSheet,
  BONUS_PARAM_NOTES,
  bonusNames,
  SMOOTHED_KINDS,
  type BonusParamKind,
  type BonusParamName,
  type BonusParams,
  type BonusPlan,
  rateToFraction,
  centsToEuros,
  type Basin,
  type BonusKind,
  type Facility,
  type FacilityField,
  type FacilityReadResult,
  type GridOrigin,
  type Lang,
  type RawGrid,
  type RawValue,
  BASINS,
} from "../../core";
import { BONUS_KIND_LABELS, type ReportLabels } from "../../i18n";
import { stringLiteral } from "../sheet-builder";

/**
 * What a build needs to write the bonus territoire: the facilities table as read (with no error), the
 * grid it was read from (the cells as written: a number is referenced live, a text is not), the
 * parameters and the engine's plan.
 */
export interface BonusReportInput {
  readonly read: FacilityReadResult;
  readonly grid: RawGrid;
  readonly origin: GridOrigin;
  readonly params: BonusParams;
  readonly plan: BonusPlan;
}

/** One row of the bonus parameters on `Paramètres CTG`. */
export interface BonusParamRow {
  readonly row: number;
  /** The workbook name of its value cell (`CTG_B_DebutNord`). */
  readonly name: string;
  readonly kind: BonusParamKind;
  readonly label: string;
  /** Its source note, « à confirmer avec la Caf » when an assumption. */
  readonly note: string;
  readonly value: number | string | null;
}

/** Row of the bonus section's title on `Paramètres CTG` (the parameters follow from the next row). */
export const BONUS_PARAMS_TITLE_ROW = 11;

/** The uplifts in the order the engine applies them (by year, stable). */
export function sortedUplifts(params: BonusParams): BonusParams["uplifts"] {
  return [...params.uplifts].sort((a, b) => a.year - b.year);
}

/** The trajectoire steps by threshold, ascending. */
export function sortedSteps(params: BonusParams): BonusParams["trajectoire"] {
  return [...params.trajectoire].sort((a, b) => a.threshold - b.threshold);
}

/** The names of the bonus parameter cells, and the smoothed kinds: core owns them (the reader reads them back). */
export { bonusNames, SMOOTHED_KINDS };
export type { BonusParamKind };

/**
 * What the bonus formulas read each parameter from: by default the workbook names of `Paramètres CTG`
 * ({@link nameRefs}); a scenario's working block gives its own cells for the parameters it may set.
 */
export interface BonusRefs {
  readonly start: (b: Basin) => string;
  readonly duration: (b: Basin) => string;
  readonly floor: (k: BonusKind) => string;
  readonly uplift: (i: number) => string;
  readonly upliftKind: (k: BonusKind) => string;
  /** The range of the new place rates, tranche 1 first (INDEX(range, tranche)). */
  readonly newPlaceRates: string;
  readonly tranche: string;
  readonly priorityAreaRate: string;
  readonly reservedPlaceRate: string;
  readonly trajectoireBaseYear: string;
  readonly trajectoireTargetYear: string;
  readonly trajectoireFirstYear: string;
  readonly threshold: (i: number) => string;
  readonly perPlace: (i: number) => string;
  readonly rpeFlat: string;
  readonly rpeMission: string;
  readonly proRata: string;
}

/**
 * The parameters as the workbook names them (`CTG_B_DebutNord`…).
 *
 * @param newPlaceRates - the range of the new place rates on `Paramètres CTG`
 * @returns the references
 */
export function nameRefs(newPlaceRates: string): BonusRefs {
  return { ...bonusNames, newPlaceRates };
}

/** A parameter row as {@link BONUS_PARAM_TABLE} gives it: the note comes from its source's. */
interface BonusParamSpec {
  readonly name: string;
  readonly kind: BonusParamKind;
  readonly label: string;
  readonly source: BonusParamName;
  readonly value: number | string | null;
}

/** A row: name | kind | label | source | value. */
const spec = (
  name: string,
  kind: BonusParamKind,
  label: string,
  source: BonusParamName,
  value: number | string | null,
): BonusParamSpec => ({ name, kind, label, source, value });

/** The parameters of one row each, whose name, label and source share their key. */
type ScalarParam =
  | "referenceYear"
  | "tranche"
  | "priorityAreaRate"
  | "reservedPlaceRate"
  | "trajectoireBaseYear"
  | "trajectoireTargetYear"
  | "trajectoireFirstYear"
  | "rpeFlat"
  | "rpeMission"
  | "proRata";

/** What the parameter rows are written from. */
interface BonusParamEnv {
  readonly params: BonusParams;
  readonly L: ReportLabels;
  /** A row of one of the {@link ScalarParam}s: kind | value. */
  readonly one: (key: ScalarParam, kind: BonusParamKind, value: number | string | null) => BonusParamSpec;
  readonly P: ReportLabels["bonus"]["param"];
  readonly kind: (k: BonusKind) => string;
  readonly yesNo: (yes: boolean) => string;
}

const N = bonusNames;
const euros = centsToEuros;

/**
 * The bonus parameter rows, in their order on `Paramètres CTG`, as data: each line is a row (or one
 * per basin, kind, uplift, tranche or step) with its columns name | kind | label | source | value.
 */
const BONUS_PARAM_TABLE: readonly ((e: BonusParamEnv) => readonly BonusParamSpec[])[] = [
  ({ params: p, L, P }) =>
    BASINS.flatMap((b) => [
      spec(N.start(b), "year", P.start(L.basins[b]), "ctg", p.ctg[b].startYear),
      spec(N.duration(b), "duration", P.duration(L.basins[b]), "ctg", p.ctg[b].duration),
    ]),
  ({ params: p, one }) => [one("referenceYear", "year", p.referenceYear)],
  ({ params: p, P, kind }) =>
    SMOOTHED_KINDS.map((k) => spec(N.floor(k), "amount", P.floor(kind(k)), "floor", euros(p.floor[k]))),
  ({ params: p, P }) =>
    sortedUplifts(p).map((u, i) =>
      spec(N.uplift(i), "rate", P.uplift(u.year), "uplifts", rateToFraction(u.rate)),
    ),
  ({ params: p, P, kind, yesNo }) =>
    SMOOTHED_KINDS.map((k) =>
      spec(N.upliftKind(k), "yesNo", P.upliftKind(kind(k)), "upliftKinds", yesNo(p.upliftKinds.includes(k))),
    ),
  ({ params: p, P }) =>
    p.newPlaceRates.map((r, i) =>
      spec(N.newPlaceRate(i), "amount", P.newPlaceRate(i + 1), "newPlaceRates", euros(r)),
    ),
  ({ params: p, one }) => [
    one("tranche", "tranche", p.tranche),
    one("priorityAreaRate", "amount", euros(p.priorityAreaRate)),
    one("reservedPlaceRate", "amount", euros(p.reservedPlaceRate)),
    one("trajectoireBaseYear", "year", p.trajectoireBaseYear),
    one("trajectoireTargetYear", "year", p.trajectoireTargetYear),
    one("trajectoireFirstYear", "year", p.trajectoireFirstYear),
  ],
  ({ params: p, P }) =>
    sortedSteps(p).flatMap((s, i) => [
      spec(N.threshold(i), "rate", P.trajectoireThreshold(i + 1), "trajectoire", rateToFraction(s.threshold)),
      spec(N.perPlace(i), "amount", P.trajectoireAmount(i + 1), "trajectoire", euros(s.perPlace)),
    ]),
  ({ params: p, L, one }) => [
    one("rpeFlat", "amountOrBlank", p.rpeFlat === null ? null : euros(p.rpeFlat)),
    one("rpeMission", "amount", euros(p.rpeMission)),
    one("proRata", "proRata", L.bonus.proRata[p.proRata]),
  ],
];

/**
 * The bonus parameter rows of `Paramètres CTG`, from {@link BONUS_PARAMS_TITLE_ROW} + 2 (the title,
 * then a note), in the order of {@link BONUS_PARAM_TABLE}; each with its name, its value and its
 * source note.
 *
 * @param params - the parameters written
 * @param L - the report's words
 * @param lang - the language of the notes
 * @returns the rows
 */
export function bonusParamRows(params: BonusParams, L: ReportLabels, lang: Lang): BonusParamRow[] {
  const P = L.bonus.param;
  const env: BonusParamEnv = {
    params,
    L,
    one: (key, kind, value) => spec(N[key], kind, P[key], key, value),
    P,
    kind: (k) => BONUS_KIND_LABELS[lang][k],
    yesNo: (yes) => (yes ? L.yes : L.no),
  };
  const note = (key: BonusParamName): string => {
    const n = BONUS_PARAM_NOTES[key];
    return `${n[lang]} ${n.assumption ? L.bonus.toConfirm : L.bonus.published}`;
  };
  return BONUS_PARAM_TABLE.flatMap((entry) => entry(env)).map((r, i) => ({
    name: r.name,
    kind: r.kind,
    label: r.label,
    note: note(r.source),
    value: r.value,
    row: BONUS_PARAMS_TITLE_ROW + 2 + i,
  }));
}

/** A block's title row, header row, first and last rows. */
interface TitledRows {
  readonly title: number;
  readonly header: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Where the computing blocks are: the pools, the trajectoire and the facility rows (on `Bonus
 * territoire`, and in each scenario's working block of `Comparaison scénarios`).
 */
export interface BonusBlockLayout {
  readonly years: readonly number[];
  /** Smoothed pools: one row per basin × smoothed kind. */
  readonly pools: TitledRows & {
    readonly cols: {
      readonly basin: number;
      readonly kind: number;
      readonly cej: number;
      readonly capacity: number;
      readonly rate: number;
      readonly floor: number;
      readonly floorApplied: number;
      readonly base: number;
      /** One per uplift, in year order. */
      readonly uplift: (i: number) => number;
      /** One per plan year. */
      readonly year: (j: number) => number;
    };
  };
  readonly trajectoire: TitledRows & {
    readonly cols: {
      readonly basin: number;
      readonly base: number;
      readonly target: number;
      readonly growth: number;
      readonly reached: (k: number) => number;
      readonly perPlace: number;
    };
  };
  readonly facilities: {
    readonly title: number;
    readonly note: number;
    readonly header: number;
    readonly first: number;
    /** Last facility row (first − 1 when there is none). */
    readonly last: number;
    readonly total: number;
    readonly cols: FacilityCols;
  };
}

/** Where one block of `Bonus territoire` starts. */
export interface BonusLayout extends BonusBlockLayout {
  /** Per basin and year: header row, one row per basin, the total row. */
  readonly basins: { readonly header: number; readonly first: number; readonly total: number };
  readonly chart: { readonly fromRow: number; readonly rows: number; readonly cols: number };
}

/** Columns of the facility rows of `Bonus territoire`. */
export interface FacilityCols {
  readonly name: number;
  readonly operator: number;
  readonly operatorKind: number;
  readonly commune: number;
  readonly insee: number;
  readonly basin: number;
  readonly domain: number;
  readonly kind: number;
  readonly capacity: number;
  readonly cej: number;
  readonly newPlaces: number;
  readonly reserved: number;
  readonly openingYear: number;
  readonly openingMonth: number;
  readonly priorityArea: number;
  readonly missions: number;
  /** The year blocks: bonus total, then existing, new places, trajectoire, missions; one per year. */
  readonly total: (j: number) => number;
  readonly allYears: number;
  readonly existing: (j: number) => number;
  readonly newAmount: (j: number) => number;
  readonly trajectoire: (j: number) => number;
  readonly missionsAmount: (j: number) => number;
  readonly line: number;
  readonly communeBad: number;
  readonly kindBad: number;
  readonly negative: number;
}

/**
 * The layout of `Bonus territoire` for a plan.
 *
 * @param bonus - the build's bonus input
 * @returns the rows and columns of each block
 */
export function bonusLayout(bonus: BonusReportInput): BonusLayout {
  const years = bonus.plan.years;
  const n = years.length;
  const basinsHeader = 4;
  const basinsTotal = basinsHeader + 1 + BASINS.length;
  const chartFrom = basinsTotal + 2;
  const chartRows = 15;
  const poolsTitle = chartFrom + chartRows + 2;
  return {
    basins: { header: basinsHeader, first: basinsHeader + 1, total: basinsTotal },
    chart: { fromRow: chartFrom, rows: chartRows, cols: Math.max(8, n + 2) },
    ...bonusBlockLayout(poolsTitle, years, bonus.params, bonus.plan.facilities.length),
  };
}

/**
 * The computing blocks from a row on: pools, trajectoire, facility rows.
 *
 * @param poolsTitle - the row of the pools' title
 * @param years - the years of the columns
 * @param params - the parameters (their numbers of uplifts and trajectoire steps)
 * @param count - the number of facility rows
 * @returns the rows and columns of each block
 */
export function bonusBlockLayout(
  poolsTitle: number,
  years: readonly number[],
  params: BonusParams,
  count: number,
): BonusBlockLayout {
  const n = years.length;
  const u = params.uplifts.length;
  const k = params.trajectoire.length;
  const poolsFirst = poolsTitle + 2;
  const poolsLast = poolsFirst + BASINS.length * SMOOTHED_KINDS.length - 1;
  const trajTitle = poolsLast + 2;
  const trajFirst = trajTitle + 2;
  const trajLast = trajFirst + BASINS.length - 1;
  const facTitle = trajLast + 2;
  const facFirst = facTitle + 3;
  return {
    years,
    pools: {
      title: poolsTitle,
      header: poolsTitle + 1,
      first: poolsFirst,
      last: poolsLast,
      cols: poolCols(u),
    },
    trajectoire: {
      title: trajTitle,
      header: trajTitle + 1,
      first: trajFirst,
      last: trajLast,
      cols: { basin: 0, base: 1, target: 2, growth: 3, reached: (i) => 4 + i, perPlace: 4 + k },
    },
    facilities: {
      title: facTitle,
      note: facTitle + 1,
      header: facTitle + 2,
      first: facFirst,
      last: facFirst + count - 1,
      total: facFirst + count,
      cols: facilityCols(n),
    },
  };
}

/** The columns of the pools: one per uplift (`u` of them), then one per plan year. */
function poolCols(u: number): BonusLayout["pools"]["cols"] {
  return {
    basin: 0,
    kind: 1,
    cej: 2,
    capacity: 3,
    rate: 4,
    floor: 5,
    floorApplied: 6,
    base: 7,
    uplift: (i) => 8 + i,
    year: (j) => 8 + u + j,
  };
}

/** The columns of the facility rows for `n` plan years: what was read, then the year blocks, then the flags. */
function facilityCols(n: number): BonusLayout["facilities"]["cols"] {
  const yearsAt = 16;
  return {
    name: 0,
    operator: 1,
    operatorKind: 2,
    commune: 3,
    insee: 4,
    basin: 5,
    domain: 6,
    kind: 7,
    capacity: 8,
    cej: 9,
    newPlaces: 10,
    reserved: 11,
    openingYear: 12,
    openingMonth: 13,
    priorityArea: 14,
    missions: 15,
    total: (j) => yearsAt + j,
    allYears: yearsAt + n,
    existing: (j) => yearsAt + n + 1 + j,
    newAmount: (j) => yearsAt + 2 * n + 1 + j,
    trajectoire: (j) => yearsAt + 3 * n + 1 + j,
    missionsAmount: (j) => yearsAt + 4 * n + 1 + j,
    line: yearsAt + 5 * n + 1,
    communeBad: yearsAt + 5 * n + 2,
    kindBad: yearsAt + 5 * n + 3,
    negative: yearsAt + 5 * n + 4,
  };
}

/** `'Bonus territoire'!$F$40:$F$91`: a column of the facility rows (a one-row range when there is none). */
export function facilityRange(
  sheet: string,
  layout: BonusBlockLayout,
  col: number,
  from?: number,
  to?: number,
): string {
  const c = columnLetters(col);
  const first = (from ?? layout.facilities.first) + 1;
  const last = Math.max(to ?? layout.facilities.last, from ?? layout.facilities.first) + 1;
  return `${quoteSheet(sheet)}!$${c}$${first}:$${c}$${last}`;
}

/** `'Équipements CTG'!D5` into `'Équipements CTG'!$D$5`. */
export function absoluteAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address.slice(0, bang);
  const { row, col } = parseA1(address.slice(bang + 1));
  return `${sheet}!$${columnLetters(col)}$${row + 1}`;
}

/** How one field of a facility is referenced: live (its cell) or as the value read (a text cell). */
export interface FacilityCell {
  /** The formula text: the cell, or a constant. */
  readonly ref: string;
  /** Whether the formula follows the cell. */
  readonly live: boolean;
  /** The raw value as the grid holds it. */
  readonly raw: RawValue;
}

/**
 * A facility field's cell: referenced live when its column is mapped and the cell holds a number or
 * nothing; otherwise (a text number the reader parsed, a column the table lacks) the engine's value.
 *
 * @param bonus - the build's bonus input
 * @param f - the facility
 * @param field - the field
 * @param value - the engine's value, as the sheet shows it
 * @returns how to reference it
 */
export function facilityCell(
  bonus: BonusReportInput,
  f: Facility,
  field: FacilityField,
  value: number,
): FacilityCell {
  const col = bonus.read.mapping[field];
  const gridRow = f.sheetRow - 1 - parseA1(bonus.origin.topLeft).row;
  const raw = col === undefined ? null : (bonus.grid[gridRow]?.[col] ?? null);
  const numeric = raw === null || raw === "" || typeof raw === "number";
  if (col !== undefined && numeric) return { ref: absoluteAddress(f.cells[field]), live: true, raw };
  return { ref: String(value), live: false, raw };
}

/** The raw value of a facility's cell as a formula literal (a number, or a string). */
export function rawLiteral(raw: RawValue): string {
  if (typeof raw === "number") return String(raw);
  if (typeof raw === "boolean") return raw ? "TRUE" : "FALSE";
  if (raw === null || raw === undefined || raw instanceof Date || typeof raw === "object") return '""';
  return stringLiteral(raw);
}

/**
 * `(B="Nord")*(Y>=CTG_B_DebutNord)*(Y<CTG_B_DebutNord+CTG_B_DureeNord)+…`: 1 when year `year` is one
 * of the CTG years of the basin a cell names, else 0.
 *
 * @param basinCell - the cell naming the basin
 * @param year - the year, a literal or a reference
 * @param L - the words (the basins as cells hold them)
 * @param refs - where each basin's start year and duration are (default: their names)
 * @returns the expression
 */
export function inCtg(
  basinCell: string,
  year: string,
  L: ReportLabels,
  refs: Pick<BonusRefs, "start" | "duration"> = bonusNames,
): string {
  return BASINS.map((b) => {
    const s = refs.start(b);
    return `(${basinCell}=${stringLiteral(L.basins[b])})*(${year}>=${s})*(${year}<${s}+${refs.duration(b)})`;
  }).join("+");
}
