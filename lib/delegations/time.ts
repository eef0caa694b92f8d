import { TIME_ZONE } from "@/lib/i18n/locales";
import { dateTimeFormat } from "@/lib/intl";

// Asia/Shanghai has had no daylight saving since 1991: a fixed +08:00 offset is exact.
const OFFSET = "+08:00";

/** A local Asia/Shanghai day and HH:MM as the instant it names (stored UTC). */
export function shanghaiInstant(day: string, time: string): Date {
  return new Date(`${day}T${time}:00${OFFSET}`);
}

/** The local day and HH:MM of an instant, for the stop form's inputs. */
export function shanghaiParts(at: Date): { date: string; time: string } {
  const parts = dateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}
