import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite, type PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";
import { backfillNameKeys } from "../lib/enterprises/name-keys-backfill";
import { backfillSearchEntries } from "../lib/search/entries";

export type Schema = typeof schema;
/** What every query is written against: the same on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  kind: "pglite" | "server";
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export interface DatabaseOptions {
  /** postgres:// URL of a server; when absent, PGlite is used. */
  url?: string;
  /** PGlite data folder; omitted means in memory. */
  dataDir?: string;
  /** PGlite only: start from this dump of a data folder (PGlite's dumpDataDir) instead of initdb. */
  loadDataDir?: Blob;
}

/**
 * A pool to a PostgreSQL server with the app's settings: the primary's, and each read replica's
 * (db/replicas.ts, which shortens `connect_timeout` so a replica that went away is given up fast).
 */
export function serverClient(url: string, { connection, ...overrides }: postgres.Options<Record<string, never>> = {}) {
  return postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    idle_timeout: 30,
    connect_timeout: 10,
    onnotice: () => {},
    // postgres.js reconnects on the next query after a dropped connection and reports
    // the failure to that query only, so a server restart never crashes the process.
    // Its default wait before reconnecting grows to 10–20 s after a few failed attempts:
    // queries would hang through an outage and the app stay down that long after the
    // server is back. Retry at most a second apart instead (scripts/test/crash-test.mjs).
    backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
    // No JIT: the aggregates of the board and the review are costed high enough to be
    // compiled, which took seconds per query on the 200,000-enterprise benchmark data
    // (BENCHMARKS.md) to save milliseconds.
    connection: { jit: "off", ...connection },
    ...overrides,
  });
}

/** The app's Drizzle handle over a postgres.js client. */
export function serverDb(client: postgres.Sql): Db {
  return drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db;
}

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const client = serverClient(opts.url);
    const db = drizzlePostgres(client, { schema, casing: "snake_case" });
    return {
      kind: "server",
      db: db as unknown as Db,
      // Instances started together migrate one at a time: each waits for a session-level advisory
      // lock and, when its turn comes, finds the migrations applied. The lock is held on a
      // connection of its own: the migrator needs the pool, and with DATABASE_POOL_SIZE=1 a
      // connection reserved from it would wait for itself.
      migrate: async () => {
        const lock = serverClient(opts.url!, { max: 1 });
        try {
          // Any fixed number, like the import's queue (lib/enterprises/import/definitions.ts).
          await lock`select pg_advisory_lock(${7_461_002}::bigint)`;
          await migratePostgres(db as PostgresJsDatabase<Schema>, { migrationsFolder: MIGRATIONS });
        } finally {
          // Ending the session releases the lock.
          await lock.end({ timeout: 5 });
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = new PGlite({ dataDir: opts.dataDir, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
  const db = drizzlePglite(client, { schema, casing: "snake_case" });
  return {
    kind: "pglite",
    db: db as unknown as Db,
    migrate: () => migratePglite(db as PgliteDatabase<Schema>, { migrationsFolder: MIGRATIONS }),
    close: () => client.close(),
  };
}

/** Where the app keeps its embedded database when DATABASE_URL is unset. */
export function defaultDataDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

// One database per process, created on first use (never at import, so `next build`
// does not open it) and kept on globalThis so dev hot reload does not open another.
const holder = globalThis as unknown as { __landfallDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__landfallDb ??= (async () => {
    const database = openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: defaultDataDir() });
    await database.migrate();
    // Name keys a migration could not fill (they are computed in code). Beside serving: on a
    // large database filling takes minutes, and nothing waits for it but the duplicate check of
    // rows older than the keys.
    void backfillNameKeys(database.db).then(
      (n) => n > 0 && console.log(`[landfall] name keys completed for ${n} enterprises`),
      (e: unknown) =>
        console.error(`[landfall] completing name keys failed (${(e as { cause?: Error }).cause?.message ?? String(e).split("\n")[0]}); tried again at the next start`),
    );
    void backfillSearchEntries(database.db).then(
      (n) => n > 0 && console.log(`[landfall] search entries written for ${n} records`),
      (e: unknown) => console.error(`[landfall] writing search entries failed (${(e as { cause?: Error }).cause?.message ?? String(e).split("\n")[0]}); tried again at the next start`),
    );
    return database;
  })();
  return holder.__landfallDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export { schema };

/** Rows of a raw SQL query; the two drivers shape `execute` results differently. */
export async function queryRows<T>(db: Db, query: import("drizzle-orm").SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
