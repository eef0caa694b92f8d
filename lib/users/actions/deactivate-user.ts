"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { sessions, users } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { FieldError, NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";

/** Ends a person's access at once: marks them deactivated and deletes every session they hold. */
export const deactivateUser = action({
  name: "user.deactivate",
  input: z.object({ userId: uuidParam }),
  minRole: ADMIN_ROLE,
  /** Anyone but the caller. */
  async load({ viewer, input, tx }) {
    if (input.userId === viewer.id) throw new FieldError("userId", "validation.notYourself");
    const [person] = await tx
      .select({ id: users.id, email: users.email, role: users.role, deactivatedAt: users.deactivatedAt, version: users.version })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
      .for("update");
    if (!person) throw new NotFoundError();
    return person;
  },
  async run({ viewer, input, tx, record: before }) {
    const [after] = await tx
      .update(users)
      .set({ deactivatedAt: before.deactivatedAt ?? new Date(), updatedAt: new Date(), updatedBy: viewer.id, version: sql`${users.version} + 1` })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, email: users.email, role: users.role, deactivatedAt: users.deactivatedAt, version: users.version });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, input.userId)).returning({ userId: sessions.userId });
    return {
      data: { sessionsEnded: ended.length },
      audit: [{ entityType: "user", entityId: input.userId, before, after: { ...after, sessionsEnded: ended.length } }],
    };
  },
  after() {
    revalidatePath("/", "layout");
  },
});
