/**
 * The one place where issue codes become sentences, in French and English side by side. Each sentence
 * says what is wrong and how to fix it, from the issue's typed `data` (see `IssueDataByCode` in
 * core/types.ts) and its `related` cells where they help. The table is checked by the compiler: one
 * entry per code, each with a French and an English sentence of that code's data; no key can be missing.
 */

import {
  columnLetters,
  formatMoney,
  type PlanParamName,
  type BonusParamName,
  type AllocationKey,
  type Basin,
  type BonusKind,
  type BonusUnit,
  type Cents,
  type FacilityField,
  type Field,
  type Issue,
  type IssueCode,
  type IssueDataByCode,
  type IssueOf,
  type Lang,
  type OperatorKind,
  FACILITY_HEADERS,
  SCENARIO_BONUS_KIND,
  SCENARIO_BONUS_LABELS,
  SCENARIO_TRANCHES,
  type ScenarioBonusField,
  type ScenarioBonusKind,
} from "../core";
import { EN } from "./report-labels-en";
import { FR } from "./report-labels-fr";
import type { ReportLabels } from "./report-labels";
/** Names of the funding table's fields, as shown to the user. */
export const FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<Field, string>>>> = {
  fr: {
    commune: "Commune",
    insee: "Code INSEE",
    basin: "Bassin",
    domain: "Domaine",
    action: "Action",
    year: "Année",
    amount: "Montant",
  },
  en: {
    commune: "Commune",
    insee: "INSEE code",
    basin: "Basin",
    domain: "Domain",
    action: "Action",
    year: "Year",
    amount: "Amount",
  },
};

/** Names of the basins. */
export const BASIN_LABELS: Readonly<Record<Lang, Readonly<Record<Basin, string>>>> = {
  fr: { nord: "Nord", sud: "Sud" },
  en: { nord: "North", sud: "South" },
};

/** Names of the allocation keys. */
export const KEY_LABELS: Readonly<Record<Lang, Readonly<Record<AllocationKey, string>>>> = {
  fr: {
    cej: "Montants CEJ",
    population: "Population",
    communes: "Nombre de communes",
    equal: "Parts égales",
  },
  en: { cej: "CEJ amounts", population: "Population", communes: "Number of communes", equal: "Equal shares" },
};

/** Names of the parameters inside sentences (the report has its own labels for the sheet). */
export const PARAM_WORDS: Readonly<Record<Lang, Readonly<Record<PlanParamName, string>>>> = {
  fr: {
    costHT: "Coût HT de la mission d'ingénierie",
    capHT: "Plafond HT",
    cafRate: "Taux de la Caf",
    vatRate: "Taux de TVA",
    key: "Clé de répartition",
    cafBase: "Base de calcul de la Caf",
  },
  en: {
    costHT: "Engineering cost excl. VAT",
    capHT: "Cap excl. VAT",
    cafRate: "Caf rate",
    vatRate: "VAT rate",
    key: "Allocation key",
    cafBase: "Base of the Caf share",
  },
};

/** Names of the bonus territoire parameters inside sentences (issue #14). */
export const BONUS_PARAM_WORDS: Readonly<Record<Lang, Readonly<Record<BonusParamName, string>>>> = {
  fr: {
    ctg: "Début ou durée de la CTG",
    referenceYear: "Année de référence",
    floor: "Plancher par place",
    uplifts: "Revalorisation annuelle",
    upliftKinds: "Type revalorisé",
    newPlaceRates: "Montant par place nouvelle de la tranche",
    tranche: "Tranche de la CUCM",
    priorityAreaRate: "Montant par place nouvelle en QPV ou ZRR",
    reservedPlaceRate: "Montant par place réservataire",
    trajectoireBaseYear: "Année de départ du bonus trajectoire",
    trajectoireTargetYear: "Année d'arrivée du bonus trajectoire",
    trajectoireFirstYear: "Première année du bonus trajectoire",
    trajectoire: "Bonus trajectoire (seuil ou montant par place)",
    rpeFlat: "Forfait RPE",
    rpeMission: "Montant par mission renforcée d'un RPE",
    proRata: "Prorata de l'année d'ouverture",
  },
  en: {
    ctg: "CTG start or length",
    referenceYear: "Reference year",
    floor: "Floor per place",
    uplifts: "Annual uplift",
    upliftKinds: "Kind uplifted",
    newPlaceRates: "New-place rate of the tranche",
    tranche: "The CUCM's tranche",
    priorityAreaRate: "New-place rate in a QPV or ZRR",
    reservedPlaceRate: "Reserved-place rate",
    trajectoireBaseYear: "Base year of the bonus trajectoire",
    trajectoireTargetYear: "Target year of the bonus trajectoire",
    trajectoireFirstYear: "First year of the bonus trajectoire",
    trajectoire: "Bonus trajectoire (threshold or amount per place)",
    rpeFlat: "RPE flat amount",
    rpeMission: "Amount per reinforced mission of an RPE",
    proRata: "Pro rata of the opening year",
  },
};

