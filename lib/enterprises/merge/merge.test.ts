import { randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db";
import {
  auditLog,
  chainNodes,
  contacts,
  delegationEnterprises,
  delegations,
  type Enterprise,
  enterpriseChainNodes,
  enterprises,
  eventParticipants,
  events,
  followUps,
  industrialChains,
  itineraryStops,
  type NewEnterprise,
  projects,
  visits,
} from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { decodeCursor } from "@/lib/paging";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { deleteEnterprise } from "../actions/delete-enterprise";
import { withCreditCodeCheck } from "../credit-code";
import { mergeEnterprises } from "../actions/merge-enterprises";
import { restoreEnterprise } from "../actions/restore-enterprise";
import { listDeletedEnterprises } from "./deleted-queries";
import { findMergeCandidates, getMergePreview } from "./queries";
import { getEnterprise, listEnterprises } from "../queries";
import { searchColumns } from "../search-index";

let database: Database;
let db: Db;
let manager: Viewer;
let staff: Viewer;
let viewer: Viewer;
let admin: Viewer;
let otherManager: Viewer;
let teamId: string;
const node: string[] = [];
const event: string[] = [];
const delegation: string[] = [];

const uid = () => randomBytes(3).toString("hex");
const FORBIDDEN = "You do not have permission to do this.";
const CONFLICT = "Someone else changed this record while you were editing it.";

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  teamId = team.id;
  manager = await makeViewer(db, "manager", team.id);
  staff = await makeViewer(db, "staff", team.id);
  viewer = await makeViewer(db, "viewer", team.id);
  admin = await makeViewer(db, "admin");
  otherManager = await makeViewer(db, "manager", other.id);
  const [chain] = await db.insert(industrialChains).values({ code: "nev", nameZh: "新能源汽车", nameEn: "New-energy vehicles" }).returning();
  for (const code of ["battery", "motor", "parts"]) {
    const [n] = await db.insert(chainNodes).values({ chainId: chain!.id, code, nameZh: code, nameEn: code }).returning();
    node.push(n!.id);
  }
  for (const n of [1, 2, 3]) {
    const [e] = await db.insert(events).values({ kind: "docking", nameEn: `Docking ${n}`, startsOn: "2024-03-01", endsOn: "2024-03-02" }).returning();
    event.push(e!.id);
  }
  for (const n of [1, 2]) {
    const [d] = await db.insert(delegations).values({ direction: "outbound", name: `Trip ${n}`, startsOn: "2024-04-01", endsOn: "2024-04-03" }).returning();
    delegation.push(d!.id);
  }
});
afterAll(() => database?.close());

const merge = (who: Viewer, input: Record<string, unknown>) => runAction(mergeEnterprises.definition, { viewer: who, db, t }, input);
const restore = (who: Viewer, input: Record<string, unknown>) => runAction(restoreEnterprise.definition, { viewer: who, db, t }, input);
const remove = (who: Viewer, input: Record<string, unknown>) => runAction(deleteEnterprise.definition, { viewer: who, db, t }, input);

async function makeEnterprise(values: Partial<NewEnterprise> = {}): Promise<Enterprise> {
  const v = { nameEn: `Merge Test ${uid()}`, ...values };
  const [row] = await db.insert(enterprises).values({ teamId, ownerId: staff.id, ...v, ...searchColumns(v) }).returning();
  return row!;
}
const reload = async (id: string) => (await db.select().from(enterprises).where(eq(enterprises.id, id)))[0]!;

