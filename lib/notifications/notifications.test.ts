import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { notifications, projects, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { reassignFollowUp } from "@/lib/follow-ups/actions/reassign-follow-up";
import { createProject } from "@/lib/projects/actions/create-project";
import { decideStageRequest } from "@/lib/projects/actions/decide-stage-request";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { setProjectStatus } from "@/lib/projects/actions/set-status";
import { addDays, shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { markAllNotificationsRead, markNotificationRead } from "./actions/mark-read";
import { countUnread, listDueFollowUps, listInbox } from "./queries";

let database: Database;
const today = shanghaiDay();

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string };
const run = async (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) => {
  const result = (await runAction(def.definition as never, { viewer: who, db: database.db, t }, input)) as Result;
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
};
const tryRun = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) => runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const kinds = async (who: Viewer) => (await listInbox(database.db, who)).map((i) => i.kind);

/** A team of its own per test: a manager, two staff, an enterprise. */
async function team() {
  const db = database.db;
  const { id } = await makeTeam(db);
  const [manager, staff, colleague] = [await makeViewer(db, "manager", id), await makeViewer(db, "staff", id), await makeViewer(db, "staff", id)];
  const enterpriseId = (await makeEnterprise(db, id)).id;
  return { manager, staff, colleague, enterpriseId };
}

describe("the inbox", () => {
  it("holds a follow-up given by someone else, never one's own; it opens the follow-ups and is counted until read", async () => {
    const { manager, staff, colleague, enterpriseId } = await team();
    await run(createFollowUp, staff, { enterpriseId, title: "自己的回访", dueOn: addDays(today, 3) });
    expect(await countUnread(database.db, staff)).toBe(0);

    const given = await run(createFollowUp, manager, { enterpriseId, title: "寄送园区资料", dueOn: today, assigneeId: staff.id });
    expect(await countUnread(database.db, staff)).toBe(1);
    expect(await countUnread(database.db, manager)).toBe(0);
    const [item] = await listInbox(database.db, staff);
    expect(item).toMatchObject({ kind: "followUpAssigned", title: "寄送园区资料", actorName: manager.name, unread: true, href: `/enterprises/${enterpriseId}#follow-ups` });
    // Due today: in the list computed when read.
    expect((await listDueFollowUps(database.db, staff)).map((f) => f.id)).toContain(given.id);

    // Someone else cannot mark it; its recipient can, once.
    expect(await tryRun(markNotificationRead, colleague, { id: item!.id })).toMatchObject({ ok: false, message: t("errors.notFound") });
    await run(markNotificationRead, staff, { id: item!.id });
    expect(await countUnread(database.db, staff)).toBe(0);
    expect((await listInbox(database.db, staff))[0]).toMatchObject({ id: item!.id, unread: false });

    // Given on to a colleague: the colleague is told, the one who gave it is not.
    await run(reassignFollowUp, staff, { id: given.id, version: 1, assigneeId: colleague.id });
    expect(await kinds(colleague)).toEqual(["followUpAssigned"]);
    expect(await kinds(staff)).toEqual(["followUpAssigned"]);
  });

  it("asks the team's managers to verify, tells the requester the decision, and the owner of a change by someone else", async () => {
    const { manager, staff, colleague, enterpriseId } = await team();
    const project = await run(createProject, colleague, { enterpriseId, name: "储能电站项目" });
    await database.db.update(projects).set({ stage: "signed", signedOn: "2026-01-10" }).where(eq(projects.id, project.id));

    // staff (not the owner) asks to move it past a verified milestone: a pending request.
    await run(moveProjectStage, staff, { id: project.id, version: 1, toStage: "registered" });
    expect(await kinds(manager)).toEqual(["verificationRequested"]);
    // The request changes nothing of the project yet: its owner is not told.
    expect(await kinds(colleague)).toEqual([]);
    expect(await kinds(staff)).toEqual([]);

    const [request] = await database.db.select({ id: notifications.recordId }).from(notifications).where(eq(notifications.recipientId, manager.id));
    expect(request!.id).toBe(project.id);
    const [pending] = await database.db.select({ id: stageChanges.id }).from(stageChanges).where(and(eq(stageChanges.projectId, project.id), eq(stageChanges.state, "pending")));
    await run(decideStageRequest, manager, { requestId: pending!.id, decision: "reject", note: "缺少营业执照" });
    expect(await kinds(staff)).toEqual(["verificationRejected"]);
    expect((await listInbox(database.db, staff))[0]!.href).toBe(`/projects/${project.id}`);

    // The manager changes the colleague's project: the owner is told once; the manager's own change is not in their inbox.
    const [current] = await database.db.select({ version: projects.version }).from(projects).where(eq(projects.id, project.id));
    await run(setProjectStatus, manager, { id: project.id, version: current!.version, status: "delayed" });
    expect(await kinds(colleague)).toEqual(["projectUpdated"]);
    expect(await kinds(manager)).toEqual(["verificationRequested"]);

    await run(markAllNotificationsRead, colleague, {});
    expect(await countUnread(database.db, colleague)).toBe(0);
    expect(await countUnread(database.db, manager)).toBe(1);
  });

  it("never shows an item whose record its recipient may not see", async () => {
    const { manager, staff, colleague, enterpriseId } = await team();
    // Confidential, owned by staff: their colleague in the same team does not see it.
    const project = await run(createProject, staff, { enterpriseId, name: "保密扩产项目", confidential: "on" });
    await run(createFollowUp, manager, { enterpriseId, projectId: project.id, title: "保密项目回访", dueOn: today, assigneeId: colleague.id });
    expect(await countUnread(database.db, colleague)).toBe(0);
    expect(await listInbox(database.db, colleague)).toEqual([]);
    expect(await listDueFollowUps(database.db, colleague)).toEqual([]);

    // The owner sees a change made to it, until it stops being theirs to see.
    await run(setProjectStatus, manager, { id: project.id, version: 1, status: "delayed" });
    expect(await countUnread(database.db, staff)).toBe(1);
    await database.db.update(projects).set({ ownerId: manager.id }).where(eq(projects.id, project.id));
    expect(await countUnread(database.db, staff)).toBe(0);
    expect(await listInbox(database.db, staff)).toEqual([]);
  });
});
