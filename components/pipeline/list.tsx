"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { OriginalAmount, WanYi } from "@/components/projects/wan-yi";
import { primaryName } from "@/lib/i18n/display";
import type { PipelineData } from "@/lib/projects/board-queries";
import type { PipelineFilters } from "@/lib/projects/filters";
import { pipelineQuery } from "./query";

/** The board's projects as rows, for people who prefer a table; same data, same filters. */
export function PipelineList({ initial, filters }: { initial: PipelineData; filters: PipelineFilters }) {
  const t = useTranslations("pipeline.list");
  const stageName = useTranslations("projects.stages");
  const statusName = useTranslations("projects.statuses");
  const format = useFormatter();
  const locale = useLocale();
  const { data } = useQuery({ ...pipelineQuery(filters), initialData: initial });
  if (data.cards.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{t("empty")}</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {(["name", "enterprise", "stage", "status", "amount", "owner", "since"] as const).map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-medium">
                {t(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.cards.map((c) => (
            <tr key={c.id}>
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
        </tbody>
      </table>
    </div>
  );
}
