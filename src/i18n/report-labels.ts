import type { AllocationKey, Basin, CafBase, Lang } from "../core";
import { EN } from "./report-labels-en";
import { FR } from "./report-labels-fr";

/*
 * The keys of the report's words. The report (src/report, which imports this folder and not the other
 * way round) names its sheets, figures and columns with these same keys: a key it adds without a word
 * here fails to compile (report/context.ts: WordKeysAgree).
 */

/** Every kind of sheet a report holds (report/model.ts: ReportSheetKind). */
export type ReportSheetWordKey =
  | "parameters"
  | "communes"
  | "synthesis"
  | "engineering"
  | "basins"
  | "checks"
  | "scenarios"
  | "comparison"
  | "bonus"
  | "bonusCommunes";

/** A figure of `Ingénierie CTG` (report/schema.ts: EngineeringRow). */
export type EngineeringRowWordKey =
  | "cost"
  | "cap"
  | "eligible"
  | "cafRate"
  | "caf"
  | "cuHT"
  | "vatRate"
  | "vat"
  | "ttc"
  | "cuTTC"
  | "cafBase"
  | "eligibleTTC";

/** A column of `Répartition bassins` (report/schema.ts: BASINS_LAYOUT.cols). */
export type BasinsColumnWordKey =
  | "basin"
  | "communes"
  | "population"
  | "year"
  | "cej"
  | "cejShare"
  | "key"
  | "keyShare"
  | "cost"
  | "caf"
  | "cuHT"
  | "vat"
  | "ttc"
  | "cuTTC";

