import { strToU8 } from "fflate";
import {
  openPackage,
  readRelationships,
  relsPathOf,
  resolveTarget,
  savePackage,
  WorkbookFileError,
  type WorkbookFileErrorReason,
} from "../../../src/workbook/xlsx";
import { relativeTarget } from "../../../src/workbook/xlsx/package";
import { excelLikeWorkbook, zipParts } from "../../fixtures/xlsx-builder";
import { bytesEqual, unzip } from "./package-checks";

function reasonOf(bytes: Uint8Array): WorkbookFileErrorReason | "opened" {
  try {
    openPackage(bytes);
    return "opened";
  } catch (err) {
    if (err instanceof WorkbookFileError) return err.reason;
    throw err;
  }
}

/** An OLE compound file header, optionally with a directory entry name in UTF-16LE. */
function oleFile(streamName?: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  if (streamName !== undefined) {
    for (let i = 0; i < streamName.length; i++) bytes[1024 + 2 * i] = streamName.charCodeAt(i);
  }
  return bytes;
}

describe("openPackage", () => {
  test("opens an Excel-like workbook and finds the workbook part through _rels/.rels", () => {
    const pkg = openPackage(excelLikeWorkbook());
    expect(pkg.workbookPath).toBe("xl/workbook.xml");
    expect(pkg.parts.has("xl/worksheets/sheet1.xml")).toBe(true);
  });

  test("finds a workbook part that is not at xl/workbook.xml", () => {
    const bytes = zipParts([
      [
        "[Content_Types].xml",
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ],
      [
        "_rels/.rels",
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>',
      ],
      [
        "book/main.xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
      ],
    ]);
    expect(openPackage(bytes).workbookPath).toBe("book/main.xml");
  });

  test("reports an encrypted (password-protected) workbook", () => {
    expect(reasonOf(oleFile("EncryptedPackage"))).toBe("encrypted");
    expect(reasonOf(oleFile("EncryptionInfo"))).toBe("encrypted");
  });

  test("reports other files as not a zip (legacy .xls, text, empty)", () => {
    expect(reasonOf(oleFile("Workbook"))).toBe("not-a-zip");
    expect(reasonOf(strToU8("Commune;Montant\nAutun;100\n"))).toBe("not-a-zip");
    expect(reasonOf(new Uint8Array(0))).toBe("not-a-zip");
  });

  test("reports a zip that is not a workbook", () => {
    expect(reasonOf(zipParts({ "hello.txt": "hi" }))).toBe("not-a-workbook");
    const docx = zipParts({
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      "word/document.xml":
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    });
    expect(reasonOf(docx)).toBe("not-a-workbook");
    const missing = zipParts({
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    });
    expect(reasonOf(missing)).toBe("not-a-workbook");
  });

  test("reports a damaged zip or package as corrupt", () => {
    const good = excelLikeWorkbook();
    expect(reasonOf(good.slice(0, Math.floor(good.length / 2)))).toBe("corrupt");
    const badXml = zipParts({
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": "<workbook><sheets></workbook>",
    });
    expect(reasonOf(badXml)).toBe("corrupt");
  });
});

describe("relationships", () => {
  test("targets resolve relative to the source part's folder, or from the root when absolute", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "/xl/tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/workbook.xml", "./styles.xml")).toBe("xl/styles.xml");
    expect(relsPathOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPathOf("")).toBe("_rels/.rels");
    expect(relativeTarget("xl/worksheets/ctg1.xml", "xl/tables/table2.xml")).toBe("../tables/table2.xml");
    expect(relativeTarget("xl/workbook.xml", "xl/worksheets/ctg1.xml")).toBe("worksheets/ctg1.xml");
  });

  test("absolute targets (openpyxl) and external targets", () => {
    const pkg = openPackage(excelLikeWorkbook({ absoluteTargets: true }));
    const rels = readRelationships(pkg, "xl/worksheets/sheet1.xml");
    expect(rels.find((r) => r.id === "rId1")?.path).toBe("xl/tables/table1.xml");
    const ext = zipParts({
      "_rels/.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      "xl/workbook.xml": '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/a" TargetMode="External"/></Relationships>',
    });
    const extRels = readRelationships(openPackage(ext), "xl/workbook.xml");
    expect(extRels).toEqual([
      {
        id: "rId9",
        type: expect.stringMatching(/hyperlink$/),
        target: "https://example.org/a",
        external: true,
        path: null,
      },
    ]);
  });
});

describe("savePackage", () => {
  test("round-trips every part's bytes, [Content_Types].xml first, in the original order", () => {
    const input = excelLikeWorkbook();
    const pkg = openPackage(input);
    const output = savePackage(pkg);
    const a = unzip(input);
    const b = unzip(output);
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect([...b.keys()][0]).toBe("[Content_Types].xml");
    for (const [name, bytes] of a) expect(bytesEqual(b.get(name), bytes)).toBe(true);
  });

  test("appends new parts and moves [Content_Types].xml first", () => {
    const pkg = openPackage(excelLikeWorkbook());
    const ct = pkg.parts.get("[Content_Types].xml");
    if (!ct) throw new Error("no content types");
    pkg.parts.delete("[Content_Types].xml");
    pkg.parts.set("[Content_Types].xml", ct);
    pkg.parts.set("xl/new.xml", strToU8("<x/>"));
    const names = [...unzip(savePackage(pkg)).keys()];
    expect(names[0]).toBe("[Content_Types].xml");
    expect(names[names.length - 1]).toBe("xl/new.xml");
  });
});
