// The fingerprint of the formulas written (issue #5, "flag the summary as out of date"): stored by every
// generation in the name CTG_Empreinte, computed again by the pane. A value edited in the inputs keeps
// it (the live formulas follow); a change that needs new formulas (a new commune, domain, year or
// scenario column) changes it.

import { strFromU8, unzipSync } from "fflate";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import {
  FORMULAS_KEY_NAME,
  SCENARIOS_LAYOUT,
  formulasKey,
  formulasKeyOfName,
  langOfFormulasKey,
} from "../../src/report";
import { planWorkbook, reportFromResult, type WorkbookSnapshot } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../helpers/summarize";
import { patchCells } from "../helpers/patch-xlsx";

const NOW = new Date("2026-11-28T12:00:00Z");

async function generated(bytes: Uint8Array, lang: "fr" | "en" = "fr"): Promise<Uint8Array> {
  const result = await summarizeWorkbook(bytes, { lang, version: "test", now: NOW });
  if (result.output === null) throw new Error(JSON.stringify(result.issues));
  return result.output;
}

/** The fingerprint the workbook would get if generated now, in `lang`. */
async function keyNow(snapshot: WorkbookSnapshot, lang: "fr" | "en" = "fr"): Promise<string> {
  const result = planWorkbook(snapshot);
  if (result.status === "blocked")
    throw new Error(JSON.stringify(result.issues.filter((i) => i.severity === "error")));
  const report = await reportFromResult(snapshot, result, { lang, version: "x", now: NOW });
  return formulasKey(report);
}

const snap = (bytes: Uint8Array): WorkbookSnapshot => snapshotPackage(openPackage(bytes));

test("the name CTG_Empreinte holds the fingerprint of the formulas, read back by the snapshot", async () => {
  const demo = demoWorkbook(COMMUNES, "fr");
  expect(snap(demo).formulasKey).toBeNull();
  const out = await generated(demo);
  const snapshot = snap(out);
  expect(snapshot.formulasKey).toMatch(/^fr:[0-9a-f]{16}$/);
  expect(snapshot.formulasKey).toBe(await keyNow(snapshot));
  // A second generation does not pile names up: one CTG_Empreinte, same fingerprint.
  const again = await generated(out);
  const xml = strFromU8(unzipSync(again)["xl/workbook.xml"] ?? new Uint8Array());
  expect(xml.split(`name="${FORMULAS_KEY_NAME}"`).length).toBe(2);
  expect(snap(again).formulasKey).toBe(snapshot.formulasKey);
});

test("values typed in the inputs keep the fingerprint; a new commune, year or scenario column changes it", async () => {
  const out = await generated(demoWorkbook(COMMUNES, "fr"));
  const stored = snap(out).formulasKey;
  const input = snap(out).input;
  const grid = input.grid;
  const header = grid.findIndex((r) => r.some((v) => typeof v === "string" && /commune/i.test(v)));
  const amountCol = grid[header]?.findIndex((v) => typeof v === "string" && /montant/i.test(v)) ?? -1;
  const communeCol = grid[header]?.findIndex((v) => typeof v === "string" && /commune/i.test(v)) ?? -1;
  const yearCol = grid[header]?.findIndex((v) => typeof v === "string" && /ann/i.test(v)) ?? -1;
  expect([header, amountCol, communeCol, yearCol].every((x) => x >= 0)).toBe(true);
  const top = input.origin.topLeft;
  const row0 = Number(/\d+$/.exec(top)?.[0]) - 1;
  const cellOf = (r: number, c: number): string => a1(row0 + r, c);

  // An amount edited: the formulas are the same.
  const amount = patchCells(out, input.sheet, { [cellOf(header + 1, amountCol)]: 123456.78 });
  expect(await keyNow(snap(amount))).toBe(stored);
  // A row moved to a reference commune that had none, spelled as the reference spells it: the summary
  // already sums every reference commune by name, live.
  const ecuisses = COMMUNES.find((c) => c.name === "Écuisses");
  const inseeCol = grid[header]?.findIndex((v) => typeof v === "string" && /insee/i.test(v)) ?? -1;
  const commune = patchCells(out, input.sheet, {
    [cellOf(header + 1, communeCol)]: "Écuisses",
    ...(inseeCol >= 0 ? { [cellOf(header + 1, inseeCol)]: ecuisses?.insee ?? "" } : {}),
  });
  expect(await keyNow(snap(commune))).toBe(stored);
  // The same commune spelled another way (`ECUISSES`): the summary's criteria do not know that spelling.
  const spelled = patchCells(out, input.sheet, {
    [cellOf(header + 1, communeCol)]: "ECUISSES",
    ...(inseeCol >= 0 ? { [cellOf(header + 1, inseeCol)]: ecuisses?.insee ?? "" } : {}),
  });
  expect(await keyNow(snap(spelled))).not.toBe(stored);
  // A new year.
  const year = patchCells(out, input.sheet, { [cellOf(header + 1, yearCol)]: 2031 });
  expect(await keyNow(snap(year))).not.toBe(stored);
  // A scenario column added on Scénarios CTG: the comparison needs a column for it.
  const R = SCENARIOS_LAYOUT.rows;
  const scenario = patchCells(out, "Scénarios CTG", {
    [a1(R.name, SCENARIOS_LAYOUT.firstCol + 1)]: "Coût 46k",
  });
  expect(await keyNow(snap(scenario))).not.toBe(stored);
  // A scenario's value edited: live.
  const cost = patchCells(out, "Scénarios CTG", { [a1(R.costHT, SCENARIOS_LAYOUT.firstCol)]: 46000 });
  expect(await keyNow(snap(cost))).toBe(stored);
});

test("the fingerprint carries its language; names that are not string constants give null", async () => {
  const out = await generated(demoWorkbook(COMMUNES, "en"), "en");
  const key = snap(out).formulasKey ?? "";
  expect(langOfFormulasKey(key)).toBe("en");
  expect(await keyNow(snap(out), "en")).toBe(key);
  expect(await keyNow(snap(out), "fr")).not.toBe(key);
  expect(langOfFormulasKey("de:0123456789abcdef")).toBeNull();
  expect(formulasKeyOfName('="fr:0123456789abcdef"')).toBe("fr:0123456789abcdef");
  expect(formulasKeyOfName('"a""b"')).toBe('a"b');
  expect(formulasKeyOfName("'Paramètres CTG'!$B$4")).toBeNull();
  expect(formulasKeyOfName("=42")).toBeNull();
});

test("the fingerprint of a given text never changes (workbooks store it): FNV-1a, two 32-bit lanes", () => {
  const formula = (row: number, col: number, text: string): unknown => ({
    row,
    col,
    value: { kind: "formula", formula: text },
  });
  const report = {
    lang: "fr",
    sheets: [
      {
        kind: "synthesis",
        name: "Synthèse CEJ",
        cells: [formula(4, 1, "ROUND(B4*0,5;2)"), formula(2, 3, "SUM('Paramètres CTG'!B5:B9)")],
      },
      { kind: "checks", name: "Contrôles", cells: [] },
    ],
  } as unknown as Parameters<typeof formulasKey>[0];
  // The value the first implementation (Math.imul) gave for this text.
  expect(formulasKey(report)).toBe("fr:fdcffc25a617ed90");
});
