// Start-up in Chromium, office.js slow or absent. A page opened by Office (Office adds `_host_Info` to
// the task pane's address) says « Connexion à Excel… » while office.js is slow, never shows the demo
// workbook, and switches to Excel mode when Office.onReady resolves; only a page that is not hosted
// starts in browser mode on the demo.
//
// office.js is replaced as in excel-mode.browser.test.ts: the strict Excel fake behind `Excel.run`
// (tests/taskpane/excel-shim). Like the real office.js, the stand-in served at the CDN address is a
// loader that fetches a host-specific script (excel-win32-16.01.js) before Office.onReady resolves;
// the test delays that response, or office.js's own, with route interception.

import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page, Route } from "playwright-core";
import { buildShim } from "./excel-shim/build";
import { COMMUNES } from "../../src/core/communes";
import { demoWorkbook } from "../../src/workbook/xlsx/demo";
import type { FakeInit } from "../fakes/excel-fake";
import { fakeInitFromXlsx } from "../fakes/from-xlsx";
import { axeViolations, paneSuite, ROOT } from "./pane-browser";

const SHIM_DIR = path.join(ROOT, "test-output", "startup-shim");
const SHOTS = path.join(ROOT, "docs", "screenshots");
const OFFICE_JS = /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/;
const HOST_SCRIPT_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/excel-win32-16.01.js";
const HOST_SCRIPT = /appsforoffice\.microsoft\.com\/lib\/1\/hosted\/excel-win32-16\.01\.js/;
/** What Excel for Windows adds to the task pane's address (office.js reads it: `_retrieveHostInfo`). */
const HOSTED = "?_host_Info=Excel$Win32$16.01$fr-FR$$$$0";
/** How long office.js is held back: longer than the former 3 s fallback to browser mode. */
const DELAY_MS = 5000;

/**
 * office.js as a loader, like the real one: it defines `Office`, fetches the host-specific script and
 * resolves Office.onReady once that script has run (the script, the shim, replaces `Office`).
 */
const LOADER = `(function () {
  var s = document.createElement("script");
  var loaded = new Promise(function (resolve, reject) { s.onload = resolve; s.onerror = reject; });
  s.src = ${JSON.stringify(HOST_SCRIPT_URL)};
  document.head.appendChild(s);
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function () { return loaded.then(function () { return window.Office.onReady(); }); }
  };
})();`;

/** office.js in a plain browser: Office.onReady answers at once with no host. */
const PLAIN_OFFICE = `window.Office = { HostType: { Excel: "Excel" },
  onReady: function () { return Promise.resolve({ host: null, platform: null }); } };`;

let shim: string;
let init: FakeInit;

const suite = paneSuite(async () => {
  shim = await buildShim(SHIM_DIR);
  init = fakeInitFromXlsx(demoWorkbook(COMMUNES, "fr"));
});

const js = (body: string) => (route: Route) =>
  route.fulfill({ status: 200, contentType: "text/javascript", body });
const later = (ms: number, body: string) => async (route: Route) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await route.fulfill({ status: 200, contentType: "text/javascript", body }).catch(() => undefined);
};

/**
 * A pane page whose every state is watched from the first byte: `__ctgSawDemo` turns true if the demo
 * workbook or browser mode ever shows, `__ctgSawConnecting` if « Connexion à Excel… » does.
 */
async function watchedPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await suite.context();
  await context.addInitScript((value) => {
    const w = window as unknown as Record<string, unknown>;
    w.__ctgFakeInit = value;
    w.__ctgSawDemo = false;
    w.__ctgSawConnecting = false;
    const look = (): void => {
      const text = document.body?.textContent ?? "";
      if (/Démonstration|Mode navigateur|demo\.xlsx|Browser mode/.test(text)) w.__ctgSawDemo = true;
      if (text.includes("Connexion à Excel…")) w.__ctgSawConnecting = true;
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
  }, init);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

const flag = (page: Page, name: string): Promise<boolean> =>
  page.evaluate((n) => (window as unknown as Record<string, boolean>)[n] === true, name);

async function text(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? "").replace(/[\u00A0\u202F]/g, " ");
}

