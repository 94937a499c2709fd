import fc from "fast-check";
import type { Element } from "@xmldom/xmldom";
import type { Report, ReportCell } from "../../../src/report";
import {
  applyReport,
  applyReportToPackage,
  listSheets,
  listTables,
  openPackage,
  readDefinedNames,
  readGrid,
  takenNames,
} from "../../../src/workbook/xlsx";
import { excelLikeWorkbook, richTextWorkbook } from "../../fixtures/xlsx-builder";
import {
  assertAllXmlWellFormed,
  bytesEqual,
  childNames,
  contentTypeProblems,
  elements,
  orphans,
  rootElement,
  strictXml,
  text,
  unzip,
  type Parts,
} from "./package-checks";
import { INJECTIONS, PALETTE, sampleReport, TRICKY_TEXTS } from "./sample-report";

/** Parts applyReport may rewrite; every other part keeps its bytes. */
const INDEX_PARTS = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
  "xl/calcChain.xml",
]);

/** Worksheet children in schema order (CT_Worksheet). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "AlternateContent",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

function expectInOrder(names: readonly string[], order: readonly string[]): void {
  const positions = names.map((n) => order.indexOf(n));
  expect(positions).not.toContain(-1);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

/** Part name of a sheet in an output package. */
function sheetPart(bytes: Uint8Array, name: string): string {
  const sheet = listSheets(openPackage(bytes)).find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.partPath;
}

/** The <c> element of a cell in a sheet part. */
function cellEl(parts: Parts, part: string, ref: string): Element {
  const c = elements(strictXml(text(parts, part), part), "c").find((el) => el.getAttribute("r") === ref);
  if (!c) throw new Error(`no cell ${ref} in ${part}`);
  return c;
}

function checkPackage(parts: Parts): void {
  assertAllXmlWellFormed(parts);
  expect(orphans(parts)).toEqual([]);
  expect(contentTypeProblems(parts)).toEqual([]);
}

