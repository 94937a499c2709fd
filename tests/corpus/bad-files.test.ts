// The committed fault corpus is exactly what tests/fixtures/make-bad-corpus.ts builds: no file drifts,
// none is missing, none is left over, and the README lists every case with its expected outcome.
// `CTG_WRITE_BAD_CORPUS=1 npx jest tests/corpus/bad-files` rewrites them.

import * as fs from "fs";
import * as path from "path";
import {
  BAD_CASES,
  BAD_DIR,
  corpusReadme,
  FACILITY_CASES,
  writeBadCorpus,
} from "../fixtures/make-bad-corpus";

/** Every file of the corpus: the reader's cases and the facility cases (issue #14). */
const ALL_CASES = [...BAD_CASES, ...FACILITY_CASES];

if (process.env.CTG_WRITE_BAD_CORPUS === "1") {
  for (const f of fs.existsSync(BAD_DIR) ? fs.readdirSync(BAD_DIR) : []) {
    if (f.endsWith(".xlsx")) fs.rmSync(path.join(BAD_DIR, f));
  }
  writeBadCorpus();
}

test("every case builds the same bytes twice (fixed zip timestamps)", () => {
  for (const c of ALL_CASES) {
    if (c.id === "long-strings" || c.id === "row-limit") continue; // large: compared below only
    expect(Buffer.from(c.build()).equals(Buffer.from(c.build()))).toBe(true);
  }
});

test("the committed files are exactly what the script builds", () => {
  const drifted: string[] = [];
  for (const c of ALL_CASES) {
    const file = path.join(BAD_DIR, `${c.id}.xlsx`);
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(Buffer.from(c.build()))) drifted.push(c.id);
  }
  expect(drifted).toEqual([]);
});

test("no file is left over from a removed case", () => {
  const expected = new Set([...ALL_CASES.map((c) => `${c.id}.xlsx`), "README.md"]);
  expect(fs.readdirSync(BAD_DIR).filter((f) => !expected.has(f))).toEqual([]);
});

test("the README lists every case with its expected outcome", () => {
  const readme = fs.readFileSync(path.join(BAD_DIR, "README.md"), "utf8");
  expect(readme).toBe(corpusReadme());
  for (const c of ALL_CASES) expect(readme).toContain(`\`${c.id}.xlsx\``);
  expect(new Set(ALL_CASES.map((c) => c.id)).size).toBe(ALL_CASES.length);
});
