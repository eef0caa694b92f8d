import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, delegations, enterprises, followUps, projects, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { reassignWork } from "./actions/reassign-work";
import { setUserTeam } from "./actions/set-user-access";
import { getReassignment, listReassignable } from "./reassign";

let database: Database;
let admin: Viewer, managerA: Viewer, managerB: Viewer, staffA: Viewer, staffA2: Viewer, staffB: Viewer, former: Viewer, viewerA: Viewer;
let teamA: string, teamB: string;
const ids = { projects: [] as string[], deletedProject: "", enterprise: "", otherEnterprise: "", delegation: "", open: [] as string[], closed: [] as string[] };

const run = (who: Viewer, userId: string, toUserId: string) => runAction(reassignWork.definition, { viewer: who, db: database.db, t }, { userId, toUserId });

async function owners() {
  const db = database.db;
  const [p, e, d, f] = await Promise.all([
    db.select({ id: projects.id, ownerId: projects.ownerId, teamId: projects.teamId, version: projects.version }).from(projects).where(inArray(projects.id, [...ids.projects, ids.deletedProject])),
    db.select({ id: enterprises.id, ownerId: enterprises.ownerId, version: enterprises.version }).from(enterprises).where(inArray(enterprises.id, [ids.enterprise, ids.otherEnterprise])),
    db.select({ id: delegations.id, ownerId: delegations.ownerId, version: delegations.version }).from(delegations).where(eq(delegations.id, ids.delegation)),
    db.select({ id: followUps.id, assigneeId: followUps.assigneeId, status: followUps.status, version: followUps.version }).from(followUps).where(inArray(followUps.id, [...ids.open, ...ids.closed])),
  ]);
  return { p, e, d, f };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  teamA = (await makeTeam(db)).id;
  teamB = (await makeTeam(db)).id;
  admin = await makeViewer(db, "admin");
  managerA = await makeViewer(db, "manager", teamA);
  managerB = await makeViewer(db, "manager", teamB);
  staffA = await makeViewer(db, "staff", teamA);
  staffA2 = await makeViewer(db, "staff", teamA);
  staffB = await makeViewer(db, "staff", teamB);
  viewerA = await makeViewer(db, "viewer", teamA);
  former = await makeViewer(db, "staff", teamA);
  await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, former.id));

  const mine = await makeEnterprise(db, teamA);
  const other = await makeEnterprise(db, teamA);
  await db.update(enterprises).set({ ownerId: staffA.id }).where(eq(enterprises.id, mine.id));
  ids.enterprise = mine.id;
  ids.otherEnterprise = other.id;
  const owned = { ownerId: staffA.id, teamId: teamA, createdBy: staffA.id, updatedBy: staffA.id };
  const made = await db
    .insert(projects)
    .values([
      { enterpriseId: mine.id, name: "甲项目", ...owned },
      { enterpriseId: other.id, name: "乙项目", stage: "signed", plannedAmount: "1000000.00", confidential: true, ...owned },
      { enterpriseId: other.id, name: "已删除项目", deletedAt: new Date(), ...owned },
    ])
    .returning({ id: projects.id });
  ids.projects = made.slice(0, 2).map((p) => p.id);
  ids.deletedProject = made[2]!.id;
  const [delegation] = await db
    .insert(delegations)
    .values({ direction: "outbound", name: "深圳招商行", startsOn: "2026-03-01", endsOn: "2026-03-03", ...owned })
    .returning({ id: delegations.id });
  ids.delegation = delegation!.id;
  const fu = (title: string, status: "open" | "done" | "cancelled") => ({ enterpriseId: mine.id, teamId: teamA, title, assigneeId: staffA.id, dueOn: "2026-12-01", status, createdBy: staffA.id });
  const rows = await db
    .insert(followUps)
    .values([fu("回访", "open"), fu("寄资料", "open"), fu("已办", "done"), fu("取消", "cancelled")])
    .returning({ id: followUps.id, status: followUps.status });
  ids.open = rows.filter((r) => r.status === "open").map((r) => r.id);
  ids.closed = rows.filter((r) => r.status !== "open").map((r) => r.id);
});
afterAll(() => database?.close());

