import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Database, queryRows } from "@/db";
import { evidenceFiles, projects, stageChanges } from "@/db/schema";
import { openTestDatabase } from "@/test/support/db";
import { makeEnterprise, PDF_BYTES } from "@/test/support/project-fixtures";

// The upgrade step runs as its own process against the app's database: a server database here
// (an in-memory PGlite cannot be shared with another process).
describe.runIf(Boolean(inject("dbTemplateUrl")))("importing the evidence folder of an earlier release", () => {
  let database: Database;
  let folder: string;
  beforeAll(async () => {
    database = await openTestDatabase();
    folder = mkdtempSync(path.join(tmpdir(), "landfall-evidence-import-"));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it("copies each named file into the database once, and keeps the name of a file it cannot find", async () => {
    const enterprise = await makeEnterprise(database.db);
    const [project] = await database.db.insert(projects).values({ enterpriseId: enterprise.id, name: "旧证据项目", stage: "registered" }).returning();
    const kept = `${randomUUID()}.pdf`;
    const lost = `${randomUUID()}.pdf`;
    writeFileSync(path.join(folder, kept), PDF_BYTES);
    const changes = await database.db
      .insert(stageChanges)
      .values([kept, lost].map((file) => ({ projectId: project!.id, fromStage: "signed" as const, toStage: "registered" as const, evidencePath: file, evidenceName: "执照.pdf", evidenceType: "application/pdf" })))
      .returning();
    const [name] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    const url = new URL(inject("dbTemplateUrl"));
    url.pathname = `/${name!.name}`;

    const run = () =>
      promisify(execFile)("node_modules/.bin/tsx", ["scripts/app/evidence-import.ts", folder], { env: { ...process.env, DATABASE_URL: url.toString(), LANDFALL_NO_ENV_FILES: "1" } }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const first = await run();
    expect(first.code).toBe(1);
    expect(first.stdout).toContain("1 evidence file(s) copied");
    expect(first.stderr).toContain(`${lost} is missing`);

    const files = await database.db.select().from(evidenceFiles);
    expect(files).toEqual([expect.objectContaining({ stageChangeId: changes[0]!.id, contentType: "application/pdf", size: PDF_BYTES.byteLength })]);
    const after = await database.db.select({ id: stageChanges.id, path: stageChanges.evidencePath }).from(stageChanges).where(eq(stageChanges.projectId, project!.id));
    expect(Object.fromEntries(after.map((c) => [c.id, c.path]))).toEqual({ [changes[0]!.id]: null, [changes[1]!.id]: lost });

    // Run again: nothing is copied twice.
    expect((await run()).stdout).toContain("0 evidence file(s) copied");
    expect(await database.db.select({ id: evidenceFiles.stageChangeId }).from(evidenceFiles)).toHaveLength(1);
  });
});
