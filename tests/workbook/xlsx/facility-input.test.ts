// The facilities input sheet (issue #14) through the .xlsx writer: a generation on a workbook without
// `Équipements CTG` writes it once, unmarked, documented, with an empty table `Equipements_CTG` and
// its validations; a re-run keeps it byte for byte, with whatever the user typed; the reader reads it
// back, empty, as no facility and no issue, in French and in English; LibreOffice opens it with its
// drop-downs.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { COMMUNES } from "../../../src/core/communes";
import {
  FACILITY_SHEET,
  FACILITY_TABLE,
  parseBonusKind,
  parseBonusUnit,
  parseFlag,
  parseOperatorKind,
  readFacilityTable,
} from "../../../src/core/facilities";
import { toCell } from "../../../src/core/cell";
import type { Lang } from "../../../src/core/types";
import { FACILITY_FIELD_LABELS } from "../../../src/i18n";
import {
  demoWorkbook,
  listSheets,
  listTables,
  openPackage,
  readDefinedNames,
  readTableGrid,
} from "../../../src/workbook/xlsx";
import { planWorkbook } from "../../../src/app";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { patchCells } from "../../helpers/patch-xlsx";
import { recalcXlsx } from "../../helpers/libreoffice";
import { summarizeWorkbook } from "../../helpers/summarize";
import { elements, strictXml, unzip } from "./package-checks";

const NOW = new Date("2026-11-28T12:00:00Z");

async function summarize(bytes: Uint8Array, lang: Lang = "fr"): Promise<Uint8Array> {
  const result = await summarizeWorkbook(bytes, { lang, version: "test", now: NOW });
  if (result.output === null) throw new Error(`blocked: ${JSON.stringify(result.issues)}`);
  return result.output;
}

/** The input sheet's worksheet part and its table part, by name. */
function inputParts(bytes: Uint8Array): { sheet: string; table: string } {
  const pkg = openPackage(bytes);
  const sheet = listSheets(pkg).find((s) => s.name === FACILITY_SHEET);
  const table = listTables(pkg).find((t) => t.name === FACILITY_TABLE);
  if (sheet === undefined || table === undefined) throw new Error("no facilities input sheet");
  return { sheet: sheet.partPath, table: table.partPath };
}

/** The dataValidation elements of a worksheet part: type, range, first formula, whether it alerts. */
function validationsOf(bytes: Uint8Array, part: string): [string, string, string, boolean][] {
  const doc = strictXml(strFromU8(unzip(bytes).get(part) ?? new Uint8Array()), part);
  return elements(doc, "dataValidation").map((v) => [
    v.getAttribute("type") ?? "",
    v.getAttribute("sqref") ?? "",
    elements(v, "formula1")[0]?.textContent ?? "",
    /^(1|true)$/.test(v.getAttribute("showErrorMessage") ?? ""),
  ]);
}

/** The reader on the written table: header row first, as the app layer reads an Excel table. */
function readBack(bytes: Uint8Array): ReturnType<typeof readFacilityTable> {
  const read = readTableGrid(openPackage(bytes), FACILITY_TABLE);
  return readFacilityTable(read.grid, { origin: read.origin, communes: COMMUNES, headerRow: 0 });
}

/**
 * The whole read of a generation (snapshot, then plan): the empty table is found, and it is no
 * facility and no issue: the plan is ready, without a bonus.
 */
function expectEmptyRead(bytes: Uint8Array): void {
  const snapshot = snapshotPackage(openPackage(bytes));
  expect(snapshot.facilities).toMatchObject({ sheet: FACILITY_SHEET, table: FACILITY_TABLE });
  expect(snapshot.facilities?.grid).toHaveLength(2); // the header and the empty row
  const result = planWorkbook(snapshot);
  expect(result.status).toBe("ready");
  expect(result.issues.filter((i) => /^(facility|bonus)-/.test(i.code))).toEqual([]);
  expect(result.status === "ready" ? result.bonus : "blocked").toBeNull();
}

