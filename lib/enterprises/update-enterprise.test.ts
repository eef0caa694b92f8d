import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, contacts, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createEnterprise } from "./actions/create-enterprise";
import { updateEnterprise } from "./actions/update-enterprise";

let database: Database;
let staff: Viewer;
let manager: Viewer;
let otherStaff: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  const otherTeam = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  manager = await makeViewer(database.db, "manager", team.id);
  otherStaff = await makeViewer(database.db, "staff", otherTeam.id);
  viewer = await makeViewer(database.db, "viewer");
});
afterAll(() => database?.close());

const rt = (who: Viewer | null) => ({ viewer: who, db: database.db, t });
const update = (who: Viewer | null, input: Record<string, unknown>) => runAction(updateEnterprise.definition, rt(who), input);

async function make(fields: Record<string, unknown>) {
  const result = await runAction(createEnterprise.definition, rt(staff), { confirmSimilar: "1", ...fields });
  if (!result.ok) throw new Error(result.message);
  const [row] = await database.db.select().from(enterprises).where(eq(enterprises.id, result.data.id));
  return row!;
}

const row = async (id: string) => (await database.db.select().from(enterprises).where(eq(enterprises.id, id)))[0]!;
const auditCount = async (id: string) =>
  (await database.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, "enterprise.update"))))[0]!.n;

describe("update enterprise", () => {
  it("saves the form, bumps the version, recomputes name key and search terms, and audits before and after", async () => {
    const e = await make({ nameZh: "宁德测试电池有限公司", city: "宁德", website: "https://old.example" });
    await database.db.insert(contacts).values({ enterpriseId: e.id, name: "欧阳娜娜" });
    const result = await update(staff, { id: e.id, version: "1", nameZh: "宁德新测试电池股份有限公司", city: "", country: "CN", size: "large" });
    expect(result).toEqual({ ok: true, data: { id: e.id, version: 2 } });

    const saved = await row(e.id);
    expect(saved).toMatchObject({ nameZh: "宁德新测试电池股份有限公司", city: null, website: null, size: "large", version: 2, updatedBy: staff.id });
    expect(saved.nameKey).toBe("宁德新测试电池");
    // Contact names stay searchable after an edit of the enterprise itself.
    expect(saved.searchTerms).toEqual(expect.arrayContaining(["新测", "欧阳"]));

    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, e.id), eq(auditLog.action, "enterprise.update")));
    expect(audit).toMatchObject({ actorId: staff.id, entityType: "enterprise", before: { city: "宁德", version: 1 }, after: { city: null, version: 2 } });
  });

  it("answers a stale version with a conflict carrying the other person's saved values, and keeps their change", async () => {
    const e = await make({ nameEn: "Conflict Test Motors", city: "Nanjing" });
    // Both load version 1; the manager saves first.
    expect((await update(manager, { id: e.id, version: 1, nameEn: "Conflict Test Motors", city: "Zhaoqing" })).ok).toBe(true);
    const late = await update(staff, { id: e.id, version: 1, nameEn: "Conflict Test Motors", city: "Wuxi", province: "Jiangsu" });

    expect(late).toMatchObject({
      ok: false,
      message: "Someone else changed this record while you were editing it.",
      details: { current: { version: 2, updatedBy: manager.name, values: { city: "Zhaoqing", nameEn: "Conflict Test Motors", province: "" } } },
    });
    expect(await row(e.id)).toMatchObject({ city: "Zhaoqing", province: null, version: 2, updatedBy: manager.id });
    expect(await auditCount(e.id)).toBe(1);

    // Saving again on top of the version the conflict reported goes through.
    expect(await update(staff, { id: e.id, version: 2, nameEn: "Conflict Test Motors", city: "Wuxi" })).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("refuses a credit code another enterprise holds, but not the enterprise's own", async () => {
    const holder = await make({ nameEn: "Code Holder Ltd", creditCode: "91320100MA1TE00011" });
    const e = await make({ nameEn: "Code Seeker Ltd", creditCode: "91320100MA1TE00024" });
    const taken = await update(staff, { id: e.id, version: 1, nameEn: "Code Seeker Ltd", creditCode: holder.creditCode });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { creditCode: ["Another enterprise already has this credit code."] } });
    expect((await row(e.id)).creditCode).toBe("91320100MA1TE00024");

    const own = await update(staff, { id: e.id, version: 1, nameEn: "Code Seeker Limited", creditCode: "91320100ma1te00024" });
    expect(own).toMatchObject({ ok: true, data: { version: 2 } });
  });

  it("warns about a new name that matches another enterprise, and saves once confirmed", async () => {
    const existing = await make({ nameZh: "苏州测试精密机械有限公司" });
    const e = await make({ nameZh: "常州测试精密机械有限公司" });
    const renamed = { id: e.id, version: 1, nameZh: "苏州测试精密机械股份有限公司" };
    const warned = await update(staff, renamed);
    expect(warned).toMatchObject({
      ok: false,
      fieldErrors: { nameZh: [expect.stringContaining("similar name")] },
      details: { similar: [{ id: existing.id, nameZh: "苏州测试精密机械有限公司" }] },
    });
    expect((await row(e.id)).version).toBe(1);
    expect(await update(staff, { ...renamed, confirmSimilar: "1" })).toMatchObject({ ok: true });

    // An edit that leaves the name alone does not warn again about the sibling it already resembles.
    expect(await update(staff, { ...renamed, version: 2, city: "苏州" })).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("lets the owner's team edit and refuses viewers, other teams' staff and unknown ids, changing nothing", async () => {
    const e = await make({ nameEn: "Access Test Gears" });
    expect(await update(viewer, { id: e.id, version: 1, nameEn: "Hijacked" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await update(otherStaff, { id: e.id, version: 1, nameEn: "Hijacked" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await update(staff, { id: "00000000-0000-4000-8000-000000000000", version: 1, nameEn: "Ghost" })).toMatchObject({
      ok: false,
      message: "This record does not exist or you cannot see it.",
    });
    expect(await row(e.id)).toMatchObject({ nameEn: "Access Test Gears", version: 1 });
    expect(await auditCount(e.id)).toBe(0);
    expect(await update(manager, { id: e.id, version: 1, nameEn: "Access Test Gears GmbH" })).toMatchObject({ ok: true });
  });

  it("answers bad input next to the field", async () => {
    const e = await make({ nameEn: "Validation Test Bearings" });
    const bad = await update(staff, { id: e.id, version: "x", nameEn: "", nameZh: "", website: "ftp://x" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["version", "website"]);
    expect((await row(e.id)).version).toBe(1);
  });
});
