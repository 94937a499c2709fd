// The requirement-set table (generated from the office.js client's own gates) is up to date and
// agrees with @types/office-js for what the adapter uses; the static check of the adapter
// (scripts/check-api-sets.mjs, run by .ci/run) passes, and fails on a planted unguarded 1.8 member.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { apiSetOf, NEWEST_EXCEL_API, versionAtLeast } from "../../../src/workbook/office/api-sets";
import table from "../../../src/workbook/office/api-sets.generated.json";

const ROOT = join(__dirname, "../../..");

interface Use {
  readonly member: string;
  readonly set: string;
  readonly version: string | null;
  readonly types: { readonly set: string; readonly version: string | null } | null;
  readonly file: string;
  readonly line: number;
  readonly guard: string | null;
}

interface CheckOutput {
  readonly min: string;
  readonly used: readonly Use[];
  readonly failures: readonly Use[];
}

function runCheck(files: readonly string[] = []): {
  status: number | null;
  out: CheckOutput;
  stderr: string;
} {
  const r = spawnSync(process.execPath, ["scripts/check-api-sets.mjs", "--json", ...files], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, out: JSON.parse(r.stdout) as CheckOutput, stderr: r.stderr };
}

test("the committed table is what scripts/gen-api-sets.mjs makes from the installed office.js client", () => {
  // Throws (exit 1) when the committed file differs.
  execFileSync(process.execPath, ["scripts/gen-api-sets.mjs", "--check"], { cwd: ROOT });
  expect(table.source).toMatch(/^@microsoft\/office-js@[\d.]+ dist\/excel-win32-16\.01\.debug\.js$/);
  expect(table.gates).toBeGreaterThan(600);
  expect(Object.keys(table.excelApi).length).toBeGreaterThan(500);
  expect(apiSetOf("Range.dataValidation")).toEqual({ set: "ExcelApi", version: "1.8" });
  expect(apiSetOf("Worksheet.pageLayout")).toEqual({ set: "ExcelApi", version: "1.9" });
  expect(apiSetOf("Worksheet.onChanged")).toEqual({ set: "ExcelApi", version: "1.7" });
  expect(apiSetOf("Range.values")).toBeNull(); // not gated by the client: ExcelApi 1.1
  expect(apiSetOf("Worksheet.onNameChanged")?.set).toBe("ExcelApiOnline");
  expect(versionAtLeast(NEWEST_EXCEL_API, "1.12")).toBe(true);
  expect(versionAtLeast("1.10", "1.9")).toBe(true);
  expect(versionAtLeast("1.7", "1.8")).toBe(false);
});

test("the adapter passes the static check at the manifest's minimum; the table agrees with @types for what it uses", () => {
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  const min = /<Set Name="ExcelApi" MinVersion="([\d.]+)"/.exec(manifest)?.[1];
  const { status, out, stderr } = runCheck();
  expect(stderr).toBe("");
  expect(status).toBe(0);
  expect(out.min).toBe(min);
  expect(out.failures).toEqual([]);
  const members = new Map(out.used.map((u) => [u.member, u]));
  // What the adapter uses above 1.7 is there, each behind its check.
  for (const m of [
    "Range.dataValidation",
    "Worksheet.pageLayout",
    "ChartAxis.numberFormat",
    "RangeFormat.indentLevel",
  ])
    expect(members.get(m)?.version).toBeDefined();
  for (const u of out.used.filter((x) => x.version !== null && !versionAtLeast(out.min, x.version)))
    expect({
      member: u.member,
      guarded: u.guard !== null && versionAtLeast(u.guard, u.version ?? "999"),
    }).toEqual({
      member: u.member,
      guarded: true,
    });
  // Disagreements with @types/office-js: where both give a version, they must be equal; where the
  // client does not gate a member that @types annotates, the member is on an object reached through
  // a gated one (DataValidation.rule behind Range.dataValidation): listed, for the record.
  const conflicts = [...members.values()].filter(
    (u) =>
      table.excelApi[u.member as keyof typeof table.excelApi] !== undefined && u.types?.version !== u.version,
  );
  expect(conflicts.map((u) => `${u.member}: client ${u.version}, @types ${u.types?.version}`)).toEqual([]);
  const behindGates = [...members.values()].filter(
    (u) => u.version === "1.1" && u.types !== null && u.types.version !== "1.1",
  );
  console.log(
    `api sets: ${members.size} Excel members used; @types annotates ${behindGates.length} the client does not gate (reached through gated ones): ` +
      behindGates.map((u) => `${u.member} (${u.types?.version})`).join(", "),
  );
});

test("a planted unguarded ExcelApi 1.8 member fails the check; the same behind its set's check passes", () => {
  const dir = join(ROOT, ".tmp", "api-check");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = (name: string, body: string): string => {
    const path = join(dir, `${name}.ts`);
    writeFileSync(path, `${body}\nexport {};\n`);
    return path;
  };
  const supports = `declare const supports: (set: string, version: string) => boolean;\n`;
  const planted = file(
    "planted",
    `export function wipe(range: Excel.Range): void {\n  range.dataValidation.clear();\n}`,
  );
  const guardedIf = file(
    "guarded-if",
    `${supports}export function wipe(range: Excel.Range): void {\n  if (supports("ExcelApi", "1.8")) range.dataValidation.clear();\n}`,
  );
  const tooLow = file(
    "too-low",
    `${supports}export function wipe(range: Excel.Range): void {\n  if (supports("ExcelApi", "1.7")) range.dataValidation.clear();\n}`,
  );
  const flags = file(
    "flags",
    `${supports}const can = { validation: supports("ExcelApi", "1.8"), layout: supports("ExcelApi", "1.9") };\n` +
      `function clearIt(range: Excel.Range, ok: boolean): void {\n  if (ok) range.dataValidation.clear();\n}\n` +
      `export function wipe(ranges: Excel.Range[], sheet: Excel.Worksheet): void {\n` +
      `  for (const range of ranges) {\n    if (!can.validation) continue;\n    range.dataValidation.clear();\n  }\n` +
      `  clearIt(ranges[0] as Excel.Range, can.layout && can.validation);\n` +
      `  const orientation = can.layout ? sheet.pageLayout.orientation : null;\n  void orientation;\n}`,
  );
  const wrongParam = file(
    "wrong-param",
    `${supports}function clearIt(range: Excel.Range, ok: boolean): void {\n  if (ok) range.dataValidation.clear();\n}\n` +
      `export function wipe(range: Excel.Range): void {\n  clearIt(range, supports("ExcelApi", "1.8"));\n  clearIt(range, true);\n}`,
  );
  try {
    const { status, out, stderr } = runCheck([planted, guardedIf, tooLow, flags, wrongParam]);
    expect(status).toBe(1);
    const failed = out.failures.map(
      (f) => `${f.file.replace(/^\.tmp\/api-check\//, "")}:${f.line} ${f.member}`,
    );
    expect(failed.sort()).toEqual(
      [
        "planted.ts:2 Range.dataValidation",
        "too-low.ts:3 Range.dataValidation",
        "wrong-param.ts:3 Range.dataValidation",
      ].sort(),
    );
    expect(stderr).toContain(
      "planted.ts:2: Range.dataValidation needs ExcelApi 1.8, above the manifest's ExcelApi 1.7",
    );
    // The guarded ones were seen, with their guard.
    const seen = out.used.filter((u) => u.file.includes("flags.ts") && u.member === "Range.dataValidation");
    expect(seen.map((u) => u.guard)).toEqual(["1.9", "1.8"]); // the parameter (1.9 && 1.8), the early continue
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
