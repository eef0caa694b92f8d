import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { importEnterprises, previewImport } from "../actions/import-enterprises";

// A budget of 3 chunks an hour per person.
vi.stubEnv("RATE_LIMIT_IMPORT_PER_HOUR", "3");

let database: Database;
let staff: Viewer;
let colleague: Viewer;
beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  colleague = await makeViewer(database.db, "staff", team.id);
});
afterAll(() => database?.close());

const rows = (name: string) => [{ row: 2, values: { nameZh: name } }];
const preview = (who: Viewer, name: string) => runAction(previewImport.definition, { viewer: who, db: database.db, t }, { rows: rows(name) });
const runImport = (who: Viewer, name: string) => runAction(importEnterprises.definition, { viewer: who, db: database.db, t }, { rows: rows(name) });
const countOf = async (table: typeof enterprises | typeof auditLog) => (await database.db.select({ n: count() }).from(table))[0]!.n;

describe("import rate limit", () => {
  it("refuses a person's chunks, checks and imports alike, once the budget is spent, writing nothing", async () => {
    expect(await preview(staff, "限流测试企业甲")).toMatchObject({ ok: true });
    expect(await runImport(staff, "限流测试企业甲")).toMatchObject({ ok: true, data: { counts: { created: 1 } } });
    expect(await runImport(staff, "限流测试企业乙")).toMatchObject({ ok: true });
    const enterprisesBefore = await countOf(enterprises);
    const auditBefore = await countOf(auditLog);

    const refused = await runImport(staff, "限流测试企业丙");
    expect(refused).toEqual({ ok: false, message: "Too many requests in a short time; nothing was saved. Wait a few minutes and try again." });
    expect(await preview(staff, "限流测试企业丁")).toMatchObject({ ok: false, message: refused.ok ? "" : refused.message });
    expect(await countOf(enterprises)).toBe(enterprisesBefore);
    expect(await countOf(auditLog)).toBe(auditBefore);
  });

  it("counts per person: a colleague still imports", async () => {
    expect(await runImport(colleague, "限流测试企业戊")).toMatchObject({ ok: true, data: { counts: { created: 1 } } });
  });
});
