/**
 * Attendee lists name countries ("中国", "Italy", "德国", "USA"); the enterprise stores the
 * ISO 3166 code. Names come from the runtime's own region names in both languages, plus the
 * short forms people type that those names do not cover.
 */

const ALIASES: Record<string, string> = {
  中国大陆: "CN",
  中华人民共和国: "CN",
  prc: "CN",
  chinamainland: "CN",
  mainlandchina: "CN",
  香港: "HK",
  中国香港: "HK",
  hongkong: "HK",
  澳门: "MO",
  中国澳门: "MO",
  macau: "MO",
  台湾: "TW",
  中国台湾: "TW",
  usa: "US",
  unitedstatesofamerica: "US",
  uk: "GB",
  greatbritain: "GB",
  england: "GB",
  韩国: "KR",
  南韩: "KR",
  korea: "KR",
  southkorea: "KR",
};

const squash = (text: string) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

let names: Map<string, string> | undefined;

function regionNames(): Map<string, string> {
  if (names) return names;
  names = new Map(Object.entries(ALIASES));
  const A = "A".charCodeAt(0);
  for (const locale of ["en", "zh-CN"]) {
    const display = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (let i = 0; i < 26 * 26; i++) {
      const code = String.fromCharCode(A + Math.floor(i / 26), A + (i % 26));
      let name: string | undefined;
      try {
        // Withdrawn codes (DD, YU…) are shown under their successor's name: skip them.
        name = new Intl.Locale(`und-${code}`).region === code ? display.of(code) : undefined;
      } catch {
        name = undefined;
      }
      if (name && name !== code && !names.has(squash(name))) names.set(squash(name), code);
    }
  }
  return names;
}

/**
 * The ISO code for a country name or code in Chinese or English; the trimmed input when
 * nothing matches, so validation can refuse it with the usual message.
 */
export function countryCode(value: string): string {
  const trimmed = value.trim();
  const named = regionNames().get(squash(trimmed));
  if (named) return named;
  return /^[a-z]{2}$/i.test(trimmed) ? trimmed.toUpperCase() : trimmed;
}