/** Every word the report writes, in French and English. */
export interface ReportLabels {
  readonly sheetNames: Readonly<Record<ReportSheetWordKey, string>>;
  readonly basins: Readonly<Record<Basin, string>>;
  readonly keys: Readonly<Record<AllocationKey, string>>;
  /** The Caf base as the parameter cell holds it (`HT`, `TTC` in both languages: formulas compare to `TTC`). */
  readonly cafBases: Readonly<Record<CafBase, string>>;
  readonly yes: string;
  readonly no: string;
  readonly ok: string;
  readonly gap: string;
  readonly regenerate: string;
  readonly params: {
    readonly title: string;
    readonly subtitle: string;
    readonly header: readonly [string, string, string];
    readonly rows: Readonly<
      Record<"costHT" | "capHT" | "cafRate" | "vatRate" | "key" | "cafBase", readonly [string, string]>
    >;
    readonly amountError: string;
    readonly rateError: string;
    readonly keyError: string;
    readonly cafBaseError: string;
  };
  readonly communes: {
    readonly title: string;
    readonly note: string;
    readonly columns: readonly [string, string, string, string, string, string, string];
    readonly basinError: string;
    readonly yesNoError: string;
  };
  readonly synthesis: {
    readonly title: string;
    readonly source: (what: string, rows: number) => string;
    readonly insee: string;
    readonly commune: string;
    readonly basin: string;
    readonly total: string;
    readonly share: string;
    readonly basinTotal: (basin: string) => string;
    readonly grandTotal: string;
    readonly fundedCommunes: string;
    readonly noDomain: string;
    readonly textNote: string;
  };
  readonly engineering: {
    readonly title: string;
    readonly header: readonly [string, string, string];
    /** Label and explanation of each figure, by its row's key. */
    readonly rows: Readonly<Record<EngineeringRowWordKey, readonly [string, string]>>;
    readonly capWarning: string;
    readonly splitTitle: string;
    readonly splitHeader: readonly string[];
    readonly total: string;
  };
  readonly basinsSheet: {
    readonly title: string;
    readonly keyPrefix: string;
    /** The header of each column, by the column's key. */
    readonly header: Readonly<Record<BasinsColumnWordKey, string>>;
    readonly total: string;
    /** What a basin's key share says when the key sums to zero, or has a negative value. */
    readonly keyZero: string;
    readonly keyNegative: string;
    readonly chartTitle: string;
  };
  readonly scenariosSheet: {
    readonly title: string;
    readonly note: string;
    readonly communesTitle: string;
    readonly insee: string;
    readonly commune: string;
    readonly basin: string;
    readonly amountError: string;
    readonly rateError: string;
    /** Under the bonus rows' title: blank = current, how added places are planned. */
    readonly bonusNote: string;
    readonly placesHeader: string;
    readonly openingHeader: string;
    readonly yearError: string;
    readonly durationError: string;
    readonly trancheError: string;
    readonly placesError: string;
    readonly openingError: string;
  };
  readonly comparison: {
    readonly title: string;
    readonly subtitle: string;
    readonly scenario: string;
    readonly paramsTitle: string;
    readonly params: Readonly<Record<"costHT" | "capHT" | "cafRate" | "vatRate" | "key" | "cafBase", string>>;
    readonly engineeringTitle: string;
    readonly engineering: Readonly<
      Record<"eligibleHT" | "eligibleTTC" | "caf" | "cuHT" | "vat" | "costTTC" | "cuTTC", string>
    >;
    readonly basinTitle: (basin: string) => string;
    readonly basin: Readonly<
      Record<
        "communes" | "population" | "cej" | "key" | "keyShare" | "cost" | "caf" | "vat" | "cuHT" | "cuTTC",
        string
      >
    >;
    readonly diffTitle: (first: string) => string;
    readonly diffEuros: (figure: string) => string;
    readonly diffPercent: (figure: string) => string;
    readonly helperTitle: string;
    readonly helperNote: string;
    readonly helperHeader: readonly [string, string, string, string, string];
    readonly helperBasin: (scenario: string) => string;
    readonly chartTitle: string;
    readonly chartSeries: (figure: "caf" | "cuTTC", basin: string) => string;
    /** The bonus territoire rows (issue #14): per basin and year, then the difference with the current plan. */
    readonly bonusTitle: string;
    readonly bonusDiffTitle: string;
    readonly bonusRow: (basin: string, year: number) => string;
    readonly bonusRowTotal: (basin: string) => string;
    /** The working block of one scenario's bonus. */
    readonly bonusWorkTitle: (scenario: string) => string;
    readonly bonusWorkNote: string;
    readonly bonusWorkParams: readonly [string, string];
  };
  readonly checks: {
    readonly title: string;
    readonly allGreen: string;
    readonly notGreen: string;
    readonly header: readonly [string, string, string, string, string];
    readonly basinsFoot: string;
    readonly costFoot: string;
    readonly cafFoot: string;
    readonly vatFoot: string;
    readonly cafPlusCu: string;
    readonly inputFoot: string;
    readonly communesBasin: string;
    readonly scenariosFoot: string;
    readonly complete: string;
    readonly keyUsable: string;
    readonly communesKnown: string;
    readonly paramsInRange: string;
    readonly scenarioReads: (column: string) => string;
    readonly basinsMatchFirst: string;
    /** `> 0`: the expected value of the key's sum. */
    readonly positive: string;
    /** What to do when a check is not green, by check; `cells` fixes name the cells between two texts. */
    readonly fix: {
      readonly basinsFoot: string;
      readonly partsFoot: string;
      readonly cafPlusCu: string;
      readonly inputFoot: string;
      readonly communesBasin: string;
      readonly scenariosFoot: string;
      readonly complete: string;
      readonly keyUsable: (keyCell: string, sumCell: string) => string;
      readonly communesKnown: readonly [string, string];
      readonly paramsInRange: readonly [string, string];
      readonly scenarioReads: readonly [string, string];
      readonly basinsMatchFirst: string;
    };
    readonly warningsTitle: string;
    readonly warningsHeader: readonly [string, string];
    readonly noWarnings: string;
    readonly stampTitle: string;
    readonly stamp: {
      readonly date: string;
      readonly version: string;
      readonly source: string;
      readonly rows: string;
      readonly hash: string;
    };
  };
  /** The words of the bonus territoire sheets, parameters and checks (issue #14). */
  readonly bonus: BonusLabels;
  readonly footer: string;
  /** The comment of the name that holds the formulas' fingerprint. */
  readonly formulasKeyComment: string;
}

