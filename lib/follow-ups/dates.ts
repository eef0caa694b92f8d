import { TIME_ZONE } from "@/lib/i18n/locales";
import { dateTimeFormat } from "@/lib/intl";

/** The calendar day (YYYY-MM-DD) an instant falls on in the organisation's time zone. */
export function shanghaiDay(at: Date = new Date()): string {
  return dateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** Adds whole days to a YYYY-MM-DD day, in calendar terms (no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
