/**
 * The one place where issue codes become sentences, in French or English. Each sentence says what is
 * wrong and how to fix it, using only the issue's `data` (and `related` cells where they help).
 *
 * Data keys each code expects (amounts are integer cents, formatted here with formatMoney; basins
 * are `Basin` codes, translated here; fields are `Field` codes; params are `PlanParamName`s):
 *
 * | code                     | data                                                        | emitted by |
 * | ------------------------ | ----------------------------------------------------------- | ---------- |
 * | header-not-found         | {}                                                          | reader     |
 * | missing-column           | { field }                                                   | reader     |
 * | duplicate-column         | { field, columns: string[] (header texts) }                 | reader     |
 * | mapping-out-of-range     | { field, column (0-based index in the grid, or letters) }   | reader     |
 * | amount-empty             | { value }                                                   | reader     |
 * | amount-not-a-number      | { value }                                                   | reader     |
 * | amount-error-value       | { value } (the error, `#N/A`)                               | reader     |
 * | amount-fraction-of-cent  | { value }                                                   | reader     |
 * | amount-too-large         | { value }                                                   | reader     |
 * | amount-as-text           | { value, amount (cents) }                                   | reader     |
 * | amount-negative          | { amount (cents) }                                          | reader     |
 * | commune-total-negative   | { commune, total (cents) }                                  | plan       |
 * | commune-empty            | {}                                                          | reader     |
 * | commune-unknown          | { value, suggestions: string[] }                            | reader     |
 * | commune-unknown-kept     | { value, basin }                                            | reader     |
 * | insee-unknown            | { value }                                                   | reader     |
 * | insee-mismatch           | { insee, commune }; related = [commune cell]                | reader     |
 * | basin-invalid            | { value }                                                   | reader, reference |
 * | basin-differs            | { commune, given, reference } (basins)                      | reader     |
 * | basin-conflict           | { commune, first, second } (basins); related = [first cell] | reader     |
 * | population-invalid       | { value } (cell text)                                       | reference  |
 * | year-invalid             | { value }                                                   | reader     |
 * | duplicate-row            | { first (address of the first identical row) }             | reader     |
 * | no-rows                  | {}                                                          | reader     |
 * | param-invalid            | { param, value (cell text) }                                | params     |
 * | param-rate-range         | { param, value (cell text) }                                | params     |
 * | param-negative           | { param, value (cell text) }                                | params     |
 * | cost-above-cap           | { cost, cap } (cents); related = [cap cell]                 | plan       |
 * | key-sum-zero             | { key }                                                     | plan       |
 * | scenario-unnamed         | { column (letter) }                                         | scenarios  |
 * | scenario-duplicate-name  | { name, first (address) }; related = [first]                | scenarios  |
 * | scenario-sheet-unreadable| {}                                                          | scenarios  |
 * | facility-header-not-found| {}                                                          | facilities |
 * | facility-missing-column  | { field } (FacilityField)                                   | facilities |
 * | facility-duplicate-column| { field, columns: string[] }; related = [first column]     | facilities |
 * | facility-name-empty      | {}                                                          | facilities |
 * | facility-commune-unknown | { value, suggestions: string[] }                            | facilities |
 * | facility-kind-unknown    | { value }                                                   | facilities |
 * | facility-operator-kind-unknown | { value }                                             | facilities |
 * | facility-unit-unknown    | { value }                                                   | facilities |
 * | facility-unit-mixed      | { kind, basin, unit, first } (codes); related = [first cell]| facilities |
 * | facility-quantity-invalid| { field, value, whole (1 or 0) }                            | facilities |
 * | facility-quantity-negative | { field, value }                                          | facilities |
 * | facility-reserved-above-new | { reserved, places }                                     | facilities |
 * | facility-cej-negative    | { amount (cents) }                                          | facilities |
 * | facility-opening-invalid | { value }                                                   | facilities |
 * | facility-opening-missing | {}                                                          | facilities |
 * | facility-flag-invalid    | { value }                                                   | facilities |
 * | facility-field-ignored   | { field, kind }                                             | facilities |
 * | facility-duplicate       | { name, commune, first }; related = [first]                 | facilities |
 * | facility-no-rows         | {}                                                          | facilities |
 * | bonus-no-places          | { basin, kind, amount (cents) }; related = CEJ cells        | bonus      |
 * | bonus-floor-applied      | { basin, kind, rate, floor } (cents)                        | bonus      |
 *
 * A missing key never throws: the sentence shows `?` in its place.
 */