/** Everything that hangs off an enterprise, as sorted ids: what a merge must move and a restore bring back. */
async function linksOf(enterpriseId: string) {
  const ids = async (table: typeof contacts | typeof visits | typeof projects | typeof followUps | typeof itineraryStops) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.enterpriseId, enterpriseId))).map((r) => r.id).sort();
  const liveEvents = await db
    .select({ id: eventParticipants.eventId })
    .from(eventParticipants)
    .where(and(eq(eventParticipants.enterpriseId, enterpriseId), isNull(eventParticipants.deletedAt)));
  const liveDelegations = await db
    .select({ id: delegationEnterprises.delegationId })
    .from(delegationEnterprises)
    .where(and(eq(delegationEnterprises.enterpriseId, enterpriseId), isNull(delegationEnterprises.deletedAt)));
  const nodes = await db.select({ id: enterpriseChainNodes.chainNodeId }).from(enterpriseChainNodes).where(eq(enterpriseChainNodes.enterpriseId, enterpriseId));
  return {
    contacts: await ids(contacts),
    visits: await ids(visits),
    projects: await ids(projects),
    followUps: await ids(followUps),
    stops: await ids(itineraryStops),
    events: liveEvents.map((r) => r.id).sort(),
    delegations: liveDelegations.map((r) => r.id).sort(),
    chainNodes: nodes.map((r) => r.id).sort(),
  };
}

