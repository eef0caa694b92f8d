import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { enterprises, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { deleteEnterprise } from "@/lib/enterprises/actions/delete-enterprise";
import { searchColumns } from "@/lib/enterprises/search-index";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { setUserRole } from "@/lib/users/actions/set-user-access";

// A conflict answer goes to the browser: it names the record and its current version, never the
// row as stored, whose columns include what nobody is shown (a calendar-feed token, search keys).
let database: Database;
let admin: Viewer;
let person: Viewer;
const FEED_TOKEN = "someone-elses-feed-token-000000000000000000";

beforeAll(async () => {
  database = await openTestDatabase();
  admin = await makeViewer(database.db, "admin");
  person = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
  await database.db.update(users).set({ icsToken: FEED_TOKEN, version: 2 }).where(eq(users.id, person.id));
});
afterAll(() => database?.close());

describe("a stale version", () => {
  it("on a person: the answer carries the role form's value and the version, not their row with the feed token", async () => {
    const result = await runAction(setUserRole.definition, { viewer: admin, db: database.db, t }, { userId: person.id, role: "manager", version: 1 });
    expect(result).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect(result.ok === false && result.details).toEqual({ current: { values: { role: "staff" }, version: 2, updatedAt: expect.any(String), updatedBy: null } });
    expect(JSON.stringify(result)).not.toContain(FEED_TOKEN);
    expect((await database.db.select({ role: users.role }).from(users).where(eq(users.id, person.id)))[0]?.role).toBe("staff");
  });

  it("on an enterprise: the answer carries its id and version, not its stored columns", async () => {
    const values = { nameZh: "冲突测试企业", nameEn: "Conflict Answer Works" };
    const [row] = await database.db
      .insert(enterprises)
      .values({ ...values, ...searchColumns(values), teamId: person.teamId, ownerId: person.id, version: 3 })
      .returning();
    const result = await runAction(deleteEnterprise.definition, { viewer: admin, db: database.db, t }, { id: row!.id, version: 2 });
    expect(result).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect(result.ok === false && result.details).toEqual({ current: { id: row!.id, version: 3 } });
    expect((await database.db.select({ deletedAt: enterprises.deletedAt }).from(enterprises).where(eq(enterprises.id, row!.id)))[0]?.deletedAt).toBeNull();
  });
});
