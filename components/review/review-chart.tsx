"use client";

import { useLocale } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { numberFormat } from "@/lib/intl";
import { type ChartPoint, linkKey, niceTicks } from "@/lib/review/chart-points";

const COLOURS = ["#1d5fbf", "#d97706", "#059669", "#9333ea"];
const FONT = 12;

/** The room the plot has, followed as the window changes. */
function useSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setSize({ width: Math.floor(entry!.contentRect.width), height: Math.floor(entry!.contentRect.height) }),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size] as const;
}

/** A label cut to fit about `px` pixels at the chart's font size (CJK characters count double). */
function fit(text: string, px: number): string {
  let used = 0;
  let out = "";
  for (const ch of text) {
    used += ch.charCodeAt(0) > 0x2e80 ? FONT : FONT * 0.6;
    if (used > px) return `${out}…`;
    out += ch;
  }
  return out;
}

interface Props {
  data: ChartPoint[];
  labels: string[];
  kind?: "bar" | "line";
  horizontal?: boolean;
}

/**
 * A chart of a review table, its first column as the categories: bars (across or upright) or
 * lines, drawn as SVG. Decoration only: its frame hides it from assistive technology, and the
 * table below carries the same figures. Hovering a bar or point shows its value.
 */
export function ReviewChart({ data, labels, kind = "bar", horizontal = false }: Props) {
  const locale = useLocale();
  const [ref, { width, height }] = useSize();
  const format = (v: number) => numberFormat(locale, { maximumFractionDigits: 2 }).format(v);
  const value = (p: ChartPoint, label: string) => (typeof p[label] === "number" ? (p[label] as number) : 0);
  const max = Math.max(0, ...data.flatMap((p) => labels.map((l) => value(p, l))));
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;

  return (
    <div className="flex h-full w-full flex-col">
      {labels.length > 1 ? (
        <div className="flex flex-wrap justify-center gap-4 text-xs text-slate-700">
          {labels.map((label, i) => (
            <span key={label} className="inline-flex items-center gap-1">
              <span className="inline-block size-3 rounded-sm" style={{ background: COLOURS[i % COLOURS.length] }} />
              {label}
            </span>
          ))}
        </div>
      ) : (
        // One series: its label names what the axis counts and in which unit (the table's header).
        <p className="text-center text-xs text-slate-700">{labels[0]}</p>
      )}
      {/* The plot is laid over its box, so that its measured size never widens the box itself. */}
      <div ref={ref} className="relative min-h-0 min-w-0 flex-1 overflow-hidden">
        {width > 0 && height > 0 ? (
          <Plot data={data} labels={labels} kind={kind} horizontal={horizontal} width={width} height={height} ticks={ticks} top={top} format={format} value={value} />
        ) : null}
      </div>
    </div>
  );
}

interface PlotProps extends Required<Props> {
  width: number;
  height: number;
  ticks: number[];
  top: number;
  format: (v: number) => string;
  value: (p: ChartPoint, label: string) => number;
}

/**
 * A bar or point that opens the projects behind it, as its table cell does. Out of the tab order:
 * the chart is hidden from assistive technology, and the table's link is the one to reach.
 */
function Linked({ point, label, children }: { point: ChartPoint; label: string; children: ReactNode }) {
  const href = point[linkKey(label)];
  return typeof href === "string" ? (
    <a href={href} tabIndex={-1} className="chart-link cursor-pointer">
      {children}
    </a>
  ) : (
    <>{children}</>
  );
}

function Plot({ data, labels, kind, horizontal, width, height, ticks, top, format, value }: PlotProps) {
  const title = (p: ChartPoint, label: string) => `${p.name} · ${label}: ${format(value(p, label))}`;

  if (horizontal) {
    const left = 110;
    const right = 16;
    const bottom = 24;
    const plotW = Math.max(10, width - left - right);
    const band = (height - bottom - 8) / Math.max(1, data.length);
    const bar = Math.max(4, Math.min(24, (band * 0.7) / labels.length));
    const x = (v: number) => left + (v / top) * plotW;
    return (
      <svg width={width} height={height} className="chart-surface absolute inset-0" fontSize={FONT}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={8} y2={height - bottom} stroke="#e2e8f0" strokeDasharray="3 3" />
            <text x={x(t)} y={height - 6} textAnchor="middle" fill="#475569">{format(t)}</text>
          </g>
        ))}
        {data.map((p, i) => {
          const y = 8 + i * band + (band - bar * labels.length) / 2;
          return (
            <g key={`${p.name}-${i}`}>
              <text x={left - 6} y={8 + i * band + band / 2} dy="0.35em" textAnchor="end" fill="#334155">{fit(String(p.name), left - 10)}</text>
              {labels.map((label, s) => (
                <Linked key={label} point={p} label={label}>
                  <rect className="chart-bar" x={left} y={y + s * bar} width={Math.max(0, x(value(p, label)) - left)} height={bar - 1} fill={COLOURS[s % COLOURS.length]}>
                    <title>{title(p, label)}</title>
                  </rect>
                </Linked>
              ))}
            </g>
          );
        })}
      </svg>
    );
  }

  const left = 70;
  const right = 16;
  const tilted = data.length > 6;
  const bottom = tilted ? 60 : 24;
  const plotW = Math.max(10, width - left - right);
  const plotH = Math.max(10, height - bottom - 8);
  const band = plotW / Math.max(1, data.length);
  const y = (v: number) => 8 + plotH - (v / top) * plotH;
  const centre = (i: number) => left + i * band + band / 2;
  return (
    <svg width={width} height={height} className="chart-surface absolute inset-0" fontSize={FONT}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" strokeDasharray="3 3" />
          <text x={left - 6} y={y(t)} dy="0.35em" textAnchor="end" fill="#475569">{format(t)}</text>
        </g>
      ))}
      {data.map((p, i) => (
        <text
          key={`${p.name}-${i}`}
          x={centre(i)}
          y={8 + plotH + 16}
          textAnchor={tilted ? "end" : "middle"}
          transform={tilted ? `rotate(-30 ${centre(i)} ${8 + plotH + 16})` : undefined}
          fill="#334155"
        >
          {fit(String(p.name), tilted ? bottom * 1.6 : band - 4)}
        </text>
      ))}
      {kind === "line"
        ? labels.map((label, s) => (
            <g key={label}>
              <polyline fill="none" stroke={COLOURS[s % COLOURS.length]} strokeWidth={2} points={data.map((p, i) => `${centre(i)},${y(value(p, label))}`).join(" ")} />
              {data.map((p, i) => (
                <Linked key={i} point={p} label={label}>
                  <circle className="chart-point" cx={centre(i)} cy={y(value(p, label))} r={3} fill={COLOURS[s % COLOURS.length]}>
                    <title>{title(p, label)}</title>
                  </circle>
                </Linked>
              ))}
            </g>
          ))
        : data.map((p, i) => {
            const bar = Math.max(4, Math.min(40, (band * 0.7) / labels.length));
            const start = left + i * band + (band - bar * labels.length) / 2;
            return labels.map((label, s) => (
              <Linked key={`${i}-${label}`} point={p} label={label}>
                <rect className="chart-bar" x={start + s * bar} y={y(value(p, label))} width={bar - 1} height={Math.max(0, 8 + plotH - y(value(p, label)))} fill={COLOURS[s % COLOURS.length]}>
                  <title>{title(p, label)}</title>
                </rect>
              </Linked>
            ));
          })}
    </svg>
  );
}
