import { primaryName } from "@/lib/i18n/display";
import type { CalendarEntry } from "./ics";

type Translate = (key: string, values?: Record<string, string>) => string;

const HOUR = 60 * 60 * 1000;

interface StopItem {
  id: string;
  startsAt: Date;
  place: string | null;
  note: string | null;
  delegationId: string;
  delegationName: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
  eventNameZh: string | null;
  eventNameEn: string | null;
}

interface FollowUpItem {
  id: string;
  title: string;
  dueOn: string;
  enterpriseId: string;
  enterpriseNameZh: string | null;
  enterpriseNameEn: string | null;
}

/**
 * Feed entries in the person's language. UIDs are stable per record so calendar apps update
 * an entry in place when a stop moves instead of showing it twice.
 */
export function feedEntries(feed: { stops: StopItem[]; followUps: FollowUpItem[] }, opts: { locale: string; origin: string; host: string; t: Translate }): CalendarEntry[] {
  const { locale, origin, host, t } = opts;
  const stops: CalendarEntry[] = feed.stops.map((s) => {
    const subject =
      primaryName({ nameZh: s.enterpriseNameZh, nameEn: s.enterpriseNameEn }, locale).first || primaryName({ nameZh: s.eventNameZh, nameEn: s.eventNameEn }, locale).first || s.place || "";
    return {
      kind: "timed",
      uid: `stop-${s.id}@${host}`,
      start: s.startsAt,
      // Stops carry only a start: an hour is what a meeting on a delegation's day usually takes.
      end: new Date(s.startsAt.getTime() + HOUR),
      summary: t("stopSummary", { delegation: s.delegationName, subject }),
      location: s.place,
      description: s.note,
      url: `${origin}/delegations/${s.delegationId}`,
    };
  });
  const tasks: CalendarEntry[] = feed.followUps.map((f) => ({
    kind: "allDay",
    uid: `follow-up-${f.id}@${host}`,
    day: f.dueOn,
    summary: t("followUpSummary", { title: f.title, enterprise: primaryName({ nameZh: f.enterpriseNameZh, nameEn: f.enterpriseNameEn }, locale).first }),
    url: `${origin}/enterprises/${f.enterpriseId}`,
  }));
  return [...stops, ...tasks];
}
