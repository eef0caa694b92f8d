import type { events } from "@/db/schema";

/** What the event edit form shows: strings, "" for not set. Plain data, so it can cross to the browser. */
export interface EventFormValues {
  kind: string;
  nameZh: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue: string;
  host: string;
  description: string;
}

/** A saved event as the edit form shows it (also sent back with a conflict). */
export function eventFormValues(e: typeof events.$inferSelect): EventFormValues {
  return {
    kind: e.kind,
    nameZh: e.nameZh ?? "",
    nameEn: e.nameEn ?? "",
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    city: e.city ?? "",
    venue: e.venue ?? "",
    host: e.host ?? "",
    description: e.description ?? "",
  };
}
