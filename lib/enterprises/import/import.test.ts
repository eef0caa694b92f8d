import { and, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, contacts, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createEnterprise } from "../actions/create-enterprise";
import { importEnterprises, previewImport } from "../actions/import-enterprises";
import type { ImportRow } from "./fields";

let database: Database;
let staff: Viewer;
let staff2: Viewer;
let viewer: Viewer;
let byd: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  staff2 = await makeViewer(database.db, "staff", team.id);
  viewer = await makeViewer(database.db, "viewer");
  const created = await runAction(createEnterprise.definition, { viewer: staff, db: database.db, t }, {
    nameZh: "比亚迪股份有限公司",
    nameEn: "BYD Co., Ltd.",
    creditCode: "91440300192317458F",
  });
  if (!created.ok) throw new Error(created.message);
  byd = created.data.id;
});
afterAll(() => database?.close());

const preview = (who: Viewer | null, rows: ImportRow[]) => runAction(previewImport.definition, { viewer: who, db: database.db, t }, { rows });
const runImport = (who: Viewer | null, rows: ImportRow[]) => runAction(importEnterprises.definition, { viewer: who, db: database.db, t }, { rows });

async function counts() {
  const [e] = await database.db.select({ n: count() }).from(enterprises);
  const [c] = await database.db.select({ n: count() }).from(contacts);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { enterprises: e!.n, contacts: c!.n, audit: a!.n };
}

// 3 good rows, 1 similar to an enterprise already in Landfall, 1 with a bad credit code.
const FILE: ImportRow[] = [
  { row: 2, values: { nameZh: "溧水智能制造有限公司", creditCode: "91320117MA1XY7123R", city: "南京", contactName: "王伟", contactTitle: "总经理", contactPhone: "+86 25 5555 0101", contactEmail: "wangwei@lishui.example" } },
  { row: 3, values: { nameEn: "Avio Test Aero S.p.A.", country: "Italy", website: "www.avio-test.example" } },
  { row: 4, values: { nameZh: "华测检测认证集团", country: "中国" } },
  { row: 5, values: { nameZh: "比亚迪", contactName: "李四" } },
  { row: 6, values: { nameZh: "坏数据公司", creditCode: "123" } },
];

