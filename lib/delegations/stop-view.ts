import { primaryName } from "@/lib/i18n/display";
import type { StopRow } from "./queries";
import { dateTimeFormat } from "@/lib/intl";
import { TIME_ZONE, zonedParts } from "@/lib/time";
import { zoneShortName } from "./time-zones";

const WHEN = { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
const CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/**
 * A stop as the itinerary shows it, in the reader's language: its time on the stop's own wall
 * clock, and for a stop abroad the zone's short name and Beijing time beside it (with the day
 * when Beijing is already on another one); what it is for; whom to ask for.
 */
export function stopView(s: StopRow, locale: string) {
  const enterprise = s.enterpriseId ? { id: s.enterpriseId, nameZh: s.enterpriseNameZh, nameEn: s.enterpriseNameEn } : null;
  const eventName = primaryName({ nameZh: s.eventNameZh, nameEn: s.eventNameEn }, locale).first;
  const subject = (enterprise && primaryName(enterprise, locale).first) || eventName || s.place || "";
  const local = zonedParts(s.startsAt, s.timeZone);
  const abroad = s.timeZone !== TIME_ZONE;
  const beijingDay = zonedParts(s.startsAt, TIME_ZONE).date;
  const beijing = abroad
    ? dateTimeFormat(locale, { timeZone: TIME_ZONE, ...(beijingDay === local.date ? CLOCK : WHEN) }).format(s.startsAt)
    : null;
  return {
    id: s.id,
    version: s.version,
    position: s.position,
    ...local,
    timeZone: s.timeZone,
    /** The instant, for <time dateTime>. */
    at: s.startsAt.toISOString(),
    when: dateTimeFormat(locale, { timeZone: s.timeZone, ...WHEN }).format(s.startsAt),
    /** The zone's short name (CET, PST, UTC+7) for a stop abroad; null at home. */
    zone: abroad ? zoneShortName(s.startsAt, s.timeZone) : null,
    /** Beijing time of a stop abroad ("17:00", or with the day when it differs); null at home. */
    beijing,
    subject,
    eventName: eventName || null,
    place: s.place,
    note: s.note,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    enterprise,
    enterpriseId: s.enterpriseId,
    eventId: s.eventId,
    status: s.status,
    visitId: s.visitId,
  };
}

export type StopView = ReturnType<typeof stopView>;