describe("applyReport on an Excel-like workbook", () => {
  const input = excelLikeWorkbook();
  const report = sampleReport();
  const output = applyReport(input, report);
  const before = unzip(input);
  const after = unzip(output);

  test("every part but the workbook-level indexes keeps its bytes", () => {
    for (const [name, bytes] of before) {
      if (INDEX_PARTS.has(name)) continue;
      expect({ name, same: bytesEqual(after.get(name), bytes) }).toEqual({ name, same: true });
    }
  });

  test("the output is a well-formed package: XML, relationships, content types", () => {
    checkPackage(after);
    expect([...after.keys()][0]).toBe("[Content_Types].xml");
  });

  test("calcChain is dropped with its relationship and content type", () => {
    expect(after.has("xl/calcChain.xml")).toBe(false);
    expect(text(after, "xl/_rels/workbook.xml.rels")).not.toMatch(/calcChain/);
    expect(text(after, "[Content_Types].xml")).not.toMatch(/calcChain/);
  });

  test("the report's sheets come last, with their marker; the user's sheets are as they were", () => {
    const sheets = listSheets(openPackage(output));
    expect(sheets.map((s) => [s.name, s.productKind, s.state])).toEqual([
      ["Financements", null, "visible"],
      ["Notes", null, "visible"],
      ["Caché", null, "hidden"],
      ["Paramètres CTG", "parameters", "visible"],
      ["Synthèse CEJ", "synthesis", "visible"],
    ]);
    expect(new Set(sheets.map((s) => s.sheetId)).size).toBe(5);
    expect(new Set(sheets.map((s) => s.rId)).size).toBe(5);
    expect(sheets[3]?.partPath).toBe("xl/worksheets/ctg1.xml");
  });

  test("defined names: markers (hidden, sheet-scoped), print titles, the report's names, the user's kept", () => {
    const names = readDefinedNames(openPackage(output));
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "LocalCache", localSheetId: 2, hidden: false, value: "'Caché'!$A$1" },
        { name: "Taux", hidden: false, value: "Notes!$B$5" },
        { name: "_xlnm._FilterDatabase", localSheetId: 0, hidden: true, value: "Financements!$A$1:$F$30" },
        { name: "CTG_Planner_Sheet", localSheetId: 3, hidden: true, value: '"ctg-planner:parameters"' },
        { name: "CTG_Planner_Sheet", localSheetId: 4, hidden: true, value: '"ctg-planner:synthesis"' },
        { name: "_xlnm.Print_Titles", localSheetId: 4, hidden: false, value: "'Synthèse CEJ'!$4:$4" },
        { name: "CTG_X", hidden: false, value: "'Paramètres CTG'!$B$4" },
        { name: "CTG_Taux", hidden: false, value: "'Paramètres CTG'!$B$5" },
      ]),
    );
    expect(names).toHaveLength(8);
    const wb = strictXml(text(after, "xl/workbook.xml"), "workbook");
    expect(
      elements(wb, "definedName")
        .find((n) => n.getAttribute("name") === "CTG_Taux")
        ?.getAttribute("comment"),
    ).toBe("Taux de la CAF");
  });

  test("workbook.xml keeps the schema order, recalculates fully on load and keeps calcId", () => {
    const wb = strictXml(text(after, "xl/workbook.xml"), "workbook");
    const root = rootElement(wb);
    expectInOrder(childNames(root), WORKBOOK_ORDER);
    const calcPr = elements(wb, "calcPr")[0];
    expect(calcPr?.getAttribute("fullCalcOnLoad")).toBe("1");
    expect(calcPr?.getAttribute("calcId")).toBe("191029");
    expect(text(after, "xl/workbook.xml")).toContain("x15ac:absPath");
  });

  test("the report's tables: unique ids, names, columns as the header cells", () => {
    const tables = listTables(openPackage(output));
    expect(tables.map((t) => [t.name, t.sheet, t.ref, t.columns, t.id])).toEqual([
      [
        "Financements",
        "Financements",
        "A1:F30",
        ["Commune", "INSEE", "Bassin", "Domaine", "Année", "Montant"],
        1,
      ],
      ["T_Test", "Synthèse CEJ", "A4:C7", ["Commune", "Amount", "Status"], 2],
    ]);
    const tableXml = text(after, tables[1]?.partPath ?? "");
    expect(tableXml).toContain('<autoFilter ref="A4:C7"/>');
    expect(tableXml).toContain('showRowStripes="1"');
    expect(tableXml).toContain('name="TableStyleMedium2"');
    const grid = readGrid(openPackage(output), "Synthèse CEJ", "A4:C4").grid;
    expect(grid[0]).toEqual(["Commune", "Amount", "Status"]);
  });

  test("formulas with their cached values; text that looks like a formula stays text", () => {
    const part = sheetPart(output, "Synthèse CEJ");
    const total = cellEl(after, part, "B9");
    expect(elements(total, "f")[0]?.textContent).toBe("SUM(T_Test[Amount])");
    expect(elements(total, "v")[0]?.textContent).toBe("301");
    expect(total.getAttribute("t")).toBeNull();
    const textFormula = cellEl(after, part, "B12");
    expect(textFormula.getAttribute("t")).toBe("str");
    expect(elements(textFormula, "f")[0]?.textContent).toBe('"Total : "&TEXT(B9,"0.00")');
    expect(elements(textFormula, "v")[0]?.textContent).toBe("Total : 301.00");
    const boolFormula = cellEl(after, part, "B11");
    expect(boolFormula.getAttribute("t")).toBe("b");
    expect(elements(boolFormula, "v")[0]?.textContent).toBe("1");

    INJECTIONS.forEach((t, i) => {
      const c = cellEl(after, part, `A${15 + i}`);
      expect(c.getAttribute("t")).toBe("inlineStr");
      expect(elements(c, "f")).toHaveLength(0);
      expect(elements(c, "t")[0]?.textContent).toBe(t);
    });
    const values = readGrid(openPackage(output), "Synthèse CEJ", "A15:C22").grid;
    expect(values.map((r) => r[0])).toEqual([...INJECTIONS, null, null, null, null]);
    expect(values.map((r) => r[1])).toEqual(TRICKY_TEXTS.map((t) => t.replace(/\uD83D\uDE00/, "😀")));
    expect(values.map((r) => r[2])).toEqual([true, false, -0.000123, 1e21, null, null, null, null]);
  });

  test("worksheet: schema order, frozen pane, columns, merges, status formats, print setup", () => {
    const part = sheetPart(output, "Synthèse CEJ");
    const xml = text(after, part);
    const root = rootElement(strictXml(xml, part));
    expect(childNames(root)).toEqual([
      "sheetPr",
      "dimension",
      "sheetViews",
      "sheetFormatPr",
      "cols",
      "sheetData",
      "mergeCells",
      "conditionalFormatting",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "tableParts",
    ]);
    expectInOrder(childNames(root), WORKSHEET_ORDER);
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(xml).toContain(
      '<pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/>',
    );
    expect(xml).toContain('<col min="1" max="1" width="24" customWidth="1"/>');
    expect(xml).toContain('<mergeCell ref="A1:C1"/>');
    expect(xml).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(elements(root, "oddHeader")[0]?.textContent).toBe('&C&"-,Bold"Synthèse');
    expect(elements(root, "oddFooter")[0]?.textContent).toBe("&LGénéré par CTG Planner && co&RPage &P / &N");
    const rules = elements(root, "cfRule");
    expect(rules.map((r) => [r.getAttribute("operator"), elements(r, "formula")[0]?.textContent])).toEqual([
      ["equal", '"OK"'],
      ["notEqual", '"OK"'],
    ]);
    // the dxfs the rules point at are green and red
    const styles = strictXml(text(after, "xl/styles.xml"), "styles");
    const dxfs = elements(styles, "dxf");
    const ok = dxfs[Number(rules[0]?.getAttribute("dxfId"))];
    const bad = dxfs[Number(rules[1]?.getAttribute("dxfId"))];
    expect(ok && elements(ok, "bgColor")[0]?.getAttribute("rgb")).toBe("FFC6EFCE");
    expect(ok && elements(ok, "color")[0]?.getAttribute("rgb")).toBe("FF006100");
    expect(bad && elements(bad, "bgColor")[0]?.getAttribute("rgb")).toBe("FFFFC7CE");
    expect(bad && elements(bad, "color")[0]?.getAttribute("rgb")).toBe("FF9C0006");
  });

  test("parameters sheet: validations, tab colour, portrait, frozen rows", () => {
    const part = sheetPart(output, "Paramètres CTG");
    const xml = text(after, part);
    expectInOrder(childNames(rootElement(strictXml(xml, part))), WORKSHEET_ORDER);
    expect(xml).toContain('<tabColor rgb="FFFFC000"/>');
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toContain('orientation="portrait"');
    const dvs = elements(strictXml(xml, part), "dataValidation");
    expect(
      dvs.map((d) => [
        d.getAttribute("type"),
        d.getAttribute("operator"),
        d.getAttribute("sqref"),
        d.getAttribute("error"),
      ]),
    ).toEqual([
      ["decimal", "greaterThanOrEqual", "B4", "Un montant positif"],
      ["decimal", "between", "B5", 'Entre 0 et 1 "inclus"'],
      ["list", null, "B6", "Choisir dans la liste"],
    ]);
    expect(dvs.map((d) => elements(d, "formula1")[0]?.textContent)).toEqual([
      "0",
      "0",
      '"cej,population,communes,equal"',
    ]);
    expect(elements(dvs[1] as Element, "formula2")[0]?.textContent).toBe("1");
    expect(dvs[0]?.getAttribute("prompt")).toBe("Coût de la mission, hors taxes");
    expect(dvs.every((d) => d.getAttribute("showErrorMessage") === "1")).toBe(true);
    // the wrapped note of row 8 gets a height
    const row8 = elements(strictXml(xml, part), "row").find((r) => r.getAttribute("r") === "8");
    expect(Number(row8?.getAttribute("ht"))).toBeGreaterThan(15);
    const row4 = elements(strictXml(xml, part), "row").find((r) => r.getAttribute("r") === "4");
    expect(row4?.getAttribute("ht")).toBeNull();
  });

  test("styles: the existing formats untouched, the palette appended, custom numFmts after 164", () => {
    const oldDoc = strictXml(text(before, "xl/styles.xml"), "old styles");
    const newDoc = strictXml(text(after, "xl/styles.xml"), "new styles");
    const oldXfs = elements(elements(oldDoc, "cellXfs")[0] as Element, "xf");
    const newXfs = elements(elements(newDoc, "cellXfs")[0] as Element, "xf");
    expect(newXfs.length).toBeGreaterThan(oldXfs.length);
    oldXfs.forEach((xf, i) => expect(newXfs[i]?.toString()).toBe(xf.toString()));
    expect(elements(newDoc, "cellXfs")[0]?.getAttribute("count")).toBe(String(newXfs.length));
    const fmts = elements(newDoc, "numFmt").map((n) => [
      Number(n.getAttribute("numFmtId")),
      n.getAttribute("formatCode"),
    ]);
    expect(fmts[0]).toEqual([164, '#,##0.00\\ "€"']);
    expect(fmts.slice(1).every(([id]) => Number(id) > 164)).toBe(true);
    expect(fmts.map(([, code]) => code)).toEqual(expect.arrayContaining(["0.0000", "dd/mm/yyyy"]));
    // the old dxf stays first
    expect(elements(elements(newDoc, "dxf")[0] as Element, "color")[0]?.getAttribute("rgb")).toBe("FF9C0006");
    // every s= of the new sheets points at an xf with the palette's format
    const part = sheetPart(output, "Paramètres CTG");
    const s = Number(cellEl(after, part, "B4").getAttribute("s"));
    const xf = newXfs[s];
    expect(xf?.getAttribute("numFmtId")).toBe("164"); // the user's identical € format is reused
    expect(elements(xf as Element, "protection")[0]?.getAttribute("locked")).toBe("0");
  });

  test("takenNames lists the user's names only", () => {
    expect(takenNames(openPackage(output))).toEqual({
      sheets: ["Financements", "Notes", "Caché"],
      tables: ["Financements"],
      definedNames: ["LocalCache", "Taux", "_xlnm._FilterDatabase", "CTG_X", "CTG_Taux"],
    });
  });

  describe("re-running on its own output", () => {
    const again = applyReport(output, report);
    const parts2 = unzip(again);

    test("replaces the product's sheets: same sheets, same parts, no orphans", () => {
      const sheets = listSheets(openPackage(again));
      expect(sheets.map((s) => s.name)).toEqual([
        "Financements",
        "Notes",
        "Caché",
        "Paramètres CTG",
        "Synthèse CEJ",
      ]);
      expect([...parts2.keys()].sort()).toEqual([...after.keys()].sort());
      checkPackage(parts2);
    });

    test("no duplicate table ids or names, no duplicate defined names", () => {
      const tables = listTables(openPackage(again));
      expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
      expect(new Set(tables.map((t) => t.name.toLowerCase())).size).toBe(tables.length);
      const names = readDefinedNames(openPackage(again)).map((n) => `${n.name}@${n.localSheetId ?? ""}`);
      expect(new Set(names).size).toBe(names.length);
      expect(names).toHaveLength(8);
    });

    test("is stable: styles do not grow, every part is the same (new sheets get new sheetIds)", () => {
      for (const [name, bytes] of after) {
        if (name === "xl/workbook.xml") continue;
        expect({ name, same: bytesEqual(parts2.get(name), bytes) }).toEqual({ name, same: true });
      }
      const noIds = (xml: string): string => xml.replace(/ sheetId="\d+"/g, "");
      expect(noIds(text(parts2, "xl/workbook.xml"))).toBe(noIds(text(after, "xl/workbook.xml")));
      expect(text(parts2, "xl/workbook.xml")).toMatch(/<sheet name="Synthèse CEJ" sheetId="7"/);
    });
  });
});

