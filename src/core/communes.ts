/**
 * The commune reference and the matching of the names found in funding tables against it.
 *
 * Matching is deliberately strict: an official name or a known short form, compared after
 * normalization (case, accents, punctuation, `St`/`Ste`), or an INSEE code. Anything else is unknown,
 * with a few suggestions to show the user; nothing is guessed.
 */

import { COMMUNES_DATA } from "./communes.data";
import type { Commune } from "./types";

/**
 * The 34 member communes of the Communauté urbaine Creusot Montceau, sorted by population
 * descending then name. Generated from `@etalab/decoupage-administratif` (see communes.data.ts).
 */
export const COMMUNES: readonly Commune[] = COMMUNES_DATA;

/** The outcome of matching a text against a commune reference. */
export type CommuneMatch =
  | {
      readonly kind: "match";
      readonly commune: Commune;
      /** What matched: the official name, a known short form, or the INSEE code. */
      readonly by: "name" | "alias" | "insee";
    }
  | {
      readonly kind: "unknown";
      /** Up to 3 official names close to the text, nearest first; empty when none is close. */
      readonly suggestions: readonly string[];
    };

/**
 * Short forms council documents use, by INSEE code. They are resolved against the reference given to
 * {@link matchCommune} (by code), so an edited reference keeps them as long as the code is there.
 * Each must be unambiguous among the 34 communes (checked by the tests).
 */
export const COMMUNE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "71306": ["Montceau"], // Montceau-les-Mines
  "71499": ["Sanvignes"], // Sanvignes-les-Mines
  "71132": ["Ciry"], // Ciry-le-Noble
  "71346": ["Perrecy"], // Perrecy-les-Forges
  "71153": ["Creusot", "Creusot (Le)"], // Le Creusot
  "71059": ["Breuil", "Breuil (Le)"], // Le Breuil
  "71038": ["Bizots", "Bizots (Les)"], // Les Bizots
  "71390": ["Saint-Berain"], // Saint-Berain-sous-Sanvignes
  "71482": ["Saint-Symphorien"], // Saint-Symphorien-de-Marmagne
  "71477": ["Saint-Romain"], // Saint-Romain-sous-Gourdon
  "71436": ["Saint-Laurent"], // Saint-Laurent-d'Andenay
  "71435": ["Saint-Julien"], // Saint-Julien-sur-Dheune
  "71479": ["Saint-Sernin"], // Saint-Sernin-du-Bois
  "71468": ["Saint-Pierre"], // Saint-Pierre-de-Varennes
};

/** The same table as a Map, so that no INSEE code can hit an inherited property of the object. */
const ALIASES_BY_INSEE: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(COMMUNE_ALIASES));

const MAX_SUGGESTIONS = 3;

/**
 * Normalizes a commune name for comparison: lower case, accents and ligatures removed (NFD),
 * every run of characters other than letters and digits (spaces, hyphens, apostrophes `'` and `’`,
 * dots, parentheses…) turned into one space, trimmed, and the words `st`/`ste` expanded to
 * `saint`/`sainte`. Articles are kept: "Le Creusot" and "Creusot" differ (the latter is an alias).
 *
 * @param text - The name as written (`"ST-VALLIER"`, `"Saint Vallier"`, `"Écuisses"`).
 * @returns The comparison key (`"saint vallier"`, `"ecuisses"`); `""` for a text with no letter or digit.
 */
export function normalizeName(text: string): string {
  const words = text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return words.map((w) => (w === "st" ? "saint" : w === "ste" ? "sainte" : w)).join(" ");
}

/**
 * Reads an INSEE commune code: 5 characters, digits or Corsica's `2A`/`2B` then 3 digits, surrounding
 * spaces ignored. A 4-digit number is taken as a code that lost its leading zero in a number cell
 * (`1004` → `01004`); a number cell read as `71153.0` is accepted too.
 *
 * @param text - The text of the cell (`"71153"`, `" 71153 "`, `"2a004"`).
 * @returns The code in canonical form (`"71153"`, `"2A004"`), or null when the text is not a code.
 */
export function normalizeInsee(text: string): string | null {
  const t = text.trim().toUpperCase().replace(/\.0+$/, "");
  if (/^(\d{2}|2[AB])\d{3}$/.test(t)) return t;
  if (/^[1-9]\d{3}$/.test(t)) return `0${t}`;
  return null;
}

/**
 * Finds a commune of a reference by its INSEE code.
 *
 * @param insee - The code, as text (`"71153"`; spaces, a lost leading zero, `2a` are tolerated, see
 *   {@link normalizeInsee}).
 * @param communes - The reference to search (built-in {@link COMMUNES} or the workbook's edited one).
 * @returns The first commune with that code, or undefined when the text is not a code or no commune has it.
 */
export function findCommuneByInsee(insee: string, communes: readonly Commune[]): Commune | undefined {
  const code = normalizeInsee(insee);
  if (code === null) return undefined;
  return communes.find((c) => c.insee.trim().toUpperCase() === code);
}

/**
 * Damerau–Levenshtein distance (unrestricted: insertions, deletions, substitutions and transpositions
 * of adjacent characters, a substring may be edited more than once), on UTF-16 code units.
 *
 * @param a - First string.
 * @param b - Second string.
 * @returns The smallest number of edits turning `a` into `b` (`"montcaeu"` → `"montceau"`: 1).
 */