/** Column headers the reader recognizes, to suggest when a column is missing. */
export const HEADER_HINTS: Readonly<Record<Lang, Readonly<Record<Field, readonly string[]>>>> = {
  fr: {
    commune: ["Commune", "Ville"],
    insee: ["Code INSEE"],
    basin: ["Bassin", "Bassin de vie"],
    domain: ["Domaine", "Champ"],
    action: ["Action", "Équipement", "Dispositif"],
    year: ["Année", "Exercice"],
    amount: ["Montant", "Montant CEJ", "Montant versé", "PSEJ"],
  },
  en: {
    commune: ["Commune", "Municipality"],
    insee: ["INSEE code"],
    basin: ["Basin"],
    domain: ["Domain"],
    action: ["Action", "Equipment"],
    year: ["Year"],
    amount: ["Amount", "Amount paid"],
  },
};

/** A text between quotes: « text » in French (no-break spaces inside), "text" in English. */
export function quote(text: string, lang: Lang): string {
  return lang === "fr" ? `«\u00A0${text}\u00A0»` : `"${text}"`;
}

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
interface Kit {
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
  /** The report's words of this language (yes, no, the pro-rata rules). */
  readonly report: ReportLabels;
  /** « (vouliez-vous dire « A » ou « B » ?) » after an unknown name, or "" without suggestions. */
  readonly hint: (suggestions: readonly string[]) => string;
}

function kit(lang: Lang): Kit {
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
    report: lang === "fr" ? FR : EN,
    hint: (suggestions) =>
      suggestions.length === 0
        ? ""
        : lang === "fr"
          ? ` (vouliez-vous dire ${quoteList(suggestions, lang)} ?)`
          : ` (did you mean ${quoteList(suggestions, lang)}?)`,
  };
}

const fr = kit("fr");
const en = kit("en");

/** One sentence of one code: from the code's data and the issue's related cells. */
type Sentence<C extends IssueCode> = (data: IssueDataByCode[C], related: readonly string[]) => string;

/** Every code's sentence in French and in English. */
type IssueSentences = { readonly [C in IssueCode]: { readonly fr: Sentence<C>; readonly en: Sentence<C> } };

/** How the column the user chose is named: its position, and its letters when the grid starts in A. */
const chosenColumn = (column: number, lang: Lang): string =>
  Number.isInteger(column) && column >= 0 && column <= 16383
    ? lang === "fr"
      ? `la ${column + 1}e colonne (${columnLetters(column)} si le tableau commence en colonne A)`
      : `column ${column + 1} (${columnLetters(column)} if the table starts in column A)`
    : lang === "fr"
      ? `la colonne ${String(column)}`
      : `column ${String(column)}`;

