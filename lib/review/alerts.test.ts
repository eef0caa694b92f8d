import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, followUps, projects, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { addDays, shanghaiDay } from "@/lib/time";
import { listFollowUpsFor } from "@/lib/follow-ups/queries";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { assignAlert } from "./actions/assign-alert";
import { clampParam, listOverdueFollowUps, listSignedNotStarted, listStalledProjects, STALLED_DAYS } from "./alerts";

let database: Database;
let manager2: Viewer, staff2: Viewer, zhengXue: Viewer, staff: Viewer, manager: Viewer;
const HAONENG = "昊能科技储能变流器生产基地";
const SECRET = "保密储能测试项目（长期停滞）";

async function person(key: string): Promise<Viewer> {
  const [u] = await database.db.select().from(users).where(eq(users.email, `${key}@landfall.example`));
  if (!u) throw new Error(`no seeded user ${key}`);
  return { id: u.id, name: u.name ?? key, email: u.email, role: u.role, teamId: u.teamId, locale: null };
}

const run = (who: Viewer, input: Record<string, unknown>) =>
  runAction(assignAlert.definition, { viewer: who, db: database.db, t }, input) as Promise<
    { ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string[]> }
  >;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  manager2 = await person("manager2");
  staff2 = await person("staff2");
  zhengXue = await person("zheng.xue");
  staff = await person("staff");
  manager = await person("manager");
  const [haoneng] = await database.db.select().from(projects).where(eq(projects.name, HAONENG));
  // A confidential storage project nobody has touched for two years.
  const old = new Date(Date.now() - 730 * 86_400_000);
  await database.db.insert(projects).values({
    enterpriseId: haoneng!.enterpriseId, name: SECRET, stage: "intent", status: "active", confidential: true,
    ownerId: staff2.id, teamId: staff2.teamId, createdBy: staff2.id, updatedBy: staff2.id, createdAt: old, stageChangedAt: old,
  });
});
afterAll(() => database?.close());

describe("alerts", () => {
  it("list a seeded stalled project and the signed-but-not-started 昊能科技 project", async () => {
    const stalled = await listStalledProjects(database.db, manager2, 60);
    expect(stalled.length).toBeGreaterThan(0);
    for (const row of stalled) expect(row.lastActivity.getTime()).toBeLessThan(Date.now() - 60 * 86_400_000);
    // Last stage change 2026-04-21, no visit or follow-up since.
    expect(stalled.map((r) => r.name)).toContain("港通独立储能电站");
    // Moved to intent 2026-10-28: alive.
    expect(stalled.map((r) => r.name)).not.toContain("户用储能系统产线项目（保密）");
    expect(stalled.every((r) => r.stage !== "production" && (r.status === "active" || r.status === "delayed"))).toBe(true);

    const signed = await listSignedNotStarted(database.db, manager2, 12);
    const haoneng = signed.find((r) => r.name === HAONENG);
    expect(haoneng).toMatchObject({ signedOn: "2024-03-18", termMonths: 12, deadline: "2025-03-18" });
    // 布雷博 signed 2026-09-15 with 9 agreed months: not late yet.
    expect(signed.map((r) => r.name)).not.toContain("布雷博新能源汽车制动系统扩产项目");
  });

  it("widen and narrow with the stalled-days threshold, clamped to 7–365", async () => {
    const short = await listStalledProjects(database.db, manager2, 7);
    const long = await listStalledProjects(database.db, manager2, 365);
    expect(short.length).toBeGreaterThanOrEqual(long.length);
    expect(clampParam("3", STALLED_DAYS)).toBe(7);
    expect(clampParam("9999", STALLED_DAYS)).toBe(365);
    expect(clampParam("abc", STALLED_DAYS)).toBe(60);
    expect(clampParam(undefined, STALLED_DAYS)).toBe(60);
  });

  it("list overdue open follow-ups of the viewer's team", async () => {
    const overdue = await listOverdueFollowUps(database.db, manager2);
    expect(overdue.map((r) => r.title)).toContain("电话督促昊能科技确认开工时间表");
    expect(overdue.every((r) => r.dueOn < shanghaiDay())).toBe(true);
    expect((await listOverdueFollowUps(database.db, manager)).map((r) => r.title)).not.toContain("电话督促昊能科技确认开工时间表");
  });

  it("hide a confidential project's alerts from staff who may not see it", async () => {
    expect((await listStalledProjects(database.db, manager2, 60)).map((r) => r.name)).toContain(SECRET);
    expect((await listStalledProjects(database.db, staff2, 60)).map((r) => r.name)).toContain(SECRET);
    expect((await listStalledProjects(database.db, zhengXue, 60)).map((r) => r.name)).not.toContain(SECRET);
    expect((await listStalledProjects(database.db, staff, 60)).map((r) => r.name)).not.toContain(SECRET);
  });

  it("assigning creates exactly one follow-up for the assignee, due in a week, with an audit row", async () => {
    const [haoneng] = await database.db.select().from(projects).where(eq(projects.name, HAONENG));
    const before = await database.db.select().from(followUps).where(eq(followUps.projectId, haoneng!.id));
    const result = await run(manager2, { projectId: haoneng!.id, kind: "signedNotStarted", assigneeId: zhengXue.id });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const after = await database.db.select().from(followUps).where(eq(followUps.projectId, haoneng!.id));
    expect(after).toHaveLength(before.length + 1);
    const created = after.find((f) => f.id === result.data.id);
    expect(created).toMatchObject({ assigneeId: zhengXue.id, teamId: manager2.teamId, status: "open", dueOn: addDays(shanghaiDay(), 7) });
    expect(created!.title).toContain(HAONENG);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, result.data.id), eq(auditLog.action, "alert.assign")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(manager2.id);
    const theirs = await listFollowUpsFor(database.db, zhengXue, { projectId: haoneng!.id });
    expect(theirs.open.find((f) => f.id === result.data.id)).toMatchObject({ assigneeName: zhengXue.name, canEdit: true });
  });

  it("refuse staff, people of another team, and projects the manager cannot see", async () => {
    const [haoneng] = await database.db.select().from(projects).where(eq(projects.name, HAONENG));
    const [secret] = await database.db.select().from(projects).where(eq(projects.name, SECRET));
    const count = async () => (await database.db.select().from(followUps)).length;
    const n = await count();
    expect(await run(staff2, { projectId: haoneng!.id, kind: "stalled", assigneeId: zhengXue.id })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(manager2, { projectId: haoneng!.id, kind: "stalled", assigneeId: staff.id })).toMatchObject({ ok: false, fieldErrors: { assigneeId: [expect.any(String)] } });
    expect(await run(manager2, { projectId: haoneng!.id, kind: "stalled", assigneeId: "" })).toMatchObject({ ok: false, fieldErrors: { assigneeId: [expect.any(String)] } });
    expect(await run(manager, { projectId: secret!.id, kind: "stalled", assigneeId: staff.id })).toMatchObject({ ok: false, message: t("errors.notFound") });
    expect(await count()).toBe(n);
  });
});
