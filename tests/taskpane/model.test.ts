import { COMMUNES } from "../../src/core/communes";
import { formatIssue } from "../../src/i18n";
import { cents, rate } from "../../src/core/money";
import type { ParamName } from "../../src/core/params";
import { planWorkbook, reportFromResult, scenarioPlans, type WorkbookSnapshot } from "../../src/app";
import { ready } from "../helpers/ready";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { browserEnvironment, langOfTag, themeForced } from "../../src/taskpane/env";
import { FileHost, outputFileName } from "../../src/taskpane/file-host";
import type { GenerateProgress } from "../../src/taskpane/host";
import { uiText } from "../../src/taskpane/i18n";
import {
  amountFieldText,
  choiceOfSnapshot,
  fieldsOfParams,
  formatDay,
  localIsoDay,
  movesText,
  pendingScenarioChanges,
  scenarioNameProblem,
  scenarioViews,
  watchedSheets,
  columnOptions,
  formatShare,
  initialParamFields,
  inputChoiceKey,
  inputChoiceLabel,
  issueViews,
  mappingRows,
  paneCellName,
  paneParamOfCell,
  paneView,
  paramInputsFromFields,
  parametersSheet,
  previewView,
  progressLabel,
  rateFieldText,
  withColumn,
} from "../../src/taskpane/model";
import { generateReport } from "../helpers/generate";

const NNBSP = "\u202F";
const NBSP = "\u00A0";

function demoSnapshot(): WorkbookSnapshot {
  return snapshotPackage(openPackage(demoWorkbook(COMMUNES, "fr")));
}

function snapshotOf(rows: unknown[][]): WorkbookSnapshot {
  return snapshotPackage(openPackage(createWorkbook([{ name: "Financements", rows: rows as never }])));
}

describe("parameter fields", () => {
  it("formats amounts and rates as a finance officer types them", () => {
    expect(amountFieldText(cents(4_000_000), "fr")).toBe("40 000,00");
    expect(amountFieldText(cents(4_000_000), "en")).toBe("40,000.00");
    expect(amountFieldText(cents(-150), "en")).toBe("-1.50");
    expect(rateFieldText(rate(500_000), "fr")).toBe("50");
    expect(rateFieldText(rate(333_333), "fr")).toBe("33,3333");
    expect(rateFieldText(rate(55_000), "en")).toBe("5.5");
    expect(rateFieldText(rate(0), "en")).toBe("0");
  });

  it("starts from the defaults when the workbook has no Paramètres CTG", () => {
    expect(initialParamFields({}, "fr")).toEqual({
      costHT: "40 000,00",
      capHT: "40 000,00",
      cafRate: "50",
      vatRate: "20",
      key: "cej",
      cafBase: "ht",
    });
    expect(initialParamFields({}, "en").costHT).toBe("40,000.00");
  });

  it("starts from the workbook's values, and keeps an unreadable one as found", () => {
    const fields = initialParamFields(
      {
        costHT: { value: 35_000, cell: "'Paramètres CTG'!B4" },
        capHT: { value: "abc", cell: "'Paramètres CTG'!B5" },
        cafRate: { value: 0.4, cell: "'Paramètres CTG'!B6" },
        vatRate: { value: "5,5 %", cell: "'Paramètres CTG'!B7" },
        key: { value: "Parts égales", cell: "'Paramètres CTG'!B8" },
        cafBase: { value: "ttc", cell: "'Paramètres CTG'!B9" },
      },
      "fr",
    );
    expect(fields).toEqual({
      costHT: "35 000,00",
      capHT: "abc",
      cafRate: "40",
      vatRate: "5,5",
      key: "equal",
      cafBase: "ttc",
    });
    expect(
      initialParamFields({ cafBase: { value: "moitié", cell: "'Paramètres CTG'!B9" } }, "fr").cafBase,
    ).toBe("moitié");
  });

  it("passes only the edited fields, a percent field read as a percentage, named after the pane", () => {
    const fields = { ...initialParamFields({}, "fr"), cafRate: "40", vatRate: "5,5 %", costHT: "30 000" };
    const edited = new Set<ParamName>(["cafRate", "vatRate"]);
    expect(paramInputsFromFields(fields, edited, "fr")).toEqual({
      cafRate: { value: "40 %", cell: "Volet : taux Caf" },
      vatRate: { value: "5,5 %", cell: "Volet : taux de TVA" },
    });
    expect(paneCellName("costHT", "en")).toBe("Pane: cost excl. VAT");
    expect(paneParamOfCell("Volet : taux Caf", "fr")).toBe("cafRate");
    expect(paneParamOfCell("Financements!F7", "fr")).toBeNull();
  });

  it("re-runs the plan with the pane's parameters", () => {
    const snapshot = demoSnapshot();
    const fields = { ...initialParamFields({}, "fr"), cafRate: "40", key: "equal" };
    const params = paramInputsFromFields(fields, new Set<ParamName>(["cafRate", "key"]), "fr");
    const result = planWorkbook(snapshot, { params });
    const preview = previewView(result, "fr");
    expect(preview?.engineering.find((f) => f.id === "caf")).toEqual({
      id: "caf",
      label: `Participation Caf (40,00${NBSP}%)`,
      value: `16${NNBSP}000,00${NBSP}€`,
      strong: true,
    });
    expect(preview?.keyLabel).toBe("Parts égales");
    expect(preview?.basins.map((b) => b.keyShare)).toEqual([`50,00${NBSP}%`, `50,00${NBSP}%`]);
  });

  it("reports a value typed in the pane at the pane's field, and blocks", () => {
    const fields = { ...initialParamFields({}, "fr"), costHT: "beaucoup" };
    const result = planWorkbook(demoSnapshot(), {
      params: paramInputsFromFields(fields, new Set<ParamName>(["costHT"]), "fr"),
    });
    const view = paneView(demoSnapshot(), result, "fr", (i) => formatIssue(i, "fr"));
    expect(view.blocked).toBe(true);
    expect(view.preview).toBeNull();
    expect(view.errorCount).toBe(1);
    const [issue] = view.issues;
    expect(issue?.cell).toBe("Volet : coût HT");
    expect(issue?.paneParam).toBe("costHT");
    expect(issue?.message).toContain(`«${NBSP}beaucoup${NBSP}» n'est pas une valeur possible`);
  });
});

