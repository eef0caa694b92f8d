import { dateTimeFormat } from "@/lib/intl";
import { TIME_ZONE } from "@/lib/time";

const PAGES: Record<string, string> = {
  enterprise: "/enterprises",
  project: "/projects",
  event: "/events",
  delegation: "/delegations",
  visit: "/visits",
};

/** Where a record of this kind opens, when it has a page of its own. */
export function recordHref(type: string, id: string | null): string | null {
  const base = PAGES[type];
  return base && id ? `${base}/${id}` : null;
}

/** An entry's time on the bureau's clock, to the second. */
export function formatAuditTime(at: Date, locale: string) {
  return dateTimeFormat(locale, { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(at);
}
