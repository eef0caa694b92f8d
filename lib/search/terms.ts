/**
 * Search terms for bilingual names, indexed as a text[] with GIN on both PGlite and a stock
 * PostgreSQL server.
 *
 * pg_trgm cannot index terms shorter than three characters, and users type two-character
 * Chinese names (华为, 比亚) as often as Latin prefixes ("siem"). So each record stores:
 * - for runs of Han characters: every single character and every adjacent pair (bigram);
 * - for Latin words and numbers: every prefix up to MAX_PREFIX characters (edge n-grams).
 * A query becomes the terms it must contain: bigrams of its Han runs (the character itself
 * when it is one), and each Latin word as a prefix. `search_terms @> query_terms` is then
 * answered from the GIN index.
 */

export const MAX_PREFIX = 20;

const HAN = /\p{Script=Han}/u;
// Han runs, or runs of letters and digits of any other script.
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Full-width to half-width, case folded, accents kept apart from letters. */
export function normalise(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

function runs(text: string): string[] {
  return normalise(text).match(RUNS) ?? [];
}

function hanTerms(run: string, into: Set<string>) {
  const chars = [...run];
  chars.forEach((c, i) => {
    into.add(c);
    const next = chars[i + 1];
    if (next) into.add(c + next);
  });
}

function prefixTerms(word: string, into: Set<string>) {
  const chars = [...word];
  for (let n = 1; n <= Math.min(chars.length, MAX_PREFIX); n++) into.add(chars.slice(0, n).join(""));
}

/** Every term a record with these texts can be found by. */
export function documentTerms(texts: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const run of runs(text)) {
      if (HAN.test(run)) hanTerms(run, terms);
      else prefixTerms(run, terms);
    }
  }
  return [...terms].sort();
}

/** The terms a matching record must contain; empty when the query has nothing searchable. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(query.slice(0, 200))) {
    if (HAN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) terms.add(run);
      for (let i = 0; i + 1 < chars.length; i++) terms.add(chars[i]! + chars[i + 1]!);
    } else {
      terms.add([...run].slice(0, MAX_PREFIX).join(""));
    }
  }
  return [...terms].slice(0, 32);
}
