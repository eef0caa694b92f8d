"use client";

import { useLocale } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { numberFormat } from "@/lib/intl";
import type { ChartPoint } from "@/lib/review/chart-points";

const COLOURS = ["#1d5fbf", "#d97706", "#059669", "#9333ea"];

/**
 * A chart of a review table, its first column as the categories. Hidden from assistive
 * technology: the table right below it carries the same figures.
 */
export function ReviewChart({ data, labels, kind = "bar", horizontal = false }: { data: ChartPoint[]; labels: string[]; kind?: "bar" | "line"; horizontal?: boolean }) {
  const locale = useLocale();
  const number = (v: unknown) => (typeof v === "number" ? numberFormat(locale, { maximumFractionDigits: 2 }).format(v) : String(v));
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
      {labels.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
    </>
  );
  // recharts' accessibility layer would make the chart focusable; it is hidden from assistive
  // technology by its frame (ChartFrame), so it must not take keyboard focus either.
  return (
    <ResponsiveContainer width="100%" height="100%">
        {kind === "line" ? (
          <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            {common}
            {labels.map((label, i) => (
              <Line key={label} type="monotone" dataKey={label} stroke={COLOURS[i % COLOURS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart accessibilityLayer={false} data={data} layout={horizontal ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            {common}
            {labels.map((label, i) => (
              <Bar key={label} dataKey={label} fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
    </ResponsiveContainer>
  );
}
