"use client";

import dynamic from "next/dynamic";
import type { ChartPoint } from "@/lib/review/chart-points";

// The charts are drawn in the browser only, their code fetched after the page is up: the
// review's figures are in the tables, which the server renders; the charts repeat them.
const ReviewChart = dynamic(() => import("./review-chart").then((m) => m.ReviewChart), { ssr: false });

/**
 * A review table's chart, in a frame of its final height so nothing moves when it arrives.
 * Hidden from assistive technology: the captioned table right below carries the same figures.
 */
export function ChartFrame({ data, labels, kind, horizontal = false }: { data: ChartPoint[]; labels: string[]; kind?: "bar" | "line"; horizontal?: boolean }) {
  if (data.length === 0) return null;
  const height = horizontal ? Math.max(200, data.length * 32 + 60) : 260;
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ReviewChart data={data} labels={labels} kind={kind} horizontal={horizontal} />
    </div>
  );
}
