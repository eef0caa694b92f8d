import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/session";

const TABS = [
  { key: "dashboard", href: "/review" },
  { key: "alerts", href: "/review/alerts" },
  { key: "chains", href: "/review/chains" },
  { key: "targets", href: "/review/targets" },
  { key: "people", href: "/review/people" },
] as const;

export type ReviewTab = (typeof TABS)[number]["key"];

/** The sub-navigation every review page renders above its heading. */
export async function ReviewTabs({ current }: { current: ReviewTab }) {
  const [t, viewer] = await Promise.all([getTranslations("reviewTabs"), getViewer()]);
  // Targets are set by managers and admins; everyone else would only meet a 404 there.
  const mayTarget = viewer?.role === "manager" || viewer?.role === "admin";
  // So are people's work reassigned (a manager: of their team's people).
  const tabs = TABS.filter((tab) => (tab.key !== "targets" && tab.key !== "people") || mayTarget);
  return (
    <nav aria-label={t("label")} className="-mx-1 flex gap-1 overflow-x-auto pb-1">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? "page" : undefined}
          className={`inline-flex min-h-11 items-center whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium sm:min-h-0 ${tab.key === current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
