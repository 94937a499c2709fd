import {
  DEMO_HEADERS,
  DEMO_TOTAL,
  demoRows,
  formatMoney,
  type Commune,
  type Lang,
  type RawValue,
} from "../../core";
import { createWorkbook } from "./create";

/**
 * The built-in demo workbook: the 13 CEJ communes of the source article with illustrative amounts
 * totalling exactly 1 350 000,00 €, in an Excel table named `Financements` below two title rows.
 *
 * @param communes - the reference
 * @param lang - the language of the title rows (the table's headers stay French, as users write them)
 * @returns the .xlsx bytes
 */
export function demoWorkbook(communes: readonly Commune[], lang: Lang): Uint8Array {
  const title =
    lang === "fr"
      ? "Financements CEJ des 13 communes : DONNÉES ILLUSTRATIVES (fictives)"
      : "CEJ funding of the 13 communes: ILLUSTRATIVE DATA (made up)";
  const note =
    lang === "fr"
      ? `Montants inventés pour la démonstration, répartis au prorata de la population ; total ${formatMoney(DEMO_TOTAL, "fr")} comme l'ordre de grandeur de l'article source. Ce ne sont pas les montants versés par la Caf.`
      : `Amounts made up for the demo, shared by population; total ${formatMoney(DEMO_TOTAL, "en")}, the order of magnitude of the source article. They are not the Caf's real payments.`;
  const rows: RawValue[][] = [[title], [note], [], [...DEMO_HEADERS], ...demoRows(communes)];
  return createWorkbook([
    {
      name: "Financements",
      rows,
      table: { name: "Financements", headerRow: 3, style: "TableStyleMedium2" },
      moneyColumns: [5],
      titleRows: [0],
      columnWidths: [28, 12, 12, 34, 9, 16],
    },
  ]);
}
