"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { NotFoundError } from "@/lib/errors";
import { uuidParam } from "@/lib/validation";

const snapshot = { id: users.id, email: users.email, role: users.role, teamId: users.teamId, deactivatedAt: users.deactivatedAt, version: users.version };

/**
 * Gives a deactivated person their access back: they can sign in again with the role and team
 * they had, and find their records as they left them.
 */
export const reactivateUser = action({
  name: "user.reactivate",
  input: z.object({ userId: uuidParam }),
  minRole: ADMIN_ROLE,
  async load({ input, tx }) {
    const [person] = await tx
      .select(snapshot)
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
      .for("update");
    if (!person) throw new NotFoundError();
    return person;
  },
  async run({ viewer, input, tx, record: before }) {
    const [after] = await tx
      .update(users)
      .set({ deactivatedAt: null, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${users.version} + 1` })
      .where(eq(users.id, input.userId))
      .returning(snapshot);
    return { data: { id: after!.id, version: after!.version }, audit: [{ entityType: "user", entityId: input.userId, before, after }] };
  },
  after() {
    revalidatePath("/admin/people");
  },
});
