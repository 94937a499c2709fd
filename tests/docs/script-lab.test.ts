// The Script Lab snippet of docs/excel-check.md (docs/script-lab/ctg-planner-probes.yaml): its script
// typechecks against @types/office-js, and the requirement set each probe announces is the one the
// `[Api set: ExcelApi 1.x]` notes of @types/office-js give for the members it calls.

import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const SNIPPET = path.join(ROOT, "docs/script-lab/ctg-planner-probes.yaml");
const OFFICE_TYPES = path.join(ROOT, "node_modules/@types/office-js/index.d.ts");

/** A block scalar of the snippet (`script:` → `content: |` → lines indented by 8 spaces). */
function block(yaml: string, key: string): string {
  const lines = yaml.split("\n");
  const start = lines.indexOf(`${key}:`);
  if (start < 0 || !/^ {4}content: \|/.test(lines[start + 1] ?? "")) throw new Error(`no ${key}.content`);
  const out: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (line !== "" && !line.startsWith("        ")) break;
    out.push(line.slice(8));
  }
  return out.join("\n");
}

const yaml = fs.readFileSync(SNIPPET, "utf8");
const script = block(yaml, "script");

test("the snippet has Script Lab's shape: Excel, TypeScript, HTML, office.js and its types", () => {
  expect(yaml).toMatch(/^name: .+/m);
  expect(yaml).toMatch(/^description: /m);
  expect(yaml).toMatch(/^host: EXCEL$/m);
  expect(yaml).toMatch(/^api_set:\n {4}ExcelApi: '1\.7'$/m);
  expect(yaml).toMatch(/^ {4}language: typescript$/m);
  expect(yaml).toMatch(/^template:\n {4}content: \|-\n[\s\S]*?^ {4}language: html$/m);
  expect(yaml).toMatch(/^style:\n {4}content: \|-\n[\s\S]*?^ {4}language: css$/m);
  expect(yaml).toMatch(
    /^libraries: \|\n {4}https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js\n {4}@types\/office-js$/m,
  );
  for (const id of ["run-all", "run-cell-edit", "run-dropdown", "clean-up", "status", "results", "report"]) {
    expect(block(yaml, "template")).toContain(`id="${id}"`);
    expect(script).toContain(`"${id}"`);
  }
});

test("the snippet's script typechecks against @types/office-js (strict)", () => {
  const file = "/snippet/script.ts";
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2019,
    lib: ["lib.es2019.d.ts", "lib.dom.d.ts"],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (name) => (name === file ? script : read(name));
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || exists(name);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language) =>
    name === file ? ts.createSourceFile(name, script, language) : getSource(name, language);
  const program = ts.createProgram([file, OFFICE_TYPES], options, host);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  expect(diagnostics).toEqual([]);
});

/** `Class.member` → the `[Api set: …]` note above it, for the classes of `declare namespace Excel`. */
function excelApiSets(): Map<string, string> {
  const lines = fs.readFileSync(OFFICE_TYPES, "utf8").split("\n");
  const sets = new Map<string, string>();
  let inExcel = false;
  let cls: string | null = null;
  let note: string | null = null;
  for (const line of lines) {
    if (/^declare namespace /.test(line)) inExcel = line.startsWith("declare namespace Excel {");
    if (!inExcel) continue;
    const head = /^ {4}(?:class|interface|enum|namespace|type|function|const) (\w+)/.exec(line);
    if (head) {
      cls = line.startsWith("    class ") ? (head[1] ?? null) : null;
      note = null;
      continue;
    }
    const api = /\[Api set: ([^\]]+)\]/.exec(line);
    if (api) note = api[1] ?? null;
    const member = /^ {8}(?:readonly )?(\w+)\??[:(<]/.exec(line);
    if (member && cls !== null) {
      const key = `${cls}.${member[1] ?? ""}`;
      if (note !== null && !sets.has(key)) sets.set(key, note);
      note = null;
    }
  }
  return sets;
}

const versions = (note: string): number[] =>
  [...note.matchAll(/ExcelApi (\d+\.\d+)|(?:;|,) (\d+\.\d+)/g)].map((m) => Number(m[1] ?? m[2]));

/**
 * The lowest set a member needs: the lowest its note names, except a note that names only a
 * parameter's set (`ExcelApi 1.7 for password`, on `WorksheetProtection.unprotect`): the member
 * itself is older (the client gates no such call), and the probes call it without that parameter.
 */
const lowest = (note: string): number =>
  /^ExcelApi \d+\.\d+ for \w+$/.test(note) ? 1.1 : Math.min(...versions(note));

test("each probe announces a requirement set its members need (from @types/office-js)", () => {
  const sets = excelApiSets();
  const probes = [
    ...script.matchAll(/id: "([\w-]+)",\s+title:\s[\s\S]*?members: \[([\s\S]*?)\],\s+set: "(\d+\.\d+)"/g),
  ];
  expect(probes.map((p) => p[1])).toEqual(
    expect.arrayContaining([
      "null-range",
      "null-onchanged",
      "onchanged-add-remove",
      "data-validation",
      "chart-series",
      "page-layout",
      "partial-request",
      "delete-veryhidden",
      "protected-sheet",
      "table-resize",
      "cell-edit-mode",
      "dropdown-onchanged",
    ]),
  );
  for (const [, id, list, set] of probes) {
    const members = [...(list ?? "").matchAll(/"([\w.]+)"/g)].map((m) => m[1] ?? "");
    const claimed = Number(set);
    const notes = members.map((m) => {
      const note = sets.get(m);
      if (note === undefined) throw new Error(`${id}: ${m} has no [Api set] note in @types/office-js`);
      return note;
    });
    // Enough for every member (its lowest set), and a set some member really names (not inflated).
    expect(`${id}: ${notes.filter((n) => lowest(n) > claimed).join(" | ")}`).toBe(`${id}: `);
    expect(`${id}: ${notes.some((n) => versions(n).includes(claimed))}`).toBe(`${id}: true`);
  }
  // Spot checks of the table itself.
  expect(sets.get("Range.dataValidation")).toBe("ExcelApi 1.8");
  expect(sets.get("Table.resize")).toBe("ExcelApi 1.13");
  expect(sets.get("Worksheet.onChanged")).toBe("ExcelApi 1.7");
  expect(sets.get("PageLayout.setPrintArea")).toBe("ExcelApi 1.9");
});
