// The scenarios section of the task pane in a real browser (file mode, issue #5): save the current
// parameters as a scenario, rename, delete, apply one (after confirmation); generating writes them into
// the workbook, which LibreOffice then recalculates green with the comparison right. Also the summary's
// "out of date" flag when the workbook changed in a way its formulas do not follow.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import { a1 } from "../../src/core/cell";
import { COMMUNES } from "../../src/core/communes";
import { planWorkbook, scenarioPlans } from "../../src/app";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { summarizeWorkbook } from "../helpers/summarize";
import { recalcXlsx } from "../helpers/libreoffice";
import { patchCells } from "../helpers/patch-xlsx";
import { readXlsxValues } from "../helpers/xlsx-values";
import { expectNoAxeViolations, openPane, openWorkbook, paneSuite, ROOT } from "./pane-browser";

const SHOTS = path.join(ROOT, "docs", "screenshots");
const NOW = new Date("2026-11-28T12:00:00Z");

const suite = paneSuite();

async function pane(query = "?lang=fr"): Promise<{ page: Page; errors: string[] }> {
  return openPane(await suite.context(), suite.url(), query);
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? "").replace(/[\u00A0\u202F]/g, " ");
}

/** The names of the scenarios listed, in order. */
async function listed(page: Page): Promise<string[]> {
  return page.locator('[data-testid="scenario-name"]').allTextContents();
}

async function saveScenario(page: Page, name: string, note = ""): Promise<void> {
  await page.fill('[data-testid="scenario-name-input"]', name);
  await page.fill('[data-testid="scenario-note-input"]', note);
  await page.click('[data-testid="scenario-save"]');
}

