// Every XML part the .xlsx writer produces or changes validates against the ECMA-376 Transitional
// schemas (xmllint), on the demo with scenarios and on inputs saved by Excel, by openpyxl-like
// producers and by LibreOffice. The schemas are not in the repository: CTG_OOXML_SCHEMA_DIR names
// their folder (.ci/run sets it to the shared material's ooxml-schema folder beside the clone); without it, or without xmllint, every
// test here fails and says how to fix that.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8 } from "fflate";
import { parseScenarioSpec } from "../../../src/cli/main";
import { COMMUNES } from "../../../src/core/communes";
import type { ScenarioSpec } from "../../../src/core/scenarios";
import { applyReport, listSheets, listTables, savePackage } from "../../../src/workbook/xlsx";
import { FACILITY_SHEET, FACILITY_TABLE } from "../../../src/core/facilities";
import { demoWorkbook } from "../../../src/workbook/xlsx/demo";
import { snapshotPackage } from "../../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../../helpers/summarize";
import { openPackage } from "../../../src/workbook/xlsx/package";
import { planWorkbook } from "../../../src/app";
import { buildReport, type Report } from "../../../src/report";
import { bonusInputOf } from "../../helpers/bonus-input";
import { excelLikeWorkbook, richTextWorkbook } from "../../fixtures/xlsx-builder";
import { recalcXlsx } from "../../helpers/libreoffice";
import { crossPartProblems } from "./cross-part";
import { EXCEL_FR_APP, excelInput, withPart } from "./excel-saved";
import {
  findXmllint,
  isXmlPart,
  schemaDir,
  validateParts,
  writtenParts,
  type PartValidation,
} from "./ooxml-schema";
import { unzip, type Parts } from "./package-checks";
import { sampleReport } from "./sample-report";

const NOW = new Date("2026-11-28T12:00:00Z");

/** The report of a workbook with the demo's facilities table, bonus territoire included. */
function bonusDemoReport(bytes: Uint8Array): Report {
  const result = planWorkbook(snapshotPackage(openPackage(bytes)));
  if (result.status !== "ready") throw new Error(JSON.stringify(result.issues));
  return buildReport({
    plan: result.plan,
    rows: result.rows,
    warnings: [],
    source: result.source,
    lang: "fr",
    stamp: { generatedAt: NOW.toISOString(), version: "test", inputHash: "x" },
    scenarios: [],
    bonus: bonusInputOf(bytes, result.reference),
  });
}

/** The styles part of a new Excel 365 workbook (with a colors block as some templates have). */
const EXCEL_365_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">' +
  '<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '<colors><mruColors><color rgb="FF1F4E79"/></mruColors></colors>' +
  '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>' +
  '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>' +
  "</styleSheet>";

function scenario(text: string): ScenarioSpec {
  const spec = parseScenarioSpec(text);
  if (typeof spec === "string") throw new Error(spec);
  return spec;
}

async function summarize(bytes: Uint8Array, scenarios: readonly ScenarioSpec[] = []): Promise<Uint8Array> {
  const result = await summarizeWorkbook(bytes, {
    lang: "fr",
    version: "test",
    now: NOW,
    addScenarios: scenarios,
  });
  if (result.output === null) {
    throw new Error(
      `summarize wrote nothing: ${JSON.stringify(result.issues.filter((i) => i.severity === "error"))}`,
    );
  }
  return result.output;
}

/** Outcomes with errors only (a valid package gives []). */
function invalid(results: readonly PartValidation[]): PartValidation[] {
  return results.filter((r) => r.errors.length > 0);
}

/** Validates the parts the writer produced or changed, and checks that they are the expected kinds. */
function validateWritten(input: Uint8Array, output: Uint8Array, expected: readonly RegExp[]): string[] {
  const before = unzip(input);
  const after = unzip(output);
  const written = writtenParts(before, after);
  for (const pattern of expected) {
    expect({ pattern: String(pattern), written: written.some((p) => pattern.test(p)) }).toEqual({
      pattern: String(pattern),
      written: true,
    });
  }
  // The schema README: the parts the project writes carry no Markup Compatibility of their own.
  const created = written.filter((p) => !before.has(p));
  expect(
    created.filter((p) => strFromU8(after.get(p) ?? new Uint8Array()).includes("markup-compatibility")),
  ).toEqual([]);
  const results = validateParts(after, written);
  expect(results.map((r) => r.part)).toEqual(written);
  expect(invalid(results)).toEqual([]);
  // What the schemas cannot see: style indices, cell order, table headers, names, app.xml counts.
  expect(
    crossPartProblems(
      output,
      written.filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p)),
    ),
  ).toEqual([]);
  return written;
}

