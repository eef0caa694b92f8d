import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { getFeedToken } from "@/lib/calendar/feed";
import { CalendarFeedWhenOpen } from "./calendar-feed-lazy";

/** The personal calendar feed's address with "Copy", "New link" and "Turn off"; for the user menu. */
export async function CalendarFeedMenu({ viewer }: { viewer: Viewer }) {
  const token = await getFeedToken(await getDb(), viewer);
  return <CalendarFeedWhenOpen token={token} />;
}
