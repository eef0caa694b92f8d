import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { DecideRequestForm } from "@/components/projects/decide-request";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { primaryName } from "@/lib/i18n/display";
import { needsSigning, stagesPassed, VERIFIED_STAGES } from "@/lib/projects/stages";
import { countVerificationQueue, listVerificationQueue, mayDecideRequests, type QueuedRequest } from "@/lib/projects/verification-queries";
import { shanghaiDay, shanghaiInstant } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("verifications");
  return { title: t("title") };
}

/** The evidence a move asks for: the signing agreement when it passes 签约, and each verified milestone it enters. */
const evidenceAskedFor = (r: QueuedRequest) => stagesPassed(r.fromStage, r.toStage).filter((s) => s === "signed" || VERIFIED_STAGES.includes(s));

/**
 * The requests the caller may decide, oldest first, each with its decision form (the project
 * page's, and the same action). Those who decide none get the 404 page, as for other managers' pages.
 */
export default async function VerificationsPage() {
  const viewer = await requireViewer();
  if (!mayDecideRequests(viewer)) notFound();
  const db = await getDb();
  const [rows, total, t, stageName, locale, format] = await Promise.all([
    listVerificationQueue(db, viewer),
    countVerificationQueue(db, viewer),
    getTranslations("verifications"),
    getTranslations("projects.stages"),
    getLocale(),
    getFormatter(),
  ]);
  const today = shanghaiDay();

  return (
    <ClientMessages namespaces={["projects.decide", "projects.form", "projects.signing"]}>
      <div className="space-y-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600">{viewer.role === "admin" ? t("introAll") : t("introTeam")}</p>
          {total > 0 ? (
            <p className="text-sm font-medium text-slate-800" data-testid="queue-count">
              {t("count", { count: total })}
              {total > rows.length ? ` ${t("more", { shown: rows.length, count: total })}` : null}
            </p>
          ) : null}
        </div>

        {rows.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <p className="font-medium">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
          </div>
        ) : (
          <ol className="space-y-4" aria-label={t("listLabel")}>
            {rows.map((r) => {
              const titleId = `request-${r.id}-title`;
              const signing = !r.signedOn && needsSigning(r.projectStage, r.toStage, r.projectSigned) ? { currency: r.projectCurrency, today } : null;
              return (
                <li key={r.id}>
                  <article aria-labelledby={titleId} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
                    <div className="min-w-0 space-y-3">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <h2 id={titleId} className="min-w-0 text-lg font-semibold break-words">
                          <Link href={`/projects/${r.projectId}`} className="text-brand-700 hover:underline">
                            {r.projectName}
                          </Link>
                        </h2>
                        <span className="shrink-0 rounded bg-sky-100 px-2 py-0.5 text-sm font-medium text-sky-900">
                          <span className="sr-only">{t("age")} </span>
                          {t("days", { count: r.waitingDays })}
                        </span>
                      </div>
                      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                        <div className="min-w-0">
                          <dt className="text-slate-500">{t("enterprise")}</dt>
                          <dd className="break-words">{primaryName({ nameZh: r.enterpriseNameZh, nameEn: r.enterpriseNameEn }, locale).first}</dd>
                        </div>
                        <div>
                          <dt className="text-slate-500">{t("move")}</dt>
                          <dd className="font-medium">
                            {stageName(r.fromStage)} → {stageName(r.toStage)}
                          </dd>
                        </div>
                        <div>
                          <dt className="text-slate-500">{t("requestedBy")}</dt>
                          <dd>{t("requestedOn", { name: r.requesterName ?? "—", when: format.dateTime(r.requestedAt, { dateStyle: "medium" }) })}</dd>
                        </div>
                        <div>
                          <dt className="text-slate-500">{t("needs")}</dt>
                          <dd>
                            <ul className="list-inside list-disc">
                              {evidenceAskedFor(r).map((s) => (
                                <li key={s}>{t(`evidence.${s as "signed" | "registered" | "land" | "construction" | "production"}`)}</li>
                              ))}
                            </ul>
                          </dd>
                        </div>
                        {r.reason ? (
                          <div className="sm:col-span-2">
                            <dt className="text-slate-500">{t("reason")}</dt>
                            <dd className="break-words whitespace-pre-line">{r.reason}</dd>
                          </div>
                        ) : null}
                        {r.signedOn && r.signedAmount && r.signedCurrency ? (
                          <div className="sm:col-span-2">
                            <dt className="text-slate-500">{t("signing")}</dt>
                            <dd>
                              {t("signingValue", { date: format.dateTime(shanghaiInstant(r.signedOn), { dateStyle: "medium" }) })}{" "}
                              {r.signedCurrency === "CNY" ? <WanYi yuan={r.signedAmount} className="font-medium" /> : <OriginalAmount amount={r.signedAmount} currency={r.signedCurrency} />}
                            </dd>
                          </div>
                        ) : signing ? (
                          <div className="sm:col-span-2">
                            <dt className="text-slate-500">{t("signing")}</dt>
                            <dd>{t("signingMissing")}</dd>
                          </div>
                        ) : null}
                      </dl>
                      {r.evidenceName ? (
                        <p className="text-sm">
                          <a href={`/api/evidence/${r.id}`} className="break-all text-brand-700 underline">
                            {t("attached", { name: r.evidenceName })}
                          </a>
                        </p>
                      ) : null}
                    </div>
                    <div className="min-w-0 border-t border-slate-100 pt-3 lg:border-t-0 lg:border-l lg:pt-0 lg:pl-4">
                      <DecideRequestForm requestId={r.id} hasEvidence={Boolean(r.evidenceName)} signing={signing} idPrefix={`request-${r.id}`} />
                    </div>
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </ClientMessages>
  );
}
