import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { atLeast } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import type { SavedView } from "@/lib/saved-views/queries";
import { DeleteViewButton, SaveViewForm } from "./saved-view-forms";

export async function SavedViews({ views, viewer, query }: { views: SavedView[]; viewer: Viewer; query: string }) {
  const t = await getTranslations("savedViews");
  const canShare = atLeast(viewer.role, "manager") && viewer.teamId !== null;
  return (
    <details className="relative">
      <summary className={buttonClass("secondary", "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>{t("title")}</summary>
      <div className="absolute right-0 z-20 mt-2 w-72 space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
        {views.length === 0 ? (
          <p className="text-sm text-slate-500">{t("none")}</p>
        ) : (
          <ul className="space-y-1">
            {views.map((v) => (
              <li key={v.id} className="flex items-center justify-between gap-2">
                <Link href={`/enterprises?${v.query}`} className="min-w-0 flex-1 truncate text-sm text-brand-700 hover:underline">
                  {v.name}
                  {!v.mine ? <span className="ml-1 text-xs text-slate-500">({t("sharedBy", { name: v.ownerName ?? "" })})</span> : null}
                  {v.mine && v.shared ? <span className="ml-1 text-xs text-slate-500">({t("shared")})</span> : null}
                </Link>
                {v.mine ? <DeleteViewButton id={v.id} name={v.name} /> : null}
              </li>
            ))}
          </ul>
        )}
        <SaveViewForm query={query} canShare={canShare} />
      </div>
    </details>
  );
}
