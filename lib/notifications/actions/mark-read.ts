"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { notifications } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";

/** Marks one of the caller's own inbox items read, as opening it does. */
export const markNotificationRead = action({
  name: "notification.markRead",
  input: z.object({ id: uuidParam }),
  minRole: READ_ROLE,
  /** An item of the caller's own inbox; anyone else's is as unknown as a missing one. */
  async load({ viewer, input, tx }) {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, input.id), eq(notifications.recipientId, viewer.id)))
      .for("update");
    if (!row) throw new NotFoundError();
    return row;
  },
  async run({ tx, record }) {
    // Read already (another tab): nothing changes, nothing to record.
    if (record.readAt) return { data: { id: record.id }, audit: [] };
    const [row] = await tx.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, record.id), isNull(notifications.readAt))).returning();
    return { data: { id: record.id }, audit: [{ entityType: "notification", entityId: record.id, before: record, after: row }] };
  },
  after() {
    revalidatePath("/notifications");
  },
});

/** Marks every unread item of the caller's inbox read. */
export const markAllNotificationsRead = action({
  name: "notification.markAllRead",
  input: z.object({}),
  minRole: READ_ROLE,
  load: noRecord,
  async run({ viewer, tx }) {
    const rows = await tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return { data: { count: rows.length }, audit: [{ entityType: "notification", entityId: null, before: null, after: { markedRead: rows.length } }] };
  },
  after() {
    revalidatePath("/notifications");
  },
});
