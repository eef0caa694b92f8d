import { getLocale } from "next-intl/server";
import { getDb } from "@/db";
import { canCreate } from "@/lib/access";
import { requireViewer } from "@/lib/auth/session";
import { findEventsToLink } from "@/lib/events/queries";
import { primaryName } from "@/lib/i18n/display";
import { LinkToEventForm } from "./link-to-event-form";

/**
 * "Link to an event" for the enterprise page: the most recent events to choose from (filtered
 * as you type), a role, and the same add-participants action the event page uses.
 */
export async function LinkEnterpriseToEvent({ enterpriseId }: { enterpriseId: string }) {
  const viewer = await requireViewer();
  if (!canCreate(viewer)) return null;
  const [events, locale] = await Promise.all([findEventsToLink(await getDb(), "", 200), getLocale()]);
  const choices = events.map((e) => ({ id: e.id, label: primaryName(e, locale).first, startsOn: e.startsOn, city: e.city }));
  return <LinkToEventForm enterpriseId={enterpriseId} events={choices} />;
}