describe("the demo's view", () => {
  const snapshot = demoSnapshot();
  const result = planWorkbook(snapshot, {});

  it("shows the rows read, no issue, and the totals", () => {
    const view = paneView(snapshot, result, "fr", (i) => formatIssue(i, "fr"));
    expect(view.rowCount).toBe(208);
    expect(view.rowsLabel).toBe("208 lignes lues");
    expect(view.errorCount).toBe(0);
    expect(view.warningCount).toBe(0);
    expect(view.blocked).toBe(false);
    expect(view.mappingNeedsAttention).toBe(false);
    const preview = view.preview;
    expect(preview?.total).toBe(`1${NNBSP}350${NNBSP}000,00${NBSP}€`);
    expect(preview?.summary).toBe("13 communes financées, 208 lignes");
    expect(preview?.basins.map((b) => b.label)).toEqual(["Nord", "Sud"]);
    expect(preview?.keyLabel).toBe("Montants CEJ");
    expect(preview?.basinRows.map((r) => r.id)).toEqual(["cejTotal", "keyShare", "costHT", "caf", "cuTTC"]);
    expect(preview?.engineering.map((f) => f.value)).toEqual(
      [
        "40 000,00",
        "40 000,00",
        "40 000,00",
        "20 000,00",
        "20 000,00",
        "8 000,00",
        "48 000,00",
        "28 000,00",
      ].map((v) => `${v.replace(" ", NNBSP)}${NBSP}€`),
    );
    expect(preview?.capExceeded).toBe(false);
  });

  it("adds up per basin, and the chart says every figure", () => {
    const preview = previewView(result, "en");
    expect(preview).not.toBeNull();
    if (preview === null) return;
    const caf = preview.basins.reduce((s, b) => s + b.cafCents, 0);
    const cu = preview.basins.reduce((s, b) => s + b.cuTTCCents, 0);
    expect(caf).toBe(2_000_000);
    expect(cu).toBe(2_800_000);
    expect(preview.chart.max).toBe(Math.max(...preview.basins.flatMap((b) => [b.cafCents, b.cuTTCCents])));
    expect(preview.chart.title).toBe("Caf share and CUCM share incl. VAT by basin");
    for (const b of preview.basins) {
      expect(preview.chart.desc).toContain(`${b.label} basin: Caf ${b.caf}, CUCM incl. VAT ${b.cuTTC}`);
    }
    expect(preview.basins.map((b) => b.label)).toEqual(["North", "South"]);
  });

  it("offers the table's columns and the mapping the reader guessed", () => {
    const columns = columnOptions(snapshot, result, "fr");
    expect(columns.map((c) => c.label)).toEqual([
      "A : Commune",
      "B : Code INSEE",
      "C : Domaine",
      "D : Action",
      "E : Année",
      "F : Montant CEJ",
    ]);
    const rows = mappingRows(result.read.mapping, "fr");
    expect(rows.find((r) => r.field === "amount")).toEqual({
      field: "amount",
      label: "Montant",
      required: true,
      column: 5,
    });
    expect(rows.find((r) => r.field === "basin")?.column).toBeUndefined();
    const choice = choiceOfSnapshot(snapshot);
    expect(choice).toEqual({ kind: "table", name: "Financements", sheet: "Financements" });
    expect(inputChoiceLabel(choice, "fr")).toBe("Tableau « Financements »");
    expect(inputChoiceLabel({ kind: "table", name: "T1", sheet: "Données" }, "fr")).toBe(
      "Tableau « T1 » (feuille Données)",
    );
    expect(inputChoiceLabel({ kind: "selection", name: "", sheet: "" }, "en")).toBe(
      "Range selected in Excel",
    );
    expect(inputChoiceLabel({ kind: "sheet", name: "Feuil1", sheet: "Feuil1" }, "en")).toBe('Sheet "Feuil1"');
    expect(inputChoiceKey(choice)).toBe("table:Financements");
  });

  it("re-runs with a mapping chosen in the pane", () => {
    const mapping = withColumn(result.read.mapping, "amount", 4); // the year column as amounts
    expect(mapping.amount).toBe(4);
    expect(mapping.year).toBeUndefined(); // a column feeds one field
    const other = planWorkbook(snapshot, { mapping });
    expect(other.plan?.total).not.toBe(result.plan?.total);
  });
});

