import { shiftDecimal } from "@/lib/money";
import type { Cell, ReviewTable } from "./cells";

export interface Series {
  /** Which column of the table the series plots. */
  column: number;
  label: string;
}

/** One category of a chart: its name and a number per series label. */
export type ChartPoint = Record<string, string | number>;

/** A plotted number: money in 万元 (the unit people read charts in), the rest as shown. Display only. */
function plotted(cell: Cell | undefined): number {
  if (!cell) return 0;
  switch (cell.kind) {
    case "money":
      return Number(shiftDecimal(cell.value, -4));
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
    for (const s of series) point[s.label] = plotted(row[s.column]);
    return point;
  });
}
