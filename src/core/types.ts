import type { BonusParamName } from "./bonus-params";
import type { PlanParamName } from "./params";
import type { ScenarioBonusField } from "./scenario-bonus";

/**
 * The shared vocabulary of the engine. Everything here is plain data: no Office JavaScript API, no file formats.
 */

/** Integer number of euro cents. Made only by `cents()` in money.ts, which checks it. */
export type Cents = number & { readonly __brand: "Cents" };

/**
 * A rate as an integer number of millionths (parts per million): 50 % is 500 000, 20 % is 200 000.
 * Made only by `rate()` in money.ts. Integer so that `amount × rate` is exact (BigInt) and rounds like
 * Excel's ROUND on the decimal value.
 */
export type Rate = number & { readonly __brand: "Rate" };

/** Language of every human-facing sentence. */
export type Lang = "fr" | "en";

/** The two basins of life, in their allocation order: every basin but the last is rounded, the last takes the rest. */
export type Basin = "nord" | "sud";
export const BASINS: readonly Basin[] = ["nord", "sud"];

/** How the engineering cost is shared between the basins. */
export type AllocationKey = "cej" | "population" | "communes" | "equal";
export const ALLOCATION_KEYS: readonly AllocationKey[] = ["cej", "population", "communes", "equal"];

/**
 * The base on which the Caf computes its share: the eligible amount excluding VAT (`ht`, the
 * council's decision) or including VAT (`ttc`: eligible + ROUND(eligible × VAT rate, 2)).
 */
export type CafBase = "ht" | "ttc";
export const CAF_BASES: readonly CafBase[] = ["ht", "ttc"];

/** An Excel error value as it appears in a cell (`#N/A`, `#DIV/0!`, `#REF!`…). */
export interface CellErrorValue {
  readonly error: string;
}

/**
 * A raw cell value as Office's `range.values` or a file reader gives it. Office gives "" for empty
 * cells and error values as strings such as "#N/A"; file readers give null/undefined and `{ error }`.
 */
export type RawValue = string | number | boolean | null | undefined | Date | CellErrorValue;

/** A rectangular (or ragged) block of raw values, row-major. */
export type RawGrid = readonly (readonly RawValue[])[];

/** The closed union every raw value is turned into before anything reads it. */
export type Cell =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "date"; readonly value: Date }
  | { readonly kind: "error"; readonly code: string };

/** Where a grid lives in the workbook: its sheet and the address of its top-left cell (`A1`, `B3`). */
export interface GridOrigin {
  readonly sheet: string;
  readonly topLeft: string;
}

/** A commune of the reference (the 34 CUCM communes, or the workbook's edited `Communes CTG`). */
export interface Commune {
  /** INSEE code, 5 characters (`71153`). */
  readonly insee: string;
  /** Official name (`Le Creusot`). */
  readonly name: string;
  /** Municipal population. */
  readonly population: number;
  /** Reference year of that population (`2023`: the population dated 1 January 2023, in force in 2026). */
  readonly populationYear: number;
  /** Default basin (indicative, see docs/rules.md). */
  readonly basin: Basin;
  /** Whether the default basin is taken as settled; false for Saint-Eusèbe. */
  readonly basinConfirmed: boolean;
  /** Whether the commune held one of the 13 CEJ of the source article. */
  readonly exCej: boolean;
}

/** The fields the funding table is read into. */
export type Field = "commune" | "insee" | "basin" | "domain" | "action" | "year" | "amount";
export const FIELDS: readonly Field[] = ["commune", "insee", "basin", "domain", "action", "year", "amount"];

/** Field → 0-based column index within the grid. */
export type ColumnMapping = Partial<Record<Field, number>>;

export type Severity = "error" | "warning";

/** The data of an issue that needs none: the code and the cell say it all. */
export type NoData = Readonly<Record<string, never>>;

/** The text found in the cell, as the user sees it (`abc`, `#N/A`, `-12`). */
export interface ValueData {
  readonly value: string;
}

/** A commune or facility name not in the reference, with the closest names (possibly none). */
export interface UnknownNameData extends ValueData {
  readonly suggestions: readonly string[];
}

/** A parameter's cell that does not hold a possible value. */
export interface ParamData extends ValueData {
  readonly param: PlanParamName;
}

/**
 * A bonus parameter's cell (issue #14) that does not hold a possible value: `name` is its workbook name
 * (`CTG_B_DebutNord`), `param` the parameter it sets.
 */
