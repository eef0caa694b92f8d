import { zonedParts } from "@/lib/time";

// The stop form's fields and values; the browser imports this, not the schemas.

/** The fields the stop form edits, in form order. */
export const STOP_FORM_FIELDS = ["date", "time", "timeZone", "enterpriseId", "place", "eventId", "contactName", "contactPhone", "note"] as const;
export type StopFormField = (typeof STOP_FORM_FIELDS)[number];
/** What the form shows: strings, "" for not set; day and time on the stop's own wall clock. */
export type StopFormValues = Record<StopFormField, string>;

/** An enterprise or event a stop names, as a conflict shows it (their choice may be one the form has never listed). */
export interface StopSubject {
  id: string;
  nameZh: string | null;
  nameEn: string | null;
}
export interface StopSubjects {
  enterprise: StopSubject | null;
  event: StopSubject | null;
}

interface SavedStop {
  startsAt: Date;
  timeZone: string;
  place: string | null;
  enterpriseId: string | null;
  eventId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  note: string | null;
}

/** A saved stop as the edit form shows it (also sent back with a conflict). */
export function stopFormValues(s: SavedStop): StopFormValues {
  const { date, time } = zonedParts(s.startsAt, s.timeZone);
  return {
    date,
    time,
    timeZone: s.timeZone,
    enterpriseId: s.enterpriseId ?? "",
    place: s.place ?? "",
    eventId: s.eventId ?? "",
    contactName: s.contactName ?? "",
    contactPhone: s.contactPhone ?? "",
    note: s.note ?? "",
  };
}
