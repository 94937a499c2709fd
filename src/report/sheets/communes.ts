/** `Communes CTG`: the reference communes as an editable table (basin, population, confirmed). */

import { printSetup, type Context } from "../context";
import type { ReportSheet } from "../model";
import { COMMUNES_LAYOUT } from "../schema";
import { SheetBuilder } from "../sheet-builder";

/**
 * Builds `Communes CTG`: the table `CTG_Communes` (header on row 4, one row per reference commune from
 * row 5) with lists on the basin and confirmed columns.
 *
 * @param ctx - the build
 * @returns the sheet
 */
export function buildCommunes(ctx: Context): ReportSheet {
  const { L, plan } = ctx;
  const { first, headerRow, cols } = COMMUNES_LAYOUT;
  const s = new SheetBuilder("communes", ctx.names.communes);
  s.text(0, 0, L.communes.title, "title").text(1, 0, L.communes.note, "subtitle");
  L.communes.columns.forEach((h, c) => s.text(headerRow, c, h, "header"));
  const communes = plan.communesReference;
  communes.forEach((c, i) => {
    const r = first + i;
    s.text(r, cols.insee, c.insee, "code")
      .text(r, cols.name, c.name, "text")
      .text(r, cols.basin, L.basins[c.basin], "input")
      .number(r, cols.population, c.population, "integer")
      .number(r, cols.year, c.populationYear, "year")
      .text(r, cols.confirmed, c.basinConfirmed ? L.yes : L.no, "input")
      .text(r, cols.exCej, c.exCej ? L.yes : L.no, "text");
  });
  const last = first + communes.length - 1;
  s.table({
    name: ctx.communesTable,
    ref: `A${headerRow + 1}:G${last + 1}`,
    columns: L.communes.columns,
    style: "TableStyleLight9",
  });
  s.validate({
    type: "list",
    ref: `C${first + 1}:C${last + 1}`,
    items: [L.basins.nord, L.basins.sud],
    error: L.communes.basinError,
  });
  s.validate({
    type: "list",
    ref: `F${first + 1}:F${last + 1}`,
    items: [L.yes, L.no],
    error: L.communes.yesNoError,
  });
  s.widthsFrom([13, 32, 11, 22, 22, 17, 13]).freezeAt(4, 2);
  return s.build(printSetup(ctx, "communes", [4, 4]), "5B9BD5");
}
