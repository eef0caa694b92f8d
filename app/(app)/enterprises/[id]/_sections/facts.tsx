import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { EnterpriseDetail } from "@/lib/enterprises/detail-queries";
import { countryName } from "@/lib/i18n/display";

/** Every field of the record; a field with no value says "Not set" rather than disappearing. */
export async function KeyFacts({ detail }: { detail: EnterpriseDetail }) {
  const [t, tc, locale, format] = await Promise.all([getTranslations("enterprises"), getTranslations("common"), getLocale(), getFormatter()]);
  const { enterprise: e, ownerName, teamNameZh, teamNameEn } = detail;
  const notSet = <span className="text-slate-500">{tc("notSet")}</span>;
  const facts: [string, string | null][] = [
    [t("fields.nameZh"), e.nameZh],
    [t("fields.nameEn"), e.nameEn],
    [t("fields.aliases"), e.aliases.length ? e.aliases.join(locale === "en" ? ", " : "、") : null],
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
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
          <dd className={`mt-0.5 break-words ${label === t("fields.creditCode") ? "font-mono" : ""}`}>{value ?? notSet}</dd>
        </div>
      ))}
      <div className="min-w-0 sm:col-span-2">
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.website")}</dt>
        <dd className="mt-0.5 break-all">
          {/* Only web addresses become links: a stored "javascript:" or "data:" value stays text. */}
          {e.website && /^https?:\/\//i.test(e.website) ? (
            <a href={e.website} rel="noopener noreferrer nofollow" target="_blank" className="inline-flex min-h-11 items-center break-all text-brand-700 hover:underline sm:min-h-0">
              {e.website}
            </a>
          ) : (
            (e.website ?? notSet)
          )}
        </dd>
      </div>
      <div className="min-w-0 sm:col-span-2">
        <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("fields.description")}</dt>
        <dd className="mt-0.5 whitespace-pre-line break-words">{e.description ?? notSet}</dd>
      </div>
    </dl>
  );
}
