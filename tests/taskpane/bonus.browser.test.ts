// The « Bonus territoire » section of the task pane in a real browser (file mode, issue #14): the demo
// workbook's facilities give the engine's figures (totals per basin and year, the reconciliation per
// commune, « à moyens constants » green); a facility error lists its cell on 'Équipements CTG' and
// keeps the figures back; a workbook without facilities shows no such section. Screenshots of the
// section at 320 px (French, English, dark), with no axe violation.

import * as path from "path";
import type { Page } from "playwright-core";
import { COMMUNES } from "../../src/core/communes";
import { FACILITY_SHEET } from "../../src/core/facilities";
import { formatMoney } from "../../src/core/money";
import { BONUS_DEMO_HEADERS } from "../../src/core/bonus-demo";
import type { Lang } from "../../src/core/types";
import { createWorkbook } from "../../src/workbook/xlsx/create";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import { bonusInputOf } from "../helpers/bonus-input";
import {
  expectNoAxeViolations,
  openPane,
  openWorkbook,
  paneSuite,
  ROOT,
  SECTION_HEADINGS_FR,
} from "./pane-browser";

const SHOTS = path.join(ROOT, "docs", "screenshots");

const suite = paneSuite();

/** The demo workbook with its facilities table, and the engine's plan of those facilities. */
const DEMO = demoWorkbook(COMMUNES, "fr", { facilities: true });
const plan = bonusInputOf(DEMO, COMMUNES).plan;

const plain = (s: string | null): string => (s ?? "").replace(/[\u00A0\u202F]/g, " ").trim();
const money = (c: number, lang: Lang): string => plain(formatMoney(c as never, lang));

async function text(page: Page, selector: string): Promise<string> {
  return plain(await page.textContent(selector));
}

/** The amounts of one row of the basin table (`nord`, `sud`, `total`), « — » as null. */
async function basinRow(page: Page, row: string): Promise<(string | null)[]> {
  const cells = await page
    .locator(`[data-testid="bonus-basin-table"] [data-row="${row}"] td`)
    .allTextContents();
  return cells.slice(1).map((c) => (c.startsWith("—") ? null : plain(c)));
}

/** A funding table and a facilities table whose second row names a commune that is not one. */
function workbookWithBadFacility(): Uint8Array {
  const row = (name: string, commune: string): (string | number | null)[] => [
    name,
    `Commune de ${commune}`,
    "Commune",
    commune,
    "Petite enfance",
    "EAJE",
    "places",
    30,
    60000,
    null,
    null,
    null,
    "Non",
    null,
  ];
  return createWorkbook([
    {
      name: "Financements",
      rows: [
        ["Commune", "Montant"],
        ["Le Creusot", 12000],
      ],
    },
    {
      name: FACILITY_SHEET,
      rows: [[...BONUS_DEMO_HEADERS], row("Crèche A", "Le Creusot"), row("Crèche B", "Atlantis")],
    },
  ]);
}

/** Opens the demo workbook with its facilities table, and waits for the bonus section's figures. */
async function openDemoWithFacilities(page: Page): Promise<void> {
  await openWorkbook(page, "demo-equipements.xlsx", DEMO);
  await page.waitForSelector('[data-testid="bonus-total"]');
}

test("the demo's facilities: the engine's totals per basin and year, each commune, green", async () => {
  const { page, errors } = await openPane(await suite.context(), suite.url(), "?lang=fr");
  await openDemoWithFacilities(page);
  expect(await page.locator("h2").allTextContents()).toEqual([...SECTION_HEADINGS_FR]);
  expect(await text(page, '[data-testid="bonus-total"]')).toContain(money(plan.total, "fr"));
  expect(await text(page, '[data-testid="bonus-terms"]')).toContain("CTG Nord : 2024 à 2028 (5 ans)");
  const nord = plan.byBasin.find((b) => b.key === "nord")?.byYear ?? [];
  const sud = plan.byBasin.find((b) => b.key === "sud")?.byYear ?? [];
  expect(await basinRow(page, "nord")).toEqual(nord.map((c) => money(c, "fr")));
  expect(await basinRow(page, "sud")).toEqual(sud.map((c) => money(c, "fr")));
  expect(await basinRow(page, "total")).toEqual(plan.byYear.map((c) => money(c, "fr")));
  expect(await page.getAttribute('[data-testid="bonus-constant-means"]', "data-ok")).toBe("true");

  // The communes: the first five, then all 13; one opens on its years.
  const items = page.locator('[data-testid="bonus-communes"] [data-insee]');
  expect(await items.count()).toBe(5);
  await page.click('[data-testid="bonus-show-all"]');
  expect(await items.count()).toBe(plan.reconciliation.length);
  const creusot = plan.reconciliation.find((r) => r.commune === "Le Creusot");
  if (creusot === undefined) throw new Error("no Le Creusot in the demo");
  const item = page.locator(`[data-testid="bonus-communes"] [data-insee="${creusot.insee}"]`);
  await item.getByRole("button", { name: /Le Creusot \(Nord\)/ }).click();
  const first = creusot.years[0];
  if (first === undefined) throw new Error("no year");
  const rowText = plain(await item.locator("tbody tr").first().textContent());
  const signed = (first.difference > 0 ? "+" : "") + money(first.difference, "fr");
  expect(rowText).toBe(`${first.year}${money(first.bonus, "fr")}${signed}`);
  expect(plain(await item.textContent())).toContain(`CEJ perçu en 2020 : ${money(creusot.formerCej, "fr")}`);
  await expectNoAxeViolations(page, "bonus fr");
  expect(errors).toEqual([]);
}, 120_000);

