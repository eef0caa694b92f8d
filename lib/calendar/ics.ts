// RFC 5545 output written by hand: a feed needs a dozen properties, and the rules that matter
// (CRLF, folding at 75 octets without splitting a UTF-8 character, TEXT escaping) fit here.

import { addDays, TIME_ZONE } from "@/lib/time";

export type CalendarEntry =
  | { kind: "timed"; uid: string; start: Date; end: Date; summary: string; location?: string | null; description?: string | null; url?: string | null }
  | { kind: "allDay"; uid: string; day: string; summary: string; description?: string | null; url?: string | null };

/** TEXT values: backslash, semicolon and comma are escaped, newlines become \n. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets continue on the next line after CRLF and one space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = out.length === 0 ? 75 : 74;
    if (size + n > limit) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** 20260522T070000Z */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const dayValue = (day: string) => day.replace(/-/g, "");

export function buildCalendar(opts: { name: string; entries: CalendarEntry[]; now?: Date }): string {
  const stamp = utcStamp(opts.now ?? new Date());
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Landfall//Calendar feed//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(opts.name)}`, `X-WR-TIMEZONE:${TIME_ZONE}`];
  for (const e of opts.entries) {
    lines.push("BEGIN:VEVENT", `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.kind === "timed") {
      lines.push(`DTSTART:${utcStamp(e.start)}`, `DTEND:${utcStamp(e.end)}`);
      if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    } else {
      lines.push(`DTSTART;VALUE=DATE:${dayValue(e.day)}`, `DTEND;VALUE=DATE:${dayValue(addDays(e.day, 1))}`, "TRANSP:TRANSPARENT");
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
