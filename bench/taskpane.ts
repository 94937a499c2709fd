/**
 * The task pane: its initial JavaScript (the scripts taskpane.html loads, gzip) from a production
 * build, whether the .xlsx code (fflate, @xmldom/xmldom, ExcelJS) stays out of it, and its first
 * render in headless Chromium in browser mode (office.js unreachable).
 *
 * The pane is built into .tmp/bench/pane (not dist/, which others build into), with the project's
 * webpack configuration (see buildPane).
 */

import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as zlib from "zlib";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/helpers/chromium";
import { bytes, median, ms, ROOT, times, WORK, type BenchOptions, type Row } from "./lib";

const PANE = path.join(WORK, "pane");
const STATS = path.join(WORK, "pane-stats.json");
/** The official Microsoft React task-pane template's production build (Yeoman generator-office), gzip. */
const TEMPLATE_GZIP = 161 * 1024;
const BUNDLE_TARGET = 130 * 1024;
/** The performance mark the pane sets when it first shows a workbook's figures (src/taskpane/index.tsx). */
const READY_MARK = "ctg:pane-ready";
/** Modules that belong to the .xlsx code, loaded only in browser mode. */
const XLSX_MODULES =
  /node_modules[\\/](fflate|@xmldom[\\/]xmldom|exceljs)[\\/]|src[\\/]workbook[\\/]xlsx[\\/]/;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds the pane with the project's configuration. Quick runs skip the source maps (the same
 * JavaScript but its last comment) and reuse a build newer than every source unless `--rebuild`.
 */
function buildPane(force: boolean, quick: boolean): "built" | "reused" {
  const html = path.join(PANE, "taskpane.html");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    ...["webpack.config.js", "package.json", "tsconfig.json"].map(
      (f) => fs.statSync(path.join(ROOT, f)).mtimeMs,
    ),
  );
  if (quick && !force && fs.existsSync(html) && fs.existsSync(STATS) && fs.statSync(html).mtimeMs > sources)
    return "reused";
  fs.mkdirSync(WORK, { recursive: true });
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
      "--mode",
      "production",
      "--config-name",
      "taskpane",
      "--output-path",
      PANE,
      "--json",
      STATS,
      ...(quick ? ["--no-devtool"] : []),
    ],
    { cwd: ROOT, stdio: "pipe", timeout: 600_000 },
  );
  return "built";
}

interface StatsModule {
  readonly name?: string;
  readonly chunks?: readonly (number | string)[];
  readonly modules?: readonly StatsModule[];
}
interface StatsChunk {
  readonly id: number | string;
  readonly initial: boolean;
  readonly files?: readonly string[];
}
interface Stats {
  readonly chunks?: readonly StatsChunk[];
  readonly modules?: readonly StatsModule[];
  readonly children?: readonly Stats[];
}

/** The .xlsx modules webpack put in the initial chunks (package names, deduplicated). */
function xlsxInInitial(): string[] {
  const raw = JSON.parse(fs.readFileSync(STATS, "utf8")) as Stats;
  const stats = raw.chunks !== undefined ? raw : (raw.children?.[0] ?? raw);
  const initial = new Set((stats.chunks ?? []).filter((c) => c.initial).map((c) => String(c.id)));
  const found = new Set<string>();
  for (const m of stats.modules ?? []) {
    if (!(m.chunks ?? []).some((c) => initial.has(String(c)))) continue;
    for (const inner of m.modules ?? [m]) {
      const name = inner.name ?? "";
      if (XLSX_MODULES.test(name)) {
        const pkg = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(name)?.[1] ?? "src/workbook/xlsx";
        found.add(pkg.replace(/\\/g, "/"));
      }
    }
  }
  return [...found].sort();
}

