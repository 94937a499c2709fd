import {
  listSheets,
  listTables,
  openPackage,
  readDefinedNames,
  readGrid,
  readTableGrid,
} from "../../../src/workbook/xlsx";
import {
  bigWorkbook,
  excelLikeWorkbook,
  FINANCEMENTS_HEADERS,
  FINANCEMENTS_ROWS,
  richTextWorkbook,
  zipParts,
} from "../../fixtures/xlsx-builder";

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { COMMUNES } from "../../../src/core/communes";
import { formatIssue } from "../../../src/i18n";
import type { Issue } from "../../../src/core/types";
import { excelRunner, snapshotExcel } from "../../../src/workbook/office";
import { planWorkbook } from "../../../src/app";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { fakeFromXlsx } from "../../fakes/from-xlsx";

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** A one-sheet workbook with this worksheet XML (and optional shared strings). */
function oneSheet(sheetData: string): Uint8Array {
  return zipParts([
    [
      "_rels/.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ],
    [
      "xl/workbook.xml",
      `<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/></Relationships>',
    ],
    ["xl/worksheets/s.xml", `<worksheet xmlns="${NS}">${sheetData}</worksheet>`],
  ]);
}

describe("listSheets", () => {
  test("names, ids, parts, states and product kinds in tab order", () => {
    const pkg = openPackage(excelLikeWorkbook({ productSheetAt: 1 }));
    expect(listSheets(pkg)).toEqual([
      {
        name: "Financements",
        sheetId: 1,
        rId: "rId1",
        partPath: "xl/worksheets/sheet1.xml",
        state: "visible",
        type: "worksheet",
        productKind: null,
        marked: false,
      },
      {
        name: "Ancienne synthèse",
        sheetId: 2,
        rId: "rId2",
        partPath: "xl/worksheets/sheet2.xml",
        state: "visible",
        type: "worksheet",
        productKind: "synthesis",
        marked: true,
      },
      {
        name: "Notes",
        sheetId: 3,
        rId: "rId3",
        partPath: "xl/worksheets/sheet3.xml",
        state: "visible",
        type: "worksheet",
        productKind: null,
        marked: false,
      },
      {
        name: "Caché",
        sheetId: 4,
        rId: "rId4",
        partPath: "xl/worksheets/sheet4.xml",
        state: "hidden",
        type: "worksheet",
        productKind: null,
        marked: false,
      },
    ]);
  });

  test("absolute relationship targets (openpyxl) resolve", () => {
    const pkg = openPackage(excelLikeWorkbook({ absoluteTargets: true }));
    expect(listSheets(pkg).map((s) => s.partPath)).toEqual([
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/sheet3.xml",
    ]);
  });
});

describe("listTables", () => {
  test("the Financements table with its columns", () => {
    for (const absoluteTargets of [false, true]) {
      const pkg = openPackage(excelLikeWorkbook({ absoluteTargets }));
      expect(listTables(pkg)).toEqual([
        {
          name: "Financements",
          displayName: "Financements",
          sheet: "Financements",
          ref: "A1:F30",
          headerRowCount: 1,
          totalsRowCount: 0,
          columns: FINANCEMENTS_HEADERS,
          partPath: "xl/tables/table1.xml",
          id: 1,
        },
      ]);
    }
  });
});

describe("readDefinedNames", () => {
  test("workbook-level and sheet-scoped names", () => {
    const pkg = openPackage(excelLikeWorkbook());
    expect(readDefinedNames(pkg)).toEqual([
      { name: "LocalCache", localSheetId: 2, hidden: false, value: "'Caché'!$A$1" },
      { name: "Taux", hidden: false, value: "Notes!$B$5" },
      { name: "_xlnm._FilterDatabase", localSheetId: 0, hidden: true, value: "Financements!$A$1:$F$30" },
    ]);
  });
});

describe("readGrid", () => {
  test("values of every kind, from the first used row and column", () => {
    const { grid, origin } = readGrid(openPackage(excelLikeWorkbook()), "Notes");
    expect(origin).toEqual({ sheet: "Notes", topLeft: "A2" });
    expect(grid).toEqual([
      [null, 'Texte & <balises> "guillemets"', "Ligne1\nLigne2", "retour\nchariot", "Gras et normal", null],
      [null, true, false, { error: "#N/A" }, { error: "#DIV/0!" }, null],
      [null, "ab", null, 45292, -0.0015, null],
      [null, 0.5, null, null, null, "\rescape_x0041_"],
      ["sans r", 42, null, null, null, null],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
      [null, null, "run1run2", null, null, null],
    ]);
  });

  test("a given range, exactly its shape; whole columns stop at the last value", () => {
    const pkg = openPackage(excelLikeWorkbook());
    expect(readGrid(pkg, "Notes", "B3:C4")).toEqual({
      grid: [
        [true, false],
        ["ab", null],
      ],
      origin: { sheet: "Notes", topLeft: "B3" },
    });
    expect(readGrid(pkg, "notes", "Notes!$E$10:$F$11").grid).toEqual([
      [null, null],
      [null, null],
    ]);
    const cols = readGrid(pkg, "Financements", "E:F");
    expect(cols.origin.topLeft).toBe("E1");
    expect(cols.grid).toHaveLength(30);
    expect(cols.grid[1]).toEqual([2024, 1000]);
  });

  test("rich text, phonetic runs, escapes, CDATA and a prefixed namespace", () => {
    const { grid } = readGrid(openPackage(richTextWorkbook()), "Riche");
    expect(grid).toEqual([
      ["Bonjour & à tous", "東京", "a\r\nb", null],
      ["", "", "<cdata> & co", 7],
    ]);
  });

  test("sparse cells, missing r attributes, numeric entities, t=d dates, self-closing cells", () => {
    const pkg = openPackage(
      oneSheet(
        "<sheetData>" +
          '<row r="3"><c r="C3"><v>1</v></c><c><v>2</v></c><c r="F3" t="inlineStr"><is><t>x&#233;&#x1F600;</t></is></c></row>' +
          '<row><c><v>3</v></c><c/><c t="b"><v>true</v></c></row>' +
          '<row r="7"><c r="B7" t="d"><v>2024-01-15T12:00:00</v></c><c r="C7" t="d"><v>1900-01-01</v></c><c r="D7" s="2"/></row>' +
          "</sheetData>",
      ),
    );
    expect(readGrid(pkg, "S")).toEqual({
      grid: [
        [null, null, 1, 2, null, "xé😀"],
        [3, null, true, null, null, null],
        [null, null, null, null, null, null],
        [null, null, null, null, null, null],
        [null, 45306.5, 1, null, null, null],
      ],
      origin: { sheet: "S", topLeft: "A3" },
    });
  });

  test("an empty sheet gives an empty grid", () => {
    expect(readGrid(openPackage(oneSheet("<sheetData/>")), "S")).toEqual({
      grid: [],
      origin: { sheet: "S", topLeft: "A1" },
    });
    expect(readGrid(openPackage(oneSheet("")), "S").grid).toEqual([]);
  });

  test("an unknown sheet throws", () => {
    expect(() => readGrid(openPackage(excelLikeWorkbook()), "Nope")).toThrow(/no sheet named "Nope"/);
  });

  test("100 000 rows × 7 columns in a few seconds", () => {
    const rows = 100_000;
    const pkg = openPackage(bigWorkbook(rows));
    // Up to three runs, the best kept: the suite often runs next to LibreOffice on a small machine.
    const times: number[] = [];
    let read: ReturnType<typeof readGrid> | undefined;
    while (times.length < 3 && (times.length === 0 || Math.min(...times) > 1500)) {
      const t0 = performance.now();
      read = readGrid(pkg, "Gros");
      times.push(performance.now() - t0);
    }
    if (!read) throw new Error("no read");
    const { grid, origin } = read;
    const ms = Math.min(...times);
    console.log(`readGrid: ${rows} rows × 7 columns: ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")}`);
    expect(origin.topLeft).toBe("A1");
    expect(grid).toHaveLength(rows);
    expect(grid[99_998]).toEqual([
      "commune 49",
      99_999,
      124998.75,
      "ligne 99999",
      true,
      199_998,
      `commune ${(99_999 * 7) % 50}`,
    ]);
    expect(ms).toBeLessThan(5000);
    const t1 = performance.now();
    const part = readGrid(pkg, "Gros", "A10:C20");
    expect(part.grid).toHaveLength(11);
    console.log(`readGrid of A10:C20 in the same sheet: ${(performance.now() - t1).toFixed(0)} ms`);
  });
});

describe("readTableGrid", () => {
  test("the table's values, header as row 0, origin at its top-left", () => {
    for (const absoluteTargets of [false, true]) {
      const read = readTableGrid(openPackage(excelLikeWorkbook({ absoluteTargets })), "financements");
      expect(read.sheet).toBe("Financements");
      expect(read.origin).toEqual({ sheet: "Financements", topLeft: "A1" });
      expect(read.grid).toHaveLength(30);
      expect(read.grid[0]).toEqual(FINANCEMENTS_HEADERS);
      const last = FINANCEMENTS_ROWS[28];
      expect(read.grid[29]).toEqual([
        last?.commune,
        last?.insee,
        last?.bassin,
        last?.domaine,
        last?.annee,
        last?.montant,
      ]);
    }
  });

  test("totals rows are left out", () => {
    const bytes = zipParts([
      [
        "_rels/.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ],
      [
        "xl/workbook.xml",
        `<workbook xmlns="${NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ],
      [
        "xl/_rels/workbook.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/s.xml"/></Relationships>',
      ],
      [
        "xl/worksheets/s.xml",
        `<worksheet xmlns="${NS}"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>Montant</t></is></c></row><row r="3"><c r="B3"><v>5</v></c></row><row r="4"><c r="B4"><f>SUBTOTAL(109,T[Montant])</f><v>5</v></c></row></sheetData></worksheet>`,
      ],
      [
        "xl/worksheets/_rels/s.xml.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/t.xml"/></Relationships>',
      ],
      [
        "xl/tables/t.xml",
        `<table xmlns="${NS}" id="3" name="T" displayName="T" ref="B2:B4" totalsRowCount="1"><tableColumns count="1"><tableColumn id="1" name="Montant"/></tableColumns></table>`,
      ],
    ]);
    const read = readTableGrid(openPackage(bytes), "T");
    expect(read.table.totalsRowCount).toBe(1);
    expect(read.grid).toEqual([["Montant"], [5]]);
    expect(read.origin).toEqual({ sheet: "S", topLeft: "B2" });
  });

  test("an unknown table throws", () => {
    expect(() => readTableGrid(openPackage(excelLikeWorkbook()), "Nope")).toThrow(/no table named/);
  });
});

describe("a funding table whose header row is hidden", () => {
  /** The demo with its table's header row hidden (the table then starts at the first data row). */
  function hiddenHeader(): Uint8Array {
    const files = unzipSync(demoWorkbook(COMMUNES, "fr"));
    const part = Object.keys(files).find((n) => /^xl\/tables\/table\d+\.xml$/.test(n)) ?? "";
    const xml = strFromU8(files[part] ?? new Uint8Array());
    const ref = /ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(xml);
    if (ref === null) throw new Error("no table ref");
    const body = `${ref[1]}${Number(ref[2]) + 1}:${ref[3]}${ref[4]}`;
    files[part] = strToU8(
      xml.replace(/ ref="[^"]*"/, ` ref="${body}" headerRowCount="0"`).replace(/<autoFilter[^>]*\/>/, ""),
    );
    return zipSync(files);
  }

  it("is reported at its first cell with how to show it; nothing is read as its header (file and Excel)", async () => {
    const bytes = hiddenHeader();
    const snapshot = snapshotPackage(openPackage(bytes));
    expect(snapshot.input.headerHidden).toBe(true);
    const result = planWorkbook(snapshot);
    expect(result.status === "blocked").toBe(true);
    expect(result.issues.map((i) => [i.code, i.cell])).toEqual([["table-header-hidden", "Financements!A5"]]);
    expect(formatIssue(result.issues[0] as Issue, "fr")).toContain("Affichez-la (onglet Création de tableau");

    const fake = fakeFromXlsx(bytes);
    const office = await snapshotExcel(excelRunner({ excelRun: fake.excelRun }), { table: "Financements" });
    expect(office.input.headerHidden).toBe(true);
    expect(planWorkbook(office).issues.map((i) => [i.code, i.cell])).toEqual([
      ["table-header-hidden", "Financements!A5"],
    ]);
  });
});
