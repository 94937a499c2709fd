// Test helper: change cell values in an .xlsx package, as a finance officer would by typing in Excel.

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Part name of a sheet, found through workbook.xml and its relationships. */
function sheetPart(files: Record<string, Uint8Array>, sheet: string): string {
  const wb = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  const esc = escape(sheet).replace(/'/g, "&apos;");
  const m = new RegExp(
    `<sheet [^>]*name="(?:${escape(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|${esc.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})"[^>]*r:id="([^"]+)"`,
  ).exec(wb);
  if (!m) throw new Error(`no sheet ${sheet}`);
  const rel =
    new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!rel || rel[1] === undefined) throw new Error(`no relationship for ${sheet}`);
  return rel[1].startsWith("/") ? rel[1].slice(1) : `xl/${rel[1]}`;
}

/**
 * Sets cells of a sheet to numbers or texts (replacing formulas there), keeping each cell's style.
 * The cells must exist in the sheet XML.
 */
export function patchCells(
  bytes: Uint8Array,
  sheet: string,
  values: Record<string, number | string>,
): Uint8Array {
  const files = unzipSync(bytes);
  const part = sheetPart(files, sheet);
  let xml = strFromU8(files[part] ?? new Uint8Array());
  for (const [ref, value] of Object.entries(values)) {
    const re = new RegExp(`<c r="${ref}"((?: [a-z]+="[^"]*")*?)(?:/>|>[\\s\\S]*?</c>)`);
    const m = re.exec(xml);
    if (!m) throw new Error(`${sheet}!${ref} not found`);
    const style = /s="\d+"/.exec(m[1] ?? "")?.[0] ?? "";
    const cell =
      typeof value === "number"
        ? `<c r="${ref}" ${style}><v>${value}</v></c>`
        : `<c r="${ref}" ${style} t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
    xml = xml.replace(re, cell);
  }
  files[part] = strToU8(xml);
  return zipSync(files);
}
