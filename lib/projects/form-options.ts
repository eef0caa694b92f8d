import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { delegations, enterprises, events } from "@/db/schema";
import { listPeople } from "@/lib/reference/queries";

// Choices of the project form: readable reference rows, small enough to list.

const RECENT = 100;

export async function listSourceChoices(db: Db) {
  const [eventRows, delegationRows] = await Promise.all([
    db
      .select({ id: events.id, nameZh: events.nameZh, nameEn: events.nameEn, startsOn: events.startsOn })
      .from(events)
      .where(isNull(events.deletedAt))
      .orderBy(desc(events.startsOn))
      .limit(RECENT),
    db
      .select({ id: delegations.id, name: delegations.name, startsOn: delegations.startsOn })
      .from(delegations)
      .where(isNull(delegations.deletedAt))
      .orderBy(desc(delegations.startsOn))
      .limit(RECENT),
  ]);
  return { events: eventRows, delegations: delegationRows };
}

/**
 * People a project or follow-up of `teamId` may be given to: active members of that team, by
 * name. Taken from the people kept in memory (lib/reference), not read per request.
 */
export async function listTeamMembers(db: Db, teamId: string | null) {
  if (!teamId) return [];
  const people = await listPeople(db);
  return people.filter((p) => p.teamId === teamId).map((p) => ({ id: p.id, name: p.name, email: p.email }));
}

export async function getEnterpriseName(db: Db, id: string) {
  const [row] = await db
    .select({ id: enterprises.id, nameZh: enterprises.nameZh, nameEn: enterprises.nameEn })
    .from(enterprises)
    .where(and(eq(enterprises.id, id), isNull(enterprises.deletedAt)));
  return row ?? null;
}
