import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { requireViewer } from "@/lib/auth/session";

const TABS = ["chains", "teams", "people", "rates", "audit"] as const;

/** Admins only; everyone else gets the same 404 as for a page that does not exist. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  if (viewer.role !== "admin") notFound();
  const t = await getTranslations("admin");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <nav aria-label={t("tabs.label")} className="-mx-1 flex gap-1 overflow-x-auto pb-1">
        {TABS.map((tab) => (
          <Link key={tab} href={`/admin/${tab}`} className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100">
            {t(`tabs.${tab}`)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
