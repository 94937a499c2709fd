// The `ctg-planner` command, run in-process with captured streams, on real files in a temp folder.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main, parseScenarioSpec, type Io, type ScenariosJson } from "../../src/cli/main";
import type { PlanJson } from "../../src/report/plan-json";
import type { RawValue } from "../../src/core/types";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { openPackage } from "../../src/workbook/xlsx/package";
import { listSheets } from "../../src/workbook/xlsx/read";
import { readXlsxCells } from "../helpers/xlsx-values";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-cli-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const at = (name: string): string => path.join(dir, name);

/** A small funding workbook on a sheet named Financements, header on row 1. */
function fundingFile(
  name: string,
  rows: RawValue[][],
  headers: RawValue[] = ["Commune", "Bassin", "Montant"],
): string {
  const file = at(name);
  fs.writeFileSync(file, createWorkbook([{ name: "Financements", rows: [headers, ...rows] }]));
  return file;
}

test("demo then summarize: exit 0, default output name, a short summary", async () => {
  expect((await run("demo", "-o", at("demo.xlsx"))).code).toBe(0);
  const r = await run("summarize", at("demo.xlsx"));
  expect(r.code).toBe(0);
  expect(r.out).toContain("Total CEJ : 1\u202F350\u202F000,00\u00A0€");
  expect(r.out).toContain("Bassin Nord");
  expect(r.out).toContain(`Écrit : ${at("demo.ctg.xlsx")}`);
  const sheets = listSheets(openPackage(new Uint8Array(fs.readFileSync(at("demo.ctg.xlsx")))));
  expect(sheets.map((s) => s.name)).toEqual([
    "Financements",
    "Paramètres CTG",
    "Communes CTG",
    "Synthèse CEJ",
    "Ingénierie CTG",
    "Répartition bassins",
    "Scénarios CTG",
    "Comparaison scénarios",
    "Contrôles",
  ]);
  // The input file itself is untouched.
  expect(fs.readFileSync(at("demo.xlsx")).length).toBeGreaterThan(0);
  expect(listSheets(openPackage(new Uint8Array(fs.readFileSync(at("demo.xlsx"))))).length).toBe(1);
});

test("--json prints the plan alone on stdout, amounts in euros and rates as fractions", async () => {
  await run("demo", "-o", at("demo.xlsx"));
  const r = await run("summarize", at("demo.xlsx"), "--json", "-o", at("out.xlsx"));
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as PlanJson;
  expect(json.version).toBe(1);
  expect(json.total).toBe(1350000);
  expect(json.key).toBe("cej");
  expect(json.communes).toHaveLength(13);
  expect(json.communes.find((c) => c.name === "Le Creusot")?.insee).toBe("71153");
  expect(json.basins.map((b) => b.basin)).toEqual(["nord", "sud"]);
  expect(json.basins.map((b) => b.communes)).toEqual([18, 16]);
  expect(json.basins.reduce((t, b) => t + b.cejTotal * 100, 0)).toBeCloseTo(135000000, 6);
  expect(json.engineering).toEqual({
    costHT: 40000,
    capHT: 40000,
    eligibleHT: 40000,
    eligibleTTC: 48000,
    cafBase: "ht",
    cafRate: 0.5,
    caf: 20000,
    cuHT: 20000,
    vatRate: 0.2,
    vat: 8000,
    costTTC: 48000,
    cuTTC: 28000,
  });
  const [nord, sud] = json.basins;
  expect(Math.round((nord?.engineering.costHT ?? 0) * 100 + (sud?.engineering.costHT ?? 0) * 100)).toBe(
    4000000,
  );
  expect(Math.round((nord?.engineering.cuTTC ?? 0) * 100 + (sud?.engineering.cuTTC ?? 0) * 100)).toBe(
    2800000,
  );
  expect(r.err).toContain("Écrit");
});

