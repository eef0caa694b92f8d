import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AlertAssign } from "@/components/review/alerts-assign";
import { AlertSection, ThresholdForm } from "@/components/review/alerts-section";
import { ReviewTabs } from "@/components/review/review-tabs";
import { getReadDb } from "@/lib/read-db";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { clampParam, listOverdueFollowUps, listSignedNotStarted, listStalledProjects, SIGNED_MONTHS, STALLED_DAYS } from "@/lib/review/alerts";
import { listAlertAssignees } from "@/lib/review/alerts-assignees";
import { shanghaiInstant } from "@/lib/time";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("alerts");
  return { title: t("title") };
}

type Params = Promise<{ stalledDays?: string | string[]; months?: string | string[] }>;

const day = (d: string) => shanghaiInstant(d);
const linkClass = "font-medium text-brand-700 hover:underline";

export default async function AlertsPage({ searchParams }: { searchParams: Params }) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const stalledDays = clampParam(params.stalledDays, STALLED_DAYS);
  const months = clampParam(params.months, SIGNED_MONTHS);
  const db = await getReadDb();
  const [stalled, signed, overdue, people, t, tp, format, locale] = await Promise.all([
    listStalledProjects(db, viewer, stalledDays),
    listSignedNotStarted(db, viewer, months),
    listOverdueFollowUps(db, viewer),
    listAlertAssignees(db, viewer),
    getTranslations("alerts"),
    getTranslations("projects"),
    getFormatter(),
    getLocale(),
  ]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const enterprise = (r: { enterpriseNameZh: string | null; enterpriseNameEn: string | null }) => primaryName({ nameZh: r.enterpriseNameZh, nameEn: r.enterpriseNameEn }, locale).first;
  const mayAssign = people.length > 0;
  const keep = { stalledDays: String(stalledDays), months: String(months) };

  return (
    <ClientMessages namespaces={["alerts.assign", "enterpriseForm.conflict"]}>
      <div className="mx-auto max-w-4xl space-y-6">
        <ReviewTabs current="alerts" />
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>

        <AlertSection id="stalled" heading={t("stalled.heading", { count: stalled.length })} empty={stalled.length === 0 ? t("stalled.empty", { days: stalledDays }) : null}
          tools={<ThresholdForm name="stalledDays" value={stalledDays} min={STALLED_DAYS.min} max={STALLED_DAYS.max} label={t("stalled.days")} hint={t("stalled.daysHint")} apply={t("apply")} keep={keep} />}>
          {stalled.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="space-y-0.5">
                <Link href={`/projects/${r.id}`} className={linkClass}>{r.name}</Link>
                <p className="text-sm text-slate-600">
                  <Link href={`/enterprises/${r.enterpriseId}`} className="hover:underline">{enterprise(r)}</Link> · {tp(`stages.${r.stage}`)} · {tp(`statuses.${r.status}`)} · {r.ownerName ? t("owner", { name: r.ownerName }) : t("noOwner")}
                </p>
                <p className="text-sm font-medium text-amber-800">{t("stalled.last", { date: date(r.lastActivity) })}</p>
              </div>
              {mayAssign ? <AlertAssign target={{ kind: "stalled", projectId: r.id }} people={people} label={r.name} /> : null}
            </li>
          ))}
        </AlertSection>

        <AlertSection id="signed" heading={t("signed.heading", { count: signed.length })} empty={signed.length === 0 ? t("signed.empty") : null}
          tools={<ThresholdForm name="months" value={months} min={SIGNED_MONTHS.min} max={SIGNED_MONTHS.max} label={t("signed.months")} hint={t("signed.monthsHint")} apply={t("apply")} keep={keep} />}>
          {signed.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="space-y-0.5">
                <Link href={`/projects/${r.id}`} className={linkClass}>{r.name}</Link>
                <p className="text-sm text-slate-600">
                  <Link href={`/enterprises/${r.enterpriseId}`} className="hover:underline">{enterprise(r)}</Link> · {tp(`stages.${r.stage}`)} · {r.ownerName ? t("owner", { name: r.ownerName }) : t("noOwner")}
                </p>
                <p className="text-sm font-medium text-red-800">{t("signed.detail", { signed: date(day(r.signedOn)), deadline: date(day(r.deadline)), months: r.termMonths })}</p>
              </div>
              {mayAssign ? <AlertAssign target={{ kind: "signedNotStarted", projectId: r.id }} people={people} label={r.name} /> : null}
            </li>
          ))}
        </AlertSection>

        <AlertSection id="overdue" heading={t("overdue.heading", { count: overdue.length })} empty={overdue.length === 0 ? t("overdue.empty") : null}>
          {overdue.map((r) => (
            <li key={r.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="space-y-0.5">
                <p className="font-medium text-slate-900">{r.title}</p>
                <p className="flex flex-wrap gap-x-3 text-sm text-slate-600">
                  <Link href={`/enterprises/${r.enterpriseId}`} className="text-brand-700 hover:underline">{enterprise(r)}</Link>
                  {r.projectId && r.projectName ? <Link href={`/projects/${r.projectId}`} className="text-brand-700 hover:underline">{r.projectName}</Link> : null}
                  {r.assigneeName ? <span>{t("overdue.assignee", { name: r.assigneeName })}</span> : null}
                </p>
                <p className="text-sm font-medium text-red-800">{t("overdue.due", { date: date(day(r.dueOn)) })}</p>
              </div>
              {mayAssign && (viewer.role === "admin" || r.teamId === viewer.teamId) ? (
                <AlertAssign key={r.version} target={{ kind: "followUp", followUpId: r.id, version: r.version, currentAssigneeId: r.assigneeId }} people={people} label={r.title} />
              ) : null}
            </li>
          ))}
        </AlertSection>
      </div>
    </ClientMessages>
  );
}