export interface BonusParamData extends ValueData {
  readonly name: string;
  readonly param: BonusParamName;
}

/** A quantity of the facilities table that is not a number (`whole`: 1 when only whole places fit). */
export interface QuantityData extends ValueData {
  readonly field: FacilityField;
  readonly whole: 0 | 1;
}

/**
 * What each issue code carries to phrase its sentence (the i18n folder turns it into French or
 * English). Amounts are integer cents; basins, fields, keys, kinds and units are codes, translated there.
 */
export interface IssueDataByCode {
  // header and mapping
  readonly "header-not-found": NoData;
  readonly "table-header-hidden": { readonly table: string };
  readonly "missing-column": { readonly field: Field };
  /** `columns`: the header texts of the columns that match. */
  readonly "duplicate-column": { readonly field: Field; readonly columns: readonly string[] };
  /** `column`: the 0-based index in the grid the user chose. */
  readonly "mapping-out-of-range": { readonly field: Field; readonly column: number };
  // amounts
  readonly "amount-empty": ValueData;
  readonly "amount-not-a-number": ValueData;
  /** `value`: the error, `#N/A`. */
  readonly "amount-error-value": ValueData;
  readonly "amount-fraction-of-cent": ValueData;
  readonly "amount-too-large": ValueData;
  /** `amount`: what the text was read as. */
  readonly "amount-as-text": ValueData & { readonly amount: Cents };
  readonly "amount-negative": { readonly amount: Cents };
  readonly "commune-total-negative": { readonly commune: string; readonly total: Cents };
  // communes and basins
  readonly "commune-empty": NoData;
  readonly "commune-unknown": UnknownNameData;
  readonly "commune-unknown-kept": ValueData & { readonly basin: Basin };
  readonly "insee-unknown": ValueData;
  /** related = [the commune's cell]. */
  readonly "insee-mismatch": { readonly insee: string; readonly commune: string };
  readonly "basin-invalid": ValueData;
  readonly "basin-differs": { readonly commune: string; readonly given: Basin; readonly reference: Basin };
  /** related = [the cell of the first basin]. */
  readonly "basin-conflict": { readonly commune: string; readonly first: Basin; readonly second: Basin };
  readonly "population-invalid": ValueData;
  // other columns
  readonly "year-invalid": ValueData;
  /** `first`: the address of the first identical row. */
  readonly "duplicate-row": { readonly first: string };
  readonly "no-rows": NoData;
  // parameters
  readonly "param-invalid": ParamData;
  readonly "param-rate-range": ParamData;
  readonly "param-negative": ParamData;
  /** related = [the cap's cell]. */
  readonly "cost-above-cap": { readonly cost: Cents; readonly cap: Cents };
  readonly "key-sum-zero": { readonly key: AllocationKey };
  // the scenarios sheet
  /** `column`: the column's letters. */
  readonly "scenario-unnamed": { readonly column: string };
  /** related = [first]. */
  readonly "scenario-duplicate-name": { readonly name: string; readonly first: string };
  readonly "scenario-sheet-unreadable": NoData;
  /** A scenario's bonus cell that is not what its row takes (`value` as written). */
  readonly "scenario-bonus-invalid": { readonly field: ScenarioBonusField; readonly value: string };
  /** A commune's added places that are not a whole number ≥ 0. */
  readonly "scenario-places-invalid": { readonly commune: string; readonly value: string };
  /** The opening of a commune's added places that is not a year or a date. */
  readonly "scenario-opening-invalid": { readonly commune: string; readonly value: string };
  /** Added places without an opening; related = [the places cell]. */
  readonly "scenario-opening-missing": { readonly commune: string; readonly places: number };
  // the facilities table and the bonus territoire plan
  readonly "facility-header-not-found": NoData;
  readonly "facility-missing-column": { readonly field: FacilityField };
  /** related = [the first column]. */
  readonly "facility-duplicate-column": {
    readonly field: FacilityField;
    readonly columns: readonly string[];
  };
  readonly "facility-name-empty": NoData;
  readonly "facility-commune-unknown": UnknownNameData;
  readonly "facility-kind-unknown": ValueData;
  readonly "facility-operator-kind-unknown": ValueData;
  readonly "facility-unit-unknown": ValueData;
  /** `first`: the unit of the first facility of the group; related = [its cell]. */
  readonly "facility-unit-mixed": {
    readonly kind: BonusKind;
    readonly basin: Basin;
    readonly unit: BonusUnit;
    readonly first: BonusUnit;
  };
  readonly "facility-quantity-invalid": QuantityData;
  readonly "facility-quantity-negative": QuantityData;
  /** Numbers of places (not hundredths). */
  readonly "facility-reserved-above-new": { readonly reserved: number; readonly places: number };
  readonly "facility-cej-negative": { readonly amount: Cents };
  readonly "facility-opening-invalid": ValueData;
  readonly "facility-opening-missing": NoData;
  readonly "facility-flag-invalid": ValueData;
  readonly "facility-field-ignored": { readonly field: FacilityField; readonly kind: BonusKind };
  /** related = [first]. */
  readonly "facility-duplicate": { readonly name: string; readonly commune: string; readonly first: string };
  readonly "facility-no-rows": NoData;
  // the bonus parameters on `Paramètres CTG`
  readonly "bonus-param-invalid": BonusParamData;
  readonly "bonus-param-negative": BonusParamData;
  readonly "bonus-param-rate-range": BonusParamData;
  readonly "bonus-param-year": BonusParamData;
  readonly "bonus-param-duration": BonusParamData;
  readonly "bonus-param-tranche": BonusParamData;
  readonly "bonus-param-yes-no": BonusParamData;
  readonly "bonus-param-pro-rata": BonusParamData;
  /** related = the former CEJ cells of the group. */
  readonly "bonus-no-places": { readonly basin: Basin; readonly kind: BonusKind; readonly amount: Cents };
  /** `rate` and `floor`: per place, in cents. */
  readonly "bonus-floor-applied": {
    readonly basin: Basin;
    readonly kind: BonusKind;
    readonly rate: Cents;
    readonly floor: Cents;
  };
}

