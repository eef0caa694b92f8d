import { normalise } from "@/lib/search/terms";

// Company-form suffixes that do not tell two companies apart, longest first.
const SUFFIXES = [
  "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "控股集团", "集团", "公司",
  "corporation", "incorporated", "limited", "company", "holdings", "group", "gmbh", "spa", "srl", "sas",
  "ltd", "llc", "plc", "inc", "corp", "co", "ag", "sa", "bv", "nv", "kg", "ab", "oy", "as",
].sort((a, b) => b.length - a.length);

/**
 * The name with company-form suffixes, punctuation, spaces and case removed, full-width
 * folded: "比亚迪股份有限公司" and "比亚迪" share a key, as do "Brembo S.p.A." and "BREMBO".
 */
export function nameKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let key = normalise(name).replace(/[^\p{L}\p{N}]+/gu, "");
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (key.length > suffix.length && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
        break;
      }
    }
  }
  return key || null;
}

/** The names an enterprise goes by: its Chinese and English names and its aliases (简称, 曾用名). */
export interface EnterpriseNames {
  nameZh?: string | null;
  nameEn?: string | null;
  aliases?: readonly string[] | null;
}

/** Every name, in order: Chinese, English, then each alias. */
export function namesOf(e: EnterpriseNames): string[] {
  return [e.nameZh, e.nameEn, ...(e.aliases ?? [])].filter((n): n is string => typeof n === "string" && n.trim() !== "");
}

/**
 * The key of each name, in the order of namesOf: what `enterprises.name_keys` holds. A name
 * without letters or digits has no key; two names with the same key keep one entry each, so a
 * row holds as many keys as it has names (lib/enterprises/name-keys-backfill.ts counts on it).
 */
export function nameKeysOf(e: EnterpriseNames): string[] {
  return namesOf(e).flatMap((n) => nameKey(n) ?? []);
}

/** The distinct keys of these names: what a duplicate check compares. */
export function distinctNameKeys(e: EnterpriseNames): string[] {
  return [...new Set(nameKeysOf(e))];
}

/** True when the text is a company form alone ("Ltd.", "S.p.A.", "有限公司"): part of a name, never a name. */
export function isCompanyForm(text: string): boolean {
  const squashed = normalise(text).replace(/[^\p{L}\p{N}]+/gu, "");
  return squashed !== "" && SUFFIXES.includes(squashed);
}
