import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type PgBoss from "pg-boss";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { shanghaiDay } from "@/lib/time";
import { openTestDatabase, testDatabaseUrl } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { makeEnterprise } from "@/test/support/project-fixtures";
import type { Channels } from "./channels";
import { DIGEST_QUEUE, startServerJobs } from "./jobs";

// The job queue lives on the server only (pg-boss); the demo's PGlite runs the same handlers on timers.
describe.runIf(Boolean(inject("dbTemplateUrl")))("the digest job on the server's queue", () => {
  let database: Database;
  let boss: PgBoss | undefined;
  let staff: Viewer, colleague: Viewer;

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    const team = await makeTeam(db);
    const manager = await makeViewer(db, "manager", team.id);
    [staff, colleague] = [await makeViewer(db, "staff", team.id), await makeViewer(db, "staff", team.id)];
    const enterpriseId = (await makeEnterprise(db, team.id)).id;
    for (const who of [staff, colleague]) {
      const r = await runAction(createFollowUp.definition as never, { viewer: manager, db, t }, { enterpriseId, title: "寄送园区资料", dueOn: shanghaiDay(), assigneeId: who.id });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await database?.close();
  });

  it("fails after its first message, is retried, and sends each message exactly once", async () => {
    const mails: string[] = [];
    let crashed = false;
    const channels: Channels = {
      async mail(to) {
        // The first attempt dies after its first message, as a worker killed mid-run.
        if (!crashed && mails.length === 1) {
          crashed = true;
          throw new Error("worker lost");
        }
        mails.push(to);
      },
      webhook: null,
    };
    boss = await startServerJobs(await testDatabaseUrl(database), database.db, channels, { digestCron: "30 8 * * *", timeZone: "Asia/Shanghai" }, { retryLimit: 3, retryDelay: 1, retryBackoff: false });
    const id = await boss.send(DIGEST_QUEUE, {});
    // Wait for the job to end, whatever the machine's speed.
    let job: Awaited<ReturnType<PgBoss["getJobById"]>> = null;
    for (let i = 0; i < 240; i++) {
      job = await boss.getJobById(DIGEST_QUEUE, id!);
      if (job?.state === "completed" || job?.state === "failed") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(job?.state).toBe("completed");
    expect(job?.retryCount).toBeGreaterThanOrEqual(1);
    expect(mails.filter((m) => m === staff.email || m === colleague.email).sort()).toEqual([staff.email, colleague.email].sort());
  }, 90_000);
});
