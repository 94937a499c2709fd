// The writer's test inputs as Excel saves them: the Excel-like fixture with a docProps/app.xml that
// lists its sheets and named ranges (HeadingPairs / TitlesOfParts), as Excel writes on every save.

import { strToU8, zipSync } from "fflate";
import { excelLikeWorkbook, type ExcelLikeOptions } from "../../fixtures/xlsx-builder";
import { patchCells } from "../../helpers/patch-xlsx";
import { unzip } from "./package-checks";

export const NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
export const NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/** docProps/app.xml as Excel (French) saves the fixture: 3 worksheets, 1 visible named range. */
export const EXCEL_FR_APP =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  `<Properties xmlns="${NS_EP}" xmlns:vt="${NS_VT}"><Application>Microsoft Excel</Application>` +
  "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
  '<HeadingPairs><vt:vector size="4" baseType="variant">' +
  "<vt:variant><vt:lpstr>Feuilles de calcul</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant>" +
  "<vt:variant><vt:lpstr>Plages nommées</vt:lpstr></vt:variant><vt:variant><vt:i4>2</vt:i4></vt:variant>" +
  "</vt:vector></HeadingPairs>" +
  '<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>Financements</vt:lpstr><vt:lpstr>Notes</vt:lpstr>' +
  "<vt:lpstr>Caché</vt:lpstr><vt:lpstr>Caché!LocalCache</vt:lpstr><vt:lpstr>Taux</vt:lpstr></vt:vector></TitlesOfParts>" +
  "<Company>Communauté urbaine</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>" +
  "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>";

/** The same list as an English Excel writes it, without the named ranges group. */
export const EXCEL_EN_APP_SHEETS_ONLY =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS_EP}" xmlns:vt="${NS_VT}">` +
  '<Application>Microsoft Excel</Application><HeadingPairs><vt:vector size="2" baseType="variant">' +
  "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant></vt:vector></HeadingPairs>" +
  '<TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>Financements</vt:lpstr><vt:lpstr>Notes</vt:lpstr>' +
  "<vt:lpstr>Caché</vt:lpstr></vt:vector></TitlesOfParts></Properties>";

/** A package with one part replaced. */
export function withPart(bytes: Uint8Array, name: string, content: string): Uint8Array {
  const parts = unzip(bytes);
  if (!parts.has(name)) throw new Error(`no part ${name}`);
  parts.set(name, strToU8(content));
  return zipSync(Object.fromEntries(parts));
}

/** The fixture as summarize reads it: its made-up INSEE codes blanked (communes found by name). */
export function excelInput(app: string, options: ExcelLikeOptions = {}): Uint8Array {
  const blanks = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [`B${i + 2}`, ""]));
  return withPart(patchCells(excelLikeWorkbook(options), "Financements", blanks), "docProps/app.xml", app);
}