test("input errors: exit 1, each error as Sheet!A1: message, nothing written (also with --json)", async () => {
  const file = fundingFile("bad.xlsx", [
    ["Montcaeu", "", 1000],
    ["Le Creusot", "", "abc"],
  ]);
  const r = await run("summarize", file);
  expect(r.code).toBe(1);
  expect(r.err).toMatch(/^Financements!A2: .*Montceau-les-Mines/m);
  expect(r.err).toMatch(/^Financements!C3: /m);
  expect(r.err).toContain("rien n'a été écrit");
  expect(fs.existsSync(at("bad.ctg.xlsx"))).toBe(false);
  const j = await run("summarize", file, "--json", "--lang", "en");
  expect(j.code).toBe(1);
  const json = JSON.parse(j.out) as PlanJson;
  expect(json.issues.map((i) => `${i.severity} ${i.code} ${i.cell}`)).toEqual([
    "error commune-unknown Financements!A2",
    "error amount-not-a-number Financements!C3",
  ]);
  expect(json.issues[0]?.message).toContain("Montceau-les-Mines");
  expect(fs.readdirSync(dir).sort()).toEqual(["bad.xlsx"]);
});

test("usage and file errors exit 2 with one clear line", async () => {
  expect((await run()).code).toBe(2);
  expect((await run("frobnicate")).code).toBe(2);
  expect((await run("summarize")).code).toBe(2);
  const missing = await run("summarize", at("nope.xlsx"));
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("no such file");
  fs.writeFileSync(at("notes.txt"), "hello");
  expect((await run("summarize", at("notes.txt"))).code).toBe(2);
  fs.writeFileSync(at("fake.xlsx"), "this is not a zip");
  const fake = await run("summarize", at("fake.xlsx"));
  expect(fake.code).toBe(2);
  expect(fake.err.split("\n")[0]).toMatch(/fake\.xlsx/);
  // A password-protected workbook is an OLE compound file.
  // A password-protected workbook is an OLE compound file with an EncryptionInfo stream.
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  fs.writeFileSync(
    at("locked.xlsx"),
    Buffer.concat([ole, Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le"), Buffer.alloc(64)]),
  );
  const locked = await run("summarize", at("locked.xlsx"));
  expect(locked.code).toBe(2);
  expect(locked.err).toMatch(/password/i);
  // A legacy .xls renamed .xlsx is an OLE file without encryption.
  fs.writeFileSync(at("old.xlsx"), Buffer.concat([ole, Buffer.alloc(512)]));
  const old = await run("summarize", at("old.xlsx"));
  expect(old.code).toBe(2);
  expect(old.err).toMatch(/\.xls/);
  await run("demo", "-o", at("demo.xlsx"));
  const noTable = await run("summarize", at("demo.xlsx"), "--table", "Nope");
  expect(noTable.code).toBe(2);
  expect(noTable.err).toContain("Financements");
  expect((await run("summarize", at("demo.xlsx"), "--bogus")).code).toBe(2);
  expect((await run("summarize", at("demo.xlsx"), "--lang", "de")).code).toBe(2);
  expect((await run("summarize", at("demo.xlsx"), "-o", at("x.xlsx"), "--in-place")).code).toBe(2);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith(".ctg.xlsx"))).toEqual([]);
});

