// The fault corpus (tests/fixtures/make-bad-corpus.ts) through the engine: snapshotPackage +
// planWorkbook. Nothing crashes: each case ends in the issues it expects, every issue names a cell
// of the workbook and can be phrased in both languages, or the case ends in a usage or file error.

import { FACILITY_TABLE, readFacilityTable } from "../../src/core/facilities";
import { formatIssue } from "../../src/i18n";
import { openPackage } from "../../src/workbook/xlsx/package";
import { readTableGrid } from "../../src/workbook/xlsx/read";
import { BAD_CASES, FACILITY_CASES, type FacilityCase } from "../fixtures/make-bad-corpus";
import {
  brief,
  engine,
  expectIssues,
  isCellAddress,
  PARAMETER_CODES,
  PARAMETER_NAMES,
  RUNNABLE,
  USAGE_CASES,
} from "./corpus-helpers";

/** Cases with a million-row used range: they must not cost a naive million-row read. */
const LARGE = new Set(["row-limit", "stray-cell-xfd1048576"]);

test("the corpus holds at least 40 cases with distinct ids", () => {
  expect(BAD_CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(BAD_CASES.map((c) => c.id)).size).toBe(BAD_CASES.length);
  for (const c of BAD_CASES) {
    expect(c.id).toMatch(/^[a-z0-9-]+$/);
    if (c.expect.exit === 2) expect(c.expect.usage).toBeInstanceOf(RegExp);
    else expect(c.expect.issues).toBeDefined();
  }
});

test.each(RUNNABLE.map((c) => [c.id, c] as const))("%s", (_id, c) => {
  const bytes = c.build();
  const t0 = performance.now();
  const outcome = engine(bytes);
  const ms = performance.now() - t0;
  if (outcome.kind !== "plan")
    throw new Error(`${c.id}: unexpected ${outcome.error.name}: ${outcome.error.message}`);
  const { result } = outcome;
  expectIssues(result.issues.map(brief), c);
  expect(result.status === "blocked").toBe(c.expect.exit === 1);
  expect(result.status === "blocked").toBe(result.issues.some((i) => i.severity === "error"));
  for (const issue of result.issues) {
    // Every issue names a cell of the workbook (parameter issues: the parameter, no cell holding it).
    if (PARAMETER_CODES.has(issue.code) && PARAMETER_NAMES.has(issue.cell)) continue;
    expect(isCellAddress(issue.cell)).toBe(true);
    for (const r of issue.related ?? []) expect(isCellAddress(r)).toBe(true);
    // And every message can be phrased, in both languages, without a missing value.
    for (const lang of ["fr", "en"] as const)
      expect(formatIssue(issue, lang)).not.toMatch(/undefined|NaN|\?\?/);
  }
  for (const e of c.expect.issues ?? []) {
    if (e.message === undefined) continue;
    const found = result.issues.find((i) => i.code === e.code && i.cell === e.cell);
    expect(found && formatIssue(found, "fr")).toMatch(e.message);
  }
  if (c.expect.exit === 0) {
    expect(result.plan).not.toBeNull();
    if (c.expect.total !== undefined) expect((result.plan?.total ?? NaN) / 100).toBe(c.expect.total);
    if (c.expect.rows !== undefined) expect(result.rows).toHaveLength(c.expect.rows);
  }
  if (LARGE.has(c.id)) expect(ms).toBeLessThan(10_000);
});

test.each(USAGE_CASES.map((c) => [c.id, c] as const))("%s: a usage or file error", (_id, c) => {
  const outcome = engine(c.build());
  if (outcome.kind !== "usage")
    throw new Error(`${c.id}: expected a usage error, got ${outcome.result.issues.length} issues`);
  expect(outcome.error.message).toMatch(c.expect.usage ?? /./);
});

/** readFacilityTable on a facility case's table, against the reference its workbook plans with. */
function readFacilities(c: FacilityCase): ReturnType<typeof readFacilityTable> {
  const bytes = c.build();
  const outcome = engine(bytes);
  if (outcome.kind !== "plan") throw new Error(`${c.id}: ${outcome.error.message}`);
  const { grid, origin } = readTableGrid(openPackage(bytes), FACILITY_TABLE);
  return readFacilityTable(grid, { origin, communes: outcome.result.reference, headerRow: 0 });
}

test("the corpus holds about ten facility cases (issue #14) with ids of their own", () => {
  expect(FACILITY_CASES.length).toBeGreaterThanOrEqual(10);
  const ids = new Set([...BAD_CASES, ...FACILITY_CASES].map((c) => c.id));
  expect(ids.size).toBe(BAD_CASES.length + FACILITY_CASES.length);
  for (const c of FACILITY_CASES) {
    expect(c.id).toMatch(/^facility-[a-z0-9-]+$/);
    // An error leaves no facility and blocks the command; warnings alone do neither. An empty table
    // (no rows under its header, as first written) is no bonus rather than an error for the command.
    const errors = c.facilityIssues.some((i) => i.severity === "error" && i.code !== "facility-no-rows");
    if (errors) expect([c.facilities, c.expect.exit]).toEqual([0, 1]);
  }
});

test.each(FACILITY_CASES.map((c) => [c.id, c] as const))("facilities: %s", (_id, c) => {
  const read = readFacilities(c);
  expect(read.issues.map(brief)).toEqual(c.facilityIssues.map(brief));
  expect(read.facilities).toHaveLength(c.facilities);
  for (const issue of read.issues) {
    expect(isCellAddress(issue.cell)).toBe(true);
    for (const r of issue.related ?? []) expect(isCellAddress(r)).toBe(true);
    for (const lang of ["fr", "en"] as const)
      expect(formatIssue(issue, lang)).not.toMatch(/undefined|NaN|\?\?/);
  }
  for (const e of c.facilityIssues) {
    if (e.message === undefined) continue;
    const found = read.issues.find((i) => i.code === e.code && i.cell === e.cell);
    expect(found && formatIssue(found, "fr")).toMatch(e.message);
  }
});

test("facilities: places typed as text are read as their number, a formula-looking name as its text", () => {
  const byId = (id: string): FacilityCase => {
    const c = FACILITY_CASES.find((x) => x.id === id);
    if (c === undefined) throw new Error(id);
    return c;
  };
  // The text '75' on row 6 is read (the error is row 7's word); the row reads as 75 places once the
  // word is gone: the duplicate case's row 7 is the unchanged base row.
  const asText = readFacilities(byId("facility-places-as-text"));
  expect(asText.issues.map((i) => i.cell)).toEqual(["'Équipements CTG'!H7"]);
  const named = readFacilities(byId("facility-formula-looking-name"));
  expect(named.facilities[2]?.name).toBe('=HYPERLINK("https://exemple.invalid";"Cliquez ici")');
  expect(named.facilities[2]?.cells.facility).toBe("'Équipements CTG'!A7");
});
