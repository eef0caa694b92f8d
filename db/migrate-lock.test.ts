import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { openDatabase, queryRows } from "@/db";
import { sql } from "drizzle-orm";

const templateUrl = inject("dbTemplateUrl");

// Several app instances starting at once against a database that has never been migrated.
describe.runIf(Boolean(templateUrl))("migrations when instances start together", () => {
  it("are applied once: three migrations at the same moment all succeed and the journal holds each once", async () => {
    const admin = postgres(templateUrl.replace(/\/[^/]+$/, "/postgres"), { max: 1, onnotice: () => {} });
    const name = `landfall_t_migrate_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${name}`);
    const url = templateUrl.replace(/\/[^/]+$/, `/${name}`);
    const instances = [openDatabase({ url }), openDatabase({ url }), openDatabase({ url })];
    try {
      await Promise.all(instances.map((instance) => instance.migrate()));
      const journal = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] };
      const applied = await queryRows<{ n: number; hashes: number }>(
        instances[0]!.db,
        sql`select count(*)::int as n, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`,
      );
      expect(applied).toEqual([{ n: journal.entries.length, hashes: journal.entries.length }]);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
