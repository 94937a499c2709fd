#!/usr/bin/env node
// `npm start`: builds the task pane (development) and serves it on https://localhost:3000 with
// `webpack serve --mode development` (plain http when no localhost certificate can be installed, or with
// CTG_DEV_HTTP=1; webpack.config.js says so when it falls back), then says how to open the pane.
//
// - Windows or macOS with office-addin-debugging installed: hands over to
//   `office-addin-debugging start manifest.xml` (serves and sideloads into desktop Excel), unless
//   `npm start -- --browser`.
// - Elsewhere (Linux: no desktop Excel): prints the browser-mode URL (the pane runs outside Office on its
//   built-in demo workbook) and how to sideload manifest.xml into Excel on the web, in French and English.
//
// Runs in the foreground; the server's PID goes to .tmp/dev-server.pid. Ctrl-C or `npm stop` ends it.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const pidFile = path.join(root, ".tmp", "dev-server.pid");
const manifest = path.join(root, "manifest.xml");
const port = Number(process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000);
const posix = process.platform !== "win32";

/** node_modules/.bin/office-addin-debugging, when it resolves to an installed package. */
function desktopDebugger() {
  const bin = path.join(
    root,
    "node_modules",
    ".bin",
    posix ? "office-addin-debugging" : "office-addin-debugging.cmd",
  );
  return fs.existsSync(bin) ? bin : null; // existsSync follows the symlink: a dangling link is "absent"
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function recordedPid() {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

// On a fresh clone, install first: `npm start` is the README's one command for the main job.
if (!fs.existsSync(path.join(root, "node_modules", ".package-lock.json"))) {
  console.log("[ctg-planner] npm ci (first run) …");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const previous = recordedPid();
if (previous !== null && isAlive(previous)) {
  console.error(
    `[ctg-planner] Un serveur de développement tourne déjà (PID ${previous}, .tmp/dev-server.pid) : npm stop d'abord.\n` +
      `[ctg-planner] A dev server is already running (PID ${previous}, .tmp/dev-server.pid): run npm stop first.`,
  );
  process.exit(1);
}

const browserOnly = process.argv.includes("--browser");
const debuggerBin = desktopDebugger();
if (!browserOnly && (process.platform === "win32" || process.platform === "darwin") && debuggerBin) {
  console.log("[ctg-planner] office-addin-debugging start manifest.xml (Excel de bureau / desktop Excel)");
  const result = spawnSync(debuggerBin, ["start", manifest, "desktop"], {
    cwd: root,
    stdio: "inherit",
    shell: !posix,
  });
  process.exit(result.status ?? 1);
}

// ---- browser mode / Excel on the web ----------------------------------------------------------------

const webpackBin = require.resolve("webpack/bin/webpack.js");
const child = spawn(process.execPath, [webpackBin, "serve", "--mode", "development"], {
  cwd: root,
  env: { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: "1" } : {}) },
  stdio: ["ignore", "pipe", "pipe"],
  detached: posix, // its own process group: `npm stop` ends it and anything it started
});
fs.mkdirSync(path.dirname(pidFile), { recursive: true });
fs.writeFileSync(pidFile, `${child.pid}\n`);

let scheme = process.env.CTG_DEV_HTTP === "1" ? "http" : null;
let bannerShown = false;
const ansi = /\u001b\[[0-9;]*[A-Za-z]/g;

function onOutput(chunk, stream) {
  stream.write(chunk);
  const text = chunk.toString("utf8").replace(ansi, "");
  const loopback = /Loopback:\s*(https?):\/\/[^\s,]*?:(\d+)/.exec(text);
  if (loopback) scheme = loopback[1];
  else if (/no trusted localhost certificate/.test(text)) scheme = "http";
  if (!bannerShown && /compiled (successfully|with)/.test(text)) {
    bannerShown = true;
    printBanner(scheme ?? "https");
  }
}
child.stdout.on("data", (chunk) => onOutput(chunk, process.stdout));
child.stderr.on("data", (chunk) => onOutput(chunk, process.stderr));

function printBanner(protocol) {
  const url = `${protocol}://localhost:${port}/taskpane.html`;
  const rule = "─".repeat(78);
  const http = protocol === "http";
  const lines = [
    "",
    rule,
    ` CTG Planner ${pkg.version}: serveur de développement / dev server (PID ${child.pid})`,
    rule,
    " Volet dans un navigateur, hors Office, sur le classeur de démonstration intégré :",
    " The pane in a browser, outside Office, on the built-in demo workbook:",
    "",
    `     ${url}`,
    "",
  ];
  if (http) {
    lines.push(
      " ATTENTION : serveur en http (pas de certificat localhost). Le mode navigateur marche, mais Excel",
      " ne charge un complément qu'en https : installez un certificat (npx office-addin-dev-certs install)",
      " puis relancez npm start.",
      " WARNING: plain http (no localhost certificate). Browser mode works, but Excel only loads add-ins",
      " over https: install one (npx office-addin-dev-certs install), then npm start again.",
      "",
    );
  }
  const platform =
    { win32: "Windows", darwin: "macOS", linux: "Linux" }[process.platform] ?? process.platform;
  const noDesktop =
    process.platform === "win32" || process.platform === "darwin"
      ? browserOnly
        ? "--browser"
        : "office-addin-debugging absent"
      : `${platform}`;
  lines.push(
    ` Pas d'Excel de bureau ici (${noDesktop}) : chargez le complément dans Excel pour le web.`,
    `  1. Laissez ce serveur tourner. Ouvrez une fois ${url} dans le navigateur`,
    "     et acceptez le certificat de localhost s'il le demande.",
    "  2. Ouvrez un classeur dans Excel pour le web (https://www.office.com, OneDrive ou SharePoint).",
    "  3. Accueil > Compléments > Plus de compléments > Mes compléments > Charger mon complément",
    "     (versions plus anciennes : Insertion > Compléments Office > Charger mon complément).",
    `  4. Parcourir : ${manifest}, puis Charger.`,
    "  5. Onglet Accueil, groupe CTG Planner : bouton « Synthèse CTG » (le volet s'ouvre).",
    "",
    ` No desktop Excel here (${noDesktop}): sideload the add-in into Excel on the web.`,
    `  1. Keep this server running. Open ${url} once in the browser`,
    "     and accept the localhost certificate if it asks.",
    "  2. Open a workbook in Excel on the web (https://www.office.com, OneDrive or SharePoint).",
    "  3. Home > Add-ins > More Add-ins > My Add-ins > Upload My Add-in",
    "     (older versions: Insert > Office Add-ins > Upload My Add-in).",
    `  4. Browse: ${manifest}, then Upload.`,
    '  5. Home tab, CTG Planner group: the "CTG summary" button opens the pane.',
    "",
    ` Arrêt / stop: Ctrl-C, ou / or npm stop (PID ${child.pid} in .tmp/dev-server.pid)`,
    rule,
    "",
  );
  console.log(lines.join("\n"));
}

function removePidFile() {
  if (recordedPid() === child.pid) fs.rmSync(pidFile, { force: true });
}

let stopping = false;
function stop(signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const hard = stopping; // a second Ctrl-C kills
  stopping = true;
  try {
    if (posix) process.kill(-child.pid, hard ? "SIGKILL" : "SIGTERM");
    else child.kill();
  } catch {
    child.kill(hard ? "SIGKILL" : "SIGTERM");
  }
  if (!hard)
    console.log(`\n[ctg-planner] ${signal}: arrêt du serveur / stopping the dev server (PID ${child.pid})`);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));

child.on("error", (error) => {
  console.error(`[ctg-planner] webpack serve n'a pas démarré / did not start: ${error.message}`);
  removePidFile();
  process.exit(1);
});
child.on("exit", (code, signal) => {
  removePidFile();
  if (signal || stopping || code === 0) {
    console.log(`[ctg-planner] Serveur arrêté / dev server stopped${signal ? ` (${signal})` : ""}.`);
    process.exit(0);
  }
  console.error(`[ctg-planner] webpack serve s'est arrêté / exited with code ${code}.`);
  process.exit(code ?? 1);
});