describe("issues", () => {
  const snapshot = snapshotOf([
    ["Commune", "Montant"],
    ["Le Creusot", 1000],
    ["Atlantis", 500],
    ["Montceau-les-Mines", "abc"],
    ["Blanzy", "1 000,00 €"],
  ]);
  const result = planWorkbook(snapshot, {});

  it("lists errors first, each with its cell and formatIssue's sentence", () => {
    const views = issueViews(result.issues, "fr", (i) => formatIssue(i, "fr"));
    expect(views.map((v) => [v.severity, v.cell])).toEqual([
      ["error", "Financements!A3"],
      ["error", "Financements!B4"],
      ["warning", "Financements!B5"],
    ]);
    const source = result.issues.find((i) => i.cell === "Financements!B4");
    expect(source).toBeDefined();
    if (source !== undefined) expect(views[1]?.message).toBe(formatIssue(source, "fr"));
    expect(views[0]?.message).toContain(`Commune inconnue «${NBSP}Atlantis${NBSP}»`);
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
    const view = paneView(snapshot, result, "en", (i) => formatIssue(i, "en"));
    expect([view.errorCount, view.warningCount, view.blocked, view.preview]).toEqual([2, 1, true, null]);
    expect(view.issues[1]?.message).toContain('"abc" is not an amount');
  });

  it("opens the mapping when the header is not found", () => {
    const bad = snapshotOf([
      ["Nom", "Valeur"],
      ["Le Creusot", 1000],
    ]);
    const view = paneView(bad, planWorkbook(bad, {}), "fr", (i) => formatIssue(i, "fr"));
    expect(view.mappingNeedsAttention).toBe(true);
    expect(view.blocked).toBe(true);
  });
});

