import { displayNames } from "@/lib/intl";

/** A country or region name in the reader's language, from its ISO code. */
export function countryName(code: string, locale: string): string {
  try {
    return displayNames(locale, { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A language's name in the reader's language from its code ("zh-CN" → 中文 / Chinese, "de" →
 * 德语 / German); text that is not a language code (older free-text entries) stays as typed.
 */
export function languageName(code: string, locale: string): string {
  try {
    const base = new Intl.Locale(code.trim()).language;
    return displayNames(locale, { type: "language", fallback: "none" }).of(base) ?? code;
  } catch {
    return code;
  }
}

/** The name to lead with: Chinese for Chinese readers, English for English readers, else whichever exists. */
export function primaryName(row: { nameZh: string | null; nameEn: string | null }, locale: string) {
  const first = locale === "en" ? (row.nameEn ?? row.nameZh) : (row.nameZh ?? row.nameEn);
  const second = first === row.nameZh ? row.nameEn : row.nameZh;
  return { first: first ?? "", second: second ?? null };
}
