import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/db";

declare module "vitest" {
  export interface ProvidedContext {
    /** Server URL of a migrated template database, or "" for PGlite. */
    dbTemplateUrl: string;
    /** PGlite: a file holding a dump of a migrated data folder, loaded by every test file. */
    pgliteTemplatePath: string;
  }
}

export const SERVER_DEFAULT = "postgres://postgres@127.0.0.1:5432/test";

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// Migrates one template database per run; each test file copies it (CREATE DATABASE … TEMPLATE),
// which takes milliseconds and keeps files from seeing each other's rows.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DB !== "server") {
    // initdb and the migrations cost seconds per PGlite instance; every test file starts instead
    // from a dump of one migrated data folder, which loads in a fraction of that.
    const database = openDatabase({});
    await database.migrate();
    const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
    await database.close();
    const dir = mkdtempSync(path.join(tmpdir(), "landfall-pglite-"));
    const file = path.join(dir, "template.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("dbTemplateUrl", "");
    project.provide("pgliteTemplatePath", file);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  project.provide("pgliteTemplatePath", "");
  const adminUrl = process.env.DATABASE_URL || SERVER_DEFAULT;
  const template = `landfall_tpl_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const tpl = openDatabase({ url: withDatabase(adminUrl, template) });
  await tpl.migrate();
  await tpl.close();
  project.provide("dbTemplateUrl", withDatabase(adminUrl, template));

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`landfall_t_${process.pid}_%`} or datname = ${template}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
