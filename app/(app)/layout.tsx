import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MainNav } from "@/components/shell/nav";
import { UserMenu } from "@/components/shell/user-menu";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { isLocale } from "@/lib/i18n/locales";
import { getViewerTeamName } from "@/lib/teams/queries";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const [t, locale, db] = await Promise.all([getTranslations("app"), getLocale(), getDb()]);
  const teamName = await getViewerTeamName(db, viewer, isLocale(locale) ? locale : "zh-CN");
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
          <Link href="/enterprises" className="order-1 flex min-h-11 items-center gap-2 font-semibold text-brand-900 sm:min-h-0 sm:items-baseline">
            <span className="text-lg">{t("name")}</span>
            <span className="hidden text-xs font-normal text-slate-500 lg:inline">{t("tagline")}</span>
          </Link>
          <div className="order-3 w-full min-w-0 md:order-2 md:w-auto md:flex-1">
            <MainNav />
          </div>
          <div className="order-2 ml-auto md:order-3">
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
