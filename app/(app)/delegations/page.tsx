import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterBar, ListPage, listHref, recentYears } from "@/components/ui/list-page";
import { DELEGATION_DIRECTIONS } from "@/db/enums";
import { getReadDb } from "@/lib/read-db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listDelegations, parseDelegationFilters } from "@/lib/delegations/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("delegations"))("title") };
}

export default async function DelegationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer();
  const filters = parseDelegationFilters(await searchParams);
  const [db, t, dir] = await Promise.all([getReadDb(), getTranslations("delegations"), getTranslations("delegations.directions")]);
  const { items, next } = await listDelegations(db, filters);

  return (
    <ListPage
      title={t("title")}
      create={canCreate(viewer) ? { href: "/delegations/new", label: t("new") } : null}
      filters={
        <FilterBar
          path="/delegations"
          label={t("filters.label")}
          choices={[
            { name: "direction", label: t("filters.direction"), value: filters.direction ?? "", all: t("filters.all"), options: DELEGATION_DIRECTIONS.map((d) => ({ value: d, label: dir(d) })) },
            { name: "year", label: t("filters.year"), value: filters.year ? String(filters.year) : "", all: t("filters.all"), options: recentYears() },
          ]}
          apply={t("filters.apply")}
          clear={t("filters.clear")}
        />
      }
      empty={items.length === 0 ? (filters.cursor ? t("noMore") : t("empty")) : null}
      more={next ? { href: listHref("/delegations", { direction: filters.direction, year: filters.year, cursor: next }), label: t("more") } : null}
    >
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
    </ListPage>
  );
}
