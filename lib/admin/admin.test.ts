import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, chainNodes, exchangeRates, industrialChains, teams, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { setUserRole, setUserTeam } from "@/lib/users/actions/set-user-access";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { createChainItem, deleteChainItem, moveChainItem, renameChainItem } from "./actions/chains";
import { createExchangeRate, createTeam, renameTeam } from "./actions/reference-data";

let database: Database;
let admin: Viewer, manager: Viewer, staff: Viewer;
let teamId: string;

type Result = { ok: true; data: { id: string; version?: number } } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;
const userRow = async (id: string) => (await database.db.select().from(users).where(eq(users.id, id)))[0]!;
const uid = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  database = await openTestDatabase();
  teamId = (await makeTeam(database.db)).id;
  admin = await makeViewer(database.db, "admin");
  manager = await makeViewer(database.db, "manager", teamId);
  staff = await makeViewer(database.db, "staff", teamId);
});
afterAll(() => database?.close());

describe("people", () => {
  it("only admins change roles; with an audit row and a version check", async () => {
    expect(await run(setUserRole, manager, { userId: staff.id, role: "manager", version: 1 })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect((await userRow(staff.id)).role).toBe("staff");
    expect(await run(setUserRole, admin, { userId: staff.id, role: "manager", version: 1 })).toMatchObject({ ok: true });
    expect(await userRow(staff.id)).toMatchObject({ role: "manager", version: 2 });
    expect(await run(setUserRole, admin, { userId: staff.id, role: "viewer", version: 1 })).toMatchObject({ ok: false, message: t("errors.conflict") });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityId, staff.id), eq(auditLog.action, "user.setRole")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ role: "staff" });
  });

  it("an admin cannot demote themselves", async () => {
    expect(await run(setUserRole, admin, { userId: admin.id, role: "staff", version: 1 })).toMatchObject({ ok: false, fieldErrors: { role: [t("validation.notYourself")] } });
    expect((await userRow(admin.id)).role).toBe("admin");
  });

  it("moves people between teams, or to none; unknown teams are refused", async () => {
    const other = await makeTeam(database.db);
    const before = (await userRow(manager.id)).version;
    expect(await run(setUserTeam, admin, { userId: manager.id, teamId: other.id, version: before })).toMatchObject({ ok: true });
    expect((await userRow(manager.id)).teamId).toBe(other.id);
    expect(await run(setUserTeam, admin, { userId: manager.id, teamId: "", version: before + 1 })).toMatchObject({ ok: true });
    expect((await userRow(manager.id)).teamId).toBeNull();
    expect(await run(setUserTeam, admin, { userId: manager.id, teamId: crypto.randomUUID(), version: before + 2 })).toMatchObject({ ok: false, fieldErrors: { teamId: [expect.any(String)] } });
  });
});

describe("exchange rates", () => {
  it("are exact decimals, positive, one per currency and day", async () => {
    expect(await run(createExchangeRate, admin, { currency: "USD", validFrom: "2026-01-01", rateToCny: "7.12345678" })).toMatchObject({ ok: true });
    const [row] = await database.db.select().from(exchangeRates).where(and(eq(exchangeRates.currency, "USD"), eq(exchangeRates.validFrom, "2026-01-01")));
    expect(row!.rateToCny).toBe("7.12345678");
    expect(await run(createExchangeRate, admin, { currency: "USD", validFrom: "2026-01-01", rateToCny: "7.2" })).toMatchObject({ ok: false, fieldErrors: { validFrom: [t("adminRules.rateTaken")] } });
    const bad = await run(createExchangeRate, admin, { currency: "CNY", validFrom: "", rateToCny: "7.123456789" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { currency: [t("validation.invalid")], validFrom: [t("validation.required")], rateToCny: [t("validation.invalid")] } });
    expect(await run(createExchangeRate, admin, { currency: "EUR", validFrom: "2026-01-01", rateToCny: "0.000" })).toMatchObject({ ok: false, fieldErrors: { rateToCny: [t("validation.invalid")] } });
    expect(await run(createExchangeRate, manager, { currency: "EUR", validFrom: "2026-01-01", rateToCny: "7.8" })).toMatchObject({ ok: false, message: t("errors.forbidden") });
  });
});

