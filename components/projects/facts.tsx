import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { primaryName } from "@/lib/i18n/display";
import { groupDigits } from "@/lib/money";
import type { ProjectDetail } from "@/lib/projects/queries";
import { shanghaiInstant } from "@/lib/time";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";

/** The event or delegation the project came from, as a link to it. */
function ProjectSource({ detail, fallback }: { detail: ProjectDetail; fallback: React.ReactNode }) {
  const locale = useLocale();
  const p = detail.project;
  const eventName = locale === "en" ? (detail.sourceEventEn ?? detail.sourceEventZh) : (detail.sourceEventZh ?? detail.sourceEventEn);
  const [href, name] = p.sourceEventId && eventName ? [`/events/${p.sourceEventId}`, eventName]
    : p.sourceDelegationId && detail.sourceDelegation ? [`/delegations/${p.sourceDelegationId}`, detail.sourceDelegation]
    : [null, null];
  if (!href) return <>{fallback}</>;
  return (
    <Link href={href} className="inline-flex min-h-11 items-center text-brand-700 underline-offset-2 hover:underline sm:min-h-0">
      {name}
    </Link>
  );
}

export function ProjectFacts({ detail }: { detail: ProjectDetail }) {
  const t = useTranslations("projects.facts");
  const tc = useTranslations("common");
  const locale = useLocale();
  const format = useFormatter();
  const p = detail.project;
  const pick = (zh: string | null, en: string | null) => (locale === "en" ? (en ?? zh) : (zh ?? en));
  const notSet = <span className="text-slate-500">{tc("notSet")}</span>;
  const rows: [string, React.ReactNode][] = [
    [
      t("enterprise"),
      <Link key="e" href={`/enterprises/${p.enterpriseId}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline sm:min-h-0">
        {primaryName({ nameZh: detail.enterpriseNameZh, nameEn: detail.enterpriseNameEn }, locale).first}
      </Link>,
    ],
    [t("chainNode"), detail.chainNodeZh ? `${pick(detail.chainZh, detail.chainEn)} › ${pick(detail.chainNodeZh, detail.chainNodeEn)}` : notSet],
    [
      t("planned"),
      p.plannedAmount ? (
        <span key="a">
          <WanYi yuan={detail.plannedCny} className="font-medium" />
          {p.currency !== "CNY" ? (
            <span className="ml-2 text-slate-500">
              <OriginalAmount amount={p.plannedAmount} currency={p.currency} />
            </span>
          ) : null}
        </span>
      ) : (
        notSet
      ),
    ],
    [t("fundsInPlace"), <WanYi key="f" yuan={detail.fundsInPlaceCny} />],
    [t("expectedJobs"), p.expectedJobs === null ? notSet : groupDigits(String(p.expectedJobs), locale)],
    [t("landMu"), p.landMu === null ? notSet : t("mu", { value: groupDigits(p.landMu, locale) })],
    [t("owner"), detail.ownerName ?? notSet],
    [t("team"), pick(detail.teamNameZh, detail.teamNameEn) ?? notSet],
    [t("source"), <ProjectSource key="s" detail={detail} fallback={notSet} />],
    [t("signedOn"), p.signedOn ? format.dateTime(shanghaiInstant(p.signedOn), { dateStyle: "medium" }) : notSet],
  ];
  return (
    <div className="space-y-3">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {p.status === "lost" && p.lostReason ? <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">{t("lostReason", { reason: p.lostReason })}</p> : null}
      {p.description ? <p className="whitespace-pre-line text-sm text-slate-700">{p.description}</p> : null}
    </div>
  );
}
