import { type DisplayUnit, roundDecimal, shiftDecimal } from "@/lib/money";

/**
 * One cell of a review table: the page formats it, the CSV writes it exactly. A figure counted or
 * summed over projects links to the pipeline list of exactly those projects (`href`, links.ts).
 */
export type Cell = (
  | { kind: "text"; value: string }
  | { kind: "count"; value: number }
  | { kind: "money"; value: string }
  | { kind: "percent"; value: string | null }
  | { kind: "days"; value: string }
) & { href?: string };

export const REVIEW_TABLES = ["funnel", "conversion", "durations", "targets", "monthly", "byChain", "byTeam", "byOwner", "contracted"] as const;
export type ReviewTableId = (typeof REVIEW_TABLES)[number];

export interface ReviewTable {
  id: ReviewTableId;
  caption: string;
  /** Headers; a column (or, in a first cell, a row) of amounts names `unit` once. */
  columns: string[];
  rows: Cell[][];
  /** The one unit every amount of the table is shown in: yuan in the CSV, else from its largest amount. */
  unit: DisplayUnit;
}

export const text = (value: string): Cell => ({ kind: "text", value });
export const count = (value: number, href?: string): Cell => ({ kind: "count", value, ...(href ? { href } : {}) });
export const money = (value: string, href?: string): Cell => ({ kind: "money", value: roundDecimal(value, 2), ...(href ? { href } : {}) });
export const days = (value: string): Cell => ({ kind: "days", value });
/** A fraction such as "0.6667" as a percentage with two decimals ("66.67"), without floats. */
export const percent = (fraction: string | null): Cell => ({
  kind: "percent",
  value: fraction === null ? null : roundDecimal(shiftDecimal(fraction, 2), 2),
});

/** actual ÷ target as a fraction with four decimals, exactly; null when there is no target. */
export function ratio(actual: string, target: string): string | null {
  const scaled = (v: string) => BigInt(roundDecimal(v, 2).replace(".", ""));
  const a = scaled(actual);
  const b = scaled(target);
  if (b === 0n) return null;
  const tenThousandths = (a * 100000n) / b; // one extra digit, rounded half up below
  const rounded = (tenThousandths + 5n) / 10n;
  return shiftDecimal(rounded.toString(), -4);
}

