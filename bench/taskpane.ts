/**
 * The task pane: its initial JavaScript (the scripts taskpane.html runs before anything paints, gzip)
 * from a production build, whether the .xlsx code (fflate, @xmldom/xmldom, ExcelJS) stays out of it,
 * and what a user waits for in headless Chromium, in browser mode (office.js unreachable: the demo)
 * and inside Excel (office.js replaced by the test shim over the strict fake): navigation start →
 * the figures shown, with the scripts received by then, against a one-heading page from the same
 * server.
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
import { COMMUNES } from "../src/core/communes";
import { demoWorkbook } from "../src/workbook/xlsx/demo";
import { generateSummary } from "../src/app";
import { XlsxWorkbook } from "../src/workbook/xlsx";
import type { FakeInit } from "../tests/fakes/excel-fake";
import { fakeInitFromXlsx } from "../tests/fakes/from-xlsx";
import { CHROMIUM, CHROMIUM_ARGS } from "../tests/helpers/chromium";
import { buildShim } from "../tests/taskpane/excel-shim/build";
import { bytes, median, ms, ROOT, times, WORK, type BenchOptions, type Row } from "./lib";

/**
 * CTG_BENCH_PANE=DIR measures a pane already built in DIR (with its stats JSON as DIR/stats.json),
 * e.g. an older commit's, instead of building this one.
 */
const GIVEN = process.env.CTG_BENCH_PANE;
const PANE = GIVEN !== undefined && GIVEN !== "" ? path.resolve(GIVEN) : path.join(WORK, "pane");
const STATS =
  GIVEN !== undefined && GIVEN !== "" ? path.join(PANE, "stats.json") : path.join(WORK, "pane-stats.json");
/** The official Microsoft React task-pane template's production build (Yeoman generator-office), gzip. */
const TEMPLATE_GZIP = 161 * 1024;
const BUNDLE_TARGET = 120 * 1024;
/** The performance mark the pane sets when it first shows a workbook's figures (src/taskpane/index.tsx). */
const READY_MARK = "ctg:pane-ready";
/** The shim's performance measure of building the fake (tests/taskpane/excel-shim/office-shim.ts). */
const SHIM_MEASURE = "ctg-shim:fake-built";
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
function buildPane(force: boolean, quick: boolean): "built" | "reused" | "given" {
  if (GIVEN !== undefined && GIVEN !== "") return "given";
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

/** The chunks taskpane.html preloads (`<link rel="preload" as="script">`). */
function preloadedChunks(): string[] {
  const html = fs.readFileSync(path.join(PANE, "taskpane.html"), "utf8");
  return [...html.matchAll(/<link[^>]*rel="?preload"?[^>]*href="?([^"\s>]+)"?/g)].map((m) => m[1] ?? "");
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
/** Where the shim fetches the fake's workbook (inside Excel the workbook is the host's, not the page's). */
const FAKE_INIT_PATH = "/fake-init.json";

async function serve(fakeInit: string): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (pathname === FAKE_INIT_PATH) {
      res.writeHead(200, { "content-type": "application/json" }).end(fakeInit);
      return;
    }
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

/** A JavaScript file of the pane the page had received, and when (ms from navigation start). */
interface Received {
  readonly file: string;
  readonly end: number;
}

interface Load {
  /** Navigation start → the pane's ready mark (figures shown), ms. */
  readonly ready: number;
  /** Navigation start → first contentful paint, ms. */
  readonly fcp: number;
  /** The pane's scripts received (responseEnd), from the resource timing entries. */
  readonly scripts: readonly Received[];
  /** Inside Excel: the shim building the fake from its workbook (its own work, not the pane's), ms. */
  readonly shim?: { readonly took: number; readonly end: number };
}

/** Where the pane runs: a plain browser (office.js aborted) or inside Excel (the shim over the fake). */
type Mode =
  { readonly kind: "browser" } | { readonly kind: "excel"; readonly shim: string; readonly init: FakeInit };

/** Office on the web's host information in the page's address: the pane knows it is inside Excel. */
const HOST_INFO = "_host_Info=Excel$OfficeOnline$16.01$fr-FR$$$$0";

/** One cold load in a fresh context: wait for the pane's figures. */
async function loadPane(browser: Browser, origin: string, mode: Mode): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 380, height: 760 },
    deviceScaleFactor: 1,
    locale: "fr-FR",
  });
  try {
    if (mode.kind === "excel") {
      // The shim fetches the workbook after the page has parsed and answers Office.onReady then, as
      // office.js does after its handshake with Excel (tests/taskpane/excel-shim/office-shim.ts).
      await context.addInitScript((url) => {
        (window as unknown as { __ctgFakeInitUrl: string }).__ctgFakeInitUrl = url;
      }, FAKE_INIT_PATH);
    }
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.route(/appsforoffice\.microsoft\.com/, (route) =>
      mode.kind === "excel"
        ? route.fulfill({ status: 200, contentType: "text/javascript", body: mode.shim })
        : route.abort(),
    );
    await page.goto(`${origin}/taskpane.html${mode.kind === "excel" ? `?${HOST_INFO}` : ""}`);
    await page.waitForSelector('main[data-ready="true"]', { state: "visible", timeout: 60_000 });
    const found = await page.evaluate(
      ([mark, shimMeasure]) => {
        const ready = performance.getEntriesByName(mark)[0]?.startTime;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
        const scripts = performance
          .getEntriesByType("resource")
          .filter((e) => e.name.startsWith(location.origin) && /\.js$/.test(new URL(e.name).pathname))
          .map((e) => ({
            file: new URL(e.name).pathname.slice(1),
            end: (e as PerformanceResourceTiming).responseEnd,
          }));
        const shim = performance.getEntriesByName(shimMeasure)[0];
        return {
          ready: ready ?? performance.now(),
          fcp: fcp ?? NaN,
          scripts,
          ...(shim === undefined
            ? {}
            : { shim: { took: shim.duration, end: shim.startTime + shim.duration } }),
        };
      },
      [READY_MARK, SHIM_MEASURE] as const,
    );
    if (errors.length > 0) throw new Error(`the pane logged errors: ${errors.join("; ")}`);
    if (Number.isNaN(found.fcp)) throw new Error("no first-contentful-paint entry");
    return found;
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

const gzipCache = new Map<string, number>();
/** A built file's size, gzip level 6. */
function gzipOf(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(PANE, file)), { level: 6 }).length;
    gzipCache.set(file, size);
  }
  return size;
}