/** How to fix a parameter that is not a possible value. */
function paramHow(p: PlanParamName, lang: Lang): string {
  const k = lang === "fr" ? fr : en;
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
const bonusRow = (f: ScenarioBonusField, lang: Lang): string =>
  quote(word(SCENARIO_BONUS_LABELS[lang], f), lang);

/** How a scenario bonus field is filled; a field outside the table (data not from the engine): a number. */
const bonusHow = (f: ScenarioBonusField, lang: Lang): string => {
  const kind = Object.prototype.hasOwnProperty.call(SCENARIO_BONUS_KIND, f)
    ? SCENARIO_BONUS_KIND[f]
    : "amount";
  return SCENARIO_BONUS_HOW[lang][kind];
};

/** How to fix a bonus parameter that does not read (an amount, a rate, or either for the trajectoire). */
function bonusParamHow(p: BonusParamName, lang: Lang): string {
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

const ISSUE_SENTENCES: IssueSentences = {
  "header-not-found": {
    fr: () =>
      `Ligne d'en-tête introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${fr.list(["Commune", "Montant"], "and")}, ou choisissez les colonnes à la main.`,
    en: () =>
      `No header row found: add a row of titles above the data with at least the columns ${en.list(["Commune", "Amount"], "and")}, or choose the columns by hand.`,
  },
  "table-header-hidden": {
    fr: (d) =>
      `Le tableau « ${d.table} » masque sa ligne d'en-tête : ses colonnes ne peuvent pas être reconnues. Affichez-la (onglet Création de tableau, case Ligne d'en-tête), puis relancez.`,
    en: (d) =>
      `The table "${d.table}" hides its header row: its columns cannot be recognised. Show it (Table Design tab, Header Row box), then run again.`,
  },
  "missing-column": {
    fr: (d) =>
      `Colonne ${fr.q(fr.field(d.field))} introuvable : ajoutez une colonne intitulée ${fr.list(HEADER_HINTS.fr[d.field] ?? [])}, ou choisissez-la dans la correspondance des colonnes.`,
    en: (d) =>
      `Column ${en.q(en.field(d.field))} not found: add a column headed ${en.list(HEADER_HINTS.en[d.field] ?? [])}, or choose it in the column mapping.`,
  },
  "duplicate-column": {
    fr: (d) =>
      `Plusieurs colonnes correspondent à ${fr.q(fr.field(d.field))} (${fr.list(d.columns, "and")}) : renommez ou supprimez celle qui ne sert pas, ou choisissez la bonne dans la correspondance des colonnes.`,
    en: (d) =>
      `Several columns match ${en.q(en.field(d.field))} (${en.list(d.columns, "and")}): rename or delete the one not to use, or choose the right one in the column mapping.`,
  },
  "mapping-out-of-range": {
    fr: (d) =>
      `La colonne choisie pour ${fr.q(fr.field(d.field))}, ${chosenColumn(d.column, "fr")}, est en dehors du tableau : choisissez une colonne du tableau dans la correspondance des colonnes.`,
    en: (d) =>
      `The column chosen for ${en.q(en.field(d.field))}, ${chosenColumn(d.column, "en")}, is outside the table: choose one of the table's columns in the column mapping.`,
  },
  "amount-empty": {
    fr: () => "Montant vide : saisissez le montant versé en euros (ex. 12 345,67) ou supprimez la ligne.",
    en: () => "Empty amount: enter the amount paid in euros (e.g. 12,345.67) or delete the row.",
  },
  "amount-not-a-number": {
    fr: (d) =>
      `${fr.q(d.value)} n'est pas un montant : saisissez un nombre en euros (ex. 12 345,67 ou 12 345,67 €).`,
    en: (d) => `${en.q(d.value)} is not an amount: enter a number of euros (e.g. 12,345.67 or €12,345.67).`,
  },
  "amount-error-value": {
    fr: (d) =>
      `La cellule du montant contient l'erreur ${d.value} : corrigez la formule ou remplacez-la par le montant en euros.`,
    en: (d) =>
      `The amount cell holds the error ${d.value}: fix the formula or replace it with the amount in euros.`,
  },
  "amount-fraction-of-cent": {
    fr: (d) =>
      `Montant ${fr.q(d.value)} avec des fractions de centime : arrondissez-le au centime (deux décimales au plus).`,
    en: (d) =>
      `Amount ${en.q(d.value)} has fractions of a cent: round it to the cent (two decimals at most).`,
  },
  "amount-too-large": {
    fr: (d) =>
      `Montant ${fr.q(d.value)} trop grand pour être un montant en euros : vérifiez la cellule (unité, zéros en trop).`,
    en: (d) =>
      `Amount ${en.q(d.value)} is too large to be an amount in euros: check the cell (unit, extra zeros).`,
  },
  "amount-as-text": {
    fr: (d) =>
      `Montant saisi comme texte ${fr.q(d.value)}, lu comme ${fr.money(d.amount)} : vérifiez-le ; pour ne plus voir cet avertissement, convertissez la cellule en nombre.`,
    en: (d) =>
      `Amount entered as text ${en.q(d.value)}, read as ${en.money(d.amount)}: check it; to clear this warning, convert the cell to a number.`,
  },
  "amount-negative": {
    fr: (d) =>
      `Montant négatif (${fr.money(d.amount)}) : compté comme une régularisation qui réduit le total de la commune. Si le signe moins est une erreur, retirez-le.`,
    en: (d) =>
      `Negative amount (${en.money(d.amount)}): counted as a correction that lowers the commune's total. If the minus sign is a mistake, remove it.`,
  },
  "commune-total-negative": {
    fr: (d) =>
      `Le total des montants de ${fr.q(d.commune)} est négatif (${fr.money(d.total)}) : les régularisations dépassent les versements ; corrigez les montants négatifs de cette commune.`,
    en: (d) =>
      `The total of ${en.q(d.commune)} is negative (${en.money(d.total)}): its corrections exceed its payments; fix this commune's negative amounts.`,
  },
  "commune-empty": {
    fr: () => "Commune vide : saisissez le nom ou le code INSEE de la commune, ou supprimez la ligne.",
    en: () => "Empty commune: enter the commune's name or INSEE code, or delete the row.",
  },
  "commune-unknown": {
    fr: (d) =>
      `Commune inconnue ${fr.q(d.value)} : corrigez le nom${fr.hint(d.suggestions)} ; pour une commune hors de la communauté urbaine, indiquez son bassin (${fr.basins}) dans la colonne Bassin.`,
    en: (d) =>
      `Unknown commune ${en.q(d.value)}: correct the name${en.hint(d.suggestions)}; for a commune outside the urban community, give its basin (${en.basins}) in the Basin column.`,
  },
  "commune-unknown-kept": {
    fr: (d) =>
      `Commune ${fr.q(d.value)} hors de la liste de référence : gardée sous ce nom dans le bassin ${fr.basin(d.basin)}. Si c'est une faute de frappe, corrigez le nom.`,
    en: (d) =>
      `Commune ${en.q(d.value)} is not in the reference list: kept under this name in the ${en.basin(d.basin)} basin. If it is a typo, correct the name.`,
  },
  "insee-unknown": {
    fr: (d) =>
      `Code INSEE ${fr.q(d.value)} inconnu parmi les communes de référence : corrigez-le (5 chiffres, ex. 71153) ou videz la cellule pour reconnaître la commune par son nom.`,
    en: (d) =>
      `INSEE code ${en.q(d.value)} is not one of the reference communes: correct it (5 digits, e.g. 71153) or clear the cell to match the commune by its name.`,
  },
  "insee-mismatch": {
    fr: (d) =>
      `Le code INSEE ${fr.q(d.insee)} n'est pas celui de ${fr.q(d.commune)} : corrigez le code ou le nom pour qu'ils désignent la même commune.`,
    en: (d) =>
      `INSEE code ${en.q(d.insee)} is not that of ${en.q(d.commune)}: correct the code or the name so that both name the same commune.`,
  },
  "basin-invalid": {
    fr: (d) =>
      `Bassin ${fr.q(d.value)} non reconnu : saisissez ${fr.basins}, ou videz la cellule pour prendre le bassin de référence.`,
    en: (d) =>
      `Basin ${en.q(d.value)} not recognized: enter ${en.basins}, or clear the cell to use the reference basin.`,
  },
  "basin-differs": {
    fr: (d) =>
      `Bassin ${fr.basin(d.given)} indiqué pour ${fr.q(d.commune)}, alors que la référence indique ${fr.basin(d.reference)} : le bassin de la ligne est retenu. Si c'est une erreur, corrigez ou videz la cellule.`,
    en: (d) =>
      `Basin ${en.basin(d.given)} given for ${en.q(d.commune)}, while the reference says ${en.basin(d.reference)}: the row's basin is used. If it is a mistake, correct or clear the cell.`,
  },
  "basin-conflict": {
    fr: (d, [where]) =>
      `${fr.q(d.commune)} est placée dans le bassin ${fr.basin(d.second)} ici, mais dans le bassin ${fr.basin(d.first)}${where === undefined ? "" : ` en ${where}`} : une commune n'a qu'un bassin, mettez le même sur toutes ses lignes.`,
    en: (d, [where]) =>
      `${en.q(d.commune)} is put in the ${en.basin(d.second)} basin here but in the ${en.basin(d.first)} basin${where === undefined ? "" : ` in ${where}`}: a commune has one basin, give the same on all its rows.`,
  },
  "population-invalid": {
    fr: (d) =>
      `Population ${fr.q(d.value)} invalide : saisissez un nombre entier d'habitants, positif ou nul (ex. 20509), ou videz la cellule pour reprendre la population de référence.`,
    en: (d) =>
      `Invalid population ${en.q(d.value)}: enter a whole number of inhabitants, zero or more (e.g. 20509), or clear the cell to use the reference population.`,
  },
  "year-invalid": {
    fr: (d) => `Année ${fr.q(d.value)} invalide : saisissez une année entière entre 2000 et 2100 (ex. 2019).`,
    en: (d) => `Invalid year ${en.q(d.value)}: enter a whole year between 2000 and 2100 (e.g. 2019).`,
  },
  "duplicate-row": {
    fr: (d) =>
      `Ligne identique à celle de ${d.first} : elle est comptée deux fois ; supprimez-la si c'est un doublon.`,
    en: (d) => `Row identical to the one at ${d.first}: it is counted twice; delete it if it is a duplicate.`,
  },
  "no-rows": {
    fr: () =>
      "Aucune ligne de financement sous l'en-tête : saisissez une ligne par commune (et par action ou année) avec sa commune et son montant.",
    en: () =>
      "No funding row below the header: enter one row per commune (and per action or year) with its commune and amount.",
  },
  "param-invalid": {
    fr: (d) =>
      `${fr.param(d.param)} : ${fr.q(d.value)} n'est pas une valeur possible ; ${paramHow(d.param, "fr")}.`,
    en: (d) => `${en.param(d.param)}: ${en.q(d.value)} is not a valid value; ${paramHow(d.param, "en")}.`,
  },
  "param-rate-range": {
    fr: (d) =>
      `${fr.param(d.param)} : ${fr.q(d.value)} est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 50 %). Un nombre sans % est lu comme une fraction (0,5 = 50 %).`,
    en: (d) =>
      `${en.param(d.param)}: ${en.q(d.value)} is outside 0% to 100%; enter a percentage (e.g. 50%). A number without % is read as a fraction (0.5 = 50%).`,
  },
  "param-negative": {
    fr: (d) => `${fr.param(d.param)} : ${fr.q(d.value)} est négatif ; saisissez un montant positif ou nul.`,
    en: (d) => `${en.param(d.param)}: ${en.q(d.value)} is negative; enter an amount of zero or more.`,
  },
  "cost-above-cap": {
    fr: (d) =>
      `Le coût HT (${fr.money(d.cost)}) dépasse le plafond (${fr.money(d.cap)}) : la Caf ne finance que le plafond, la communauté urbaine prend le dépassement à sa charge. Vérifiez le coût ou le plafond.`,
    en: (d) =>
      `The cost excl. VAT (${en.money(d.cost)}) is above the cap (${en.money(d.cap)}): the Caf funds the cap only, the urban community bears the excess. Check the cost or the cap.`,
  },
  "key-sum-zero": {
    fr: (d) =>
      `La clé de répartition ${fr.q(fr.key(d.key))} vaut zéro pour les deux bassins : l'ingénierie ne peut pas être répartie. Complétez les données de cette clé ou choisissez une autre clé (ex. ${fr.q(KEY_LABELS.fr.equal)}).`,
    en: (d) =>
      `The allocation key ${en.q(en.key(d.key))} is zero for both basins: the engineering cannot be split. Complete the data of that key or choose another key (e.g. ${en.q(KEY_LABELS.en.equal)}).`,
  },
  "scenario-unnamed": {
    fr: (d) =>
      `La colonne ${d.column} des scénarios a des valeurs mais pas de nom : elle est ignorée. Donnez-lui un nom dans la ligne « Nom » pour en faire un scénario.`,
    en: (d) =>
      `Column ${d.column} of the scenarios has values but no name: it is ignored. Give it a name in the "Name" row to make it a scenario.`,
  },
  "scenario-duplicate-name": {
    fr: (d) =>
      `Le scénario ${fr.q(d.name)} porte le même nom que celui de ${d.first} : renommez l'un des deux pour les distinguer.`,
    en: (d) =>
      `Scenario ${en.q(d.name)} has the same name as the one at ${d.first}: rename one of them to tell them apart.`,
  },
  "scenario-sheet-unreadable": {
    fr: () =>
      "La feuille des scénarios n'a plus de ligne « Nom » : ses scénarios ne peuvent pas être lus. Rétablissez la ligne « Nom » en colonne A (ou supprimez la feuille pour repartir des paramètres actuels) ; rien n'est écrit d'ici là.",
    en: () =>
      'The scenarios sheet no longer has a "Name" row: its scenarios cannot be read. Restore the "Name" row in column A (or delete the sheet to start again from the current parameters); nothing is written until then.',
  },
  "scenario-bonus-invalid": {
    fr: (d) =>
      `Scénario, ligne ${bonusRow(d.field, "fr")} : ${fr.q(d.value)} n'est pas une valeur possible ; ${bonusHow(d.field, "fr")}, comme nombre (pas comme texte), ou videz la cellule pour garder le paramètre actuel.`,
    en: (d) =>
      `Scenario, row ${bonusRow(d.field, "en")}: ${en.q(d.value)} is not a possible value; ${bonusHow(d.field, "en")}, as a number (not as text), or clear the cell to keep the current parameter.`,
  },
  "scenario-places-invalid": {
    fr: (d) =>
      `Places EAJE ajoutées à ${d.commune} : ${fr.q(d.value)} n'est pas un nombre de places ; saisissez un nombre entier de places, positif ou nul (ex. 30), ou videz la cellule.`,
    en: (d) =>
      `EAJE places added in ${d.commune}: ${en.q(d.value)} is not a number of places; enter a whole number of places, zero or more (e.g. 30), or clear the cell.`,
  },
  "scenario-opening-invalid": {
    fr: (d) =>
      `Année d'ouverture des places ajoutées à ${d.commune} : ${fr.q(d.value)} n'est pas une année ; saisissez une année entre 2000 et 2100 (ex. 2024), comme nombre (pas comme texte ni comme date). Pour une ouverture en cours d'année, décrivez l'équipement dans « Équipements CTG ».`,
    en: (d) =>
      `Opening year of the places added in ${d.commune}: ${en.q(d.value)} is not a year; enter a year between 2000 and 2100 (e.g. 2024), as a number (not as text or a date). For an opening during the year, describe the facility in « Équipements CTG ».`,
  },
  "scenario-opening-missing": {
    fr: (d) =>
      `${d.places} places EAJE ajoutées à ${d.commune} sans année d'ouverture : saisissez l'année (ex. 2024) dans la ligne de la commune du bloc « ${SCENARIO_BONUS_LABELS.fr.opening} ».`,
    en: (d) =>
      `${d.places} EAJE places added in ${d.commune} without an opening year: enter the year (e.g. 2024) in the commune's row of the block "${SCENARIO_BONUS_LABELS.en.opening}".`,
  },
  "facility-header-not-found": {
    fr: () =>
      `Ligne d'en-tête des équipements introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${fr.list(FACILITY_REQUIRED_LABELS.fr, "and")}.`,
    en: () =>
      `No header row found for the facilities: add a row of titles above the data with at least the columns ${en.list(FACILITY_REQUIRED_LABELS.en, "and")}.`,
  },
  "facility-missing-column": {
    fr: (d) =>
      `Colonne ${fr.q(fr.facilityField(d.field))} introuvable dans le tableau des équipements : ajoutez une colonne intitulée ${fr.q(fr.facilityField(d.field))}.`,
    en: (d) =>
      `Column ${en.q(en.facilityField(d.field))} not found in the facilities table: add a column headed ${en.q(en.facilityField(d.field))}.`,
  },
  "facility-duplicate-column": {
    fr: (d) =>
      `Plusieurs colonnes correspondent à ${fr.q(fr.facilityField(d.field))} (${fr.list(d.columns, "and")}) : renommez ou supprimez celle qui ne sert pas.`,
    en: (d) =>
      `Several columns match ${en.q(en.facilityField(d.field))} (${en.list(d.columns, "and")}): rename or delete the one not to use.`,
  },
  "facility-name-empty": {
    fr: () =>
      "Nom d'équipement vide : saisissez le nom de l'équipement (ex. Multi-accueil Les Lutins) ou supprimez la ligne.",
    en: () =>
      "Empty facility name: enter the facility's name (e.g. Multi-accueil Les Lutins) or delete the row.",
  },
  "facility-commune-unknown": {
    fr: (d) =>
      `Commune inconnue ${fr.q(d.value)}${fr.hint(d.suggestions)} : saisissez le nom ou le code INSEE d'une des 34 communes de la communauté urbaine ; un équipement hors de ses communes n'a pas de CTG ici.`,
    en: (d) =>
      `Unknown commune ${en.q(d.value)}${en.hint(d.suggestions)}: enter the name or INSEE code of one of the 34 communes of the urban community; a facility outside them has no CTG here.`,
  },
  "facility-kind-unknown": {
    fr: (d) =>
      `Type de bonus ${fr.q(d.value)} non reconnu : choisissez ${fr.list(Object.values(BONUS_KIND_LABELS.fr))}.`,
    en: (d) =>
      `Bonus kind ${en.q(d.value)} not recognised: choose ${en.list(Object.values(BONUS_KIND_LABELS.en))}.`,
  },
  "facility-operator-kind-unknown": {
    fr: (d) =>
      `Type de gestionnaire ${fr.q(d.value)} non reconnu : choisissez ${fr.list(Object.values(OPERATOR_KIND_LABELS.fr))}, ou videz la cellule (« Autre »).`,
    en: (d) =>
      `Operator kind ${en.q(d.value)} not recognised: choose ${en.list(Object.values(OPERATOR_KIND_LABELS.en))}, or clear the cell ("Other").`,
  },
  "facility-unit-unknown": {
    fr: (d) =>
      `Unité ${fr.q(d.value)} non reconnue : choisissez ${fr.list(Object.values(UNIT_LABELS.fr))}, ou videz la cellule pour l'unité habituelle du type de bonus.`,
    en: (d) =>
      `Unit ${en.q(d.value)} not recognised: choose ${en.list(Object.values(UNIT_LABELS.en))}, or clear the cell for the kind's usual unit.`,
  },
  "facility-unit-mixed": {
    fr: (d, [where]) =>
      `Unité ${fr.q(fr.unit(d.unit))} ici, mais ${fr.q(fr.unit(d.first))}${where === undefined ? "" : ` (en ${where})`} pour les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} : le lissage additionne leurs capacités, donnez-leur la même unité.`,
    en: (d, [where]) =>
      `Unit ${en.q(en.unit(d.unit))} here but ${en.q(en.unit(d.first))}${where === undefined ? "" : ` (at ${where})`} for the ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin: smoothing adds their capacities, give them the same unit.`,
  },
  "facility-quantity-invalid": {
    fr: (d) =>
      d.whole === 1
        ? `${fr.facilityField(d.field)} : ${fr.q(d.value)} n'est pas un nombre entier ; saisissez un nombre de places entier, positif ou nul (ex. 30).`
        : `${fr.facilityField(d.field)} : ${fr.q(d.value)} n'est pas un nombre ; saisissez un nombre positif ou nul avec au plus deux décimales (ex. 1,5).`,
    en: (d) =>
      d.whole === 1
        ? `${en.facilityField(d.field)}: ${en.q(d.value)} is not a whole number; enter a whole number of places, zero or more (e.g. 30).`
        : `${en.facilityField(d.field)}: ${en.q(d.value)} is not a number; enter a number of zero or more with at most two decimals (e.g. 1.5).`,
  },
  "facility-quantity-negative": {
    fr: (d) =>
      `${fr.facilityField(d.field)} : ${fr.q(d.value)} est négatif ; saisissez une quantité de zéro ou plus (une fermeture de places se saisit en réduisant la capacité).`,
    en: (d) =>
      `${en.facilityField(d.field)}: ${en.q(d.value)} is negative; enter a quantity of zero or more (closed places are entered by lowering the capacity).`,
  },
  "facility-reserved-above-new": {
    fr: (d) =>
      `${d.reserved} places réservataires pour ${d.places} places nouvelles : les places réservées font partie des places nouvelles ; corrigez l'un des deux nombres.`,
    en: (d) =>
      `${d.reserved} reserved places for ${d.places} new places: reserved places are part of the new places; correct one of the two numbers.`,
  },
  "facility-cej-negative": {
    fr: (d) =>
      `Montant CEJ négatif (${fr.money(d.amount)}) : saisissez le montant versé l'année de référence, positif ou nul.`,
    en: (d) =>
      `Negative CEJ amount (${en.money(d.amount)}): enter the amount paid in the reference year, zero or more.`,
  },
  "facility-opening-invalid": {
    fr: (d) =>
      `Date d'ouverture ${fr.q(d.value)} non reconnue : saisissez une date (ex. 01/09/2026), un mois (09/2026) ou une année entre 2000 et 2100.`,
    en: (d) =>
      `Opening date ${en.q(d.value)} not recognised: enter a date (e.g. 01/09/2026), a month (09/2026) or a year between 2000 and 2100.`,
  },
  "facility-opening-missing": {
    fr: () =>
      "Places nouvelles sans date d'ouverture : saisissez la date d'ouverture (ex. 01/09/2026) pour calculer l'année d'ouverture au prorata.",
    en: () =>
      "New places without an opening date: enter the opening date (e.g. 01/09/2026) to pro-rate the opening year.",
  },
  "facility-flag-invalid": {
    fr: (d) =>
      `QPV/ZRR ${fr.q(d.value)} non reconnu : saisissez « Oui » si l'équipement est en QPV ou en ZRR, « Non » sinon (ou videz la cellule).`,
    en: (d) =>
      `QPV/ZRR ${en.q(d.value)} not recognised: enter "Yes" if the facility is in a QPV or a ZRR, "No" otherwise (or clear the cell).`,
  },
  "facility-field-ignored": {
    fr: (d) =>
      `${fr.facilityField(d.field)} n'est pas compté pour un équipement de type ${fr.kind(d.kind)} : videz la cellule, ou corrigez le type de bonus si c'est une erreur.`,
    en: (d) =>
      `${en.facilityField(d.field)} is not counted for a facility of kind ${en.kind(d.kind)}: clear the cell, or correct the bonus kind if it is a mistake.`,
  },
  "facility-duplicate": {
    fr: (d) =>
      `L'équipement ${fr.q(d.name)} à ${fr.q(d.commune)} figure déjà en ${d.first} : il serait compté deux fois ; supprimez la ligne en double ou donnez-lui un autre nom.`,
    en: (d) =>
      `Facility ${en.q(d.name)} in ${en.q(d.commune)} is already at ${d.first}: it would be counted twice; delete the duplicate row or give it another name.`,
  },
  "facility-no-rows": {
    fr: () =>
      "Aucun équipement sous l'en-tête : saisissez une ligne par équipement avec son nom, sa commune, son type de bonus, sa capacité et son montant CEJ.",
    en: () =>
      "No facility below the header: enter one row per facility with its name, commune, bonus kind, capacity and CEJ amount.",
  },
  "bonus-param-invalid": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une valeur possible ; ${bonusParamHow(d.param, "fr")}.`,
    en: (d) => `${en.bonusParam(d)}: ${en.q(d.value)} is not a valid value; ${bonusParamHow(d.param, "en")}.`,
  },
  "bonus-param-negative": {
    fr: (d) => `${fr.bonusParam(d)} : ${fr.q(d.value)} est négatif ; saisissez un montant positif ou nul.`,
    en: (d) => `${en.bonusParam(d)}: ${en.q(d.value)} is negative; enter an amount of zero or more.`,
  },
  "bonus-param-rate-range": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 2 %). Un nombre sans % est lu comme une fraction (0,02 = 2 %).`,
    en: (d) =>
      `${en.bonusParam(d)}: ${en.q(d.value)} is outside 0% to 100%; enter a percentage (e.g. 2%). A number without % is read as a fraction (0.02 = 2%).`,
  },
  "bonus-param-year": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une année ; saisissez une année entière entre 2000 et 2100 (ex. 2024).`,
    en: (d) =>
      `${en.bonusParam(d)}: ${en.q(d.value)} is not a year; enter a whole year between 2000 and 2100 (e.g. 2024).`,
  },
  "bonus-param-duration": {
    fr: (d) =>
      `${fr.bonusParam(d)} : une CTG dure 4 ou 5 ans, pas ${fr.q(d.value)} ; saisissez 4 ou 5 (la durée signée avec la Caf).`,
    en: (d) =>
      `${en.bonusParam(d)}: a CTG lasts 4 or 5 years, not ${en.q(d.value)}; enter 4 or 5 (the length signed with the Caf).`,
  },
  "bonus-param-tranche": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une des tranches ; saisissez le numéro d'une tranche dont le montant par place est donné (ex. 2).`,
    en: (d) =>
      `${en.bonusParam(d)}: ${en.q(d.value)} is not one of the tranches; enter the number of a tranche whose rate is given (e.g. 2).`,
  },
  "bonus-param-yes-no": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} non reconnu ; choisissez ${fr.list([fr.report.yes, fr.report.no])}.`,
    en: (d) =>
      `${en.bonusParam(d)}: ${en.q(d.value)} not recognised; choose ${en.list([en.report.yes, en.report.no])}.`,
  },
  "bonus-param-pro-rata": {
    fr: (d) =>
      `${fr.bonusParam(d)} : ${fr.q(d.value)} non reconnu ; choisissez ${fr.list(Object.values(fr.report.bonus.proRata))}.`,
    en: (d) =>
      `${en.bonusParam(d)}: ${en.q(d.value)} not recognised; choose ${en.list(Object.values(en.report.bonus.proRata))}.`,
  },
  "bonus-no-places": {
    fr: (d) =>
      `Les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} ont ${fr.money(d.amount)} de CEJ mais aucune capacité : le montant ne peut pas être lissé ; saisissez leur capacité de référence.`,
    en: (d) =>
      `The ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin have ${en.money(d.amount)} of CEJ but no capacity: the amount cannot be smoothed; enter their reference capacity.`,
  },
  "bonus-floor-applied": {
    fr: (d) =>
      `Les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} ont un taux lissé de ${fr.money(d.rate)} par place, sous le plancher de ${fr.money(d.floor)} : le plancher s'applique et le bonus dépasse l'ancien CEJ ; vérifiez le plancher avec la Caf.`,
    en: (d) =>
      `The ${en.kind(d.kind)} of the ${en.basin(d.basin)} basin have a smoothed rate of ${en.money(d.rate)} per place, below the floor of ${en.money(d.floor)}: the floor applies and the bonus exceeds the former CEJ; check the floor with the Caf.`,
  },
};

function phrase<C extends IssueCode>(issue: IssueOf<C>, lang: Lang): string {
  const sentence: Sentence<C> = ISSUE_SENTENCES[issue.code][lang];
  return sentence(issue.data, issue.related ?? []);
}

/**
 * Turns one issue into a sentence that says what is wrong and how to fix it.
 *
 * @param issue - the issue
 * @param lang - the language
 * @returns the sentence, without the cell address (see {@link formatIssueLine})
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  return phrase(issue, lang);
}

/**
 * One issue as a line: `Financements!D7: Montant vide : …`, or the sentence alone when the issue has
 * no cell.
 *
 * @param issue - the issue
 * @param lang - the language
 * @returns the line
 */
export function formatIssueLine(issue: Issue, lang: Lang): string {
  const message = formatIssue(issue, lang);
  return issue.cell === "" ? message : `${issue.cell}: ${message}`;
}

/** Names of the facilities table's columns: its headers in French (the reader's own), and in English. */
export const FACILITY_FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<FacilityField, string>>>> = {
  fr: FACILITY_HEADERS,
  en: {
    facility: "Facility",
    operator: "Operator",
    operatorKind: "Operator kind",
    commune: "Commune",
    domain: "Domain",
    kind: "Bonus kind",
    unit: "Unit",
    capacity: "Reference capacity",
    formerCej: "Former CEJ amount",
    newPlaces: "New places",
    reservedPlaces: "Reserved places",
    openingDate: "Opening date",
    priorityArea: "QPV/ZRR",
    missions: "Reinforced missions",
  },
};

const FACILITY_REQUIRED_LABELS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ["Équipement", "Commune", "Type de bonus", "Capacité de référence", "Montant CEJ"],
  en: ["Facility", "Commune", "Bonus kind", "Reference capacity", "Former CEJ amount"],
};

/** Names of the bonus kinds (the drop-down's values in French). */
export const BONUS_KIND_LABELS: Readonly<Record<Lang, Readonly<Record<BonusKind, string>>>> = {
  fr: { eaje: "EAJE", rpe: "RPE", laep: "LAEP", alsh: "ALSH", autre: "Autre" },
  en: { eaje: "EAJE", rpe: "RPE", laep: "LAEP", alsh: "ALSH", autre: "Other" },
};

/** Names of the operator kinds. */
export const OPERATOR_KIND_LABELS: Readonly<Record<Lang, Readonly<Record<OperatorKind, string>>>> = {
  fr: { commune: "Commune", ccas: "CCAS", association: "Association", prive: "Privé", autre: "Autre" },
  en: { commune: "Municipality", ccas: "CCAS", association: "Association", prive: "Private", autre: "Other" },
};

/** Names of the units. */
export const UNIT_LABELS: Readonly<Record<Lang, Readonly<Record<BonusUnit, string>>>> = {
  fr: { places: "places", etp: "ETP", heures: "heures" },
  en: { places: "places", etp: "FTE", heures: "hours" },
};
