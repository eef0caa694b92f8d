"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

const SECTIONS = [
  { key: "enterprises", href: "/enterprises" },
  { key: "events", href: "/events" },
  { key: "delegations", href: "/delegations" },
  { key: "visits", href: "/visits" },
  { key: "myDay", href: "/my-day" },
  { key: "pipeline", href: "/pipeline" },
  { key: "review", href: "/review" },
] as const;

const LIST_ID = "main-nav-sections";

/** How many requests await the caller: a number for the eye, words for a screen reader. */
function Badge({ count, label }: { count: number; label: string }) {
  return (
    <span className="inline-grid min-w-5 place-items-center rounded-full bg-red-700 px-1.5 text-xs leading-5 font-semibold text-white" data-testid="nav-badge">
      <span aria-hidden>{count}</span>
      <span className="sr-only">{label}</span>
    </span>
  );
}

/**
 * The sections: inline from 768 px, behind a menu button below (every section one tap away on a
 * phone). `waiting` is the number of requests awaiting the caller's decision, or null for those
 * who decide none: they get no verification queue.
 */
export function MainNav({ waiting }: { waiting: number | null }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // A new page closes the menu.
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  // Escape closes it wherever focus is, and gives focus back to the button.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  const sections = waiting === null ? SECTIONS : [...SECTIONS, { key: "verifications", href: "/verifications" } as const];
  const badge = waiting ? <Badge count={waiting} label={t("waiting", { count: waiting })} /> : null;
  return (
    <nav aria-label={t("label")}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={LIST_ID}
        onClick={() => setOpen((o) => !o)}
        className="flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-md border border-slate-300 px-2 text-sm whitespace-nowrap font-medium text-slate-800 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
          {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 5h14M3 10h14M3 15h14" />}
        </svg>
        {/* A phone's header also holds search, the inbox and the account: the icon speaks for the word there. */}
        <span className="sr-only sm:not-sr-only">{t("menu")}</span>
        {badge}
      </button>
      <ul
        id={LIST_ID}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full max-h-[calc(100dvh-4rem)] flex-col gap-1 overflow-y-auto border-b border-slate-200 bg-white p-2 text-sm shadow-lg md:static md:flex md:max-h-none md:flex-row md:flex-wrap md:gap-0 md:overflow-visible md:border-0 md:bg-transparent md:p-0 md:shadow-none`}
      >
        {sections.map(({ key, href }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={key}>
              <Link
                href={href}
                onClick={() => setOpen(false)}
                aria-current={active ? "page" : undefined}
                className={`flex min-h-11 items-center gap-2 rounded-md px-3 py-2 font-medium whitespace-nowrap md:min-h-0 md:px-2 ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {t(key)}
                {key === "verifications" ? badge : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
