import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import type {
  listEnterpriseChainNodes,
  listEnterpriseDelegations,
  listEnterpriseEvents,
  listEnterpriseProjects,
} from "@/lib/enterprises/detail-queries";
import { shanghaiInstant } from "@/lib/time";
import { Empty } from "./section";

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;

const pick = (row: { nameZh: string | null; nameEn: string | null }, locale: string) =>
  (locale === "en" ? (row.nameEn ?? row.nameZh) : (row.nameZh ?? row.nameEn)) ?? "";

/** A date range of date columns (YYYY-MM-DD), shown as days: no time zone shift applies. */
async function dayRange(startsOn: string, endsOn: string) {
  const format = await getFormatter();
  const day = (d: string) => format.dateTime(shanghaiInstant(d), { dateStyle: "medium" });
  return startsOn === endsOn ? day(startsOn) : `${day(startsOn)} – ${day(endsOn)}`;
}

export async function ChainNodeList({ nodes }: { nodes: Rows<typeof listEnterpriseChainNodes> }) {
  const [t, locale] = await Promise.all([getTranslations("enterpriseDetail"), getLocale()]);
  if (nodes.length === 0) return <Empty>{t("empty.chainNodes")}</Empty>;
  return (
    <ul className="flex flex-wrap gap-2">
      {nodes.map((n) => (
        <li key={n.id} className="rounded-full border border-brand-100 bg-brand-50 px-3 py-1 text-sm text-brand-900">
          <span className="text-brand-700">{locale === "en" ? n.chainNameEn : n.chainNameZh}</span>
          <span aria-hidden> › </span>
          <span className="sr-only">: </span>
          {locale === "en" ? n.nameEn : n.nameZh}
        </li>
      ))}
    </ul>
  );
}

export async function ProjectList({ projects }: { projects: Rows<typeof listEnterpriseProjects> }) {
  const [t, tp, tc] = await Promise.all([getTranslations("enterpriseDetail"), getTranslations("projects"), getTranslations("common")]);
  if (projects.length === 0) return <Empty>{t("empty.projects")}</Empty>;
  return (
    <ul className="divide-y divide-slate-100">
      {projects.map((p) => (
        <li key={p.id} className="flex flex-col gap-1 py-2 first:pt-0 sm:flex-row sm:items-baseline sm:justify-between">
          <div className="min-w-0">
            <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {p.name}
            </Link>
            {p.confidential ? (
              <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">{t("confidential")}</span>
            ) : null}
            <p className="text-xs text-slate-500">
              {[tp(`statuses.${p.status}`), p.ownerName].filter(Boolean).join(" · ")}
            </p>
          </div>
          <div className="flex shrink-0 items-baseline gap-3 text-sm">
            <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-800">{tp(`stages.${p.stage}`)}</span>
            {/* CNY in the customary 万元/亿元, like the pipeline; other currencies as entered. */}
            {p.plannedAmount === null ? (
              <span className="text-slate-500">{tc("notSet")}</span>
            ) : p.currency === "CNY" ? (
              <WanYi yuan={p.plannedAmount} className="text-slate-700" />
            ) : (
              <OriginalAmount amount={p.plannedAmount} currency={p.currency} />
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export async function EventList({ events }: { events: Rows<typeof listEnterpriseEvents> }) {
  const [t, locale] = await Promise.all([getTranslations("enterpriseDetail"), getLocale()]);
  if (events.length === 0) return <Empty>{t("empty.events")}</Empty>;
  const items = await Promise.all(events.map(async (e) => ({ ...e, when: await dayRange(e.startsOn, e.endsOn) })));
  return (
    <ul className="space-y-3">
      {items.map((e) => (
        <li key={e.id}>
          <Link href={`/events/${e.id}`} className="font-medium text-brand-700 hover:underline">
            {pick(e, locale)}
          </Link>
          <p className="text-xs text-slate-500">{[e.when, e.city, t(`participantRoles.${e.role}`)].filter(Boolean).join(" · ")}</p>
        </li>
      ))}
    </ul>
  );
}

export async function DelegationList({ delegations }: { delegations: Rows<typeof listEnterpriseDelegations> }) {
  const t = await getTranslations("enterpriseDetail");
  if (delegations.length === 0) return <Empty>{t("empty.delegations")}</Empty>;
  const items = await Promise.all(delegations.map(async (d) => ({ ...d, when: await dayRange(d.startsOn, d.endsOn) })));
  return (
    <ul className="space-y-3">
      {items.map((d) => (
        <li key={d.id}>
          <Link href={`/delegations/${d.id}`} className="font-medium text-brand-700 hover:underline">
            {d.name}
          </Link>
          <p className="text-xs text-slate-500">
            {[d.when, t(`directions.${d.direction}`), d.stops ? t("stops", { count: d.stops }) : null].filter(Boolean).join(" · ")}
          </p>
        </li>
      ))}
    </ul>
  );
}
