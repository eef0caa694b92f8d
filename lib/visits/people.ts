import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { listTeamMembers } from "@/lib/projects/form-options";

/**
 * Colleagues offered as our side and as assignees: the caller's team with the caller first,
 * plus anyone already on the visit being edited (a mayor's trip mixes teams).
 */
export async function visitPeople(db: Db, viewer: Viewer, alreadyThere: string[]) {
  const [team, extra] = await Promise.all([
    listTeamMembers(db, viewer.teamId),
    alreadyThere.length
      ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(and(inArray(users.id, alreadyThere), isNull(users.deletedAt)))
      : Promise.resolve([]),
  ]);
  const self = { id: viewer.id, name: viewer.name, email: viewer.email };
  const seen = new Set<string>();
  return [self, ...team, ...extra].filter((p) => !seen.has(p.id) && Boolean(seen.add(p.id)));
}
