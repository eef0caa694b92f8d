import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterBar, ListPage, listHref, recentYears } from "@/components/ui/list-page";
import { getReadDb } from "@/lib/read-db";
import { EVENT_KINDS } from "@/db/enums";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listEvents } from "@/lib/events/queries";
import { eventFilters } from "@/lib/events/schema";
import { primaryName } from "@/lib/i18n/display";
import { WanYi } from "@/components/ui/wan-yi";
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
  const filters = eventFilters.parse({ kind: first(query.kind) || undefined, year: first(query.year) || undefined, sort: first(query.sort) || undefined, after: first(query.after) });
  const [{ rows, next }, t, kindName, locale] = await Promise.all([
    listEvents(await getReadDb(), viewer, filters),
    getTranslations("events"),
    getTranslations("events.kinds"),
    getLocale(),
  ]);
  const filtered = Boolean(filters.kind || filters.year);

  return (
    <ListPage
      title={t("title")}
      create={canCreate(viewer) ? { href: "/events/new", label: t("new") } : null}
      filters={
        <FilterBar
          path="/events"
          choices={[
            { name: "kind", label: t("filters.kind"), value: filters.kind ?? "", all: t("filters.allKinds"), options: EVENT_KINDS.map((k) => ({ value: k, label: kindName(k) })) },
            { name: "year", label: t("filters.year"), value: filters.year ? String(filters.year) : "", all: t("filters.allYears"), options: recentYears() },
            // The default order (newest first) is the empty choice, so the URL names only another.
            { name: "sort", label: t("filters.sort"), value: filters.sort && filters.sort !== "date" ? filters.sort : "", all: t("sort.date"), options: (["participants", "projects", "signed"] as const).map((s) => ({ value: s, label: t(`sort.${s}`) })) },
          ]}
          apply={t("filters.apply")}
          clear={t("filters.clear")}
        />
      }
      empty={rows.length === 0 ? (filtered ? t("emptyFiltered") : t("empty")) : null}
      more={next ? { href: listHref("/events", { kind: filters.kind, year: filters.year, sort: filters.sort, after: next }), label: t("more") } : null}
    >
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
            <p className="flex shrink-0 flex-wrap gap-x-3 text-sm text-slate-600 sm:flex-col sm:items-end" data-testid="event-outcome">
              <span>{t("participantCount", { count: e.participants })}</span>
              <span>{t("projectCount", { count: e.projects })}</span>
              {e.projects > 0 ? (
                <span>
                  {t("outcome.signed")} <WanYi yuan={e.signedCny} />
                </span>
              ) : null}
            </p>
          </li>
        );
      })}
    </ListPage>
  );
}