test("--in-place rewrites the input; parameters from flags are written and read back on the next run", async () => {
  await run("demo", "-o", at("demo.xlsx"));
  const r = await run(
    "summarize",
    at("demo.xlsx"),
    "--in-place",
    "--cost",
    "46000",
    "--caf-rate",
    "40",
    "--key",
    "population",
    "--json",
  );
  expect(r.code).toBe(0);
  const first = JSON.parse(r.out) as PlanJson;
  expect(first.engineering.costHT).toBe(46000);
  expect(first.engineering.eligibleHT).toBe(40000);
  expect(first.engineering.caf).toBe(16000);
  expect(first.engineering.cuTTC).toBe(46000 + 9200 - 16000);
  expect(first.key).toBe("population");
  expect(first.issues.map((i) => i.code)).toContain("cost-above-cap");
  expect(fs.readdirSync(dir).sort()).toEqual(["demo.xlsx"]);
  // Run again without flags: the parameters come from the workbook's Paramètres CTG.
  const again = await run("summarize", at("demo.xlsx"), "--json", "-o", at("again.xlsx"));
  const second = JSON.parse(again.out) as PlanJson;
  expect(second.engineering.costHT).toBe(46000);
  expect(second.engineering.cafRate).toBe(0.4);
  expect(second.key).toBe("population");
  // Still one set of product sheets.
  expect(listSheets(openPackage(new Uint8Array(fs.readFileSync(at("again.xlsx"))))).length).toBe(9);
});

test("--lang en writes English sheets", async () => {
  await run("demo", "-o", at("demo.xlsx"), "--lang", "en");
  const r = await run("summarize", at("demo.xlsx"), "--lang", "en", "-o", at("en.xlsx"));
  expect(r.code).toBe(0);
  expect(r.out).toContain("CEJ total");
  const names = listSheets(openPackage(new Uint8Array(fs.readFileSync(at("en.xlsx"))))).map((s) => s.name);
  expect(names).toContain("CEJ Summary");
  expect(names).toContain("Checks");
});

test("text from the input that looks like a formula is written as text", async () => {
  // ("-1" and "+1" normalize to the same name, so "-1" gets a row of its own spelling: "-1 x".)
  const evil = ['=HYPERLINK("http://x","y")', "+1", "-1 x", "@SUM(A1)", "-"];
  const file = fundingFile("evil.xlsx", [
    ...evil.map((name, i) => [name, "Sud", 100 + i]),
    ["Le Creusot", "", 1000],
  ]);
  const r = await run("summarize", file, "-o", at("evil.ctg.xlsx"));
  expect(r.code).toBe(0);
  const cells = readXlsxCells(at("evil.ctg.xlsx"));
  const synth = cells.get("Synthèse CEJ");
  expect(synth).toBeDefined();
  const texts = [...(synth?.values() ?? [])].filter((c) => typeof c.value === "string").map((c) => c.value);
  for (const name of evil) expect(texts).toContain(name);
  for (const [, sheet] of cells) {
    for (const [, c] of sheet) {
      // The names may appear inside SUMIFS criteria, as string literals; never as formula code.
      if (c.formula) expect(c.formula.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/HYPERLINK|@SUM/);
    }
  }
  expect(r.err).toContain("Financements!A2");
});

test("the built command runs with node (package.json bin)", () => {
  const root = path.resolve(__dirname, "../..");
  const bin = path.join(root, "dist/cli/ctg-planner.js");
  execFileSync("npx", ["webpack", "--mode", "production", "--config-name", "cli"], {
    cwd: root,
    stdio: "pipe",
  });
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    bin: Record<string, string>;
  };
  expect(pkg.bin["ctg-planner"]).toBe("dist/cli/ctg-planner.js");
  expect(execFileSync("node", [bin, "--version"]).toString().trim()).toBe(pkg.version);
  execFileSync("node", [bin, "demo", "-o", at("d.xlsx")]);
  const out = execFileSync("node", [bin, "summarize", at("d.xlsx"), "--json"]).toString();
  expect((JSON.parse(out) as PlanJson).total).toBe(1350000);
}, 180000);

