import { and, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { teams } from "@/db/schema";

const STARTED = Symbol.for("landfall.reminders");
type Holder = { [STARTED]?: Promise<string> };

/** Whether anything would leave the app: SMTP, the deployment's robot, or a team's own robot. */
export async function remindersWanted(database: Database, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (env.SMTP_URL?.trim() || env.WEBHOOK_URL?.trim()) return true;
  const [row] = await database.db.select({ one: sql<number>`1` }).from(teams).where(and(isNotNull(teams.webhookUrl), isNull(teams.deletedAt))).limit(1);
  return Boolean(row);
}

/**
 * Starts the morning digest and the verification notices in this process, once however often it
 * is called (at start-up, and when an admin gives a team its first robot): pg-boss on a PostgreSQL
 * server, timers on PGlite. Kept on globalThis, which the server's bundles share.
 */
export function startReminders(database: Database): Promise<string> {
  const holder = globalThis as Holder;
  holder[STARTED] ??= (async () => {
    const jobs = await import("./jobs");
    if (database.kind === "server") await jobs.startServerJobs(process.env.DATABASE_URL!, database.db);
    else jobs.startInProcessJobs(database.db);
    const how = database.kind === "server" ? "pg-boss" : "in-process timers";
    console.log(`[landfall] reminders on (${how})`);
    return how;
  })();
  return holder[STARTED];
}
