"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { toast } from "@/components/ui/toast";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import { STAGES } from "@/db/enums";
import { primaryName } from "@/lib/i18n/display";
import { addDecimals } from "@/lib/money";
import { FIGURE_KEYS, hasFigureFilter, NONE, type PipelineFilters, pipelineSearch } from "@/lib/projects/filters";
import { pipelineQuery } from "./query";
import { ShowMore, useFocusCard } from "./show-more";
import { useShowMore } from "./use-show-more";

const COLUMNS = ["name", "enterprise", "stage", "status", "amount", "owner", "since"] as const;
const noSubscription = () => () => {};

/**
 * The board's projects as rows, for people who prefer a table: same data, same filters, the same
 * pages. Rows are grouped by stage, each group headed by its count and total and ending, while the
 * stage has more projects, with the same "Show more" as the board's column.
 */
export function PipelineList({ filters }: { filters: PipelineFilters }) {
  const t = useTranslations("pipeline.list");
  const pipeline = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const statusName = useTranslations("projects.statuses");
  const format = useFormatter();
  const locale = useLocale();
  const { data } = useQuery(pipelineQuery(filters));
  const [announcement, setAnnouncement] = useState("");
  const focusCard = useFocusCard();
  // "Show more" works once the list is interactive; tests and assistive tools can wait for this.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const more = useShowMore(filters, {
    onLoaded: (page) => {
      setAnnouncement(pipeline("loadedMore", { count: page.cards.length, stage: stageName(page.stage) }));
      if (!page.next && page.cards[0]) focusCard(page.cards[0].id);
    },
    onFailed: (stage) => {
      const text = pipeline("loadMoreFailed", { stage: stageName(stage) });
      toast.error(text);
      setAnnouncement(text);
    },
  });

  if (!data) return null;
  const total = data.columns.reduce((n, c) => n + c.count, 0);
  const header = (
    <>
      <FigureFilters filters={filters} />
      <p className="text-sm text-slate-700" data-testid="list-total" data-count={total}>
        {t("total", { count: total })}
        {total > 0 ? (
          <>
            {" · "}
            <WanYi yuan={addDecimals("0", ...data.columns.map((c) => c.totalCny))} />
          </>
        ) : null}
      </p>
    </>
  );
  if (data.cards.length === 0)
    return (
      <div className="space-y-2">
        {header}
        <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{t("empty")}</p>
      </div>
    );
  return (
    <div className="space-y-2">
    {header}
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" data-list-ready={ready}>
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-medium">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        {STAGES.map((stage) => {
          const cards = data.cards.filter((c) => c.stage === stage);
          if (cards.length === 0) return null;
          const column = data.columns.find((c) => c.stage === stage);
          return (
            <tbody key={stage} data-stage={stage} className="divide-y divide-slate-100 border-t border-slate-200">
              <tr className="bg-slate-50/60">
                <th scope="row" className="px-3 py-2 text-left font-semibold text-slate-900">
                  {stageName(stage)}
                </th>
                <td colSpan={COLUMNS.length - 1} className="px-3 py-2 text-slate-600" data-testid="stage-totals">
                  {column ? (
                    <>
                      {pipeline("count", { count: column.count })} · <WanYi yuan={column.totalCny} />
                    </>
                  ) : null}
                </td>
              </tr>
              {cards.map((c) => (
                <tr key={c.id} data-project-id={c.id}>
                  <td className="px-3 py-2">
                    <Link href={`/projects/${c.id}`} className="font-medium text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{primaryName({ nameZh: c.enterpriseNameZh, nameEn: c.enterpriseNameEn }, locale).first}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {stageName(c.stage)}
                    {c.pendingTo ? <span className="ml-1 text-xs text-sky-800">→ {stageName(c.pendingTo)}?</span> : null}
                  </td>
                  <td className="px-3 py-2">{statusName(c.status)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {c.plannedAmount ? <WanYi yuan={c.cnyAmount} /> : "—"}
                    {c.plannedAmount && c.currency !== "CNY" ? (
                      <span className="block text-xs text-slate-500">
                        <OriginalAmount amount={c.plannedAmount} currency={c.currency} />
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{c.ownerName ?? "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(new Date(c.stageChangedAt), { dateStyle: "medium" })}</td>
                </tr>
              ))}
              {data.next[stage] !== null ? (
                <tr>
                  <td colSpan={COLUMNS.length} className="px-3 py-2">
                    <div className="mx-auto max-w-xs">
                      <ShowMore stage={stage} shown={cards.length} count={column?.count ?? cards.length} loading={more.loading.has(stage)} onShowMore={() => void more.showMore(stage)} />
                    </div>
                  </td>
                </tr>
              ) : null}
            </tbody>
          );
        })}
      </table>
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
    </div>
    </div>
  );
}

/**
 * What a review figure's link filters the list by, beyond the filter bar's choices, in words; and
 * the way back to the whole pipeline. Nothing when the list is not a figure's projects.
 */
function FigureFilters({ filters }: { filters: PipelineFilters }) {
  const t = useTranslations("pipeline.figure");
  const stageName = useTranslations("projects.stages");
  const nones = (["team", "owner", "chain"] as const).filter((k) => filters[k] === NONE);
  if (!hasFigureFilter(filters) && nones.length === 0) return null;
  const parts: string[] = [];
  if (filters.inStage) parts.push(t("stage", { stage: stageName(filters.inStage) }));
  if (filters.stageFrom) parts.push(t("stageFrom", { stage: stageName(filters.stageFrom) }));
  if (filters.reached) parts.push(t("reached", { stage: stageName(filters.reached) }));
  if (filters.event) {
    const { event, from, to } = filters;
    parts.push(from && to ? t("period", { event, from, to }) : from ? t("since", { event, from }) : to ? t("until", { event, to }) : t("event", { event }));
  }
  for (const k of nones) parts.push(t(k === "team" ? "noTeam" : k === "owner" ? "noOwner" : "noChain"));
  const cleared = { ...filters, ...Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) };
  for (const k of nones) cleared[k] = null;
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="figure-filters">
      <span className="font-medium">{t("title")}</span>
      {parts.map((p) => (
        <span key={p} className="rounded bg-white px-1.5 py-0.5 text-slate-700">
          {p}
        </span>
      ))}
      <Link href={`/pipeline${pipelineSearch(cleared)}`} className="ml-auto text-brand-700 underline-offset-2 hover:underline">
        {t("clear")}
      </Link>
    </div>
  );
}