describe("applyReport and the user's sheets", () => {
  test("a user sheet named like a product sheet, without the marker, is never touched", () => {
    const input = excelLikeWorkbook({ userSheetNamed: "Synthèse CEJ" });
    expect(() => applyReport(input, sampleReport())).toThrow(/sheet name "Synthèse CEJ" is already taken/);
    const taken = takenNames(openPackage(input));
    expect(taken.sheets).toContain("Synthèse CEJ");
    const output = applyReport(input, sampleReport({ synthName: "Synthèse CEJ (2)" }));
    const before = unzip(input);
    const after = unzip(output);
    expect(bytesEqual(after.get("xl/worksheets/sheet4.xml"), before.get("xl/worksheets/sheet4.xml"))).toBe(
      true,
    );
    const again = applyReport(output, sampleReport({ synthName: "Synthèse CEJ (2)" }));
    expect(listSheets(openPackage(again)).map((s) => [s.name, s.productKind])).toEqual([
      ["Financements", null],
      ["Notes", null],
      ["Caché", null],
      ["Synthèse CEJ", null],
      ["Paramètres CTG", "parameters"],
      ["Synthèse CEJ (2)", "synthesis"],
    ]);
    expect(readGrid(openPackage(again), "Synthèse CEJ").grid).toEqual([["à moi"]]);
  });

  test("collisions with the user's tables and names throw", () => {
    const input = excelLikeWorkbook();
    expect(() => applyReport(input, sampleReport({ tableName: "Financements" }))).toThrow(
      /table name "Financements" is already taken/,
    );
    expect(() => applyReport(input, sampleReport({ tableName: "Taux" }))).toThrow(
      /collides with a defined name/,
    );
    expect(() => applyReport(input, sampleReport({ paramsName: "notes" }))).toThrow(/already taken/);
    expect(() => applyReport(input, sampleReport({ tableName: "A1" }))).toThrow(/not a valid table name/);
    expect(() => applyReport(input, sampleReport({ synthName: "a/b" }))).toThrow(/not a valid sheet name/);
  });

  test("a product sheet between the user's sheets: removed with what only it used, names re-indexed", () => {
    const input = excelLikeWorkbook({ productSheetAt: 1, activeTab: 3 });
    const before = unzip(input);
    const output = applyReport(input, sampleReport());
    const after = unzip(output);
    checkPackage(after);
    // xl/tables/table2.xml was T_Old's; the name is free again and T_Test takes it
    expect(text(after, "xl/tables/table2.xml")).toContain('name="T_Test"');
    for (const gone of [
      "xl/worksheets/sheet2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/comments2.xml",
      "xl/drawings/vmlDrawing2.vml",
    ]) {
      expect({ gone, present: after.has(gone) }).toEqual({ gone, present: false });
      expect(text(after, "[Content_Types].xml")).not.toContain(`/${gone}"`);
    }
    // the user's parts are byte-identical
    for (const [name, bytes] of before) {
      if (INDEX_PARTS.has(name) || name === "xl/tables/table2.xml" || !after.has(name)) continue;
      expect({ name, same: bytesEqual(after.get(name), bytes) }).toEqual({ name, same: true });
    }
    const names = readDefinedNames(openPackage(output));
    expect(names.find((n) => n.name === "LocalCache")?.localSheetId).toBe(2); // Caché moved from 3 to 2
    expect(names.find((n) => n.name === "_xlnm._FilterDatabase")?.localSheetId).toBe(0);
    expect(names.filter((n) => n.value.includes("Ancienne synthèse"))).toEqual([]);
    expect(listSheets(openPackage(output)).map((s) => s.name)).toEqual([
      "Financements",
      "Notes",
      "Caché",
      "Paramètres CTG",
      "Synthèse CEJ",
    ]);
    // the active tab (Caché, 3) follows its sheet (now 2)
    expect(text(after, "xl/workbook.xml")).toMatch(/activeTab="2"/);
    expect(listTables(openPackage(output)).map((t) => [t.name, t.id])).toEqual([
      ["Financements", 1],
      ["T_Test", 2],
    ]);
  });

  test("when the active tab was the product's, the first new sheet becomes active and selected", () => {
    const output = applyReport(excelLikeWorkbook({ productSheetAt: 1, activeTab: 1 }), sampleReport());
    const after = unzip(output);
    expect(text(after, "xl/workbook.xml")).toMatch(/activeTab="3"/);
    expect(text(after, sheetPart(output, "Paramètres CTG"))).toContain(
      '<sheetView tabSelected="1" workbookViewId="0">',
    );
    expect(text(after, sheetPart(output, "Synthèse CEJ"))).not.toContain("tabSelected");
  });

  test("absolute relationship targets (openpyxl): read, written, re-run", () => {
    const input = excelLikeWorkbook({ absoluteTargets: true });
    const output = applyReport(input, sampleReport());
    const after = unzip(output);
    checkPackage(after);
    expect(listTables(openPackage(output)).map((t) => t.name)).toEqual(["Financements", "T_Test"]);
    const again = unzip(applyReport(output, sampleReport()));
    checkPackage(again);
    expect([...again.keys()].sort()).toEqual([...after.keys()].sort());
  });

  test("a package without styles.xml gets a minimal one", () => {
    const output = applyReport(richTextWorkbook(), sampleReport());
    const after = unzip(output);
    checkPackage(after);
    const styles = text(after, "xl/styles.xml");
    expect(styles).toContain("<cellXfs");
    expect(text(after, "xl/_rels/workbook.xml.rels")).toMatch(/relationships\/styles" Target="styles.xml"/);
    expect(text(after, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
    expect(readGrid(openPackage(output), "Riche").grid[0]?.[0]).toBe("Bonjour & à tous");
    // workbook.xml used the x: prefix: the new elements follow it
    expect(text(after, "xl/workbook.xml")).toMatch(
      /<x:sheet name="Synthèse CEJ" sheetId="3" r:id="rId\d+"\/>/,
    );
    expect(text(after, "xl/workbook.xml")).toMatch(
      /<x:definedNames>.*<\/x:definedNames><x:calcPr fullCalcOnLoad="1"\/><\/x:workbook>$/s,
    );
  });

  test("an empty report removes the product's sheets", () => {
    const output = applyReport(excelLikeWorkbook({ productSheetAt: 0 }), {
      ...sampleReport(),
      sheets: [],
      names: [],
    });
    const after = unzip(output);
    checkPackage(after);
    expect(listSheets(openPackage(output)).map((s) => s.name)).toEqual(["Financements", "Notes", "Caché"]);
  });

  test("a report that cannot be written throws and leaves the package as it was", () => {
    const pkg = openPackage(excelLikeWorkbook({ productSheetAt: 1 }));
    const before = new Map(pkg.parts);
    const good = sampleReport();
    const [params, synth] = good.sheets;
    if (!params || !synth) throw new Error("sample report");
    const badNumber: Report = {
      ...good,
      sheets: [
        params,
        {
          ...synth,
          cells: [...synth.cells, { row: 30, col: 0, value: { kind: "number", value: Infinity } }],
        },
      ],
    };
    expect(() => applyReportToPackage(pkg, badNumber)).toThrow(/not a finite number/);
    const badList: Report = {
      ...good,
      sheets: [{ ...params, validations: [{ type: "list", ref: "B6", items: ["a,b"], error: "x" }] }],
    };
    expect(() => applyReportToPackage(pkg, badList)).toThrow(/cannot hold a comma/);
    const twice: Report = {
      ...good,
      sheets: [params, { ...synth, cells: [...synth.cells, synth.cells[0] as ReportCell] }],
    };
    expect(() => applyReportToPackage(pkg, twice)).toThrow(/two cells at A1/);
    const badHeader: Report = {
      ...good,
      sheets: [
        params,
        {
          ...synth,
          tables: [
            {
              name: "T_X",
              ref: "A4:C7",
              columns: ["Commune", "Montant", "Status"],
              style: "TableStyleLight1",
            },
          ],
        },
      ],
    };
    expect(() => applyReportToPackage(pkg, badHeader)).toThrow(/header cell B4 must be the text "Montant"/);
    expect([...pkg.parts.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(pkg.parts.get(name)).toBe(bytes);
  });

  test("a sheet of a future kind, with the marker, is the product's too", () => {
    const input = applyReport(excelLikeWorkbook(), sampleReport());
    const pkg = openPackage(input);
    const wb = text(pkg.parts, "xl/workbook.xml").replace(
      '"ctg-planner:synthesis"',
      "&quot;ctg-planner:someday&quot;",
    );
    pkg.parts.set("xl/workbook.xml", new TextEncoder().encode(wb));
    const sheets = listSheets(pkg);
    expect(sheets[4]).toMatchObject({ name: "Synthèse CEJ", productKind: null, marked: true });
    expect(takenNames(pkg).sheets).not.toContain("Synthèse CEJ");
  });
});

describe("text and numbers round-trip through the writer and the reader", () => {
  const base = excelLikeWorkbook();
  const palette = PALETTE;
  const oneCellReport = (
    value: { kind: "text"; text: string } | { kind: "number"; value: number },
  ): Report => ({
    lang: "fr",
    sheets: [
      {
        kind: "checks",
        name: "Contrôles",
        cells: [{ row: 1, col: 1, value }],
        columnWidths: [],
        merges: [],
        tables: [],
        validations: [],
        statusFormats: [],
        print: { landscape: false, fitToWidth: false, headerText: "", footerText: "" },
      },
    ],
    names: [],
    styles: palette,
    marker: "ctg-planner",
  });

  test("any text (XML-invalid characters aside) comes back as it was", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 20 }),
        (a, b) => {
          const t = a + b;
          const out = applyReport(base, oneCellReport({ kind: "text", text: t }));
          const got = readGrid(openPackage(out), "Contrôles", "B2").grid[0]?.[0];
          const expected = t.replace(
            /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
            "\uFFFD",
          );
          expect(got).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("any finite number comes back exactly", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const out = applyReport(base, oneCellReport({ kind: "number", value: n }));
        const got = readGrid(openPackage(out), "Contrôles", "B2").grid[0]?.[0];
        expect(got).toBe(Object.is(n, -0) ? 0 : n);
      }),
      { numRuns: 40 },
    );
  });
});
