"use server";

import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { users } from "@/db/schema";
import { READ_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { feedTokenChanged } from "@/lib/auth/session-lookup";
import { lockFeedToken } from "../records";

/**
 * Turns the personal calendar feed on, or gives it a new secret address: the old address
 * stops working at once. The token is never written to the audit log.
 */
export const rotateFeedToken = action({
  name: "calendar.token.rotate",
  input: z.object({}),
  minRole: READ_ROLE,
  /** The caller's own feed, locked. */
  load: ({ viewer, tx }) => lockFeedToken(tx, viewer),
  async run({ viewer, tx, record: before }) {
    const token = randomBytes(32).toString("base64url");
    await tx.update(users).set({ icsToken: token, updatedAt: new Date() }).where(eq(users.id, viewer.id));
    return { data: { token }, audit: [{ entityType: "user", entityId: viewer.id, before: { feed: before?.icsToken ? "on" : "off" }, after: { feed: "rotated" } }] };
  },
  after(data, viewer) {
    feedTokenChanged(viewer, data.token);
    revalidatePath("/", "layout");
  },
});