describe("labels", () => {
  it("formats shares, counts and steps in both languages", () => {
    expect(formatShare(0.45871, "fr")).toBe(`45,87${NBSP}%`);
    expect(formatShare(0.5, "en")).toBe("50.00%");
    expect(uiText("fr").errorsBadge(0)).toBe("0 erreur");
    expect(uiText("fr").errorsBadge(2)).toBe("2 erreurs");
    expect(uiText("en").errorsBadge(0)).toBe("0 errors");
    expect(uiText("en").warningsBadge(1)).toBe("1 warning");
    expect(uiText("fr").rowsRead(1208)).toBe(`1${NNBSP}208 lignes lues`);
    const p: GenerateProgress = { step: "sheet", done: 1, total: 3 };
    expect(progressLabel(p, "fr")).toBe("Écriture des feuilles de synthèse (étape 2 sur 3)");
    expect(progressLabel({ ...p, sheet: "Contrôles" }, "en")).toBe('Writing sheet "Contrôles" (step 2 of 3)');
    expect(progressLabel({ step: "done", done: 3, total: 3 }, "fr")).toBe("Terminé");
  });

  it("has the same words in French and English", () => {
    const keys = (o: object): string[] =>
      Object.entries(o)
        .flatMap(([k, v]) => (v !== null && typeof v === "object" ? keys(v).map((s) => `${k}.${s}`) : [k]))
        .sort();
    expect(keys(uiText("en"))).toEqual(keys(uiText("fr")));
  });
});

describe("environment", () => {
  it("is French unless the browser or the URL says English", () => {
    expect(langOfTag("en-US")).toBe("en");
    expect(langOfTag("EN")).toBe("en");
    expect(langOfTag("fr-FR")).toBe("fr");
    expect(langOfTag("de-DE")).toBe("fr");
    expect(langOfTag(undefined)).toBe("fr");
    expect(browserEnvironment("", "en-GB", false)).toEqual({ lang: "en", theme: "light" });
    expect(browserEnvironment("?lang=fr", "en-GB", true)).toEqual({ lang: "fr", theme: "dark" });
    expect(browserEnvironment("?lang=en&theme=light", "fr", true)).toEqual({ lang: "en", theme: "light" });
    expect(browserEnvironment("?theme=dark&lang=xx", "fr-CA", false)).toEqual({ lang: "fr", theme: "dark" });
    expect(themeForced("?theme=dark")).toBe(true);
    expect(themeForced("?lang=en")).toBe(false);
  });
});

describe("the file host", () => {
  it("names the download after the workbook", () => {
    expect(outputFileName("demo.xlsx")).toBe("demo.ctg.xlsx");
    expect(outputFileName("Budget 2026.XLSX")).toBe("Budget 2026.ctg.xlsx");
    expect(outputFileName("budget.ctg.xlsx")).toBe("budget.ctg.xlsx");
    expect(outputFileName(".xlsx")).toBe("classeur.ctg.xlsx");
  });

  it("holds the demo, lists its inputs, and writes the report into a download", async () => {
    const host = FileHost.withDemo("fr");
    expect(host.kind).toBe("file");
    expect(host.file.name()).toBe("demo.xlsx");
    expect(host.file.isDemo()).toBe(true);
    expect(await host.listInputs()).toEqual([
      { kind: "table", name: "Financements", sheet: "Financements" },
      { kind: "sheet", name: "Financements", sheet: "Financements" },
    ]);
    const snapshot = await host.snapshot(null);
    expect(snapshot.input.table).toBe("Financements");
    expect(
      (await host.snapshot({ kind: "sheet", name: "Financements", sheet: "Financements" })).input.sheet,
    ).toBe("Financements");
    const result = planWorkbook(snapshot, {});
    const report = await reportFromResult(snapshot, ready(result), { lang: "fr", version: "test" });
    const steps: GenerateProgress[] = [];
    const outcome = await generateReport(host, snapshot, report, (p) => steps.push(p));
    expect(steps.map((s) => s.step)).toEqual(["prepare", "sheet", "save", "done"]);
    expect(steps.every((s) => s.done <= s.total)).toBe(true);
    expect(outcome.sheets).toEqual(report.sheets.map((s) => s.name));
    expect(outcome.sheets).toContain("Contrôles");
    expect(outcome.download?.fileName).toBe("demo.ctg.xlsx");
    expect(outcome.download?.url).toMatch(/^blob:/);
    if (outcome.download !== undefined) URL.revokeObjectURL(outcome.download.url);
    await expect(host.selectCell("Financements!F7")).resolves.toBeUndefined();
    await expect(host.activateSheet("Contrôles")).resolves.toBeUndefined();
  });

  it("opens a picked file, refuses one that is not a workbook, and goes back to the demo", async () => {
    const host = FileHost.withDemo("en");
    const bytes = createWorkbook([
      {
        name: "Data",
        rows: [
          ["Commune", "Montant"],
          ["Blanzy", 10],
        ],
      },
    ]);
    await host.file.open(new File([bytes.slice().buffer as ArrayBuffer], "mine.xlsx"));
    expect(host.file.name()).toBe("mine.xlsx");
    expect(host.file.isDemo()).toBe(false);
    expect((await host.snapshot(null)).input.sheet).toBe("Data");
    await expect(host.file.open(new File(["not a zip"], "notes.xlsx"))).rejects.toMatchObject({
      name: "WorkbookFileError",
      reason: "not-a-zip",
    });
    expect(host.file.name()).toBe("mine.xlsx"); // unchanged
    await host.file.openDemo("en");
    expect(host.file.isDemo()).toBe(true);
    expect((await host.listInputs())[0]?.name).toBe("Financements");
  });
});

