import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises, sessions, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import { viewerForSession } from "@/lib/auth/session-lookup";
import { sessionPolicy } from "@/lib/auth/session-policy";
import type { Viewer } from "@/lib/auth/viewer";
import { searchColumns } from "@/lib/enterprises/search-index";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { deactivateUser } from "./actions/deactivate-user";
import { reactivateUser } from "./actions/reactivate-user";

let database: Database;
let admin: Viewer;
let manager: Viewer;
let staff: Viewer;
let enterpriseId: string;
const policy = sessionPolicy({ SESSION_IDLE_MINUTES: 120, SESSION_MAX_HOURS: 12 });

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  admin = await makeViewer(database.db, "admin");
  manager = await makeViewer(database.db, "manager", team.id);
  staff = await makeViewer(database.db, "staff", team.id);
  const [e] = await database.db
    .insert(enterprises)
    .values({ nameZh: "复职测试企业", ...searchColumns({ nameZh: "复职测试企业", nameEn: null, creditCode: null }), ownerId: staff.id, teamId: team.id, createdBy: staff.id, updatedBy: staff.id })
    .returning({ id: enterprises.id });
  enterpriseId = e!.id;
});
afterAll(() => database?.close());

const deactivate = (who: Viewer, userId: string) => runAction(deactivateUser.definition, { viewer: who, db: database.db, t }, { userId });
const reactivate = (who: Viewer | null, userId: string) => runAction(reactivateUser.definition, { viewer: who, db: database.db, t }, { userId });
const person = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
const audits = async (entityId: string) =>
  database.db.select().from(auditLog).where(and(eq(auditLog.action, "user.reactivate"), eq(auditLog.entityId, entityId)));

/** What the sign-in callback asks before letting someone in (lib/auth/config.ts): is the account found by e-mail deactivated? */
async function refusedAtSignIn(email: string) {
  const [row] = await database.db.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return Boolean(row?.deactivatedAt);
}

/** A fresh session, as the adapter writes one after a successful sign-in, and who it lets in. */
async function signInAs(userId: string) {
  const sessionToken = `reactivate-${userId}-${Date.now()}`;
  await database.db.insert(sessions).values({ sessionToken, userId, expires: new Date(Date.now() + 3_600_000) });
  return viewerForSession(database.db, sessionToken, policy);
}

describe("reactivate user", () => {
  it("lets a deactivated person sign in again with the role, team and records they had, and records who did it", async () => {
    expect(await deactivate(admin, staff.id)).toMatchObject({ ok: true });
    expect(await refusedAtSignIn(staff.email)).toBe(true);
    expect(await signInAs(staff.id)).toBeNull();
    const deactivated = await person(staff.id);

    const result = await reactivate(admin, staff.id);
    expect(result).toEqual({ ok: true, data: { id: staff.id, version: deactivated.version + 1 } });

    const row = await person(staff.id);
    expect(row).toMatchObject({ deactivatedAt: null, role: "staff", teamId: staff.teamId, updatedBy: admin.id });
    expect(await refusedAtSignIn(staff.email.toUpperCase())).toBe(false);
    expect(await signInAs(staff.id)).toMatchObject({ id: staff.id, role: "staff", teamId: staff.teamId });
    const [owned] = await database.db.select({ ownerId: enterprises.ownerId, teamId: enterprises.teamId }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(owned).toEqual({ ownerId: staff.id, teamId: staff.teamId });

    const [audit] = await audits(staff.id);
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "user", before: { deactivatedAt: expect.any(String), role: "staff" }, after: { deactivatedAt: null, role: "staff", teamId: staff.teamId } });
  });

  it("is refused to a manager, to staff and to the signed-out, and nothing is written", async () => {
    expect(await deactivate(admin, staff.id)).toMatchObject({ ok: true });
    const before = await person(staff.id);
    const [{ n: auditBefore }] = (await database.db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(await reactivate(manager, staff.id)).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await reactivate(staff, staff.id)).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await reactivate(null, staff.id)).toMatchObject({ ok: false, message: "Your session has ended. Sign in again." });
    expect(await person(staff.id)).toEqual(before);
    expect((await database.db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
    expect(await refusedAtSignIn(staff.email)).toBe(true);
  });

  it("answers an unknown id as not found", async () => {
    expect(await reactivate(admin, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, message: "This record does not exist or you cannot see it." });
  });
});
