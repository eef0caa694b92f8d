/**
 * Intl formatters, made once per locale and options and reused: building one costs far more
 * than formatting with it, and list pages, exports and money format hundreds of values a page.
 * Not server-only: client components format money too.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();

function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  memo(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  memo(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));

export const displayNames = (locale: string, options: Intl.DisplayNamesOptions) =>
  memo(`r|${locale}|${JSON.stringify(options)}`, () => new Intl.DisplayNames([locale], options));
