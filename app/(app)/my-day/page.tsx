import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FollowUpList } from "@/components/follow-ups/follow-up-list";
import { MyDayNewFollowUp } from "@/components/follow-ups/my-day-new-follow-up";
import { TodaysStops } from "@/components/follow-ups/todays-stops";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { listTodaysStops } from "@/lib/follow-ups/my-day-stops";
import { listMyDay, type MyDayScope } from "@/lib/follow-ups/queries";
import { listTeamMembers } from "@/lib/projects/form-options";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("followUps.myDay");
  return { title: t("title") };
}

/** Each group shows its most urgent items first; the rest on request (?show=overdue|today|week). */
const SHOWN = 20;

export default async function MyDayPage({ searchParams }: { searchParams: Promise<{ scope?: string | string[]; show?: string | string[] }> }) {
  const viewer = await requireViewer();
  const { scope: asked, show } = await searchParams;
  // Managers (and admins with a team) may look at their whole team's day.
  const mayTeam = (viewer.role === "manager" || viewer.role === "admin") && viewer.teamId !== null;
  const scope: MyDayScope = mayTeam && asked === "team" ? "team" : "me";
  const db = await getDb();
  const [day, people, stops, t] = await Promise.all([
    listMyDay(db, viewer, scope),
    listTeamMembers(db, viewer.teamId),
    listTodaysStops(db, viewer),
    getTranslations("followUps.myDay"),
  ]);
  // Viewers read only: no form, and no hint to add what they may not.
  const mayCreate = canCreate(viewer);
  const groups = [
    { key: "overdue", items: day.overdue },
    { key: "today", items: day.dueToday },
    { key: "week", items: day.thisWeek },
  ] as const;
  const tab = (s: MyDayScope) => `inline-flex min-h-11 items-center rounded-md px-3 py-1.5 text-sm font-medium sm:min-h-0 ${scope === s ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`;

  return (
    <ClientMessages namespaces={["enterpriseForm.conflict", "followUps", "enterprisePicker"]}>
      <div className="mx-auto max-w-3xl space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          {mayTeam ? (
            <nav aria-label={t("scope")} className="flex gap-1">
              <Link href="/my-day" aria-current={scope === "me" ? "page" : undefined} className={tab("me")}>
                {t("mine")}
              </Link>
              <Link href="/my-day?scope=team" aria-current={scope === "team" ? "page" : undefined} className={tab("team")}>
                {t("team")}
              </Link>
            </nav>
          ) : null}
        </div>
        {mayCreate ? <MyDayNewFollowUp today={day.today} /> : null}
        <TodaysStops stops={stops} />
        {groups.map(({ key, items }) => (
          <section key={key} aria-labelledby={`my-day-${key}`} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id={`my-day-${key}`} className={`text-lg font-semibold ${key === "overdue" && items.length ? "text-red-800" : ""}`}>
              {t(`groups.${key}`, { count: items.length })}
            </h2>
            <FollowUpList items={show === key ? items : items.slice(0, SHOWN)} people={people} today={day.today} empty={t(`empty.${key}`)} />
            {show !== key && items.length > SHOWN ? (
              <Link href={`/my-day?${new URLSearchParams({ ...(scope === "team" ? { scope } : {}), show: key })}#my-day-${key}`} aria-describedby={`my-day-${key}`} className="inline-block py-2 text-sm font-medium text-brand-700 hover:underline">
                {t("showAll", { count: items.length })}
              </Link>
            ) : null}
          </section>
        ))}
        {mayCreate ? <p className="text-sm text-slate-500">{t("createHint")}</p> : null}
      </div>
    </ClientMessages>
  );
}
