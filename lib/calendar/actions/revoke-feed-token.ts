"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { action } from "@/lib/action";
import { feedTokenChanged } from "@/lib/auth/session-lookup";

/** Turns the personal calendar feed off: its address answers 404 from now on. */
export const revokeFeedToken = action({
  name: "calendar.token.revoke",
  input: z.object({}),
  minRole: "viewer",
  async run({ viewer, tx }) {
    const [before] = await tx.select({ icsToken: users.icsToken }).from(users).where(eq(users.id, viewer.id)).for("update");
    await tx.update(users).set({ icsToken: null, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    return { data: { revoked: true }, audit: [{ entityType: "user", entityId: viewer.id, before: { feed: before?.icsToken ? "on" : "off" }, after: { feed: "off" } }] };
  },
  after(_data, viewer) {
    feedTokenChanged(viewer, null);
    revalidatePath("/", "layout");
  },
});
