import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { followUps } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createProject } from "@/lib/projects/actions/create-project";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { cancelFollowUp } from "./actions/cancel-follow-up";
import { completeFollowUp } from "./actions/complete-follow-up";
import { createFollowUp } from "./actions/create-follow-up";
import { reassignFollowUp } from "./actions/reassign-follow-up";
import { rescheduleFollowUp } from "./actions/reschedule-follow-up";
import { addDays, shanghaiDay } from "@/lib/time";
import { listFollowUpsFor, listMyDay } from "./queries";

let database: Database;
let staff: Viewer, colleague: Viewer, manager: Viewer, outsider: Viewer, viewer: Viewer;
let enterpriseId: string;
const today = shanghaiDay();

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  staff = await makeViewer(db, "staff", team.id);
  colleague = await makeViewer(db, "staff", team.id);
  manager = await makeViewer(db, "manager", team.id);
  outsider = await makeViewer(db, "staff", other.id);
  viewer = await makeViewer(db, "viewer");
  enterpriseId = (await makeEnterprise(db, team.id)).id;
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

async function create(who: Viewer, extra: Record<string, unknown> = {}) {
  const result = await run(createFollowUp, who, { enterpriseId, title: `电话回访 ${Math.random()}`, kind: "call", dueOn: today, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}
const load = async (id: string) => (await database.db.select().from(followUps).where(eq(followUps.id, id)))[0]!;

describe("follow-ups", () => {
  it("are created for the creator and their team, from an enterprise or a project; viewers cannot", async () => {
    const id = await create(staff);
    expect(await load(id)).toMatchObject({ assigneeId: staff.id, teamId: staff.teamId, status: "open", dueOn: today, version: 1 });
    const project = await run(createProject, staff, { enterpriseId, name: "跟进测试项目" });
    if (!project.ok) throw new Error("project");
    const withProject = await create(staff, { projectId: project.data.id });
    expect((await listFollowUpsFor(database.db, staff, { projectId: project.data.id })).open.map((f) => f.id)).toEqual([withProject]);
    expect(await run(createFollowUp, viewer, { enterpriseId, title: "x", dueOn: today })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(createFollowUp, staff, { enterpriseId, title: " ", dueOn: "" })).toMatchObject({ ok: false, fieldErrors: { title: ["This field is required."], dueOn: ["This field is required."] } });
  });

  it("keeps a confidential project's follow-ups from people who cannot see the project", async () => {
    const secret = await run(createProject, staff, { enterpriseId, name: "保密项目", confidential: "on" });
    if (!secret.ok) throw new Error("project");
    expect(await run(createFollowUp, colleague, { enterpriseId, projectId: secret.data.id, title: "x", dueOn: today })).toMatchObject({
      ok: false,
      fieldErrors: { projectId: ["This project does not belong to the enterprise."] },
    });
    const id = await create(staff, { projectId: secret.data.id });
    expect((await listMyDay(database.db, manager, "team")).dueToday.some((f) => f.id === id)).toBe(true);
    expect((await listMyDay(database.db, colleague, "team")).dueToday.some((f) => f.id === id)).toBe(false);
  });

  it("groups My day into overdue, today and the next seven days, in Asia/Shanghai days", async () => {
    const me = await makeViewer(database.db, "staff", staff.teamId);
    const day = "2026-11-18"; // a Wednesday
    const ids = {
      overdue: await create(me, { dueOn: "2026-11-17" }),
      today: await create(me, { dueOn: day }),
      week: await create(me, { dueOn: "2026-11-24" }),
      later: await create(me, { dueOn: "2026-11-25" }),
    };
    const done = await create(me, { dueOn: "2026-11-16" });
    const versionOf = async (id: string) => (await load(id)).version;
    await run(completeFollowUp, me, { id: done, version: await versionOf(done), outcome: "已完成" });
    const myDay = await listMyDay(database.db, me, "me", day);
    expect(myDay.overdue.map((f) => f.id)).toEqual([ids.overdue]);
    expect(myDay.dueToday.map((f) => f.id)).toEqual([ids.today]);
    expect(myDay.thisWeek.map((f) => f.id)).toEqual([ids.week]);
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("completes with an outcome, reschedules to today or later, reassigns within the team, cancels", async () => {
    const id = await create(staff);
    expect(await run(completeFollowUp, staff, { id, version: 1, outcome: "" })).toMatchObject({ ok: false, fieldErrors: { outcome: ["This field is required."] } });
    expect(await run(rescheduleFollowUp, staff, { id, version: 1, dueOn: addDays(today, -1) })).toMatchObject({ ok: false, fieldErrors: { dueOn: ["Choose today or a later day."] } });
    expect(await run(rescheduleFollowUp, staff, { id, version: 1, dueOn: addDays(today, 3) })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await run(reassignFollowUp, staff, { id, version: 2, assigneeId: outsider.id })).toMatchObject({ ok: false, fieldErrors: { assigneeId: ["Choose someone in the follow-up's team."] } });
    expect(await run(reassignFollowUp, staff, { id, version: 2, assigneeId: colleague.id })).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await run(completeFollowUp, colleague, { id, version: 3, outcome: "企业确认下周来访" })).toMatchObject({ ok: true });
    expect(await load(id)).toMatchObject({ status: "done", outcome: "企业确认下周来访", assigneeId: colleague.id, dueOn: addDays(today, 3) });
    expect((await load(id)).completedAt).toBeInstanceOf(Date);
    expect(await run(cancelFollowUp, colleague, { id, version: 4 })).toMatchObject({ ok: false, fieldErrors: { id: ["This follow-up is already closed."] } });
    const other = await create(staff);
    expect(await run(cancelFollowUp, manager, { id: other, version: 1, outcome: "企业暂停投资" })).toMatchObject({ ok: true });
    expect(await load(other)).toMatchObject({ status: "cancelled" });
  });

  it("refuses other teams and stale versions without changing anything", async () => {
    const id = await create(staff);
    expect(await run(completeFollowUp, outsider, { id, version: 1, outcome: "x" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(rescheduleFollowUp, staff, { id, version: 1, dueOn: addDays(today, 1) })).toMatchObject({ ok: true });
    expect(await run(rescheduleFollowUp, colleague, { id, version: 1, dueOn: addDays(today, 5) })).toMatchObject({
      ok: false,
      message: "Someone else changed this record while you were editing it.",
    });
    expect(await load(id)).toMatchObject({ dueOn: addDays(today, 1), version: 2 });
  });

  // The reschedule and reassign forms show the other person's value beside the typed one.
  it("answers a stale reschedule or reassignment with the other person's value of that form's field", async () => {
    const id = await create(staff);
    expect(await run(rescheduleFollowUp, manager, { id, version: 1, dueOn: addDays(today, 4) })).toMatchObject({ ok: true });
    const reschedule = await run(rescheduleFollowUp, staff, { id, version: 1, dueOn: addDays(today, 2) });
    expect(reschedule).toMatchObject({ ok: false, message: t("errors.conflict"), details: { current: { version: 2, updatedBy: manager.name, values: { dueOn: addDays(today, 4) } } } });
    expect((reschedule as { details: { current: { values: object } } }).details.current.values).toEqual({ dueOn: addDays(today, 4) });

    expect(await run(reassignFollowUp, manager, { id, version: 2, assigneeId: colleague.id })).toMatchObject({ ok: true });
    const reassign = await run(reassignFollowUp, staff, { id, version: 2, assigneeId: manager.id });
    expect(reassign).toMatchObject({ ok: false, message: t("errors.conflict"), details: { current: { version: 3, updatedBy: manager.name, values: { assigneeId: colleague.id } } } });
    expect((reassign as { details: { current: { values: object } } }).details.current.values).toEqual({ assigneeId: colleague.id });
    expect(await load(id)).toMatchObject({ dueOn: addDays(today, 4), assigneeId: colleague.id, version: 3 });

    // Closed meanwhile, there is nothing to save over: the bare conflict, no values.
    expect(await run(completeFollowUp, colleague, { id, version: 3, outcome: "已办结" })).toMatchObject({ ok: true });
    const closed = await run(rescheduleFollowUp, staff, { id, version: 3, dueOn: addDays(today, 2) });
    expect(closed).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect((closed as { details: { current: { values?: unknown } } }).details.current.values).toBeUndefined();
    expect(await load(id)).toMatchObject({ status: "done", dueOn: addDays(today, 4), version: 4 });
  });
});