/** The scripts received by `until` (ms), the same in most loads (the last load's when they differ). */
function received(loads: readonly Load[], until: (load: Load) => number): { files: string[]; gzip: number } {
  const sets = loads.map((l) =>
    l.scripts
      .filter((s) => s.end <= until(l))
      .map((s) => s.file)
      .sort(),
  );
  const keys = sets.map((f) => f.join(" "));
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const files = best === "" ? [] : best.split(" ");
  return { files, gzip: files.reduce((a, f) => a + gzipOf(f), 0) };
}

/** `vendors.abcd1234.js` → `vendors`: the chunk's name without its hash. */
function chunkName(file: string): string {
  return file.replace(/\.[0-9a-f]{8}\.js$/, "");
}

function listKiB(files: readonly string[]): string {
  return files.map((f) => `${chunkName(f)} ${bytes(gzipOf(f), "KiB")}`).join(", ");
}

/** A generated demo workbook (its parameters, scenarios and fingerprint) in the fake, as the Excel-mode test has it. */
async function excelMode(): Promise<Extract<Mode, { kind: "excel" }>> {
  const shimDir = path.join(ROOT, "tests", "taskpane", "excel-shim");
  const shim = await buildShim(path.join(WORK, "office-shim"), shimDir);
  const generated = await generateSummary(new XlsxWorkbook(demoWorkbook(COMMUNES, "fr")), {
    lang: "fr",
    version: "bench",
  });
  if (generated.status === "blocked")
    throw new Error(`the demo did not generate: ${JSON.stringify(generated.issues)}`);
  return { kind: "excel", shim, init: fakeInitFromXlsx(generated.written.bytes) };
}

/** The shim's own work in the loads inside Excel: building the fake, a stand-in for Excel holding the workbook. */
function shimNote(loads: readonly Load[]): string {
  const took = loads.flatMap((l) => (l.shim === undefined ? [] : [l.shim.took]));
  const end = loads.flatMap((l) => (l.shim === undefined ? [] : [l.shim.end]));
  if (took.length === 0) return "the shim's own work not measured";
  return `the shim's own work (building the fake from the workbook, main thread, in the time above): ${ms(median(took))}, done at ${ms(median(end))}`;
}

