"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { MergeCandidate } from "@/lib/enterprises/merge/queries";
import { countryName, primaryName } from "@/lib/i18n/display";
import { QueryIsland } from "@/components/query-island";

/** Waits until typing pauses, so each keystroke is not a request. */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function CandidateSearchInner({ mergedId, onChoose }: { mergedId: string; onChoose: (survivorId: string) => void }) {
  const t = useTranslations("merge");
  const tc = useTranslations("common");
  const locale = useLocale();
  const inputId = useId();
  const [query, setQuery] = useState("");
  const settled = useSettled(query.trim());
  const search = useQuery({
    queryKey: ["merge-candidates", mergedId, settled],
    queryFn: async () => {
      const params = new URLSearchParams({ merged: mergedId, q: settled });
      const response = await fetch(`/api/enterprises/merge/candidates?${params}`);
      const body = (await response.json().catch(() => ({}))) as { items?: MergeCandidate[]; error?: string };
      if (!response.ok || !body.items) throw new Error(body.error ?? response.statusText);
      return body.items;
    },
    enabled: settled !== "",
    staleTime: 10_000,
    retry: false,
  });

  let status = "";
  if (settled !== "") {
    if (search.isFetching) status = tc("searching");
    else if (search.isError) status = t("searchFailed");
    else if (search.data?.length === 0) status = t("noResults");
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {t("searchLabel")}
        </label>
        <input
          id={inputId}
          type="search"
          autoFocus
          data-autofocus
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${inputId}-hint`}
          className="block min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm sm:min-h-0 sm:text-sm"
        />
        <p id={`${inputId}-hint`} className="text-xs text-slate-500">
          {t("searchHint")}
        </p>
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-slate-600">
        {status}
      </p>
      {search.data && search.data.length > 0 ? (
        <ul aria-label={t("results")} className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {search.data.map((c) => {
            const name = primaryName(c, locale);
            return (
              <li key={c.id}>
                <button
                  type="button"
                  onClick={() => onChoose(c.id)}
                  className="block w-full px-3 py-2 text-left hover:bg-brand-50 focus-visible:bg-brand-50"
                >
                  <span className="block font-medium text-brand-700">{name.first}</span>
                  <span className="block text-xs text-slate-500">
                    {[name.second, c.creditCode, c.city, countryName(c.country, locale)].filter(Boolean).join(" · ")}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

export function CandidateSearch(props: { mergedId: string; onChoose: (survivorId: string) => void }) {
  return (
    <QueryIsland>
      <CandidateSearchInner {...props} />
    </QueryIsland>
  );
}
