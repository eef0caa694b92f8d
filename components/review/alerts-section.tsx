import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** One kind of alert: heading, its threshold form, the rows or an empty state. */
export function AlertSection({ id, heading, tools, empty, children }: { id: string; heading: string; tools?: ReactNode; empty: string | null; children: ReactNode }) {
  return (
    <section aria-labelledby={`alerts-${id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <h2 id={`alerts-${id}`} className="text-lg font-semibold">{heading}</h2>
        {tools}
      </div>
      {empty ? <p className="text-sm text-slate-600">{empty}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
    </section>
  );
}

/** A GET form: the threshold lives in the URL so a view can be shared and bookmarked. */
export function ThresholdForm({ name, value, min, max, label, hint, apply, keep }: { name: string; value: number; min: number; max: number; label: string; hint: string; apply: string; keep: Record<string, string> }) {
  const id = `threshold-${name}`;
  return (
    <form method="get" className="flex items-end gap-2">
      {Object.entries(keep)
        .filter(([key]) => key !== name)
        .map(([key, v]) => <input key={key} type="hidden" name={key} value={v} />)}
      <div className="space-y-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">{label}</label>
        <input id={id} name={name} type="number" inputMode="numeric" min={min} max={max} defaultValue={value} aria-describedby={`${id}-hint`}
          className="block w-28 rounded-md border border-slate-300 bg-white min-h-11 px-3 py-2 text-base sm:min-h-0 sm:text-sm" />
        <p id={`${id}-hint`} className="sr-only">{hint}</p>
      </div>
      <button type="submit" className={buttonClass("secondary", "min-h-10 px-3")}>{apply}</button>
    </form>
  );
}