async function rowCounts() {
  const tables = { contacts, visits, projects, followUps, itineraryStops, eventParticipants, delegationEnterprises, enterpriseChainNodes, enterprises, auditLog };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

/**
 * The survivor A has a contact, a visit, event 1 (as host), a deleted link to event 3,
 * delegation 1 and chain node 1. The duplicate B has two contacts (one deleted), two visits,
 * a project with a follow-up, another follow-up, an itinerary stop, events 1-3, delegations
 * 1-2 and chain nodes 1-2, plus a credit code, a Chinese name and a city A lacks.
 */
async function buildPair() {
  const a = await makeEnterprise({ nameEn: `Survivor Works ${uid()}` });
  const b = await makeEnterprise({ nameEn: `Duplicate Works ${uid()}`, nameZh: "重复测试企业", creditCode: withCreditCodeCheck(`91320117MA${uid().toUpperCase()}X`), city: "南京" });
  await db.insert(contacts).values([
    { enterpriseId: a.id, name: "Alice Survivor" },
    { enterpriseId: b.id, name: "王小明" },
    { enterpriseId: b.id, name: "Left Long Ago", deletedAt: new Date() },
  ]);
  const occurredAt = new Date("2024-05-01T02:00:00Z");
  await db.insert(visits).values([
    { enterpriseId: a.id, occurredAt, teamId },
    { enterpriseId: b.id, occurredAt, teamId },
    { enterpriseId: b.id, occurredAt, teamId, summary: "Second visit" },
  ]);
  const [project] = await db.insert(projects).values({ enterpriseId: b.id, name: "Battery plant", teamId, plannedAmount: "120000000.00" }).returning();
  await db.insert(followUps).values([
    { enterpriseId: b.id, projectId: project!.id, title: "Send land plan", dueOn: "2024-06-01", teamId },
    { enterpriseId: b.id, title: "Call back", dueOn: "2024-06-02", teamId },
  ]);
  await db.insert(itineraryStops).values({ delegationId: delegation[0]!, position: 1, startsAt: occurredAt, enterpriseId: b.id });
  await db.insert(eventParticipants).values([
    { eventId: event[0]!, enterpriseId: a.id, role: "host" },
    { eventId: event[2]!, enterpriseId: a.id, role: "attendee", deletedAt: new Date("2024-01-01T00:00:00Z") },
    { eventId: event[0]!, enterpriseId: b.id, role: "attendee" },
    { eventId: event[1]!, enterpriseId: b.id, role: "local" },
    { eventId: event[2]!, enterpriseId: b.id, role: "speaker", note: "Keynote on cells" },
  ]);
  await db.insert(delegationEnterprises).values([
    { delegationId: delegation[0]!, enterpriseId: a.id },
    { delegationId: delegation[0]!, enterpriseId: b.id },
    { delegationId: delegation[1]!, enterpriseId: b.id },
  ]);
  await db.insert(enterpriseChainNodes).values([
    { enterpriseId: a.id, chainNodeId: node[0]! },
    { enterpriseId: b.id, chainNodeId: node[0]! },
    { enterpriseId: b.id, chainNodeId: node[1]! },
  ]);
  return { a, b };
}

const pairInput = (a: Enterprise, b: Enterprise) => ({ survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: b.version });

describe("merging two enterprises", () => {
  it("moves every linked record to the survivor, loses nothing, and soft-deletes the merged one", async () => {
    const { a, b } = await buildPair();
    // A record merged into B earlier must follow B's rows to A.
    const older = await makeEnterprise({ deletedAt: new Date(), mergedIntoId: b.id });
    const [aBefore, bBefore, totals] = [await linksOf(a.id), await linksOf(b.id), await rowCounts()];

    const result = await merge(manager, pairInput(a, b));
    expect(result).toMatchObject({ ok: true, data: { survivorId: a.id, moved: { contacts: 2, visits: 2, projects: 1, followUps: 2, stops: 1, participants: 1, delegationLinks: 1, chainNodes: 2 } } });

    const [aAfter, bAfter] = [await linksOf(a.id), await linksOf(b.id)];
    for (const key of ["contacts", "visits", "projects", "followUps", "stops"] as const) {
      expect(aAfter[key]).toEqual([...aBefore[key], ...bBefore[key]].sort());
      expect(bAfter[key]).toEqual([]);
    }
    expect(aAfter.events).toEqual([...event].sort());
    expect(aAfter.delegations).toEqual([...delegation].sort());
    expect(aAfter.chainNodes).toEqual([node[0]!, node[1]!].sort());
    expect(bAfter).toMatchObject({ events: [], delegations: [], chainNodes: [] });
    // The survivor's own role in event 1 wins; its deleted link to event 3 came back with B's role and note.
    const roles = await db.select({ event: eventParticipants.eventId, role: eventParticipants.role, note: eventParticipants.note }).from(eventParticipants).where(eq(eventParticipants.enterpriseId, a.id));
    expect(roles).toContainEqual({ event: event[0], role: "host", note: null });
    expect(roles).toContainEqual({ event: event[2], role: "speaker", note: "Keynote on cells" });
    // Only the duplicate chain-node row is gone; two audit rows were added.
    expect(await rowCounts()).toEqual({ ...totals, enterpriseChainNodes: totals.enterpriseChainNodes! - 1, auditLog: totals.auditLog! + 2 });

    const [mergedRow, survivorRow] = [await reload(b.id), await reload(a.id)];
    expect(mergedRow).toMatchObject({ mergedIntoId: a.id, creditCode: null, version: b.version + 1 });
    expect(mergedRow.deletedAt).toBeInstanceOf(Date);
    expect(survivorRow).toMatchObject({ nameEn: a.nameEn, nameZh: "重复测试企业", creditCode: b.creditCode, city: "南京", version: a.version + 1 });
    expect(survivorRow.searchTerms).toEqual(expect.arrayContaining(["小明", "重复", b.creditCode!.toLowerCase()]));
    expect((await reload(older.id)).mergedIntoId).toBe(a.id);

    expect(await getEnterprise(db, b.id)).toBeNull();
    expect((await listEnterprises(db, viewer, { limit: 1000 })).rows.map((r) => r.id)).not.toContain(b.id);
    const deleted = await listDeletedEnterprises(db, manager);
    expect(deleted.rows.find((r) => r.id === b.id)).toMatchObject({ deletedByName: "Test manager", mergedInto: { id: a.id, live: true } });

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "enterprise.merge")).orderBy(asc(auditLog.id));
    const onMerged = audit.find((r) => r.entityId === b.id);
    expect(onMerged).toMatchObject({ actorId: manager.id, entityType: "enterprise", before: { id: b.id, deletedAt: null } });
    const record = onMerged!.after as { moved: Record<string, string[]> };
    expect(record).toMatchObject({ mergedInto: a.id, moved: { mergedRecords: [older.id] }, filled: { nameZh: "重复测试企业", city: "南京" } });
    expect(record.moved.contacts!.sort()).toEqual(bBefore.contacts);
    expect(audit.find((r) => r.entityId === a.id)).toMatchObject({ before: { creditCode: null }, after: { creditCode: b.creditCode } });
  });

  it("restore brings the merged record back with its rows, links and credit code", async () => {
    const { a, b } = await buildPair();
    const older = await makeEnterprise({ deletedAt: new Date(), mergedIntoId: b.id });
    const [aBefore, bBefore, totals] = [await linksOf(a.id), await linksOf(b.id), await rowCounts()];
    expect((await merge(manager, pairInput(a, b))).ok).toBe(true);

    const result = await restore(manager, { id: b.id, version: (await reload(b.id)).version });
    expect(result).toEqual({ ok: true, data: { id: b.id, survivorId: a.id, notes: [] } });
    expect(await linksOf(a.id)).toEqual(aBefore);
    expect(await linksOf(b.id)).toEqual(bBefore);
    const [survivorRow, restoredRow] = [await reload(a.id), await reload(b.id)];
    expect(restoredRow).toMatchObject({ deletedAt: null, mergedIntoId: null, creditCode: b.creditCode, nameZh: "重复测试企业" });
    expect(survivorRow).toMatchObject({ nameZh: null, creditCode: null, city: null, nameEn: a.nameEn });
    expect(survivorRow.searchTerms).not.toContain("小明");
    expect(restoredRow.searchTerms).toContain("小明");
    expect((await reload(older.id)).mergedIntoId).toBe(b.id);
    // The merged record's deleted link to event 3 is live again, the survivor's is deleted again.
    expect((await db.select().from(eventParticipants).where(and(eq(eventParticipants.enterpriseId, a.id), eq(eventParticipants.eventId, event[2]!))))[0]).toMatchObject({ role: "attendee", deletedAt: new Date("2024-01-01T00:00:00Z") });
    expect(await getEnterprise(db, b.id)).not.toBeNull();
    expect((await rowCounts()).enterpriseChainNodes).toBe(totals.enterpriseChainNodes);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "enterprise.restore"), eq(auditLog.entityId, b.id)));
    expect(audit).toMatchObject({ actorId: manager.id, before: { mergedIntoId: a.id }, after: { deletedAt: null, restore: { survivorId: a.id } } });
  });

  it("restores what it can when the survivor was deleted since, and says so", async () => {
    const { a, b } = await buildPair();
    const bBefore = await linksOf(b.id);
    expect((await merge(manager, pairInput(a, b))).ok).toBe(true);
    expect((await remove(manager, { id: a.id, version: (await reload(a.id)).version })).ok).toBe(true);

    const result = await restore(manager, { id: b.id, version: (await reload(b.id)).version });
    expect(result).toMatchObject({ ok: true, data: { notes: ["survivorGone"] } });
    expect(await linksOf(b.id)).toEqual(bBefore);
    expect((await reload(b.id)).creditCode).toBe(b.creditCode);
  });

  it("brings rows back from where a later merge took them, and names those that moved on", async () => {
    const { a, b } = await buildPair();
    const c = await makeEnterprise();
    const bBefore = await linksOf(b.id);
    expect((await merge(manager, pairInput(a, b))).ok).toBe(true);
    expect((await merge(admin, pairInput(c, await reload(a.id)))).ok).toBe(true);
    expect((await reload(b.id)).mergedIntoId).toBe(c.id);
    // One of B's visits is re-assigned by hand to yet another record after the merges.
    const elsewhere = await makeEnterprise();
    await db.update(visits).set({ enterpriseId: elsewhere.id }).where(eq(visits.id, bBefore.visits[0]!));

    const result = await restore(manager, { id: b.id, version: (await reload(b.id)).version });
    expect(result).toMatchObject({ ok: true, data: { notes: expect.arrayContaining(["survivorGone", "rowsChanged"]) } });
    expect(await linksOf(b.id)).toEqual({ ...bBefore, visits: bBefore.visits.slice(1) });
  });

  it("is refused to staff, viewers and another team's manager, and changes nothing", async () => {
    const { a, b } = await buildPair();
    const before = { a: await linksOf(a.id), b: await linksOf(b.id), rows: [await reload(a.id), await reload(b.id)], counts: await rowCounts() };
    for (const who of [staff, viewer, otherManager]) {
      expect(await merge(who, pairInput(a, b))).toEqual({ ok: false, message: FORBIDDEN });
      expect(await remove(who, { id: b.id, version: b.version })).toEqual({ ok: false, message: FORBIDDEN });
    }
    expect({ a: await linksOf(a.id), b: await linksOf(b.id), rows: [await reload(a.id), await reload(b.id)], counts: await rowCounts() }).toEqual(before);
  });

  it("answers a stale version with a conflict and changes nothing", async () => {
    const { a, b } = await buildPair();
    await db.update(enterprises).set({ city: "苏州", version: a.version + 1 }).where(eq(enterprises.id, a.id));
    const before = { a: await linksOf(a.id), b: await linksOf(b.id), counts: await rowCounts() };
    const result = await merge(manager, pairInput(a, b));
    expect(result).toMatchObject({ ok: false, message: CONFLICT });
    // The record's id and version, never the whole row.
    expect(result.ok === false && result.details).toEqual({ current: { id: a.id, version: a.version + 1 } });
    expect({ a: await linksOf(a.id), b: await linksOf(b.id), counts: await rowCounts() }).toEqual(before);
    expect((await reload(b.id)).deletedAt).toBeNull();
  });

  it("refuses to merge a record into itself or into a deleted one", async () => {
    const { a, b } = await buildPair();
    expect(await merge(manager, pairInput(a, a))).toMatchObject({ ok: false, fieldErrors: { survivorId: ["An enterprise cannot be merged into itself. Choose another one."] } });
    await db.update(enterprises).set({ deletedAt: new Date() }).where(eq(enterprises.id, a.id));
    expect(await merge(manager, pairInput(a, b))).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
    expect((await reload(b.id)).deletedAt).toBeNull();
  });
});

