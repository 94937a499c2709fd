// Probe: what LibreOffice (headless, as used by the test suite) does with the .xlsx constructs the
// CTG Planner workbook relies on. Each workbook is built by hand; every formula cell carries a
// deliberately WRONG cached value, so a right value read back proves LibreOffice computed it.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { convertToPdf, recalcXlsx } from "../helpers/libreoffice";
import {
  readXlsxCells,
  readXlsxParts,
  sheetParts,
  type CellInfo,
  type CellValue,
} from "../helpers/xlsx-values";

// ---------------------------------------------------------------------------------------------
// A minimal hand-written .xlsx writer
// ---------------------------------------------------------------------------------------------

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const WRONG_NUMBER = 999999;
const WRONG_TEXT = "WRONG";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A cell as raw XML plus its position, so rows can be assembled in order. */
interface Cell {
  ref: string;
  xml: string;
}

const num = (ref: string, n: number): Cell => ({ ref, xml: `<c r="${ref}"><v>${n}</v></c>` });
const inl = (ref: string, s: string): Cell => ({
  ref,
  xml: `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`,
});
const fnum = (ref: string, f: string, cached = WRONG_NUMBER): Cell => ({
  ref,
  xml: `<c r="${ref}"><f>${esc(f)}</f><v>${cached}</v></c>`,
});
/** Formula without any cached value (no <v>). */
const fnoValue = (ref: string, f: string): Cell => ({ ref, xml: `<c r="${ref}"><f>${esc(f)}</f></c>` });
const fstr = (ref: string, f: string, cached = WRONG_TEXT): Cell => ({
  ref,
  xml: `<c r="${ref}" t="str"><f>${esc(f)}</f><v>${esc(cached)}</v></c>`,
});
const fbool = (ref: string, f: string, cached: boolean): Cell => ({
  ref,
  xml: `<c r="${ref}" t="b"><f>${esc(f)}</f><v>${cached ? 1 : 0}</v></c>`,
});

