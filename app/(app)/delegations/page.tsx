import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DELEGATION_DIRECTIONS } from "@/db/enums";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listDelegations, parseDelegationFilters } from "@/lib/delegations/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("title") };
}

export default async function DelegationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = parseDelegationFilters(await searchParams);
  const [db, t, dir] = await Promise.all([getDb(), getTranslations("delegations"), getTranslations("delegations.directions")]);
  const { items, next } = await listDelegations(db, viewer, filters);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  const nextHref = next ? `?${new URLSearchParams({ ...(filters.direction ? { direction: filters.direction } : {}), ...(filters.year ? { year: String(filters.year) } : {}), cursor: next })}` : null;

  return (
    <div className="space-y-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canCreate(viewer) ? (
          <Link href="/delegations/new" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        ) : null}
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" aria-label={t("filters.label")}>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("filters.direction")}</span>
          <select name="direction" defaultValue={filters.direction ?? ""} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="">{t("filters.all")}</option>
            {DELEGATION_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {dir(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">{t("filters.year")}</span>
          <select name="year" defaultValue={filters.year ? String(filters.year) : ""} className="rounded-md border border-slate-300 px-3 py-2">
            <option value="">{t("filters.all")}</option>
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
        {filters.direction || filters.year ? (
          <Link href="/delegations" className="py-2 text-sm text-brand-700 hover:underline">
            {t("filters.clear")}
          </Link>
        ) : null}
      </form>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{filters.cursor ? t("noMore") : t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((d) => (
            <li key={d.id} className="p-4">
              <Link href={`/delegations/${d.id}`} className="font-medium text-brand-700 hover:underline">
                {d.name}
              </Link>
              <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
                <span className="rounded bg-slate-100 px-1.5 text-xs leading-5 text-slate-700">{dir(d.direction)}</span>
                <span>
                  {d.startsOn}
                  {d.endsOn !== d.startsOn ? ` – ${d.endsOn}` : ""}
                </span>
                {d.destination ? <span>{d.destination}</span> : null}
                {d.leaderName ? <span>{[d.leaderName, d.leaderTitle].filter(Boolean).join(" · ")}</span> : null}
                <span>{t("stopCount", { count: d.stops })}</span>
              </p>
            </li>
          ))}
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
