#!/usr/bin/env node
/**
 * Generates src/workbook/office/api-sets.generated.json: the requirement set of every Excel
 * JavaScript API member the office.js client itself gates, read from the client's own debug script
 * (node_modules/@microsoft/office-js/dist/excel-win32-16.01.debug.js). Each gated member there reads
 *
 *     _throwIfApiNotSupported("Range.dataValidation", _defaultApiSetName, "1.8", _hostName);
 *
 * where `_defaultApiSetName` is the one declared last before it (`var _defaultApiSetName = "ExcelApi"`
 * in the Excel part of the file). A member the client does not gate is ExcelApi 1.1 (the client
 * throws only for members above the host's set; those of 1.1 are everywhere).
 *
 * Usage: node scripts/gen-api-sets.mjs            (writes the file)
 *        node scripts/gen-api-sets.mjs --check    (exit 1 when the committed file differs)
 *        node scripts/gen-api-sets.mjs --print    (prints what it would write)
 *
 * Regenerate after upgrading @microsoft/office-js; tests/workbook/office/api-sets.test.ts checks the
 * committed file equals what this script makes now, and compares it with @types/office-js.
 */

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLIENT = "node_modules/@microsoft/office-js/dist/excel-win32-16.01.debug.js";
const OUT = "src/workbook/office/api-sets.generated.json";

/**
 * The gates of the client script.
 *
 * @param {string} text - the debug script
 * @returns {{ namespace: string, member: string, set: string, version: string }[]} every gate with a
 *   literal version, in file order (one more builds its name at run time: WorksheetCollection's event
 *   methods of ExcelApi 1.12, which the adapter does not use)
 */
export function gatesOf(text) {
  const gates = [];
  // The file is a run of top-level IIFEs, `(function (Excel) { … })(Excel || (Excel = {}));`, each
  // declaring its own `var _defaultApiSetName` somewhere inside (hoisted: gates may come before it).
  const sections = text.split(/^\}\)\((\w+) \|\| \(\w+ = \{\}\)\);$/m);
  for (let i = 0; i + 1 < sections.length; i += 2) {
    const body = sections[i];
    const namespace = sections[i + 1];
    const declared = /var _defaultApiSetName = "([^"]+)"/.exec(body)?.[1] ?? null;
    const re = /_throwIfApiNotSupported\("([^"]+)", (?:"([^"]+)"|_defaultApiSetName), "(\d+\.\d+)"/g;
    for (const m of body.matchAll(re)) {
      const set = m[2] ?? declared;
      if (set === null) throw new Error(`gen-api-sets: ${m[1]} gated without a _defaultApiSetName`);
      gates.push({ namespace, member: m[1], set, version: m[3] });
    }
  }
  return gates;
}

function compareVersions(a, b) {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

/**
 * The table: ExcelApi members → version, other sets' members → { set, version }.
 *
 * @returns {object} the JSON written
 */
export function generate() {
  const text = readFileSync(join(ROOT, CLIENT), "utf8");
  const pkg = JSON.parse(readFileSync(join(ROOT, "node_modules/@microsoft/office-js/package.json"), "utf8"));
  const gates = gatesOf(text);
  const excel = {};
  const other = {};
  for (const g of gates) {
    if (g.namespace !== "Excel") continue; // the shared Office parts (telemetry, authentication…)
    // The Excel part's set is ExcelApi; a few members there name another (ExcelApiOnline…).
    if (g.set === "ExcelApi") {
      const prev = excel[g.member];
      // Gated twice (a getter and a method of one name): the higher version counts.
      if (prev === undefined || compareVersions(g.version, prev) > 0) excel[g.member] = g.version;
    } else {
      other[g.member] = { set: g.set, version: g.version };
    }
  }
  const sortKeys = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  const versions = Object.values(excel).sort(compareVersions);
  return {
    source: `${pkg.name}@${pkg.version} ${CLIENT.replace("node_modules/@microsoft/office-js/", "")}`,
    gates: gates.filter((g) => g.namespace === "Excel").length,
    unGated: "1.1",
    newest: versions[versions.length - 1],
    excelApi: sortKeys(excel),
    otherSets: sortKeys(other),
  };
}

export function render(table) {
  return `${JSON.stringify(table, null, 2)}\n`;
}

const invoked = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invoked) {
  const out = render(generate());
  if (process.argv.includes("--print")) process.stdout.write(out);
  else if (process.argv.includes("--check")) {
    const committed = readFileSync(join(ROOT, OUT), "utf8");
    if (committed !== out) {
      console.error(`gen-api-sets: ${OUT} is out of date: run node scripts/gen-api-sets.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(join(ROOT, OUT), out);
    const t = JSON.parse(out);
    console.log(
      `gen-api-sets: ${Object.keys(t.excelApi).length} ExcelApi members, ${Object.keys(t.otherSets).length} of other sets, from ${t.gates} gates -> ${OUT}`,
    );
  }
}
