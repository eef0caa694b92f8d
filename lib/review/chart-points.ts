import { type DisplayUnit, inDisplayUnit } from "@/lib/money";
import type { Cell, ReviewTable } from "./cells";

export interface Series {
  /** Which column of the table the series plots. */
  column: number;
  label: string;
}

/** One category of a chart: its name and a number per series label (and, under `linkKey(label)`, the list its bar opens). */
export type ChartPoint = Record<string, string | number>;

/** Where a point keeps the link of a series' bar or point: the table cell's. */
export const linkKey = (label: string) => `href:${label}`;

/** A plotted number: money in the table's unit (its header names it), the rest as shown. Display only. */
function plotted(cell: Cell | undefined, unit: DisplayUnit): number {
  if (!cell) return 0;
  switch (cell.kind) {
    case "money":
      return Number(inDisplayUnit(cell.value, unit));
    case "count":
      return cell.value;
    case "percent":
      return cell.value === null ? 0 : Number(cell.value);
    case "days":
      return Number(cell.value);
    default:
      return 0;
  }
}

/**
 * What a chart of a review table draws, its first column as the categories: computed on the
 * server so the browser gets the plotted numbers, not the table a second time.
 */
export function chartPoints(table: ReviewTable, series: Series[]): ChartPoint[] {
  return table.rows.map((row) => {
    const point: ChartPoint = { name: row[0]?.kind === "text" ? row[0].value : "" };
    for (const s of series) {
      point[s.label] = plotted(row[s.column], table.unit);
      const href = row[s.column]?.href;
      if (href) point[linkKey(s.label)] = href;
    }
    return point;
  });
}

/** Up to about `count` round steps (1, 2 or 5 × 10ⁿ) from 0 to at least `max`. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks.at(-1)! < max) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}