export function damerauLevenshtein(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const inf = n + m;
  const width = m + 2;
  // d[(i + 1) * width + (j + 1)] is the distance between a[0..i) and b[0..j); row/column 0 hold `inf`.
  const d = new Array<number>((n + 2) * width).fill(0);
  const at = (i: number, j: number): number => d[i * width + j] ?? inf;
  d[0] = inf;
  for (let i = 0; i <= n; i++) {
    d[(i + 1) * width] = inf;
    d[(i + 1) * width + 1] = i;
  }
  for (let j = 0; j <= m; j++) {
    d[j + 1] = inf;
    d[width + j + 1] = j;
  }
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= n; i++) {
    const ca = a.charAt(i - 1);
    let lastMatchCol = 0;
    for (let j = 1; j <= m; j++) {
      const cb = b.charAt(j - 1);
      const i1 = lastRow.get(cb) ?? 0;
      const j1 = lastMatchCol;
      const cost = ca === cb ? 0 : 1;
      if (cost === 0) lastMatchCol = j;
      d[(i + 1) * width + (j + 1)] = Math.min(
        at(i, j) + cost,
        at(i + 1, j) + 1,
        at(i, j + 1) + 1,
        at(i1, j1) + (i - i1 - 1) + 1 + (j - j1 - 1),
      );
    }
    lastRow.set(ca, i);
  }
  return at(n + 1, m + 1);
}

/** A reference prepared for matching: normalized names and aliases, built once per reference array. */
interface MatchIndex {
  readonly byName: ReadonlyMap<string, Commune>;
  readonly byAlias: ReadonlyMap<string, Commune>;
  /** Every comparison key with the official name it stands for, for suggestions. */
  readonly forms: readonly { readonly key: string; readonly name: string }[];
}

const indexCache = new WeakMap<readonly Commune[], MatchIndex>();

function indexOf(communes: readonly Commune[]): MatchIndex {
  const cached = indexCache.get(communes);
  if (cached !== undefined) return cached;
  const byName = new Map<string, Commune>();
  const byAlias = new Map<string, Commune>();
  const forms: { key: string; name: string }[] = [];
  for (const commune of communes) {
    const key = normalizeName(commune.name);
    if (key === "") continue;
    if (!byName.has(key)) byName.set(key, commune);
    forms.push({ key, name: commune.name });
  }
  for (const commune of communes) {
    for (const alias of ALIASES_BY_INSEE.get(commune.insee.trim()) ?? []) {
      const key = normalizeName(alias);
      // An official name of the reference always wins over a short form.
      if (byName.has(key) || byAlias.has(key)) continue;
      byAlias.set(key, commune);
      forms.push({ key, name: commune.name });
    }
  }
  const index: MatchIndex = { byName, byAlias, forms };
  indexCache.set(communes, index);
  return index;
}

const collator = new Intl.Collator("fr");

function suggest(key: string, index: MatchIndex): readonly string[] {
  const best = new Map<string, number>();
  for (const form of index.forms) {
    const limit = Math.max(2, Math.floor(Math.min(key.length, form.key.length) / 3));
    // The distance is at least the difference in length: skip the quadratic work when that already exceeds it.
    if (Math.abs(key.length - form.key.length) > limit) continue;
    const distance = damerauLevenshtein(key, form.key);
    if (distance > limit) continue;
    const previous = best.get(form.name);
    if (previous === undefined || distance < previous) best.set(form.name, distance);
  }
  return [...best.entries()]
    .sort(([nameA, da], [nameB, db]) => da - db || collator.compare(nameA, nameB))
    .slice(0, MAX_SUGGESTIONS)
    .map(([name]) => name);
}

/**
 * Matches a text (a commune cell of a funding table) against a reference. Accepted: the official name,
 * a short form of {@link COMMUNE_ALIASES} for a commune present in the reference, or an INSEE code,
 * each compared after {@link normalizeName} / {@link normalizeInsee}. Nothing fuzzier: a typo is
 * unknown, with up to 3 suggestions (official names within a Damerau–Levenshtein distance of
 * max(2, ⌊length / 3⌋) of the name or one of its short forms, nearest first, then by name).
 *
 * @param text - The text of the cell (`"St-Vallier"`, `"MONTCEAU LES MINES"`, `"Creusot"`, `"71153"`).
 * @param communes - The reference (built-in {@link COMMUNES} or the workbook's edited one).
 * @returns The matched commune and what matched, or `unknown` with suggestions.
 */
export function matchCommune(text: string, communes: readonly Commune[]): CommuneMatch {
  const code = normalizeInsee(text);
  if (code !== null) {
    const commune = findCommuneByInsee(code, communes);
    return commune !== undefined
      ? { kind: "match", commune, by: "insee" }
      : { kind: "unknown", suggestions: [] };
  }
  const key = normalizeName(text);
  if (key === "") return { kind: "unknown", suggestions: [] };
  const index = indexOf(communes);
  const byName = index.byName.get(key);
  if (byName !== undefined) return { kind: "match", commune: byName, by: "name" };
  const byAlias = index.byAlias.get(key);
  if (byAlias !== undefined) return { kind: "match", commune: byAlias, by: "alias" };
  return { kind: "unknown", suggestions: suggest(key, index) };
}
