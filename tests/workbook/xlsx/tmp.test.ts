import { bigWorkbook } from "../../fixtures/xlsx-builder";
import { openPackage, readGrid } from "../../../src/workbook/xlsx";
import { scanWorksheet } from "../../../src/workbook/xlsx/scan";
import { decodeText } from "../../../src/workbook/xlsx/xml";
test("p", () => {
  let t = performance.now();
  const bytes = bigWorkbook(100000);
  console.log("build", performance.now() - t, bytes.length);
  t = performance.now();
  const pkg = openPackage(bytes);
  console.log("open", performance.now() - t);
  const part = pkg.parts.get("xl/worksheets/sheet1.xml")!;
  t = performance.now(); const xml = decodeText(part); console.log("decode", performance.now() - t, xml.length);
  for (let i = 0; i < 3; i++) { t = performance.now(); scanWorksheet(xml, []); console.log("scan", performance.now() - t); }
  for (let i = 0; i < 3; i++) { t = performance.now(); readGrid(pkg, "Gros"); console.log("readGrid", performance.now() - t); }
});
