import { dateTimeFormat } from "@/lib/intl";

/**
 * Time on the bureau's calendar. Every day the app stores, shows or compares (a due day, a
 * signing day, "today", a review month) is a day in the bureau's zone, whatever the zone of the
 * server or the browser. Days travel as YYYY-MM-DD strings; instants are stored UTC.
 * Plain module: client components use it too. The same days in SQL: `lib/sql.ts`.
 */

/** The bureau's time zone. */
export const TIME_ZONE = "Asia/Shanghai";

// Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00 offset is exact.
const OFFSET = "+08:00";

/** The bureau's wall-clock day (YYYY-MM-DD) and time (HH:MM) of an instant; now when none is given. */
export function shanghaiParts(at: Date = new Date()): { date: string; time: string } {
  const parts = dateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the bureau's zone; today when none is given. */
export function shanghaiDay(at: Date = new Date()): string {
  return shanghaiParts(at).date;
}

/** The bureau's calendar year of an instant; this year when none is given. */
export function shanghaiYear(at: Date = new Date()): number {
  return Number(shanghaiDay(at).slice(0, 4));
}

/** An instant as a datetime-local input's value ("2026-11-21T14:30"), in the bureau's wall time. */
export function shanghaiDateTimeInput(at: Date = new Date()): string {
  const { date, time } = shanghaiParts(at);
  return `${date}T${time}`;
}

/**
 * The instant a day and wall-clock time in the bureau's zone name (HH:MM or HH:MM:SS; midnight
 * when no time is given). Also how a day is handed to a date formatter set to the bureau's zone.
 */
export function shanghaiInstant(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time.length === 5 ? `${time}:00` : time}${OFFSET}`);
}

/** Adds whole days to a YYYY-MM-DD day, in calendar terms (no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
