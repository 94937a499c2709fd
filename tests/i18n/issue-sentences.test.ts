import { COMMUNES } from "../../src/core/communes";
import { readFundingTable } from "../../src/core/reader";
import type { Lang } from "../../src/core/types";
import { formatIssue, loadIssueSentences } from "../../src/i18n";

// The pane loads one language's issue sentences (a chunk per language): each must say exactly what
// formatIssue says in that language.
const grid = [
  ["Commune", "Montant"],
  ["Atlantis", 500],
  ["Le Creusot", "douze"],
  ["Blanzy", "1 000,00 €"],
  ["", 20],
  ["Torcy", ""],
];
const issues = readFundingTable(grid, {
  origin: { sheet: "Financements", topLeft: "A1" },
  communes: COMMUNES,
}).issues;

describe("loadIssueSentences: one language's sentences, as formatIssue", () => {
  it("reads a grid with several kinds of issue", () => {
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(["fr", "en"] as const)("%s: each issue's sentence is formatIssue's", async (lang: Lang) => {
    const format = await loadIssueSentences(lang);
    for (const issue of issues) expect(format(issue)).toBe(formatIssue(issue, lang));
  });

  it("French and English are different tables", async () => {
    const [fr, en] = await Promise.all([loadIssueSentences("fr"), loadIssueSentences("en")]);
    for (const issue of issues) expect(fr(issue)).not.toBe(en(issue));
  });
});
