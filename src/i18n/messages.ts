/**
 * The one place where issue codes become sentences, in French and English: each language's table is a
 * module of its own (issue-sentences-fr.ts, issue-sentences-en.ts), each checked by the compiler (one
 * entry per code, each a sentence of that code's data; no key can be missing). Each sentence says what
 * is wrong and how to fix it. The command line and the report use both tables through formatIssue; the
 * pane loads only its language's (issue-sentences.ts).
 */

import type { Issue, Lang } from "../core";
import { phrase, type IssueSentences } from "./issue-kit";
import { ISSUE_SENTENCES_EN } from "./issue-sentences-en";
import { ISSUE_SENTENCES_FR } from "./issue-sentences-fr";

const ISSUE_SENTENCES: Readonly<Record<Lang, IssueSentences>> = {
  fr: ISSUE_SENTENCES_FR,
  en: ISSUE_SENTENCES_EN,
};

/**
 * Turns one issue into a sentence that says what is wrong and how to fix it.
 *
 * @param issue - the issue
 * @param lang - the language
 * @returns the sentence, without the cell address (see {@link formatIssueLine})
 */
export function formatIssue(issue: Issue, lang: Lang): string {
  return phrase(ISSUE_SENTENCES[lang], issue);
}

/**
 * One issue as a line: `Financements!D7: Montant vide : …`, or the sentence alone when the issue has
 * no cell.
 *
 * @param issue - the issue
 * @param lang - the language
 * @returns the line
 */
export function formatIssueLine(issue: Issue, lang: Lang): string {
  const message = formatIssue(issue, lang);
  return issue.cell === "" ? message : `${issue.cell}: ${message}`;
}
