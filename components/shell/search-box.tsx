"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useDeferredValue, useEffect, useId, useRef, useState } from "react";
import { QueryIsland } from "@/components/query-island";

const KINDS = ["enterprise", "contact", "project", "event", "delegation", "visit"] as const;
type Kind = (typeof KINDS)[number];

interface Hit {
  kind: Kind;
  id: string;
  title: string;
  detail: string | null;
  href: string;
  tag: string | null;
}

export interface SearchBoxLabels {
  open: string;
  shortcut: string;
  label: string;
  placeholder: string;
  hint: string;
  /** With {q} for the query. */
  empty: string;
  searching: string;
  failed: string;
  seeAll: string;
  close: string;
  kinds: Record<Kind, string>;
  stages: Record<string, string>;
}

/**
 * The one search box: a button in the header, and Ctrl K or ⌘K anywhere, opens a dialog that
 * searches every kind of record as the user types; arrow keys move through the hits, Enter
 * opens one, and Enter with none chosen opens the full results page.
 */
export function SearchBox({ labels }: { labels: SearchBoxLabels }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const show = () => {
    if (!dialog.current?.open) dialog.current?.showModal();
    setOpen(true);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        if (!dialog.current?.open) dialog.current?.showModal();
        setOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        title={labels.open}
        onClick={show}
        className="flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md border border-slate-300 px-2 text-sm text-slate-600 hover:bg-slate-100 md:min-h-9 lg:min-w-48 lg:justify-start"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only lg:not-sr-only">{labels.label}</span>
        <kbd className="ml-auto hidden rounded border border-slate-200 px-1 text-xs text-slate-600 lg:inline">{labels.shortcut}</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label={labels.label}
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === dialog.current && dialog.current?.close()}
        className="m-0 mx-auto mt-0 h-full max-h-none w-full max-w-none bg-white p-0 backdrop:bg-slate-900/40 sm:mt-20 sm:h-auto sm:max-h-[70vh] sm:max-w-xl sm:rounded-lg sm:shadow-xl"
      >
        {open ? (
          <QueryIsland>
            <SearchPanel labels={labels} close={() => dialog.current?.close()} />
          </QueryIsland>
        ) : null}
      </dialog>
    </>
  );
}

function SearchPanel({ labels, close }: { labels: SearchBoxLabels; close: () => void }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [active, setActive] = useState(-1);
  const deferred = useDeferredValue(q.trim());
  const listId = useId();
  const hits = useQuery({
    queryKey: ["search", deferred],
    enabled: deferred.length > 0,
    staleTime: 10_000,
    queryFn: async ({ signal }) => {
      // A short pause, so that typing a word asks once, not once per letter.
      await new Promise((resolve) => setTimeout(resolve, 150));
      signal.throwIfAborted();
      const response = await fetch(`/api/search?${new URLSearchParams({ q: deferred })}`, { signal });
      if (!response.ok) throw new Error(String(response.status));
      return ((await response.json()) as { hits: Hit[] }).hits;
    },
  });
  const list = deferred ? (hits.data ?? []) : [];
  const go = (href: string) => {
    close();
    router.push(href);
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="flex h-full flex-col">
      <form
        role="search"
        action="/search"
        onSubmit={(e) => {
          e.preventDefault();
          const chosen = list[active];
          if (chosen) go(chosen.href);
          else if (q.trim()) go(`/search?${new URLSearchParams({ q: q.trim() })}`);
        }}
        className="flex items-center gap-2 border-b border-slate-200 p-2"
      >
        <input
          autoFocus
          name="q"
          type="search"
          role="combobox"
          aria-label={labels.label}
          aria-expanded={list.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          aria-autocomplete="list"
          maxLength={100}
          value={q}
          placeholder={labels.placeholder}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown") {
              e.preventDefault();
              setActive((i) => Math.min(i + 1, list.length - 1));
            } else if (e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => Math.max(i - 1, -1));
            } else if (e.key === "Escape") {
              // A search field would clear itself first; Escape closes the box at once.
              e.preventDefault();
              close();
            }
          }}
          className="block min-h-11 w-full rounded-md px-3 text-base outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
        />
        <button type="button" onClick={close} className="min-h-11 whitespace-nowrap rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
          {labels.close}
        </button>
      </form>
      <div className="min-h-0 flex-1 overflow-y-auto p-2" aria-live="polite">
        {!deferred ? (
          <p className="p-3 text-sm text-slate-500">{labels.hint}</p>
        ) : hits.isError ? (
          <p className="p-3 text-sm text-red-700">{labels.failed}</p>
        ) : !hits.data ? (
          <p className="p-3 text-sm text-slate-500">{labels.searching}</p>
        ) : list.length === 0 ? (
          <p className="p-3 text-sm text-slate-600">{labels.empty.replace("{q}", deferred)}</p>
        ) : null}
        <div id={listId} role="listbox" aria-label={labels.label}>
          {KINDS.map((kind) => {
            const group = list.filter((h) => h.kind === kind);
            if (group.length === 0) return null;
            return (
              <div key={kind} role="group" aria-labelledby={`${listId}-${kind}`} className="py-1">
                <p id={`${listId}-${kind}`} className="px-3 py-1 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {labels.kinds[kind]}
                </p>
                {group.map((h) => {
                  const i = list.indexOf(h);
                  return (
                    <div
                      key={h.id}
                      id={optionId(i)}
                      role="option"
                      aria-selected={i === active}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(h.href)}
                      className={`flex min-h-11 cursor-pointer flex-wrap items-baseline gap-x-3 rounded-md px-3 py-2 ${i === active ? "bg-brand-50" : ""}`}
                    >
                      <span className="font-medium text-slate-900">{h.title}</span>
                      {h.detail ? <span className="text-sm text-slate-600">{h.detail}</span> : null}
                      {h.tag ? <span className="ml-auto text-xs text-slate-500">{kind === "project" ? (labels.stages[h.tag] ?? h.tag) : h.tag}</span> : null}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {list.length > 0 ? (
          <button type="button" onClick={() => go(`/search?${new URLSearchParams({ q: deferred })}`)} className="mt-1 block min-h-11 w-full rounded-md px-3 text-left text-sm text-brand-700 hover:bg-slate-50">
            {labels.seeAll.replace("{q}", deferred)}
          </button>
        ) : null}
      </div>
    </div>
  );
}
