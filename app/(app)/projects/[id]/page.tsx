import Link from "next/link";
import { AuditLogLink } from "@/components/admin/audit-log-link";
import { AttachmentsSection } from "@/components/attachments/attachments-section";
import { RecordHistorySection } from "@/components/audit/record-history-section";
import { getFormatter, getTranslations } from "next-intl/server";
import { FollowUpsSection } from "@/components/follow-ups/follow-ups-section";
import { DecideRequestForm } from "@/components/projects/decide-request";
import { ProjectFacts } from "@/components/projects/facts";
import { StageHistory, TimeInStages } from "@/components/projects/history";
import { Panel } from "@/components/ui/section";
import { RefreshWhenStale } from "@/components/projects/refresh-when-stale";
import { StageMoveForm } from "@/components/projects/stage-move-form";
import { TrancheActions } from "@/components/projects/tranche-actions";
import { TrancheForm } from "@/components/projects/tranche-form";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { shanghaiDay, shanghaiInstant } from "@/lib/time";
import { fromYuan } from "@/lib/money";
import { getProject, listStageHistory, listTranches, timeInStages } from "@/lib/projects/queries";
import { needsSigning } from "@/lib/projects/stages";
import { fundsMayArrive } from "@/lib/projects/tranches";
import { ClientMessages } from "@/components/i18n/client-messages";
import { recordPage } from "@/lib/record-page";

const load = recordPage(getProject);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const { detail } = await load((await params).id);
  return { title: detail.project.name };
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, db, detail } = await load(id);
  const [history, stages, tranches, t, stageName, statusName, format] = await Promise.all([
    listStageHistory(db, viewer, id),
    timeInStages(db, viewer, id),
    listTranches(db, viewer, id),
    getTranslations("projects"),
    getTranslations("projects.stages"),
    getTranslations("projects.statuses"),
    getFormatter(),
  ]);
  const p = detail.project;
  const pending = history.find((r) => r.state === "pending") ?? null;
  const today = shanghaiDay();
  // A request filed without the signing it passes gets it from the approving manager.
  const pendingSigning = pending && !pending.signedOn && needsSigning(p.stage, pending.toStage, p.signedOn !== null) ? { currency: p.currency, today } : null;
  const receivedOn = (day: string) => format.dateTime(shanghaiInstant(day), { dateStyle: "medium" });

  return (
    <ClientMessages namespaces={["attachments", "enterpriseForm.conflict", "followUps", "projects.decide", "projects.form", "projects.move", "projects.signing", "projects.stages", "projects.tranches"]}>
      <div className="space-y-6">
        <RefreshWhenStale records={[{ id, version: p.version }]} />
        <PageHeader
          back={{ href: "/pipeline", label: t("backToPipeline") }}
          title={p.name}
          subtitle={
            <p className="flex flex-wrap gap-2 text-sm">
              <span className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800" data-testid="project-stage">
                {stageName(p.stage)}
              </span>
              <span className={`rounded px-2 py-0.5 ${p.status === "active" ? "bg-slate-100 text-slate-700" : "bg-amber-100 text-amber-900"}`}>{statusName(p.status)}</span>
              {p.confidential ? <span className="rounded bg-slate-800 px-2 py-0.5 text-white">{t("confidential")}</span> : null}
            </p>
          }
          actions={
            <>
              {detail.canEdit ? (
                <Link href={`/projects/${id}/edit`} className={buttonClass("primary")}>
                  {t("edit")}
                </Link>
              ) : null}
              <AuditLogLink viewer={viewer} type="project" id={id} />
            </>
          }
        />

        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Panel id="facts" title={t("sections.facts")}>
              <ProjectFacts detail={detail} />
            </Panel>
            {pending ? (
              <Panel id="pending" title={t("sections.pending")} className="border-sky-200 bg-sky-50/40">
                <p className="text-sm">
                  {t("pendingText", {
                    from: stageName(pending.fromStage ?? p.stage),
                    to: stageName(pending.toStage),
                    name: pending.changedByName ?? "—",
                    when: format.dateTime(pending.changedAt, { dateStyle: "medium" }),
                  })}
                </p>
                {pending.reason ? <p className="text-sm text-slate-700">{pending.reason}</p> : null}
                {detail.canVerify ? <DecideRequestForm requestId={pending.id} hasEvidence={Boolean(pending.evidenceName)} signing={pendingSigning} /> : <p className="text-sm text-slate-600">{t("waitingForManager")}</p>}
              </Panel>
            ) : null}
            <Panel id="history" title={t("sections.history")}>
              <StageHistory rows={history} />
            </Panel>
            <Panel id="follow-ups" title={t("sections.followUps")}>
              <FollowUpsSection viewer={viewer} enterpriseId={p.enterpriseId} projectId={id} />
            </Panel>
            <AttachmentsSection db={db} recordType="project" recordId={id} canEdit={detail.canEdit} />
            <RecordHistorySection type="project" id={id} />
          </div>
          <div className="min-w-0 space-y-6">
            {detail.canEdit ? (
              <Panel id="move" title={t("sections.move")}>
                <StageMoveForm id={id} version={p.version} stage={p.stage} canVerify={detail.canVerify} signed={p.signedOn !== null} currency={p.currency} today={today} />
              </Panel>
            ) : null}
            <Panel id="time-in-stage" title={t("sections.timeInStage")}>
              <TimeInStages rows={stages} current={p.stage} />
            </Panel>
            <Panel id="tranches" title={t("sections.tranches")}>
              {tranches.length === 0 ? (
                <p className="text-sm text-slate-500">{t("tranches.empty")}</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {tranches.map((tr) => (
                    <li key={tr.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                      <span>{receivedOn(tr.receivedOn)}</span>
                      <span className="text-right">
                        <WanYi yuan={tr.cny} className="font-medium" />
                        {tr.currency !== "CNY" ? (
                          <span className="block text-xs text-slate-500">
                            <OriginalAmount amount={tr.amount} currency={tr.currency} />
                          </span>
                        ) : null}
                      </span>
                      {tr.note ? <span className="w-full text-xs text-slate-500">{tr.note}</span> : null}
                      {detail.canVerify ? (
                        <TrancheActions
                          tranche={{ id: tr.id, version: tr.version, receivedOn: tr.receivedOn, ...fromYuan(tr.amount), currency: tr.currency, note: tr.note }}
                          date={receivedOn(tr.receivedOn)}
                          today={today}
                        />
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
              {detail.canEdit ? (
                fundsMayArrive(p.stage) ? (
                  <TrancheForm projectId={id} currency={p.currency} today={today} />
                ) : (
                  <p className="border-t border-slate-100 pt-3 text-sm text-slate-600">{t("tranches.notYetSigned")}</p>
                )
              ) : null}
            </Panel>
          </div>
        </div>
      </div>
    </ClientMessages>
  );
}