describe("reassigning a person's work", () => {
  it("previews what the person owns, per kind, and who may receive it", async () => {
    const preview = await getReassignment(database.db, managerA, staffA.id);
    expect(preview?.counts).toEqual({ followUps: 2, projects: 2, enterprises: 1, delegations: 1 });
    // Active people of the manager's team who can own records: not the person, a viewer or the deactivated.
    expect(preview?.targets.map((p) => p.id).sort()).toEqual([managerA.id, staffA2.id].sort());
    const adminPreview = await getReassignment(database.db, admin, staffA.id);
    expect(adminPreview?.targets.map((p) => p.id)).toEqual(expect.arrayContaining([staffB.id, managerB.id, admin.id]));
    expect(await getReassignment(database.db, managerB, staffA.id)).toBeNull();
    expect(await getReassignment(database.db, staffA2, staffA.id)).toBeNull();
    expect((await listReassignable(database.db, managerA)).map((p) => p.id)).not.toContain(staffB.id);
    expect(await listReassignable(database.db, staffA)).toEqual([]);
  });

  it("is refused to staff and viewers, and to another team's manager as if the person did not exist", async () => {
    const before = await owners();
    expect(await run(staffA2, staffA.id, staffA2.id)).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(viewerA, staffA.id, staffA2.id)).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect(await run(managerB, staffA.id, staffB.id)).toMatchObject({ ok: false, message: t("errors.notFound") });
    expect(await owners()).toEqual(before);
  });

  it("refuses a receiver who is deactivated, a viewer, the person themselves, or (for a manager) of another team", async () => {
    const before = await owners();
    const refused = { ok: false, fieldErrors: { toUserId: [t("admin.reassign.targetRefused")] } };
    expect(await run(managerA, staffA.id, staffB.id)).toMatchObject(refused);
    expect(await run(admin, staffA.id, former.id)).toMatchObject(refused);
    expect(await run(admin, staffA.id, viewerA.id)).toMatchObject(refused);
    expect(await run(admin, staffA.id, staffA.id)).toMatchObject({ ok: false, fieldErrors: { toUserId: [t("validation.invalid")] } });
    expect(await owners()).toEqual(before);
  });

  it("moves everything open in one audited step, bumps versions, and leaves closed follow-ups and deleted rows alone", async () => {
    const before = await owners();
    const result = await run(managerA, staffA.id, staffA2.id);
    expect(result).toEqual({ ok: true, data: { followUps: 2, projects: 2, enterprises: 1, delegations: 1 } });
    const after = await owners();
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const [pb, pa] = [byId(before.p), byId(after.p)];
    for (const id of ids.projects) expect(pa.get(id)).toMatchObject({ ownerId: staffA2.id, teamId: teamA, version: pb.get(id)!.version + 1 });
    expect(pa.get(ids.deletedProject)).toEqual(pb.get(ids.deletedProject));
    expect(byId(after.e).get(ids.enterprise)).toMatchObject({ ownerId: staffA2.id, version: byId(before.e).get(ids.enterprise)!.version + 1 });
    expect(byId(after.e).get(ids.otherEnterprise)).toEqual(byId(before.e).get(ids.otherEnterprise));
    expect(after.d[0]).toMatchObject({ ownerId: staffA2.id, version: before.d[0]!.version + 1 });
    const [fb, fa] = [byId(before.f), byId(after.f)];
    for (const id of ids.open) expect(fa.get(id)).toMatchObject({ assigneeId: staffA2.id, version: fb.get(id)!.version + 1 });
    for (const id of ids.closed) expect(fa.get(id)).toEqual(fb.get(id));

    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.reassignWork"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: managerA.id, entityType: "user", entityId: staffA.id, after: { toUserId: staffA2.id, counts: { followUps: 2, projects: 2, enterprises: 1, delegations: 1 } } });
    expect((audit[0]!.before as { projects: string[] }).projects.sort()).toEqual([...ids.projects].sort());
    expect((await getReassignment(database.db, managerA, staffA.id))?.counts).toEqual({ followUps: 0, projects: 0, enterprises: 0, delegations: 0 });
  });

  it("makes a form opened on a moved record before the move meet a conflict", async () => {
    const [row] = await database.db.select().from(enterprises).where(eq(enterprises.id, ids.enterprise));
    const stale = await runAction(updateEnterprise.definition, { viewer: admin, db: database.db, t }, { id: ids.enterprise, version: row!.version - 1, nameZh: row!.nameZh, city: "深圳" });
    expect(stale).toMatchObject({ ok: false, message: t("errors.conflict") });
  });

  it("keeps a person's history when they change team: their records and audit entries stay theirs", async () => {
    const [person] = await database.db.select({ version: users.version }).from(users).where(eq(users.id, staffA2.id));
    const audited = await database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorId, managerA.id));
    const moved = await runAction(setUserTeam.definition, { viewer: admin, db: database.db, t }, { userId: staffA2.id, teamId: teamB, version: person!.version });
    expect(moved.ok).toBe(true);
    // What they own keeps its owner and its team: history is not rewritten by a move.
    const rows = await database.db.select({ ownerId: projects.ownerId, teamId: projects.teamId }).from(projects).where(inArray(projects.id, ids.projects));
    expect(rows).toEqual(ids.projects.map(() => ({ ownerId: staffA2.id, teamId: teamA })));
    expect(await database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorId, managerA.id))).toEqual(audited);
    // Team A's manager no longer reassigns them; an admin still can, back into team A.
    expect(await run(managerA, staffA2.id, staffA.id)).toMatchObject({ ok: false, message: t("errors.notFound") });
    expect(await run(admin, staffA2.id, staffA.id)).toMatchObject({ ok: true, data: { projects: 2 } });
    const back = await database.db.select({ ownerId: projects.ownerId }).from(projects).where(and(inArray(projects.id, ids.projects), eq(projects.ownerId, staffA.id)));
    expect(back).toHaveLength(2);
  });
});
