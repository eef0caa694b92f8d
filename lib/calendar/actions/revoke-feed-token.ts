"use server";

import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { feedTokenChanged } from "@/lib/auth/session-lookup";
import { lockFeedToken } from "../records";

/** Turns the personal calendar feed off: its address answers 404 from now on. */
export const revokeFeedToken = action({
  name: "calendar.token.revoke",
  input: z.object({}),
  minRole: READ_ROLE,
  /** The caller's own feed, locked. */
  load: ({ viewer, tx }) => lockFeedToken(tx, viewer),
  async run({ viewer, tx, record: before }) {
    await tx.update(users).set({ icsToken: null, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    return { data: { revoked: true }, audit: [{ entityType: "user", entityId: viewer.id, before: { feed: before?.icsToken ? "on" : "off" }, after: { feed: "off" } }] };
  },
  after(_data, viewer) {
    feedTokenChanged(viewer, null);
    revalidatePath("/", "layout");
  },
});