/** Every problem the engine can report; the sentences live in src/i18n, one place for both languages. */
export type IssueCode = keyof IssueDataByCode;

/**
 * One problem of one code, tied to the exact cell it comes from (`Financements!D7`) and to the data
 * needed to phrase it in French or English.
 */
export interface IssueOf<C extends IssueCode> {
  readonly code: C;
  readonly severity: Severity;
  /** Address with its sheet: `Financements!D7`, `'Paramètres CTG'!B4`. */
  readonly cell: string;
  /** Further cells involved (the other row of a conflict, the first of two identical rows). */
  readonly related?: readonly string[];
  /** Values for the sentence: the text found, the field, suggestions… */
  readonly data: IssueDataByCode[C];
}

/** Every issue, one variant per code: `issue.code === "amount-negative"` narrows `issue.data` to `{ amount }`. */
export type Issue = { readonly [C in IssueCode]: IssueOf<C> }[IssueCode];

/**
 * An issue of one code, as an `Issue`. An object literal with a literal code needs no help; an
 * emitter that takes its code as a type parameter `C` comes here, because TypeScript cannot see that
 * `IssueOf<C>` is one of the union's variants. Give it one code (or codes sharing one data shape).
 *
 * @param issue - the issue
 * @returns the same object
 */
export function issueOf<C extends IssueCode>(issue: IssueOf<C>): Issue {
  return issue as Issue;
}

/** One funding row, typed and checked. */
export interface FundingRow {
  /** 1-based row number in the sheet. */
  readonly sheetRow: number;
  /** Address of the amount cell, for messages. */
  readonly amountCell: string;
  /** Address of the commune cell. */
  readonly communeCell: string;
  /** Official name of the matched commune, or the text as given for a commune outside the reference. */
  readonly commune: string;
  /** INSEE code of the matched commune; null when it is outside the reference. */
  readonly insee: string | null;
  /** Basin given on the row, if the table has a basin column and the cell is filled. */
  readonly basinGiven: Basin | null;
  readonly domain: string | null;
  readonly action: string | null;
  readonly year: number | null;
  readonly amount: Cents;
  /** Whether the amount was written as text (formulas cannot add it: the report adds it as a constant). */
  readonly amountFromText: boolean;
  /**
   * The cells' contents as text, exactly as a SUMIFS criterion must match them ("" for an absent column
   * or an empty cell): what the live formulas use to find this row again.
   */
  readonly keys: {
    readonly commune: string;
    readonly insee: string;
    readonly domain: string;
    readonly year: string;
  };
}

/** What a funding row shares with the rows of the same commune, basin, domain and year cells. */
export type FundingRowShape = Pick<FundingRow, "commune" | "insee" | "basinGiven" | "domain" | "year">;

/**
 * Funding rows as columns: row `i` is position `i` of every column. What rows of the same commune,
 * basin, domain and year cells have in common is kept once, as their shape (few shapes for many rows).
 * What the plan reads, with no object per row; `row(i)` gives one row whole.
 */