describe("soft delete and restore", () => {
  it("hides a deleted enterprise everywhere but the Deleted view, and restore brings it back", async () => {
    const e = await makeEnterprise({ creditCode: withCreditCodeCheck(`91110000MA${uid().toUpperCase()}0`) });
    const stale = await remove(manager, { id: e.id, version: e.version + 1 });
    expect(stale).toMatchObject({ ok: false, message: CONFLICT });

    expect(await remove(manager, { id: e.id, version: e.version })).toEqual({ ok: true, data: { id: e.id } });
    expect(await getEnterprise(db, e.id)).toBeNull();
    expect((await listEnterprises(db, viewer, { limit: 1000 })).rows.map((r) => r.id)).not.toContain(e.id);
    expect((await listDeletedEnterprises(db, manager)).rows.find((r) => r.id === e.id)).toMatchObject({ mergedInto: null, deletedByName: "Test manager" });
    expect((await listDeletedEnterprises(db, admin)).rows.map((r) => r.id)).toContain(e.id);
    expect((await listDeletedEnterprises(db, otherManager)).rows.map((r) => r.id)).not.toContain(e.id);
    expect((await listDeletedEnterprises(db, staff)).rows).toEqual([]);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "enterprise.delete"), eq(auditLog.entityId, e.id)));
    expect(audit).toMatchObject({ actorId: manager.id, before: { deletedAt: null } });

    const deletedVersion = (await reload(e.id)).version;
    expect(await restore(staff, { id: e.id, version: deletedVersion })).toEqual({ ok: false, message: FORBIDDEN });
    expect(await restore(otherManager, { id: e.id, version: deletedVersion })).toEqual({ ok: false, message: FORBIDDEN });
    expect(await restore(manager, { id: e.id, version: deletedVersion - 1 })).toMatchObject({ ok: false, message: CONFLICT });
    expect(await restore(manager, { id: e.id, version: deletedVersion })).toEqual({ ok: true, data: { id: e.id, survivorId: null, notes: [] } });
    expect(await getEnterprise(db, e.id)).toMatchObject({ enterprise: { id: e.id, creditCode: e.creditCode } });
    expect(await restore(manager, { id: e.id, version: deletedVersion + 1 })).toMatchObject({ ok: false, message: "This record does not exist or you cannot see it." });
  });

  it("pages the Deleted view by keyset without gaps or repeats", async () => {
    for (let n = 0; n < 5; n++) {
      const e = await makeEnterprise();
      expect((await remove(admin, { id: e.id, version: e.version })).ok).toBe(true);
    }
    const all = (await listDeletedEnterprises(db, admin, { limit: 200 })).rows.map((r) => r.id);
    const seen: string[] = [];
    let after = null;
    for (let page = 0; page < 50; page++) {
      const { rows, next } = await listDeletedEnterprises(db, admin, { after, limit: 2 });
      seen.push(...rows.map((r) => r.id));
      if (!next) break;
      after = decodeCursor(next);
    }
    expect(seen).toEqual(all);
  });
});

