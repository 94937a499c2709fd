// The task pane in a real browser (Chromium through playwright-core), in file mode: office.js is
// unreachable, so the pane opens the built-in demo workbook. Checks what each section shows, that
// errors block generation, that the generated workbook's checks are green once LibreOffice
// recalculates it, that axe-core finds no violation in any state, and takes the screenshots of
// docs/screenshots (light and dark, French and English).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Page } from "playwright-core";
import type { Lang } from "../../src/core/types";
import { COMMUNES } from "../../src/core/communes";
import { planWorkbook, reportFromResult } from "../../src/app";
import { ready } from "../helpers/ready";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { openPackage } from "../../src/workbook/xlsx/package";
import { snapshotPackage } from "../../src/workbook/xlsx/snapshot";
import { recalcXlsx } from "../helpers/libreoffice";
import { readXlsxValues } from "../helpers/xlsx-values";
import {
  expectNoAxeViolations,
  initialChunks,
  median,
  openPane,
  openWorkbook,
  paneSuite,
  READY_MARK,
  ROOT,
  SECTION_HEADINGS_FR,
  XLSX_TYPE,
} from "./pane-browser";

const SHOTS = path.join(ROOT, "docs", "screenshots");

/** A workbook with two errors (an unknown commune, an amount that is not one) and a warning. */
function errorWorkbook(): Buffer {
  return Buffer.from(
    createWorkbook([
      {
        name: "Financements",
        rows: [
          ["Commune", "Montant"],
          ["Le Creusot", 12000],
          ["Atlantis", 5000],
          ["Montceau-les-Mines", "abc"],
          ["Blanzy", "1 000,00 €"],
        ],
      },
    ]),
  );
}

/** A workbook without errors but with a warning (an amount written as text). */
function warningWorkbook(): Buffer {
  return Buffer.from(
    createWorkbook([
      {
        name: "Financements",
        rows: [
          ["Commune", "Montant"],
          ["Le Creusot", 12000],
          ["Blanzy", "1 000,00 €"],
        ],
      },
    ]),
  );
}

/** The sheets the report of the demo workbook writes, in French (built in Node, as the pane builds it). */
async function demoReportSheets(): Promise<string[]> {
  const snapshot = snapshotPackage(openPackage(demoWorkbook(COMMUNES, "fr")));
  const report = await reportFromResult(snapshot, ready(planWorkbook(snapshot, {})), {
    lang: "fr",
    version: "test",
  });
  return report.sheets.map((s) => s.name);
}

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? "").replace(/[\u00A0\u202F]/g, " ");
}

async function generate(page: Page): Promise<void> {
  await page.click('[data-testid="generate"]');
  await page.waitForSelector('[data-testid="download"]', { timeout: 30_000 });
}

const suite = paneSuite();
const context = suite.context;

