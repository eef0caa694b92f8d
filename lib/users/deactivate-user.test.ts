import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, sessions, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeViewer, t } from "@/test/support/fixtures";
import { deactivateUser } from "./actions/deactivate-user";

let database: Database;
let admin: Viewer;
let manager: Viewer;
let staff: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await makeViewer(database.db, "admin");
  manager = await makeViewer(database.db, "manager");
  staff = await makeViewer(database.db, "staff");
  const expires = new Date(Date.now() + 3_600_000);
  await database.db.insert(sessions).values([
    { sessionToken: "staff-laptop", userId: staff.id, expires },
    { sessionToken: "staff-phone", userId: staff.id, expires },
    { sessionToken: "manager-laptop", userId: manager.id, expires },
  ]);
});
afterAll(() => database?.close());

const run = (who: Viewer, userId: string) => runAction(deactivateUser.definition, { viewer: who, db: database.db, t }, { userId });
const sessionCount = async (userId: string) =>
  (await database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;

describe("deactivate user", () => {
  it("is refused to a manager and changes nothing", async () => {
    expect(await run(manager, staff.id)).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await sessionCount(staff.id)).toBe(2);
  });

  it("ends every session of the person at once and records who did it", async () => {
    const result = await run(admin, staff.id);
    expect(result).toEqual({ ok: true, data: { sessionsEnded: 2 } });
    expect(await sessionCount(staff.id)).toBe(0);
    expect(await sessionCount(manager.id)).toBe(1);
    const [row] = await database.db.select().from(users).where(eq(users.id, staff.id));
    expect(row!.deactivatedAt).toBeInstanceOf(Date);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.deactivate"));
    expect(audit).toMatchObject({ actorId: admin.id, entityId: staff.id, before: { deactivatedAt: null } });
  });

  it("does not let an admin lock themselves out", async () => {
    expect(await run(admin, admin.id)).toMatchObject({ ok: false, fieldErrors: { userId: ["You cannot do this to your own account."] } });
  });

  it("answers an unknown id as not found", async () => {
    expect(await run(admin, "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
  });
});
