import { primaryName } from "@/lib/i18n/display";
import type { StopRow } from "./queries";
import { dateTimeFormat } from "@/lib/intl";
import { shanghaiParts, TIME_ZONE } from "@/lib/time";

/** A stop as the itinerary shows it: its time in Asia/Shanghai and what it is for, in the reader's language. */
export function stopView(s: StopRow, locale: string) {
  const enterprise = s.enterpriseId ? { id: s.enterpriseId, nameZh: s.enterpriseNameZh, nameEn: s.enterpriseNameEn } : null;
  const eventName = primaryName({ nameZh: s.eventNameZh, nameEn: s.eventNameEn }, locale).first;
  const subject = (enterprise && primaryName(enterprise, locale).first) || eventName || s.place || "";
  const when = dateTimeFormat(locale, { timeZone: TIME_ZONE, weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(s.startsAt);
  return {
    id: s.id,
    version: s.version,
    position: s.position,
    ...shanghaiParts(s.startsAt),
    when,
    subject,
    eventName: eventName || null,
    place: s.place,
    note: s.note,
    enterprise,
    enterpriseId: s.enterpriseId,
    eventId: s.eventId,
    status: s.status,
    visitId: s.visitId,
  };
}