describe.each(["fr", "en"] as const)("the facilities input sheet in %s", (lang) => {
  let first: Uint8Array;
  beforeAll(async () => {
    first = await summarize(demoWorkbook(COMMUNES, lang, { facilities: false }), lang);
  });

  test("is written once, unmarked, before the product's sheets, with an empty table of the reader's headers", () => {
    const pkg = openPackage(first);
    const sheets = listSheets(pkg);
    expect(sheets.filter((s) => s.name === FACILITY_SHEET)).toHaveLength(1);
    const index = sheets.findIndex((s) => s.name === FACILITY_SHEET);
    expect(sheets[index]).toMatchObject({ marked: false, productKind: null, state: "visible" });
    expect(sheets.slice(0, index).every((s) => !s.marked)).toBe(true);
    expect(sheets.slice(index + 1).every((s) => s.marked)).toBe(true);
    // No name scoped to it: no marker, nothing a re-run would take for the product's.
    expect(readDefinedNames(pkg).filter((n) => n.localSheetId === index)).toEqual([]);
    const table = listTables(pkg).find((t) => t.name === FACILITY_TABLE);
    expect(table).toMatchObject({
      sheet: FACILITY_SHEET,
      ref: "A21:N22",
      headerRowCount: 1,
      totalsRowCount: 0,
    });
    expect(table?.columns).toEqual(Object.values(FACILITY_FIELD_LABELS[lang]));
  });

  test("the reader reads it back as no facility and no issue", () => {
    expectEmptyRead(first);
  });

  test("documents every column, and its drop-downs offer words the reader accepts", () => {
    const { sheet } = inputParts(first);
    const xml = strFromU8(unzip(first).get(sheet) ?? new Uint8Array());
    for (const header of Object.values(FACILITY_FIELD_LABELS[lang])) expect(xml).toContain(`>${header}<`);
    const v = validationsOf(first, sheet);
    expect(v.map(([type, ref, , alerts]) => [type, ref, alerts])).toEqual([
      ["list", "C22:C521", true],
      ["list", "E22:E521", false], // the domain: suggestions, any other text is kept
      ["list", "F22:F521", true],
      ["list", "G22:G521", true],
      ["decimal", "H22:H521", true],
      ["decimal", "I22:I521", true],
      ["whole", "J22:J521", true],
      ["whole", "K22:K521", true],
      ["date", "L22:L521", true],
      ["list", "M22:M521", true],
      ["whole", "N22:N521", true],
    ]);
    const items = (i: number): string[] => (v[i]?.[2] ?? "").replace(/^"|"$/g, "").split(",");
    expect(items(0).map(parseOperatorKind)).toEqual(["commune", "ccas", "association", "prive", "autre"]);
    expect(items(2).map(parseBonusKind)).toEqual(["eaje", "rpe", "laep", "alsh", "autre"]);
    expect(items(3).map(parseBonusUnit)).toEqual(["places", "etp", "heures"]);
    expect(items(9).map((t) => parseFlag(toCell(t)))).toEqual([true, false]);
    expect(v[8]?.[2]).toBe("36526"); // 1 January 2000
  });

  test("a re-run keeps it byte for byte, with the rows the user typed; the reader reads them", async () => {
    const typed = typeRows(first, lang);
    const parts = inputParts(typed);
    const second = await summarize(typed, lang);
    expect(inputParts(second)).toEqual(parts);
    for (const part of [parts.sheet, parts.table, `xl/worksheets/_rels/${path.basename(parts.sheet)}.rels`]) {
      expect(Buffer.from(unzip(second).get(part) ?? [])).toEqual(Buffer.from(unzip(typed).get(part) ?? []));
    }
    expect(listSheets(openPackage(second)).filter((s) => s.name === FACILITY_SHEET)).toHaveLength(1);
    const read = readBack(second);
    expect(read.issues).toEqual([]);
    expect(read.facilities.map((f) => [f.name, f.kind, f.operatorKind, f.unit, f.priorityArea])).toEqual([
      ["Crèche test", "eaje", "commune", "places", false],
      ["RPE test", "rpe", "ccas", "etp", true],
    ]);
  });
});

/**
 * Two rows typed into the table with the drop-downs' words (the table grown by one row, as Excel
 * does when one types below it).
 */
