import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { type Database, openDatabase } from "@/db";

/**
 * A migrated, empty database for one test file: in-memory PGlite, or with TEST_DB=server
 * a fresh copy of the run's template on the PostgreSQL server. Close it in afterAll.
 */
export async function openTestDatabase(): Promise<Database> {
  const templateUrl = inject("dbTemplateUrl");
  if (!templateUrl) {
    const templatePath = inject("pgliteTemplatePath");
    if (templatePath) {
      // Already migrated: the dump was taken after the migrations ran (lib/testing/global-setup.ts).
      return openDatabase({ loadDataDir: new Blob([readFileSync(templatePath)]) });
    }
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
