import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getEnterprise } from "@/lib/enterprises/queries";
import { countryName, primaryName } from "@/lib/i18n/display";
import { uuidParam } from "@/lib/validation";

async function load(id: string) {
  const viewer = await requireViewer();
  if (!uuidParam.safeParse(id).success) notFound();
  const found = await getEnterprise(await getDb(), viewer, id);
  if (!found) notFound();
  return found;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { enterprise } = await load((await params).id);
  return { title: primaryName(enterprise, await getLocale()).first };
}

export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ enterprise: e, ownerName, teamNameZh, teamNameEn }, t, locale, format] = await Promise.all([
    load(id),
    getTranslations("enterprises"),
    getLocale(),
    getFormatter(),
  ]);
  const name = primaryName(e, locale);
  const facts: [string, string | null][] = [
    [t("fields.nameZh"), e.nameZh],
    [t("fields.nameEn"), e.nameEn],
    [t("fields.creditCode"), e.creditCode],
    [t("fields.country"), countryName(e.country, locale)],
    [t("fields.province"), e.province],
    [t("fields.city"), e.city],
    [t("fields.size"), e.size ? t(`sizes.${e.size}`) : null],
    [t("fields.ownership"), e.ownership ? t(`ownerships.${e.ownership}`) : null],
    [t("fields.owner"), ownerName],
    [t("fields.team"), locale === "en" ? teamNameEn : teamNameZh],
    [t("columns.created"), format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "short" })],
  ];

  return (
    <div className="space-y-6">
      <div>
        <Link href="/enterprises" className="text-sm text-brand-700 hover:underline">
          ← {t("backToList")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{name.first}</h1>
        {name.second ? <p className="text-slate-600">{name.second}</p> : null}
      </div>
      <section aria-labelledby="facts" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
        <h2 id="facts" className="mb-3 text-lg font-semibold">
          {t("facts")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
              <dd className="mt-0.5">{value ?? <span className="text-slate-400">{t("fields.notSet")}</span>}</dd>
            </div>
          ))}
          <div className="sm:col-span-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.website")}</dt>
            <dd className="mt-0.5">
              {e.website ? (
                <a href={e.website} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 hover:underline">
                  {e.website}
                </a>
              ) : (
                <span className="text-slate-400">{t("fields.notSet")}</span>
              )}
            </dd>
          </div>
          {e.description ? (
            <div className="sm:col-span-2">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.description")}</dt>
              <dd className="mt-0.5 whitespace-pre-line">{e.description}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    </div>
  );
}
