import "server-only";
import type { Db } from "@/db";
import type { Viewer } from "@/lib/auth/viewer";
import { listMyStops, type MyStop } from "@/lib/delegations/my-stops";
import { addDays, shanghaiDay, shanghaiInstant } from "@/lib/time";

/** Today's itinerary stops (Asia/Shanghai day) of the person's delegations: the same stops as their calendar feed. */
export async function listTodaysStops(db: Db, viewer: Viewer, today = shanghaiDay()) {
  return listMyStops(db, viewer, { from: shanghaiInstant(today), until: shanghaiInstant(addDays(today, 1)), limit: 50 });
}
export type TodaysStop = MyStop;