export interface FundingColumns {
  /** Number of rows. */
  readonly length: number;
  /** Whether the rows' sheet rows never decrease with their index (the reader's rows). */
  readonly inSheetOrder: boolean;
  /** 1-based row number in the sheet of row `i`. */
  sheetRow(i: number): number;
  /** Amount in cents, by row (32-bit when every amount fits). */
  readonly amount: Int32Array | Float64Array;
  /** Index into `shapes`, by row (16-bit when there are fewer than 65 536 shapes). */
  readonly shape: Uint16Array | Int32Array;
  readonly shapes: readonly FundingRowShape[];
  /** Address of row `i`'s amount cell (`Financements!E7`), made on demand. */
  amountCell(i: number): string;
  /** Row `i` as a {@link FundingRow}, made on demand. */
  row(i: number): FundingRow;
}

/** What reading a funding table gives. */
export interface ReadResult {
  /** 0-based index of the header row within the grid, or -1 when none was found. */
  readonly headerRow: number;
  /** Header texts as found, by column index. */
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  /**
   * The rows read. The reader reads them into columns and makes these objects on first use (an
   * enumerable getter: JSON and structured clones carry the rows); `fundingColumns(result)`
   * (reader.ts) gives the columns, what the plan reads with no object per row.
   */
  readonly rows: readonly FundingRow[];
  readonly issues: readonly Issue[];
}

export interface ReadOptions {
  readonly origin: GridOrigin;
  /** The reference communes (built-in, or the workbook's `Communes CTG`). */
  readonly communes: readonly Commune[];
  /** A mapping chosen by the user: it overrides the guess, field by field. */
  readonly mapping?: ColumnMapping;
  /**
   * 0-based header row, when known (an Excel table's header). Otherwise the reader finds it,
   * even below title rows.
   */
  readonly headerRow?: number;
}

/** Parameters of the plan. */
export interface PlanParams {
  readonly costHT: Cents;
  readonly capHT: Cents;
  readonly cafRate: Rate;
  readonly vatRate: Rate;
  readonly key: AllocationKey;
  /** Base of the Caf's share: eligible HT (default) or eligible TTC. */
  readonly cafBase: CafBase;
}

/** The engineering split of one amount set: the whole mission or one basin's part. */
export interface EngineeringSplit {
  readonly costHT: Cents;
  readonly caf: Cents;
  readonly vat: Cents;
  readonly cuHT: Cents;
  readonly costTTC: Cents;
  readonly cuTTC: Cents;
}

export interface Engineering extends EngineeringSplit {
  readonly capHT: Cents;
  /** min(cost, cap). */
  readonly eligibleHT: Cents;
  /** eligibleHT + ROUND(eligibleHT × vatRate, 2): the Caf's base when `cafBase` is `ttc`. */
  readonly eligibleTTC: Cents;
  /** The base the Caf's share was computed on. */
  readonly cafBase: CafBase;
  readonly cafRate: Rate;
  readonly vatRate: Rate;
}

export interface CommuneTotal {
  /** Official name, or the text as given for a commune outside the reference. */
  readonly name: string;
  readonly insee: string | null;
  /** Effective basin: the rows' basin when given, else the reference's. */
  readonly basin: Basin;
  readonly total: Cents;
  /** Total per domain, in the order of plan.domains. */
  readonly byDomain: readonly Cents[];
  /** Total per year, in the order of plan.years. */
  readonly byYear: readonly Cents[];
  readonly rowCount: number;
}

export interface BasinPlan {
  readonly basin: Basin;
  /** Number of reference communes of the basin (as the reference used assigns them). */
  readonly communes: number;
  /** Population of the reference communes of the basin. */
  readonly population: number;
  readonly cejTotal: Cents;
  /** The basin's value of the allocation key (cents for `cej`, inhabitants, communes, or 1). */
  readonly keyValue: number;
  /** keyValue / Σ keyValue, as a fraction (display only: amounts are computed exactly). */
  readonly keyShare: number;
  readonly engineering: EngineeringSplit;
}

