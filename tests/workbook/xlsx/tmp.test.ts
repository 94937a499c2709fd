import { bigWorkbook } from "../../fixtures/xlsx-builder";
import { openPackage, readGrid } from "../../../src/workbook/xlsx";
import { scanWorksheet } from "../../../src/workbook/xlsx/scan";
import { decodeText } from "../../../src/workbook/xlsx/xml";
test("p", () => {
  const pkg = openPackage(bigWorkbook(100000));
  const part = pkg.parts.get("xl/worksheets/sheet1.xml")!;
  for (let i = 0; i < 4; i++) {
    let t = performance.now(); const xml = decodeText(part); const d = performance.now() - t;
    t = performance.now(); const s = scanWorksheet(xml, []); const sc = performance.now() - t;
    t = performance.now(); readGrid(pkg, "Gros"); const rg = performance.now() - t;
    console.log(`decode ${d.toFixed(0)} scan ${sc.toFixed(0)} readGrid ${rg.toFixed(0)} ${s.rows.size}`);
  }
});