test("--caf-base ttc: the Caf funds its rate of the eligible base incl. VAT; written, and read back on the next run", async () => {
  await run("demo", "-o", at("demo.xlsx"));
  const r = await run("summarize", at("demo.xlsx"), "--caf-base", "ttc", "--json", "-o", at("ttc.xlsx"));
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as PlanJson;
  expect(json.engineering).toMatchObject({
    costHT: 40000,
    eligibleHT: 40000,
    eligibleTTC: 48000,
    cafBase: "ttc",
    caf: 24000,
    cuHT: 16000,
    costTTC: 48000,
    cuTTC: 24000,
  });
  expect(r.err).toContain("de la base TTC 48\u202F000,00\u00A0€");
  const cells = readXlsxCells(at("ttc.xlsx"));
  expect(cells.get("Paramètres CTG")?.get("B10")?.value).toBe("TTC");
  const again = await run("summarize", at("ttc.xlsx"), "--json", "-o", at("again.xlsx"));
  expect((JSON.parse(again.out) as PlanJson).engineering.cafBase).toBe("ttc");
  // A bad value is an input error on the flag, exit 1, nothing written.
  const bad = await run("summarize", at("demo.xlsx"), "--caf-base", "tva", "-o", at("bad.xlsx"));
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/^--caf-base: Base de calcul de la Caf/m);
  expect(fs.existsSync(at("bad.xlsx"))).toBe(false);
});

test("--scenario adds scenarios to the workbook; `scenarios` lists them and prints the comparison; later runs keep them", async () => {
  await run("demo", "-o", at("demo.xlsx"));
  const r = await run(
    "summarize",
    at("demo.xlsx"),
    "-o",
    at("sc.xlsx"),
    "--scenario",
    "name=Coût 46k;cost=46000",
    "--scenario",
    "nom=Sud élargi;note=Saint-Eusèbe au sud;clé=Population;base-caf=TTC;sud=Saint-Eusèbe",
  );
  expect(r.code).toBe(0);
  expect(r.out).toContain("Scénarios : 3 (Paramètres actuels, Coût 46k, Sud élargi)");
  const sheets = listSheets(openPackage(new Uint8Array(fs.readFileSync(at("sc.xlsx"))))).map((s) => s.name);
  expect(sheets).toContain("Comparaison scénarios");

  const j = await run("scenarios", at("sc.xlsx"), "--json");
  expect(j.code).toBe(0);
  const json = JSON.parse(j.out) as ScenariosJson;
  expect(json.version).toBe(1);
  expect(json.scenarios.map((s) => s.name)).toEqual(["Paramètres actuels", "Coût 46k", "Sud élargi"]);
  expect(json.scenarios.map((s) => s.plan.engineering.cuTTC)).toEqual([28000, 35200, 24000]);
  expect(json.scenarios[1]?.plan.engineering.costHT).toBe(46000);
  expect(json.scenarios[2]?.plan.key).toBe("population");
  expect(json.scenarios[2]?.plan.engineering.cafBase).toBe("ttc");
  expect(json.scenarios[2]?.plan.basins.map((b) => b.communes)).toEqual([17, 17]);
  expect(json.scenarios[2]?.note).toBe("Saint-Eusèbe au sud");
  expect(json.scenarios[1]?.plan.issues.map((i) => i.code)).toEqual(["cost-above-cap"]);
  expect(json.issues).toEqual([]);

  const text = await run("scenarios", at("sc.xlsx"));
  expect(text.code).toBe(0);
  const lines = text.out.split("\n");
  expect(lines[0]).toMatch(/^Scénario\s+Paramètres actuels\s+Coût 46k\s+Sud élargi$/);
  expect(text.out).toMatch(
    /Reste à charge CUCM \(TTC\)\s+28\u202F000,00\u00A0€\s+35\u202F200,00\u00A0€\s+24\u202F000,00\u00A0€/,
  );
  expect(text.out).toContain("+7\u202F200,00\u00A0€");
  expect(text.out).toContain("+25,71\u00A0%");
  const en = await run("scenarios", at("sc.xlsx"), "--lang", "en");
  expect(en.out).toContain("CUCM share incl. VAT: difference in %");

  // A run without --scenario keeps them; one with a name already there replaces that scenario.
  const again = await run(
    "summarize",
    at("sc.xlsx"),
    "-o",
    at("again.xlsx"),
    "--scenario",
    "name=coût 46k;cost=50000",
  );
  expect(again.code).toBe(0);
  const j2 = JSON.parse((await run("scenarios", at("again.xlsx"), "--json")).out) as ScenariosJson;
  expect(j2.scenarios.map((s) => [s.name, s.plan.engineering.costHT])).toEqual([
    ["Paramètres actuels", 40000],
    ["coût 46k", 50000],
    ["Sud élargi", 40000],
  ]);
});

