/**
 * The issue sentences in French: one per issue code, each saying what is wrong and how to fix it, from
 * the issue's typed `data` (see `IssueDataByCode` in core/types.ts) and its `related` cells where they
 * help. The English ones are in issue-sentences-en.ts; formatIssue (messages.ts) uses both, the pane
 * loads only its language's.
 */

import { SCENARIO_BONUS_LABELS } from "../core";
import {
  bonusHow,
  bonusParamHow,
  bonusRow,
  chosenColumn,
  type IssueSentences,
  kit,
  paramHow,
  phrase,
} from "./issue-kit";
import type { IssueFormatter } from "./issue-sentences";
import {
  BONUS_KIND_LABELS,
  FACILITY_REQUIRED_LABELS,
  HEADER_HINTS,
  KEY_LABELS,
  OPERATOR_KIND_LABELS,
  UNIT_LABELS,
} from "./labels";

const fr = kit("fr");

/** Every issue code's sentence in French. */
export const ISSUE_SENTENCES_FR: IssueSentences = {
  "header-not-found": () =>
    `Ligne d'en-tête introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${fr.list(["Commune", "Montant"], "and")}, ou choisissez les colonnes à la main.`,
  "table-header-hidden": (d) =>
    `Le tableau « ${d.table} » masque sa ligne d'en-tête : ses colonnes ne peuvent pas être reconnues. Affichez-la (onglet Création de tableau, case Ligne d'en-tête), puis relancez.`,
  "missing-column": (d) =>
    `Colonne ${fr.q(fr.field(d.field))} introuvable : ajoutez une colonne intitulée ${fr.list(HEADER_HINTS.fr[d.field] ?? [])}, ou choisissez-la dans la correspondance des colonnes.`,
  "duplicate-column": (d) =>
    `Plusieurs colonnes correspondent à ${fr.q(fr.field(d.field))} (${fr.list(d.columns, "and")}) : renommez ou supprimez celle qui ne sert pas, ou choisissez la bonne dans la correspondance des colonnes.`,
  "mapping-out-of-range": (d) =>
    `La colonne choisie pour ${fr.q(fr.field(d.field))}, ${chosenColumn(d.column, "fr")}, est en dehors du tableau : choisissez une colonne du tableau dans la correspondance des colonnes.`,
  "amount-empty": () =>
    "Montant vide : saisissez le montant versé en euros (ex. 12 345,67) ou supprimez la ligne.",
  "amount-not-a-number": (d) =>
    `${fr.q(d.value)} n'est pas un montant : saisissez un nombre en euros (ex. 12 345,67 ou 12 345,67 €).`,
  "amount-error-value": (d) =>
    `La cellule du montant contient l'erreur ${d.value} : corrigez la formule ou remplacez-la par le montant en euros.`,
  "amount-fraction-of-cent": (d) =>
    `Montant ${fr.q(d.value)} avec des fractions de centime : arrondissez-le au centime (deux décimales au plus).`,
  "amount-too-large": (d) =>
    `Montant ${fr.q(d.value)} trop grand pour être un montant en euros : vérifiez la cellule (unité, zéros en trop).`,
  "amount-as-text": (d) =>
    `Montant saisi comme texte ${fr.q(d.value)}, lu comme ${fr.money(d.amount)} : vérifiez-le ; pour ne plus voir cet avertissement, convertissez la cellule en nombre.`,
  "amount-negative": (d) =>
    `Montant négatif (${fr.money(d.amount)}) : compté comme une régularisation qui réduit le total de la commune. Si le signe moins est une erreur, retirez-le.`,
  "commune-total-negative": (d) =>
    `Le total des montants de ${fr.q(d.commune)} est négatif (${fr.money(d.total)}) : les régularisations dépassent les versements ; corrigez les montants négatifs de cette commune.`,
  "commune-empty": () =>
    "Commune vide : saisissez le nom ou le code INSEE de la commune, ou supprimez la ligne.",
  "commune-unknown": (d) =>
    `Commune inconnue ${fr.q(d.value)} : corrigez le nom${fr.hint(d.suggestions)} ; pour une commune hors de la communauté urbaine, indiquez son bassin (${fr.basins}) dans la colonne Bassin.`,
  "commune-unknown-kept": (d) =>
    `Commune ${fr.q(d.value)} hors de la liste de référence : gardée sous ce nom dans le bassin ${fr.basin(d.basin)}. Si c'est une faute de frappe, corrigez le nom.`,
  "insee-unknown": (d) =>
    `Code INSEE ${fr.q(d.value)} inconnu parmi les communes de référence : corrigez-le (5 chiffres, ex. 71153) ou videz la cellule pour reconnaître la commune par son nom.`,
  "insee-mismatch": (d) =>
    `Le code INSEE ${fr.q(d.insee)} n'est pas celui de ${fr.q(d.commune)} : corrigez le code ou le nom pour qu'ils désignent la même commune.`,
  "basin-invalid": (d) =>
    `Bassin ${fr.q(d.value)} non reconnu : saisissez ${fr.basins}, ou videz la cellule pour prendre le bassin de référence.`,
  "basin-differs": (d) =>
    `Bassin ${fr.basin(d.given)} indiqué pour ${fr.q(d.commune)}, alors que la référence indique ${fr.basin(d.reference)} : le bassin de la ligne est retenu. Si c'est une erreur, corrigez ou videz la cellule.`,
  "basin-conflict": (d, [where]) =>
    `${fr.q(d.commune)} est placée dans le bassin ${fr.basin(d.second)} ici, mais dans le bassin ${fr.basin(d.first)}${where === undefined ? "" : ` en ${where}`} : une commune n'a qu'un bassin, mettez le même sur toutes ses lignes.`,
  "population-invalid": (d) =>
    `Population ${fr.q(d.value)} invalide : saisissez un nombre entier d'habitants, positif ou nul (ex. 20509), ou videz la cellule pour reprendre la population de référence.`,
  "year-invalid": (d) =>
    `Année ${fr.q(d.value)} invalide : saisissez une année entière entre 2000 et 2100 (ex. 2019).`,
  "duplicate-row": (d) =>
    `Ligne identique à celle de ${d.first} : elle est comptée deux fois ; supprimez-la si c'est un doublon.`,
  "no-rows": () =>
    "Aucune ligne de financement sous l'en-tête : saisissez une ligne par commune (et par action ou année) avec sa commune et son montant.",
  "param-invalid": (d) =>
    `${fr.param(d.param)} : ${fr.q(d.value)} n'est pas une valeur possible ; ${paramHow(d.param, "fr")}.`,
  "param-rate-range": (d) =>
    `${fr.param(d.param)} : ${fr.q(d.value)} est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 50 %). Un nombre sans % est lu comme une fraction (0,5 = 50 %).`,
  "param-negative": (d) =>
    `${fr.param(d.param)} : ${fr.q(d.value)} est négatif ; saisissez un montant positif ou nul.`,
  "cost-above-cap": (d) =>
    `Le coût HT (${fr.money(d.cost)}) dépasse le plafond (${fr.money(d.cap)}) : la Caf ne finance que le plafond, la communauté urbaine prend le dépassement à sa charge. Vérifiez le coût ou le plafond.`,
  "key-sum-zero": (d) =>
    `La clé de répartition ${fr.q(fr.key(d.key))} vaut zéro pour les deux bassins : l'ingénierie ne peut pas être répartie. Complétez les données de cette clé ou choisissez une autre clé (ex. ${fr.q(KEY_LABELS.fr.equal)}).`,
  "scenario-unnamed": (d) =>
    `La colonne ${d.column} des scénarios a des valeurs mais pas de nom : elle est ignorée. Donnez-lui un nom dans la ligne « Nom » pour en faire un scénario.`,
  "scenario-duplicate-name": (d) =>
    `Le scénario ${fr.q(d.name)} porte le même nom que celui de ${d.first} : renommez l'un des deux pour les distinguer.`,
  "scenario-sheet-unreadable": () =>
    "La feuille des scénarios n'a plus de ligne « Nom » : ses scénarios ne peuvent pas être lus. Rétablissez la ligne « Nom » en colonne A (ou supprimez la feuille pour repartir des paramètres actuels) ; rien n'est écrit d'ici là.",
  "scenario-bonus-invalid": (d) =>
    `Scénario, ligne ${bonusRow(d.field, "fr")} : ${fr.q(d.value)} n'est pas une valeur possible ; ${bonusHow(d.field, "fr")}, comme nombre (pas comme texte), ou videz la cellule pour garder le paramètre actuel.`,
  "scenario-places-invalid": (d) =>
    `Places EAJE ajoutées à ${d.commune} : ${fr.q(d.value)} n'est pas un nombre de places ; saisissez un nombre entier de places, positif ou nul (ex. 30), ou videz la cellule.`,
  "scenario-opening-invalid": (d) =>
    `Année d'ouverture des places ajoutées à ${d.commune} : ${fr.q(d.value)} n'est pas une année ; saisissez une année entre 2000 et 2100 (ex. 2024), comme nombre (pas comme texte ni comme date). Pour une ouverture en cours d'année, décrivez l'équipement dans « Équipements CTG ».`,
  "scenario-opening-missing": (d) =>
    `${d.places} places EAJE ajoutées à ${d.commune} sans année d'ouverture : saisissez l'année (ex. 2024) dans la ligne de la commune du bloc « ${SCENARIO_BONUS_LABELS.fr.opening} ».`,
  "facility-header-not-found": () =>
    `Ligne d'en-tête des équipements introuvable : ajoutez au-dessus des données une ligne de titres avec au moins les colonnes ${fr.list(FACILITY_REQUIRED_LABELS.fr, "and")}.`,
  "facility-missing-column": (d) =>
    `Colonne ${fr.q(fr.facilityField(d.field))} introuvable dans le tableau des équipements : ajoutez une colonne intitulée ${fr.q(fr.facilityField(d.field))}.`,
  "facility-duplicate-column": (d) =>
    `Plusieurs colonnes correspondent à ${fr.q(fr.facilityField(d.field))} (${fr.list(d.columns, "and")}) : renommez ou supprimez celle qui ne sert pas.`,
  "facility-name-empty": () =>
    "Nom d'équipement vide : saisissez le nom de l'équipement (ex. Multi-accueil Les Lutins) ou supprimez la ligne.",
  "facility-commune-unknown": (d) =>
    `Commune inconnue ${fr.q(d.value)}${fr.hint(d.suggestions)} : saisissez le nom ou le code INSEE d'une des 34 communes de la communauté urbaine ; un équipement hors de ses communes n'a pas de CTG ici.`,
  "facility-kind-unknown": (d) =>
    `Type de bonus ${fr.q(d.value)} non reconnu : choisissez ${fr.list(Object.values(BONUS_KIND_LABELS.fr))}.`,
  "facility-operator-kind-unknown": (d) =>
    `Type de gestionnaire ${fr.q(d.value)} non reconnu : choisissez ${fr.list(Object.values(OPERATOR_KIND_LABELS.fr))}, ou videz la cellule (« Autre »).`,
  "facility-unit-unknown": (d) =>
    `Unité ${fr.q(d.value)} non reconnue : choisissez ${fr.list(Object.values(UNIT_LABELS.fr))}, ou videz la cellule pour l'unité habituelle du type de bonus.`,
  "facility-unit-mixed": (d, [where]) =>
    `Unité ${fr.q(fr.unit(d.unit))} ici, mais ${fr.q(fr.unit(d.first))}${where === undefined ? "" : ` (en ${where})`} pour les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} : le lissage additionne leurs capacités, donnez-leur la même unité.`,
  "facility-quantity-invalid": (d) =>
    d.whole === 1
      ? `${fr.facilityField(d.field)} : ${fr.q(d.value)} n'est pas un nombre entier ; saisissez un nombre de places entier, positif ou nul (ex. 30).`
      : `${fr.facilityField(d.field)} : ${fr.q(d.value)} n'est pas un nombre ; saisissez un nombre positif ou nul avec au plus deux décimales (ex. 1,5).`,
  "facility-quantity-negative": (d) =>
    `${fr.facilityField(d.field)} : ${fr.q(d.value)} est négatif ; saisissez une quantité de zéro ou plus (une fermeture de places se saisit en réduisant la capacité).`,
  "facility-reserved-above-new": (d) =>
    `${d.reserved} places réservataires pour ${d.places} places nouvelles : les places réservées font partie des places nouvelles ; corrigez l'un des deux nombres.`,
  "facility-cej-negative": (d) =>
    `Montant CEJ négatif (${fr.money(d.amount)}) : saisissez le montant versé l'année de référence, positif ou nul.`,
  "facility-opening-invalid": (d) =>
    `Date d'ouverture ${fr.q(d.value)} non reconnue : saisissez une date (ex. 01/09/2026), un mois (09/2026) ou une année entre 2000 et 2100.`,
  "facility-opening-missing": () =>
    "Places nouvelles sans date d'ouverture : saisissez la date d'ouverture (ex. 01/09/2026) pour calculer l'année d'ouverture au prorata.",
  "facility-flag-invalid": (d) =>
    `QPV/ZRR ${fr.q(d.value)} non reconnu : saisissez « Oui » si l'équipement est en QPV ou en ZRR, « Non » sinon (ou videz la cellule).`,
  "facility-field-ignored": (d) =>
    `${fr.facilityField(d.field)} n'est pas compté pour un équipement de type ${fr.kind(d.kind)} : videz la cellule, ou corrigez le type de bonus si c'est une erreur.`,
  "facility-duplicate": (d) =>
    `L'équipement ${fr.q(d.name)} à ${fr.q(d.commune)} figure déjà en ${d.first} : il serait compté deux fois ; supprimez la ligne en double ou donnez-lui un autre nom.`,
  "facility-no-rows": () =>
    "Aucun équipement sous l'en-tête : saisissez une ligne par équipement avec son nom, sa commune, son type de bonus, sa capacité et son montant CEJ.",
  "bonus-param-invalid": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une valeur possible ; ${bonusParamHow(d.param, "fr")}.`,
  "bonus-param-negative": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} est négatif ; saisissez un montant positif ou nul.`,
  "bonus-param-rate-range": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} est hors de 0 % à 100 % ; saisissez un pourcentage (ex. 2 %). Un nombre sans % est lu comme une fraction (0,02 = 2 %).`,
  "bonus-param-year": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une année ; saisissez une année entière entre 2000 et 2100 (ex. 2024).`,
  "bonus-param-duration": (d) =>
    `${fr.bonusParam(d)} : une CTG dure 4 ou 5 ans, pas ${fr.q(d.value)} ; saisissez 4 ou 5 (la durée signée avec la Caf).`,
  "bonus-param-tranche": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} n'est pas une des tranches ; saisissez le numéro d'une tranche dont le montant par place est donné (ex. 2).`,
  "bonus-param-yes-no": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} non reconnu ; choisissez ${fr.list([fr.report.yes, fr.report.no])}.`,
  "bonus-param-pro-rata": (d) =>
    `${fr.bonusParam(d)} : ${fr.q(d.value)} non reconnu ; choisissez ${fr.list(Object.values(fr.report.proRata))}.`,
  "bonus-no-places": (d) =>
    `Les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} ont ${fr.money(d.amount)} de CEJ mais aucune capacité : le montant ne peut pas être lissé ; saisissez leur capacité de référence.`,
  "bonus-floor-applied": (d) =>
    `Les ${fr.kind(d.kind)} du bassin ${fr.basin(d.basin)} ont un taux lissé de ${fr.money(d.rate)} par place, sous le plancher de ${fr.money(d.floor)} : le plancher s'applique et le bonus dépasse l'ancien CEJ ; vérifiez le plancher avec la Caf.`,
};

/** An issue's sentence in French (what the pane loads: see issue-sentences.ts). */
export const formatIssueFr: IssueFormatter = (issue) => phrase(ISSUE_SENTENCES_FR, issue);
