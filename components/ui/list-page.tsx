import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

export interface FilterChoice {
  /** The query parameter. */
  name: string;
  label: string;
  /** The value in the URL now; "" for all. */
  value: string;
  /** The first option, which filters nothing. */
  all: string;
  options: { value: string; label: string }[];
}

/**
 * A list's filters: choices sent as a plain GET form, so they live in the URL (a reload or a
 * shared link shows the same list) and work before any script has loaded.
 */
export function FilterBar({ path, label, choices, apply, clear }: { path: string; label?: string; choices: FilterChoice[]; apply: string; clear: string }) {
  return (
    <form method="get" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      {choices.map((c) => (
        <label key={c.name} className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{c.label}</span>
          <select name={c.name} defaultValue={c.value} className="min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:min-h-0 sm:text-sm">
            <option value="">{c.all}</option>
            {c.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClass("secondary")}>
        {apply}
      </button>
      {choices.some((c) => c.value) ? (
        <Link href={path} className="py-2 text-sm text-brand-700 hover:underline">
          {clear}
        </Link>
      ) : null}
    </form>
  );
}

/** The years a list of dated records filters by: next year and the seven before it. */
export function recentYears(now = new Date()): { value: string; label: string }[] {
  const next = now.getFullYear() + 1;
  return Array.from({ length: 8 }, (_, i) => String(next - i)).map((y) => ({ value: y, label: y }));
}

/** A list's address with these filters (empty ones left out), e.g. the next page's. */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined || v === null || v === "" ? [] : [[k, String(v)]])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

interface ListPageProps {
  title: string;
  /** "New …", for those who may create. */
  create?: { href: string; label: string } | null;
  /** The filter bar (FilterBar). */
  filters?: ReactNode;
  /** What to say when there are no rows; null when there are. */
  empty: string | null;
  /** The next page, when there is one. */
  more?: { href: string; label: string } | null;
  /** The rows, as <li> elements. */
  children: ReactNode;
}

/** A page listing records: the title and "New …", the filters, the rows (or why there are none), and the next page. */
export function ListPage({ title, create, filters, empty, more, children }: ListPageProps) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {create ? (
          <Link href={create.href} className={buttonClass("primary")}>
            {create.label}
          </Link>
        ) : null}
      </div>
      {filters}
      {empty !== null ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">{children}</ul>
      )}
      {more ? (
        <Link href={more.href} className={buttonClass("secondary")}>
          {more.label}
        </Link>
      ) : null}
    </div>
  );
}
