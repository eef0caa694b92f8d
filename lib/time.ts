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

// ── Wall-clock time in any zone (an itinerary stop abroad) ──────────────────────────────────
// Plain Intl, no time-zone library: the offset of a zone at an instant is read back from the
// zone's own wall-clock parts, so daylight saving follows the runtime's tz database.

/** The wall-clock day (YYYY-MM-DD) and time (HH:MM) an instant shows in an IANA zone. */
export function zonedParts(at: Date, timeZone: string): { date: string; time: string } {
  const parts = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** Minutes the zone's wall clock is ahead of UTC at an instant (Europe/Berlin in winter: 60). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const parts = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a day and wall-clock time (HH:MM) name in an IANA zone. Where the clocks go back
 * and the time happens twice, the earlier one; where they go forward and it never happens, the
 * time as far after the gap as it was into it (02:30 on the spring-forward day in Berlin is 03:30
 * CEST), as Temporal's "compatible" rule does. `isWallTime` tells the two cases apart.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [y, mo, d] = day.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets a few hours either side of the time cover any change of the clocks around it.
  const before = zoneOffsetMinutes(new Date(wall - 12 * 3_600_000), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + 12 * 3_600_000), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((at) => zoneOffsetMinutes(at, timeZone) * 60_000 === wall - at.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  // Ambiguous: the earlier; skipped: shifted forward by the gap, i.e. read with the offset before it.
  return candidates[0] ?? new Date(wall - before * 60_000);
}

/** Whether the day and time exist on the zone's wall clock (false inside a spring-forward gap). */
export function isWallTime(day: string, time: string, timeZone: string): boolean {
  const back = zonedParts(zonedInstant(day, time, timeZone), timeZone);
  return back.date === day && back.time === time;
}
