import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { teams } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";

/** A live team, locked until the transaction ends, for an admin's change to it. */
export async function lockTeamForEdit(tx: Tx, id: string) {
  const [team] = await tx.select().from(teams).where(and(eq(teams.id, id), isNull(teams.deletedAt))).for("update");
  if (!team) throw new NotFoundError();
  return team;
}
