// Rules between parts that Excel enforces and the schemas cannot check (the schema README lists them):
// style indices within cellXfs/dxfs, rows and cells in ascending order, table ids and names unique in
// the workbook, each table header cell's text equal to its column name, defined names unique per
// scope, the sheet list of docProps/app.xml adding up. Relationship targets and content types are
// checked by package-checks.ts.

import { strFromU8 } from "fflate";
import type { Element } from "@xmldom/xmldom";
import { a1 } from "../../../src/core/cell";
import { listSheets, listTables, openPackage, readDefinedNames, readGrid } from "../../../src/workbook/xlsx";
import { elements, rootElement, strictXml, unzip } from "./package-checks";

/** Column and row (0-based) of an A1 reference. */
function position(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`not a cell reference: ${ref}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** Bounds (0-based) of a range `A1:C3`. */
function bounds(ref: string): { r1: number; c1: number; r2: number; c2: number } {
  const [from = "", to = from] = ref.replace(/\$/g, "").split(":");
  const p = position(from);
  const q = position(to);
  return { r1: p.row, c1: p.col, r2: q.row, c2: q.col };
}

function countOf(root: Element, container: string, item: string): number {
  const el = elements(root, container)[0];
  return el
    ? Array.from(el.childNodes).filter((n) => n.nodeType === 1 && (n as Element).localName === item).length
    : 0;
}

/**
 * Problems with the rules between parts, in the worksheets `sheetParts` (the writer's) and workbook-wide.
 *
 * @param bytes - the .xlsx file
 * @param sheetParts - worksheet part names whose cells to check
 * @returns one line per problem; empty when there is none
 */
export function crossPartProblems(bytes: Uint8Array, sheetParts: readonly string[]): string[] {
  const parts = unzip(bytes);
  const pkg = openPackage(bytes);
  const problems: string[] = [];
  const text = (name: string): string => strFromU8(parts.get(name) ?? new Uint8Array());

  const styles = rootElement(strictXml(text("xl/styles.xml"), "xl/styles.xml"));
  const xfCount = countOf(styles, "cellXfs", "xf");
  const dxfCount = countOf(styles, "dxfs", "dxf");
  for (const part of sheetParts) {
    const root = rootElement(strictXml(text(part), part));
    let lastRow = 0;
    for (const row of elements(root, "row")) {
      const r = Number(row.getAttribute("r"));
      if (!(r > lastRow)) problems.push(`${part}: row ${r} after row ${lastRow}`);
      lastRow = r;
      let lastCol = -1;
      for (const c of elements(row, "c")) {
        const ref = c.getAttribute("r") ?? "";
        const p = position(ref);
        if (p.row !== r - 1) problems.push(`${part}: cell ${ref} in row ${r}`);
        if (!(p.col > lastCol)) problems.push(`${part}: cell ${ref} out of order`);
        lastCol = p.col;
        const s = Number(c.getAttribute("s") ?? "0");
        if (!(s >= 0 && s < xfCount)) problems.push(`${part}: ${ref} style ${s} beyond ${xfCount} cellXfs`);
      }
    }
    for (const rule of elements(root, "cfRule")) {
      const dxf = rule.getAttribute("dxfId");
      if (dxf !== null && !(Number(dxf) >= 0 && Number(dxf) < dxfCount))
        problems.push(`${part}: conditional format dxfId ${dxf} beyond ${dxfCount} dxfs`);
    }
  }

  const tables = listTables(pkg);
  const ids = tables.map((t) => t.id);
  if (new Set(ids).size !== ids.length) problems.push(`table ids not unique: ${ids.join(", ")}`);
  const names = tables.map((t) => t.name.toLowerCase());
  if (new Set(names).size !== names.length) problems.push(`table names not unique: ${names.join(", ")}`);
  for (const t of tables) {
    if (t.headerRowCount === 0) continue;
    const b = bounds(t.ref);
    if (t.columns.length !== b.c2 - b.c1 + 1)
      problems.push(`table ${t.name}: ${t.columns.length} columns for ${t.ref}`);
    const header = readGrid(pkg, t.sheet, `${a1(b.r1, b.c1)}:${a1(b.r1, b.c2)}`).grid[0] ?? [];
    t.columns.forEach((name, i) => {
      const cell = header[i];
      const shown = cell === null || cell === undefined ? "" : String(cell);
      if (shown !== name)
        problems.push(`table ${t.name}: header ${a1(b.r1, b.c1 + i)} "${shown}" ≠ column "${name}"`);
    });
  }

  const scoped = readDefinedNames(pkg).map((n) => `${n.name.toLowerCase()}@${n.localSheetId ?? ""}`);
  const seen = new Set<string>();
  for (const n of scoped) {
    if (seen.has(n)) problems.push(`defined name ${n} twice in its scope`);
    seen.add(n);
  }
  const sheetCount = listSheets(pkg).length;
  for (const n of readDefinedNames(pkg))
    if (n.localSheetId !== undefined && n.localSheetId >= sheetCount)
      problems.push(`defined name ${n.name}: localSheetId ${n.localSheetId} beyond ${sheetCount} sheets`);

  // docProps/app.xml: the HeadingPairs counts add up to the TitlesOfParts.
  if (parts.has("docProps/app.xml")) {
    const app = rootElement(strictXml(text("docProps/app.xml"), "docProps/app.xml"));
    const pairs = elements(app, "HeadingPairs")[0];
    const titles = elements(app, "TitlesOfParts")[0];
    if (pairs || titles) {
      const counts = pairs ? elements(pairs, "i4").map((e) => Number(e.textContent)) : [];
      const listed = titles ? elements(titles, "lpstr").length : 0;
      const sum = counts.reduce((a, b) => a + b, 0);
      if (sum !== listed)
        problems.push(`docProps/app.xml: HeadingPairs count ${sum}, TitlesOfParts ${listed}`);
    }
  }
  return problems;
}
