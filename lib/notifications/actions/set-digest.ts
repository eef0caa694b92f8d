"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";

/** Turns the caller's own morning digest e-mail on or off. */
export const setDigest = action({
  name: "user.set_digest",
  input: z.object({ digest: z.enum(["on", "off"], { error: "validation.invalid" }) }),
  minRole: READ_ROLE,
  load: noRecord,
  async run({ viewer, input, tx }) {
    const [before] = await tx.select({ digestOptOut: users.digestOptOut }).from(users).where(eq(users.id, viewer.id)).for("update");
    const optOut = input.digest === "off";
    await tx
      .update(users)
      .set({ digestOptOut: optOut, updatedAt: new Date(), updatedBy: viewer.id, version: sql`${users.version} + 1` })
      .where(eq(users.id, viewer.id));
    return { data: { digest: input.digest }, audit: [{ entityType: "user", entityId: viewer.id, before: { digestOptOut: before?.digestOptOut ?? false }, after: { digestOptOut: optOut } }] };
  },
  after() {
    revalidatePath("/notifications");
  },
});
