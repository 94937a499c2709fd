/**
 * What the issue sentences of both languages are written with (issue-sentences-fr.ts, -en.ts): quotes,
 * lists, amounts, the words for codes, and the hints on how to fix a value. Each language's table is a
 * module of its own, so that the pane loads only its language's (see issue-sentences.ts).
 */

import {
  columnLetters,
  formatMoney,
  SCENARIO_BONUS_KIND,
  SCENARIO_BONUS_LABELS,
  SCENARIO_TRANCHES,
  type AllocationKey,
  type Basin,
  type BonusKind,
  type BonusParamName,
  type BonusUnit,
  type Cents,
  type FacilityField,
  type Field,
  type IssueCode,
  type IssueDataByCode,
  type IssueOf,
  type Lang,
  type PlanParamName,
  type ScenarioBonusField,
  type ScenarioBonusKind,
} from "../core";
import {
  BASIN_LABELS,
  BONUS_KIND_LABELS,
  BONUS_PARAM_WORDS,
  FACILITY_FIELD_LABELS,
  FIELD_LABELS,
  KEY_LABELS,
  PARAM_WORDS,
  quote,
  UNIT_LABELS,
} from "./labels";
import { REPORT_CHOICES, type ReportChoices } from "./report-choices";

/** Joins quoted texts: « a », « b » ou « c » / "a", "b" or "c". */
function quoteList(texts: readonly string[], lang: Lang, last: "or" | "and" = "or"): string {
  const quoted = texts.map((t) => quote(t, lang));
  if (quoted.length <= 1) return quoted.join("");
  const word = lang === "fr" ? (last === "or" ? "ou" : "et") : last;
  return `${quoted.slice(0, -1).join(", ")} ${word} ${quoted[quoted.length - 1] ?? ""}`;
}

/** The word for a code; a code outside the table (data that did not come from the engine) as given. */
function word<K extends string>(table: Readonly<Record<K, string>>, code: K): string {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : code;
}

/** What the sentences of one language are written with: quotes, lists, amounts and the words for codes. */
export interface Kit {
  readonly q: (text: string) => string;
  readonly list: (texts: readonly string[], last?: "or" | "and") => string;
  readonly money: (c: Cents) => string;
  readonly field: (f: Field) => string;
  readonly facilityField: (f: FacilityField) => string;
  readonly basin: (b: Basin) => string;
  /** « Nord ou Sud » / "North or South". */
  readonly basins: string;
  readonly key: (k: AllocationKey) => string;
  readonly kind: (k: BonusKind) => string;
  readonly unit: (u: BonusUnit) => string;
  readonly param: (p: PlanParamName) => string;
  /** « Plancher par place (CTG_B_PlancherEAJE) » / "Floor per place (CTG_B_PlancherEAJE)". */
  readonly bonusParam: (d: { readonly param: BonusParamName; readonly name: string }) => string;
  /** The report's choice words of this language (yes, no, the pro-rata rules). */
  readonly report: ReportChoices;
  /** « (vouliez-vous dire « A » ou « B » ?) » after an unknown name, or "" without suggestions. */
  readonly hint: (suggestions: readonly string[]) => string;
}

export function kit(lang: Lang): Kit {
  return {
    q: (text) => quote(text, lang),
    list: (texts, last) => quoteList(texts, lang, last),
    money: (c) => formatMoney(c, lang),
    field: (f) => word(FIELD_LABELS[lang], f),
    facilityField: (f) => word(FACILITY_FIELD_LABELS[lang], f),
    basin: (b) => word(BASIN_LABELS[lang], b),
    basins: `${BASIN_LABELS[lang].nord} ${lang === "fr" ? "ou" : "or"} ${BASIN_LABELS[lang].sud}`,
    key: (k) => word(KEY_LABELS[lang], k),
    kind: (k) => word(BONUS_KIND_LABELS[lang], k),
    unit: (u) => word(UNIT_LABELS[lang], u),
    param: (p) => word(PARAM_WORDS[lang], p),
    bonusParam: (d) => `${word(BONUS_PARAM_WORDS[lang], d.param)} (${d.name})`,
    report: REPORT_CHOICES[lang],
    hint: (suggestions) =>
      suggestions.length === 0
        ? ""
        : lang === "fr"
          ? ` (vouliez-vous dire ${quoteList(suggestions, lang)} ?)`
          : ` (did you mean ${quoteList(suggestions, lang)}?)`,
  };
}

/** One sentence of one code: from the code's data and the issue's related cells. */
export type Sentence<C extends IssueCode> = (data: IssueDataByCode[C], related: readonly string[]) => string;

