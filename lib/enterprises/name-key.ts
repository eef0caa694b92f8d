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