function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m || m[1] === undefined || m[2] === undefined) throw new Error(`bad ref ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

interface Table {
  name: string;
  ref: string;
  columns: string[];
  /** Formula of a calculated column, by column name. */
  calculated?: Record<string, string>;
}

interface Sheet {
  name: string;
  cells: Cell[];
  tables?: Table[];
  /** Raw XML placed after sheetData (e.g. <dataValidations>). */
  afterData?: string;
}

interface Workbook {
  sheets: Sheet[];
  /** Raw <definedName> elements. */
  definedNames?: string[];
  /** Raw <calcPr .../>; undefined writes <calcPr calcId="191029"/>. */
  calcPr?: string;
  /** docProps/app.xml <Application>; undefined writes no docProps/app.xml. */
  application?: string;
}

function sheetXml(sheet: Sheet, tableRelIds: string[]): string {
  const rows = new Map<number, Cell[]>();
  for (const cell of sheet.cells) {
    const { row } = splitRef(cell.ref);
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  }
  const sheetData = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([r, cells]) => {
      const sorted = [...cells].sort((a, b) => splitRef(a.ref).col - splitRef(b.ref).col);
      return `<row r="${r}">${sorted.map((c) => c.xml).join("")}</row>`;
    })
    .join("");
  const tableParts =
    tableRelIds.length === 0
      ? ""
      : `<tableParts count="${tableRelIds.length}">${tableRelIds.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><sheetData>${sheetData}</sheetData>` +
    (sheet.afterData ?? "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    tableParts +
    "</worksheet>"
  );
}

function tableXml(table: Table, id: number): string {
  const cols = table.columns
    .map((name, i) => {
      const calc = table.calculated?.[name];
      const body =
        calc === undefined
          ? "/>"
          : `><calculatedColumnFormula>${esc(calc)}</calculatedColumnFormula></tableColumn>`;
      return `<tableColumn id="${i + 1}" name="${esc(name)}"${body}`;
    })
    .join("");
  return (
    XML_DECL +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${table.name}" displayName="${table.name}" ref="${table.ref}" totalsRowShown="0">` +
    `<autoFilter ref="${table.ref}"/><tableColumns count="${table.columns.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    "</table>"
  );
}

const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function buildXlsx(wb: Workbook): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, xml: string): void => {
    files[name] = strToU8(xml);
  };
  const overrides: string[] = [
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>`,
  ];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let tableId = 0;
  wb.sheets.forEach((sheet, i) => {
    const n = i + 1;
    const relIds: string[] = [];
    const sheetRels: string[] = [];
    for (const table of sheet.tables ?? []) {
      tableId += 1;
      const rid = `rId${relIds.length + 1}`;
      relIds.push(rid);
      sheetRels.push(
        `<Relationship Id="${rid}" Type="${REL}/table" Target="../tables/table${tableId}.xml"/>`,
      );
      put(`xl/tables/table${tableId}.xml`, tableXml(table, tableId));
      overrides.push(
        `<Override PartName="/xl/tables/table${tableId}.xml" ContentType="${CT}.spreadsheetml.table+xml"/>`,
      );
    }
    put(`xl/worksheets/sheet${n}.xml`, sheetXml(sheet, relIds));
    if (sheetRels.length > 0) {
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">${sheetRels.join("")}</Relationships>`,
      );
    }
    overrides.push(
      `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`,
    );
    wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheetEls.push(`<sheet name="${esc(sheet.name)}" sheetId="${n}" r:id="rId${n}"/>`);
  });
  wbRels.push(`<Relationship Id="rId${wb.sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>`);

  const definedNames = wb.definedNames?.length
    ? `<definedNames>${wb.definedNames.join("")}</definedNames>`
    : "";
  put(
    "xl/workbook.xml",
    XML_DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>` +
      `<sheets>${sheetEls.join("")}</sheets>${definedNames}${wb.calcPr ?? '<calcPr calcId="191029"/>'}</workbook>`,
  );
  put(
    "xl/_rels/workbook.xml.rels",
    XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">${wbRels.join("")}</Relationships>`,
  );
  put("xl/styles.xml", STYLES_XML);

  const rootRels = [`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`];
  if (wb.application !== undefined) {
    put(
      "docProps/app.xml",
      XML_DECL +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
        `<Application>${esc(wb.application)}</Application></Properties>`,
    );
    overrides.push(`<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>`);
    rootRels.push(`<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`);
  }
  put("_rels/.rels", XML_DECL + `<Relationships xmlns="${NS_PKG_REL}">${rootRels.join("")}</Relationships>`);
  put(
    "[Content_Types].xml",
    XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join("")}</Types>`,
  );
  return zipSync(files);
}

// ---------------------------------------------------------------------------------------------
// The probe workbooks
// ---------------------------------------------------------------------------------------------

const PARAMS = "Paramètres CTG";
const SYNTH = "Synthèse";
const COMMUNES = "Communes CTG";
const FIN = "Financements";

/** Rows 5..38 of 'Communes CTG' (table CTG_Communes, B4:E38). */
const communes = Array.from({ length: 34 }, (_, k) => {
  const i = k + 1;
  return {
    row: i + 4,
    name: i === 7 ? "Écuisses" : `C${String(i).padStart(2, "0")}`,
    population: 1000 + i * 10,
    cej: i * 1.5,
    bassin: ["Nord", "Sud", "Centre"][i % 3] ?? "",
  };
});

const financements: Array<[string, number, number, number]> = [
  ["Autun", 100, 10, 2024],
  ["Le Creusot", 200, 20, 2025],
  ["Autun", 300, 30, 2025],
  ["Montceau", 400, 40, 2024],
  ["Écuisses", 50.5, 5, 2025],
];

const DATA_VALIDATIONS =
  '<dataValidations count="2">' +
  '<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="B5">' +
  '<formula1>"cej,population,communes,equal"</formula1></dataValidation>' +
  '<dataValidation type="decimal" allowBlank="1" showErrorMessage="1" errorTitle="Taux" error="Entre 0 et 1" sqref="B4">' +
  "<formula1>0</formula1><formula2>1</formula2></dataValidation>" +
  "</dataValidations>";

/** Sheet order matters: localSheetId="1" is 'Synthèse'. */
const mainWorkbook: Workbook = {
  application: "Microsoft Excel", // a "known good" generator: LibreOffice would otherwise trust nothing
  sheets: [
    {
      name: PARAMS,
      cells: [
        inl("A3", "Coût HT"),
        num("B3", 1234.567),
        inl("A4", "Taux CAF"),
        num("B4", 0.55),
        inl("A5", "Clé"),
        inl("B5", "cej"),
      ],
      afterData: DATA_VALIDATIONS,
    },
    {
      name: SYNTH,
      cells: [
        inl("A2", "Autun"),
        inl("E3", "Sud"),
        // Q1 structured references from another sheet
        fnum("B2", "SUM(Financements[Montant])"),
        fnum("B3", "SUMIFS(Financements[Montant],Financements[Commune],A2)"),
        fnum("B4", "SUM(Financements[Montant CEJ])"),
        fnum("B5", "SUMIFS(Financements[Montant CEJ],Financements[Année],2025)"),
        fnum("B6", "ROWS(Financements[Montant])"),
        fnum("B7", "SUM(CTG_Communes[Population])"),
        fnum("B8", 'SUMIFS(CTG_Communes[Montant CEJ],CTG_Communes[Bassin],"Nord")'),
        fnum("B9", "SUM(Financements[[Montant]:[Montant CEJ]])"),
        fnum("B10", 'COUNTIFS(Financements[Commune],A2,Financements[Année],">=2025")'),
        fnum("B11", 'INDEX(CTG_Communes[Population],MATCH("C05",CTG_Communes[Commune],0))'),
        fnum("B12", 'SUMIFS(Financements[Montant],Financements[Commune],"Écuisses")'),
        fnum("B13", "SUM(Financements[[#Data],[Montant]])"),
        fnum("B14", "SUM(Financements[Part])"),
        // Q2 workbook-level defined names
        fnum("C2", "ROUND(CTG_CoutHT*CTG_TauxCaf,2)"),
        fnum("C3", "CTG_CoutHT"),
        fnum("C4", "SUM(CTG_Populations)"),
        // Q3 absolute ranges on a sheet whose name has a space and an accent
        fnum("D2", "INDEX('Communes CTG'!$C$5:$C$38,MATCH(\"C10\",'Communes CTG'!$B$5:$B$38,0))"),
        fnum("D3", "SUMIFS('Communes CTG'!$D$5:$D$38,'Communes CTG'!$E$5:$E$38,E3)"),
        fnum("D4", "COUNTIFS('Communes CTG'!$E$5:$E$38,E3,'Communes CTG'!$C$5:$C$38,\">1200\")"),
        fnum("D5", "SUMPRODUCT('Communes CTG'!$C$5:$C$38,'Communes CTG'!$D$5:$D$38)"),
        fstr("D6", 'IF(D2>1000,"grand","petit")'),
        fnum("D7", "ROUND(D5/3,2)"),
        fnum("D8", "MIN('Communes CTG'!$D$5:$D$38)"),
        fnum(
          "D9",
          "IFERROR(INDEX('Communes CTG'!$C$5:$C$38,MATCH(\"Inconnue\",'Communes CTG'!$B$5:$B$38,0)),-1)",
        ),
        fstr("D10", 'IFERROR(1/0,"div0")'),
        fnum("D11", "SUMPRODUCT(('Communes CTG'!$E$5:$E$38=\"Nord\")*'Communes CTG'!$D$5:$D$38)"),
        fnum("D12", "MIN(CTG_CoutHT,1000)"),
        fnum("D13", "INDEX('Communes CTG'!$C$5:$C$38,MATCH(\"Écuisses\",'Communes CTG'!$B$5:$B$38,0))"),
        fnum("D14", "'Paramètres CTG'!B3*2"),
        // Q4 text and boolean results
        fstr("F2", '"CTG "&A2'),
        fstr("F3", "UPPER(A2)&\" / \"&'Paramètres CTG'!B5"),
        fbool("F4", "D2>1000", false),
        // Q5 ROUND
        fnum("G2", "ROUND(2.675,2)"),
        fnum("G3", "ROUND(-2.675,2)"),
        fnum("G4", "ROUND(1.005,2)"),
        fnum("G5", "ROUND(0.125,2)"),
        fnum("G6", "ROUND(2.5,0)"),
        fnum("G7", "ROUND(-2.5,0)"),
        fnum("G8", "ROUND(0.285,2)"),
        fnum("G9", "ROUND(0.145*3,2)"), // 0.435 in decimal, 0.43499999999999994 in binary
        // Q7 sheet-scoped names used in formulas of their own sheet
        fstr("H2", "CTG_Marker"),
        fnum("H3", "CTG_LocalTotal"),
      ],
    },
    {
      name: COMMUNES,
      cells: [
        inl("B4", "Commune"),
        inl("C4", "Population"),
        inl("D4", "Montant CEJ"),
        inl("E4", "Bassin"),
        ...communes.flatMap((c) => [
          inl(`B${c.row}`, c.name),
          num(`C${c.row}`, c.population),
          num(`D${c.row}`, c.cej),
          inl(`E${c.row}`, c.bassin),
        ]),
      ],
      tables: [
        { name: "CTG_Communes", ref: "B4:E38", columns: ["Commune", "Population", "Montant CEJ", "Bassin"] },
      ],
    },
    {
      name: FIN,
      cells: [
        inl("A1", "Commune"),
        inl("B1", "Montant"),
        inl("C1", "Montant CEJ"),
        inl("D1", "Année"),
        inl("E1", "Part"),
        ...financements.flatMap(([commune, montant, cej, annee], k) => [
          inl(`A${k + 2}`, commune),
          num(`B${k + 2}`, montant),
          num(`C${k + 2}`, cej),
          num(`D${k + 2}`, annee),
          fnum(`E${k + 2}`, "Financements[[#This Row],[Montant]]*2"),
        ]),
      ],
      tables: [
        {
          name: "Financements",
          ref: "A1:E6",
          columns: ["Commune", "Montant", "Montant CEJ", "Année", "Part"],
          calculated: { Part: "Financements[[#This Row],[Montant]]*2" },
        },
      ],
    },
  ],
  definedNames: [
    `<definedName name="CTG_CoutHT">'${PARAMS}'!$B$3</definedName>`,
    `<definedName name="CTG_LocalTotal" localSheetId="1">'${SYNTH}'!$B$2</definedName>`,
    `<definedName name="CTG_Marker" localSheetId="1" hidden="1">"ctg"</definedName>`,
    `<definedName name="CTG_Populations">'${COMMUNES}'!$C$5:$C$38</definedName>`,
    `<definedName name="CTG_TauxCaf">'${PARAMS}'!$B$4</definedName>`,
    `<definedName name="CTG_Version" hidden="1">"1.0"</definedName>`,
  ],
};

/** Tiny workbook for question 6: run with LibreOffice's shipped defaults. */
function calcOnLoadWorkbook(opts: { application?: string; fullCalcOnLoad: boolean }): Workbook {
  return {
    application: opts.application,
    calcPr: opts.fullCalcOnLoad
      ? '<calcPr calcId="191029" fullCalcOnLoad="1"/>'
      : '<calcPr calcId="191029"/>',
    sheets: [
      {
        name: "Feuil1",
        cells: [num("A1", 2), fnum("A2", "A1*3"), fnum("A3", "SUM(A1:A2)"), fnoValue("A4", "A1+1")],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Run LibreOffice once per workbook, all in parallel (separate profiles)
// ---------------------------------------------------------------------------------------------

type Cells = Map<string, Map<string, CellInfo>>;

let tmp = "";
let main: Cells = new Map();
let mainParts = new Map<string, string>();
let mainOutput = "";
let recalcMs = 0;
const q6 = new Map<string, Cells>();
const Q6_VARIANTS: Record<string, { application?: string; fullCalcOnLoad: boolean }> = {
  excelFullCalcOnLoad: { application: "Microsoft Excel", fullCalcOnLoad: true },
  noAppXmlNoFlag: { fullCalcOnLoad: false },
  ctgPlannerFullCalcOnLoad: { application: "CTG Planner", fullCalcOnLoad: true },
};
let pdfPath = "";

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-lo-probe-"));
  const mainInput = path.join(tmp, "probe.xlsx");
  fs.writeFileSync(mainInput, buildXlsx(mainWorkbook));

  const timed = async (): Promise<string> => {
    const t0 = Date.now();
    const out = await recalcXlsx(mainInput, { outDir: path.join(tmp, "out") });
    recalcMs = Date.now() - t0;
    return out;
  };
  const variantRuns = Object.entries(Q6_VARIANTS).map(async ([key, v]) => {
    const input = path.join(tmp, `q6-${key}.xlsx`);
    fs.writeFileSync(input, buildXlsx(calcOnLoadWorkbook(v)));
    const out = await recalcXlsx(input, { outDir: path.join(tmp, "out"), forceRecalc: false });
    q6.set(key, readXlsxCells(out));
  });
  const pdfRun = convertToPdf(mainInput, path.join(tmp, "pdf")).then((p) => (pdfPath = p));

  const [mainOut] = await Promise.all([timed(), pdfRun, ...variantRuns]);
  mainOutput = mainOut;
  main = readXlsxCells(mainOutput);
  mainParts = readXlsxParts(mainOutput);
}, 55_000);

afterAll(() => {
  if (process.env.CTG_KEEP_PROBE) console.log(`probe files kept in ${tmp}`);
  else if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function cell(sheet: string, ref: string, cells: Cells = main): CellInfo {
  const info = cells.get(sheet)?.get(ref);
  if (!info) throw new Error(`no cell ${sheet}!${ref} in output`);
  return info;
}
const value = (sheet: string, ref: string, cells: Cells = main): CellValue => cell(sheet, ref, cells).value;
const synth = (ref: string): CellValue => value(SYNTH, ref);

function sheetXmlOf(sheetName: string): string {
  const part = sheetParts(mainParts).get(sheetName);
  const xml = part === undefined ? undefined : mainParts.get(part);
  if (xml === undefined) throw new Error(`no sheet ${sheetName} in output`);
  return xml;
}

// ---------------------------------------------------------------------------------------------

describe("LibreOffice probe", () => {
  test("helper: recalc writes a distinct output, leaves the input alone, and is timed", () => {
    expect(path.basename(mainOutput)).toBe("probe.recalc.xlsx");
    expect(fs.existsSync(path.join(tmp, "probe.xlsx"))).toBe(true);
    expect(recalcMs).toBeGreaterThan(0);
    console.log(`one recalcXlsx call (concurrently with 4 other soffice runs): ${recalcMs} ms`);
  });

  test("helper: convertToPdf renders a PDF", () => {
    expect(fs.readFileSync(pdfPath).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  test("Q1: structured references to tables on another sheet are computed", () => {
    expect(synth("B2")).toBe(1050.5); // SUM(Financements[Montant])
    expect(synth("B3")).toBe(400); // SUMIFS(Financements[Montant],Financements[Commune],A2)
    expect(synth("B4")).toBe(105); // column name with a space
    expect(synth("B5")).toBe(55); // criterion column with an accent (Année)
    expect(synth("B6")).toBe(5); // ROWS(Financements[Montant])
    expect(synth("B7")).toBe(communes.reduce((s, c) => s + c.population, 0)); // table name with underscore
    expect(synth("B8")).toBe(communes.filter((c) => c.bassin === "Nord").reduce((s, c) => s + c.cej, 0));
    expect(synth("B9")).toBe(1155.5); // column range [[Montant]:[Montant CEJ]]
    expect(synth("B10")).toBe(1);
    expect(synth("B11")).toBe(1050);
    expect(synth("B12")).toBe(50.5);
    expect(synth("B13")).toBe(1050.5); // [[#Data],[Montant]]
    expect(synth("B14")).toBe(2101); // calculated column using [[#This Row],[Montant]]
    expect(value(FIN, "E3")).toBe(400);
  });

  test("Q2: workbook-level defined names pointing at 'Paramètres CTG' work in formulas", () => {
    expect(synth("C2")).toBe(679.01); // ROUND(1234.567*0.55,2)
    expect(synth("C3")).toBe(1234.567);
    expect(synth("C4")).toBe(communes.reduce((s, c) => s + c.population, 0));
  });

  test("Q3: lookup/aggregate functions over absolute ranges of 'Communes CTG'", () => {
    const sud = communes.filter((c) => c.bassin === "Sud");
    expect(synth("D2")).toBe(1100); // INDEX/MATCH
    expect(synth("D3")).toBe(sud.reduce((s, c) => s + c.cej, 0)); // SUMIFS with a criterion cell
    expect(synth("D4")).toBe(sud.filter((c) => c.population > 1200).length); // COUNTIFS
    expect(synth("D5")).toBe(communes.reduce((s, c) => s + c.population * c.cej, 0)); // SUMPRODUCT
    expect(synth("D6")).toBe("grand"); // IF returning text
    expect(synth("D7")).toBe(
      Math.round((communes.reduce((s, c) => s + c.population * c.cej, 0) / 3) * 100) / 100,
    );
    expect(synth("D8")).toBe(1.5); // MIN
    expect(synth("D9")).toBe(-1); // IFERROR around a failed MATCH
    expect(synth("D10")).toBe("div0");
    expect(synth("D11")).toBe(communes.filter((c) => c.bassin === "Nord").reduce((s, c) => s + c.cej, 0));
    expect(synth("D12")).toBe(1000);
    expect(synth("D13")).toBe(1070); // MATCH on an accented text
    expect(synth("D14")).toBe(2469.134);
  });

  test('Q4: text formula results (t="str") and inline strings come back', () => {
    expect(synth("F2")).toBe("CTG Autun");
    expect(cell(SYNTH, "F2").type).toBe("str");
    expect(synth("F3")).toBe("AUTUN / cej");
    expect(synth("F4")).toBe(true);
    expect(cell(SYNTH, "F4").type).toBe("b");
    // inline strings were read (the formulas above use them) and are re-saved as shared strings
    expect(synth("A2")).toBe("Autun");
    expect(cell(SYNTH, "A2").type).toBe("s");
    expect(value(PARAMS, "A3")).toBe("Coût HT");
  });

  test("Q5: ROUND rounds half away from zero on the decimal value, like Excel", () => {
    expect(synth("G2")).toBe(2.68);
    expect(synth("G3")).toBe(-2.68);
    expect(synth("G4")).toBe(1.01);
    expect(synth("G5")).toBe(0.13);
    expect(synth("G6")).toBe(3);
    expect(synth("G7")).toBe(-3);
    expect(synth("G8")).toBe(0.29);
    expect(synth("G9")).toBe(0.44);
  });

  test("Q6: a pristine profile never recalculates; fullCalcOnLoad is ignored; only cells without <v> get computed", () => {
    const report: Record<string, CellValue[]> = {};
    for (const key of Object.keys(Q6_VARIANTS)) {
      const cells = q6.get(key);
      if (!cells) throw new Error(`no output for ${key}`);
      // A2 = A1*3 and A3 = SUM(A1:A2) carry a wrong cached 999999; A4 = A1+1 has no <v>.
      report[key] = ["A2", "A3", "A4"].map((ref) => value("Feuil1", ref, cells));
    }
    expect(report).toEqual({
      noAppXmlNoFlag: [WRONG_NUMBER, WRONG_NUMBER, 3],
      excelFullCalcOnLoad: [WRONG_NUMBER, WRONG_NUMBER, 3],
      ctgPlannerFullCalcOnLoad: [WRONG_NUMBER, WRONG_NUMBER, 3],
    });
  });

  test('Q7: worksheet-scoped defined names survive the round trip, but lose hidden="1"', () => {
    expect(synth("H2")).toBe("ctg"); // sheet-scoped text constant used on its own sheet
    expect(synth("H3")).toBe(1050.5); // sheet-scoped range name
    const workbookXml = mainParts.get("xl/workbook.xml") ?? "";
    const names = (workbookXml.match(/<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? []).sort();
    expect(names).toEqual(
      [
        '<definedName function="false" hidden="false" name="CTG_CoutHT" vbProcedure="false">&apos;Paramètres CTG&apos;!$B$3</definedName>',
        '<definedName function="false" hidden="false" name="CTG_Populations" vbProcedure="false">&apos;Communes CTG&apos;!$C$5:$C$38</definedName>',
        '<definedName function="false" hidden="false" name="CTG_TauxCaf" vbProcedure="false">&apos;Paramètres CTG&apos;!$B$4</definedName>',
        '<definedName function="false" hidden="false" name="CTG_Version" vbProcedure="false">&quot;1.0&quot;</definedName>',
        '<definedName function="false" hidden="false" localSheetId="1" name="CTG_LocalTotal" vbProcedure="false">Synthèse!$B$2</definedName>',
        '<definedName function="false" hidden="false" localSheetId="1" name="CTG_Marker" vbProcedure="false">&quot;ctg&quot;</definedName>',
      ].sort(),
    );
    // LibreOffice drops fullCalcOnLoad/calcId from calcPr on export.
    expect(workbookXml).not.toContain("fullCalcOnLoad");
  });

  test("Q8: data validations survive the round trip (the list gains operator=between and <formula2>0)", () => {
    const xml = sheetXmlOf(PARAMS);
    const dv = xml.match(/<dataValidations\b.*<\/dataValidations>/s)?.[0] ?? "";
    expect(dv).toBe(
      '<dataValidations count="2">' +
        '<dataValidation allowBlank="true" errorStyle="stop" operator="between" showDropDown="false" showErrorMessage="true" showInputMessage="true" sqref="B5" type="list">' +
        "<formula1>&quot;cej,population,communes,equal&quot;</formula1><formula2>0</formula2></dataValidation>" +
        '<dataValidation allowBlank="true" error="Entre 0 et 1" errorStyle="stop" errorTitle="Taux" operator="between" showDropDown="false" showErrorMessage="true" showInputMessage="false" sqref="B4" type="decimal">' +
        "<formula1>0</formula1><formula2>1</formula2></dataValidation>" +
        "</dataValidations>",
    );
  });

  test("round trip: formulas are written back verbatim; tables keep name, ref and columns but lose style and calculated-column formula", () => {
    expect(cell(SYNTH, "B5").formula).toBe("SUMIFS(Financements[Montant CEJ],Financements[Année],2025)");
    expect(cell(SYNTH, "B9").formula).toBe("SUM(Financements[[Montant]:[Montant CEJ]])");
    expect(cell(SYNTH, "C2").formula).toBe("ROUND(CTG_CoutHT*CTG_TauxCaf,2)");
    expect(cell(FIN, "E2").formula).toBe("Financements[[#This Row],[Montant]]*2");
    const tables = [...mainParts.entries()]
      .filter(([name]) => name.startsWith("xl/tables/"))
      .map(([, xml]) => xml);
    const fin = tables.find((xml) => xml.includes('name="Financements"')) ?? "";
    const communesTable = tables.find((xml) => xml.includes('name="CTG_Communes"')) ?? "";
    expect(communesTable).toContain('ref="B4:E38"');
    expect(fin).toContain('ref="A1:E6"');
    expect(fin).toContain(
      '<tableColumn id="3" name="Montant CEJ"/><tableColumn id="4" name="Année"/><tableColumn id="5" name="Part"/>',
    );
    expect(fin).not.toContain("calculatedColumnFormula");
    expect(fin).not.toContain("tableStyleInfo");
  });
});
