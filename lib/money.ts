import { numberFormat } from "@/lib/intl";

// Amounts are exact decimal strings end to end: numeric in the database, strings here.
// Scaling and rounding shift the decimal point in the string or work on BigInt; never on floats.

export const CURRENCIES = ["CNY", "USD", "EUR", "HKD", "GBP", "JPY"] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The units people type amounts in; the exponent of ten each one stands for. */
export const AMOUNT_UNITS = { yuan: 0, wan: 4, yi: 8 } as const;
export type AmountUnit = keyof typeof AMOUNT_UNITS;

/** What a person may type: digits, optional thousands commas, at most two decimals. */
export const AMOUNT_PATTERN = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;

/** Splits a plain decimal string into sign, integer digits and fraction digits. */
function split(value: string): { negative: boolean; int: string; frac: string } {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal: ${value}`);
  return { negative: Boolean(m[1]), int: m[2] || "0", frac: m[3] ?? "" };
}

function normalise(negative: boolean, int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, "") || "0";
  const f = frac.replace(/0+$/, "");
  const body = f ? `${i}.${f}` : i;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

/** Multiplies a decimal string by 10^exponent by moving its point: "1.5" × 10^4 → "15000". */
export function shiftDecimal(value: string, exponent: number): string {
  const { negative, int, frac } = split(value);
  const digits = int + frac;
  const point = int.length + exponent;
  if (point <= 0) return normalise(negative, "0", "0".repeat(-point) + digits);
  if (point >= digits.length) return normalise(negative, digits + "0".repeat(point - digits.length), "");
  return normalise(negative, digits.slice(0, point), digits.slice(point));
}

/** A typed amount in a unit (元/万元/亿元) as yuan, exactly: "1.25" 亿元 → "125000000". */
export function toYuan(typed: string, unit: AmountUnit): string {
  return shiftDecimal(typed.replaceAll(",", "").trim(), AMOUNT_UNITS[unit]);
}

/** A stored yuan amount in the largest unit that keeps it a whole number of cents, for the edit form. */
export function fromYuan(value: string): { amount: string; unit: AmountUnit } {
  for (const unit of ["yi", "wan"] as const) {
    const shifted = shiftDecimal(value, -AMOUNT_UNITS[unit]);
    if ((shifted.split(".")[1] ?? "").length <= 2 && split(shifted).int !== "0") return { amount: shifted, unit };
  }
  return { amount: shiftDecimal(value, 0), unit: "yuan" };
}

/** Rounds a decimal string half away from zero to `places` decimals; always prints them. */
export function roundDecimal(value: string, places = 2): string {
  const { negative, int, frac } = split(value);
  const padded = (frac + "0".repeat(places + 1)).slice(0, places + 1);
  let scaled = BigInt(int + padded.slice(0, places));
  if (Number(padded[places]) >= 5) scaled += 1n;
  const s = scaled.toString().padStart(places + 1, "0");
  const out = places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return negative && scaled !== 0n ? `-${out}` : out;
}

/** Sum of decimal strings, exact. */
export function addDecimals(...values: string[]): string {
  const places = Math.max(0, ...values.map((v) => split(v).frac.length));
  const total = values.reduce((sum, v) => {
    const { negative, int, frac } = split(v);
    const n = BigInt(int + frac.padEnd(places, "0"));
    return sum + (negative ? -n : n);
  }, 0n);
  const negative = total < 0n;
  const s = (negative ? -total : total).toString().padStart(places + 1, "0");
  return places ? normalise(negative, s.slice(0, -places), s.slice(-places)) : normalise(negative, s, "");
}

/**
 * How an amount in yuan reads in the customary units: 亿元 from one hundred million up, else 万元,
 * rounded to two decimals. `value` is the display number as a plain decimal string.
 */
export function toWanYi(yuan: string): { value: string; unit: "wan" | "yi" } {
  const { int } = split(yuan);
  const unit = int.replace(/^0+/, "").length > 8 ? "yi" : "wan";
  return { value: roundDecimal(shiftDecimal(yuan, -AMOUNT_UNITS[unit]), 2), unit };
}

/** Inserts the locale's grouping into a plain decimal string without converting it to a number. */
export function groupDigits(value: string, locale: string): string {
  const { negative, int, frac } = split(value);
  const grouped = numberFormat(locale, { maximumFractionDigits: 0 }).format(BigInt(int));
  const decimal = numberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return `${negative ? "-" : ""}${grouped}${frac ? decimal + frac : ""}`;
}

/**
 * The one rule for showing CNY amounts, on every screen and in every export:
 * - Chinese reads 万元, or 亿元 once the amount reaches one 亿 (10^8 yuan); English reads
 *   CNY thousand, or CNY million from the same 10^8 yuan on, so both languages change unit at
 *   one amount and English never shows fewer significant digits than Chinese (a tranche of
 *   123.45万元 reads CNY 1,234.50 thousand, not CNY 1.23 million).
 * - A table or chart shows all its amounts in one unit, chosen from its largest amount, and
 *   names it once in the column or row header or the axis label, never beside each number.
 *   A figure standing alone (a card, a fact on a record page) chooses from its own value and
 *   carries its unit.
 * - Screens round to two decimals; CSV exports hold exact yuan under headers saying 元 / CNY.
 */
export const DISPLAY_UNITS = { yuan: 0, thousand: 3, wan: 4, million: 6, yi: 8 } as const;
export type DisplayUnit = keyof typeof DISPLAY_UNITS;

/** The unit a set of yuan amounts is shown in, from the largest of them (see the rule above). */
export function displayUnit(yuanAmounts: readonly string[], locale: string): DisplayUnit {
  const digits = Math.max(0, ...yuanAmounts.map((v) => split(v).int.replace(/^0+/, "").length));
  if (locale.startsWith("zh")) return digits > 8 ? "yi" : "wan";
  return digits > 8 ? "million" : "thousand";
}

/** A yuan amount in a display unit, rounded to two decimals: "472000000" in yi → "4.72". */
export function inDisplayUnit(yuan: string, unit: DisplayUnit): string {
  return roundDecimal(shiftDecimal(yuan, -DISPLAY_UNITS[unit]), 2);
}
