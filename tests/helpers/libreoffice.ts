// Test helper: drive a headless LibreOffice to recalculate .xlsx workbooks (or render them to PDF).
//
// Every call gets its own throwaway LibreOffice profile (UserInstallation), so several jest workers can
// run soffice at the same time without fighting over one profile lock. The profile's
// registrymodifications.xcu forces a full recalculation on load (OOXMLRecalcMode = ODFRecalcMode = 0,
// "always"): the installed default is 1 ("never"), under which LibreOffice keeps the cached <v> values
// written by whoever produced the file.

import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

export const LIBREOFFICE_INSTALL_COMMAND = "apt-get update && apt-get install -y libreoffice-calc-nogui";

/** registrymodifications.xcu that makes Calc recalculate every formula when it loads .xlsx and .ods files. */
export const FORCE_RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const DEFAULT_TIMEOUT_MS = 90_000;

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Absolute path of the LibreOffice binary; throws with the install command when there is none. */
export function findSoffice(): string {
  const override = process.env.SOFFICE_PATH;
  if (override && isExecutable(override)) return override;
  const names = process.platform === "win32" ? ["soffice.exe", "soffice.com"] : ["soffice", "libreoffice"];
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter((d) => d.length > 0);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  const wellKnown = [
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
  ];
  for (const candidate of wellKnown) {
    if (isExecutable(candidate)) return candidate;
  }
  throw new Error(
    "LibreOffice is required to recalculate workbooks in tests, but neither `soffice` nor `libreoffice` " +
      `was found on PATH. Install it with: ${LIBREOFFICE_INSTALL_COMMAND}`,
  );
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // detached: soffice is a shell wrapper around soffice.bin; its own process group lets a timeout
    // kill exactly the processes this call started, and nothing else.
    const child = spawn(command, args, {
      cwd,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      const pid = child.pid;
      if (pid === undefined) return;
      try {
        if (process.platform === "win32") child.kill("SIGKILL");
        else process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

interface ConvertOptions {
  format: "xlsx" | "pdf";
  outDir: string;
  /** Name (with extension) the input is staged under; LibreOffice names its output after it. */
  stagedName: string;
  timeoutMs: number;
  forceRecalc: boolean;
}

async function convert(inputPath: string, opts: ConvertOptions): Promise<string> {
  const soffice = findSoffice();
  const input = path.resolve(inputPath);
  if (!fs.existsSync(input)) throw new Error(`LibreOffice conversion: input file not found: ${input}`);
  const outDir = path.resolve(opts.outDir);
  fs.mkdirSync(outDir, { recursive: true });

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "ctg-lo-"));
  try {
    const profile = path.join(work, "profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    if (opts.forceRecalc) {
      fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), FORCE_RECALC_XCU, "utf8");
    }
    // Stage a copy of the input: LibreOffice names the output <input basename>.<format>, so the staged
    // name decides the output name and the caller's file can never be overwritten.
    const staged = path.join(work, opts.stagedName);
    fs.copyFileSync(input, staged);
    const outputPath = path.join(outDir, `${path.parse(opts.stagedName).name}.${opts.format}`);
    if (outputPath === input) throw new Error(`LibreOffice conversion would overwrite its input: ${input}`);
    fs.rmSync(outputPath, { force: true });

    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      opts.format,
      "--outdir",
      outDir,
      staged,
    ];
    const started = Date.now();
    const res = await run(soffice, args, work, opts.timeoutMs);
    const describe = (): string =>
      `${soffice} ${args.join(" ")}\nexit code: ${String(res.code)}, signal: ${String(res.signal)}, ` +
      `after ${Date.now() - started} ms\nstdout:\n${res.stdout.trim()}\nstderr:\n${res.stderr.trim()}`;
    if (res.timedOut) {
      throw new Error(
        `LibreOffice timed out after ${opts.timeoutMs} ms converting ${input} to ${opts.format}.\n${describe()}`,
      );
    }
    if (res.code !== 0) {
      throw new Error(`LibreOffice failed converting ${input} to ${opts.format}.\n${describe()}`);
    }
    // soffice exits 0 even when it cannot load the source ("Error: source file could not be loaded").
    if (!fs.existsSync(outputPath)) {
      throw new Error(
        `LibreOffice produced no ${outputPath} converting ${input} to ${opts.format}.\n${describe()}`,
      );
    }
    return outputPath;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface RecalcOptions {
  /** Where the recalculated copy goes; defaults to a fresh temporary directory. */
  outDir?: string;
  /** Kill LibreOffice after this long (default 90 s). */
  timeoutMs?: number;
  /**
   * Force a full recalculation on load (default true). false runs LibreOffice with a pristine profile,
   * i.e. its shipped defaults: only useful to probe what LibreOffice does on its own.
   */
  forceRecalc?: boolean;
}

/**
 * Open `inputPath` in headless LibreOffice, recalculate every formula and save it as .xlsx.
 * Returns the path of the recalculated copy, `<outDir>/<input name>.recalc.xlsx`; the input is untouched.
 * Without `outDir` the copy goes to a new temporary directory, which the caller may delete.
 */
export async function recalcXlsx(inputPath: string, options: RecalcOptions = {}): Promise<string> {
  if (!fs.existsSync(inputPath))
    throw new Error(`recalcXlsx: input file not found: ${path.resolve(inputPath)}`);
  const outDir = options.outDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "ctg-recalc-"));
  const parsed = path.parse(inputPath);
  return convert(inputPath, {
    format: "xlsx",
    outDir,
    stagedName: `${parsed.name}.recalc${parsed.ext || ".xlsx"}`,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    forceRecalc: options.forceRecalc ?? true,
  });
}

/** Render `inputPath` to `<outDir>/<input name>.pdf` (formulas recalculated first). Returns the PDF path. */
export async function convertToPdf(
  inputPath: string,
  outDir: string,
  options: { timeoutMs?: number } = {},
): Promise<string> {
  return convert(inputPath, {
    format: "pdf",
    outDir,
    stagedName: path.basename(inputPath),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    forceRecalc: true,
  });
}
