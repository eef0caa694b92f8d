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

interface Template {
  dbTemplateUrl: string;
  pgliteTemplatePath: string;
  teardown(): Promise<void>;
}

// Vitest runs a global set-up once for each project (the root, "shared" and "isolated"), in one
// process: the template is made by the first call and shared by the others, and dropped after the
// last project's teardown.
const shared = globalThis as typeof globalThis & { landfallTemplate?: Promise<Template>; landfallTemplateUsers?: number };

export default async function setup(project: TestProject) {
  shared.landfallTemplate ??= makeTemplate();
  const template = await shared.landfallTemplate;
  shared.landfallTemplateUsers = (shared.landfallTemplateUsers ?? 0) + 1;
  project.provide("dbTemplateUrl", template.dbTemplateUrl);
  project.provide("pgliteTemplatePath", template.pgliteTemplatePath);
  return async () => {
    shared.landfallTemplateUsers = (shared.landfallTemplateUsers ?? 1) - 1;
    if (shared.landfallTemplateUsers === 0) await template.teardown();
  };
}

// Migrates one template database per run; each test file copies it (CREATE DATABASE … TEMPLATE),
// which takes milliseconds and keeps files from seeing each other's rows.
async function makeTemplate(): Promise<Template> {
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
    return { dbTemplateUrl: "", pgliteTemplatePath: file, teardown: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL || SERVER_DEFAULT;
  const template = `landfall_tpl_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const tpl = openDatabase({ url: withDatabase(adminUrl, template) });
  await tpl.migrate();
  await tpl.close();
  return {
    dbTemplateUrl: withDatabase(adminUrl, template),
    pgliteTemplatePath: "",
    async teardown() {
      const leftovers = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`landfall_t_${process.pid}_%`} or datname = ${template}`;
      for (const { datname } of leftovers) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    },
  };
}
