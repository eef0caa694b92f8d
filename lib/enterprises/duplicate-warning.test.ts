import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createEnterprise } from "./actions/create-enterprise";

let database: Database;
let staff: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  staff = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
});
afterAll(() => database?.close());

const create = (input: Record<string, unknown>) => runAction(createEnterprise.definition, { viewer: staff, db: database.db, t }, input);

async function counts() {
  const [e] = await database.db.select({ n: count() }).from(enterprises);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { enterprises: e!.n, audit: a!.n };
}

async function created(input: Record<string, unknown>) {
  const result = await create(input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

describe("duplicate check on create", () => {
  it("warns that 比亚迪股份有限公司 looks like the existing 比亚迪, links it, and saves nothing", async () => {
    const byd = await created({ nameZh: "比亚迪", creditCode: "91440300192317458F" });
    const before = await counts();
    const result = await create({ nameZh: "比亚迪股份有限公司", nameEn: "BYD Company Limited" });
    expect(result).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      fieldErrors: { nameZh: ["An enterprise with a similar name already exists. Check the list above, or save anyway."] },
      details: { similar: [{ id: byd, nameZh: "比亚迪", nameEn: null, aliases: [], creditCode: "91440300192317458F", nameKey: "比亚迪" }] },
    });
    expect(await counts()).toEqual(before);
  });

  it("saves a similar name once the user confirms it is a different company", async () => {
    await created({ nameEn: "BREMBO" });
    const warned = await create({ nameEn: "Brembo S.p.A." });
    expect(warned).toMatchObject({ ok: false, fieldErrors: { nameEn: [expect.any(String)] }, details: { similar: [{ nameEn: "BREMBO" }] } });
    const before = await counts();
    const confirmed = await create({ nameEn: "Brembo S.p.A.", confirmSimilar: "1" });
    expect(confirmed.ok).toBe(true);
    expect(await counts()).toEqual({ enterprises: before.enterprises + 1, audit: before.audit + 1 });
  });

  it("refuses a credit code another enterprise holds, with the message on the field, even when confirmed", async () => {
    await created({ nameZh: "溧水持码测试有限公司", creditCode: "91320117MA1XTE7T9T" });
    const before = await counts();
    const result = await create({ nameZh: "完全不同的企业", creditCode: "91320117ma1xte7t9t", confirmSimilar: "1" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { creditCode: ["Another enterprise already has this credit code."] } });
    expect(result.ok === false && result.details).toBeFalsy();
    expect(await counts()).toEqual(before);
  });

  it("does not warn about different companies or about deleted records", async () => {
    await created({ nameZh: "华为技术有限公司" });
    expect((await create({ nameZh: "华为终端有限公司" })).ok).toBe(true);

    const gone = await created({ nameZh: "已注销测试企业有限公司" });
    await database.db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, gone));
    expect((await create({ nameZh: "已注销测试企业" })).ok).toBe(true);
  });
});
