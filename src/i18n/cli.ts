/**
 * The command line's own sentences (its issue lines come from messages.ts, its table of scenarios
 * from the report's words), in French and English side by side.
 */

import {
  formatMoney,
  formatRate,
  type AllocationKey,
  type BasinPlan,
  type BonusPlan,
  type Engineering,
  type Lang,
  type Plan,
} from "../core";
import { reportLabels } from "./report-labels";

/** Every sentence the command prints itself. */
export interface CliText {
  /** `Lu : Financements, 12 lignes, 9 communes avec financement CEJ.` */
  readonly read: (what: string, rows: number, communes: number) => string;
  readonly total: (plan: Plan) => string;
  /** The engineering split in one line: cost, the Caf's share (and its base when TTC), the CUCM's. */
  readonly engineering: (e: Engineering) => string;
  /** One basin in one line: its communes, population, CEJ, key share and engineering parts. */
  readonly basin: (b: BasinPlan, key: AllocationKey) => string;
  readonly scenarios: (names: readonly string[]) => string;
  /** The bonus territoire in one line: facilities, years, total, where they were read (issue #14). */
  readonly bonus: (plan: BonusPlan, where: string) => string;
  /** One basin's bonus by year. */
  readonly bonusBasin: (plan: BonusPlan, basin: BonusPlan["byBasin"][number]) => string;
  /** « À moyens constants »: holds, or how many basin × kind groups differ. */
  readonly constantMeans: (plan: BonusPlan) => string;
  readonly warnings: (n: number) => string;
  readonly errors: (n: number) => string;
  readonly written: (file: string) => string;
  readonly demo: (file: string) => string;
}

const m = (c: Plan["total"], lang: Lang): string => formatMoney(c, lang);
/** A key share as a percentage with two decimals, without its sign: `37,50` / `37.50`. */
const share = (s: number, lang: Lang): string => {
  const text = (s * 100).toFixed(2);
  return lang === "fr" ? text.replace(".", ",") : text;
};
const L = { fr: reportLabels("fr"), en: reportLabels("en") };

/** `2024–2028` (one year alone: `2024`). */
const span = (years: readonly number[]): string =>
  years.length <= 1 ? String(years[0] ?? "") : `${years[0] ?? ""}–${years[years.length - 1] ?? ""}`;
/** `2024 : 1 234,00 € ; 2025 : …` / `2024: €1,234.00; 2025: …`. */
const byYear = (plan: BonusPlan, amounts: readonly Plan["total"][], lang: Lang): string =>
  plan.years
    .map((y, i) => `${y}${lang === "fr" ? " :" : ":"} ${m(amounts[i] ?? (0 as Plan["total"]), lang)}`)
    .join(lang === "fr" ? " ; " : "; ");
/** The basin × kind groups whose year one differs from the former CEJ. */
const failing = (plan: BonusPlan): number => plan.constantMeans.filter((c) => !c.ok).length;

