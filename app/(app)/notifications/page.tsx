import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DigestSwitch, InboxList, MarkAllRead } from "@/components/notifications/inbox-list";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getsDigest, listDueFollowUps, listInbox } from "@/lib/notifications/queries";
import { shanghaiDay } from "@/lib/time";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

/** The signed-in person's inbox: their follow-ups due today or overdue, then what others did that concerns them. */
export default async function NotificationsPage() {
  const viewer = await requireViewer();
  const db = await getDb();
  const [items, due, digest, t, format] = await Promise.all([listInbox(db, viewer), listDueFollowUps(db, viewer), getsDigest(db, viewer), getTranslations("notifications"), getFormatter()]);
  const today = shanghaiDay();
  const unread = items.filter((i) => i.unread).length;
  const lines = items.map((i) => ({
    id: i.id,
    href: i.href,
    unread: i.unread,
    title: i.title,
    text: t(`kinds.${i.kind}`, { actor: i.actorName ?? t("someone") }),
    when: format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }),
  }));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-slate-600" data-testid="inbox-unread">
            {t("unreadCount", { count: unread })}
          </p>
        </div>
        {unread > 0 ? <MarkAllRead label={t("markAllRead")} /> : null}
      </div>

      {due.length > 0 ? (
        <section aria-labelledby="due-heading" className="space-y-2">
          <h2 id="due-heading" className="text-lg font-semibold">
            {t("dueTitle")}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-lg border border-amber-200 bg-amber-50" data-testid="inbox-due">
            {due.map((f) => (
              <li key={f.id}>
                <Link href={f.href} className="flex flex-wrap items-baseline gap-x-3 px-4 py-2 hover:bg-amber-100">
                  <span className="min-w-0 flex-1 text-slate-900">{f.title}</span>
                  <span className={f.dueOn < today ? "text-sm font-medium text-red-800" : "text-sm text-slate-700"}>
                    {f.dueOn < today ? t("overdue", { date: f.dueOn }) : t("dueToday")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="items-heading" className="space-y-2">
        <h2 id="items-heading" className="text-lg font-semibold">
          {t("itemsTitle")}
        </h2>
        {lines.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <p className="font-medium">{t("empty")}</p>
            <p className="mt-1 text-sm text-slate-600">{t("emptyHint")}</p>
          </div>
        ) : (
          <InboxList items={lines} labels={{ unread: t("unread"), listLabel: t("itemsTitle") }} />
        )}
      </section>

      <DigestSwitch on={digest} labels={{ state: digest ? t("digestOn") : t("digestOff"), turnOn: t("digestTurnOn"), turnOff: t("digestTurnOff") }} />
    </div>
  );
}
