/**
 * The pane's issue sentences: only the language shown is downloaded (a chunk per language, see
 * src/i18n/issue-sentences.ts), the other one when the user switches to it. Start-up asks for the
 * first language's at once, with the engine's chunk; the pane changes language once the new
 * language's sentences are here.
 */

import type { Lang } from "../core";
import { loadIssueSentences, type IssueFormatter } from "../i18n";

const loaded: Partial<Record<Lang, IssueFormatter>> = {};
const loading: Partial<Record<Lang, Promise<IssueFormatter>>> = {};

/**
 * Loads one language's issue sentences, once (again after a failed load).
 *
 * @param lang - the language
 * @returns its formatter
 */
export function loadIssueText(lang: Lang): Promise<IssueFormatter> {
  const pending =
    loading[lang] ??
    loadIssueSentences(lang).then(
      (format) => (loaded[lang] = format),
      (error: unknown) => {
        delete loading[lang];
        throw error;
      },
    );
  loading[lang] = pending;
  return pending;
}

/**
 * One language's issue sentences if they are loaded.
 *
 * @param lang - the language
 * @returns its formatter, or undefined before {@link loadIssueText} has brought it
 */
export function issueText(lang: Lang): IssueFormatter | undefined {
  return loaded[lang];
}
