"use server";

import { and, eq, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Tx } from "@/db";
import { ROLES, teams, users } from "@/db/schema";
import { ADMIN_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { savedVersion } from "@/lib/enterprises/saved-version";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { updateVersioned } from "@/lib/records";
import { uuidParam } from "@/lib/validation";

const version = z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" });

async function lockUser(tx: Tx, id: string) {
  const [row] = await tx.select().from(users).where(and(eq(users.id, id), isNull(users.deletedAt))).for("update");
  if (!row) throw new NotFoundError();
  return row;
}

const snapshot = (u: typeof users.$inferSelect) => ({ id: u.id, email: u.email, role: u.role, teamId: u.teamId, version: u.version });

/** An admin changes someone's role; never their own, so the last admin cannot lock everyone out by mistake. */
export const setUserRole = action({
  name: "user.setRole",
  input: z.object({ userId: uuidParam, role: z.enum(ROLES, { error: "validation.invalid" }), version }),
  minRole: ADMIN_ROLE,
  async load({ viewer, input, tx }) {
    if (input.userId === viewer.id) throw new FieldError("role", "validation.notYourself");
    return lockUser(tx, input.userId);
  },
  async run({ viewer, input, tx, record: before }) {
    // Stale: only the role goes back (never the person's row), for the form to show beside the typed one.
    if (before.version !== input.version) throw new ConflictError(await savedVersion(tx, before, { role: before.role }));
    const after = await updateVersioned(tx, users, before, input.version, { role: input.role }, viewer);
    return { data: { id: after.id, version: after.version }, audit: [{ entityType: "user", entityId: after.id, before: snapshot(before), after: snapshot(after) }] };
  },
  after() {
    revalidatePath("/admin/people");
  },
});

/** An admin moves someone to a team, or to none. */
export const setUserTeam = action({
  name: "user.setTeam",
  input: z.object({ userId: uuidParam, teamId: z.preprocess((v) => (v === "" ? null : v), uuidParam.nullable()), version }),
  minRole: ADMIN_ROLE,
  /** The person, to a live team or none. */
  async load({ input, tx }) {
    if (input.teamId) {
      const [team] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.id, input.teamId), isNull(teams.deletedAt)));
      if (!team) throw new FieldError("teamId", "validation.invalid");
    }
    return lockUser(tx, input.userId);
  },
  async run({ viewer, input, tx, record: before }) {
    if (before.version !== input.version) throw new ConflictError(await savedVersion(tx, before, { teamId: before.teamId ?? "" }));
    const after = await updateVersioned(tx, users, before, input.version, { teamId: input.teamId }, viewer);
    return { data: { id: after.id, version: after.version }, audit: [{ entityType: "user", entityId: after.id, before: snapshot(before), after: snapshot(after) }] };
  },
  after() {
    revalidatePath("/admin/people");
  },
});