async function generateAndDownload(page: Page, dir: string): Promise<string> {
  await page.click('[data-testid="generate"]');
  await page.waitForSelector('[data-testid="download"]', { timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click('[data-testid="download"]'),
  ]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** The dialog is gone, and Fluent's focus manager has given the page back (it un-hides it shortly after). */
async function dialogClosed(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="apply-dialog"]', { state: "detached" });
  await page.waitForFunction(() => !document.getElementById("root")?.hasAttribute("aria-hidden"));
}

test("save, rename, delete and apply scenarios; generating writes them, and LibreOffice agrees", async () => {
  const { page, errors } = await pane();
  // The demo has no scenario yet.
  expect(await text(page, '[data-testid="no-scenarios"]')).toContain("écrira « Paramètres actuels »");

  // A cost of 46 000 € HT in the pane, saved as a scenario: the workbook's own parameters come first.
  await page.getByLabel("Coût de la mission (€\u00A0HT)").fill("46000");
  await saveScenario(page, "Coût 46k", "Mission élargie");
  expect(await listed(page)).toEqual(["Paramètres actuels", "Coût 46k"]);
  const added = page.locator('[data-scenario="Coût 46k"]');
  expect((await added.textContent())?.replace(/[\u00A0\u202F]/g, " ")).toContain(
    "CUCM TTC 35 200,00 € · Caf 20 000,00 €",
  );
  expect((await added.textContent())?.replace(/[\u00A0\u202F]/g, " ")).toContain(
    "+7 200,00 € (+25,71 %) par rapport au premier",
  );
  expect(await added.locator('[data-testid="scenario-status"]').textContent()).toBe("nouveau");
  expect(await text(page, '[data-section="scenarios"]')).toContain("Mission élargie");
  // A name already taken is refused, with the reason at the field.
  await saveScenario(page, "coût 46K");
  expect(await text(page, '[data-section="scenarios"]')).toContain("Un scénario s'appelle déjà « coût 46K »");
  expect(await listed(page)).toEqual(["Paramètres actuels", "Coût 46k"]);

  // Rename it; save a third one and delete it again.
  await page.getByRole("button", { name: "Renommer le scénario « Coût 46k »" }).click();
  await page.fill('[data-testid="rename-input"]', "Mission 46k");
  await page.keyboard.press("Enter");
  expect(await listed(page)).toEqual(["Paramètres actuels", "Mission 46k"]);
  expect(await text(page, '[data-testid="scenario-said"]')).toBe(
    "Scénario « Coût 46k » renommé en « Mission 46k ».",
  );
  await saveScenario(page, "Brouillon");
  expect(await listed(page)).toEqual(["Paramètres actuels", "Mission 46k", "Brouillon"]);
  await page.getByRole("button", { name: "Supprimer le scénario « Brouillon »" }).click();
  expect(await listed(page)).toEqual(["Paramètres actuels", "Mission 46k"]);
  // Said in a live region; the focus stays in the list (the button clicked is gone).
  expect(await text(page, '[data-testid="scenario-said"]')).toBe(
    "Scénario « Brouillon » supprimé : la génération l'enlèvera du classeur.",
  );
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
    "scenario-list",
  );
  expect(await text(page, '[data-testid="scenario-pending"]')).toContain(
    "1 modification de scénario à écrire",
  );

  // Apply the first: a confirmation first; cancelling changes nothing.
  await page.getByRole("button", { name: "Appliquer le scénario « Paramètres actuels »" }).click();
  await page.waitForSelector('[data-testid="apply-dialog"]');
  expect(await text(page, '[data-testid="apply-dialog"]')).toContain("Appliquer « Paramètres actuels » ?");
  await expectNoAxeViolations(page, "apply dialog");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "scenarios-apply-fr-light.png"), fullPage: false });
  await page.getByRole("button", { name: "Annuler", exact: true }).click();
  await dialogClosed(page);
  expect(await page.inputValue('[data-param="costHT"]')).toBe("46000");
  await page.getByRole("button", { name: "Appliquer le scénario « Paramètres actuels »" }).click();
  await page.click('[data-testid="apply-confirm"]');
  await dialogClosed(page);
  expect(await page.inputValue('[data-param="costHT"]')).toBe("40 000,00");
  expect(await text(page, '[data-testid="engineering-table"]')).toContain(
    "Reste à charge CUCM TTC28 000,00 €",
  );
  expect(await text(page, '[data-testid="scenario-applied"]')).toContain(
    "Scénario « Paramètres actuels » appliqué",
  );
  await expectNoAxeViolations(page, "scenarios edited");
  await page
    .locator('[data-section="scenarios"]')
    .screenshot({ path: path.join(SHOTS, "scenarios-fr-light.png") });

  // Generate: the workbook holds both scenarios; the pane reads them back, nothing pending.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-scenarios-"));
  try {
    const file = await generateAndDownload(page, dir);
    expect(await listed(page)).toEqual(["Paramètres actuels", "Mission 46k"]);
    expect(await page.locator('[data-testid="scenario-status"]').count()).toBe(0);
    expect(await page.isVisible('[data-testid="scenario-pending"]')).toBe(false);
    expect(await page.isVisible('[data-testid="summary-live"]')).toBe(true);

    const snapshot = snapshotPackage(openPackage(new Uint8Array(fs.readFileSync(file))));
    const read = planWorkbook(snapshot);
    expect(
      scenarioPlans(read).map((s) => [s.scenario.name, s.scenario.note, s.scenario.params.costHT]),
    ).toEqual([
      ["Paramètres actuels", "", 4_000_000],
      ["Mission 46k", "Mission élargie", 4_600_000],
    ]);
    expect(read.plan?.params.costHT).toBe(4_000_000);
    const values = readXlsxValues(await recalcXlsx(file, { outDir: dir }));
    expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");
    const comparison = [...(values.get("Comparaison scénarios")?.values() ?? [])];
    expect(comparison).toEqual(expect.arrayContaining(["Mission 46k", 35200, 7200]));

    // Delete the renamed one, generate again: the workbook keeps one scenario.
    await page.getByRole("button", { name: "Supprimer le scénario « Mission 46k »" }).click();
    expect(await text(page, '[data-testid="scenario-pending"]')).toContain(
      "1 modification de scénario à écrire",
    );
    expect(
      await page.getByRole("button", { name: "Supprimer le scénario « Paramètres actuels »" }).isDisabled(),
    ).toBe(true);
    const second = await generateAndDownload(page, dir);
    const again = planWorkbook(snapshotPackage(openPackage(new Uint8Array(fs.readFileSync(second)))));
    expect(scenarioPlans(again).map((s) => s.scenario.name)).toEqual(["Paramètres actuels"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(errors).toEqual([]);
}, 180_000);

test("applying a scenario that moves a commune: the pane shows its plan; generating writes its basins", async () => {
  const base = await summarizeWorkbook(demoWorkbook(COMMUNES, "fr"), {
    lang: "fr",
    version: "test",
    now: NOW,
    addScenarios: [
      {
        name: "Sud élargi",
        note: "Saint-Eusèbe au sud",
        params: {
          key: { value: "Population", cell: "--scenario" },
          cafBase: { value: "TTC", cell: "--scenario" },
        },
        basins: [{ commune: "Saint-Eusèbe", basin: "sud", cell: "--scenario" }],
      },
    ],
  });
  if (base.output === null) throw new Error(JSON.stringify(base.issues));
  const expected = base.scenarios.find((s) => s.scenario.name === "Sud élargi")?.plan;
  const { page, errors } = await pane();
  await openWorkbook(page, "sud.xlsx", base.output);
  expect(await listed(page)).toEqual(["Paramètres actuels", "Sud élargi"]);
  expect(await text(page, '[data-scenario="Sud élargi"]')).toContain("Change de bassin : Saint-Eusèbe → Sud");
  expect(await page.isVisible('[data-testid="summary-live"]')).toBe(true);

  await page.getByRole("button", { name: "Appliquer le scénario « Sud élargi »" }).click();
  expect(await text(page, '[data-testid="apply-dialog"]')).toContain("Saint-Eusèbe → Sud");
  await page.click('[data-testid="apply-confirm"]');
  expect(await page.inputValue('[data-param="key"]')).toBe("population");
  expect(await page.inputValue('[data-param="cafBase"]')).toBe("ttc");
  // The preview is the scenario's plan, to the cent.
  const sud = expected?.basins.find((b) => b.basin === "sud");
  const cuTTC = (sud?.engineering.cuTTC ?? 0) / 100;
  const shown = await text(page, '[data-testid="basin-table"]');
  expect(shown).toContain(
    cuTTC
      .toFixed(2)
      .replace(".", ",")
      .replace(/\B(?=(\d{3})+(?!\d))/g, " "),
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-scenarios-"));
  try {
    const file = await generateAndDownload(page, dir);
    const snapshot = snapshotPackage(openPackage(new Uint8Array(fs.readFileSync(file))));
    const read = planWorkbook(snapshot);
    expect(read.plan?.params.key).toBe("population");
    expect(read.plan?.params.cafBase).toBe("ttc");
    expect(read.reference.find((c) => c.name === "Saint-Eusèbe")?.basin).toBe("sud");
    expect(read.plan?.engineering).toEqual(expected?.engineering);
    expect(read.plan?.basins.map((b) => b.engineering)).toEqual(expected?.basins.map((b) => b.engineering));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(errors).toEqual([]);
}, 120_000);

test("the summary is flagged out of date when the workbook changed in a way its formulas do not follow", async () => {
  const base = await summarizeWorkbook(demoWorkbook(COMMUNES, "fr"), {
    lang: "fr",
    version: "test",
    now: NOW,
  });
  if (base.output === null) throw new Error(JSON.stringify(base.issues));
  const snapshot = snapshotPackage(openPackage(base.output));
  const header = snapshot.input.grid.findIndex((r) => r.some((v) => v === "Année"));
  const yearCol = snapshot.input.grid[header]?.indexOf("Année") ?? -1;
  const row0 = Number(/\d+$/.exec(snapshot.input.origin.topLeft)?.[0]) - 1;
  const edited = patchCells(base.output, "Financements", { [a1(row0 + header + 1, yearCol)]: 2031 });

  const { page, errors } = await pane();
  await openWorkbook(page, "nouvelle-annee.xlsx", edited);
  expect(await text(page, '[data-testid="summary-stale"]')).toContain(
    "La synthèse du classeur n'est plus à jour",
  );
  await expectNoAxeViolations(page, "summary stale");
  await page.click('[data-testid="generate"]');
  await page.waitForSelector('[data-testid="download"]', { timeout: 30_000 });
  expect(await page.isVisible('[data-testid="summary-stale"]')).toBe(false);
  expect(await page.isVisible('[data-testid="summary-live"]')).toBe(true);
  expect(errors).toEqual([]);
}, 120_000);

test("in English and dark: the scenarios section reads, with no axe violation (screenshot)", async () => {
  const c = await suite.context({ locale: "en-US", dark: true });
  const { page, errors } = await openPane(c, suite.url(), "?lang=en&theme=dark");
  expect(await text(page, '[data-testid="no-scenarios"]')).toContain(
    'generating writes "Current parameters"',
  );
  await page.getByLabel("Mission cost (€\u00A0excl.\u00A0VAT)").fill("46000");
  await page.getByLabel("Base of the Caf share").selectOption("ttc");
  await saveScenario(page, "Cost 46k, Caf on incl. VAT", "Wider mission");
  expect(await listed(page)).toEqual(["Current parameters", "Cost 46k, Caf on incl. VAT"]);
  const added = await text(page, '[data-scenario="Cost 46k, Caf on incl. VAT"]');
  // 46 000 € HT, Caf 50 % of the eligible cost incl. VAT (48 000 €) = 24 000 €; CUCM 55 200 − 24 000.
  expect(added).toContain("CUCM incl. VAT €31,200.00 · Caf €24,000.00");
  expect(added).toContain("Key CEJ amounts, Caf on the cost incl. VAT");
  expect(await text(page, '[data-testid="scenario-pending"]')).toContain("1 scenario change to write");
  await expectNoAxeViolations(page, "scenarios en dark");
  await page
    .locator('[data-section="scenarios"]')
    .screenshot({ path: path.join(SHOTS, "scenarios-en-dark.png") });
  expect(errors).toEqual([]);
}, 120_000);