describe("merge lookups", () => {
  it("offers only live enterprises the caller may merge into, and previews what moves", async () => {
    const { a, b } = await buildPair();
    const foreign = await makeEnterprise({ nameEn: `Survivor Works Elsewhere ${uid()}`, teamId: null });
    const found = await findMergeCandidates(db, manager, { query: a.nameEn!, excludeId: b.id });
    expect(found.map((r) => r.id)).toEqual([a.id]);
    expect(await findMergeCandidates(db, manager, { query: b.nameEn!, excludeId: b.id })).toEqual([]);
    expect((await findMergeCandidates(db, admin, { query: "Survivor Works", excludeId: b.id, limit: 20 })).map((r) => r.id)).toContain(foreign.id);
    expect(await findMergeCandidates(db, staff, { query: a.nameEn!, excludeId: b.id })).toEqual([]);

    const preview = await getMergePreview(db, manager, { survivorId: a.id, mergedId: b.id });
    expect(preview?.merged.counts).toEqual({ contacts: 1, visits: 2, projects: 1, followUps: 2, stops: 1, participants: 3, delegationLinks: 2, chainNodes: 2 });
    expect(preview?.filled.sort()).toEqual(["city", "creditCode", "nameZh"]);
    expect(await getMergePreview(db, otherManager, { survivorId: a.id, mergedId: b.id })).toBeNull();
  });

  it("counts another team's confidential project and its follow-up only for a caller who may see them", async () => {
    const { a, b } = await buildPair();
    const [secret] = await db
      .insert(projects)
      .values({ enterpriseId: b.id, name: "Confidential cell plant", teamId: otherManager.teamId, ownerId: otherManager.id, confidential: true })
      .returning();
    await db.insert(followUps).values({ enterpriseId: b.id, projectId: secret!.id, title: "Confidential call", dueOn: "2024-06-03", teamId: otherManager.teamId });

    const forManager = await getMergePreview(db, manager, { survivorId: a.id, mergedId: b.id });
    expect(forManager?.merged.counts).toMatchObject({ projects: 1, followUps: 2 });
    const forAdmin = await getMergePreview(db, admin, { survivorId: a.id, mergedId: b.id });
    expect(forAdmin?.merged.counts).toMatchObject({ projects: 2, followUps: 3 });
  });

  it("every table that points at an enterprise is one the merge moves", async () => {
    const result = (await db.execute(sql`
      select cl.relname as "table", a.attname as "column"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any (c.conkey)
      where c.contype = 'f' and c.confrelid = 'enterprises'::regclass`)) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { table: string; column: string }[];
    // A new table here must be handled in links.ts / moves.ts before this list grows.
    expect(rows.map((r) => `${r.table}.${r.column}`).sort()).toEqual([
      "contacts.enterprise_id",
      "delegation_enterprises.enterprise_id",
      "enterprise_chain_nodes.enterprise_id",
      "enterprises.merged_into_id",
      "event_participants.enterprise_id",
      "follow_ups.enterprise_id",
      "itinerary_stops.enterprise_id",
      "projects.enterprise_id",
      "visits.enterprise_id",
    ]);
  });
});
