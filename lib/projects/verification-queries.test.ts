import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { projects, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { shanghaiDay } from "@/lib/time";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise, pdfFile } from "@/test/support/project-fixtures";
import { createProject } from "./actions/create-project";
import { decideStageRequest } from "./actions/decide-stage-request";
import { moveProjectStage } from "./actions/move-stage";
import { listStageHistory } from "./queries";
import { countVerificationQueue, listVerificationQueue } from "./verification-queries";

let database: Database;
let staffA: Viewer, staffA2: Viewer, managerA: Viewer, staffB: Viewer, managerB: Viewer, admin: Viewer, viewer: Viewer, teamless: Viewer;
let enterpriseA: string, enterpriseB: string;

const today = shanghaiDay();

type Result = { ok: true; data: Record<string, unknown> } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const ok = async (p: Promise<Result>) => {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};

/** A project of `who`'s team at Signed, and `who`'s pending request to move it into Registered, made `daysAgo` days ago. */
async function request(who: Viewer, enterpriseId: string, daysAgo: number, extra: Record<string, unknown> = {}) {
  const name = `核验队列测试${randomUUID().slice(0, 8)}`;
  const project = await ok(run(createProject, who, { enterpriseId, name, stage: "signed", signedOn: today, plannedAmount: "2", plannedUnit: "yi", ...extra }));
  const [{ version }] = (await database.db.select({ version: projects.version }).from(projects).where(eq(projects.id, project.id as string))) as [{ version: number }];
  await ok(run(moveProjectStage, who, { id: project.id, version, toStage: "registered", reason: "已取得营业执照" }));
  const [row] = await database.db
    .update(stageChanges)
    .set({ changedAt: sql`now() - make_interval(days => ${daysAgo})` })
    .where(sql`${stageChanges.projectId} = ${project.id as string} and ${stageChanges.state} = 'pending'`)
    .returning({ id: stageChanges.id });
  return { projectId: project.id as string, requestId: row!.id, name };
}

const queued = async (who: Viewer) => (await listVerificationQueue(database.db, who)).map((r) => r.id);

let a1: Awaited<ReturnType<typeof request>>, a2: typeof a1, a3: typeof a1, secret: typeof a1, b1: typeof a1;

beforeAll(async () => {
  database = await openTestDatabase();
  const teamA = await makeTeam(database.db);
  const teamB = await makeTeam(database.db);
  staffA = await makeViewer(database.db, "staff", teamA.id);
  staffA2 = await makeViewer(database.db, "staff", teamA.id);
  managerA = await makeViewer(database.db, "manager", teamA.id);
  staffB = await makeViewer(database.db, "staff", teamB.id);
  managerB = await makeViewer(database.db, "manager", teamB.id);
  admin = await makeViewer(database.db, "admin");
  viewer = await makeViewer(database.db, "viewer");
  teamless = await makeViewer(database.db, "manager");
  enterpriseA = (await makeEnterprise(database.db, teamA.id)).id;
  enterpriseB = (await makeEnterprise(database.db, teamB.id)).id;
  // Made out of order: the queue sorts them by how long they have waited.
  a2 = await request(staffA, enterpriseA, 3);
  a1 = await request(staffA2, enterpriseA, 10);
  secret = await request(staffA2, enterpriseA, 5, { confidential: "on" });
  a3 = await request(staffA, enterpriseA, 0);
  b1 = await request(staffB, enterpriseB, 7);
}, 120_000);
afterAll(() => database?.close());

