import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises, followUps, projects, stageChanges } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import { cancelFollowUp } from "@/lib/follow-ups/actions/cancel-follow-up";
import { completeFollowUp } from "@/lib/follow-ups/actions/complete-follow-up";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { reassignFollowUp } from "@/lib/follow-ups/actions/reassign-follow-up";
import { rescheduleFollowUp } from "@/lib/follow-ups/actions/reschedule-follow-up";
import { addDays, shanghaiDay } from "@/lib/time";
import { createProject } from "@/lib/projects/actions/create-project";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { setProjectStatus } from "@/lib/projects/actions/set-status";
import { updateProject } from "@/lib/projects/actions/update-project";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";

/**
 * Two people open the same record at the same version and save different edits at the same
 * moment, through the real actions. Exactly one save wins; the other is told of the conflict
 * and changes nothing. On a PostgreSQL server the two transactions really race (the row lock
 * and the version check decide); on PGlite they are serialised, and the outcome must be the same.
 */

const ROUNDS = 20;

let database: Database;
let alice: Viewer, bob: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  // Two editors of the same team: each may edit everything the team owns.
  alice = await makeViewer(database.db, "staff", team.id);
  bob = await makeViewer(database.db, "manager", team.id);
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

async function created(result: Promise<Result>) {
  const r = await result;
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data.id;
}

const auditRows = async (entityId: string, actions: string[]) =>
  (await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, entityId), inArray(auditLog.action, actions))))[0]!.n;

interface Edit<R> {
  who: string;
  submit: () => Promise<Result>;
  /** What the stored row shows when this edit won. */
  stored: (row: R) => void;
}

/**
 * Both edits at once; returns the index of the winner after checking that the other got the
 * conflict message and that the stored row is the winner's edit at the next version.
 */
async function race<R extends { version: number }>(load: () => Promise<R>, startVersion: number, edits: [Edit<R>, Edit<R>]) {
  const results = await Promise.all(edits.map((e) => e.submit()));
  const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
  expect(winners, `results: ${JSON.stringify(results)}`).toHaveLength(1);
  const winner = winners[0]!;
  const loser = results[1 - winner]!;
  expect(loser).toMatchObject({ ok: false, message: t("errors.conflict") });
  expect(results[winner]).toMatchObject({ ok: true, data: { version: startVersion + 1 } });
  const row = await load();
  expect(row.version).toBe(startVersion + 1);
  edits[winner]!.stored(row);
  return winner;
}

