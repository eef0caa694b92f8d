import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listEnterprises } from "@/lib/enterprises/queries";
import { countryName, primaryName } from "@/lib/i18n/display";
import { decodeCursor } from "@/lib/paging";

export async function generateMetadata() {
  const t = await getTranslations("enterprises");
  return { title: t("title") };
}

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  const [{ after }, db, t, locale, format] = await Promise.all([
    searchParams,
    getDb(),
    getTranslations("enterprises"),
    getLocale(),
    getFormatter(),
  ]);
  const cursor = decodeCursor(after);
  const { rows, next } = await listEnterprises(db, viewer, { after: cursor });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canCreate(viewer) ? (
          <Link href="/enterprises/new" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <p className="font-medium">{t("empty")}</p>
          {canCreate(viewer) ? <p className="mt-1 text-sm text-slate-500">{t("emptyHint")}</p> : null}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">{t("columns.name")}</th>
                <th scope="col" className="hidden px-4 py-3 md:table-cell">{t("columns.creditCode")}</th>
                <th scope="col" className="px-4 py-3">{t("columns.location")}</th>
                <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("columns.ownership")}</th>
                <th scope="col" className="hidden px-4 py-3 lg:table-cell">{t("columns.owner")}</th>
                <th scope="col" className="hidden px-4 py-3 lg:table-cell">{t("columns.created")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => {
                const name = primaryName(row, locale);
                return (
                  <tr key={row.id} className="hover:bg-slate-50">
                    <td className="px-4 py-3">
                      <Link href={`/enterprises/${row.id}`} className="font-medium text-brand-700 hover:underline">
                        {name.first}
                      </Link>
                      {name.second ? <div className="text-xs text-slate-500">{name.second}</div> : null}
                    </td>
                    <td className="hidden px-4 py-3 font-mono text-xs md:table-cell">{row.creditCode ?? "—"}</td>
                    <td className="px-4 py-3">
                      {[row.city, countryName(row.country, locale)].filter(Boolean).join(" · ")}
                    </td>
                    <td className="hidden px-4 py-3 sm:table-cell">{row.ownership ? t(`ownerships.${row.ownership}`) : "—"}</td>
                    <td className="hidden px-4 py-3 lg:table-cell">{row.ownerName ?? "—"}</td>
                    <td className="hidden px-4 py-3 text-slate-500 lg:table-cell">
                      {format.dateTime(row.createdAt, { dateStyle: "medium" })}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <nav className="flex justify-end gap-2" aria-label={t("title")}>
        {cursor ? (
          <Link href="/enterprises" className={buttonClass("secondary")}>
            {t("firstPage")}
          </Link>
        ) : null}
        {next ? (
          <Link href={`/enterprises?after=${next}`} className={buttonClass("secondary")}>
            {t("nextPage")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
