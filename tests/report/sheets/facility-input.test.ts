// The facilities input sheet of the report (issue #14): offered in every report as an input sheet
// (written only when absent), never among the product's marked sheets; a documentation line per
// column; an empty table whose headers the reader maps, in French and English; validations whose
// list words the reader accepts.

import { parseA1 } from "../../../src/core/cell";
import {
  facilityFieldOfHeader,
  FACILITY_SHEET,
  FACILITY_TABLE,
  parseBonusKind,
  parseBonusUnit,
  parseFlag,
  parseOperatorKind,
  readFacilityTable,
} from "../../../src/core/facilities";
import { toCell } from "../../../src/core/cell";
import { COMMUNES } from "../../../src/core/communes";
import { FACILITY_FIELDS, type RawValue } from "../../../src/core/types";
import { FACILITY_INPUT_LAYOUT, formulasKey, type ReportInputSheet } from "../../../src/report";
import { planWorkbook } from "../../../src/app";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { demoReport } from "./fixture";

function inputSheet(lang: "fr" | "en"): ReportInputSheet {
  const sheet = demoReport(lang).inputSheets?.[0];
  if (sheet === undefined) throw new Error("no input sheet");
  return sheet;
}

function textAt(sheet: ReportInputSheet, ref: string): string | undefined {
  const { row, col } = parseA1(ref);
  const v = sheet.cells.find((c) => c.row === row && c.col === col)?.value;
  return v?.kind === "text" ? v.text : undefined;
}

test("every report offers the facilities sheet as an input sheet, apart from its marked sheets and fingerprint", () => {
  const report = demoReport();
  expect(report.inputSheets?.map((s) => [s.kind, s.name])).toEqual([["facilities", FACILITY_SHEET]]);
  expect(report.sheets.map((s) => s.name)).not.toContain(FACILITY_SHEET);
  // The fingerprint of the formulas is the product sheets' alone: an empty input sheet changes nothing.
  const key = formulasKey({ lang: "fr", sheets: report.sheets });
  expect(report.names.find((n) => n.name === "CTG_Empreinte")?.ref).toBe(`"${key}"`);
});

describe.each(["fr", "en"] as const)("in %s", (lang) => {
  const sheet = inputSheet(lang);
  const L = FACILITY_INPUT_LAYOUT;

  test("one documentation line per column, naming it as its header does", () => {
    FACILITY_FIELDS.forEach((field, i) => {
      const name = textAt(sheet, `A${L.firstDocRow + 1 + i}`);
      expect(name).toBe(textAt(sheet, `${String.fromCharCode(65 + i)}${L.headerRow + 1}`));
      expect(textAt(sheet, `B${L.firstDocRow + 1 + i}`)).toMatch(/\S/);
      expect(textAt(sheet, `F${L.firstDocRow + 1 + i}`)).toMatch(/\S/);
      expect(facilityFieldOfHeader(name ?? "")).toBe(field);
    });
  });

  test("an empty table: the header and one empty row, read as no facility and no issue", () => {
    expect(sheet.tables).toEqual([
      expect.objectContaining({ name: FACILITY_TABLE, ref: `A${L.headerRow + 1}:N${L.headerRow + 2}` }),
    ]);
    expect(sheet.cells.filter((c) => c.row > L.headerRow)).toEqual([]);
    const grid: RawValue[][] = [sheet.tables[0]?.columns.slice() ?? [], new Array<RawValue>(14).fill(null)];
    const origin = { sheet: FACILITY_SHEET, topLeft: `A${L.headerRow + 1}` };
    const read = readFacilityTable(grid, { origin, communes: COMMUNES, headerRow: 0 });
    expect(read.facilities).toEqual([]);
    expect(Object.keys(read.mapping).sort()).toEqual([...FACILITY_FIELDS].sort());
    // Through the app layer, as a generation reads it: no facility, no issue, no bonus.
    const snapshot = snapshotPackage(openPackage(demoWorkbook(COMMUNES, lang)));
    const result = planWorkbook({
      ...snapshot,
      facilities: { grid, origin, sheet: FACILITY_SHEET, table: FACILITY_TABLE },
    });
    expect(result.status).toBe("ready");
    expect(result.issues.filter((i) => /^(facility|bonus)-/.test(i.code))).toEqual([]);
    expect(result.status === "ready" ? result.bonus : "blocked").toBeNull();
  });

  test("list validations hold words the reader accepts; numbers and dates where it reads them", () => {
    const byColumn = new Map(sheet.validations.map((v) => [v.ref.slice(0, 1), v]));
    const items = (col: string): readonly string[] => {
      const v = byColumn.get(col);
      return v?.type === "list" ? v.items : [];
    };
    expect(items("C").map(parseOperatorKind)).toEqual(["commune", "ccas", "association", "prive", "autre"]);
    expect(items("F").map(parseBonusKind)).toEqual(["eaje", "rpe", "laep", "alsh", "autre"]);
    expect(items("G").map(parseBonusUnit)).toEqual(["places", "etp", "heures"]);
    expect(items("M").map((t) => parseFlag(toCell(t)))).toEqual([true, false]);
    expect(items("E").length).toBeGreaterThan(0);
    expect(byColumn.get("E")).toMatchObject({ allowOthers: true });
    expect(["H", "I", "J", "K", "L", "N"].map((c) => byColumn.get(c)?.type)).toEqual([
      "decimal",
      "decimal",
      "whole",
      "whole",
      "date",
      "whole",
    ]);
    expect([...byColumn.keys()].sort()).toEqual(["C", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"]);
  });
});
