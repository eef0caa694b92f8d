import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CalendarFeedMenu } from "@/components/calendar/calendar-feed-menu";
import type { Viewer } from "@/lib/auth/viewer";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

// <details> gives a keyboard-operable disclosure without client JavaScript.
export async function UserMenu({ viewer, teamName }: { viewer: Viewer; teamName: string | null }) {
  const t = await getTranslations();
  return (
    <details className="group relative">
      {/* Named by its content (not aria-label), so the visible name and role are part of its name. */}
      <summary
        data-user-menu
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
      >
        <span className="sr-only">{t("user.menu")}</span>
        <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm font-semibold text-white">
          {viewer.name.slice(0, 1)}
        </span>
        <span className="hidden text-left leading-tight sm:block">
          <span className="block text-sm font-medium">{viewer.name}</span>
          <span className="block text-xs text-slate-500">{t(`roles.${viewer.role}`)}</span>
        </span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-[min(20rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        <dl className="space-y-1 text-sm">
          <div>
            <dt className="sr-only">{t("user.menu")}</dt>
            <dd className="font-medium" data-testid="user-name">
              {viewer.name}
            </dd>
            <dd className="text-xs text-slate-500">{viewer.email}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{t("user.role")}</dt>
            <dd data-testid="user-role">{t(`roles.${viewer.role}`)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-500">{t("user.team")}</dt>
            <dd>{teamName ?? t("user.noTeam")}</dd>
          </div>
        </dl>
        {viewer.role === "admin" ? (
          <Link href="/admin" className="block rounded-md px-3 py-2 text-sm font-medium text-brand-700 hover:bg-brand-50">
            {t("user.admin")}
          </Link>
        ) : null}
        <LanguageSwitcher />
        <div className="border-t border-slate-200 pt-3">
          <CalendarFeedMenu viewer={viewer} />
        </div>
        <SignOutButton />
      </div>
    </details>
  );
}
