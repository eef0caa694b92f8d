import { TIME_ZONE } from "@/lib/i18n/locales";
import { dateTimeFormat } from "@/lib/intl";

/** An instant as a datetime-local value ("2026-11-21T14:30") in Asia/Shanghai wall time. */
export function shanghaiDateTimeInput(at: Date = new Date()): string {
  const parts = Object.fromEntries(
    dateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