function typeRows(bytes: Uint8Array, lang: Lang): Uint8Array {
  const [commune, ccas] = lang === "fr" ? ["Commune", "CCAS"] : ["Municipality", "CCAS"];
  const [no, yes] = lang === "fr" ? ["Non", "Oui"] : ["No", "Yes"];
  const unit = lang === "fr" ? "ETP" : "FTE";
  const patched = patchCells(bytes, FACILITY_SHEET, {
    A22: "Crèche test",
    B22: "Commune du Creusot",
    C22: commune,
    D22: "Le Creusot",
    F22: "EAJE",
    G22: "places",
    H22: 30,
    I22: 60000,
    M22: no,
    A23: "RPE test",
    B23: "CCAS de Blanzy",
    C23: ccas,
    D23: "Blanzy",
    F23: "RPE",
    G23: unit,
    H23: 1,
    I23: 15000,
    M23: yes,
    N23: 1,
  });
  const files = unzipSync(patched);
  const part = inputParts(patched).table;
  files[part] = strToU8(strFromU8(files[part] ?? new Uint8Array()).replace(/A21:N22/g, "A21:N23"));
  return zipSync(files);
}

test("a workbook that has the sheet or the table keeps it as it is: nothing is added", async () => {
  const first = await summarize(demoWorkbook(COMMUNES, "fr", { facilities: false }));
  // The user renames the sheet: the table is there, under another name of sheet; nothing is added.
  const files = unzipSync(first);
  files["xl/workbook.xml"] = strToU8(
    strFromU8(files["xl/workbook.xml"] ?? new Uint8Array()).replace(
      `name="${FACILITY_SHEET}"`,
      'name="Mes équipements"',
    ),
  );
  const renamed = await summarize(zipSync(files));
  expect(listSheets(openPackage(renamed)).map((s) => s.name)).not.toContain(FACILITY_SHEET);
  expect(listTables(openPackage(renamed)).filter((t) => t.name === FACILITY_TABLE)).toHaveLength(1);
  // The demo's own facilities sheet (title rows, its table at A4) is the user's: kept as it is.
  const demo = demoWorkbook(COMMUNES, "fr", { facilities: true });
  const withDemo = await summarize(demo);
  expect(listSheets(openPackage(withDemo)).filter((s) => s.name === FACILITY_SHEET)).toHaveLength(1);
  const demoTable = listTables(openPackage(demo)).find((t) => t.name === FACILITY_TABLE);
  expect(listTables(openPackage(withDemo)).filter((t) => t.name === FACILITY_TABLE)).toEqual([demoTable]);
  const part =
    demoTable === undefined
      ? ""
      : (listSheets(openPackage(demo)).find((s) => s.name === FACILITY_SHEET)?.partPath ?? "");
  expect(Buffer.from(unzip(withDemo).get(part) ?? [])).toEqual(Buffer.from(unzip(demo).get(part) ?? []));
});

test("LibreOffice opens the written sheet with its table and its drop-downs", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-facility-input-"));
  try {
    const file = path.join(dir, "summary.xlsx");
    fs.writeFileSync(file, await summarize(demoWorkbook(COMMUNES, "fr", { facilities: false })));
    const saved = new Uint8Array(fs.readFileSync(await recalcXlsx(file, { outDir: dir })));
    const pkg = openPackage(saved);
    expect(listTables(pkg).find((t) => t.sheet === FACILITY_SHEET)?.ref).toBe("A21:N22");
    const part = listSheets(pkg).find((s) => s.name === FACILITY_SHEET)?.partPath ?? "";
    const lists = validationsOf(saved, part).filter(([type]) => type === "list");
    // LibreOffice read the lists and saved them back: the bonus kinds, the operator kinds, the units…
    expect(lists.map(([, ref, formula]) => [ref, formula])).toEqual(
      expect.arrayContaining([
        ["C22:C521", '"Commune,CCAS,Association,Privé,Autre"'],
        ["F22:F521", '"EAJE,RPE,LAEP,ALSH,Autre"'],
        ["G22:G521", '"places,ETP,heures"'],
        ["M22:M521", '"Oui,Non"'],
      ]),
    );
    expect(validationsOf(saved, part).map(([type]) => type)).toEqual(
      expect.arrayContaining(["decimal", "whole", "date"]),
    );
    expectEmptyRead(saved);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
