/**
 * One language's issue sentences, loaded on demand: the pane downloads only its language's table
 * before it shows figures, and the other one when the user switches (formatIssue, in messages.ts,
 * holds both for the command line and the report).
 */

import type { Issue, Lang } from "../core";

/** One language's sentence of an issue, without the cell address (as formatIssue in that language). */
export type IssueFormatter = (issue: Issue) => string;

/**
 * Loads one language's issue sentences: a chunk of their own in the pane's build, with what they are
 * written with (this module imports nothing of them, so that the script that asks stays small).
 *
 * @param lang - the language
 * @returns the formatter of that language, as formatIssue with `lang`
 */
export async function loadIssueSentences(lang: Lang): Promise<IssueFormatter> {
  return lang === "fr"
    ? (await import(/* webpackChunkName: "issues-fr" */ "./issue-sentences-fr.js")).formatIssueFr
    : (await import(/* webpackChunkName: "issues-en" */ "./issue-sentences-en.js")).formatIssueEn;
}