test("hosted, office.js slow to get ready: « Connexion à Excel… », never the demo, then Excel mode", async () => {
  const { page, errors } = await watchedPage();
  await page.route(OFFICE_JS, js(LOADER));
  await page.route(HOST_SCRIPT, later(DELAY_MS, shim));
  const start = Date.now();
  // Not "load": the host script, inserted by the loader, holds the load event back.
  await page.goto(`${suite.url()}${HOSTED}`, { waitUntil: "domcontentloaded" });

  await page.getByText("Connexion à Excel…").waitFor({ timeout: 10_000 });
  expect(await page.getAttribute('[data-testid="startup"]', "data-status")).toBe("connecting");
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, "connecting-fr-light.png"), fullPage: false });
  expect(await axeViolations(page)).toEqual([]);

  // Past the former 3 s fallback: still connecting, still no figures.
  await page.waitForTimeout(Math.max(0, 3500 - (Date.now() - start)));
  expect(await page.getAttribute('[data-testid="startup"]', "data-status")).toBe("connecting");
  expect(await page.$('[data-testid="engineering-table"]')).toBeNull();

  await page.waitForSelector('main[data-ready="true"]', { timeout: 30_000 });
  expect(Date.now() - start).toBeGreaterThanOrEqual(DELAY_MS);
  expect(await text(page, '[data-testid="mode"]')).toContain("Connecté à Excel");
  expect(await text(page, '[data-testid="engineering-table"]')).toContain("Reste à charge CUCM TTC");
  expect(await flag(page, "__ctgSawConnecting")).toBe(true);
  expect(await flag(page, "__ctgSawDemo")).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

test("hosted, office.js itself slow to arrive: never the demo, then Excel mode", async () => {
  const { page, errors } = await watchedPage();
  await page.route(OFFICE_JS, later(DELAY_MS, LOADER));
  await page.route(HOST_SCRIPT, js(shim));
  const start = Date.now();
  await page.goto(`${suite.url()}${HOSTED}`, { waitUntil: "commit" });
  await page.waitForSelector('main[data-ready="true"]', { timeout: 30_000 });
  expect(Date.now() - start).toBeGreaterThanOrEqual(DELAY_MS);
  expect(await text(page, '[data-testid="mode"]')).toContain("Connecté à Excel");
  expect(await flag(page, "__ctgSawDemo")).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

test("hosted, office.js never ready: after a long wait the pane says so and how to reload, in Office's language", async () => {
  const { page, errors } = await watchedPage(); // the browser says fr-FR; Excel says en-US
  await page.clock.install();
  await page.route(OFFICE_JS, js(LOADER));
  await page.route(HOST_SCRIPT, () => undefined); // never answers
  await page.goto(`${suite.url()}?_host_Info=Excel$Win32$16.01$en-US$$$$0`, {
    waitUntil: "domcontentloaded",
  });
  await page.getByText("Connecting to Excel…").waitFor({ timeout: 10_000 });
  expect(await page.$('[data-testid="connect-stalled"]')).toBeNull();
  await page.clock.fastForward(31_000);
  const stalled = page.locator('[data-testid="connect-stalled"]');
  await stalled.waitFor({ timeout: 10_000 });
  expect(await stalled.textContent()).toContain("reload the add-in");
  expect(await page.getAttribute('[data-testid="startup"]', "data-status")).toBe("connecting");
  await page.screenshot({ path: path.join(SHOTS, "connect-stalled-en-light.png"), fullPage: false });
  expect(await axeViolations(page)).toEqual([]);
  expect(await flag(page, "__ctgSawDemo")).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

test("hosted, office.js unreachable: a message with what to do, never the demo", async () => {
  const { page, errors } = await watchedPage();
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${suite.url()}${HOSTED}`);
  const message = page.locator('[data-testid="startup-error"]');
  await message.waitFor({ timeout: 30_000 });
  expect(await message.textContent()).toContain("ne parvient pas à se connecter à Excel");
  await page.waitForTimeout(500);
  expect(await flag(page, "__ctgSawDemo")).toBe(false);
  expect(errors).toEqual([]);
}, 120_000);

test.each([
  ["office.js unreachable", (route: Route) => route.fulfill({ status: 404, body: "" })],
  ["office.js answering 'no host' as in a plain browser", js(PLAIN_OFFICE)],
])(
  "not hosted (%s): browser mode on the demo, as before",
  async (_name, officeJs) => {
    const { page, errors } = await watchedPage();
    await page.route(OFFICE_JS, officeJs);
    await page.goto(`${suite.url()}?lang=fr`);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 30_000 });
    expect(await text(page, '[data-testid="mode"]')).toContain("Mode navigateur");
    expect(await flag(page, "__ctgSawDemo")).toBe(true);
    expect(await flag(page, "__ctgSawConnecting")).toBe(false);
    expect(errors).toEqual([]);
  },
  120_000,
);
