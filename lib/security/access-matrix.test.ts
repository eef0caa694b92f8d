import { randomUUID } from "node:crypto";
import { eq, getTableName, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Db, queryRows } from "@/db";
import { auditLog, enterpriseChainNodes, savedViews, sessions, visitAttendees } from "@/db/schema";
import { type ActionResult, runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { getFeedToken } from "@/lib/calendar/feed";
import { getDelegation } from "@/lib/delegations/queries";
import { getEnterpriseDetail, listEnterpriseContacts, listEnterpriseProjects } from "@/lib/enterprises/detail-queries";
import { getEvent } from "@/lib/events/queries";
import { listFollowUpsFor } from "@/lib/follow-ups/queries";
import { getPipeline } from "@/lib/projects/board-queries";
import { parsePipelineFilters } from "@/lib/projects/filters";
import { getPendingRequest, getProject, listStageHistory } from "@/lib/projects/queries";
import { countVerificationQueue, listVerificationQueue } from "@/lib/projects/verification-queries";
import { listPeopleForAdmin } from "@/lib/admin/queries";
import { listInbox } from "@/lib/notifications/queries";
import { listChainsWithNodes } from "@/lib/reference/queries";
import { listStalledProjects } from "@/lib/review/alerts";
import { getFunnel, getTargetsVsActuals } from "@/lib/review/queries";
import { listSavedViews } from "@/lib/saved-views/queries";
import { getVisit } from "@/lib/visits/queries";
import { AUDITED_TABLES, CATALOGUE, type CatalogueEntry, ENTITIES, type Entity, type Operation } from "@/test/support/action-catalogue";
import { openTestDatabase } from "@/test/support/db";
import { t } from "@/test/support/fixtures";
import { buildWorld, type Persona, TARGET_YEAR, type World } from "@/test/support/world";

/**
 * What each person may do to team A's records, from the product's rules (README "Projects and
 * the pipeline", lib/access.ts canEdit, lib/projects/visibility.ts, each action's minRole):
 * viewers read only; staff change what they or their team own; managers their team's, and they
 * delete, restore and merge enterprises, verify milestones and set targets; admins everything,
 * and alone manage people and reference data. A confidential project exists only for its owner,
 * its team's managers and admins. Saved views and the calendar feed are personal.
 *
 * allow: done and audited · deny: refused, nothing written · 404: refused exactly as a record
 * that does not exist · n/a: the product has no such operation.
 */
type Answer = "allow" | "deny" | "404";
type Row = readonly [Entity, Operation, readonly string[], ...Answer[]] | readonly [Entity, Operation, "n/a"];

const COLUMNS: readonly Persona[] = ["viewer", "staffA", "staffB", "managerA", "managerB", "admin"];

// prettier-ignore
const MATRIX: readonly Row[] = [
  //  entity                  operation        actions                                                          viewer   staff    staff B  manager  mgr B    admin
  ["enterprise",            "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["enterprise",            "create",        ["enterprise.create", "enterprise.import", "enterprise.import_preview"], "deny", "allow", "allow", "allow", "allow", "allow"],
  ["enterprise",            "update",        ["enterprise.update"],                                             "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["enterprise",            "delete",        ["enterprise.delete", "enterprise.restore"],                        "deny",  "deny",  "deny",  "allow", "deny",  "allow"],
  ["enterprise",            "merge",         ["enterprise.merge"],                                              "deny",  "deny",  "deny",  "allow", "deny",  "allow"],
  ["contact",               "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["contact",               "create",        ["contact.add"],                                                   "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["contact",               "update",        ["contact.update"],                                                "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["contact",               "delete",        ["contact.remove"],                                                "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["event",                 "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  // Whoever met a company at an event records it, whichever team organised the event.
  ["event",                 "create",        ["event.create", "event.add_participants"],                        "deny",  "allow", "allow", "allow", "allow", "allow"],
  ["event",                 "update",        ["event.update", "event.update_participant_role", "event.remove_participant"], "deny", "allow", "deny", "allow", "deny", "allow"],
  ["event",                 "delete",        ["event.delete"],                                                  "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["delegation",            "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["delegation",            "create",        ["delegation.create"],                                             "deny",  "allow", "allow", "allow", "allow", "allow"],
  ["delegation",            "update",        ["delegation.update", "delegation.member.add", "delegation.member.remove", "delegation.enterprise.link", "delegation.enterprise.unlink", "delegation.stop.add", "delegation.stop.update", "delegation.stop.cancel", "delegation.stop.remove", "delegation.stop.move"], "deny", "allow", "deny", "allow", "deny", "allow"],
  ["delegation",            "delete",        ["delegation.delete"],                                             "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["visit",                 "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["visit",                 "create",        ["visit.create"],                                                  "deny",  "allow", "allow", "allow", "allow", "allow"],
  ["visit",                 "update",        ["visit.update", "attachment.add", "attachment.remove"],             "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["visit",                 "delete",        ["visit.delete"],                                                  "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["follow-up",             "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["follow-up",             "create",        ["followUp.create"],                                               "deny",  "allow", "allow", "allow", "allow", "allow"],
  // A project alert becomes a follow-up given by a manager (to themselves here).
  ["follow-up",             "create",        ["alert.assign"],                                                  "deny",  "deny",  "deny",  "allow", "allow", "allow"],
  ["follow-up",             "update",        ["followUp.complete", "followUp.reschedule", "followUp.reassign"], "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["follow-up",             "delete",        ["followUp.cancel"],                                               "deny",  "allow", "deny",  "allow", "deny",  "allow"],
  ["project",               "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["project",               "create",        ["project.create"],                                                "deny",  "allow", "allow", "allow", "allow", "allow"],
  ["project",               "update",        ["project.update", "project.setStatus", "project.moveStage", "project.addTranche"], "deny", "allow", "deny", "allow", "deny", "allow"],
  // Funds in place, once recorded, are corrected or taken back by a manager of the project's team or an admin, with a reason.
  ["project",               "update",        ["project.updateTranche", "project.deleteTranche"],                "deny",  "deny",  "deny",  "allow", "deny",  "allow"],
  ["project",               "delete",        "n/a"],
  ["confidential project",  "read",          [],                                                                "404",   "404",   "404",   "allow", "404",   "allow"],
  // staffA is in the project's team but not its owner: to them it does not exist either, nor does its follow-up.
  // (It is a lead, which takes no tranche: lib/projects/tranches.test.ts checks adding one there.)
  ["confidential project",  "update",        ["project.update", "project.setStatus", "project.moveStage", "followUp.complete", "followUp.reschedule", "followUp.reassign", "followUp.cancel"], "deny", "404", "404", "allow", "404", "allow"],
  ["confidential project",  "update",        ["project.updateTranche", "project.deleteTranche"],                "deny",  "deny",  "deny",  "allow", "404",   "allow"],
  // Anyone who may create a project may make it confidential: it is theirs.
  ["confidential project",  "create",        ["project.create"],                                                "deny",  "allow", "allow", "allow", "allow", "allow"],
  ["confidential project",  "delete",        "n/a"],
  ["confidential project",  "verify stage",  ["project.decideStageRequest"],                                    "deny",  "deny",  "deny",  "allow", "404",   "allow"],
  ["stage request",         "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["stage request",         "verify stage",  ["project.decideStageRequest"],                                    "deny",  "deny",  "deny",  "allow", "deny",  "allow"],
  ["saved view",            "read",          [],                                                                "404",   "allow", "404",   "404",   "404",   "404"],
  ["saved view",            "create",        ["saved_view.create"],                                             "allow", "allow", "allow", "allow", "allow", "allow"],
  ["saved view",            "update",        "n/a"],
  ["saved view",            "delete",        ["saved_view.delete"],                                             "404",   "allow", "404",   "404",   "404",   "404"],
  ["target",                "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["target",                "set targets",   ["target.set"],                                                    "deny",  "deny",  "deny",  "allow", "deny",  "allow"],
  ["user",                  "read",          [],                                                                "404",   "404",   "404",   "404",   "404",   "allow"],
  // One's own language, session and morning digest.
  ["user",                  "update",        ["user.set_locale", "auth.sign_out", "user.set_digest"],                              "allow", "allow", "allow", "allow", "allow", "allow"],
  ["user",                  "manage users",  ["user.setRole", "user.setTeam", "user.deactivate", "user.reactivate"], "deny", "deny", "deny", "deny", "deny", "allow"],
  // A manager hands on the work of their own team's people; to another team's manager the person is not there.
  ["user",                  "manage users",  ["user.reassignWork"],                                            "deny",  "deny",  "deny",  "allow", "404",   "allow"],
  ["reference data",        "read",          [],                                                                "allow", "allow", "allow", "allow", "allow", "allow"],
  ["reference data",        "create",        ["chain.create", "team.create", "exchangeRate.create"],            "deny",  "deny",  "deny",  "deny",  "deny",  "allow"],
  ["reference data",        "update",        ["chain.rename", "chain.move", "team.rename", "team.setWebhook"], "deny",  "deny",  "deny",  "deny",  "deny",  "allow"],
  ["reference data",        "delete",        ["chain.delete"],                                                  "deny",  "deny",  "deny",  "deny",  "deny",  "allow"],
  // staffA's feed: nobody else can read it; everyone turns their own on and off.
  ["feed token",            "read",          [],                                                                "404",   "allow", "404",   "404",   "404",   "404"],
  ["feed token",            "create",        ["calendar.token.rotate"],                                         "allow", "allow", "allow", "allow", "allow", "allow"],
  ["feed token",            "delete",        ["calendar.token.revoke"],                                         "allow", "allow", "allow", "allow", "allow", "allow"],
  // staffA's inbox item: nobody else can read or mark it; everyone marks their own inbox read.
  ["notification",          "read",          [],                                                                "404",   "allow", "404",   "404",   "404",   "404"],
  ["notification",          "update",        ["notification.markRead"],                                         "404",   "allow", "404",   "404",   "404",   "404"],
  ["notification",          "update",        ["notification.markAllRead"],                                      "allow", "allow", "allow", "allow", "allow", "allow"],
];

const answers = (row: Row) => (row[2] === "n/a" ? [] : (row.slice(3) as Answer[]));

let database: Database;
let world: World;
let NOT_FOUND: string;
let FORBIDDEN: string;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database.db);
  NOT_FOUND = t("errors.notFound");
  FORBIDDEN = t("errors.forbidden");
}, 120_000);
afterAll(() => database?.close());

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back: every cell starts from the same world. */
async function isolated<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  try {
    await database.db.transaction(async (tx) => {
      out = await fn(tx as unknown as Db);
      throw new Rollback();
    });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return out as T;
}

/** Every table an action may write, the audit log included. */
const WRITTEN_TABLES = [
  ...new Set([...Object.values(AUDITED_TABLES), visitAttendees, sessions, enterpriseChainNodes, auditLog].map((table) => getTableName(table))),
];

/** A digest of every row of every table an action may write. */
async function fingerprint(db: Db): Promise<string> {
  const rows = WRITTEN_TABLES.map((name) => `select '${name}' as t, x::text as r from ${name} x`).join(" union all ");
  const [row] = await queryRows<{ digest: string }>(db, sql.raw(`select coalesce(md5(string_agg(t || r, ',' order by t, r)), '') as digest from (${rows}) all_rows`));
  return row!.digest;
}

const byName = new Map(CATALOGUE.map((c) => [c.action.definition.name, c]));

/** The world as the confidential-project rows see it: the same project and follow-up entries, aimed at the confidential project and its follow-up. */
const aimedAt = (entity: Entity, w: World): World =>
  entity === "confidential project"
    ? { ...w, ids: { ...w.ids, project: w.ids.confidentialProject, followUp: w.ids.confidentialFollowUp, stageRequest: w.ids.confidentialStageRequest, tranche: w.ids.confidentialTranche } }
    : w;

/** The catalogue's input; a project created in a confidential-project row is created confidential. */
const inputFor = (entity: Entity, entry: CatalogueEntry, w: World, who: Viewer) =>
  entity === "confidential project" && entry.action.definition.name === "project.create" ? { ...entry.input(w, who), confidential: "on" } : entry.input(w, who);

/** The record a refused call names, to ask the same of an id that never existed. */
function targetOf(entry: CatalogueEntry, w: World, who: Viewer, input: Record<string, unknown>): string | null {
  const id = entry.entityId?.(w, who);
  if (id) return id;
  for (const key of ["projectId", "enterpriseId", "delegationId", "eventId", "requestId"]) if (typeof input[key] === "string") return input[key] as string;
  return null;
}

function replaceId(input: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === from ? to : v]));
}

async function newAudit(db: Db, last: number, name: string) {
  const rows = await db.select({ id: auditLog.id, action: auditLog.action }).from(auditLog).where(sql`${auditLog.id} > ${last}`);
  return rows.filter((r) => r.action === name).length;
}

describe("the access matrix", () => {
  it("covers every action of the catalogue once per entity, and every entity", () => {
    const covered = new Map<string, number>();
    for (const row of MATRIX) {
      if (row[2] === "n/a") continue;
      expect(answers(row), `${row[0]} ${row[1]}`).toHaveLength(COLUMNS.length);
      for (const name of row[2]) {
        expect(byName.has(name), `${name} is a catalogued action`).toBe(true);
        if (row[0] !== "confidential project") covered.set(name, (covered.get(name) ?? 0) + 1);
      }
    }
    expect(CATALOGUE.map((c) => c.action.definition.name).filter((n) => covered.get(n) !== 1)).toEqual([]);
    for (const entity of ENTITIES) expect(MATRIX.some((r) => r[0] === entity && r[1] === "read"), `${entity} read`).toBe(true);
  });

  it("notices a changed row, so a refused cell's unchanged fingerprint means something", async () => {
    await isolated(async (db) => {
      const before = await fingerprint(db);
      await db.update(savedViews).set({ name: "renamed" }).where(eq(savedViews.id, world.ids.savedView));
      expect(await fingerprint(db)).not.toBe(before);
    });
  });

  const writes = MATRIX.flatMap((row) =>
    row[2] === "n/a" ? [] : row[2].map((name) => ({ entity: row[0], operation: row[1], name, answers: answers(row) })),
  );

  it.each(writes.map((w) => [`${w.entity} ${w.operation}: ${w.name}`, w] as const))("%s", async (_label, cell) => {
    const entry = byName.get(cell.name)!;
    const problems: string[] = [];
    for (const [i, persona] of COLUMNS.entries()) {
      const expected = cell.answers[i]!;
      const w = aimedAt(cell.entity, world);
      const who = w.as[persona];
      const input = inputFor(cell.entity, entry, w, who);
      await isolated(async (db) => {
        const [{ last } = { last: 0 }] = await db.select({ last: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog);
        const before = expected === "allow" ? "" : await fingerprint(db);
        const result = (await runAction(entry.action.definition as never, { viewer: who, db, t }, input)) as ActionResult<unknown>;
        const audited = await newAudit(db, Number(last), cell.name);
        const said = result.ok ? "ok" : result.message;
        if (expected === "allow") {
          if (!result.ok) problems.push(`${persona}: expected allow, got "${said}" ${JSON.stringify(result.fieldErrors ?? {})}`);
          else if (audited === 0) problems.push(`${persona}: allowed but not audited`);
          return;
        }
        if (result.ok) return void problems.push(`${persona}: expected ${expected}, was allowed`);
        if ((await fingerprint(db)) !== before) problems.push(`${persona}: refused but rows changed`);
        if (audited > 0) problems.push(`${persona}: refused but audited`);
        if (expected === "404") {
          if (result.message !== NOT_FOUND) problems.push(`${persona}: expected not found, got "${said}"`);
          const target = targetOf(entry, w, who, input);
          const ghost = target ? ((await runAction(entry.action.definition as never, { viewer: who, db, t }, replaceId(input, target, randomUUID()))) as ActionResult<unknown>) : null;
          if (ghost && JSON.stringify({ ...ghost }) !== JSON.stringify({ ...result })) problems.push(`${persona}: answer differs from a missing record's: ${JSON.stringify(ghost)} vs ${JSON.stringify(result)}`);
        } else if (result.message !== FORBIDDEN) {
          problems.push(`${persona}: expected "${FORBIDDEN}", got "${said}" ${JSON.stringify(result.fieldErrors ?? {})}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });
});

/** Whether `who` sees the record through the reads the pages use. */
const READS: Record<Entity, (db: Db, who: Viewer, w: World) => Promise<boolean>> = {
  enterprise: async (db, who, w) => (await getEnterpriseDetail(db, who, w.ids.enterprise)) !== null,
  contact: async (db, who, w) => (await listEnterpriseContacts(db, w.ids.enterprise)).some((c) => c.id === w.ids.contact),
  event: async (db, who, w) => (await getEvent(db, who, w.ids.event)) !== null,
  delegation: async (db, who, w) => (await getDelegation(db, who, w.ids.delegation)) !== null,
  visit: async (db, who, w) => (await getVisit(db, who, w.ids.visit)) !== null,
  "follow-up": async (db, who, w) => {
    const { open } = await listFollowUpsFor(db, who, { enterpriseId: w.ids.enterprise });
    return open.some((f) => f.id === w.ids.followUp);
  },
  project: async (db, who, w) => (await getProject(db, who, w.ids.project)) !== null,
  "confidential project": async (db, who, w) => (await getProject(db, who, w.ids.confidentialProject)) !== null,
  "stage request": async (db, who, w) => (await getPendingRequest(db, who, w.ids.project))?.id === w.ids.stageRequest,
  "saved view": async (db, who, w) => (await listSavedViews(db, who, "enterprises")).some((v) => v.id === w.ids.savedView),
  target: async (db, who, w) => (await getTargetsVsActuals(db, who, { year: TARGET_YEAR, team: w.ids.teamA, chain: null })).targetProjectsSigned === 5,
  user: async (db, who, w) => {
    try {
      return (await listPeopleForAdmin(db, who)).some((p) => p.id === w.ids.staffA2);
    } catch {
      return false;
    }
  },
  "reference data": async (db, who, w) => (await listChainsWithNodes(db)).some((c) => c.id === w.ids.chain),
  "feed token": async (db, who, w) => (await getFeedToken(db, who)) === w.feedToken,
  notification: async (db, who, w) => (await listInbox(db, who)).some((i) => i.id === w.ids.notification),
};

describe("reads through the data layer", () => {
  const rows = MATRIX.filter((r) => r[1] === "read");
  it.each(rows.map((r) => [r[0], r] as const))("%s", async (entity, row) => {
    const problems: string[] = [];
    for (const [i, persona] of COLUMNS.entries()) {
      const seen = await READS[entity](database.db, world.as[persona], world);
      const expected = answers(row)[i]!;
      if (seen !== (expected === "allow")) problems.push(`${persona}: expected ${expected}, ${seen ? "saw it" : "did not see it"}`);
    }
    expect(problems).toEqual([]);
  });

  it("a confidential project is in no list, history, count or total of those who may not see it", async () => {
    const w = world;
    const team = parsePipelineFilters({ status: "all", team: w.ids.teamA });
    for (const persona of COLUMNS) {
      const who = w.as[persona];
      const sees = persona === "managerA" || persona === "admin";
      const lead = (await getPipeline(database.db, who, team)).columns.find((c) => c.stage === "lead")!;
      expect({ persona, count: lead.count, total: Number(lead.totalCny) }).toEqual({ persona, count: sees ? 1 : 0, total: sees ? 900_000_000 : 0 });
      const funnel = await getFunnel(database.db, who, { year: TARGET_YEAR, team: w.ids.teamA, chain: null });
      expect({ persona, lead: funnel.find((f) => f.stage === "lead")?.count }).toEqual({ persona, lead: sees ? 1 : 0 });
      const onEnterprise = (await listEnterpriseProjects(database.db, who, w.ids.enterprise)).map((p) => p.id);
      expect({ persona, listed: onEnterprise.includes(w.ids.confidentialProject) }).toEqual({ persona, listed: sees });
      expect({ persona, history: (await listStageHistory(database.db, who, w.ids.confidentialProject)).length > 0 }).toEqual({ persona, history: sees });
      const stalled = (await listStalledProjects(database.db, who, 0)).map((p) => p.id);
      expect({ persona, stalled: stalled.includes(w.ids.confidentialProject) }).toEqual({ persona, stalled: sees });
      // Its follow-up goes with it, even for staff of its own team.
      const { open } = await listFollowUpsFor(database.db, who, { enterpriseId: w.ids.enterprise });
      expect({ persona, followUp: open.some((f) => f.id === w.ids.confidentialFollowUp) }).toEqual({ persona, followUp: sees });
    }
  });

  it("the verification queue and its badge hold a stage request for exactly those whose decision the action accepts", async () => {
    const w = world;
    // The "verify stage" rows above: team A's manager and admins decide team A's requests, confidential ones too.
    const decides = MATRIX.filter((r) => r[1] === "verify stage" && (r[0] === "stage request" || r[0] === "confidential project")).map(answers);
    for (const [i, persona] of COLUMNS.entries()) {
      const who = w.as[persona];
      const queue = (await listVerificationQueue(database.db, who)).map((r) => r.id);
      const expected = decides.every((row) => row[i] === "allow");
      expect({ persona, request: queue.includes(w.ids.stageRequest), confidential: queue.includes(w.ids.confidentialStageRequest) }).toEqual({ persona, request: expected, confidential: expected });
      expect({ persona, badge: await countVerificationQueue(database.db, who) }).toEqual({ persona, badge: queue.length });
    }
  });
});
