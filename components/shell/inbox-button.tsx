import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { countUnread } from "@/lib/notifications/queries";

/** The header's inbox: a bell with the viewer's unread count, one indexed count per page. */
export async function InboxButton({ viewer }: { viewer: Viewer }) {
  const [t, db] = await Promise.all([getTranslations("notifications"), getDb()]);
  const unread = await countUnread(db, viewer);
  return (
    <Link
      href="/notifications"
      className="relative inline-grid min-h-11 min-w-9 shrink-0 place-items-center rounded text-slate-600 hover:bg-slate-100 hover:text-slate-900 sm:min-h-9 sm:min-w-9"
      aria-label={unread ? t("buttonUnread", { count: unread }) : t("button")}
      data-testid="inbox-button"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread ? (
        <span aria-hidden className="absolute -top-0.5 -right-0.5 grid min-w-5 place-items-center rounded-full bg-red-700 px-1 text-xs leading-5 font-semibold text-white" data-testid="inbox-badge">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