describe("concurrent edits: exactly one wins, the other gets a conflict", () => {
  it("enterprises: two saves of the edit form", async () => {
    const id = await created(run(createEnterprise, alice, { nameZh: `并发编辑测试企业${Date.now()}`, confirmSimilar: "1" }));
    const load = async () => (await database.db.select().from(enterprises).where(eq(enterprises.id, id)))[0]!;
    const wins = [0, 0];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await load();
      const edit = (who: Viewer, city: string): Edit<typeof before> => ({
        who: who.email,
        submit: () => run(updateEnterprise, who, { id, version: String(before.version), nameZh: before.nameZh, country: "CN", city, description: `${who.email} ${round}` }),
        stored: (row) => expect(row).toMatchObject({ city, description: `${who.email} ${round}`, updatedBy: who.id }),
      });
      wins[await race(load, before.version, [edit(alice, `宁波${round}`), edit(bob, `苏州${round}`)])]!++;
      expect(await auditRows(id, ["enterprise.update"])).toBe(round + 1);
    }
    expect(wins[0]! + wins[1]!).toBe(ROUNDS);
  });

  it("projects: two saves of the edit form", async () => {
    const enterpriseId = await created(run(createEnterprise, alice, { nameZh: `并发项目测试企业${Date.now()}`, confirmSimilar: "1" }));
    const id = await created(run(createProject, alice, { enterpriseId, name: "并发编辑项目" }));
    const load = async () => (await database.db.select().from(projects).where(eq(projects.id, id)))[0]!;
    for (let round = 0; round < ROUNDS; round++) {
      const before = await load();
      const edit = (who: Viewer, name: string, status: "active" | "delayed"): Edit<typeof before> => ({
        who: who.email,
        submit: () => run(updateProject, who, { id, version: before.version, name, status, expectedJobs: String(round), description: `${who.email} ${round}` }),
        stored: (row) => expect(row).toMatchObject({ name, status, expectedJobs: round, description: `${who.email} ${round}`, updatedBy: who.id }),
      });
      await race(load, before.version, [edit(alice, `项目甲${round}`, "active"), edit(bob, `项目乙${round}`, "delayed")]);
      expect(await auditRows(id, ["project.update"])).toBe(round + 1);
    }
  });

  it("projects: a stage move racing a status change", async () => {
    const enterpriseId = await created(run(createEnterprise, alice, { nameZh: `并发看板测试企业${Date.now()}`, confirmSimilar: "1" }));
    const id = await created(run(createProject, alice, { enterpriseId, name: "并发看板项目" }));
    const load = async () => (await database.db.select().from(projects).where(eq(projects.id, id)))[0]!;
    const moves = async () => (await database.db.select({ n: count() }).from(stageChanges).where(eq(stageChanges.projectId, id)))[0]!.n;
    const names = ["project.moveStage", "project.setStatus"];
    for (let round = 0; round < ROUNDS; round++) {
      const before = await load();
      const movesBefore = await moves();
      const auditBefore = await auditRows(id, names);
      const toStage = before.stage === "lead" ? "negotiating" : "lead";
      const status = before.status === "active" ? "delayed" : "active";
      // Alternate who moves, so both roles get to race in both directions.
      const [mover, setter] = round % 2 ? [alice, bob] : [bob, alice];
      const winner = await race(load, before.version, [
        {
          who: mover.email,
          submit: () => run(moveProjectStage, mover, { id, version: before.version, toStage, reason: `回退原因 ${round}` }),
          stored: (row) => expect(row).toMatchObject({ stage: toStage, status: before.status, updatedBy: mover.id }),
        },
        {
          who: setter.email,
          submit: () => run(setProjectStatus, setter, { id, version: before.version, status }),
          stored: (row) => expect(row).toMatchObject({ stage: before.stage, status, updatedBy: setter.id }),
        },
      ]);
      // Only a winning move leaves a line in the stage history; one audit entry for the winner.
      expect(await moves()).toBe(movesBefore + (winner === 0 ? 1 : 0));
      expect(await auditRows(id, names)).toBe(auditBefore + 1);
    }
  });

  it("follow-ups: reschedule, complete, reassign and cancel racing each other", async () => {
    const enterpriseId = await created(run(createEnterprise, alice, { nameZh: `并发跟进测试企业${Date.now()}`, confirmSimilar: "1" }));
    const today = shanghaiDay();
    type Row = typeof followUps.$inferSelect;
    const reschedule = (who: Viewer, days: number) => (id: string): Edit<Row> => ({
      who: who.email,
      submit: () => run(rescheduleFollowUp, who, { id, version: 1, dueOn: addDays(today, days) }),
      stored: (row) => expect(row).toMatchObject({ status: "open", dueOn: addDays(today, days), updatedBy: who.id }),
    });
    const complete = (who: Viewer) => (id: string): Edit<Row> => ({
      who: who.email,
      submit: () => run(completeFollowUp, who, { id, version: 1, outcome: `已完成 ${who.email}` }),
      stored: (row) => expect(row).toMatchObject({ status: "done", outcome: `已完成 ${who.email}`, updatedBy: who.id }),
    });
    const cancel = (who: Viewer) => (id: string): Edit<Row> => ({
      who: who.email,
      submit: () => run(cancelFollowUp, who, { id, version: 1, outcome: `取消 ${who.email}` }),
      stored: (row) => expect(row).toMatchObject({ status: "cancelled", outcome: `取消 ${who.email}`, updatedBy: who.id }),
    });
    const reassign = (who: Viewer, to: Viewer) => (id: string): Edit<Row> => ({
      who: who.email,
      submit: () => run(reassignFollowUp, who, { id, version: 1, assigneeId: to.id }),
      stored: (row) => expect(row).toMatchObject({ status: "open", assigneeId: to.id, updatedBy: who.id }),
    });
    const pairs: [string, (id: string) => Edit<Row>, (id: string) => Edit<Row>][] = [
      ["reschedule / reschedule", reschedule(alice, 3), reschedule(bob, 5)],
      ["complete / cancel", complete(alice), cancel(bob)],
      ["reassign / reschedule", reassign(alice, bob), reschedule(bob, 2)],
      ["complete / reassign", complete(bob), reassign(alice, bob)],
      ["cancel / reschedule", cancel(alice), reschedule(bob, 4)],
    ];
    const actions = ["followUp.reschedule", "followUp.complete", "followUp.reassign", "followUp.cancel"];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [label, first, second] of pairs) {
        const id = await created(run(createFollowUp, alice, { enterpriseId, title: `${label} ${round}`, kind: "call", dueOn: today }));
        const load = async () => (await database.db.select().from(followUps).where(eq(followUps.id, id)))[0]!;
        await race(load, 1, [first(id), second(id)]);
        expect(await auditRows(id, actions), label).toBe(1);
      }
    }
  });
});
