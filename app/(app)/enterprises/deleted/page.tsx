import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RestoreEnterpriseButton } from "@/components/enterprises/merge/restore-button";
import { buttonClass } from "@/components/ui/button";
import { getDb } from "@/db";
import { atLeast } from "@/lib/auth/roles";
import { requireViewer } from "@/lib/auth/session";
import { listDeletedEnterprises } from "@/lib/enterprises/merge/deleted-queries";
import { primaryName } from "@/lib/i18n/display";
import { decodeCursor } from "@/lib/paging";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("deleted");
  return { title: t("title") };
}

export default async function DeletedEnterprisesPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const viewer = await requireViewer();
  if (!atLeast(viewer.role, "manager")) notFound();
  const [{ after }, db, t, tc, locale, format] = await Promise.all([searchParams, getDb(), getTranslations("deleted"), getTranslations("common"), getLocale(), getFormatter()]);
  const cursor = decodeCursor(after);
  const { rows, next } = await listDeletedEnterprises(db, viewer, { after: cursor });

  return (
    <ClientMessages namespaces={["deleted"]}>
      <div className="space-y-4">
        <div>
          <Link href="/enterprises" className="text-sm text-brand-700 hover:underline">
            ← {t("backToList")}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{viewer.role === "admin" ? t("introAll") : t("introTeam")}</p>
        </div>

        {rows.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <p className="font-medium">{t("empty")}</p>
          </div>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-3">{t("columns.name")}</th>
                  <th scope="col" className="px-4 py-3">{t("columns.status")}</th>
                  <th scope="col" className="hidden px-4 py-3 md:table-cell">{t("columns.by")}</th>
                  <th scope="col" className="hidden px-4 py-3 sm:table-cell">{t("columns.when")}</th>
                  <th scope="col" className="px-4 py-3"><span className="sr-only">{t("restore")}</span></th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => {
                  const name = primaryName(row, locale);
                  const when = format.dateTime(row.deletedAt, { dateStyle: "medium", timeStyle: "short" });
                  const survivor = row.mergedInto;
                  return (
                    <tr key={row.id}>
                      <td className="px-4 py-3">
                        <div className="font-medium">{name.first}</div>
                        {name.second ? <div className="text-xs text-slate-500">{name.second}</div> : null}
                        {row.creditCode ? <div className="font-mono text-xs text-slate-500">{row.creditCode}</div> : null}
                        <div className="text-xs text-slate-500 sm:hidden">{when}</div>
                      </td>
                      <td className="px-4 py-3">
                        {survivor
                          ? t.rich("statusMerged", {
                              name: primaryName(survivor, locale).first,
                              link: (chunks) =>
                                survivor.live ? (
                                  <Link href={`/enterprises/${survivor.id}`} className="text-brand-700 hover:underline">
                                    {chunks}
                                  </Link>
                                ) : (
                                  <>
                                    {chunks} <span className="text-slate-500">{t("survivorGone")}</span>
                                  </>
                                ),
                            })
                          : t("statusDeleted")}
                      </td>
                      <td className="hidden px-4 py-3 md:table-cell">{row.deletedByName ?? t("unknownPerson")}</td>
                      <td className="hidden px-4 py-3 text-slate-600 sm:table-cell">{when}</td>
                      <td className="px-4 py-3 text-right">
                        <RestoreEnterpriseButton
                          id={row.id}
                          version={row.version}
                          names={{ nameZh: row.nameZh, nameEn: row.nameEn }}
                          survivor={survivor ? { nameZh: survivor.nameZh, nameEn: survivor.nameEn } : null}
                        />
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
            <Link href="/enterprises/deleted" className={buttonClass("secondary")}>
              {tc("firstPage")}
            </Link>
          ) : null}
          {next ? (
            <Link href={`/enterprises/deleted?after=${next}`} className={buttonClass("secondary")}>
              {tc("nextPage")}
            </Link>
          ) : null}
        </nav>
      </div>
    </ClientMessages>
  );
}
