import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import PgBoss from "pg-boss";
import { SMTPServer } from "smtp-server";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { createFollowUp } from "@/lib/follow-ups/actions/create-follow-up";
import { shanghaiDay } from "@/lib/time";
import { openTestDatabase, testDatabaseUrl } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { TEST_QUEUE_POLICY } from "@/test/support/job-policy";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { channelsFromEnv, type Channels } from "./channels";
import { DIGEST_QUEUE, startInProcessJobs, startServerJobs } from "./jobs";

let database: Database;
let team: { id: string }, manager: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  team = await makeTeam(database.db);
  manager = await makeViewer(database.db, "manager", team.id);
});

/** Two people of the team, each with a follow-up due today: what a digest run owes them. */
async function twoPeopleDueToday(): Promise<[Viewer, Viewer]> {
  const db = database.db;
  const people: [Viewer, Viewer] = [await makeViewer(db, "staff", team.id), await makeViewer(db, "staff", team.id)];
  const enterpriseId = (await makeEnterprise(db, team.id)).id;
  for (const who of people) {
    const r = await runAction(createFollowUp.definition as never, { viewer: manager, db, t }, { enterpriseId, title: "寄送园区资料", dueOn: shanghaiDay(), assigneeId: who.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  return people;
}
afterAll(() => database?.close());

const until = async (what: () => boolean | Promise<boolean>, tries = 400) => {
  for (let i = 0; i < tries && !(await what()); i++) await new Promise((r) => setTimeout(r, 250));
};

// The job queue lives on the server only (pg-boss); the demo's PGlite runs the same handlers on timers.
describe.runIf(Boolean(inject("dbTemplateUrl")))("the digest job on the server's queue", () => {
  let worker: ChildProcess | undefined;
  let boss: PgBoss | undefined;
  let smtp: SMTPServer | undefined;
  afterAll(async () => {
    worker?.kill("SIGKILL");
    await boss?.stop({ graceful: false, wait: true });
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  it("is taken back from a worker process killed mid-run and sends each message exactly once", async () => {
    const [staff, colleague] = await twoPeopleDueToday();
    const url = await testDatabaseUrl(database);
    // A mail server that keeps what it accepts. The second message finds its sender killed before
    // the server answers it: the first was accepted and recorded, the second never delivered.
    const accepted: string[] = [];
    let killed = false;
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      disableReverseLookup: true,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(",");
          if (accepted.length === 1 && !killed && worker) {
            killed = true;
            worker.kill("SIGKILL");
            once(worker, "exit").then(() => callback(new Error("sender gone")));
            return;
          }
          accepted.push(to);
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp!.listen(0, "127.0.0.1", r));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    // An instance's worker in a process of its own, as in production.
    worker = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/bench/register.mjs", "test/support/job-worker.ts"], {
      env: { ...process.env, DATABASE_URL: url, SMTP_URL: smtpUrl, WEBHOOK_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    worker.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    await until(() => out.includes("ready") || worker!.exitCode !== null || worker!.signalCode !== null);
    expect(out).toContain("ready");

    // The morning's digest is queued; the worker starts it and is killed after its first message.
    const sender = new PgBoss({ connectionString: url, schema: "pgboss", max: 1, supervise: false, schedule: false });
    await sender.start();
    const id = (await sender.send(DIGEST_QUEUE, {}))!;
    // A process killed by a signal has no exit code, only the signal.
    await until(() => killed && worker!.signalCode !== null);
    expect(killed).toBe(true);
    expect(worker.signalCode).toBe("SIGKILL");
    expect(accepted).toHaveLength(1);

    // Another instance comes up: it finds the dead worker's job expired, retries it, and sends the rest.
    boss = await startServerJobs(url, database.db, channelsFromEnv({ ...process.env, SMTP_URL: smtpUrl, WEBHOOK_URL: "" }), { digestCron: "30 8 * * *", timeZone: "Asia/Shanghai" }, TEST_QUEUE_POLICY);
    let job: Awaited<ReturnType<PgBoss["getJobById"]>> = null;
    await until(async () => {
      job = await sender.getJobById(DIGEST_QUEUE, id);
      return job?.state === "completed" || job?.state === "failed";
    });
    await sender.stop({ graceful: false, wait: true });
    expect(job).toMatchObject({ state: "completed" });
    expect(job!.retryCount).toBeGreaterThanOrEqual(1);
    expect(accepted.sort()).toEqual([staff.email, colleague.email].sort());
    expect(new Set(accepted).size).toBe(accepted.length);
  }, 120_000);
});

describe("the digest on the demo's timers (no job queue)", () => {
  it("sends the day's digest at the first tick after its time, retries a failed round on the next tick, and sends nothing twice", async () => {
    // The people a digest run before this one (on the server, the killed worker's) had reached are skipped: see only these.
    const [staff, colleague] = await twoPeopleDueToday();
    const mails: string[] = [];
    let failures = 1;
    const channels: Channels = {
      async mail(to) {
        // The first message of the first round fails, as a mail server that is down would.
        if (failures > 0) {
          failures--;
          throw new Error("connection refused");
        }
        mails.push(to);
      },
      post: null,
      defaultWebhook: null,
    };
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    // Due at 00:00, so it is due now whatever the hour; a tick every 50 ms.
    const stop = startInProcessJobs(database.db, channels, { digestCron: "0 0 * * *", timeZone: "Asia/Shanghai" }, 50);
    try {
      await until(() => [staff.email, colleague.email].every((m) => mails.includes(m)), 200);
      // Several more ticks: the day's digest is done.
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      stop();
      console.error = log;
    }
    expect(errors).toHaveLength(1);
    expect(mails.filter((m) => m === staff.email || m === colleague.email).sort()).toEqual([staff.email, colleague.email].sort());
    // Nobody got the day's digest twice.
    expect(new Set(mails).size).toBe(mails.length);
  }, 60_000);
});