const FR: CliText = {
  read: (what, rows, communes) => `Lu : ${what}, ${rows} lignes, ${communes} communes avec financement CEJ.`,
  total: (plan) => `Total CEJ : ${m(plan.total, "fr")}`,
  engineering: (e) =>
    `Ingénierie : coût HT ${m(e.costHT, "fr")} ; Caf ${formatRate(e.cafRate, "fr")}${e.cafBase === "ttc" ? ` (de la base TTC ${m(e.eligibleTTC, "fr")})` : ""} = ${m(e.caf, "fr")} ; CUCM HT ${m(e.cuHT, "fr")} ; TVA ${m(e.vat, "fr")} ; CUCM TTC ${m(e.cuTTC, "fr")}`,
  basin: (b, key) =>
    `Bassin ${L.fr.basins[b.basin]} (${b.communes} communes, ${b.population.toLocaleString("fr-FR")} hab.) : CEJ ${m(b.cejTotal, "fr")} ; clé ${L.fr.keys[key]} ${share(b.keyShare, "fr")} % ; coût HT ${m(b.engineering.costHT, "fr")} ; Caf ${m(b.engineering.caf, "fr")} ; CUCM TTC ${m(b.engineering.cuTTC, "fr")}`,
  scenarios: (names) =>
    `Scénarios : ${names.length} (${names.join(", ")}), comparés dans la feuille « Comparaison scénarios ».`,
  bonus: (plan, where) =>
    `Bonus territoire : ${plan.facilities.length} équipements (${where}), ${span(plan.years)}, total ${m(plan.total, "fr")}, versé aux gestionnaires.`,
  bonusBasin: (plan, b) => `Bassin ${L.fr.basins[b.key]} : ${byYear(plan, b.byYear, "fr")}`,
  constantMeans: (plan) =>
    failing(plan) === 0
      ? "À moyens constants : oui, la première année de chaque CTG égale l'ancien CEJ, par bassin et type."
      : `À moyens constants : non pour ${failing(plan)} bassin(s) × type(s) (plancher, revalorisation ou places manquantes) ; voir la feuille « Contrôles ».`,
  warnings: (n) => `${n} avertissement${n > 1 ? "s" : ""} :`,
  errors: (n) => `${n} erreur${n > 1 ? "s" : ""} : rien n'a été écrit.`,
  written: (file) => `Écrit : ${file}`,
  demo: (file) => `Classeur de démonstration (montants illustratifs) écrit : ${file}`,
};

const EN: CliText = {
  read: (what, rows, communes) => `Read: ${what}, ${rows} rows, ${communes} communes with CEJ funding.`,
  total: (plan) => `CEJ total: ${m(plan.total, "en")}`,
  engineering: (e) =>
    `Engineering: cost excl. VAT ${m(e.costHT, "en")}; Caf ${formatRate(e.cafRate, "en")}${e.cafBase === "ttc" ? ` (of the base incl. VAT ${m(e.eligibleTTC, "en")})` : ""} = ${m(e.caf, "en")}; CUCM excl. VAT ${m(e.cuHT, "en")}; VAT ${m(e.vat, "en")}; CUCM incl. VAT ${m(e.cuTTC, "en")}`,
  basin: (b, key) =>
    `${L.en.basins[b.basin]} basin (${b.communes} communes, ${b.population.toLocaleString("en-GB")} inhabitants): CEJ ${m(b.cejTotal, "en")}; key ${L.en.keys[key]} ${share(b.keyShare, "en")}%; cost excl. VAT ${m(b.engineering.costHT, "en")}; Caf ${m(b.engineering.caf, "en")}; CUCM incl. VAT ${m(b.engineering.cuTTC, "en")}`,
  scenarios: (names) =>
    `Scenarios: ${names.length} (${names.join(", ")}), compared on the sheet "Scenario comparison".`,
  bonus: (plan, where) =>
    `Bonus territoire: ${plan.facilities.length} facilities (${where}), ${span(plan.years)}, total ${m(plan.total, "en")}, paid to the operators.`,
  bonusBasin: (plan, b) => `${L.en.basins[b.key]} basin: ${byYear(plan, b.byYear, "en")}`,
  constantMeans: (plan) =>
    failing(plan) === 0
      ? "At constant means: yes, each CTG's first year equals the former CEJ, per basin and kind."
      : `At constant means: no for ${failing(plan)} basin × kind group(s) (floor, uplift or missing places); see the sheet "Checks".`,
  warnings: (n) => `${n} warning${n > 1 ? "s" : ""}:`,
  errors: (n) => `${n} error${n > 1 ? "s" : ""}: nothing was written.`,
  written: (file) => `Written: ${file}`,
  demo: (file) => `Demo workbook (illustrative amounts) written: ${file}`,
};

/**
 * @param lang - the language
 * @returns the command's sentences in that language
 */
export function cliText(lang: Lang): CliText {
  return lang === "fr" ? FR : EN;
}
