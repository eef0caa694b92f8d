import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { decodeCursor } from "@/lib/paging";
import { createEnterprise } from "./actions/create-enterprise";
import { listEnterprises } from "./queries";

let database: Database;
let staff: Viewer;
let viewer: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const team = await makeTeam(database.db);
  staff = await makeViewer(database.db, "staff", team.id);
  viewer = await makeViewer(database.db, "viewer");
});
afterAll(() => database?.close());

const create = (who: Viewer | null, input: Record<string, unknown> | FormData) =>
  runAction(createEnterprise.definition, { viewer: who, db: database.db, t }, input);

async function counts() {
  const [e] = await database.db.select({ n: count() }).from(enterprises);
  const [a] = await database.db.select({ n: count() }).from(auditLog);
  return { enterprises: e!.n, audit: a!.n };
}

describe("create enterprise", () => {
  it("refuses a viewer and a signed-out caller, writing nothing", async () => {
    const before = await counts();
    expect(await create(viewer, { nameZh: "测试企业" })).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await create(null, { nameZh: "测试企业" })).toMatchObject({ ok: false, message: "Your session has ended. Sign in again." });
    expect(await counts()).toEqual(before);
  });

  it("writes exactly one enterprise and one audit row for staff, owned by them and their team", async () => {
    const before = await counts();
    const form = new FormData();
    form.set("nameZh", " 比亚迪汽车工业有限公司 ");
    form.set("nameEn", "BYD Auto Industry Co., Ltd.");
    form.set("creditCode", "91440300 7261 8900 1u");
    form.set("country", "CN");
    form.set("size", "");
    const result = await create(staff, form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await counts()).toEqual({ enterprises: before.enterprises + 1, audit: before.audit + 1 });

    const [row] = await database.db.select().from(enterprises).where(eq(enterprises.id, result.data.id));
    expect(row).toMatchObject({ nameZh: "比亚迪汽车工业有限公司", creditCode: "91440300726189001U", ownerId: staff.id, teamId: staff.teamId, size: null, version: 1 });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, result.data.id));
    expect(audit).toMatchObject({ action: "enterprise.create", entityType: "enterprise", actorId: staff.id, before: null });
    expect(audit!.after).toMatchObject({ id: result.data.id, nameEn: "BYD Auto Industry Co., Ltd." });
  });

  it("answers bad input next to the field and writes nothing", async () => {
    const before = await counts();
    const empty = await create(staff, { nameZh: "  ", nameEn: "" });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { nameZh: ["Enter a Chinese or an English name."] } });

    const short = await create(staff, { nameZh: "某企业", creditCode: "91440300ABC" });
    expect(short).toMatchObject({
      ok: false,
      fieldErrors: { creditCode: ["A unified social credit code has exactly 18 characters: digits and capital letters other than I, O, S, V and Z."] },
    });

    // BYD's code with its last character mistyped, and with an O typed for a 0.
    const wrongCheck = await create(staff, { nameZh: "某企业", creditCode: "91440300192317458E" });
    expect(wrongCheck).toMatchObject({
      ok: false,
      fieldErrors: { creditCode: ["The credit code's check digit is wrong: check the code for a mistyped character."] },
    });
    const letterO = await create(staff, { nameZh: "某企业", creditCode: "9144O300192317458F" });
    expect(letterO).toMatchObject({ ok: false, fieldErrors: { creditCode: [expect.stringContaining("other than I, O, S, V and Z")] } });

    const taken = await create(staff, { nameZh: "另一家企业", creditCode: "91440300726189000Q" });
    expect(taken.ok).toBe(true);
    const dup = await create(staff, { nameEn: "Copycat Ltd", creditCode: "91440300726189000Q" });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { creditCode: ["Another enterprise already has this credit code."] } });

    const wrongTypes = await create(staff, { nameZh: ["a", "b"], website: "javascript:alert(1)", size: "enormous" });
    expect(wrongTypes.ok).toBe(false);
    if (!wrongTypes.ok) expect(Object.keys(wrongTypes.fieldErrors ?? {}).sort()).toEqual(["nameZh", "size", "website"]);

    // Only the one valid create above changed anything.
    expect(await counts()).toEqual({ enterprises: before.enterprises + 1, audit: before.audit + 1 });
  });
});

describe("enterprise list", () => {
  it("pages by keyset without gaps or repeats, newest first", async () => {
    for (const n of [1, 2, 3, 4, 5]) expect((await create(staff, { nameEn: `Paging Test ${n}` })).ok).toBe(true);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const { rows, next } = await listEnterprises(database.db, viewer, { after, limit: 2 });
      seen.push(...rows.map((r) => r.id));
      if (!next) break;
      after = next;
    }
    const all = await database.db.select({ id: enterprises.id }).from(enterprises);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.map((r) => r.id).sort());
    const first = await listEnterprises(database.db, viewer, { limit: 1 });
    expect(first.rows[0]?.nameEn).toBe("Paging Test 5");
  });

  it("treats a tampered cursor as the first page", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ at: "x'; drop table enterprises;--", id: "1" })).toString("base64url"))).toBeNull();
  });
});
