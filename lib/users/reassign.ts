import "server-only";
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import { type Db, queryRows, type Tx } from "@/db";
import { delegations, enterprises, followUps, projects, teams, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

// What a person owns and can hand on when they move: open follow-ups assigned to them, and the
// projects, enterprises and delegations they own (a delegation's owner is the colleague who leads
// it for the bureau). Closed follow-ups stay with whoever did them: they are history.

export const WORK_KINDS = ["followUps", "projects", "enterprises", "delegations"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];
export type WorkCounts = Record<WorkKind, number>;

/** The live rows of each kind that belong to `person`: the preview counts them, the action moves them. */
export const WORK: Record<WorkKind, { table: typeof followUps | typeof projects | typeof enterprises | typeof delegations; owned: (person: string) => SQL }> = {
  followUps: { table: followUps, owned: (p) => and(eq(followUps.assigneeId, p), eq(followUps.status, "open"), isNull(followUps.deletedAt))! },
  projects: { table: projects, owned: (p) => and(eq(projects.ownerId, p), isNull(projects.deletedAt))! },
  enterprises: { table: enterprises, owned: (p) => and(eq(enterprises.ownerId, p), isNull(enterprises.deletedAt))! },
  delegations: { table: delegations, owned: (p) => and(eq(delegations.ownerId, p), isNull(delegations.deletedAt))! },
};

const none = (): WorkCounts => ({ followUps: 0, projects: 0, enterprises: 0, delegations: 0 });

/** Each person's counts per kind, in one statement. */
export async function countWork(db: Db | Tx, people: string[]): Promise<Map<string, WorkCounts>> {
  const out = new Map(people.map((id) => [id, none()]));
  if (people.length === 0) return out;
  const ids = sql.join(people.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await queryRows<{ person: string; kind: WorkKind; n: number }>(db, sql`
    select ${followUps.assigneeId} as person, 'followUps' as kind, count(*)::int as n from ${followUps}
      where ${followUps.assigneeId} in (${ids}) and ${followUps.status} = 'open' and ${followUps.deletedAt} is null group by 1
    union all
    select ${projects.ownerId}, 'projects', count(*)::int from ${projects} where ${projects.ownerId} in (${ids}) and ${projects.deletedAt} is null group by 1
    union all
    select ${enterprises.ownerId}, 'enterprises', count(*)::int from ${enterprises} where ${enterprises.ownerId} in (${ids}) and ${enterprises.deletedAt} is null group by 1
    union all
    select ${delegations.ownerId}, 'delegations', count(*)::int from ${delegations} where ${delegations.ownerId} in (${ids}) and ${delegations.deletedAt} is null group by 1`);
  for (const r of rows) out.get(r.person)![r.kind] = Number(r.n);
  return out;
}

/** Admins reassign anyone's work; a manager the work of the people of their own team. */
export function mayReassignFrom(viewer: Viewer, person: { teamId: string | null }): boolean {
  if (viewer.role === "admin") return true;
  return viewer.role === "manager" && viewer.teamId !== null && person.teamId === viewer.teamId;
}

/**
 * Who may receive the work: active people who can own records (staff and above); for a manager,
 * only people of their team.
 */
export function mayReceive(viewer: Viewer, target: { teamId: string | null; role: string; deactivatedAt: Date | null }): boolean {
  if (target.deactivatedAt || target.role === "viewer") return false;
  return viewer.role === "admin" || (viewer.teamId !== null && target.teamId === viewer.teamId);
}

const person = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  teamId: users.teamId,
  deactivatedAt: users.deactivatedAt,
  teamNameZh: teams.nameZh,
  teamNameEn: teams.nameEn,
};

/** The people whose work the caller may reassign (admins: everyone; a manager: their team), with their counts. */
export async function listReassignable(db: Db, viewer: Viewer) {
  if (viewer.role !== "admin" && !(viewer.role === "manager" && viewer.teamId)) return [];
  const rows = await db
    .select(person)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(isNull(users.deletedAt), viewer.role === "admin" ? undefined : eq(users.teamId, viewer.teamId!)))
    .orderBy(asc(users.name), asc(users.email));
  const counts = await countWork(db, rows.map((r) => r.id));
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.email, teamNameZh: r.teamNameZh, teamNameEn: r.teamNameEn, deactivated: r.deactivatedAt !== null, counts: counts.get(r.id)! }));
}

/**
 * The preview of a reassignment: the person, what they own per kind, and who may receive it.
 * Null when there is no such person or the caller may not reassign their work.
 */
export async function getReassignment(db: Db, viewer: Viewer, personId: string) {
  const [row] = await db.select(person).from(users).leftJoin(teams, eq(teams.id, users.teamId)).where(and(eq(users.id, personId), isNull(users.deletedAt)));
  if (!row || !mayReassignFrom(viewer, row)) return null;
  const [counts, candidates] = await Promise.all([
    countWork(db, [row.id]),
    db
      .select({ id: users.id, name: users.name, email: users.email, teamId: users.teamId, role: users.role, deactivatedAt: users.deactivatedAt })
      .from(users)
      .where(
        and(
          isNull(users.deletedAt),
          isNull(users.deactivatedAt),
          ne(users.id, row.id),
          ne(users.role, "viewer"),
          viewer.role === "admin" ? undefined : eq(users.teamId, viewer.teamId!),
        ),
      )
      .orderBy(asc(users.name), asc(users.email)),
  ]);
  return {
    person: { id: row.id, name: row.name ?? row.email, email: row.email, teamNameZh: row.teamNameZh, teamNameEn: row.teamNameEn, deactivated: row.deactivatedAt !== null },
    counts: counts.get(row.id)!,
    // Two people can share a name: the e-mail tells them apart.
    targets: candidates.filter((c) => mayReceive(viewer, c)).map((c) => ({ id: c.id, name: c.name ?? c.email, email: c.email })),
  };
}

/** Locks the giver and the receiver, in id order so that two reassignments never wait on each other. */
export async function lockPeople(tx: Tx, ids: string[]) {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, teamId: users.teamId, deactivatedAt: users.deactivatedAt, version: users.version })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.deletedAt)))
    .orderBy(asc(users.id))
    .for("update");
}