/** The words of the bonus territoire (issue #14): parameters, sheets and checks. */
export interface BonusLabels {
  /** `Paramètres CTG`: the section's title and what an assumption's note ends with. */
  readonly paramsTitle: string;
  readonly paramsNote: string;
  readonly toConfirm: string;
  readonly published: string;
  /** Label of each parameter row, by the row's key (see bonus-layout.ts). */
  readonly param: {
    readonly start: (basin: string) => string;
    readonly duration: (basin: string) => string;
    readonly referenceYear: string;
    readonly floor: (kind: string) => string;
    readonly uplift: (year: number) => string;
    readonly upliftKind: (kind: string) => string;
    readonly newPlaceRate: (tranche: number) => string;
    readonly tranche: string;
    readonly priorityAreaRate: string;
    readonly reservedPlaceRate: string;
    readonly trajectoireBaseYear: string;
    readonly trajectoireTargetYear: string;
    readonly trajectoireFirstYear: string;
    readonly trajectoireThreshold: (step: number) => string;
    readonly trajectoireAmount: (step: number) => string;
    readonly rpeFlat: string;
    readonly rpeMission: string;
    readonly proRata: string;
  };
  /** The pro-rating rule as its list cell holds it. */
  readonly proRata: { readonly months: string; readonly "full-year": string };
  readonly paramError: string;
  readonly territoire: {
    readonly title: string;
    readonly subtitle: string;
    readonly basinTitle: string;
    readonly basin: string;
    readonly total: string;
    readonly chartTitle: string;
    readonly poolTitle: string;
    readonly poolHeader: readonly [string, string, string, string, string, string, string, string];
    readonly afterUplift: (year: number) => string;
    readonly poolYear: (year: number) => string;
    readonly trajectoireTitle: string;
    readonly trajectoireHeader: (base: number, target: number) => readonly [string, string, string, string];
    readonly reached: (step: number) => string;
    readonly perPlace: string;
    readonly facilitiesTitle: string;
    readonly facilitiesNote: string;
    readonly facilityHeader: readonly string[];
    readonly yearTotal: (year: number) => string;
    readonly existing: (year: number) => string;
    readonly newPlaces: (year: number) => string;
    readonly trajectoire: (year: number) => string;
    readonly missions: (year: number) => string;
    readonly flags: readonly [string, string, string, string];
  };
  readonly communes: {
    readonly title: string;
    readonly subtitle: string;
    readonly byCommuneTitle: string;
    readonly header: readonly [string, string, string, string];
    readonly total: string;
    readonly reconciliationTitle: string;
    readonly reconciliationNote: string;
    readonly toCommune: (year: number) => string;
    readonly toOthers: (year: number) => string;
    readonly difference: (year: number) => string;
    readonly byDomainTitle: string;
    readonly domain: string;
    readonly noDomain: string;
    readonly byOperatorTitle: string;
    readonly operatorKind: string;
  };
  readonly checks: {
    readonly constantMeans: (basin: string, kind: string) => string;
    readonly communesKnown: string;
    readonly kindsKnown: string;
    readonly placesPositive: string;
    readonly yearsShown: string;
    readonly paramsInRange: string;
    readonly fix: {
      readonly constantMeans: string;
      readonly communesKnown: readonly [string, string];
      readonly kindsKnown: readonly [string, string];
      readonly placesPositive: readonly [string, string];
      readonly yearsShown: string;
      readonly paramsInRange: readonly [string, string];
    };
  };
}

/**
 * @param lang - the language
 * @returns the report's words in that language
 */
export function reportLabels(lang: Lang): ReportLabels {
  return lang === "fr" ? FR : EN;
}
