import Link from "next/link";
import { AuditLogLink } from "@/components/admin/audit-log-link";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
import { RecordHistorySection } from "@/components/audit/record-history-section";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NewFollowUp } from "@/components/follow-ups/new-follow-up";
import { buttonClass } from "@/components/ui/button";
import { DeleteVisit } from "@/components/visits/delete-visit";
import { VisitFollowUps } from "@/components/visits/visit-follow-ups";
import { canCreate } from "@/lib/access";
import { shanghaiDay } from "@/lib/time";
import { primaryName } from "@/lib/i18n/display";
import { getVisit } from "@/lib/visits/queries";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";

const load = recordPage(getVisit);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ detail: visit }, locale] = await Promise.all([load((await params).id), getLocale()]);
  return { title: primaryName({ nameZh: visit.enterpriseNameZh, nameEn: visit.enterpriseNameEn }, locale).first };
}

export default async function VisitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [{ viewer, db, detail: d }, t, tc, format, locale] = await Promise.all([load(id), getTranslations("visits"), getTranslations("common"), getFormatter(), getLocale()]);
  const v = d.visit;
  const name = primaryName({ nameZh: d.enterpriseNameZh, nameEn: d.enterpriseNameEn }, locale).first;
  const ours = d.attendees.filter((a) => a.side === "ours");
  const theirs = d.attendees.filter((a) => a.side === "theirs");
  const people = (list: typeof ours) => (list.length ? list.map((a) => (a.title ? `${a.name}（${a.title}）` : a.name)).join("、") : t("detail.nobody"));
  const facts: [string, string][] = [
    [t("fields.occurredAt"), format.dateTime(v.occurredAt, { dateStyle: "full", timeStyle: "short" })],
    [t("fields.place"), v.place ?? t("detail.notSet")],
    ...(d.delegationName ? [[t("fields.delegation"), d.delegationName] as [string, string]] : []),
    ...(d.eventNameZh || d.eventNameEn ? [[t("fields.event"), primaryName({ nameZh: d.eventNameZh, nameEn: d.eventNameEn }, locale).first] as [string, string]] : []),
  ];

  return (
    <ClientMessages namespaces={["attachments", "followUps.form", "followUps.kinds", "visits"]}>
      <div className="mx-auto max-w-3xl space-y-5">
        <div className="space-y-1">
          <Link href="/visits" className="text-sm text-brand-700 hover:underline">
            ← {t("title")}
          </Link>
          <h1 className="text-2xl font-semibold break-words">
            <Link href={`/enterprises/${v.enterpriseId}`} className="hover:underline">
              {name}
            </Link>
          </h1>
          {d.ownerName ? <p className="text-sm text-slate-500">{t("by", { name: d.ownerName })}</p> : null}
        </div>
        {d.canEdit || viewer.role === "admin" ? (
          <div className="flex flex-wrap gap-2">
            {d.canEdit ? (
              <>
                <Link href={`/visits/${v.id}/edit`} className={buttonClass("secondary")}>
                  {tc("edit")}
                </Link>
                <DeleteVisit id={v.id} version={v.version} />
              </>
            ) : null}
            <AuditLogLink viewer={viewer} type="visit" id={v.id} />
          </div>
        ) : null}
        <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("fields.summary")}</h2>
          <p className="whitespace-pre-wrap break-words">{v.summary}</p>
          {v.outcome ? (
            <>
              <h2 className="pt-2 font-semibold">{t("fields.outcome")}</h2>
              <p className="whitespace-pre-wrap break-words">{v.outcome}</p>
            </>
          ) : null}
        </section>
        <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("detail.attendees")}</h2>
          <dl className="space-y-2">
            <div>
              <dt className="text-xs text-slate-500">{t("detail.ours")}</dt>
              <dd className="break-words">{people(ours)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("detail.theirs")}</dt>
              <dd className="break-words">{people(theirs)}</dd>
            </div>
          </dl>
        </section>
        <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="visit-follow-ups">
          <h2 id="visit-follow-ups" className="font-semibold">
            {t("detail.followUps")}
          </h2>
          <VisitFollowUps items={d.followUps} />
          {canCreate(viewer) ? <NewFollowUp enterpriseId={v.enterpriseId} visitId={v.id} today={shanghaiDay()} /> : null}
        </section>
        <AttachmentsSection db={db} recordType="visit" recordId={v.id} canEdit={d.canEdit} />
        <RecordHistorySection type="visit" id={v.id} />
      </div>
    </ClientMessages>
  );
}