export interface Plan {
  readonly params: PlanParams;
  /** The reference actually used, with basins the rows gave applied. */
  readonly communesReference: readonly Commune[];
  /** Communes that have rows, sorted by basin (nord, sud), then by name (French collation). */
  readonly communes: readonly CommuneTotal[];
  readonly basins: readonly BasinPlan[];
  /** Distinct domains, in order of first appearance; empty when the table has no domain column. */
  readonly domains: readonly string[];
  readonly domainTotals: readonly Cents[];
  /** Distinct years, ascending; empty when the table has no year column. */
  readonly years: readonly number[];
  readonly yearTotals: readonly Cents[];
  readonly total: Cents;
  /** Number of communes with rows. */
  readonly fundedCommunes: number;
  readonly rowCount: number;
  readonly engineering: Engineering;
  /** Issues of the plan itself (parameters, negative commune totals, key summing to zero…). */
  readonly issues: readonly Issue[];
}

// ---------------------------------------------------------------------------------------------------
// Bonus territoire (issue 14): the facilities table `Équipements CTG` and the bonus plan.
// ---------------------------------------------------------------------------------------------------

/** Who runs a facility and is paid its bonus territoire. */
export type OperatorKind = "commune" | "ccas" | "association" | "prive" | "autre";
export const OPERATOR_KINDS: readonly OperatorKind[] = ["commune", "ccas", "association", "prive", "autre"];

/** The kind of bonus territoire a facility receives. */
export type BonusKind = "eaje" | "rpe" | "laep" | "alsh" | "autre";
export const BONUS_KINDS: readonly BonusKind[] = ["eaje", "rpe", "laep", "alsh", "autre"];

/** What a facility's capacity counts. */
export type BonusUnit = "places" | "etp" | "heures";
export const BONUS_UNITS: readonly BonusUnit[] = ["places", "etp", "heures"];

/** The columns of the facilities table. */
export type FacilityField =
  | "facility"
  | "operator"
  | "operatorKind"
  | "commune"
  | "domain"
  | "kind"
  | "unit"
  | "capacity"
  | "formerCej"
  | "newPlaces"
  | "reservedPlaces"
  | "openingDate"
  | "priorityArea"
  | "missions";
export const FACILITY_FIELDS: readonly FacilityField[] = [
  "facility",
  "operator",
  "operatorKind",
  "commune",
  "domain",
  "kind",
  "unit",
  "capacity",
  "formerCej",
  "newPlaces",
  "reservedPlaces",
  "openingDate",
  "priorityArea",
  "missions",
];

/** A month of a year: when new places open. */
export interface YearMonth {
  readonly year: number;
  /** 1 (January) to 12 (December). */
  readonly month: number;
}

/**
 * A quantity (places, ETP, hours) as an integer number of hundredths: 30 places is 3 000, 0,5 ETP is
 * 50. Integer so that sums are exact and `quantity × rate` rounds like Excel's ROUND.
 */
export type Hundredths = number & { readonly __brand: "Hundredths" };

/** One row of the facilities table, typed and checked. */
export interface Facility {
  /** 1-based row number in the sheet. */
  readonly sheetRow: number;
  readonly name: string;
  readonly operator: string;
  readonly operatorKind: OperatorKind;
  /** Official name of the matched commune. */
  readonly commune: string;
  readonly insee: string;
  /** The commune's basin in the reference used: the CTG (territory) the facility belongs to. */
  readonly basin: Basin;
  /** Domain as written (petite enfance, enfance, jeunesse, parentalité…), "" when empty. */
  readonly domain: string;
  readonly kind: BonusKind;
  readonly unit: BonusUnit;
  /** Existing capacity of the reference year (places, ETP or hours), in hundredths. */
  readonly capacity: Hundredths;
  /** Former CEJ amount of the reference year for this facility. */
  readonly formerCej: Cents;
  /** New places (EAJE), in hundredths of a place (whole places only: a multiple of 100). */
  readonly newPlaces: Hundredths;
  /** Among the new places, those reserved by employers (paid at the reserved-place rate). */
  readonly reservedPlaces: Hundredths;
  /** When the new places open; null when there are none. */
  readonly opening: YearMonth | null;
  /** Whether the facility is in a QPV or a ZRR (top new-place rate). */
  readonly priorityArea: boolean;
  /** Missions renforcées of an RPE. */
  readonly missions: number;
  /** Addresses of the row's cells, by field (the first column when the table has no such column). */
  readonly cells: Readonly<Record<FacilityField, string>>;
}

/** What reading a facilities table gives. */
export interface FacilityReadResult {
  /** 0-based index of the header row within the grid, or -1 when none was found. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: Partial<Record<FacilityField, number>>;
  /** The facilities read; empty whenever an issue of severity `error` remains. */
  readonly facilities: readonly Facility[];
  readonly issues: readonly Issue[];
}
