import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { getReadDb } from "@/lib/read-db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { VISIT_SCOPES, listVisits, parseVisitScope } from "@/lib/visits/queries";

export async function generateMetadata() {
  const t = await getTranslations("visits");
  return { title: t("title") };
}

type Search = Promise<{ scope?: string; after?: string }>;

/** Recent visits, newest first: mine, my team's or everyone's (in the URL), keyset-paged. */
export default async function VisitsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer();
  const q = await searchParams;
  const scope = parseVisitScope(q.scope);
  const [t, format, locale, db] = await Promise.all([getTranslations("visits"), getFormatter(), getLocale(), getReadDb()]);
  const { items, next } = await listVisits(db, viewer, { scope, after: typeof q.after === "string" ? q.after : null });

  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {canCreate(viewer) ? (
          <Link href="/visits/new" className={buttonClass("primary", "min-h-12 w-full text-base sm:w-auto")}>
            + {t("logVisit")}
          </Link>
        ) : null}
      </div>
      <nav aria-label={t("scopes.label")} className="flex gap-2">
        {VISIT_SCOPES.map((s) => (
          <Link
            key={s}
            href={`/visits?scope=${s}`}
            aria-current={s === scope ? "page" : undefined}
            className="min-h-10 rounded-full border border-slate-300 px-4 py-2 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium"
          >
            {t(`scopes.${s}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {items.map((v) => (
            <li key={v.id}>
              <Link href={`/visits/${v.id}`} className="block space-y-1 px-4 py-3 hover:bg-slate-50">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <span className="font-medium break-words">{primaryName({ nameZh: v.enterpriseNameZh, nameEn: v.enterpriseNameEn }, locale).first}</span>
                  <time dateTime={v.occurredAt.toISOString()} className="text-sm text-slate-500">
                    {format.dateTime(v.occurredAt, { dateStyle: "medium", timeStyle: "short" })}
                  </time>
                </div>
                {v.summary ? <p className="line-clamp-2 text-sm break-words text-slate-700">{v.summary}</p> : null}
                <p className="text-xs text-slate-500">
                  {[v.place ? t("at", { place: v.place }) : null, v.ownerName ? t("by", { name: v.ownerName }) : null].filter(Boolean).join(" · ")}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <Link href={`/visits?scope=${scope}&after=${encodeURIComponent(next)}`} className={buttonClass("secondary")}>
          {t("more")}
        </Link>
      ) : null}
    </div>
  );
}
