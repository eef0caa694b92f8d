import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import { auditAccess } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { updateEnterprise } from "@/lib/enterprises/actions/update-enterprise";
import { NotFoundError } from "@/lib/errors";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { auditFilterQuery, fieldChanges, listAuditEntries, parseAuditFilters } from "./queries";

let database: Database;
let admin: Viewer, manager: Viewer, staff: Viewer;
let enterpriseId: string;
const name = `审计日志测试企业${Date.now()}`;

type Result = { ok: true; data: { id: string; version: number } } | { ok: false; message: string };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const ok = (r: Result) => {
  if (!r.ok) throw new Error(r.message);
  return r.data;
};

beforeAll(async () => {
  database = await openTestDatabase();
  const teamId = (await makeTeam(database.db)).id;
  admin = await makeViewer(database.db, "admin");
  manager = await makeViewer(database.db, "manager", teamId);
  staff = await makeViewer(database.db, "staff", teamId);
  enterpriseId = ok(await run(createEnterprise, staff, { nameZh: name, city: "肇庆", confirmSimilar: "1" })).id;
  ok(await run(updateEnterprise, staff, { id: enterpriseId, version: 1, nameZh: name, city: "深圳", confirmSimilar: "1" }));
  await auditAccess(database.db, staff.id, "evidence.download", "stage_change", "00000000-0000-4000-8000-000000000001");
});
afterAll(() => database?.close());

describe("the audit log", () => {
  it("is for admins only", async () => {
    for (const who of [manager, staff]) await expect(listAuditEntries(database.db, who, {}, "zh-CN")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("filtered to one enterprise shows its create and its edit, newest first, with the record's name and the editor", async () => {
    const { entries, nextBefore } = await listAuditEntries(database.db, admin, parseAuditFilters(new URLSearchParams({ type: "enterprise", record: enterpriseId })), "zh-CN");
    expect(entries.map((e) => e.action)).toEqual(["enterprise.update", "enterprise.create"]);
    expect(entries.every((e) => e.label === name && e.entityId === enterpriseId)).toBe(true);
    expect(entries[0]!.actorEmail).toBe(staff.email);
    expect(nextBefore).toBeNull();
    // The edit's before and after: the changed field with both values, and no unchanged field.
    const changes = fieldChanges(entries[0]!.before, entries[0]!.after);
    expect(changes).toContainEqual({ field: "city", before: "肇庆", after: "深圳" });
    expect(changes.map((c) => c.field)).not.toContain("nameZh");
  });

  it("filters by person, by an action's start, and by days", async () => {
    const byStaff = await listAuditEntries(database.db, admin, { person: staff.id }, "en");
    expect(byStaff.entries.length).toBeGreaterThanOrEqual(3);
    expect(byStaff.entries.every((e) => e.actorEmail === staff.email)).toBe(true);
    const enterpriseActions = await listAuditEntries(database.db, admin, { person: staff.id, action: "enterprise." }, "en");
    expect(enterpriseActions.entries.map((e) => e.action).sort()).toEqual(["enterprise.create", "enterprise.update"]);
    const downloads = await listAuditEntries(database.db, admin, { action: "evidence.download", person: staff.id }, "en");
    expect(downloads.entries).toHaveLength(1);
    expect(await listAuditEntries(database.db, admin, { person: staff.id, to: "2000-01-01" }, "en")).toEqual({ entries: [], nextBefore: null });
    expect((await listAuditEntries(database.db, admin, { person: staff.id, from: "2000-01-01" }, "en")).entries.length).toBe(byStaff.entries.length);
  });

  it("pages by entry, older entries after the cursor", async () => {
    const first = await listAuditEntries(database.db, admin, { person: staff.id }, "en", 1);
    expect(first.entries).toHaveLength(1);
    expect(first.nextBefore).toBe(first.entries[0]!.id);
    const second = await listAuditEntries(database.db, admin, { person: staff.id, before: first.nextBefore! }, "en", 1);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[0]!.id);
  });

  it("reads malformed filters as no filter, never as an error", () => {
    const f = parseAuditFilters(new URLSearchParams({ person: "x'; drop table audit_log;--", type: "nope", record: "<script>", action: "Enterprise.Update()", from: "2026-13-45", to: "yesterday", before: "-1" }));
    expect(f).toEqual({});
    expect(auditFilterQuery(parseAuditFilters(new URLSearchParams({ type: "project", action: "project.", from: "2026-01-01" })))).toBe("type=project&action=project.&from=2026-01-01");
  });

  it("never shows a secret's value", () => {
    expect(fieldChanges({ calendarToken: "abc" }, { calendarToken: "def" })).toEqual([{ field: "calendarToken", before: "•••", after: "•••" }]);
    expect(fieldChanges(null, { name: "x", city: null, id: "1", updatedAt: "t", version: 1 })).toEqual([{ field: "name", before: null, after: "x" }]);
  });
});
