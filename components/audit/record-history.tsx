"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryIsland } from "@/components/query-island";
import { ChangesTable } from "./changes-table";

interface Entry {
  id: number;
  at: string;
  what: string;
  who: string | null;
  changes: { field: string; before: string | null; after: string | null }[];
}

export interface RecordHistoryLabels {
  title: string;
  empty: string;
  error: string;
  loading: string;
  field: string;
  before: string;
  after: string;
}

/**
 * A record's history under its page, read when first opened: most page views never open it.
 * The server answers in the reader's language (app/api/history).
 */
export function RecordHistory(props: { type: "project" | "event" | "delegation" | "visit"; id: string; labels: RecordHistoryLabels }) {
  return (
    <QueryIsland>
      <History {...props} />
    </QueryIsland>
  );
}

function History({ type, id, labels }: { type: string; id: string; labels: RecordHistoryLabels }) {
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ["history", type, id],
    enabled: open,
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/history/${type}/${id}`, { signal });
      if (!response.ok) throw new Error(String(response.status));
      return ((await response.json()) as { entries: Entry[] }).entries;
    },
  });
  return (
    <details className="rounded-lg border border-slate-200 bg-white" onToggle={(e) => e.currentTarget.open && setOpen(true)}>
      <summary className="flex min-h-11 cursor-pointer items-center px-4 text-sm font-semibold text-slate-800">{labels.title}</summary>
      <div className="border-t border-slate-100 px-4 py-3 text-sm" aria-live="polite">
        {history.isError ? (
          <p className="text-red-700">{labels.error}</p>
        ) : !history.data ? (
          <p className="text-slate-500">{labels.loading}</p>
        ) : history.data.length === 0 ? (
          <p className="text-slate-600">{labels.empty}</p>
        ) : (
          <ol className="space-y-3">
            {history.data.map((e) => (
              <li key={e.id} className="space-y-1">
                <p>
                  <span className="font-medium text-slate-900">{e.what}</span>
                  <span className="text-slate-600">
                    {" · "}
                    {e.who ?? "—"} · <span className="tabular-nums">{e.at}</span>
                  </span>
                </p>
                {e.changes.length ? <ChangesTable changes={e.changes} labels={labels} /> : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
