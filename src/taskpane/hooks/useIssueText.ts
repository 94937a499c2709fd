import { useEffect, useState } from "react";
import type { Lang } from "../../core";
import type { IssueFormatter } from "../../i18n";
import { issueText, loadIssueText } from "../issue-text";
import { loadAfterPaint } from "./after-paint";

/**
 * The issue sentences of the pane's language. Start-up and the language switch load them before the
 * pane shows that language, so they are normally here at once; otherwise null until they load
 * (tried again while they cannot).
 *
 * @param lang - the language
 * @returns its formatter, or null while it loads
 */
export function useIssueText(lang: Lang): IssueFormatter | null {
  const format = issueText(lang) ?? null;
  const [, setLoaded] = useState<Lang | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (format !== null) return;
    return loadAfterPaint(
      () => loadIssueText(lang),
      () => setLoaded(lang),
      () => setAttempt((n) => n + 1),
    );
  }, [lang, format, attempt]);
  return format;
}
