import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { EVENT_KINDS } from "@/db/enums";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listEvents } from "@/lib/events/queries";
import { eventFilters } from "@/lib/events/schema";
import { primaryName } from "@/lib/i18n/display";
import { EventDates } from "./event-dates";

export async function generateMetadata() {
  const t = await getTranslations("events");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer();
  const query = await searchParams;
  const filters = eventFilters.parse({ kind: first(query.kind) || undefined, year: first(query.year) || undefined, after: first(query.after) });
  const [{ rows, next }, t, kindName, locale] = await Promise.all([
    listEvents(await getDb(), viewer, filters),
    getTranslations("events"),
    getTranslations("events.kinds"),
    getLocale(),
  ]);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const nextHref = next ? `/events?${new URLSearchParams({ ...(filters.kind ? { kind: filters.kind } : {}), ...(filters.year ? { year: String(filters.year) } : {}), after: next })}` : null;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canCreate(viewer) ? (
          <Link href="/events/new" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{t("filters.kind")}</span>
          <select name="kind" defaultValue={filters.kind ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm">
            <option value="">{t("filters.allKinds")}</option>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindName(k)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium text-slate-800">{t("filters.year")}</span>
          <select name="year" defaultValue={filters.year ? String(filters.year) : ""} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm">
            <option value="">{t("filters.allYears")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filters.apply")}
        </button>
        {filters.kind || filters.year ? (
          <Link href="/events" className="py-2 text-sm text-brand-700 hover:underline">
            {t("filters.clear")}
          </Link>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500">{filters.kind || filters.year ? t("emptyFiltered") : t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {rows.map((e) => {
            const name = primaryName(e, locale);
            return (
              <li key={e.id} className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/events/${e.id}`} className="font-medium text-brand-700 hover:underline">
                    {name.first}
                  </Link>
                  <p className="text-sm text-slate-600">
                    <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">{kindName(e.kind)}</span>
                    <EventDates startsOn={e.startsOn} endsOn={e.endsOn} />
                    {e.city ? ` · ${e.city}` : ""}
                    {e.venue ? ` · ${e.venue}` : ""}
                  </p>
                </div>
                <span className="shrink-0 text-sm text-slate-500">{t("participantCount", { count: e.participants })}</span>
              </li>
            );
          })}
        </ul>
      )}
      {nextHref ? (
        <Link href={nextHref} className={buttonClass("secondary")}>
          {t("more")}
        </Link>
      ) : null}
    </div>
  );
}
