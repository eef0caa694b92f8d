"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { PROJECT_STATUSES } from "@/db/enums";
import { type PipelineFilters as Filters, pipelineSearch } from "@/lib/projects/filters";

interface Option {
  id: string;
  nameZh?: string | null;
  nameEn?: string | null;
  name?: string | null;
}

interface Props {
  filters: Filters;
  teams: Option[];
  chains: Option[];
  people: Option[];
}

// A thumb-sized target on a phone (44 px), the compact size on a desk.
const SELECT = "block min-h-11 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base sm:min-h-0 sm:text-sm";

/** Filters live in the URL, so a filtered board can be bookmarked and shared. */
export function PipelineFilterBar({ filters, teams, chains, people }: Props) {
  const t = useTranslations("pipeline.filters");
  const statusName = useTranslations("projects.statuses");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const label = (o: Option) => o.name ?? (locale === "en" ? (o.nameEn ?? o.nameZh) : (o.nameZh ?? o.nameEn)) ?? "";

  function set(key: keyof Filters, value: string) {
    const next = { ...filters, [key]: value || null } as Filters;
    startTransition(() => router.replace(`/pipeline${pipelineSearch(next)}`, { scroll: false }));
  }

  const select = (key: "team" | "owner" | "chain" | "status", options: { value: string; label: string }[], allLabel: string) => (
    <label className="min-w-36 flex-1 space-y-1 text-sm sm:flex-none">
      <span className="block font-medium text-slate-700">{t(key)}</span>
      <select className={SELECT} value={filters[key] ?? ""} onChange={(e) => set(key, e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending}>
      {select("team", teams.map((o) => ({ value: o.id, label: label(o) })), t("allTeams"))}
      {select("owner", [{ value: "me", label: t("me") }, ...people.map((o) => ({ value: o.id, label: label(o) }))], t("anyone"))}
      {select("chain", chains.map((o) => ({ value: o.id, label: label(o) })), t("allChains"))}
      {select("status", [...PROJECT_STATUSES.map((s) => ({ value: s, label: statusName(s) })), { value: "all", label: t("allStatuses") }], t("open"))}
    </div>
  );
}
