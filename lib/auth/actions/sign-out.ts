"use server";

import { z } from "zod";
import { READ_ROLE } from "@/lib/access";
import { action, noRecord } from "@/lib/action";
import { signOut as endSession } from "../config";

export const signOut = action({
  name: "auth.sign_out",
  input: z.object({}),
  minRole: READ_ROLE,
  load: noRecord,
  async run({ viewer }) {
    return { data: null, audit: [{ entityType: "user", entityId: viewer.id, before: null, after: { signedOut: true } }] };
  },
  async after() {
    // Deletes the session row, clears the cookie and redirects.
    await endSession({ redirectTo: "/signed-out" });
  },
});
