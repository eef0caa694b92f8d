import PgBoss from "pg-boss";
import { and, eq, gt, sql } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import type { Db } from "@/db";
import { notifications, projects, users } from "@/db/schema";
import { catalogues } from "@/lib/i18n/messages";
import { shanghaiDay } from "@/lib/time";
import { type Channels, channelsFromEnv } from "./channels";
import { deliverOnce } from "./deliver";
import { runDigest } from "./digest";

export const DIGEST_QUEUE = "notifications-digest";
export const NOTICE_QUEUE = "notifications-notices";
/** Retries with back-off: 30 s, 1 min, 2 min, … five times, then the job is marked failed. */
const RETRY = { retryLimit: 5, retryDelay: 30, retryBackoff: true } as const;

/**
 * Verification requests asked of someone in the last day and not yet sent: each by e-mail to
 * the manager asked, once (deliverOnce). Run every minute, so a notice leaves within a minute of
 * the request, and one that failed is tried again on the next run.
 */
export async function sendVerificationNotices(db: Db, channels: Channels) {
  if (!channels.mail) return 0;
  const since = new Date(Date.now() - 24 * 3600_000);
  const rows = await db
    .select({ id: notifications.id, email: users.email, locale: users.locale, project: projects.name, actor: sql<string | null>`(select name from users a where a.id = ${notifications.actorId})` })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .innerJoin(projects, eq(projects.id, notifications.recordId))
    .where(and(eq(notifications.kind, "verificationRequested"), gt(notifications.createdAt, since), sql`not exists (select 1 from notification_deliveries d where d.key = 'verification:' || ${notifications.id} || ':mail')`));
  let sent = 0;
  for (const r of rows) {
    const t = createTranslator({ locale: r.locale ?? "zh-CN", messages: catalogues[r.locale ?? "zh-CN"], namespace: "notifications.digest" });
    const message = { subject: t("verificationSubject", { actor: r.actor ?? "" }), lines: [t("verificationLine", { project: r.project })] };
    if (await deliverOnce(db, `verification:${r.id}:mail`, () => channels.mail!(r.email, message))) sent++;
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

/**
 * The scheduled and queued work on a PostgreSQL server: pg-boss keeps the jobs in the database
 * (schema `pgboss`), so each scheduled run is done by one instance however many there are, a
 * job survives a restart, and a failed one is retried with back-off. The digest's day is the
 * Asia/Shanghai day the job was created, so a retry the next morning still sends that day's.
 */
export async function startServerJobs(connectionString: string, db: Db, channels: Channels = channelsFromEnv(), settings = jobSettings(), retry: PgBoss.RetryOptions = RETRY) {
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 2 });
  boss.on("error", (error) => console.error("[landfall] job queue:", error instanceof Error ? error.message : error));
  await boss.start();
  await boss.createQueue(DIGEST_QUEUE, { name: DIGEST_QUEUE, ...retry });
  await boss.createQueue(NOTICE_QUEUE, { name: NOTICE_QUEUE, ...retry, retryLimit: 0 });
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
 * handlers run on timers here instead. One process holds a PGlite folder, so they run once.
 */
export function startInProcessJobs(db: Db, channels: Channels = channelsFromEnv(), settings = jobSettings()) {
  let lastDigest: string | null = null;
  const [minute, hour] = settings.digestCron.split(/\s+/).map(Number);
  const tick = async () => {
    const now = new Date();
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: settings.timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(now);
    const day = shanghaiDay(now);
    if (lastDigest !== day && local >= `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`) {
      lastDigest = day;
      await runDigest(db, channels, day).catch((e) => console.error("[landfall] digest:", e instanceof Error ? e.message : e));
    }
    await sendVerificationNotices(db, channels).catch((e) => console.error("[landfall] notices:", e instanceof Error ? e.message : e));
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
