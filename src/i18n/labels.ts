/**
 * The words the sentences are made of, in French and English: the names of the funding table's fields,
 * the basins, the allocation keys, the parameters, the facilities' columns and kinds, and how a text
 * is quoted. Shared by the issue sentences of both languages (issue-sentences-fr.ts, -en.ts) and the
 * pane.
 */

import {
  FACILITY_HEADERS,
  type AllocationKey,
  type Basin,
  type BonusKind,
  type BonusParamName,
  type BonusUnit,
  type FacilityField,
  type Field,
  type Lang,
  type OperatorKind,
  type PlanParamName,
} from "../core";

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

/** The facility columns a facility row needs, as the sentences list them. */
export const FACILITY_REQUIRED_LABELS: Readonly<Record<Lang, readonly string[]>> = {
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