/** The scripts taskpane.html loads itself (not office.js from the CDN), with their gzip sizes. */
function initialChunks(): { file: string; bytes: number; gzip: number }[] {
  const html = fs.readFileSync(path.join(PANE, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1] ?? "")
    .filter((src) => src !== "" && !/^(https?:)?\/\//.test(src))
    .map((file) => {
      const data = fs.readFileSync(path.join(PANE, file));
      return { file, bytes: data.length, gzip: zlib.gzipSync(data, { level: 6 }).length };
    });
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

/** A static server of the built pane on 127.0.0.1 and a free port; `/blank.html` is a one-heading page. */
async function serve(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (pathname === "/blank.html") {
      res
        .writeHead(200, { "content-type": TYPES[".html"] })
        .end('<!doctype html><html lang="fr"><title>x</title><h1>CTG Planner</h1></html>');
      return;
    }
    const file = path.join(PANE, pathname === "/" ? "taskpane.html" : pathname);
    if (!file.startsWith(PANE + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Load {
  /** Navigation start → the pane's ready mark (figures shown), ms. */
  readonly ready: number;
  /** Navigation start → first contentful paint, ms. */
  readonly fcp: number;
}

/** One cold load in a fresh context: office.js aborted, wait for the pane's figures. */
async function loadPane(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 760 },
    deviceScaleFactor: 1,
    locale: "fr-FR",
  });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await page.goto(url);
    await page.waitForSelector('main[data-ready="true"]', { state: "visible", timeout: 60_000 });
    const times = await page.evaluate((mark) => {
      const ready = performance.getEntriesByName(mark)[0]?.startTime;
      const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
      return { ready: ready ?? performance.now(), fcp: fcp ?? NaN };
    }, READY_MARK);
    if (errors.length > 0) throw new Error(`the pane logged errors: ${errors.join("; ")}`);
    return times;
  } finally {
    await context.close();
  }
}

/** The blank page's first contentful paint, the same way. */
async function loadBlank(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 380, height: 760 }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("h1", { state: "visible" });
    // The paint entry comes with the first frame after the heading.
    const fcp = await page.waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      undefined,
      { timeout: 10_000 },
    );
    return Number(await fcp.jsonValue());
  } finally {
    await context.close();
  }
}

/**
 * @param options - iterations
 * @param rebuild - build even when a fresh build is there
 * @param log - progress lines
 * @param facts - machine facts to fill (Chromium's version)
 * @returns the bundle row and the first-render row
 */
export async function benchTaskpane(
  options: BenchOptions,
  rebuild: boolean,
  log: (line: string) => void,
  facts: Record<string, string>,
): Promise<Row[]> {
  const t0 = performance.now();
  const how = buildPane(rebuild, options.quick);
  log(
    `task pane: ${how === "built" ? `built in ${ms(performance.now() - t0)}` : "fresh build reused"} (${path.relative(ROOT, PANE)})`,
  );
  const chunks = initialChunks();
  const gzip = chunks.reduce((a, c) => a + c.gzip, 0);
  const raw = chunks.reduce((a, c) => a + c.bytes, 0);
  const leaked = xlsxInInitial();
  log(
    `task pane initial JS: ${chunks.map((c) => `${c.file} ${bytes(c.gzip, "KiB")}`).join(", ")}; .xlsx code in it: ${leaked.join(", ") || "none"}`,
  );
  const bundle: Row = {
    what: "task pane: initial JavaScript, gzip",
    figure: bytes(gzip, "KiB"),
    baseline: "Microsoft's React task-pane template: 161 KiB",
    ratio: times(gzip / TEMPLATE_GZIP),
    target: "≤ 130 KiB (≤ 0.81×); .xlsx code (fflate, xmldom) in a separate chunk",
    met: gzip <= BUNDLE_TARGET && leaked.length === 0,
    notes:
      `${chunks.map((c) => `${c.file}: ${bytes(c.gzip, "KiB")}`).join(", ")} (${bytes(raw, "KiB")} raw, gzip -6); ` +
      `.xlsx code in the initial chunks: ${leaked.length === 0 ? "none" : leaked.join(", ")}`,
  };

  if (!fs.existsSync(CHROMIUM)) {
    return [
      bundle,
      {
        what: "task pane: first render in headless Chromium, browser mode",
        figure: "not measured",
        baseline: "—",
        ratio: "—",
        target: "≤ 1 s, median",
        met: null,
        notes: `${CHROMIUM} missing: apt-get install -y chromium`,
      },
    ];
  }
  const server = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    facts.chromium = browser.version();
    const loads: Load[] = [];
    const blanks: number[] = [];
    // One untimed load first: Chromium's own start-up (fonts, caches of the profile) is not the pane's.
    await loadPane(browser, `${server.origin}/taskpane.html`);
    for (let i = 0; i < options.iterations.render; i += 1) {
      loads.push(await loadPane(browser, `${server.origin}/taskpane.html`));
      blanks.push(await loadBlank(browser, `${server.origin}/blank.html`));
    }
    const ready = median(loads.map((l) => l.ready));
    const fcp = median(loads.map((l) => l.fcp));
    const blank = median(blanks);
    log(
      `task pane first render: ready ${ms(ready)} (runs ${loads.map((l) => ms(l.ready)).join(", ")}), first paint ${ms(fcp)}, blank page ${ms(blank)}`,
    );
    return [
      bundle,
      {
        what: "task pane: first render in headless Chromium, browser mode",
        figure: ms(ready),
        baseline: `— (a one-heading page from the same server paints in ${ms(blank)})`,
        ratio: "—",
        target: "≤ 1 s, median",
        met: ready <= 1000,
        notes: `navigation start → the pane's figures shown (mark ${READY_MARK}, main[data-ready]), fresh context each, office.js aborted; first contentful paint ${ms(fcp)}; median of ${loads.length}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
