import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { notificationDeliveries } from "@/db/schema";

/**
 * Sends one message at most once per key (occasion + recipient + channel): a job retried after a
 * failure or a crash skips what it already sent. The key's advisory lock makes a second runner
 * (another instance, a retry that overlaps) wait and then find it sent. A send is recorded in the
 * same transaction that holds the lock, right after the channel accepted it; only a crash in
 * between those two could send it again. Returns whether it was sent now.
 */
export async function deliverOnce(db: Db, key: string, send: () => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
    const [done] = await tx.select({ key: notificationDeliveries.key }).from(notificationDeliveries).where(eq(notificationDeliveries.key, key));
    if (done) return false;
    await send();
    await tx.insert(notificationDeliveries).values({ key });
    return true;
  });
}