describe("teams, chains and nodes", () => {
  it("teams are created with a unique code and renamed over a version", async () => {
    const code = `t-${uid()}`;
    const created = await run(createTeam, admin, { code, nameZh: "测试小组", nameEn: "Test team" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await run(createTeam, admin, { code, nameZh: "重复", nameEn: "Dup" })).toMatchObject({ ok: false, fieldErrors: { code: [t("adminRules.codeTaken")] } });
    expect(await run(renameTeam, admin, { id: created.data.id, version: 1, nameZh: "改名小组", nameEn: "Renamed" })).toMatchObject({ ok: true });
    expect(await run(renameTeam, admin, { id: created.data.id, version: 1, nameZh: "又改", nameEn: "Again" })).toMatchObject({ ok: false, message: t("errors.conflict") });
    expect((await database.db.select().from(teams).where(eq(teams.id, created.data.id)))[0]!.nameZh).toBe("改名小组");
  });

  it("chains get nodes in order, which can be renamed, reordered and soft-deleted", async () => {
    const chain = await run(createChainItem, admin, { kind: "chain", code: `c-${uid()}`, nameZh: "测试链", nameEn: "Test chain" });
    if (!chain.ok) throw new Error(JSON.stringify(chain));
    const ids: string[] = [];
    for (const name of ["甲", "乙", "丙"]) {
      const node = await run(createChainItem, admin, { kind: "node", chainId: chain.data.id, code: `n-${uid()}`, nameZh: name, nameEn: name });
      if (!node.ok) throw new Error(JSON.stringify(node));
      ids.push(node.data.id);
    }
    const order = async () =>
      (await database.db.select().from(chainNodes).where(eq(chainNodes.chainId, chain.data.id)))
        .filter((n) => !n.deletedAt)
        .sort((a, b) => a.sortOrder - b.sortOrder)
        .map((n) => n.nameZh);
    expect(await order()).toEqual(["甲", "乙", "丙"]);
    expect(await run(moveChainItem, admin, { kind: "node", id: ids[2], direction: "up" })).toMatchObject({ ok: true });
    expect(await order()).toEqual(["甲", "丙", "乙"]);
    expect(await run(renameChainItem, admin, { kind: "node", id: ids[0], version: 1, nameZh: "甲一", nameEn: "A1" })).toMatchObject({ ok: true });
    const [first] = await database.db.select().from(chainNodes).where(eq(chainNodes.id, ids[0]!));
    expect(await run(deleteChainItem, admin, { kind: "node", id: ids[0], version: first!.version })).toMatchObject({ ok: true });
    expect(await order()).toEqual(["丙", "乙"]);
    expect(await run(deleteChainItem, staff, { kind: "chain", id: chain.data.id, version: 1 })).toMatchObject({ ok: false, message: t("errors.forbidden") });
    expect((await database.db.select().from(industrialChains).where(eq(industrialChains.id, chain.data.id)))[0]!.deletedAt).toBeNull();
  });
});

// The small admin forms show the other person's values beside the typed ones
// (components/admin/admin-form.tsx): a stale save answers with them, keyed by the form's field names.
describe("a stale save carries what the other admin saved, and changes nothing", () => {
  let other: Viewer;
  beforeAll(async () => {
    other = await makeViewer(database.db, "admin");
    await database.db.update(users).set({ name: `另一位管理员${uid()}` }).where(eq(users.id, other.id));
    other = { ...other, name: (await userRow(other.id)).name! };
  });
  const saved = (version: number, values: Record<string, string>) => ({
    ok: false,
    message: t("errors.conflict"),
    details: { current: { version, values, updatedBy: other.name, updatedAt: expect.any(String) } },
  });

  it("a team's names", async () => {
    const created = await run(createTeam, admin, { code: `t-${uid()}`, nameZh: "冲突小组", nameEn: "Conflict team" });
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(await run(renameTeam, other, { id: created.data.id, version: 1, nameZh: "对方的名字", nameEn: "Their name" })).toMatchObject({ ok: true });
    const stale = await run(renameTeam, admin, { id: created.data.id, version: 1, nameZh: "我的名字", nameEn: "Conflict team" });
    expect(stale).toMatchObject(saved(2, { nameZh: "对方的名字", nameEn: "Their name" }));
    expect((stale as { details: { current: { values: object } } }).details.current.values).toEqual({ nameZh: "对方的名字", nameEn: "Their name" });
    expect((await database.db.select().from(teams).where(eq(teams.id, created.data.id)))[0]).toMatchObject({ nameZh: "对方的名字", nameEn: "Their name", version: 2 });
  });

  it("a chain's and a node's names", async () => {
    const chain = await run(createChainItem, admin, { kind: "chain", code: `c-${uid()}`, nameZh: "冲突链", nameEn: "Conflict chain" });
    if (!chain.ok) throw new Error(JSON.stringify(chain));
    const node = await run(createChainItem, admin, { kind: "node", chainId: chain.data.id, code: `n-${uid()}`, nameZh: "冲突环节", nameEn: "Conflict node" });
    if (!node.ok) throw new Error(JSON.stringify(node));
    for (const [kind, id, table] of [["chain", chain.data.id, industrialChains], ["node", node.data.id, chainNodes]] as const) {
      expect(await run(renameChainItem, other, { kind, id, version: 1, nameZh: `对方的${kind}`, nameEn: `Their ${kind}` })).toMatchObject({ ok: true });
      const stale = await run(renameChainItem, admin, { kind, id, version: 1, nameZh: `我的${kind}`, nameEn: `Mine ${kind}` });
      expect(stale).toMatchObject(saved(2, { nameZh: `对方的${kind}`, nameEn: `Their ${kind}` }));
      expect((stale as { details: { current: { values: object } } }).details.current.values).toEqual({ nameZh: `对方的${kind}`, nameEn: `Their ${kind}` });
      expect((await database.db.select().from(table).where(eq(table.id, id)))[0]).toMatchObject({ nameZh: `对方的${kind}`, nameEn: `Their ${kind}`, version: 2 });
    }
  });

  it("a person's role and team: only that field, never the person's row", async () => {
    const person = await makeViewer(database.db, "staff", teamId);
    const otherTeam = await makeTeam(database.db);
    expect(await run(setUserTeam, other, { userId: person.id, teamId: otherTeam.id, version: 1 })).toMatchObject({ ok: true });
    const role = await run(setUserRole, admin, { userId: person.id, role: "manager", version: 1 });
    expect(role).toMatchObject(saved(2, { role: "staff" }));
    expect((role as { details: { current: { values: object } } }).details.current.values).toEqual({ role: "staff" });
    expect(JSON.stringify(role)).not.toContain(person.email);
    const team = await run(setUserTeam, admin, { userId: person.id, teamId: "", version: 1 });
    expect(team).toMatchObject(saved(2, { teamId: otherTeam.id }));
    expect((team as { details: { current: { values: object } } }).details.current.values).toEqual({ teamId: otherTeam.id });
    expect(await userRow(person.id)).toMatchObject({ role: "staff", teamId: otherTeam.id, version: 2 });

    // Moved to no team, the value is the form's empty choice.
    expect(await run(setUserTeam, other, { userId: person.id, teamId: "", version: 2 })).toMatchObject({ ok: true });
    expect(await run(setUserTeam, admin, { userId: person.id, teamId: otherTeam.id, version: 2 })).toMatchObject(saved(3, { teamId: "" }));
    expect((await userRow(person.id)).teamId).toBeNull();
  });
});
