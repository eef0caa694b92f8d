import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReviewTabs } from "@/components/review/review-tabs";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { listReassignable, WORK_KINDS } from "@/lib/users/reassign";

export async function generateMetadata() {
  const t = await getTranslations("admin.reassign");
  return { title: t("peopleTitle") };
}

/** The people whose work the caller may reassign (a manager: their team's; an admin: everyone), with what each owns. */
export default async function ReviewPeoplePage() {
  const viewer = await requireViewer();
  if (viewer.role !== "manager" && viewer.role !== "admin") notFound();
  const db = await getDb();
  const [people, t, locale] = await Promise.all([listReassignable(db, viewer), getTranslations("admin.reassign"), getLocale()]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <ReviewTabs current="people" />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("peopleTitle")}</h1>
        <p className="text-sm text-slate-600">{t("peopleIntro")}</p>
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {people.map((p) => (
          <li key={p.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="min-w-0">
              <p className="font-medium">
                {p.name}
                {p.deactivated ? <span className="ml-2 text-sm font-normal text-red-700">{t("deactivated")}</span> : null}
                {p.teamNameZh || p.teamNameEn ? <span className="ml-2 text-sm font-normal text-slate-500">{primaryName({ nameZh: p.teamNameZh, nameEn: p.teamNameEn }, locale).first}</span> : null}
              </p>
              <p className="text-sm text-slate-600">{WORK_KINDS.map((k) => `${t(`kinds.${k}`)} ${p.counts[k]}`).join(" · ")}</p>
            </div>
            <Link href={`/review/people/${p.id}`} className="inline-flex min-h-11 shrink-0 items-center text-sm font-medium text-brand-700 hover:underline sm:min-h-0">
              {t("open", { name: p.name })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
