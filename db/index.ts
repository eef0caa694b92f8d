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

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.url) {
    const client = postgres(opts.url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      idle_timeout: 30,
      connect_timeout: 10,
      onnotice: () => {},
      // postgres.js reconnects on the next query after a dropped connection and reports
      // the failure to that query only, so a server restart never crashes the process.
      // Its default wait before reconnecting grows to 10–20 s after a few failed attempts:
      // queries would hang through an outage and the app stay down that long after the
      // server is back. Retry at most a second apart instead (scripts/crash-test.mjs).
      backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
      // No JIT: the aggregates of the board and the review are costed high enough to be
      // compiled, which took seconds per query on the 200,000-enterprise benchmark data
      // (BENCHMARKS.md) to save milliseconds.
      connection: { jit: "off" },
    });
    const db = drizzlePostgres(client, { schema, casing: "snake_case" });
    return {
      kind: "server",
      db: db as unknown as Db,
      migrate: () => migratePostgres(db as PostgresJsDatabase<Schema>, { migrationsFolder: MIGRATIONS }),
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
