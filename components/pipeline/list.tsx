"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { toast } from "@/components/ui/toast";
import { OriginalAmount, WanYi } from "@/components/ui/wan-yi";
import { STAGES } from "@/db/enums";
import { primaryName } from "@/lib/i18n/display";
import type { PipelineFilters } from "@/lib/projects/filters";
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
  if (data.cards.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{t("empty")}</p>;
  return (
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
  );
}
