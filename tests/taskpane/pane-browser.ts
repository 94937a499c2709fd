// Test helper for the task pane in a real browser: builds the pane when dist/ is stale, serves dist/
// on a free localhost port, and launches the system's Chromium through playwright-core.

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as zlib from "zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_INSTALL } from "../helpers/chromium";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
/** The performance mark the pane sets when it first shows a workbook's figures. */
export const READY_MARK = "ctg:pane-ready";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the task pane (`webpack --mode production`, the taskpane configuration only) when
 * dist/taskpane.html is missing or older than a source file.
 *
 * @returns whether it built
 */
export function buildPaneIfStale(): boolean {
  const html = path.join(DIST, "taskpane.html");
  const built = fs.existsSync(html) ? fs.statSync(html).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    ...["webpack.config.js", "package.json"].map((f) => fs.statSync(path.join(ROOT, f)).mtimeMs),
  );
  if (built > sources) return false;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--config-name",
      "taskpane",
    ],
    { cwd: ROOT, stdio: "pipe", timeout: 170_000 },
  );
  return true;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
  ".css": "text/css",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
};

/** A tiny static server of dist/ on 127.0.0.1 and a free port. */
export async function serveDist(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = path.join(DIST, pathname === "/" ? "taskpane.html" : pathname);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Launches the system's Chromium; throws with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(CHROMIUM_INSTALL);
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
}

/** A browser context the size of Excel's task pane. */
export function paneContext(
  browser: Browser,
  options: { locale?: string; dark?: boolean } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 380, height: 760 },
    deviceScaleFactor: 1,
    locale: options.locale ?? "fr-FR",
    colorScheme: options.dark ? "dark" : "light",
    acceptDownloads: true,
  });
}

/**
 * Opens the pane (office.js unreachable: its CDN answers 404 at once) and waits for the figures.
 *
 * @returns the page, and the errors it logged
 */
export async function openPane(
  context: BrowserContext,
  url: string,
  query = "",
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${url}${query}`);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 30_000 });
  return { page, errors };
}

/** The MIME type of an .xlsx file, for the file input. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The pane's section headings (h2), in French, in order, with the demo's facilities (section 7). */
export const SECTION_HEADINGS_FR = [
  "Données",
  "Paramètres",
  "Contrôle",
  "Aperçu",
  "Scénarios",
  "Génération",
  "Bonus territoire",
] as const;

/** Opens a workbook through the pane's file input and waits until the pane shows it, read. */
export async function openWorkbook(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', {
    name,
    mimeType: XLSX_TYPE,
    buffer: Buffer.from(bytes),
  });
  await page.waitForFunction(
    (n) =>
      document.querySelector('[data-testid="workbook-name"]')?.textContent === n &&
      document.querySelector('main[data-ready="true"]')?.getAttribute("aria-busy") === "false",
    name,
  );
}

/** Fails with axe-core's violations on the page, naming the state the page is in. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0)
    throw new Error(`axe violations (${state}):\n${JSON.stringify(violations, null, 2)}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core on the page: its violations (none expected). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Move the pointer off the buttons and let finite transitions end first: a button fading from its
  // hovered or pressed colour is not the pane's contrast.
  await page.mouse.move(0, 0);
  for (let i = 0; i < 50; i += 1) {
    const running = await page.evaluate(
      () =>
        document
          .getAnimations()
          .filter((a) => a.playState === "running" && a.effect?.getTiming().iterations !== Infinity).length,
    );
    if (running === 0) break;
    await page.waitForTimeout(100);
  }
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== "undefined",
  );
  // Evaluated through DevTools, not as a <script>: the pane's CSP (rightly) refuses inline scripts.
  if (!loaded) await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    // Fluent UI's focus manager (tabster) puts focusable, aria-hidden `<i data-tabster-dummy>` guards
    // around dialogs and at the root: a known false positive of aria-hidden-focus (microsoft/tabster#288;
    // Accessibility Insights suppresses it the same way). Only those nodes of only that rule are dropped.
    const dummy = (target: string[]): boolean =>
      target.length === 1 &&
      document.querySelector(target[0] ?? "")?.hasAttribute("data-tabster-dummy") === true;
    const violations = result.violations
      .map((v) =>
        v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !dummy(n.target)) } : v,
      )
      .filter((v) => v.nodes.length > 0);
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** The initial chunks of the built pane (the scripts taskpane.html loads) and their gzip sizes. */
export function initialChunks(): { file: string; bytes: number; gzip: number }[] {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const files = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => src !== "" && !/^https?:/.test(src));
  return files.map((file) => {
    const data = fs.readFileSync(path.join(DIST, file));
    return { file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 6 }).length };
  });
}

/** The median of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? NaN)
    : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** What {@link paneSuite} gives a test file. */
export interface PaneSuite {
  /** The browser (after beforeAll). */
  browser(): Browser;
  /** The address of the served pane, `http://127.0.0.1:<port>/`. */
  url(): string;
  /** A new pane-sized context, closed after the suite. */
  context(options?: { locale?: string; dark?: boolean }): Promise<BrowserContext>;
}

/**
 * The set-up every browser test file shares: fails loudly without Chromium, builds the pane when
 * stale, serves dist/, launches Chromium; closes everything after the file. Call at the top level.
 *
 * @param before - more set-up, after the browser is up (inside the same beforeAll)
 * @returns accessors to the browser, the server and new contexts
 */
export function paneSuite(before?: () => Promise<void>): PaneSuite {
  let browser: Browser | undefined;
  let server: { url: string; close(): Promise<void> } | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(CHROMIUM_INSTALL);
    buildPaneIfStale();
    server = await serveDist();
    browser = await launchChromium();
    await before?.();
  }, 300_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("paneSuite: used before beforeAll ran");
    return value;
  };
  return {
    browser: () => need(browser),
    url: () => need(server).url,
    async context(options = {}) {
      const c = await paneContext(need(browser), options);
      contexts.push(c);
      return c;
    },
  };
}