/** What each mode waits for, over the samples. */
interface ModeResult {
  readonly loads: readonly Load[];
  readonly ready: number;
  readonly fcp: number;
  readonly beforePaint: { files: string[]; gzip: number };
  readonly beforeReady: { files: string[]; gzip: number };
}

function modeResult(loads: readonly Load[]): ModeResult {
  return {
    loads,
    ready: median(loads.map((l) => l.ready)),
    fcp: median(loads.map((l) => l.fcp)),
    beforePaint: received(loads, (l) => l.fcp),
    beforeReady: received(loads, (l) => l.ready),
  };
}

const INITIAL_TARGET = "≤ 120 KiB (≤ 0.75× the template); .xlsx code (fflate, xmldom) in a separate chunk";
const EXCEL_TARGET = "≤ 160 KiB";
const READY_TARGET_MS = 1000;
const READY_TARGET_RATIO = 4;

/**
 * @param options - iterations
 * @param rebuild - build even when a fresh build is there
 * @param log - progress lines
 * @param facts - machine facts to fill (Chromium's version)
 * @returns the rows of the initial JavaScript (browser mode, inside Excel) and of the time to figures
 *   (browser mode, inside Excel)
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
    `task pane: ${how === "built" ? `built in ${ms(performance.now() - t0)}` : how === "given" ? "the build given by CTG_BENCH_PANE" : "fresh build reused"} (${path.relative(ROOT, PANE)})`,
  );
  const chunks = initialChunks();
  const gzip = chunks.reduce((a, c) => a + c.gzip, 0);
  const raw = chunks.reduce((a, c) => a + c.bytes, 0);
  const leaked = xlsxInInitial();
  const preloads = preloadedChunks();
  log(
    `task pane initial JS: ${chunks.map((c) => `${c.file} ${bytes(c.gzip, "KiB")}`).join(", ")}; .xlsx code in it: ${leaked.join(", ") || "none"}; preloaded: ${preloads.map(chunkName).join(", ") || "none"}`,
  );
  const initialNotes =
    `the scripts taskpane.html runs before anything paints: ${chunks.map((c) => `${c.file}: ${bytes(c.gzip, "KiB")}`).join(", ")} (${bytes(raw, "KiB")} raw, gzip -6); ` +
    `.xlsx code in them: ${leaked.length === 0 ? "none" : leaked.join(", ")}; ` +
    `preloaded (downloaded alongside, run after the first paint): ${preloads.map(chunkName).join(", ") || "none"}`;
  const bundle: Row = {
    what: "task pane: initial JavaScript before first paint, gzip, browser mode",
    figure: bytes(gzip, "KiB"),
    baseline: "Microsoft's React task-pane template: 161 KiB",
    ratio: times(gzip / TEMPLATE_GZIP),
    target: INITIAL_TARGET,
    met: gzip <= BUNDLE_TARGET && leaked.length === 0,
    notes: initialNotes,
  };
  const unmeasured = (what: string, target: string, why: string): Row => ({
    what,
    figure: "not measured",
    baseline: "—",
    ratio: "—",
    target,
    met: null,
    notes: why,
  });
  const EXCEL_BYTES = "task pane: JavaScript loaded before the figures show, gzip, inside Excel (shim)";
  const READY_BROWSER = "task pane: navigation → figures shown, browser mode, headless Chromium";
  const READY_EXCEL = "task pane: navigation → figures shown, inside Excel (shim), headless Chromium";
  const readyTarget = `≤ 1.0 s and ≤ ${READY_TARGET_RATIO}× the one-heading page, median`;

  if (!fs.existsSync(CHROMIUM)) {
    const why = `${CHROMIUM} missing: apt-get install -y chromium`;
    return [
      bundle,
      unmeasured(EXCEL_BYTES, EXCEL_TARGET, why),
      unmeasured(READY_BROWSER, readyTarget, why),
      unmeasured(READY_EXCEL, "≤ 1.0 s, median", why),
    ];
  }
  const excel = await excelMode();
  const excelInit = JSON.stringify(excel.init);
  const excelInitBytes = Buffer.byteLength(excelInit);
  const server = await serve(excelInit);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  try {
    facts.chromium = browser.version();
    const browserLoads: Load[] = [];
    const excelLoads: Load[] = [];
    const blanks: number[] = [];
    // One untimed load of each first: Chromium's own start-up (fonts, caches of the profile) is not the pane's.
    await loadPane(browser, server.origin, { kind: "browser" });
    await loadPane(browser, server.origin, excel);
    await loadBlank(browser, `${server.origin}/blank.html`);
    for (let i = 0; i < options.iterations.render; i += 1) {
      browserLoads.push(await loadPane(browser, server.origin, { kind: "browser" }));
      excelLoads.push(await loadPane(browser, server.origin, excel));
      blanks.push(await loadBlank(browser, `${server.origin}/blank.html`));
    }
    const inBrowser = modeResult(browserLoads);
    const inExcel = modeResult(excelLoads);
    const blank = median(blanks);
    for (const [name, r] of [
      ["browser mode", inBrowser],
      ["inside Excel", inExcel],
    ] as const) {
      log(
        `task pane ${name}: figures ${ms(r.ready)} (runs ${r.loads.map((l) => ms(l.ready)).join(", ")}), first paint ${ms(r.fcp)}; ` +
          `JS by the first paint ${bytes(r.beforePaint.gzip, "KiB")} (${listKiB(r.beforePaint.files)}); ` +
          `by the figures ${bytes(r.beforeReady.gzip, "KiB")} (${listKiB(r.beforeReady.files)})`,
      );
    }
    log(`one-heading page: first paint ${ms(blank)} (runs ${blanks.map(ms).join(", ")})`);
    const samples = `fresh context each, one untimed load first; median of ${browserLoads.length}`;
    const reference = `the one-heading page from the same server paints in ${ms(blank)}`;
    return [
      {
        ...bundle,
        notes: `${initialNotes}; in Chromium, received by the first paint (${ms(inBrowser.fcp)}): ${bytes(inBrowser.beforePaint.gzip, "KiB")} (${listKiB(inBrowser.beforePaint.files)})`,
      },
      {
        what: EXCEL_BYTES,
        figure: bytes(inExcel.beforeReady.gzip, "KiB"),
        baseline: "Microsoft's React task-pane template: 161 KiB",
        ratio: times(inExcel.beforeReady.gzip / TEMPLATE_GZIP),
        target: EXCEL_TARGET,
        met: inExcel.beforeReady.gzip <= 160 * 1024,
        notes:
          `every script of the pane received before its figures show (resource timing, gzip -6 of each file; office.js, here the shim, excluded): ${listKiB(inExcel.beforeReady.files)}; ` +
          `browser mode, the same way: ${bytes(inBrowser.beforeReady.gzip, "KiB")} (${listKiB(inBrowser.beforeReady.files)})`,
      },
      {
        what: READY_BROWSER,
        figure: ms(inBrowser.ready),
        baseline: `one-heading page, first paint: ${ms(blank)}`,
        ratio: times(inBrowser.ready / blank),
        target: readyTarget,
        met: inBrowser.ready <= READY_TARGET_MS && inBrowser.ready <= READY_TARGET_RATIO * blank,
        notes: `navigation start → the pane's figures shown (mark ${READY_MARK}, main[data-ready]), office.js aborted (the demo); runs ${inBrowser.loads.map((l) => ms(l.ready)).join(", ")}; first contentful paint ${ms(inBrowser.fcp)}; ${samples}`,
      },
      {
        what: READY_EXCEL,
        figure: ms(inExcel.ready),
        baseline: `one-heading page, first paint: ${ms(blank)}`,
        ratio: times(inExcel.ready / blank),
        target: "≤ 1.0 s, median",
        met: inExcel.ready <= READY_TARGET_MS,
        notes: `the same, office.js replaced by the test shim over the strict fake (tests/taskpane/excel-shim) holding the generated demo, the address carrying Office on the web's _host_Info; the shim fetches the workbook (${bytes(excelInitBytes, "MB")} of JSON) once the page has parsed and answers Office.onReady when the fake is built, as office.js answers after its handshake with Excel; runs ${inExcel.loads.map((l) => ms(l.ready)).join(", ")}; first contentful paint ${ms(inExcel.fcp)}; ${shimNote(inExcel.loads)}; ${samples}; ${reference}`,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
