/**
 * The pane's language and theme in a plain browser: `?lang=en|fr` and `?theme=dark|light` win, then
 * the browser's language and `prefers-color-scheme`. French unless the browser says English. Inside
 * Excel the Office adapter gives them (Office's display language and theme).
 */

import type { Lang } from "../core";
import type { HostEnvironment } from "./host";

/**
 * The pane's language for a language tag: English for `en`, `en-GB`…, French otherwise.
 *
 * @param tag - a BCP 47 tag (`fr-FR`, `en-US`), or undefined
 * @returns the language
 */
export function langOfTag(tag: string | undefined | null): Lang {
  return tag !== undefined && tag !== null && /^en\b/i.test(tag.trim()) ? "en" : "fr";
}

/**
 * The environment asked for by the URL and the browser.
 *
 * @param search - `location.search`
 * @param browserLang - `navigator.language`
 * @param prefersDark - whether `prefers-color-scheme: dark` matches
 * @returns the language and the theme
 */
export function browserEnvironment(
  search: string,
  browserLang: string | undefined,
  prefersDark: boolean,
): HostEnvironment {
  const query = new URLSearchParams(search);
  const langParam = query.get("lang");
  const themeParam = query.get("theme");
  const lang: Lang = langParam === "en" || langParam === "fr" ? langParam : langOfTag(browserLang);
  const theme = themeParam === "dark" || themeParam === "light" ? themeParam : prefersDark ? "dark" : "light";
  return { lang, theme };
}

/** Whether the URL forces the theme (then `prefers-color-scheme` changes are not followed). */
export function themeForced(search: string): boolean {
  const t = new URLSearchParams(search).get("theme");
  return t === "dark" || t === "light";
}
