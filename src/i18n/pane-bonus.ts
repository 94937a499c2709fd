/**
 * The words of the task pane's « Bonus territoire » section (issue #14), in French and English. Apart
 * from pane.ts because only the sections loaded after the figures use them: the pane's first chunk,
 * which carries pane.ts, stays as small as it was.
 */

import type { Lang } from "../core";

/** French: singular for 0 and 1; English: singular for 1 only. */
const pluralFr = (n: number, one: string, many: string): string => (Math.abs(n) >= 2 ? many : one);
const pluralEn = (n: number, one: string, many: string): string => (n === 1 ? one : many);

const FR = {
  intro:
    "Le bonus territoire remplace la prestation CEJ : la Caf le verse au gestionnaire de chaque équipement du tableau « Équipements CTG », chaque année de la CTG de son bassin.",
  total: "Bonus territoire sur la durée des CTG",
  summary: (facilities: number, communes: number) =>
    `${facilities} ${pluralFr(facilities, "équipement", "équipements")}, ${communes} ${pluralFr(communes, "commune", "communes")}`,
  term: (basin: string, from: number, to: number, years: number) =>
    `CTG ${basin} : ${from} à ${to} (${years} ans)`,
  basinsTitle: "Par bassin et par année",
  basinsCaption: "Bonus territoire par bassin et par année de CTG",
  outsideNote: "« — » : année hors de la CTG du bassin.",
  basin: "Bassin",
  totalRow: "Total",
  outsideTerm: "hors CTG",
  communesTitle: "Rapprochement par commune",
  communesIntro:
    "L'ancien CEJ perçu par la commune, face au bonus versé aux gestionnaires des équipements de son territoire ; écart = bonus − CEJ.",
  commune: (name: string, basin: string) => `${name} (${basin})`,
  spread: (min: string, max: string) =>
    min === max ? `Écart : ${min} par an` : `Écart : de ${min} à ${max} par an`,
  formerCej: (year: number, amount: string) => `CEJ perçu en ${year} : ${amount}`,
  year: "Année",
  bonusPaid: "Bonus versé",
  difference: "Écart",
  communeCaption: (name: string) => `${name} : bonus versé et écart avec l'ancien CEJ, par année`,
  showAll: (n: number) => `Afficher les ${n} communes`,
  constantOkTitle: "À moyens constants",
  constantOk:
    "La première année de chaque CTG, le bonus des places existantes égale l'ancien CEJ, au centime, par bassin et par type.",
  constantNotOkTitle: "Pas à moyens constants",
  constantLine: (
    basin: string,
    kind: string,
    yearOne: string,
    former: string,
    difference: string,
    why: string,
  ) =>
    `${basin}, ${kind} : ${yearOne} la première année pour ${former} de CEJ (${difference})${why === "" ? "" : ` ; ${why}`}.`,
  constantFloor: "plancher appliqué",
  constantUplift: "revalorisation dès la première année",
  blocked: "Corrigez les erreurs (étape 3) pour voir le bonus territoire.",
};

/** The section's words. */
export type BonusPaneText = typeof FR;

const EN: BonusPaneText = {
  intro:
    'The bonus territoire replaces the CEJ payment: the Caf pays it to the operator of each facility of the "Équipements CTG" table, every year of its basin\'s CTG.',
  total: "Bonus territoire over the CTGs",
  summary: (facilities, communes) =>
    `${facilities} ${pluralEn(facilities, "facility", "facilities")}, ${communes} ${pluralEn(communes, "commune", "communes")}`,
  term: (basin, from, to, years) => `${basin} CTG: ${from} to ${to} (${years} years)`,
  basinsTitle: "By basin and year",
  basinsCaption: "Bonus territoire by basin and CTG year",
  outsideNote: '"—": a year outside the basin\'s CTG.',
  basin: "Basin",
  totalRow: "Total",
  outsideTerm: "outside the CTG",
  communesTitle: "Reconciliation by commune",
  communesIntro:
    "The former CEJ the commune received, against the bonus paid to the operators of the facilities on its territory; difference = bonus − CEJ.",
  commune: (name, basin) => `${name} (${basin})`,
  spread: (min, max) => (min === max ? `Difference: ${min} a year` : `Difference: ${min} to ${max} a year`),
  formerCej: (year, amount) => `CEJ received in ${year}: ${amount}`,
  year: "Year",
  bonusPaid: "Bonus paid",
  difference: "Difference",
  communeCaption: (name) => `${name}: bonus paid and difference with the former CEJ, by year`,
  showAll: (n) => `Show all ${n} communes`,
  constantOkTitle: "At constant means",
  constantOk:
    "In the first year of each CTG, the existing places' bonus equals the former CEJ, to the cent, by basin and kind.",
  constantNotOkTitle: "Not at constant means",
  constantLine: (basin, kind, yearOne, former, difference, why) =>
    `${basin}, ${kind}: ${yearOne} in the first year for ${former} of CEJ (${difference})${why === "" ? "" : `; ${why}`}.`,
  constantFloor: "floor applied",
  constantUplift: "uplift from the first year",
  blocked: "Fix the errors (step 3) to see the bonus territoire.",
};

/**
 * @param lang - the language
 * @returns the words of the pane's « Bonus territoire » section
 */
export function bonusPaneText(lang: Lang): BonusPaneText {
  return lang === "fr" ? FR : EN;
}
