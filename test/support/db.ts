import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, queryRows } from "@/db";
import { referenceChanged } from "@/lib/reference/cache";

/**
 * PGlite: one instance per worker, loaded from the run's migrated dump (test/setup/global-setup.ts)
 * and emptied at the start of each test file. Starting a PGlite costs over a second; emptying
 * every table costs milliseconds. Files run one after another in a worker, so a file still
 * never sees another's rows. Module state: with `isolate` a file gets an instance of its own.
 */
let workerPglite: Promise<{ database: Database; empty: string }> | undefined;

async function emptiedPglite(templatePath: string): Promise<Database> {
  const first = !workerPglite;
  workerPglite ??= (async () => {
    const database = openDatabase({ loadDataDir: new Blob([readFileSync(templatePath)]) });
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    return { database, empty: `truncate ${tables.map((t) => t.name).join(", ")} restart identity cascade` };
  })();
  const { database, empty } = await workerPglite;
  if (!first) {
    await database.db.execute(sql.raw(empty));
    // The same handle, emptied: what the process kept of its reference rows is gone too.
    referenceChanged();
  }
  // The instance outlives the file: closing is the worker's exit.
  return { ...database, close: async () => {} };
}

/**
 * A migrated, empty database for one test file: in-memory PGlite, or with TEST_DB=server
 * a fresh copy of the run's template on the PostgreSQL server. Close it in afterAll.
 */
export async function openTestDatabase(): Promise<Database> {
  const templateUrl = inject("dbTemplateUrl");
  if (!templateUrl) {
    const templatePath = inject("pgliteTemplatePath");
    if (templatePath) return emptiedPglite(templatePath);
    const database = openDatabase({});
    await database.migrate();
    return database;
  }
  const tpl = new URL(templateUrl);
  const template = tpl.pathname.slice(1);
  const name = `landfall_t_${template.split("_").at(-1)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(templateUrl.replace(`/${template}`, "/postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ url: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Server only: another handle on the same database, with a connection pool of its own, as a
 * second app instance holds it. (A PGlite database has one handle, in one process.) Close it
 * before the test database.
 */
export async function openSecondHandle(database: Database): Promise<Database> {
  if (database.kind !== "server") throw new Error("a PGlite database has one handle");
  const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(inject("dbTemplateUrl"));
  url.pathname = `/${row!.name}`;
  return openDatabase({ url: url.toString() });
}

/** The postgres:// URL of a test database on the server (TEST_DB=server), for a second connection to it. */
export async function testDatabaseUrl(database: Database): Promise<string> {
  const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(inject("dbTemplateUrl"));
  url.pathname = `/${row!.name}`;
  return url.toString();
}
