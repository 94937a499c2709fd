// docProps/app.xml says what the package holds (issue 11 D): after a run its sheet list
// (HeadingPairs / TitlesOfParts) names the workbook's sheets, in order, and its named ranges, with
// counts that add up; a part without a list, or a package without the part, is left as it was.

import { DOMParser, type Element } from "@xmldom/xmldom";
import { COMMUNES } from "../../../src/core/communes";
import { applyReport, listSheets, openPackage, readDefinedNames } from "../../../src/workbook/xlsx";
import { appPropertiesXml, namedRangeTitles } from "../../../src/workbook/xlsx/app-props";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { summarizeWorkbook } from "../../helpers/summarize";
import { excelLikeWorkbook, richTextWorkbook } from "../../fixtures/xlsx-builder";
import { EXCEL_EN_APP_SHEETS_ONLY, EXCEL_FR_APP, excelInput, NS_EP, NS_VT } from "./excel-saved";
import { bytesEqual, text, unzip } from "./package-checks";
import { sampleReport } from "./sample-report";

const NOW = new Date("2026-11-28T12:00:00Z");

/** A sheet name as Excel prefixes a name with it: quoted when it is not a plain name. */
function quoted(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

interface SheetList {
  groups: [string, number][];
  titles: string[];
  /** The other children of <Properties>, by local name. */
  others: Record<string, string>;
}

function sheetList(xml: string): SheetList {
  const doc = new DOMParser().parseFromString(xml, "text/xml");
  const root = doc.documentElement as Element;
  expect(root.namespaceURI).toBe(NS_EP);
  const vector = (local: string): Element => {
    const el = Array.from(root.getElementsByTagNameNS(NS_EP, local))[0];
    const v = el ? Array.from(el.getElementsByTagNameNS(NS_VT, "vector"))[0] : undefined;
    if (!v) throw new Error(`no ${local} vector`);
    return v;
  };
  const hp = vector("HeadingPairs");
  const variants = Array.from(hp.getElementsByTagNameNS(NS_VT, "variant")).map((v) => v.textContent ?? "");
  const groups: [string, number][] = [];
  for (let i = 0; i < variants.length; i += 2) groups.push([variants[i] ?? "", Number(variants[i + 1])]);
  expect(Number(hp.getAttribute("size"))).toBe(variants.length);
  expect(hp.getAttribute("baseType")).toBe("variant");
  const tp = vector("TitlesOfParts");
  const titles = Array.from(tp.getElementsByTagNameNS(NS_VT, "lpstr")).map((t) => t.textContent ?? "");
  expect(Number(tp.getAttribute("size"))).toBe(titles.length);
  expect(tp.getAttribute("baseType")).toBe("lpstr");
  // The counts add up to the titles.
  expect(groups.reduce((s, [, n]) => s + n, 0)).toBe(titles.length);
  const others: Record<string, string> = {};
  for (let c = root.firstChild; c; c = c.nextSibling) {
    const el = c as Element;
    if (c.nodeType === 1 && el.localName !== "HeadingPairs" && el.localName !== "TitlesOfParts")
      others[el.localName ?? ""] = el.textContent ?? "";
  }
  return { groups, titles, others };
}

describe("summarize on a workbook saved by Excel (French)", () => {
  const input = excelInput(EXCEL_FR_APP);
  let output: Uint8Array;
  beforeAll(async () => {
    const result = await summarizeWorkbook(input, { lang: "fr", version: "test", now: NOW });
    if (result.output === null) throw new Error(JSON.stringify(result.issues));
    output = result.output;
  });

  test("lists every sheet, in tab order, then the visible named ranges; the counts add up", () => {
    const list = sheetList(text(unzip(output), "docProps/app.xml"));
    const sheets = listSheets(openPackage(output)).map((s) => s.name);
    expect(sheets.length).toBeGreaterThan(3);
    expect(list.groups[0]).toEqual(["Feuilles de calcul", sheets.length]);
    expect(list.titles.slice(0, sheets.length)).toEqual(sheets);
    const named = list.titles.slice(sheets.length);
    expect(list.groups.slice(1)).toEqual([["Plages nommées", named.length]]);
    // The user's names are still listed; the product's print areas are, under their sheet.
    expect(named).toEqual(expect.arrayContaining(["Caché!LocalCache", "Taux"]));
    const printNames = readDefinedNames(openPackage(output))
      .filter((n) => /^_xlnm\.Print_(Area|Titles)$/.test(n.name) && n.localSheetId !== undefined)
      .map((n) => `${quoted(sheets[n.localSheetId ?? -1] ?? "?")}!${n.name.slice(6)}`);
    expect(printNames.length).toBeGreaterThan(0);
    expect(named).toEqual(expect.arrayContaining(printNames));
    // Hidden names (the product's markers, _xlnm._FilterDatabase) are not.
    expect(named.filter((n) => /CTG_Planner_Sheet|_FilterDatabase/.test(n))).toEqual([]);
    const visible = readDefinedNames(openPackage(output)).filter(
      (n) => !n.hidden && (!n.name.startsWith("_xlnm.") || /Print_(Area|Titles)$/.test(n.name)),
    );
    expect(named).toHaveLength(visible.length);
  });

  test("keeps every other property as the user's Excel wrote it", () => {
    const list = sheetList(text(unzip(output), "docProps/app.xml"));
    expect(list.others).toEqual(sheetList(EXCEL_FR_APP).others);
    expect(list.others.Company).toBe("Communauté urbaine");
  });

  test("a second run lists the same (it replaces the product's sheets), byte for byte", async () => {
    const again = await summarizeWorkbook(output, { lang: "fr", version: "test", now: NOW });
    if (again.output === null) throw new Error("no output");
    expect(text(unzip(again.output), "docProps/app.xml")).toBe(text(unzip(output), "docProps/app.xml"));
  });

  test("docProps/core.xml, _rels/.rels keep their bytes", () => {
    const before = unzip(input);
    const after = unzip(output);
    for (const name of ["docProps/core.xml", "_rels/.rels"])
      expect({ name, same: bytesEqual(after.get(name), before.get(name)) }).toEqual({ name, same: true });
  });
});

test("a stale list (one sheet while the workbook holds more) is corrected; an English label is kept", async () => {
  const stale = EXCEL_EN_APP_SHEETS_ONLY.replace("<vt:i4>3</vt:i4>", "<vt:i4>1</vt:i4>")
    .replace('size="3"', 'size="1"')
    .replace("<vt:lpstr>Notes</vt:lpstr><vt:lpstr>Caché</vt:lpstr>", "");
  const result = await summarizeWorkbook(excelInput(stale, { absoluteTargets: true }), {
    lang: "fr",
    version: "test",
    now: NOW,
  });
  if (result.output === null) throw new Error("no output");
  const list = sheetList(text(unzip(result.output), "docProps/app.xml"));
  const sheets = listSheets(openPackage(result.output)).map((s) => s.name);
  expect(list.groups[0]).toEqual(["Worksheets", sheets.length]);
  expect(list.titles.slice(0, sheets.length)).toEqual(sheets);
  // The input had no named ranges group: the one added takes the language of the input's labels.
  expect(list.groups[1]?.[0]).toBe("Named Ranges");
});

test("a part without a sheet list keeps its bytes; a package without docProps/app.xml gets none", () => {
  const excel = excelLikeWorkbook();
  const out = unzip(applyReport(excel, sampleReport()));
  expect(bytesEqual(out.get("docProps/app.xml"), unzip(excel).get("docProps/app.xml"))).toBe(true);

  const rich = richTextWorkbook();
  const richOut = unzip(applyReport(rich, sampleReport()));
  expect([...richOut.keys()].filter((n) => n.startsWith("docProps/"))).toEqual([]);
  expect(bytesEqual(richOut.get("_rels/.rels"), unzip(rich).get("_rels/.rels"))).toBe(true);

  const demo = demoWorkbook(COMMUNES, "fr");
  const demoOut = unzip(applyReport(demo, sampleReport()));
  expect([...demoOut.keys()].filter((n) => n.startsWith("docProps/"))).toEqual([]);
});

describe("appPropertiesXml", () => {
  const sheets = [
    { name: "Feuil1", type: "worksheet" as const },
    { name: "Graph1", type: "chartsheet" as const },
    { name: "Synthèse CEJ", type: "worksheet" as const },
  ];
  const names = [
    { name: "_xlnm.Print_Area", localSheetId: 2, hidden: false, value: "'Synthèse CEJ'!$A$1:$D$9" },
    { name: "_xlnm._FilterDatabase", localSheetId: 0, hidden: true, value: "Feuil1!$A$1:$B$2" },
    { name: "_xlnm.Criteria", localSheetId: 0, hidden: false, value: "Feuil1!$D$1:$D$2" },
    { name: "CTG_Planner_Sheet", localSheetId: 2, hidden: true, value: '"ctg-planner:synthesis"' },
    { name: "CTG_Cout", hidden: false, value: "'Synthèse CEJ'!$B$4" },
    { name: "Local", localSheetId: 0, hidden: false, value: "Feuil1!$A$1" },
    { name: "Nowhere", localSheetId: 7, hidden: false, value: "#REF!" },
  ];

  test("named ranges as Excel lists them", () => {
    expect(namedRangeTitles(names, sheets)).toEqual([
      "'Synthèse CEJ'!Print_Area",
      "CTG_Cout",
      "Feuil1!Local",
    ]);
    expect(
      namedRangeTitles(
        [{ name: "X", localSheetId: 0, hidden: false, value: "1" }],
        [{ name: "A1", type: "worksheet" }],
      ),
    ).toEqual(["'A1'!X"]);
  });

  test("one group per kind of sheet in Excel's order, labels in the report's language when the input has none", () => {
    const xml = `<Properties xmlns="${NS_EP}"><TitlesOfParts/><Application>X</Application></Properties>`;
    const out = appPropertiesXml(xml, { sheetsBefore: [], namesBefore: [], sheets, names, lang: "fr" });
    if (out === null) throw new Error("null");
    const list = sheetList(out);
    expect(list.groups).toEqual([
      ["Feuilles de calcul", 2],
      ["Graphiques", 1],
      ["Plages nommées", 3],
    ]);
    expect(list.titles).toEqual([
      "Feuil1",
      "Synthèse CEJ",
      "Graph1",
      "'Synthèse CEJ'!Print_Area",
      "CTG_Cout",
      "Feuil1!Local",
    ]);
    expect(list.others).toEqual({ Application: "X" });
  });

  test("a prefixed root and a vt namespace declared on the old vector only", () => {
    const xml =
      `<ep:Properties xmlns:ep="${NS_EP}"><ep:HeadingPairs><vt:vector xmlns:vt="${NS_VT}" size="2" baseType="variant">` +
      "<vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector>" +
      "</ep:HeadingPairs></ep:Properties>";
    const out = appPropertiesXml(xml, {
      sheetsBefore: [{ name: "A", type: "worksheet" }],
      namesBefore: [],
      sheets: [
        { name: "A", type: "worksheet" },
        { name: "B & <C>", type: "worksheet" },
      ],
      names: [],
      lang: "fr",
    });
    if (out === null) throw new Error("null");
    expect(sheetList(out)).toEqual({ groups: [["Worksheets", 2]], titles: ["A", "B & <C>"], others: {} });
  });

  test("no list, or not well-formed: left as it is (null)", () => {
    const input = { sheetsBefore: [], namesBefore: [], sheets, names, lang: "en" as const };
    expect(
      appPropertiesXml(
        `<Properties xmlns="${NS_EP}"><Application>LibreOffice</Application></Properties>`,
        input,
      ),
    ).toBeNull();
    expect(appPropertiesXml("<Properties><HeadingPairs>", input)).toBeNull();
  });
});