/** What every run of summarize writes. */
const SUMMARY_PARTS = [
  /^\[Content_Types\]\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
  /^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/,
  /^xl\/tables\/[^/]+\.xml$/,
  /^xl\/drawings\/[^/]+\.xml$/,
  /^xl\/drawings\/_rels\/[^/]+\.xml\.rels$/,
  /^xl\/charts\/[^/]+\.xml$/,
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-ooxml-test-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the schemas (CTG_OOXML_SCHEMA_DIR) and xmllint are there", () => {
  expect(fs.existsSync(path.join(schemaDir(), "transitional", "sml.xsd"))).toBe(true);
  expect(findXmllint()).toMatch(/xmllint$/);
});

describe("the validator", () => {
  // One written package to plant faults in.
  const input = demoWorkbook(COMMUNES, "fr");
  let parts: Parts;
  let sheet: string;
  beforeAll(async () => {
    parts = unzip(await summarize(input));
    sheet = [...parts.keys()].find((p) => /^xl\/worksheets\/ctg\d+\.xml$/.test(p)) ?? "";
  });

  function planted(name: string, edit: (xml: string) => string): PartValidation {
    const xml = strFromU8(parts.get(name) ?? new Uint8Array());
    const changed = edit(xml);
    expect(changed).not.toBe(xml); // the fault was planted
    const [result] = validateParts(new Map([[name, strToU8(changed)]]), [name]);
    if (!result) throw new Error("no result");
    return result;
  }

  test("passes the written part as it is (xml:space dropped as the schema README says)", () => {
    expect(strFromU8(parts.get(sheet) ?? new Uint8Array())).toContain('xml:space="preserve"');
    expect(validateParts(parts, [sheet])).toEqual([
      { part: sheet, schema: "transitional/sml.xsd", errors: [] },
    ]);
  });

  test("catches an element out of order (<dimension> after <sheetData>)", () => {
    const result = planted(sheet, (xml) =>
      xml.replace(/(<dimension [^>]*\/>)([\s\S]*<\/sheetData>)/, "$2$1"),
    );
    expect(result.errors.join("\n")).toMatch(/dimension.*This element is not expected/);
  });

  test("catches an attribute of the wrong type and a missing required attribute", () => {
    expect(planted(sheet, (xml) => xml.replace(/<row r="1"/, '<row r="un"')).errors.join("\n")).toMatch(
      /'un' is not a valid value/,
    );
    expect(planted("xl/workbook.xml", (xml) => xml.replace(/ sheetId="\d+"/, "")).errors.join("\n")).toMatch(
      /attribute 'sheetId' is required/,
    );
    expect(
      planted("[Content_Types].xml", (xml) =>
        xml.replace(/<Override PartName="[^"]*"/, "<Override"),
      ).errors.join("\n"),
    ).toMatch(/PartName/);
  });

  test("drops only ignorable markup: an unknown attribute of a namespace the part does not ignore fails", () => {
    const ns = 'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"';
    const ignored = planted(sheet, (xml) =>
      xml.replace(
        /<worksheet /,
        `<worksheet ${ns} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" x14ac:foo="1" `,
      ),
    );
    expect(ignored.errors).toEqual([]);
    const notIgnored = planted(sheet, (xml) => xml.replace(/<worksheet /, `<worksheet ${ns} x14ac:foo="1" `));
    expect(notIgnored.errors.join("\n")).toMatch(/foo.*is not allowed/);
  });

  test("the cross-part checks catch a style index out of range, a header that is not its column, a wrong count", () => {
    const bytes = savePackage({ parts: new Map(parts) });
    expect(crossPartProblems(bytes, [sheet])).toEqual([]);
    const plant = (name: string, edit: (xml: string) => string): Uint8Array => {
      const xml = strFromU8(parts.get(name) ?? new Uint8Array());
      const changed = edit(xml);
      expect(changed).not.toBe(xml);
      return savePackage({ parts: new Map([...parts, [name, strToU8(changed)]]) });
    };
    expect(
      crossPartProblems(
        plant(sheet, (xml) => xml.replace(/ s="\d+"/, ' s="9999"')),
        [sheet],
      ).join("\n"),
    ).toMatch(/style 9999 beyond/);
    const table = [...parts.keys()].find(
      (p) => /^xl\/tables\/table\d+\.xml$/.test(p) && p !== "xl/tables/table1.xml",
    );
    if (table === undefined) throw new Error("no table written");
    expect(
      crossPartProblems(
        plant(table, (xml) =>
          xml.replace(/<tableColumn id="1" name="[^"]*"/, '<tableColumn id="1" name="Autre"'),
        ),
        [],
      ).join("\n"),
    ).toMatch(/header .* ≠ column "Autre"/);
    const app = (xml: string): Uint8Array =>
      savePackage({ parts: new Map([...parts, ["docProps/app.xml", strToU8(xml)]]) });
    expect(crossPartProblems(app(EXCEL_FR_APP), [])).toEqual([]);
    expect(crossPartProblems(app(EXCEL_FR_APP.replace("<vt:i4>2</vt:i4>", "<vt:i4>3</vt:i4>")), [])).toEqual([
      "docProps/app.xml: HeadingPairs count 6, TitlesOfParts 5",
    ]);
  });

  test("a part it has no schema for, or that is not well-formed, is an error, never a pass", () => {
    const [unknown] = validateParts(new Map([["x.xml", strToU8('<a xmlns="urn:x"/>')]]), ["x.xml"]);
    expect(unknown?.errors.join("")).toMatch(/no schema for the root <a>/);
    const [broken] = validateParts(new Map([["y.xml", strToU8("<a>")]]), ["y.xml"]);
    expect(broken?.errors.join("")).toMatch(/not well-formed/);
  });
});