describe("the verification queue", () => {
  it("lists a manager's own team's requests, confidential ones included, oldest first, with what the page shows", async () => {
    expect(await queued(managerA)).toEqual([a1.requestId, secret.requestId, a2.requestId, a3.requestId]);
    const [first] = await listVerificationQueue(database.db, managerA);
    expect(first).toMatchObject({
      id: a1.requestId,
      projectId: a1.projectId,
      projectName: a1.name,
      fromStage: "signed",
      toStage: "registered",
      reason: "已取得营业执照",
      requesterName: staffA2.name,
      waitingDays: 10,
      evidenceName: null,
    });
  });

  it("shows another team's manager only their own team's, and an admin every team's", async () => {
    expect(await queued(managerB)).toEqual([b1.requestId]);
    expect(await queued(admin)).toEqual([a1.requestId, b1.requestId, secret.requestId, a2.requestId, a3.requestId]);
  });

  it("is empty, without a query, for those who decide nothing: staff, viewers, a manager without a team", async () => {
    for (const who of [staffA, staffB, viewer, teamless]) {
      expect(await queued(who)).toEqual([]);
      expect(await countVerificationQueue(database.db, who)).toBe(0);
    }
  });

  it("counts what it lists: the badge's number", async () => {
    for (const who of [managerA, managerB, admin]) expect(await countVerificationQueue(database.db, who)).toBe((await queued(who)).length);
  });

  it("lists exactly the requests the decision action accepts from each person", async () => {
    // Every listed request is decidable by its viewer; every unlisted one is refused.
    const all = [a1, a2, a3, secret, b1];
    for (const who of [managerA, managerB, admin, staffA, viewer]) {
      const listed = new Set(await queued(who));
      for (const r of all) {
        let accepted = false;
        // Tried in a transaction that is rolled back, so the world stays as it is.
        await database.db
          .transaction(async (tx) => {
            const result = (await runAction(decideStageRequest.definition as never, { viewer: who, db: tx as never, t }, { requestId: r.requestId, decision: "reject", note: "试" })) as Result;
            accepted = result.ok;
            throw new Error("rollback");
          })
          .catch(() => undefined);
        expect({ who: who.role, request: r.name, accepted }).toEqual({ who: who.role, request: r.name, accepted: listed.has(r.requestId) });
      }
    }
  });

  it("loses a request once it is decided, approved or rejected; the history keeps the decision", async () => {
    const approve = await request(staffA, enterpriseA, 1);
    const reject = await request(staffA, enterpriseA, 2);
    expect(await queued(managerA)).toEqual(expect.arrayContaining([approve.requestId, reject.requestId]));
    const before = await countVerificationQueue(database.db, managerA);

    await ok(run(decideStageRequest, managerA, { requestId: approve.requestId, decision: "approve", evidence: pdfFile("营业执照.pdf") }));
    await ok(run(decideStageRequest, managerA, { requestId: reject.requestId, decision: "reject", note: "执照名称与协议不符" }));

    for (const who of [managerA, admin]) {
      const ids = await queued(who);
      expect(ids).not.toContain(approve.requestId);
      expect(ids).not.toContain(reject.requestId);
    }
    expect(await countVerificationQueue(database.db, managerA)).toBe(before - 2);

    // The requester sees each decision on the project's history.
    const approved = (await listStageHistory(database.db, staffA, approve.projectId)).find((r) => r.id === approve.requestId);
    expect(approved).toMatchObject({ state: "applied", verifiedByName: managerA.name, evidenceName: "营业执照.pdf" });
    const rejected = (await listStageHistory(database.db, staffA, reject.projectId)).find((r) => r.id === reject.requestId);
    expect(rejected).toMatchObject({ state: "rejected", verifiedByName: managerA.name, verificationNote: "执照名称与协议不符" });
  });

  it("leaves out deleted requests, requests of deleted projects and requests the project has moved past", async () => {
    const deleted = await request(staffA, enterpriseA, 4);
    const gone = await request(staffA, enterpriseA, 4);
    const moved = await request(staffA, enterpriseA, 4);
    await database.db.update(stageChanges).set({ deletedAt: new Date() }).where(eq(stageChanges.id, deleted.requestId));
    await database.db.update(projects).set({ deletedAt: new Date() }).where(eq(projects.id, gone.projectId));
    // A project moved by other means than the actions: the request was made from a stage it has left.
    await database.db.update(projects).set({ stage: "intent" }).where(eq(projects.id, moved.projectId));
    for (const who of [managerA, admin]) {
      const ids = await queued(who);
      for (const r of [deleted, gone, moved]) expect(ids).not.toContain(r.requestId);
      expect(await countVerificationQueue(database.db, who)).toBe(ids.length);
    }
  });
});
