import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeletedEnterprisesLink } from "@/components/enterprises/deleted-link";
import { EnterpriseListActions } from "@/components/enterprises/list-actions";
import { ColumnChooser } from "@/components/enterprises/list/column-chooser";
import { EnterpriseTable } from "@/components/enterprises/list/enterprise-table";
import { FilterForm } from "@/components/enterprises/list/filter-form";
import { SavedViews } from "@/components/enterprises/list/saved-views";
import { buttonClass } from "@/components/ui/button";
import { getReadDb } from "@/lib/read-db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { filtersToQuery, isFiltered, parseEnterpriseFilters, visibleColumns } from "@/lib/enterprises/filters";
import { countEnterprises, listEnterprises } from "@/lib/enterprises/queries";
import { listChainsWithNodes, listPeople, listTeams } from "@/lib/reference/queries";
import { listSavedViews } from "@/lib/saved-views/queries";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("enterprises");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const viewer = await requireViewer();
  const [params, db, t, tl, tc] = await Promise.all([searchParams, getReadDb(), getTranslations("enterprises"), getTranslations("enterpriseList"), getTranslations("common")]);
  const filters = parseEnterpriseFilters(params);
  const after = typeof params.after === "string" ? params.after : null;
  const query = filtersToQuery(filters);

  const [{ rows, next }, total, chains, teams, people, views] = await Promise.all([
    listEnterprises(db, viewer, { filters, after }),
    countEnterprises(db, viewer, filters),
    listChainsWithNodes(db),
    listTeams(db),
    listPeople(db),
    listSavedViews(db, viewer, "enterprises"),
  ]);

  return (
    <ClientMessages namespaces={["enterpriseList", "savedViews"]}>
      <div className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-sm text-slate-500" data-testid="enterprise-total">
              {total.exact ? tl("total", { count: total.value }) : tl("totalApprox", { count: total.value })}
            </p>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <SavedViews views={views} viewer={viewer} query={query} />
            <ColumnChooser filters={filters} />
            <EnterpriseListActions viewer={viewer} query={query} />
            <DeletedEnterprisesLink viewer={viewer} />
            {canCreate(viewer) ? (
              <Link href="/enterprises/new" className={buttonClass("primary")}>
                {t("new")}
              </Link>
            ) : null}
          </div>
        </div>

        <FilterForm filters={filters} chains={chains} teams={teams} people={people} />

        {rows.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <p className="font-medium">{isFiltered(filters) ? tl("noMatches") : t("empty")}</p>
            <p className="mt-1 text-sm text-slate-500">{isFiltered(filters) ? tl("noMatchesHint") : canCreate(viewer) ? t("emptyHint") : null}</p>
          </div>
        ) : (
          <EnterpriseTable rows={rows} columns={visibleColumns(filters)} />
        )}

        <nav className="flex justify-end gap-2" aria-label={tl("pagination")}>
          {after ? (
            <Link href={`/enterprises${query ? `?${query}` : ""}`} className={buttonClass("secondary")}>
              {tc("firstPage")}
            </Link>
          ) : null}
          {next ? (
            <Link href={`/enterprises?${new URLSearchParams([...new URLSearchParams(query), ["after", next]])}`} className={buttonClass("secondary")}>
              {tc("nextPage")}
            </Link>
          ) : null}
        </nav>
      </div>
    </ClientMessages>
  );
}