/** Every code's sentence in one language: one entry per code, checked by the compiler. */
export type IssueSentences = { readonly [C in IssueCode]: Sentence<C> };

/**
 * The sentence of one issue, from one language's table.
 *
 * @param sentences - the language's table
 * @param issue - the issue
 * @returns the sentence, without the cell address
 */
export function phrase<C extends IssueCode>(sentences: IssueSentences, issue: IssueOf<C>): string {
  const sentence: Sentence<C> = sentences[issue.code];
  return sentence(issue.data, issue.related ?? []);
}

/** How the column the user chose is named: its position, and its letters when the grid starts in A. */
export const chosenColumn = (column: number, lang: Lang): string =>
  Number.isInteger(column) && column >= 0 && column <= 16383
    ? lang === "fr"
      ? `la ${column + 1}e colonne (${columnLetters(column)} si le tableau commence en colonne A)`
      : `column ${column + 1} (${columnLetters(column)} if the table starts in column A)`
    : lang === "fr"
      ? `la colonne ${String(column)}`
      : `column ${String(column)}`;

/** How to fix a parameter that is not a possible value. */
export function paramHow(p: PlanParamName, lang: Lang): string {
  const k = kit(lang);
  if (p === "costHT" || p === "capHT")
    return lang === "fr"
      ? "saisissez un montant en euros (ex. 40 000,00)"
      : "enter an amount in euros (e.g. 40,000.00)";
  if (p === "key")
    return `${lang === "fr" ? "choisissez" : "choose"} ${k.list(Object.values(KEY_LABELS[lang]))}`;
  if (p === "cafBase") return `${lang === "fr" ? "choisissez" : "choose"} ${k.list(["HT", "TTC"])}`;
  return lang === "fr"
    ? "saisissez un pourcentage (ex. 50 %) avec au plus quatre décimales"
    : "enter a percentage (e.g. 50%) with at most four decimals";
}

/** How to fill a scenario's bonus cell of one kind (a number, not a text: the comparison computes it). */
const SCENARIO_BONUS_HOW: Readonly<Record<Lang, Readonly<Record<ScenarioBonusKind, string>>>> = {
  fr: {
    year: "saisissez une année entre 2000 et 2100 (ex. 2025)",
    duration: "saisissez 4 ou 5 (années)",
    rate: "saisissez un pourcentage entre 0 et 100 % (ex. 2 %) avec au plus quatre décimales",
    tranche: `saisissez un numéro de tranche de 1 à ${SCENARIO_TRANCHES}`,
    amount: "saisissez un montant en euros, positif ou nul, au centime près (ex. 3 100,00)",
  },
  en: {
    year: "enter a year between 2000 and 2100 (e.g. 2025)",
    duration: "enter 4 or 5 (years)",
    rate: "enter a percentage between 0 and 100% (e.g. 2%) with at most four decimals",
    tranche: `enter a tranche number from 1 to ${SCENARIO_TRANCHES}`,
    amount: "enter an amount in euros, zero or more, to the cent (e.g. 3,100.00)",
  },
};

/** A scenario's bonus row as the sheet labels it, quoted. */
export const bonusRow = (f: ScenarioBonusField, lang: Lang): string =>
  quote(word(SCENARIO_BONUS_LABELS[lang], f), lang);

/** How a scenario bonus field is filled; a field outside the table (data not from the engine): a number. */
export const bonusHow = (f: ScenarioBonusField, lang: Lang): string => {
  const kind = Object.prototype.hasOwnProperty.call(SCENARIO_BONUS_KIND, f)
    ? SCENARIO_BONUS_KIND[f]
    : "amount";
  return SCENARIO_BONUS_HOW[lang][kind];
};

/** How to fix a bonus parameter that does not read (an amount, a rate, or either for the trajectoire). */
export function bonusParamHow(p: BonusParamName, lang: Lang): string {
  const amount =
    lang === "fr"
      ? "saisissez un montant en euros, positif ou nul (ex. 2 600,00)"
      : "enter an amount in euros, zero or more (e.g. 2,600.00)";
  const rate =
    lang === "fr"
      ? "saisissez un pourcentage de 0 % à 100 % (ex. 2 %)"
      : "enter a percentage from 0% to 100% (e.g. 2%)";
  if (p === "uplifts") return rate;
  if (p === "trajectoire")
    return lang === "fr"
      ? "saisissez un pourcentage pour un seuil (ex. 4 %), un montant en euros pour un montant par place (ex. 100,00)"
      : "enter a percentage for a threshold (e.g. 4%), an amount in euros for an amount per place (e.g. 100.00)";
  return amount;
}