describe("every part the writer produces or changes validates", () => {
  test("the demo with scenarios (`demo`, then `summarize --scenario`), run twice", async () => {
    const demo = demoWorkbook(COMMUNES, "fr");
    const first = await summarize(demo, [scenario("name=Coût 46k;cost=46000")]);
    validateWritten(demo, first, SUMMARY_PARTS);
    const second = await summarize(first, [
      scenario("name=Sud élargi;key=population;caf-base=ttc;sud=Saint-Eusèbe"),
    ]);
    // The second run replaces the first one's parts: all that differs from the user's input is the writer's.
    validateWritten(demo, second, SUMMARY_PARTS);
  });

  test("an input saved by Excel (sheet list in docProps/app.xml, mc:Ignorable, extLst, calcChain)", async () => {
    const input = excelInput(EXCEL_FR_APP);
    const output = await summarize(input, [scenario("name=Coût 46k;cost=46000")]);
    validateWritten(input, output, [...SUMMARY_PARTS, /^docProps\/app\.xml$/]);
  });

  test("an openpyxl-like input (absolute targets) holding a previous product sheet between the user's", async () => {
    const input = excelInput(EXCEL_FR_APP, { absoluteTargets: true, productSheetAt: 1, activeTab: 1 });
    const output = await summarize(input, [scenario("name=Coût 46k;cost=46000")]);
    validateWritten(input, output, [...SUMMARY_PARTS, /^docProps\/app\.xml$/]);
  });

  test("inputs saved by LibreOffice: the demo, the Excel-like workbook, a summary re-run after a save", async () => {
    const files = {
      demo: demoWorkbook(COMMUNES, "fr"),
      excel: excelInput(EXCEL_FR_APP),
      // A summary the user opened and saved in LibreOffice, then summarized again.
      summary: await summarize(demoWorkbook(COMMUNES, "fr"), [scenario("name=Coût 46k;cost=46000")]),
    };
    const saved = await Promise.all(
      Object.entries(files).map(([name, bytes]) => {
        const file = path.join(dir, `${name}.xlsx`);
        fs.writeFileSync(file, bytes);
        return recalcXlsx(file, { outDir: path.join(dir, `lo-${name}`) });
      }),
    );
    for (const file of saved) {
      const input = new Uint8Array(fs.readFileSync(file));
      expect(strFromU8(unzip(input).get("docProps/app.xml") ?? new Uint8Array())).toContain("LibreOffice");
      const output = await summarize(input, [scenario("name=Sud élargi;key=population;sud=Saint-Eusèbe")]);
      validateWritten(input, output, SUMMARY_PARTS);
    }
  });

  test("the bonus territoire (issue 14): the demo with its facilities table, its parameters, two sheets and a chart", () => {
    const demo = demoWorkbook(COMMUNES, "fr", { facilities: true });
    validateWritten(demo, applyReport(demo, bonusDemoReport(demo)), SUMMARY_PARTS);
    const demoParts = unzip(demo);
    expect(invalid(validateParts(demoParts, [...demoParts.keys()].filter(isXmlPart)))).toEqual([]);
    expect(crossPartProblems(demo, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])).toEqual([]);
  });

  test("the facilities input sheet (issue 14), French and English: its worksheet with its validations, its table", async () => {
    for (const lang of ["fr", "en"] as const) {
      const demo = demoWorkbook(COMMUNES, lang, { facilities: false }); // the sheet is written when absent
      const result = await summarizeWorkbook(demo, { lang, version: "test", now: NOW });
      if (result.output === null) throw new Error("summarize wrote nothing");
      const written = validateWritten(demo, result.output, SUMMARY_PARTS);
      const pkg = openPackage(result.output);
      const sheet = listSheets(pkg).find((x) => x.name === FACILITY_SHEET)?.partPath ?? "";
      const table = listTables(pkg).find((t) => t.name === FACILITY_TABLE)?.partPath ?? "";
      // Both were among the parts validated, and the sheet holds every kind of validation it writes.
      expect(written).toEqual(expect.arrayContaining([sheet, table]));
      const xml = strFromU8(unzip(result.output).get(sheet) ?? new Uint8Array());
      for (const type of ["list", "decimal", "whole", "date"]) expect(xml).toContain(`type="${type}"`);
      expect(invalid(validateParts(unzip(result.output), [sheet, table]))).toEqual([]);
    }
  });

  test("hand-made reports on odd packages: a prefixed (x:) workbook without styles, tricky texts", () => {
    const rich = richTextWorkbook();
    validateWritten(rich, applyReport(rich, sampleReport()), [
      /^xl\/styles\.xml$/,
      /^xl\/workbook\.xml$/,
      /^xl\/tables\/[^/]+\.xml$/,
    ]);
    // Excel 365's default styles part: no numFmts, no dxfs, then tableStyles, colors and extLst (what the
    // writer adds must go before those).
    const excel365 = withPart(excelLikeWorkbook(), "xl/styles.xml", EXCEL_365_STYLES);
    validateWritten(excel365, applyReport(excel365, sampleReport()), [/^xl\/styles\.xml$/]);
    const styles = strFromU8(
      unzip(applyReport(excel365, sampleReport())).get("xl/styles.xml") ?? new Uint8Array(),
    );
    expect(styles).toMatch(
      /^[\s\S]*<styleSheet[^>]*><numFmts[\s\S]*<dxfs [\s\S]*<tableStyles[\s\S]*<colors>[\s\S]*<extLst>/,
    );
    const excel = excelLikeWorkbook({ productSheetAt: 1 });
    validateWritten(excel, applyReport(excel, sampleReport({ cached: "wrong" })), [/^xl\/workbook\.xml$/]);
  });
});

test("the demo workbook (`ctg-planner demo`, written from scratch) validates, every part", () => {
  for (const lang of ["fr", "en"] as const) {
    const demo = demoWorkbook(COMMUNES, lang);
    const parts = unzip(demo);
    const names = [...parts.keys()].filter(isXmlPart);
    expect(names).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/styles.xml",
        "xl/tables/table1.xml",
      ]),
    );
    expect(invalid(validateParts(parts, names))).toEqual([]);
    expect(crossPartProblems(demo, ["xl/worksheets/sheet1.xml"])).toEqual([]);
  }
});

test("the test inputs' own parts are valid too (so the writer's parts are checked in a valid package)", () => {
  for (const input of [
    excelInput(EXCEL_FR_APP),
    excelLikeWorkbook({ absoluteTargets: true, productSheetAt: 1 }),
    withPart(excelLikeWorkbook(), "xl/styles.xml", EXCEL_365_STYLES),
    richTextWorkbook(),
  ]) {
    const parts = unzip(input);
    const names = [...parts.keys()].filter((p) => isXmlPart(p) || /\.vml$/i.test(p));
    expect(invalid(validateParts(parts, names))).toEqual([]);
  }
});
