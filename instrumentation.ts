// Runs once when the server process starts: validate the configuration and bring the
// database schema up to date before the first request. A failure here must stop the start.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  env();
  const { replicaSettings } = await import("./db/replicas");
  const replicas = replicaSettings().urls.length;
  const { getDatabase } = await import("./db");
  const database = await getDatabase();
  if (replicas > 0 && database.kind !== "server") console.warn("[landfall] DATABASE_REPLICA_URLS is ignored without DATABASE_URL");
  const reads = replicas > 0 && database.kind === "server" ? `, lists and the review read from ${replicas} replica(s) when they keep up` : "";
  console.log(`[landfall] database ready (${database.kind}${reads})`);
  // Reference data other instances change clears this one's cache (lib/reference/cache.ts).
  const { followReferenceChanges } = await import("./lib/reference/cache");
  await followReferenceChanges(database);
  // Reminders outside the app (the morning digest, verification notices), when a channel is set.
  const reminders = await import("./lib/notifications/start");
  if (await reminders.remindersWanted(database)) await reminders.startReminders(database);
  // /api/ready answers 200 from here on, and 503 again from SIGTERM on (lib/readiness.ts).
  const { drainOnSigterm, markReady } = await import("./lib/readiness");
  drainOnSigterm(env().LANDFALL_DRAIN_SECONDS);
  markReady();
}