test("`scenarios` on a workbook that holds none gives the current parameters; bad specs are usage or input errors", async () => {
  await run("demo", "-o", at("demo.xlsx"));
  const none = await run("scenarios", at("demo.xlsx"), "--json", "--lang", "en");
  expect(none.code).toBe(0);
  expect((JSON.parse(none.out) as ScenariosJson).scenarios.map((s) => s.name)).toEqual([
    "Current parameters",
  ]);
  expect((await run("scenarios")).code).toBe(2);
  expect((await run("scenarios", at("nope.xlsx"))).code).toBe(2);
  const noName = await run("summarize", at("demo.xlsx"), "--scenario", "cost=46000");
  expect(noName.code).toBe(2);
  expect(noName.err).toContain("name=");
  const badKey = await run("summarize", at("demo.xlsx"), "--scenario", "name=X;colour=blue");
  expect(badKey.code).toBe(2);
  expect(badKey.err).toContain('unknown key "colour"');
  const bad = await run("summarize", at("demo.xlsx"), "--scenario", "name=X;cost=abc;sud=Montcau");
  expect(bad.code).toBe(1);
  expect(bad.err).toMatch(/^--scenario "X" cost: /m);
  expect(bad.err).toMatch(/^--scenario "X" sud: .*Montceau-les-Mines/m);
  expect(fs.existsSync(at("demo.ctg.xlsx"))).toBe(false);
});

test("parseScenarioSpec: pairs separated by ;, keys in English or French, communes separated by ,", () => {
  expect(parseScenarioSpec("name=A; caf-rate=40; vat-rate=5,5 %; nord=Blanzy, 71412 ;cap=45000")).toEqual({
    name: "A",
    params: {
      cafRate: { value: "40 %", cell: '--scenario "A" caf-rate' },
      vatRate: { value: "5,5 %", cell: '--scenario "A" vat-rate' },
      capHT: { value: "45000", cell: '--scenario "A" cap' },
    },
    basins: [
      { commune: "Blanzy", basin: "nord", cell: '--scenario "A" nord' },
      { commune: "71412", basin: "nord", cell: '--scenario "A" nord' },
    ],
  });
  expect(parseScenarioSpec("name=A;oops")).toMatch(/not key=value/);
});

test("parseScenarioSpec: the bonus keys (issue 14), French or English, and the added places COMMUNE:PLACES:YEAR", () => {
  const cell = (k: string): string => `--scenario "M" ${k}`;
  expect(
    parseScenarioSpec(
      "name=M;places=Montceau-les-Mines:30:2024, Blanzy:12:2025;début-sud=2025;revalo-1=2;tranche=3",
    ),
  ).toEqual({
    name: "M",
    params: {},
    basins: [],
    bonus: {
      values: {
        startSud: { value: "2025", cell: cell("début-sud") },
        uplift1: { value: "2 %", cell: cell("revalo-1") },
        tranche: { value: "3", cell: cell("tranche") },
      },
      places: [
        { commune: "Montceau-les-Mines", places: "30", opening: "2024", cell: cell("places") },
        { commune: "Blanzy", places: "12", opening: "2025", cell: cell("places") },
      ],
    },
  });
  expect(parseScenarioSpec("name=M;places=Montceau:30")).toMatch(/COMMUNE:PLACES:YEAR/);
});
