import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { HeaderSearch } from "@/components/shell/header-search";
import { InboxButton } from "@/components/shell/inbox-button";
import { MainNav } from "@/components/shell/nav";
import { UserMenu } from "@/components/shell/user-menu";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";
import { getViewerTeamName } from "@/lib/teams/queries";
import { countVerificationQueue, mayDecideRequests } from "@/lib/projects/verification-queries";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [t, locale, db] = await Promise.all([getTranslations("app"), getLocale(), getDb()]);
  // The queue's badge: one indexed count for those who decide requests, no statement for anyone else.
  const [teamName, waiting] = await Promise.all([
    getViewerTeamName(db, viewer, isLocale(locale) ? locale : "zh-CN"),
    mayDecideRequests(viewer) ? countVerificationQueue(db, viewer) : null,
  ]);
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl items-center gap-x-2 gap-y-1 px-4 py-2 md:gap-x-4">
          <Link href="/enterprises" className="flex min-h-11 shrink-0 items-center gap-2 font-semibold whitespace-nowrap text-brand-900 sm:min-h-0 sm:items-baseline">
            <span className="text-lg">{t("name")}</span>
            {/* The header holds eight sections, search and the inbox: the tagline only where all fit beside it. */}
            <span className="hidden text-xs font-normal text-slate-500 2xl:inline">{t("tagline")}</span>
          </Link>
          {/* Below 768 px the sections open from a menu button beside the account menu. */}
          <div className="ml-auto min-w-0 md:ml-0 md:flex-1">
            <MainNav waiting={waiting} />
          </div>
          <HeaderSearch />
          <InboxButton viewer={viewer} />
          <div>
            <UserMenu viewer={viewer} teamName={teamName} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
