/**
 * The words of the facilities input sheet (`Équipements CTG`, issue #14) that a generation writes, empty
 * and documented, when the workbook has none: what the table is for, and what to type in each column.
 * The column headers are the reader's own (FACILITY_FIELD_LABELS), the allowed values its words
 * (BONUS_KIND_LABELS, OPERATOR_KIND_LABELS, UNIT_LABELS).
 */

import type { FacilityField, Lang } from "../core";

/** One column of the documentation block: what to type, and a remark on its values (may be empty). */
export interface FacilityColumnWords {
  readonly what: string;
  /** For a list column, what follows the list of values; otherwise the rule of the values. */
  readonly rule: string;
}

/** The words of the facilities input sheet. */
export interface FacilityInputLabels {
  readonly title: string;
  /** What the table is for. */
  readonly purpose: string;
  /** How to fill it in, and that it is the user's. */
  readonly howTo: string;
  readonly docHeader: readonly [string, string, string];
  readonly columns: Readonly<Record<FacilityField, FacilityColumnWords>>;
  /** The domains the drop-down suggests (other texts are accepted). */
  readonly domains: readonly string[];
  /** Yes and no as the QPV/ZRR drop-down offers them (the reader accepts both languages). */
  readonly yesNo: readonly [string, string];
  readonly errors: {
    readonly list: string;
    readonly decimal: string;
    readonly whole: string;
    readonly date: string;
  };
}

const FR: FacilityInputLabels = {
  title: "Équipements CTG : bonus territoire par équipement",
  purpose:
    "Depuis la fin des CEJ, la Caf verse le bonus territoire CTG au gestionnaire de chaque équipement, et non plus à la commune. Saisissez ici les équipements des communes (crèches, RPE, LAEP, accueils de loisirs…) : la synthèse en calcule le bonus année par année et le compare aux anciens CEJ.",
  howTo:
    "Une ligne par équipement dans le tableau ci-dessous ; il s'agrandit quand vous tapez sous sa dernière ligne. Les listes déroulantes donnent les valeurs admises. Tant que le tableau est vide, la synthèse n'a pas de bonus territoire. Ce tableau est le vôtre : une nouvelle génération ne le modifie jamais.",
  docHeader: ["Colonne", "Ce que vous saisissez", "Valeurs admises"],
  columns: {
    facility: { what: "Nom de l'équipement.", rule: "Texte ; obligatoire." },
    operator: { what: "Nom du gestionnaire, à qui la Caf verse le bonus.", rule: "Texte." },
    operatorKind: { what: "Nature du gestionnaire.", rule: "vide : Autre" },
    commune: {
      what: "Commune où se trouve l'équipement.",
      rule: "Une des 34 communes de la CUCM (nom ou code INSEE) ; obligatoire.",
    },
    domain: { what: "Domaine de l'équipement.", rule: "ou un autre texte" },
    kind: { what: "Type de bonus territoire.", rule: "obligatoire" },
    unit: {
      what: "Unité de la capacité.",
      rule: "vide : places pour EAJE, ALSH et Autre, ETP pour RPE, heures pour LAEP",
    },
    capacity: {
      what: "Capacité de référence : places existantes, ETP ou heures.",
      rule: "Nombre positif ou nul ; places en nombre entier ; obligatoire.",
    },
    formerCej: {
      what: "Montant CEJ versé pour l'équipement l'année de référence.",
      rule: "Montant en euros, positif ou nul, au centime ; obligatoire.",
    },
    newPlaces: { what: "Places nouvelles (EAJE seulement).", rule: "Nombre entier positif ou nul." },
    reservedPlaces: {
      what: "Dont places réservées par un employeur (EAJE).",
      rule: "Nombre entier, au plus les places nouvelles.",
    },
    openingDate: {
      what: "Date d'ouverture des places nouvelles.",
      rule: "Date (01/09/2026) ; obligatoire s'il y a des places nouvelles.",
    },
    priorityArea: { what: "Équipement situé en QPV ou en ZRR.", rule: "vide : Non" },
    missions: { what: "Missions renforcées du RPE (RPE seulement).", rule: "Nombre entier positif ou nul." },
  },
  domains: ["Petite enfance", "Enfance", "Jeunesse", "Parentalité"],
  yesNo: ["Oui", "Non"],
  errors: {
    list: "Choisissez une valeur de la liste (voir la documentation en haut de la feuille).",
    decimal: "Saisissez un nombre positif ou nul.",
    whole: "Saisissez un nombre entier positif ou nul.",
    date: "Saisissez une date entre 2000 et 2100, par exemple 01/09/2026.",
  },
};

const EN: FacilityInputLabels = {
  title: "CTG facilities: bonus territoire per facility",
  purpose:
    "Since the CEJ ended, the Caf pays the CTG bonus territoire to the operator of each facility, no longer to the commune. Enter the communes' facilities here (crèches, RPE, LAEP, leisure centres…): the summary computes their bonus year by year and compares it with the former CEJ.",
  howTo:
    "One row per facility in the table below; it grows when you type below its last row. The drop-downs give the allowed values. While the table is empty, the summary has no bonus territoire. This table is yours: a new generation never changes it.",
  docHeader: ["Column", "What to enter", "Allowed values"],
  columns: {
    facility: { what: "Name of the facility.", rule: "Text; required." },
    operator: { what: "Name of the operator, whom the Caf pays the bonus.", rule: "Text." },
    operatorKind: { what: "Kind of operator.", rule: "empty: Other" },
    commune: {
      what: "Commune the facility is in.",
      rule: "One of the 34 communes of the CUCM (name or INSEE code); required.",
    },
    domain: { what: "Domain of the facility.", rule: "or any other text" },
    kind: { what: "Kind of bonus territoire.", rule: "required" },
    unit: {
      what: "Unit of the capacity.",
      rule: "empty: places for EAJE, ALSH and Other, FTE for RPE, hours for LAEP",
    },
    capacity: {
      what: "Reference capacity: existing places, FTE or hours.",
      rule: "A number, zero or more; places as a whole number; required.",
    },
    formerCej: {
      what: "CEJ amount paid for the facility in the reference year.",
      rule: "An amount in euros, zero or more, to the cent; required.",
    },
    newPlaces: { what: "New places (EAJE only).", rule: "A whole number, zero or more." },
    reservedPlaces: {
      what: "Of which places reserved by an employer (EAJE).",
      rule: "A whole number, at most the new places.",
    },
    openingDate: {
      what: "Opening date of the new places.",
      rule: "A date (2026-09-01); required when there are new places.",
    },
    priorityArea: { what: "Facility in a QPV or a ZRR.", rule: "empty: No" },
    missions: { what: "Reinforced missions of the RPE (RPE only).", rule: "A whole number, zero or more." },
  },
  domains: ["Early childhood", "Childhood", "Youth", "Parenting"],
  yesNo: ["Yes", "No"],
  errors: {
    list: "Choose a value from the list (see the documentation at the top of the sheet).",
    decimal: "Enter a number, zero or more.",
    whole: "Enter a whole number, zero or more.",
    date: "Enter a date between 2000 and 2100, for example 2026-09-01.",
  },
};

/**
 * @param lang - the language
 * @returns the words of the facilities input sheet
 */
export function facilityInputLabels(lang: Lang): FacilityInputLabels {
  return lang === "fr" ? FR : EN;
}
