import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { getReadDb } from "@/lib/read-db";
import { SEARCH_KINDS, searchEverything } from "@/lib/search/find";

export async function generateMetadata() {
  const t = await getTranslations("search");
  return { title: t("title") };
}

/** Every kind's hits for a query, more of each than the box shows; works without JavaScript. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const viewer = await requireViewer();
  const raw = (await searchParams).q;
  const q = (typeof raw === "string" ? raw : "").slice(0, 100);
  const [db, locale, t, stages] = await Promise.all([getReadDb(), getLocale(), getTranslations("search"), getTranslations("projects.stages")]);
  const hits = q.trim() ? await searchEverything(db, viewer, q, locale, 20) : [];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <form method="get" action="/search" role="search" className="flex gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("label")}
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={q} placeholder={t("placeholder")} maxLength={100} className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base sm:text-sm" />
        <button type="submit" className={buttonClass("primary")}>
          {t("title")}
        </button>
      </form>
      <p className="text-sm text-slate-500">{t("hint")}</p>
      {q.trim() && hits.length === 0 ? <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-600">{t("empty", { q })}</p> : null}
      {SEARCH_KINDS.map((kind) => {
        const group = hits.filter((h) => h.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`search-${kind}`} className="space-y-2">
            <h2 id={`search-${kind}`} className="text-sm font-semibold text-slate-600">
              {t(`kinds.${kind}`)} <span className="font-normal">({group.length})</span>
            </h2>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
              {group.map((h) => (
                <li key={h.id}>
                  <Link href={h.href} className="flex min-h-11 flex-wrap items-baseline gap-x-3 px-4 py-2 hover:bg-slate-50">
                    <span className="font-medium text-brand-800">{h.title}</span>
                    {h.detail ? <span className="text-sm text-slate-600">{h.detail}</span> : null}
                    {h.tag ? <span className="ml-auto text-xs text-slate-500">{kind === "project" && stages.has(h.tag as "lead") ? stages(h.tag as "lead") : h.tag}</span> : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
