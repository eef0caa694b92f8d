"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/actions/mark-read";
import { setDigest } from "@/lib/notifications/actions/set-digest";

export interface InboxLine {
  id: string;
  href: string;
  text: string;
  title: string;
  when: string;
  unread: boolean;
}

/**
 * The inbox's items, newest first. Opening one marks it read, then goes to its record; without
 * JavaScript the link still opens the record.
 */
export function InboxList({ items, labels }: { items: InboxLine[]; labels: { unread: string; listLabel: string } }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label={labels.listLabel}>
      {items.map((item) => (
        <li key={item.id} className={item.unread ? "bg-sky-50" : undefined} data-testid="inbox-item" data-unread={item.unread ? "true" : "false"}>
          <Link
            href={item.href}
            className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 hover:bg-slate-50"
            onClick={(e) => {
              if (!item.unread || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
              e.preventDefault();
              startTransition(async () => {
                await markNotificationRead({ id: item.id });
                router.push(item.href);
              });
            }}
          >
            {item.unread ? (
              <span className="size-2 shrink-0 self-center rounded-full bg-sky-700" aria-hidden />
            ) : (
              <span className="size-2 shrink-0" aria-hidden />
            )}
            <span className="min-w-0 flex-1">
              <span className={item.unread ? "font-semibold text-slate-900" : "text-slate-800"}>{item.text}</span>
              <span className="block truncate text-sm text-slate-600">{item.title}</span>
            </span>
            <span className="text-xs text-slate-500">{item.when}</span>
            {item.unread ? <span className="sr-only">{labels.unread}</span> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Marks every unread item read. */
export function MarkAllRead({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
      onClick={() =>
        startTransition(async () => {
          await markAllNotificationsRead({});
          router.refresh();
        })
      }
    >
      {label}
    </button>
  );
}

/** Turns the reader's own morning digest e-mail on or off. */
export function DigestSwitch({ on, labels }: { on: boolean; labels: { state: string; turnOn: string; turnOff: string } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
      <span data-testid="digest-state">{labels.state}</span>
      <button
        type="button"
        disabled={pending}
        className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60"
        onClick={() =>
          startTransition(async () => {
            await setDigest({ digest: on ? "off" : "on" });
            router.refresh();
          })
        }
      >
        {on ? labels.turnOff : labels.turnOn}
      </button>
    </p>
  );
}
