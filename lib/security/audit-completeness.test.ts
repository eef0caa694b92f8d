import { and, eq, gt, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import { allServerActions, AUDITED_TABLES, CATALOGUE, type CatalogueEntry } from "@/test/support/action-catalogue";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { buildWorld } from "@/test/support/world";

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
}, 120_000);
afterAll(() => database?.close());

/** JSON form, as the audit log keeps it. */
const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

async function stored(type: string, id: string | null) {
  const table = AUDITED_TABLES[type];
  if (!table || !id) return null;
  const rows = await database.db.select().from(table).where(eq((table as unknown as { id: never }).id, id));
  return (json(rows[0]) as Record<string, unknown>) ?? null;
}

/** The fields both the audit snapshot and the stored row have must agree, and there must be some. */
function expectSnapshotOfRow(snapshot: unknown, row: Record<string, unknown> | null, label: string) {
  expect(row, `${label}: the audited row exists`).not.toBeNull();
  const shot = snapshot as Record<string, unknown>;
  const common = Object.keys(shot).filter((k) => k in row!);
  expect(common.length, `${label}: the snapshot has the row's fields`).toBeGreaterThan(0);
  expect(Object.fromEntries(common.map((k) => [k, shot[k]])), label).toEqual(Object.fromEntries(common.map((k) => [k, row![k]])));
}

describe("every server action", () => {
  it("has an entry in the action catalogue", async () => {
    const actions = await allServerActions();
    expect(actions.length).toBeGreaterThan(50);
    const catalogued = new Set(CATALOGUE.map((c) => c.action.definition));
    const missing = actions.filter((a) => !catalogued.has(a.definition)).map((a) => `${a.file}: ${a.name}`);
    expect(missing, "add these to test/support/action-catalogue.ts").toEqual([]);
    // And nothing in the catalogue is a stale leftover.
    const exported = new Set(actions.map((a) => a.definition));
    expect(CATALOGUE.filter((c) => !exported.has(c.action.definition)).map((c) => c.action.definition.name)).toEqual([]);
  });
});

describe("audit completeness", () => {
  it.each(CATALOGUE.map((c) => [c.action.definition.name, c] as [string, CatalogueEntry]))("%s leaves an audit row with before and after", async (name, entry) => {
    const db = database.db;
    const w = await buildWorld(db);
    const who = w.as[entry.by];
    const [{ last } = { last: 0 }] = await db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
    const id = entry.entityId?.(w, who);
    const beforeRow = await stored(entry.entityType, id ?? null);

    const result = await runAction(entry.action.definition as never, { viewer: who, db, t }, entry.input(w, who));
    expect(result.ok, `${name}: ${JSON.stringify(result)}`).toBe(true);

    const rows = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, last), eq(auditLog.action, name), eq(auditLog.entityType, entry.entityType)));
    const row = entry.entityId ? rows.find((r) => r.entityId === (id ?? null)) : rows[0];
    expect(row, `${name}: an audit row for ${entry.entityType} ${id ?? "(new)"}`).toBeDefined();
    expect(row!.actorId).toBe(who.id);
    const now = await stored(entry.entityType, row!.entityId);

    if (entry.verify) entry.verify({ before: row!.before, after: row!.after, stored: now, w, who });
    switch (entry.change) {
      case "create":
        expect(row!.before, `${name}: nothing before a create`).toBeNull();
        expectSnapshotOfRow(row!.after, now, `${name}: after is the new row`);
        expect(now!.createdBy ?? who.id).toBe(who.id);
        break;
      case "update":
        expect(row!.before, `${name}: before`).not.toBeNull();
        expect(row!.after, `${name}: after`).not.toBeNull();
        expect(row!.after, `${name}: before and after differ`).not.toEqual(row!.before);
        if (!entry.verify) {
          expectSnapshotOfRow(row!.before, beforeRow, `${name}: before is the old row`);
          expectSnapshotOfRow(row!.after, now, `${name}: after is the row as stored`);
        }
        break;
      case "delete":
        expectSnapshotOfRow(row!.before, beforeRow, `${name}: before is the old row`);
        if (now) {
          expect(now.deletedAt, `${name}: the row is soft-deleted`).not.toBeNull();
          expect(row!.after === null || (row!.after as { deletedAt?: unknown }).deletedAt, `${name}: after shows the deletion`).toBeTruthy();
          if (row!.after) expectSnapshotOfRow(row!.after, now, `${name}: after is the row as stored`);
        } else expect(row!.after).toBeNull();
        break;
      case "record":
        expect(row!.after, `${name}: after`).not.toBeNull();
        break;
    }
  });
});
