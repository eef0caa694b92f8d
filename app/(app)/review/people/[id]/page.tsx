import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminForm } from "@/components/admin/admin-form";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ReviewTabs } from "@/components/review/review-tabs";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { reassignWork } from "@/lib/users/actions/reassign-work";
import { getReassignment, WORK_KINDS } from "@/lib/users/reassign";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata() {
  const t = await getTranslations("admin.reassign");
  return { title: t("title") };
}

/**
 * The preview of a reassignment, and its form: what the person owns, per kind, and to whom it may
 * go. Admins reach it for anyone (from the people admin page too), a manager for their team's people.
 */
export default async function ReassignPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  if (viewer.role !== "manager" && viewer.role !== "admin") notFound();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const [data, t, locale] = await Promise.all([getReassignment(db, viewer, id), getTranslations("admin.reassign"), getLocale()]);
  if (!data) notFound();
  const { person, counts, targets } = data;
  const total = WORK_KINDS.reduce((n, k) => n + counts[k], 0);
  const team = person.teamNameZh || person.teamNameEn ? primaryName({ nameZh: person.teamNameZh, nameEn: person.teamNameEn }, locale).first : null;

  return (
    <ClientMessages namespaces={["admin", "enterpriseForm.conflict"]}>
      <div className="mx-auto max-w-4xl space-y-6">
        <ReviewTabs current="people" />
        <div className="space-y-1">
          <Link href={viewer.role === "admin" ? "/admin/people" : "/review/people"} className="text-sm text-brand-700 hover:underline">
            {t("back")}
          </Link>
          <h1 className="text-2xl font-semibold">{t("open", { name: person.name })}</h1>
          <p className="text-sm text-slate-600">
            {person.email}
            {team ? ` · ${team}` : ""}
            {person.deactivated ? ` · ${t("deactivated")}` : ""}
          </p>
          <p className="text-sm text-slate-600">{t("intro", { name: person.name })}</p>
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("title")}>
          {WORK_KINDS.map((k) => (
            <div key={k} className="rounded-lg border border-slate-200 bg-white p-3" data-kind={k}>
              <dt className="text-sm text-slate-600">{t(`kinds.${k}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{counts[k]}</dd>
            </div>
          ))}
        </dl>
        {total === 0 ? (
          <p className="text-sm text-slate-600">{t("nothing", { name: person.name })}</p>
        ) : targets.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noTargets")}</p>
        ) : (
          <AdminForm
            id={`reassign-${person.id}`}
            title={t("open", { name: person.name })}
            run={reassignWork}
            hidden={{ userId: person.id }}
            fields={[{ name: "toUserId", label: t("to"), type: "select", options: [{ value: "", label: t("choose") }, ...targets.map((p) => ({ value: p.id, label: p.name === p.email ? p.name : `${p.name} (${p.email})` }))] }]}
            submit={t("submit", { count: total })}
            className="rounded-lg border border-slate-200 bg-white p-4"
          />
        )}
      </div>
    </ClientMessages>
  );
}
