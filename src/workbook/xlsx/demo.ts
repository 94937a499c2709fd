import {
  bonusDemoGrid,
  DEMO_HEADERS,
  DEMO_TOTAL,
  demoRows,
  FACILITY_SHEET,
  FACILITY_TABLE,
  formatMoney,
  type Commune,
  type Lang,
  type RawValue,
} from "../../core";
import { createWorkbook } from "./create";

/** Options of {@link demoWorkbook}. */
export interface DemoOptions {
  /**
   * Add the facilities table `Équipements CTG` (issue #14). Off by default until the pipeline reads
   * it (the pane and the command would otherwise list it as a funding table and write no bonus).
   */
  readonly facilities?: boolean;
}

/** The name of the demo's facilities table. */
export const DEMO_FACILITY_TABLE = FACILITY_TABLE;

/**
 * The built-in demo workbook: the 13 CEJ communes of the source article with illustrative amounts
 * totalling exactly 1 350 000,00 €, in an Excel table named `Financements` below two title rows; with
 * `facilities`, the facilities table `Équipements CTG` too (issue #14): clearly fictitious facilities of
 * those communes whose former CEJ amounts are their 2020 funding (see bonusDemoRows).
 *
 * @param communes - the reference
 * @param lang - the language of the title rows (the table's headers stay French, as users write them)
 * @param options - whether to add the facilities table
 * @returns the .xlsx bytes
 */
export function demoWorkbook(
  communes: readonly Commune[],
  lang: Lang,
  options: DemoOptions = {},
): Uint8Array {
  const title =
    lang === "fr"
      ? "Financements CEJ des 13 communes : DONNÉES ILLUSTRATIVES (fictives)"
      : "CEJ funding of the 13 communes: ILLUSTRATIVE DATA (made up)";
  const note =
    lang === "fr"
      ? `Montants inventés pour la démonstration, répartis au prorata de la population ; total ${formatMoney(DEMO_TOTAL, "fr")} comme l'ordre de grandeur de l'article source. Ce ne sont pas les montants versés par la Caf.`
      : `Amounts made up for the demo, shared by population; total ${formatMoney(DEMO_TOTAL, "en")}, the order of magnitude of the source article. They are not the Caf's real payments.`;
  const rows: RawValue[][] = [[title], [note], [], [...DEMO_HEADERS], ...demoRows(communes)];
  const facilityTitle =
    lang === "fr"
      ? "Équipements des 13 communes CEJ : DONNÉES FICTIVES pour le bonus territoire"
      : "Facilities of the 13 CEJ communes: MADE-UP DATA for the bonus territoire";
  const facilityNote =
    lang === "fr"
      ? "Équipements inventés (« fictif ») ; montants CEJ = financements 2020 de la démo. Une ligne par équipement : la synthèse en calcule le bonus territoire année par année."
      : "Made-up facilities (« fictif »); CEJ amounts = the demo's 2020 funding. One row per facility: the summary computes its bonus territoire year by year.";
  const facilities: RawValue[][] = [[facilityTitle], [facilityNote], [], ...bonusDemoGrid(communes)];
  const funding = {
    name: "Financements",
    rows,
    table: { name: "Financements", headerRow: 3, style: "TableStyleMedium2" },
    moneyColumns: [5],
    titleRows: [0],
    columnWidths: [28, 12, 12, 34, 9, 16],
  };
  if (options.facilities !== true) return createWorkbook([funding]);
  return createWorkbook([
    funding,
    {
      name: FACILITY_SHEET,
      rows: facilities,
      table: { name: DEMO_FACILITY_TABLE, headerRow: 3, style: "TableStyleMedium7" },
      moneyColumns: [8],
      dateColumns: [11],
      titleRows: [0],
      columnWidths: [44, 34, 14, 20, 16, 10, 9, 12, 14, 12, 12, 14, 10, 12],
    },
  ]);
}
