import { z } from "zod";
import { normalise } from "@/lib/search/terms";
import { isPlainText } from "@/lib/validation";
import { isCompanyForm } from "./name-key";

/**
 * Short names (简称) and former names (曾用名): one list per enterprise, compared and searched
 * like its two names. Shared by the form, the import and the action; no server-only imports.
 */

export const MAX_ALIASES = 10;
/** As long as a name may be. */
export const MAX_ALIAS_LENGTH = 200;

/**
 * The names typed in one box: one per line, or separated by commas (，、；; too). A comma inside
 * an English name ("BYD Co., Ltd.", "Brembo, S.p.A.") does not split it: a piece that is only a
 * company form stays with the name before it.
 */
export function splitAliases(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/\r\n|[\r\n\u2028\u2029，、；;]/)) {
    const names: string[] = [];
    for (const piece of part.split(",")) {
      if (names.length > 0 && isCompanyForm(piece)) names[names.length - 1] += `,${piece}`;
      else names.push(piece);
    }
    out.push(...names);
  }
  return out.map((a) => a.trim()).filter(Boolean);
}

/** The same name written twice (width, case or spacing apart) is kept once, as first written. */
export function distinctAliases(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = normalise(a).replace(/\s+/g, " ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** FormData sends the box as text; other callers may send a list. Blank entries are dropped. */
function toList(v: unknown): unknown {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return distinctAliases(splitAliases(v));
  if (Array.isArray(v)) {
    const items = v.map((a) => (typeof a === "string" ? a.trim() : a)).filter((a) => a !== "");
    return items.every((a) => typeof a === "string") ? distinctAliases(items as string[]) : items;
  }
  return v;
}

/**
 * The aliases field of the enterprise schema. Every message sits on the field itself, not on
 * one entry of it, so the form shows it under the box.
 */
export const aliasesField = z.preprocess(
  toList,
  z
    .array(z.unknown(), { error: "validation.invalid" })
    .superRefine((list, ctx) => {
      const problem = (message: string) => ctx.addIssue({ code: "custom", message, path: [] });
      if (list.some((a) => typeof a !== "string")) return problem("validation.invalid");
      const names = list as string[];
      if (names.length > MAX_ALIASES) problem("validation.aliasesTooMany");
      if (names.some((a) => a.length > MAX_ALIAS_LENGTH)) problem("validation.tooLong");
      if (names.some((a) => !isPlainText(a))) problem("validation.controlCharacters");
    })
    .transform((list) => list as string[]),
);
