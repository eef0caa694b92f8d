import { addDecimals, roundDecimal } from "@/lib/money";

/*
 * The board's CNY figures, defined once for the server's totals and the browser's optimistic ones.
 *
 * - A card shows its project's planned amount × the currency's rate valid today, rounded half away
 *   from zero to the fen: round(amount × rate, 2).
 * - A column's total is, for each currency, the sum of its projects' planned amounts in that
 *   currency × that currency's rate, rounded to the fen; then those per-currency figures added:
 *   Σ over currencies of round(Σ amounts × rate, 2). CNY amounts are summed exactly (rate 1).
 * - A currency without a rate valid today is left out of the total, and its cards say the CNY
 *   amount is unknown.
 *
 * So a column of CNY projects totals exactly what its cards show; with foreign currencies the
 * total may differ from the sum of the cards' rounded figures by less than half a fen per card of
 * a foreign currency (rounding once per currency, not once per card). The totals come from
 * project_totals (per currency, in the project's own currency), which is why they round per
 * currency; the board's move preview recomputes them with these same functions, so a total never
 * jumps when the server's figure arrives.
 */

function scaled(value: string): { digits: bigint; scale: number } {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) throw new Error(`not a decimal: ${value}`);
  const frac = m[3] ?? "";
  const digits = BigInt(m[2]! + frac);
  return { digits: m[1] ? -digits : digits, scale: frac.length };
}

/** amount × rate, rounded half away from zero to the fen, exactly as PostgreSQL's round(numeric, 2). */
export function convertToCny(amount: string, rate: string): string {
  const a = scaled(amount);
  const r = scaled(rate);
  const product = a.digits * r.digits;
  const scale = a.scale + r.scale;
  const negative = product < 0n;
  const body = (negative ? -product : product).toString().padStart(scale + 1, "0");
  const text = scale ? `${body.slice(0, -scale)}.${body.slice(-scale)}` : body;
  return roundDecimal(negative ? `-${text}` : text, 2);
}

/** A column's total in CNY from its planned sums per currency and today's rates (see above). */
export function columnTotalCny(planned: Readonly<Record<string, string>>, rates: Readonly<Record<string, string>>): string {
  const converted = Object.entries(planned).flatMap(([currency, amount]) => {
    const rate = rates[currency];
    return rate === undefined ? [] : [convertToCny(amount, rate)];
  });
  return roundDecimal(addDecimals("0", ...converted), 2);
}
