"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { shiftDecimal } from "@/lib/money";
import type { Cell, ReviewTable } from "@/lib/review/cells";

export interface Series {
  /** Which column of the table the series plots. */
  column: number;
  label: string;
}

const COLOURS = ["#1d5fbf", "#d97706", "#059669", "#9333ea"];

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
 * A chart of a review table, its first column as the categories. Hidden from assistive
 * technology: the table right below it carries the same figures.
 */
export function ReviewChart({ table, series, kind = "bar", horizontal = false }: { table: ReviewTable; series: Series[]; kind?: "bar" | "line"; horizontal?: boolean }) {
  const locale = useLocale();
  if (table.rows.length === 0) return null;
  const data = table.rows.map((row) => {
    const point: Record<string, string | number> = { name: row[0]?.kind === "text" ? row[0].value : "" };
    for (const s of series) point[s.label] = plotted(row[s.column]);
    return point;
  });
  const number = (v: unknown) => (typeof v === "number" ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v) : String(v));
  const height = horizontal ? Math.max(200, data.length * 32 + 60) : 260;
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={number} fontSize={12} />
          <YAxis type="category" dataKey="name" width={110} fontSize={12} />
        </>
      ) : (
        <>
          <XAxis dataKey="name" fontSize={12} interval={0} angle={data.length > 6 ? -30 : 0} textAnchor={data.length > 6 ? "end" : "middle"} height={data.length > 6 ? 60 : 30} />
          <YAxis tickFormatter={number} fontSize={12} width={70} />
        </>
      )}
      <Tooltip formatter={number} />
      {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );
  return (
    // Hidden from screen readers (the captioned table carries the figures), so it must not take
    // keyboard focus either: recharts' accessibility layer would make the chart focusable.
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            {common}
            {series.map((s, i) => (
              <Line key={s.label} type="monotone" dataKey={s.label} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart accessibilityLayer={false} data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            {common}
            {series.map((s, i) => (
              <Bar key={s.label} dataKey={s.label} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