describe("the task pane in a browser (file mode)", () => {
  it("opens the demo workbook: no errors, the totals, the split, the chart", async () => {
    const { page, errors } = await openPane(await context(), suite.url(), "?lang=fr");
    expect(await text(page, '[data-testid="mode"]')).toContain("Mode navigateur");
    expect(await text(page, '[data-testid="workbook-name"]')).toBe("demo.xlsx");
    expect(await text(page, '[data-testid="rows-read"]')).toBe("208 lignes lues");
    expect(await text(page, '[data-testid="error-count"]')).toBe("0 erreur");
    expect(await text(page, '[data-testid="warning-count"]')).toBe("0 avertissement");
    expect(await page.isVisible('[data-testid="no-issues"]')).toBe(true);
    expect(await text(page, '[data-testid="total-cej"]')).toContain("1 350 000,00 €");
    const engineering = await text(page, '[data-testid="engineering-table"]');
    expect(engineering).toContain("Participation Caf (50,00 %)20 000,00 €");
    expect(engineering).toContain("Reste à charge CUCM TTC28 000,00 €");
    const chart = page.locator('[data-testid="basin-chart"]');
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await page.textContent('[data-testid="basin-chart"] desc')).toContain("Bassin Nord : Caf");
    expect(await page.getAttribute('[data-testid="generate"]', "aria-disabled")).not.toBe("true");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    // One h1, an h2 per section, landmarks.
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("h2").allTextContents()).toEqual([...SECTION_HEADINGS_FR]);
    expect(await page.locator("header").count()).toBe(1);
    expect(await page.locator("main").count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it("lists the errors of a workbook with their cells, and Generate stays disabled", async () => {
    const { page, errors } = await openPane(await context(), suite.url(), "?lang=fr");
    await openWorkbook(page, "erreurs.xlsx", errorWorkbook());
    expect(await text(page, '[data-testid="error-count"]')).toBe("2 erreurs");
    expect(await text(page, '[data-testid="warning-count"]')).toBe("1 avertissement");
    const errorCells = await page
      .locator('[data-testid="errors"] li')
      .evaluateAll((items) => items.map((li) => li.getAttribute("data-cell")));
    expect(errorCells).toEqual(["Financements!A3", "Financements!B4"]);
    const errorText = await text(page, '[data-testid="errors"]');
    expect(errorText).toContain("Commune inconnue « Atlantis »");
    expect(errorText).toContain("« abc » n'est pas un montant");
    expect(await text(page, '[data-testid="warnings"]')).toContain("Financements!B5");
    expect(await page.getAttribute('[data-testid="generate"]', "aria-disabled")).toBe("true");
    expect(await text(page, "#generate-why")).toContain("Corrigez d'abord les erreurs");
    expect(await text(page, '[data-section="preview"]')).toContain(
      "Corrigez les erreurs pour voir l'aperçu.",
    );
    // A click on a cell: in file mode, the pane says where to fix it.
    await page.getByRole("button", { name: "Aller à la cellule Financements!B4" }).click();
    expect(await text(page, '[data-testid="cell-status"]')).toContain("corrigez la cellule Financements!B4");
    // Clicking Generate does nothing.
    await page.click('[data-testid="generate"]', { force: true });
    expect(await page.isVisible('[data-testid="generate-progress"] [role="progressbar"]')).toBe(false);
    expect(await page.isVisible('[data-testid="download"]')).toBe(false);
    // A file that is not a workbook is refused; the workbook held stays.
    await page.setInputFiles('[data-testid="file-input"]', {
      name: "notes.xlsx",
      mimeType: XLSX_TYPE,
      buffer: Buffer.from("pas un classeur"),
    });
    await page.waitForSelector('[data-testid="file-problem"]');
    expect(await text(page, '[data-testid="file-problem"]')).toContain("n'est pas un classeur .xlsx");
    expect(await text(page, '[data-testid="workbook-name"]')).toBe("erreurs.xlsx");
    expect(errors).toEqual([]);
  });

  it("asks once to confirm the warnings before generating", async () => {
    const { page } = await openPane(await context(), suite.url(), "?lang=fr");
    await openWorkbook(page, "avertissement.xlsx", warningWorkbook());
    expect(await text(page, '[data-testid="error-count"]')).toBe("0 erreur");
    expect(await text(page, '[data-testid="warning-count"]')).toBe("1 avertissement");
    expect(await page.getAttribute('[data-testid="generate"]', "aria-disabled")).toBe("true");
    await page.getByLabel("J'ai lu les avertissements").check();
    expect(await page.getAttribute('[data-testid="generate"]', "aria-disabled")).not.toBe("true");
    await generate(page);
    expect(await page.getAttribute('[data-testid="download"]', "download")).toBe("avertissement.ctg.xlsx");
  });

  it("re-runs the plan when a parameter or a column changes", async () => {
    const { page } = await openPane(await context(), suite.url(), "?lang=fr");
    await page.getByLabel("Taux de la Caf (%)").fill("40");
    expect(await text(page, '[data-testid="engineering-table"]')).toContain(
      "Participation Caf (40,00 %)16 000,00 €",
    );
    await page.getByLabel("Clé de répartition entre bassins").selectOption("equal");
    expect(await text(page, '[data-testid="basin-table"]')).toContain("Part de la clé50,00 %50,00 %");
    // A value that does not read: an error at the pane's field, and nothing can be generated.
    await page.getByLabel("Coût de la mission (€\u00A0HT)").fill("beaucoup");
    expect(await text(page, '[data-testid="errors"]')).toContain("Volet : coût HT");
    expect(await page.getAttribute('[data-testid="generate"]', "aria-disabled")).toBe("true");
    await page.getByRole("button", { name: "Aller au champ Volet : coût HT" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-param"))).toBe("costHT");
    await page.getByRole("button", { name: "Rétablir les valeurs d'origine" }).click();
    expect(await text(page, '[data-testid="error-count"]')).toBe("0 erreur");
    // The mapping: the year column read as the amounts changes the total.
    await page.getByRole("button", { name: "Correspondance des colonnes" }).click();
    const amount = page.locator('select[data-field="amount"]');
    expect(await amount.inputValue()).toBe("5");
    await amount.selectOption("4");
    expect(await text(page, '[data-testid="total-cej"]')).not.toContain("1 350 000,00 €");
    await amount.selectOption("5");
    expect(await text(page, '[data-testid="total-cej"]')).toContain("1 350 000,00 €");
  });

  it("generates with the keyboard alone; the downloaded workbook's checks are green in LibreOffice", async () => {
    const { page, errors } = await openPane(await context(), suite.url(), "?lang=fr");
    // Tab to Generate and press Enter.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i += 1) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "generate");
    }
    expect(reached).toBe(true);
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="download"]', { timeout: 30_000 });
    const result = await text(page, '[data-testid="generate-result"]');
    expect(result).toContain("Feuilles de synthèse écrites");
    const sheets = await page
      .locator("[data-sheet]")
      .evaluateAll((links) => links.map((a) => a.getAttribute("data-sheet")));
    expect(sheets).toEqual(await demoReportSheets());
    expect(sheets).toEqual(expect.arrayContaining(["Paramètres CTG", "Synthèse CEJ", "Contrôles"]));
    await page.click('[data-sheet="Contrôles"]');
    expect(await text(page, '[data-testid="sheet-status"]')).toContain(
      "« Contrôles » est dans le classeur téléchargé",
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-pane-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="download"]'),
      ]);
      expect(download.suggestedFilename()).toBe("demo.ctg.xlsx");
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const recalculated = await recalcXlsx(file, { outDir: dir });
      const values = readXlsxValues(recalculated);
      expect(values.get("Contrôles")?.get("A2")).toBe("Tous les contrôles sont au vert.");

      // Opened again, the generated workbook gives its parameters and only the user's sheets to read.
      await openWorkbook(page, "demo.ctg.xlsx", fs.readFileSync(file));
      expect(await text(page, '[data-section="params"]')).toContain(
        "Valeurs lues dans la feuille « Paramètres CTG »",
      );
      expect(await text(page, '[data-testid="error-count"]')).toBe("0 erreur");
      const options = await page.locator('[data-testid="input-choice"] option').allTextContents();
      expect(options).toEqual(["Tableau « Financements »", "Feuille « Financements »"]);
      // Reading the sheet's used range instead finds the same rows below the title rows.
      await page.selectOption('[data-testid="input-choice"]', "sheet:Financements");
      await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
      expect(await text(page, '[data-testid="rows-read"]')).toBe("208 lignes lues");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
  });

  const combos: { lang: Lang; theme: "light" | "dark" }[] = [
    { lang: "fr", theme: "light" },
    { lang: "fr", theme: "dark" },
    { lang: "en", theme: "light" },
    { lang: "en", theme: "dark" },
  ];
  it.each(combos)(
    "has no axe violation in any state, $lang $theme (screenshots)",
    async ({ lang, theme }) => {
      fs.mkdirSync(SHOTS, { recursive: true });
      const shot = (state: string): string => path.join(SHOTS, `${state}-${lang}-${theme}.png`);
      const c = await context({ locale: lang === "fr" ? "fr-FR" : "en-US", dark: theme === "dark" });
      const { page, errors } = await openPane(c, suite.url(), `?lang=${lang}&theme=${theme}`);
      expect(await page.getAttribute("[data-theme]", "data-theme")).toBe(theme);

      await expectNoAxeViolations(page, `initial ${lang} ${theme}`);
      await page.screenshot({ path: shot("initial"), fullPage: true });

      await openWorkbook(page, lang === "fr" ? "erreurs.xlsx" : "errors.xlsx", errorWorkbook());
      await page
        .getByRole("button", {
          name: lang === "fr" ? "Aller à la cellule Financements!A3" : "Go to cell Financements!A3",
        })
        .click();
      await expectNoAxeViolations(page, `errors ${lang} ${theme}`);
      await page.screenshot({ path: shot("errors"), fullPage: true });

      await page
        .getByRole("button", { name: lang === "fr" ? "Revenir à la démonstration" : "Back to the demo" })
        .click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="workbook-name"]')?.textContent === "demo.xlsx",
      );
      await generate(page);
      await page.click("[data-sheet]");
      await expectNoAxeViolations(page, `generated ${lang} ${theme}`);
      await page.screenshot({ path: shot("generated"), fullPage: true });
      expect(errors).toEqual([]);
    },
  );

  it("measures the first render and the initial JavaScript", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const c = await context(); // a fresh context: cold cache
      const { page } = await openPane(c, suite.url(), "?lang=fr");
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK);
      times.push(
        await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? NaN, READY_MARK),
      );
      await c.close();
    }
    const chunks = initialChunks();
    const metrics = {
      firstRenderMs: { median: Math.round(median(times)), runs: times.map((t) => Math.round(t)) },
      initialJs: { chunks, gzipTotal: chunks.reduce((s, c) => s + c.gzip, 0) },
    };
    fs.mkdirSync(path.join(ROOT, "test-output"), { recursive: true });
    fs.writeFileSync(path.join(ROOT, "test-output", "pane-metrics.json"), JSON.stringify(metrics, null, 2));
    console.log(`task pane metrics: ${JSON.stringify(metrics)}`);
    expect(times.every((t) => Number.isFinite(t) && t > 0)).toBe(true);
    expect(chunks.length).toBeGreaterThan(0);
  });
});
