import type { Lang } from "../core";

/** The words the report's list cells offer: yes and no, and the bonus's pro-rating rules. */
export interface ReportChoices {
  readonly yes: string;
  readonly no: string;
  readonly proRata: { readonly months: string; readonly "full-year": string };
}

/**
 * The report's choice words in French and English. A module of their own: the issue sentences that
 * name them (messages.ts) do not load every word of the report, which the pane loads after its figures.
 */
export const REPORT_CHOICES: Readonly<Record<Lang, ReportChoices>> = {
  fr: { yes: "Oui", no: "Non", proRata: { months: "Douzièmes", "full-year": "Année entière" } },
  en: { yes: "Yes", no: "No", proRata: { months: "Twelfths", "full-year": "Whole year" } },
};