test("browser mode's demo has its facilities: the pane shows section 7 with the engine's total", async () => {
  const { page, errors } = await openPane(await suite.context(), suite.url(), "?lang=fr");
  await page.waitForSelector('[data-testid="bonus-total"]');
  expect(await page.locator("h2").allTextContents()).toEqual([...SECTION_HEADINGS_FR]);
  expect(await text(page, '[data-testid="bonus-total"]')).toContain(money(plan.total, "fr"));
  expect(await basinRow(page, "total")).toEqual(plan.byYear.map((c) => money(c, "fr")));
  expect(await page.getAttribute('[data-testid="bonus-constant-means"]', "data-ok")).toBe("true");
  expect(errors).toEqual([]);
}, 120_000);

test("a facility error: its cell on 'Équipements CTG' in the check, the figures held back", async () => {
  const { page, errors } = await openPane(await suite.context(), suite.url(), "?lang=fr");
  await openWorkbook(page, "equipements.xlsx", workbookWithBadFacility());
  const cell = "'Équipements CTG'!D3";
  const errorCells = await page
    .locator('[data-testid="errors"] li')
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-cell")));
  expect(errorCells).toContain(cell);
  expect(await text(page, '[data-testid="errors"]')).toContain("Commune inconnue « Atlantis »");
  await page.getByRole("button", { name: `Aller à la cellule ${cell}` }).click();
  expect(await text(page, '[data-testid="cell-status"]')).toContain(`corrigez la cellule ${cell}`);
  expect(await text(page, '[data-section="bonus"]')).toContain(
    "Corrigez les erreurs (étape 3) pour voir le bonus territoire.",
  );
  expect(await page.isVisible('[data-testid="bonus-total"]')).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

test("a workbook without a facilities table: no bonus section", async () => {
  const { page } = await openPane(await suite.context(), suite.url(), "?lang=fr");
  const bytes = createWorkbook([
    {
      name: "Financements",
      rows: [
        ["Commune", "Montant"],
        ["Le Creusot", 12000],
      ],
    },
  ]);
  await openWorkbook(page, "financements.xlsx", bytes);
  expect(await page.locator("h2").allTextContents()).not.toContain("Bonus territoire");
  expect(await page.locator('[data-section="bonus"]').count()).toBe(0);
}, 120_000);

const combos: { lang: Lang; theme: "light" | "dark" }[] = [
  { lang: "fr", theme: "light" },
  { lang: "en", theme: "light" },
  { lang: "fr", theme: "dark" },
];
test.each(combos)(
  "at 320 px, $lang $theme: the section fits, reads, with no axe violation (screenshot)",
  async ({ lang, theme }) => {
    const c = await suite.browser().newContext({
      viewport: { width: 320, height: 760 },
      deviceScaleFactor: 1,
      locale: lang === "fr" ? "fr-FR" : "en-US",
      colorScheme: theme,
    });
    try {
      const { page, errors } = await openPane(c, suite.url(), `?lang=${lang}&theme=${theme}`);
      await openDemoWithFacilities(page);
      // The page never scrolls sideways: only the basin table does, inside its region.
      const widths = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
      const region = page.locator('[data-section="bonus"] [role="region"]');
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await page.locator('[data-testid="bonus-communes"] [data-insee] button').first().click();
      await expectNoAxeViolations(page, `bonus ${lang} ${theme}`);
      await page.mouse.move(0, 0);
      await page
        .locator('[data-section="bonus"]')
        .screenshot({ path: path.join(SHOTS, `bonus-${lang}-${theme}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await c.close();
    }
  },
  120_000,
);