describe("the workbook's parameters", () => {
  it("names the sheet they come from", () => {
    expect(parametersSheet({})).toBeNull();
    expect(parametersSheet({ cafRate: { value: 0.5, cell: "'Paramètres CTG'!B6" } })).toBe("Paramètres CTG");
    expect(parametersSheet({ key: { value: "cej", cell: "Params!$B$8" } })).toBe("Params");
    expect(parametersSheet({ key: { value: "cej", cell: "'L''été'!B8" } })).toBe("L'été");
  });
});

describe("scenarios in the pane", () => {
  const NNB = (text: string): string => text.replace(/[\u00A0\u202F]/g, " ");
  const demo = demoSnapshot();
  const current = planWorkbook(demo).plan?.params;
  if (current === undefined) throw new Error("no plan");
  const scenario = (name: string, costHT: number, basinOverrides: Record<string, "nord" | "sud"> = {}) => ({
    name,
    note: "",
    date: "2026-11-28",
    params: { ...current, costHT: cents(costHT) },
    basinOverrides,
  });

  it("saved, renamed and deleted scenarios: the list, their status, figures and differences", () => {
    const edits = [
      { kind: "add", scenario: scenario("Coût 46k", 4_600_000) },
      { kind: "add", scenario: scenario("Coût 30k", 3_000_000) },
      { kind: "rename", from: "coût 46K", to: "Mission 46k" },
      { kind: "add", scenario: scenario("Brouillon", 1) },
      { kind: "delete", name: "BROUILLON" },
    ] as const;
    const result = planWorkbook(demo, { scenarioEdits: edits, lang: "fr", date: "2026-11-28" });
    const views = scenarioViews(result, edits, "fr");
    expect(views.map((v) => [v.name, v.status, v.first])).toEqual([
      ["Paramètres actuels", "read", true],
      ["Mission 46k", "new", false],
      ["Coût 30k", "new", false],
    ]);
    expect(NNB(views[0]?.figures ?? "")).toBe("CUCM TTC 28 000,00 € · Caf 20 000,00 €");
    expect(views[0]?.diff).toBeNull();
    expect(NNB(views[1]?.diff ?? "")).toBe("+7 200,00 € (+25,71 %) par rapport au premier");
    // 30 000 € HT: Caf 15 000, CUCM TTC 36 000 − 15 000 = 21 000, 7 000 less than 28 000.
    expect(NNB(views[2]?.figures ?? "")).toBe("CUCM TTC 21 000,00 € · Caf 15 000,00 €");
    expect(NNB(views[2]?.diff ?? "")).toBe("-7 000,00 € (-25,00 %) par rapport au premier");
    expect(views[1]?.keyLine).toBe("Clé Montants CEJ, Caf sur le coût HT");
    expect(pendingScenarioChanges(edits)).toBe(2);
  });

  it("renaming or deleting a scenario read from the workbook counts as a change to write", () => {
    const read = [scenario("A", 4_000_000), scenario("B", 4_600_000)];
    const snapshot = { ...demo, scenarios: null };
    const base = planWorkbook(snapshot, {
      scenarioEdits: read.map((s) => ({ kind: "add", scenario: s }) as const),
    });
    expect(scenarioPlans(base).map((s) => s.scenario.name)).toEqual(["Paramètres actuels", "A", "B"]);
    const edits = [
      { kind: "rename", from: "A", to: "Alpha" },
      { kind: "delete", name: "B" },
    ] as const;
    expect(pendingScenarioChanges(edits)).toBe(2);
    expect(pendingScenarioChanges([{ kind: "rename", from: "A", to: "A" }])).toBe(0);
    expect(pendingScenarioChanges([])).toBe(0);
    const views = scenarioViews(
      {
        ...ready(base),
        scenarios: {
          kind: "listed",
          plans: scenarioPlans(base).map((s) =>
            s.scenario.name === "A" ? { ...s, scenario: { ...s.scenario, name: "Alpha" } } : s,
          ),
        },
      },
      edits,
      "en",
    );
    expect(views.find((v) => v.name === "Alpha")).toMatchObject({ status: "renamed", renamedFrom: "A" });
  });

  it("names: required, at most 255 characters, not taken (case ignored)", () => {
    expect(scenarioNameProblem("  ", [], "fr")).toBe("Donnez un nom au scénario.");
    expect(scenarioNameProblem("x".repeat(256), [], "en")).toBe("255 characters at most.");
    expect(scenarioNameProblem("coût 46K", ["Coût 46k"], "fr")).toContain("s'appelle déjà « coût 46K »");
    expect(scenarioNameProblem("=SOMME(A1)", ["Coût 46k"], "fr")).toBeNull(); // written as text
  });

  it("applying: the fields show the scenario's parameters; moved communes are named", () => {
    const fields = fieldsOfParams(
      { ...current, costHT: cents(4_600_000), cafBase: "ttc", key: "population" },
      "fr",
    );
    expect(fields).toEqual({
      costHT: "46 000,00",
      capHT: "40 000,00",
      cafRate: "50",
      vatRate: "20",
      key: "population",
      cafBase: "ttc",
    });
    const inputs = paramInputsFromFields(fields, new Set(Object.keys(fields) as ParamName[]), "fr");
    expect(planWorkbook(demo, { params: inputs }).plan?.params).toEqual({
      ...current,
      costHT: 4_600_000,
      cafBase: "ttc",
      key: "population",
    });
    const eusebe = COMMUNES.find((c) => c.name === "Saint-Eusèbe");
    expect(eusebe?.basin).toBe("nord");
    expect(movesText({ [eusebe?.insee ?? ""]: "sud" }, COMMUNES, "fr")).toBe("Saint-Eusèbe → Sud");
    expect(movesText({ [eusebe?.insee ?? ""]: "nord" }, COMMUNES, "fr")).toBeNull();
    const moved = planWorkbook(demo, { basinMoves: { [eusebe?.insee ?? ""]: "sud" } });
    expect(moved.reference.find((c) => c.name === "Saint-Eusèbe")?.basin).toBe("sud");
  });

  it("days and the sheets followed", () => {
    expect(formatDay("2026-11-28", "fr")).toBe("28/11/2026");
    expect(formatDay("2026-11-28", "en")).toBe("2026-11-28");
    expect(formatDay("printemps", "fr")).toBe("printemps");
    expect(localIsoDay(new Date(2026, 10, 28, 23, 59))).toBe("2026-11-28");
    expect(watchedSheets({ ...demo, facilities: null })).toEqual(["Financements"]);
    // The facilities table's sheet too (the demo has one): an edit there changes the bonus territoire.
    expect(watchedSheets(demo)).toEqual(["Financements", "Équipements CTG"]);
    const facilities = {
      sheet: "Équipements CTG",
      table: "CTG_Equipements",
      grid: [],
      origin: { sheet: "Équipements CTG", topLeft: "A4" },
    };
    expect(watchedSheets({ ...demo, facilities })).toEqual(["Financements", "Équipements CTG"]);
  });
});