describe("enterprise import", () => {
  it("a dry run reports 3 new, 1 duplicate and 1 invalid row with reasons, and writes nothing", async () => {
    const before = await counts();
    const result = await preview(staff, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.counts).toEqual({ new: 3, created: 0, duplicate: 1, invalid: 1 });
    expect(result.data.results.map((r) => [r.row, r.status])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "new"],
      [5, "duplicate"],
      [6, "invalid"],
    ]);
    expect(result.data.results[3]).toMatchObject({ name: "比亚迪", reason: { kind: "existing", match: "name", id: byd, name: "比亚迪股份有限公司" } });
    expect(result.data.results[4]).toMatchObject({ name: "坏数据公司", errors: [{ field: "creditCode", message: "validation.creditCode" }] });

    const after = await counts();
    expect(after).toEqual({ ...before, audit: before.audit + 1 });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, "enterprise.import_preview"));
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "enterprise", entityId: null });
    expect(audit!.after).toMatchObject({ rows: 5, new: 3, duplicate: 1, invalid: 1 });
  });

  it("imports the good rows once, even when the same rows are submitted twice", async () => {
    const before = await counts();
    const first = await runImport(staff, FILE);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.data.counts).toEqual({ new: 0, created: 3, duplicate: 1, invalid: 1 });
    // Three enterprises, one contact (row 2), and an audit row for each.
    expect(await counts()).toEqual({ enterprises: before.enterprises + 3, contacts: before.contacts + 1, audit: before.audit + 4 });

    const second = await runImport(staff, FILE);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.data.counts).toEqual({ new: 0, created: 0, duplicate: 4, invalid: 1 });
    const firstIds = first.data.results.flatMap((r) => (r.status === "created" ? [r.id] : []));
    const againIds = second.data.results.flatMap((r) => (r.status === "duplicate" && r.reason.kind === "existing" ? [r.reason.id] : []));
    expect(againIds).toEqual([...firstIds, byd]);
    expect(await counts()).toEqual({ enterprises: before.enterprises + 3, contacts: before.contacts + 1, audit: before.audit + 4 });
  });

  it("creates records owned by the importer and their team, searchable by the contact's name, with country and website cleaned", async () => {
    const rows = await database.db
      .select()
      .from(enterprises)
      .where(inArray(enterprises.nameKey, ["溧水智能制造", "aviotestaero"]));
    const lishui = rows.find((r) => r.nameZh === "溧水智能制造有限公司")!;
    const avio = rows.find((r) => r.nameEn === "Avio Test Aero S.p.A.")!;
    expect(lishui).toMatchObject({ ownerId: staff.id, teamId: staff.teamId, creditCode: "91320117MA1XY7123R", city: "南京", country: "CN", createdBy: staff.id });
    expect(lishui.searchTerms).toEqual(expect.arrayContaining(["王伟", "溧水"]));
    expect(avio).toMatchObject({ country: "IT", website: "https://www.avio-test.example" });
    const [contact] = await database.db.select().from(contacts).where(eq(contacts.enterpriseId, lishui.id));
    expect(contact).toMatchObject({ name: "王伟", title: "总经理", phone: "+86 25 5555 0101", email: "wangwei@lishui.example", createdBy: staff.id });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "enterprise.import"), inArray(auditLog.entityId, [lishui.id, contact!.id])));
    expect(audit.map((a) => a.entityType).sort()).toEqual(["contact", "enterprise"]);
  });

  it("counts a row repeated in the same file as a duplicate of the first, by credit code or similar name", async () => {
    const rows: ImportRow[] = [
      { row: 2, values: { nameZh: "重复测试科技有限公司", creditCode: "91110000MA0REPEATY" } },
      { row: 3, values: { nameZh: "另一个名字", creditCode: "91110000ma0repeaty" } },
      { row: 4, values: { nameZh: "重复测试科技股份有限公司" } },
      { row: 5, values: { nameEn: "Width Test GmbH" } },
      { row: 6, values: { nameEn: "ＷＩＤＴＨ  TEST  AG" } },
    ];
    const result = await preview(staff, rows);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.results.map((r) => (r.status === "duplicate" ? [r.row, r.reason] : [r.row, r.status]))).toEqual([
      [2, "new"],
      [3, { kind: "inFile", match: "creditCode", row: 2 }],
      [4, { kind: "inFile", match: "name", row: 2 }],
      [5, "new"],
      [6, { kind: "inFile", match: "name", row: 5 }],
    ]);
  });

  it("skips bad rows with a reason per field and imports the rest of the chunk", async () => {
    const before = await counts();
    const rows: ImportRow[] = [
      { row: 2, values: { city: "无名" } },
      { row: 3, values: { nameZh: "坏邮箱公司", contactName: "赵六", contactEmail: "not-an-email" } },
      { row: 4, values: { nameZh: "缺联系人公司", contactPhone: "13800000000" } },
      { row: 5, values: { nameZh: "坏国家公司", country: "Atlantis", website: "javascript:alert(1)" } },
      { row: 6, values: { nameZh: "好的跳过测试公司" } },
    ];
    const result = await runImport(staff, rows);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.results.map((r) => (r.status === "invalid" ? r.errors : r.status))).toEqual([
      [{ field: "nameZh", message: "validation.nameRequired" }],
      // The contact form's own rule and message (lib/contacts/schema.ts).
      [{ field: "contactEmail", message: expect.stringMatching(/^[a-zA-Z]+\.[\w.]+$/) }],
      [{ field: "contactName", message: "validation.required" }],
      [
        { field: "country", message: "validation.country" },
        { field: "website", message: "validation.url" },
      ],
      "created",
    ]);
    expect(await counts()).toMatchObject({ enterprises: before.enterprises + 1, contacts: before.contacts });
  });

  it("reports a credit code with a wrong check digit as invalid, with the field and the reason, and writes no enterprise", async () => {
    const before = await counts();
    const rows: ImportRow[] = [
      { row: 2, values: { nameZh: "校验位错误测试有限公司", creditCode: "91440300192317458E" } },
      { row: 3, values: { nameZh: "校验位正确测试有限公司", creditCode: "91330100716105852F" } },
    ];
    const result = await preview(staff, rows);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.results[0]).toMatchObject({ status: "invalid", errors: [{ field: "creditCode", message: "validation.creditCodeCheck" }] });
    expect(result.data.results[1]).toMatchObject({ status: "new" });
    expect(t("validation.creditCodeCheck")).toBe("The credit code's check digit is wrong: check the code for a mistyped character.");
    expect((await counts()).enterprises).toBe(before.enterprises);
  });

  it("treats a credit code held by a deleted enterprise as taken, without revealing the record", async () => {
    const made = await runAction(createEnterprise.definition, { viewer: staff, db: database.db, t }, { nameZh: "已删除测试企业", creditCode: "91110000MA0DELETEM" });
    if (!made.ok) throw new Error(made.message);
    await database.db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, made.data.id));
    const result = await runImport(staff, [{ row: 2, values: { nameZh: "新名字企业", creditCode: "91110000MA0DELETEM" } }]);
    expect(result.ok && result.data.results[0]).toMatchObject({ status: "duplicate", reason: { kind: "existing", match: "creditCode", id: null, name: null } });
  });

  it("creates each enterprise once when two people import the same rows at the same time", async () => {
    const rows: ImportRow[] = Array.from({ length: 40 }, (_, i) => ({ row: i + 2, values: { nameZh: `并发导入测试企业${i}号` } }));
    const before = await counts();
    const [a, b] = await Promise.all([runImport(staff, rows), runImport(staff2, rows)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.counts.created + b.data.counts.created).toBe(40);
    expect(a.data.counts.duplicate + b.data.counts.duplicate).toBe(40);
    expect((await counts()).enterprises).toBe(before.enterprises + 40);
  });

  it("refuses a viewer and a signed-out caller, writing nothing", async () => {
    const before = await counts();
    expect(await preview(viewer, FILE)).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await runImport(viewer, FILE)).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await runImport(null, FILE)).toMatchObject({ ok: false, message: "Your session has ended. Sign in again." });
    expect(await counts()).toEqual(before);
  });

  it("refuses a malformed chunk as a whole: no rows, too many rows, unknown columns", async () => {
    const before = await counts();
    expect((await runImport(staff, [])).ok).toBe(false);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ row: i + 2, values: { nameZh: `太多${i}` } }));
    expect((await runImport(staff, tooMany)).ok).toBe(false);
    expect((await runImport(staff, [{ row: 2, values: { nameZh: "x", ownerId: "someone" } as never }])).ok).toBe(false);
    expect(await counts()).toEqual(before);
  });
});
