import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { type Database, type Db, getDatabase } from "@/db";
import { parseLsn, type ReplicaSet, replicasFor } from "@/db/replicas";
import { env, servedOverHttps } from "@/lib/env";

/** The primary's WAL position after the reader's last write: their reads wait for a replica that has replayed it. */
export const WRITTEN_COOKIE = "landfall-written";

// One set of replicas per process, made with the database and kept beside it on globalThis.
const holder = globalThis as unknown as { __landfallReplicas?: { database: Database; replicas: ReplicaSet | null } };

async function processReplicas(): Promise<{ database: Database; replicas: ReplicaSet | null }> {
  const database = await getDatabase();
  if (holder.__landfallReplicas?.database !== database) holder.__landfallReplicas = { database, replicas: replicasFor(database) };
  return holder.__landfallReplicas;
}

/**
 * The database for this request's reads that may be a little behind: the list pages, search, the
 * review and the exports. A replica when DATABASE_REPLICA_URLS names one that is healthy, within
 * DATABASE_REPLICA_MAX_LAG_SECONDS of the primary and has replayed the reader's own last write;
 * else the primary. Chosen once per request, so a page never mixes two replicas. Without
 * replicas, and on PGlite, it is the primary and costs nothing more than `getDb()`.
 * Never write through it: writes go through the action wrapper, on the primary.
 */
export const getReadDb = cache(async (): Promise<Db> => {
  const { database, replicas } = await processReplicas();
  if (!replicas) return database.db;
  const written = parseLsn((await cookies()).get(WRITTEN_COOKIE)?.value);
  return replicas.choose(written) ?? database.db;
});

/**
 * After a committed write (lib/action.ts): the primary's WAL position in a short-lived cookie, so
 * the writer's next pages read from a replica only once it has replayed the write. Nothing
 * without replicas. Never fails the write it follows.
 */
export async function rememberWrite(): Promise<void> {
  try {
    const { replicas } = await processReplicas();
    if (!replicas) return;
    const lsn = await replicas.primaryLsn();
    (await cookies()).set(WRITTEN_COOKIE, lsn, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: servedOverHttps(env()),
      maxAge: replicas.cookieSeconds,
    });
  } catch (error) {
    console.warn("[landfall] could not note the write for read-your-writes", error instanceof Error ? error.message : error);
  }
}
