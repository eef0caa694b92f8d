import PgBoss from "pg-boss";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Db } from "@/db";
import { notifications, projects, stageChanges, teams, users } from "@/db/schema";
import { catalogues } from "@/lib/i18n/messages";
import { shanghaiDay } from "@/lib/time";
import { type Channels, channelsFromEnv, teamWebhook } from "./channels";
import { deliverOnce } from "./deliver";
import { runDigest, translator } from "./digest";

export const DIGEST_QUEUE = "notifications-digest";
export const NOTICE_QUEUE = "notifications-notices";

/**
 * Verification requests of the last day not yet sent: each by e-mail to every manager asked, and
 * once to the project's team's group chat (its robot, else the deployment's), each once
 * (deliverOnce). Run every minute, so a notice leaves within a minute of the request, and one
 * that failed is tried again on the next run.
 */
export async function sendVerificationNotices(db: Db, channels: Channels) {
  const since = new Date(Date.now() - 24 * 3600_000);
  let sent = 0;
  if (channels.mail) {
    const rows = await db
      .select({ id: notifications.id, email: users.email, locale: users.locale, project: projects.name, actor: sql<string | null>`(select name from users a where a.id = ${notifications.actorId})` })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.recipientId))
      .innerJoin(projects, eq(projects.id, notifications.recordId))
      .where(and(eq(notifications.kind, "verificationRequested"), gt(notifications.createdAt, since), sql`not exists (select 1 from notification_deliveries d where d.key = 'verification:' || ${notifications.id} || ':mail')`));
    for (const r of rows) {
      const t = translator(r.locale ?? "zh-CN");
      const message = { subject: t("verificationSubject", { actor: r.actor ?? "" }), lines: [t("verificationLine", { project: r.project })] };
      if (await deliverOnce(db, `verification:${r.id}:mail`, () => channels.mail!(r.email, message))) sent++;
    }
  }
  if (channels.post) {
    const requests = await db
      .select({ id: stageChanges.id, toStage: stageChanges.toStage, project: projects.name, team: teams.nameZh, webhookUrl: teams.webhookUrl, webhookFormat: teams.webhookFormat, actor: users.name })
      .from(stageChanges)
      .innerJoin(projects, eq(projects.id, stageChanges.projectId))
      .innerJoin(teams, eq(teams.id, projects.teamId))
      .leftJoin(users, eq(users.id, stageChanges.changedBy))
      .where(and(eq(stageChanges.state, "pending"), isNull(stageChanges.deletedAt), isNull(projects.deletedAt), gt(stageChanges.changedAt, since), sql`not exists (select 1 from notification_deliveries d where d.key = 'verification:' || ${stageChanges.id} || ':webhook')`));
    const t = translator("zh-CN");
    const stage = createTranslator({ locale: "zh-CN", messages: catalogues["zh-CN"], namespace: "projects.stages" });
    for (const r of requests) {
      const hook = teamWebhook(channels, r);
      if (!hook) continue;
      const message = { subject: t("teamVerificationSubject", { actor: r.actor ?? "", team: r.team }), lines: [t("verificationLine", { project: r.project }), t("teamVerificationStage", { stage: stage(r.toStage) })] };
      if (await deliverOnce(db, `verification:${r.id}:webhook`, () => channels.post!(hook, message))) sent++;
    }
  }
  return sent;
}

export interface JobSettings {
  /** Cron of the morning digest, in `timeZone` (default "30 8 * * *"). */
  digestCron: string;
  timeZone: string;
}

export const jobSettings = (env: NodeJS.ProcessEnv = process.env): JobSettings => ({
  digestCron: env.DIGEST_CRON?.trim() || "30 8 * * *",
  timeZone: env.DIGEST_TIME_ZONE?.trim() || "Asia/Shanghai",
});

/** How the queue treats a digest that failed or whose worker died: what tests shorten. */
export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time with `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active this long after it started is taken for dead (its process killed) and retried. */
  expireInSeconds: number;
  /** How often an instance looks for such jobs (pg-boss maintenance; one instance does it per round). */
  maintenanceIntervalSeconds: number;
}

/**
 * Retries with back-off: 30 s, 1 min, 2 min, … five times, then the job is marked failed. A digest
 * takes seconds: one still running after 10 minutes had its instance killed under it, and is
 * retried within two more; what it had sent is not sent again (deliverOnce).
 */
const POLICY: QueuePolicy = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 600, maintenanceIntervalSeconds: 120 };

/**
 * The scheduled and queued work on a PostgreSQL server: pg-boss keeps the jobs in the database
 * (schema `pgboss`), so each scheduled run is done by one instance however many there are, a
 * job survives a restart, and a failed one is retried with back-off. The digest's day is the
 * Asia/Shanghai day the job was created, so a retry the next morning still sends that day's.
 */
export async function startServerJobs(connectionString: string, db: Db, channels: Channels = channelsFromEnv(), settings = jobSettings(), policy: QueuePolicy = POLICY) {
  const { maintenanceIntervalSeconds, ...queue } = policy;
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 2, maintenanceIntervalSeconds });
  boss.on("error", (error) => console.error("[landfall] job queue:", error instanceof Error ? error.message : error));
  await boss.start();
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, ...queue });
  await boss.createQueue(NOTICE_QUEUE, { name: NOTICE_QUEUE, ...queue, retryLimit: 0 });
  await boss.schedule(DIGEST_QUEUE, settings.digestCron, {}, { tz: settings.timeZone });
  await boss.schedule(NOTICE_QUEUE, "* * * * *", {}, { tz: settings.timeZone });
  await boss.work(DIGEST_QUEUE, { includeMetadata: true, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await runDigest(db, channels, shanghaiDay(job.createdOn));
  });
  await boss.work(NOTICE_QUEUE, { pollingIntervalSeconds: 2 }, async () => {
    await sendVerificationNotices(db, channels);
  });
  return boss;
}

/**
 * The demo's embedded database cannot host pg-boss (one connection, in this process): the same
 * handlers run on timers here instead, each minute (`everyMs`). One process holds a PGlite folder,
 * so they run once; the digest runs at the first tick at or after its time each day.
 */
export function startInProcessJobs(db: Db, channels: Channels = channelsFromEnv(), settings = jobSettings(), everyMs = 60_000) {
  let lastDigest: string | null = null;
  const [minute, hour] = settings.digestCron.split(/\s+/).map(Number);
  const due = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  const clock = new Intl.DateTimeFormat("en-GB", { timeZone: settings.timeZone, hour: "2-digit", minute: "2-digit", hour12: false });
  let running = false;
  const tick = async () => {
    // A slow round (a mail server that does not answer) is not overtaken by the next.
    if (running) return;
    running = true;
    try {
      const now = new Date();
      const day = shanghaiDay(now);
      if (lastDigest !== day && clock.format(now) >= due) {
        await runDigest(db, channels, day);
        lastDigest = day;
      }
      await sendVerificationNotices(db, channels);
    } catch (e) {
      // Tried again on the next tick; deliverOnce skips what was sent.
      console.error("[landfall] reminders:", e instanceof Error ? e.message : e);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
