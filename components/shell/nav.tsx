"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

const SECTIONS = [
  { key: "enterprises", href: "/enterprises" },
  { key: "events", href: "/events" },
  { key: "delegations", href: "/delegations" },
  { key: "visits", href: "/visits" },
  { key: "myDay", href: "/my-day" },
  { key: "pipeline", href: "/pipeline" },
  { key: "review", href: "/review" },
] as const;

export function MainNav() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const navRef = useRef<HTMLElement>(null);
  // On a phone the sections scroll sideways: bring the current one into view.
  useEffect(() => {
    navRef.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
  }, [pathname]);
  return (
    <nav ref={navRef} aria-label={t("label")} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {SECTIONS.map(({ key, href }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-3 font-medium sm:py-2 ${active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