import { columnLetters } from "./cell";
import { cents, formatMoney, MAX_CENTS } from "./money";
import type { PlanParamName } from "./params";
import type {
  AllocationKey,
  Basin,
  BonusKind,
  BonusUnit,
  FacilityField,
  Field,
  Issue,
  Lang,
  OperatorKind,
} from "./types";

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
const PARAM_WORDS: Readonly<Record<Lang, Readonly<Record<PlanParamName, string>>>> = {
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

/** Column headers the reader recognizes, to suggest when a column is missing. */
const HEADER_HINTS: Readonly<Record<Lang, Readonly<Record<Field, readonly string[]>>>> = {
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

const MISSING = "?";

/** A text between quotes: « text » in French (no-break spaces inside), "text" in English. */
function quote(text: string, lang: Lang): string {
  return lang === "fr" ? `«\u00A0${text}\u00A0»` : `"${text}"`;
}

/** « (vouliez-vous dire « A » ou « B » ?) » after an unknown name, or "" without suggestions. */
function suggestionHint(suggestions: readonly string[], lang: Lang): string {
  if (suggestions.length === 0) return "";
  return lang === "fr"
    ? ` (vouliez-vous dire ${quoteList(suggestions, lang)} ?)`
    : ` (did you mean ${quoteList(suggestions, lang)}?)`;
}

/** Joins quoted texts: « a », « b » ou « c » / "a", "b" or "c". */
function quoteList(texts: readonly string[], lang: Lang, last: "or" | "and" = "or"): string {
  const quoted = texts.map((t) => quote(t, lang));
  if (quoted.length <= 1) return quoted.join("");
  const word = lang === "fr" ? (last === "or" ? "ou" : "et") : last;
  return `${quoted.slice(0, -1).join(", ")} ${word} ${quoted[quoted.length - 1] ?? ""}`;
}

function has<K extends string>(record: Readonly<Record<K, unknown>>, key: string): key is K {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Turns one issue into a sentence that says what is wrong and how to fix it.
 *
 * @param issue - the issue
 * @param lang - the language
 * @returns the sentence, without the cell address (see {@link formatIssueLine})
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  const fr = lang === "fr";
  const d = issue.data;
  const text = (k: string): string => {
    const v = d[k];
    if (v === undefined) return MISSING;
    return typeof v === "string" || typeof v === "number" ? String(v) : v.join(", ");
  };
  const list = (k: string): readonly string[] => {
    const v = d[k];
    return v === undefined ? [] : typeof v === "string" || typeof v === "number" ? [String(v)] : v;
  };
  const money = (k: string): string => {
    const v = d[k];
    return typeof v === "number" && Number.isInteger(v) && Math.abs(v) <= MAX_CENTS
      ? formatMoney(cents(v), lang)
      : text(k);
  };
  const field = (k: string): string => {
    const v = text(k);
    return has(FIELD_LABELS[lang], v) ? FIELD_LABELS[lang][v] : v;
  };
  const basin = (k: string): string => {
    const v = text(k);
    return has(BASIN_LABELS[lang], v) ? BASIN_LABELS[lang][v] : v;
  };
  const param = (): string => {
    const v = text("param");
    return has(PARAM_WORDS[lang], v) ? PARAM_WORDS[lang][v] : v;
  };
  const key = (): string => {
    const v = text("key");
    return has(KEY_LABELS[lang], v) ? KEY_LABELS[lang][v] : v;
  };
  const value = (): string => quote(text("value"), lang);
  const facilityField = (k: string): string => {
    const v = text(k);
    return has(FACILITY_FIELD_LABELS[lang], v) ? FACILITY_FIELD_LABELS[lang][v] : v;
  };
  const kindLabel = (k: string): string => {
    const v = text(k);
    return has(BONUS_KIND_LABELS[lang], v) ? BONUS_KIND_LABELS[lang][v] : v;
  };
  const unit = (k: string): string => {
    const v = text(k);
    return has(UNIT_LABELS[lang], v) ? UNIT_LABELS[lang][v] : v;
  };
  const basins = `${BASIN_LABELS[lang].nord} ${fr ? "ou" : "or"} ${BASIN_LABELS[lang].sud}`;

  switch (issue.code) {
    case "header-not-found":
      return fr
        ? `Ligne d'en-tête introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${quoteList(["Commune", "Montant"], lang, "and")}, ou choisissez les colonnes à la main.`
        : `No header row found: add a row of titles above the data with at least the columns ${quoteList(["Commune", "Amount"], lang, "and")}, or choose the columns by hand.`;
    case "table-header-hidden":
      return fr
        ? `Le tableau « ${text("table")} » masque sa ligne d'en-tête : ses colonnes ne peuvent pas être reconnues. Affichez-la (onglet Création de tableau, case Ligne d'en-tête), puis relancez.`
        : `The table "${text("table")}" hides its header row: its columns cannot be recognised. Show it (Table Design tab, Header Row box), then run again.`;
    case "missing-column": {
      const f = text("field");
      const hints = has(HEADER_HINTS[lang], f) ? HEADER_HINTS[lang][f] : [];
      return fr
        ? `Colonne ${quote(field("field"), lang)} introuvable : ajoutez une colonne intitulée ${quoteList(hints, lang)}, ou choisissez-la dans la correspondance des colonnes.`
        : `Column ${quote(field("field"), lang)} not found: add a column headed ${quoteList(hints, lang)}, or choose it in the column mapping.`;
    }
    case "duplicate-column":
      return fr
        ? `Plusieurs colonnes correspondent à ${quote(field("field"), lang)} (${quoteList(list("columns"), lang, "and")}) : renommez ou supprimez celle qui ne sert pas, ou choisissez la bonne dans la correspondance des colonnes.`
        : `Several columns match ${quote(field("field"), lang)} (${quoteList(list("columns"), lang, "and")}): rename or delete the one not to use, or choose the right one in the column mapping.`;
    case "mapping-out-of-range": {
      const c = d.column;
      const col =
        typeof c === "number" && Number.isInteger(c) && c >= 0 && c <= 16383
          ? fr
            ? `la ${c + 1}e colonne (${columnLetters(c)} si le tableau commence en colonne A)`
            : `column ${c + 1} (${columnLetters(c)} if the table starts in column A)`
          : fr
            ? `la colonne ${text("column")}`
            : `column ${text("column")}`;
      return fr
        ? `La colonne choisie pour ${quote(field("field"), lang)}, ${col}, est en dehors du tableau : choisissez une colonne du tableau dans la correspondance des colonnes.`
        : `The column chosen for ${quote(field("field"), lang)}, ${col}, is outside the table: choose one of the table's columns in the column mapping.`;
    }
    case "amount-empty":
      return fr
        ? "Montant vide : saisissez le montant versé en euros (ex. 12 345,67) ou supprimez la ligne."
        : "Empty amount: enter the amount paid in euros (e.g. 12,345.67) or delete the row.";
    case "amount-not-a-number":
      return fr
        ? `${value()} n'est pas un montant : saisissez un nombre en euros (ex. 12 345,67 ou 12 345,67 €).`
        : `${value()} is not an amount: enter a number of euros (e.g. 12,345.67 or €12,345.67).`;
    case "amount-error-value":
      return fr
        ? `La cellule du montant contient l'erreur ${text("value")} : corrigez la formule ou remplacez-la par le montant en euros.`
        : `The amount cell holds the error ${text("value")}: fix the formula or replace it with the amount in euros.`;
    case "amount-fraction-of-cent":
      return fr
        ? `Montant ${value()} avec des fractions de centime : arrondissez-le au centime (deux décimales au plus).`
        : `Amount ${value()} has fractions of a cent: round it to the cent (two decimals at most).`;
    case "amount-too-large":
      return fr
        ? `Montant ${value()} trop grand pour être un montant en euros : vérifiez la cellule (unité, zéros en trop).`
        : `Amount ${value()} is too large to be an amount in euros: check the cell (unit, extra zeros).`;
    case "amount-as-text":
      return fr
        ? `Montant saisi comme texte ${value()}, lu comme ${money("amount")} : vérifiez-le ; pour ne plus voir cet avertissement, convertissez la cellule en nombre.`
        : `Amount entered as text ${value()}, read as ${money("amount")}: check it; to clear this warning, convert the cell to a number.`;
    case "amount-negative":
      return fr
        ? `Montant négatif (${money("amount")}) : compté comme une régularisation qui réduit le total de la commune. Si le signe moins est une erreur, retirez-le.`
        : `Negative amount (${money("amount")}): counted as a correction that lowers the commune's total. If the minus sign is a mistake, remove it.`;
    case "commune-total-negative":
      return fr
        ? `Le total des montants de ${quote(text("commune"), lang)} est négatif (${money("total")}) : les régularisations dépassent les versements ; corrigez les montants négatifs de cette commune.`
        : `The total of ${quote(text("commune"), lang)} is negative (${money("total")}): its corrections exceed its payments; fix this commune's negative amounts.`;
    case "commune-empty":
      return fr
        ? "Commune vide : saisissez le nom ou le code INSEE de la commune, ou supprimez la ligne."
        : "Empty commune: enter the commune's name or INSEE code, or delete the row.";
    case "commune-unknown": {
      const hint = suggestionHint(list("suggestions"), lang);
      return fr
        ? `Commune inconnue ${value()} : corrigez le nom${hint} ; pour une commune hors de la communauté urbaine, indiquez son bassin (${basins}) dans la colonne Bassin.`
        : `Unknown commune ${value()}: correct the name${hint}; for a commune outside the urban community, give its basin (${basins}) in the Basin column.`;
    }
    case "commune-unknown-kept":
      return fr
        ? `Commune ${value()} hors de la liste de référence : gardée sous ce nom dans le bassin ${basin("basin")}. Si c'est une faute de frappe, corrigez le nom.`
        : `Commune ${value()} is not in the reference list: kept under this name in the ${basin("basin")} basin. If it is a typo, correct the name.`;
    case "insee-unknown":
      return fr
        ? `Code INSEE ${value()} inconnu parmi les communes de référence : corrigez-le (5 chiffres, ex. 71153) ou videz la cellule pour reconnaître la commune par son nom.`
        : `INSEE code ${value()} is not one of the reference communes: correct it (5 digits, e.g. 71153) or clear the cell to match the commune by its name.`;
    case "insee-mismatch":
      return fr
        ? `Le code INSEE ${quote(text("insee"), lang)} n'est pas celui de ${quote(text("commune"), lang)} : corrigez le code ou le nom pour qu'ils désignent la même commune.`
        : `INSEE code ${quote(text("insee"), lang)} is not that of ${quote(text("commune"), lang)}: correct the code or the name so that both name the same commune.`;
    case "basin-invalid":
      return fr
        ? `Bassin ${value()} non reconnu : saisissez ${basins}, ou videz la cellule pour prendre le bassin de référence.`
        : `Basin ${value()} not recognized: enter ${basins}, or clear the cell to use the reference basin.`;
    case "basin-differs":
      return fr
        ? `Bassin ${basin("given")} indiqué pour ${quote(text("commune"), lang)}, alors que la référence indique ${basin("reference")} : le bassin de la ligne est retenu. Si c'est une erreur, corrigez ou videz la cellule.`
        : `Basin ${basin("given")} given for ${quote(text("commune"), lang)}, while the reference says ${basin("reference")}: the row's basin is used. If it is a mistake, correct or clear the cell.`;
    case "basin-conflict": {
      const where = issue.related?.[0];
      const at = where === undefined ? "" : fr ? ` en ${where}` : ` in ${where}`;
      return fr
        ? `${quote(text("commune"), lang)} est placée dans le bassin ${basin("second")} ici, mais dans le bassin ${basin("first")}${at} : une commune n'a qu'un bassin, mettez le même sur toutes ses lignes.`
        : `${quote(text("commune"), lang)} is put in the ${basin("second")} basin here but in the ${basin("first")} basin${at}: a commune has one basin, give the same on all its rows.`;
    }
    case "population-invalid":
      return fr
        ? `Population ${value()} invalide : saisissez un nombre entier d'habitants, positif ou nul (ex. 20509), ou videz la cellule pour reprendre la population de référence.`
        : `Invalid population ${value()}: enter a whole number of inhabitants, zero or more (e.g. 20509), or clear the cell to use the reference population.`;
    case "year-invalid":
      return fr
        ? `Année ${value()} invalide : saisissez une année entière entre 2000 et 2100 (ex. 2019).`
        : `Invalid year ${value()}: enter a whole year between 2000 and 2100 (e.g. 2019).`;
    case "duplicate-row":
      return fr
        ? `Ligne identique à celle de ${text("first")} : elle est comptée deux fois ; supprimez-la si c'est un doublon.`
        : `Row identical to the one at ${text("first")}: it is counted twice; delete it if it is a duplicate.`;
    case "no-rows":
      return fr
        ? "Aucune ligne de financement sous l'en-tête : saisissez une ligne par commune (et par action ou année) avec sa commune et son montant."
        : "No funding row below the header: enter one row per commune (and per action or year) with its commune and amount.";
    case "param-invalid": {
      const p = text("param");
      const how =
        p === "costHT" || p === "capHT"
          ? fr
            ? "saisissez un montant en euros (ex. 40 000,00)"
            : "enter an amount in euros (e.g. 40,000.00)"
          : p === "key"
            ? fr
              ? `choisissez ${quoteList(Object.values(KEY_LABELS.fr), lang)}`
              : `choose ${quoteList(Object.values(KEY_LABELS.en), lang)}`
            : p === "cafBase"
              ? fr
                ? `choisissez ${quoteList(["HT", "TTC"], lang)}`
                : `choose ${quoteList(["HT", "TTC"], lang)}`
              : fr
                ? "saisissez un pourcentage (ex. 50 %) avec au plus quatre décimales"
                : "enter a percentage (e.g. 50%) with at most four decimals";
      return fr
        ? `${param()} : ${value()} n'est pas une valeur possible ; ${how}.`
        : `${param()}: ${value()} is not a valid value; ${how}.`;
    }
    case "param-rate-range":
      return fr
        ? `${param()} : ${value()} est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 50 %). Un nombre sans % est lu comme une fraction (0,5 = 50 %).`
        : `${param()}: ${value()} is outside 0% to 100%; enter a percentage (e.g. 50%). A number without % is read as a fraction (0.5 = 50%).`;
    case "param-negative":
      return fr
        ? `${param()} : ${value()} est négatif ; saisissez un montant positif ou nul.`
        : `${param()}: ${value()} is negative; enter an amount of zero or more.`;
    case "cost-above-cap":
      return fr
        ? `Le coût HT (${money("cost")}) dépasse le plafond (${money("cap")}) : la Caf ne finance que le plafond, la communauté urbaine prend le dépassement à sa charge. Vérifiez le coût ou le plafond.`
        : `The cost excl. VAT (${money("cost")}) is above the cap (${money("cap")}): the Caf funds the cap only, the urban community bears the excess. Check the cost or the cap.`;
    case "key-sum-zero":
      return fr
        ? `La clé de répartition ${quote(key(), lang)} vaut zéro pour les deux bassins : l'ingénierie ne peut pas être répartie. Complétez les données de cette clé ou choisissez une autre clé (ex. ${quote(KEY_LABELS.fr.equal, lang)}).`
        : `The allocation key ${quote(key(), lang)} is zero for both basins: the engineering cannot be split. Complete the data of that key or choose another key (e.g. ${quote(KEY_LABELS.en.equal, lang)}).`;
    case "scenario-unnamed":
      return fr
        ? `La colonne ${text("column")} des scénarios a des valeurs mais pas de nom : elle est ignorée. Donnez-lui un nom dans la ligne « Nom » pour en faire un scénario.`
        : `Column ${text("column")} of the scenarios has values but no name: it is ignored. Give it a name in the "Name" row to make it a scenario.`;
    case "scenario-duplicate-name":
      return fr
        ? `Le scénario ${quote(text("name"), lang)} porte le même nom que celui de ${text("first")} : renommez l'un des deux pour les distinguer.`
        : `Scenario ${quote(text("name"), lang)} has the same name as the one at ${text("first")}: rename one of them to tell them apart.`;
    case "scenario-sheet-unreadable":
      return fr
        ? "La feuille des scénarios n'a plus de ligne « Nom » : ses scénarios ne peuvent pas être lus. Rétablissez la ligne « Nom » en colonne A (ou supprimez la feuille pour repartir des paramètres actuels) ; rien n'est écrit d'ici là."
        : 'The scenarios sheet no longer has a "Name" row: its scenarios cannot be read. Restore the "Name" row in column A (or delete the sheet to start again from the current parameters); nothing is written until then.';
    case "facility-header-not-found":
      return fr
        ? `Ligne d'en-tête des équipements introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${quoteList(FACILITY_REQUIRED_LABELS.fr, lang, "and")}.`
        : `No header row found for the facilities: add a row of titles above the data with at least the columns ${quoteList(FACILITY_REQUIRED_LABELS.en, lang, "and")}.`;
    case "facility-missing-column":
      return fr
        ? `Colonne ${quote(facilityField("field"), lang)} introuvable dans le tableau des équipements : ajoutez une colonne intitulée ${quote(facilityField("field"), lang)}.`
        : `Column ${quote(facilityField("field"), lang)} not found in the facilities table: add a column headed ${quote(facilityField("field"), lang)}.`;
    case "facility-duplicate-column":
      return fr
        ? `Plusieurs colonnes correspondent à ${quote(facilityField("field"), lang)} (${quoteList(list("columns"), lang, "and")}) : renommez ou supprimez celle qui ne sert pas.`
        : `Several columns match ${quote(facilityField("field"), lang)} (${quoteList(list("columns"), lang, "and")}): rename or delete the one not to use.`;
    case "facility-name-empty":
      return fr
        ? "Nom d'équipement vide : saisissez le nom de l'équipement (ex. Multi-accueil Les Lutins) ou supprimez la ligne."
        : "Empty facility name: enter the facility's name (e.g. Multi-accueil Les Lutins) or delete the row.";
    case "facility-commune-unknown": {
      const hint = suggestionHint(list("suggestions"), lang);
      return fr
        ? `Commune inconnue ${value()}${hint} : saisissez le nom ou le code INSEE d'une des 34 communes de la communauté urbaine ; un équipement hors de ses communes n'a pas de CTG ici.`
        : `Unknown commune ${value()}${hint}: enter the name or INSEE code of one of the 34 communes of the urban community; a facility outside them has no CTG here.`;
    }
    case "facility-kind-unknown":
      return fr
        ? `Type de bonus ${value()} non reconnu : choisissez ${quoteList(Object.values(BONUS_KIND_LABELS.fr), lang)}.`
        : `Bonus kind ${value()} not recognised: choose ${quoteList(Object.values(BONUS_KIND_LABELS.en), lang)}.`;
    case "facility-operator-kind-unknown":
      return fr
        ? `Type de gestionnaire ${value()} non reconnu : choisissez ${quoteList(Object.values(OPERATOR_KIND_LABELS.fr), lang)}, ou videz la cellule (« Autre »).`
        : `Operator kind ${value()} not recognised: choose ${quoteList(Object.values(OPERATOR_KIND_LABELS.en), lang)}, or clear the cell ("Other").`;
    case "facility-unit-unknown":
      return fr
        ? `Unité ${value()} non reconnue : choisissez ${quoteList(Object.values(UNIT_LABELS.fr), lang)}, ou videz la cellule pour l'unité habituelle du type de bonus.`
        : `Unit ${value()} not recognised: choose ${quoteList(Object.values(UNIT_LABELS.en), lang)}, or clear the cell for the kind's usual unit.`;
    case "facility-unit-mixed": {
      const where = issue.related?.[0];
      const at = where === undefined ? "" : fr ? ` (en ${where})` : ` (at ${where})`;
      return fr
        ? `Unité ${quote(unit("unit"), lang)} ici, mais ${quote(unit("first"), lang)}${at} pour les ${kindLabel("kind")} du bassin ${basin("basin")} : le lissage additionne leurs capacités, donnez-leur la même unité.`
        : `Unit ${quote(unit("unit"), lang)} here but ${quote(unit("first"), lang)}${at} for the ${kindLabel("kind")} of the ${basin("basin")} basin: smoothing adds their capacities, give them the same unit.`;
    }
    case "facility-quantity-invalid":
      return d.whole === 1
        ? fr
          ? `${facilityField("field")} : ${value()} n'est pas un nombre entier ; saisissez un nombre de places entier, positif ou nul (ex. 30).`
          : `${facilityField("field")}: ${value()} is not a whole number; enter a whole number of places, zero or more (e.g. 30).`
        : fr
          ? `${facilityField("field")} : ${value()} n'est pas un nombre ; saisissez un nombre positif ou nul avec au plus deux décimales (ex. 1,5).`
          : `${facilityField("field")}: ${value()} is not a number; enter a number of zero or more with at most two decimals (e.g. 1.5).`;
    case "facility-quantity-negative":
      return fr
        ? `${facilityField("field")} : ${value()} est négatif ; saisissez une quantité de zéro ou plus (une fermeture de places se saisit en réduisant la capacité).`
        : `${facilityField("field")}: ${value()} is negative; enter a quantity of zero or more (closed places are entered by lowering the capacity).`;
    case "facility-reserved-above-new":
      return fr
        ? `${text("reserved")} places réservataires pour ${text("places")} places nouvelles : les places réservées font partie des places nouvelles ; corrigez l'un des deux nombres.`
        : `${text("reserved")} reserved places for ${text("places")} new places: reserved places are part of the new places; correct one of the two numbers.`;
    case "facility-cej-negative":
      return fr
        ? `Montant CEJ négatif (${money("amount")}) : saisissez le montant versé l'année de référence, positif ou nul.`
        : `Negative CEJ amount (${money("amount")}): enter the amount paid in the reference year, zero or more.`;
    case "facility-opening-invalid":
      return fr
        ? `Date d'ouverture ${value()} non reconnue : saisissez une date (ex. 01/09/2026), un mois (09/2026) ou une année entre 2000 et 2100.`
        : `Opening date ${value()} not recognised: enter a date (e.g. 01/09/2026), a month (09/2026) or a year between 2000 and 2100.`;
    case "facility-opening-missing":
      return fr
        ? "Places nouvelles sans date d'ouverture : saisissez la date d'ouverture (ex. 01/09/2026) pour calculer l'année d'ouverture au prorata."
        : "New places without an opening date: enter the opening date (e.g. 01/09/2026) to pro-rate the opening year.";
    case "facility-flag-invalid":
      return fr
        ? `QPV/ZRR ${value()} non reconnu : saisissez « Oui » si l'équipement est en QPV ou en ZRR, « Non » sinon (ou videz la cellule).`
        : `QPV/ZRR ${value()} not recognised: enter "Yes" if the facility is in a QPV or a ZRR, "No" otherwise (or clear the cell).`;
    case "facility-field-ignored":
      return fr
        ? `${facilityField("field")} n'est pas compté pour un équipement de type ${kindLabel("kind")} : videz la cellule, ou corrigez le type de bonus si c'est une erreur.`
        : `${facilityField("field")} is not counted for a facility of kind ${kindLabel("kind")}: clear the cell, or correct the bonus kind if it is a mistake.`;
    case "facility-duplicate":
      return fr
        ? `L'équipement ${quote(text("name"), lang)} à ${quote(text("commune"), lang)} figure déjà en ${text("first")} : il serait compté deux fois ; supprimez la ligne en double ou donnez-lui un autre nom.`
        : `Facility ${quote(text("name"), lang)} in ${quote(text("commune"), lang)} is already at ${text("first")}: it would be counted twice; delete the duplicate row or give it another name.`;
    case "facility-no-rows":
      return fr
        ? "Aucun équipement sous l'en-tête : saisissez une ligne par équipement avec son nom, sa commune, son type de bonus, sa capacité et son montant CEJ."
        : "No facility below the header: enter one row per facility with its name, commune, bonus kind, capacity and CEJ amount.";
    case "bonus-no-places":
      return fr
        ? `Les ${kindLabel("kind")} du bassin ${basin("basin")} ont ${money("amount")} de CEJ mais aucune capacité : le montant ne peut pas être lissé ; saisissez leur capacité de référence.`
        : `The ${kindLabel("kind")} of the ${basin("basin")} basin have ${money("amount")} of CEJ but no capacity: the amount cannot be smoothed; enter their reference capacity.`;
    case "bonus-floor-applied":
      return fr
        ? `Les ${kindLabel("kind")} du bassin ${basin("basin")} ont un taux lissé de ${money("rate")} par place, sous le plancher de ${money("floor")} : le plancher s'applique et le bonus dépasse l'ancien CEJ ; vérifiez le plancher avec la Caf.`
        : `The ${kindLabel("kind")} of the ${basin("basin")} basin have a smoothed rate of ${money("rate")} per place, below the floor of ${money("floor")}: the floor applies and the bonus exceeds the former CEJ; check the floor with the Caf.`;
  }
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

/** Names of the facilities table's columns: its headers in French, and in English. */
export const FACILITY_FIELD_LABELS: Readonly<Record<Lang, Readonly<Record<FacilityField, string>>>> = {
  fr: {
    facility: "Équipement",
    operator: "Gestionnaire",
    operatorKind: "Type de gestionnaire",
    commune: "Commune",
    domain: "Domaine",
    kind: "Type de bonus",
    unit: "Unité",
    capacity: "Capacité de référence",
    formerCej: "Montant CEJ",
    newPlaces: "Places nouvelles",
    reservedPlaces: "Places réservataires",
    openingDate: "Date d'ouverture",
    priorityArea: "QPV/ZRR",
    missions: "Missions renforcées",
  },
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
