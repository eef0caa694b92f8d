import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, contacts, delegations, followUps, itineraryStops, visitAttendees, visits } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { makeEnterprise } from "@/test/support/project-fixtures";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { deleteVisit } from "./actions/delete-visit";
import { logVisit } from "./actions/log-visit";
import { updateVisit } from "./actions/update-visit";
import { prefillFromStop } from "./prefill";
import { getVisit, listVisits } from "./queries";

let database: Database;
let staff: Viewer, colleague: Viewer, outsider: Viewer, viewer: Viewer;
let teamId: string;
let enterpriseId: string, otherEnterpriseId: string;
let contactId: string, strangerId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  teamId = team.id;
  staff = await makeViewer(db, "staff", team.id);
  colleague = await makeViewer(db, "staff", team.id);
  outsider = await makeViewer(db, "staff", other.id);
  viewer = await makeViewer(db, "viewer");
  enterpriseId = (await makeEnterprise(db, team.id)).id;
  otherEnterpriseId = (await makeEnterprise(db, team.id)).id;
  contactId = (await db.insert(contacts).values({ enterpriseId, name: "林经理" }).returning())[0]!.id;
  strangerId = (await db.insert(contacts).values({ enterpriseId: otherEnterpriseId, name: "外人" }).returning())[0]!.id;
});
afterAll(() => database?.close());

type Result = { ok: true; data: { id: string; version?: number } } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = (def: { definition: unknown }, who: Viewer, input: FormData | Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result>;

/** The form's own encoding: repeated checkbox names and indexed next-step fields. */
function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}
const base = (summary: string): [string, string][] => [
  ["enterpriseId", enterpriseId],
  ["occurredAt", "2026-11-20T14:30"],
  ["place", "坪山总部"],
  ["summary", summary],
];
const countVisits = async (summary: string) => (await database.db.select().from(visits).where(eq(visits.summary, summary))).length;

async function makeStop(owner: Viewer, status: "planned" | "done" = "planned") {
  const db = database.db;
  const [d] = await db
    .insert(delegations)
    .values({ direction: "outbound", name: `深圳考察 ${Math.random()}`, startsOn: "2026-11-20", endsOn: "2026-11-21", ownerId: owner.id, teamId: owner.teamId })
    .returning();
  const [s] = await db
    .insert(itineraryStops)
    .values({ delegationId: d!.id, position: 1, startsAt: new Date("2026-11-20T01:30:00Z"), place: "比亚迪坪山总部", enterpriseId, status })
    .returning();
  return s!;
}

describe("logging a visit", () => {
  it("writes the visit, both sides' attendees and a follow-up per next step, with audit rows, in one submit", async () => {
    const summary = `座谈扩产 ${Math.random()}`;
    const result = await run(
      logVisit,
      staff,
      form([
        ...base(summary),
        ["outcome", "约定提交方案"],
        ["ours", staff.id],
        ["ours", colleague.id],
        ["theirs", contactId],
        ["theirsNew", "黄总、王秘书"],
        ["steps.0.title", "提交项目方案"],
        ["steps.0.kind", "materials"],
        ["steps.0.dueOn", "2026-11-27"],
        ["steps.0.assigneeId", ""],
        ["steps.1.title", "安排现场考察"],
        ["steps.1.kind", "site_tour"],
        ["steps.1.dueOn", "2026-12-04"],
        ["steps.1.assigneeId", colleague.id],
      ]),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const id = result.data.id;
    const [visit] = await database.db.select().from(visits).where(eq(visits.id, id));
    // 14:30 in Shanghai is 06:30 UTC.
    expect(visit).toMatchObject({ enterpriseId, ownerId: staff.id, teamId, place: "坪山总部", outcome: "约定提交方案", occurredAt: new Date("2026-11-20T06:30:00Z") });

    const attendees = await database.db.select().from(visitAttendees).where(eq(visitAttendees.visitId, id));
    expect(attendees.map((a) => [a.side, a.userId ?? a.contactId ?? a.name]).sort()).toEqual(
      [["ours", staff.id], ["ours", colleague.id], ["theirs", contactId], ["theirs", "黄总"], ["theirs", "王秘书"]].sort(),
    );

    const steps = await database.db.select().from(followUps).where(eq(followUps.visitId, id));
    expect(steps.map((s) => ({ title: s.title, kind: s.kind, dueOn: s.dueOn, assigneeId: s.assigneeId, enterpriseId: s.enterpriseId, status: s.status })).sort((a, b) => a.dueOn.localeCompare(b.dueOn))).toEqual([
      { title: "提交项目方案", kind: "materials", dueOn: "2026-11-27", assigneeId: staff.id, enterpriseId, status: "open" },
      { title: "安排现场考察", kind: "site_tour", dueOn: "2026-12-04", assigneeId: colleague.id, enterpriseId, status: "open" },
    ]);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [id, ...steps.map((s) => s.id)]));
    expect(audit.map((a) => `${a.action} ${a.entityType}`).sort()).toEqual(["followUp.create follow_up", "followUp.create follow_up", "visit.create visit"]);
    expect(audit.every((a) => a.actorId === staff.id && a.before === null)).toBe(true);

    const detail = await getVisit(database.db, viewer, id);
    expect(detail?.attendees.map((a) => a.name).sort()).toEqual([colleague.name, staff.name, "林经理", "王秘书", "黄总"].sort());
    expect(detail?.followUps).toHaveLength(2);
    expect(detail?.canEdit).toBe(false);
    expect((await listVisits(database.db, colleague, { scope: "mine" })).items.map((v) => v.id)).toContain(id);
    expect((await listVisits(database.db, outsider, { scope: "team" })).items.map((v) => v.id)).not.toContain(id);
  });

  it("refuses a contact of another enterprise, and writes nothing", async () => {
    const summary = `串门 ${Math.random()}`;
    const result = await run(logVisit, staff, form([...base(summary), ["theirs", strangerId], ["steps.0.title", "x"], ["steps.0.dueOn", "2026-11-27"]]));
    expect(result).toMatchObject({ ok: false, fieldErrors: { theirs: ["Choose people of the visited enterprise."] } });
    expect(await countVisits(summary)).toBe(0);
    expect(await database.db.select().from(followUps).where(eq(followUps.title, "x"))).toHaveLength(0);
  });

  it("refuses a next step for someone outside the caller's team, naming the row", async () => {
    const summary = `越组 ${Math.random()}`;
    const result = await run(logVisit, staff, form([...base(summary), ["steps.0.title", "a"], ["steps.0.dueOn", "2026-11-27"], ["steps.1.title", "b"], ["steps.1.dueOn", "2026-11-27"], ["steps.1.assigneeId", outsider.id]]));
    expect(result).toMatchObject({ ok: false, fieldErrors: { "steps.1.assigneeId": ["Choose someone in the follow-up's team."] } });
    expect(await countVisits(summary)).toBe(0);
  });

  it("explains bad input next to each field and writes nothing", async () => {
    const before = (await database.db.select().from(visits)).length;
    const result = await run(logVisit, staff, form([["enterpriseId", ""], ["occurredAt", ""], ["summary", "  "], ["steps.0.title", ""], ["steps.0.dueOn", ""]]));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        enterpriseId: ["This field is required."],
        occurredAt: ["This field is required."],
        summary: ["This field is required."],
        "steps.0.title": ["This field is required."],
        "steps.0.dueOn": ["This field is required."],
      },
    });
    expect((await database.db.select().from(visits)).length).toBe(before);
  });

  it("refuses viewers", async () => {
    const summary = `只读 ${Math.random()}`;
    expect(await run(logVisit, viewer, form(base(summary)))).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await countVisits(summary)).toBe(0);
  });
});

describe("a visit from an itinerary stop", () => {
  it("prefills from a planned stop the caller may edit, and marks it done with the visit", async () => {
    const stop = await makeStop(colleague);
    const prefill = await prefillFromStop(database.db, staff, stop.id);
    expect(prefill).toMatchObject({ stopId: stop.id, place: "比亚迪坪山总部", occurredAt: stop.startsAt, enterprise: { id: enterpriseId }, delegation: { id: stop.delegationId } });
    expect(await prefillFromStop(database.db, outsider, stop.id)).toBeNull();

    const result = await run(logVisit, staff, { enterpriseId, occurredAt: stop.startsAt.toISOString(), summary: "按行程走访", stopId: stop.id, steps: [{ title: "寄送资料", dueOn: "2026-11-27" }] });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const [after] = await database.db.select().from(itineraryStops).where(eq(itineraryStops.id, stop.id));
    expect(after).toMatchObject({ status: "done", visitId: result.data.id, version: stop.version + 1 });
    const [visit] = await database.db.select().from(visits).where(eq(visits.id, result.data.id));
    expect(visit?.delegationId).toBe(stop.delegationId);
    const stopAudit = await database.db.select().from(auditLog).where(and(eq(auditLog.entityType, "itinerary_stop"), eq(auditLog.entityId, stop.id)));
    expect(stopAudit).toMatchObject([{ action: "itineraryStop.done", actorId: staff.id, before: { status: "planned" }, after: { status: "done", visitId: result.data.id } }]);
    expect(await prefillFromStop(database.db, staff, stop.id)).toEqual({ doneVisitId: result.data.id });
  });

  it("answers a conflict when the stop is already done, and writes nothing", async () => {
    const stop = await makeStop(staff, "done");
    const summary = `重复记录 ${Math.random()}`;
    expect(await run(logVisit, staff, { enterpriseId, occurredAt: "2026-11-20T09:30", summary, stopId: stop.id })).toMatchObject({
      ok: false,
      message: "Someone else changed this record while you were editing it.",
      details: { current: { status: "done" } },
    });
    expect(await countVisits(summary)).toBe(0);
  });

  it("refuses a stop of another team's delegation", async () => {
    const stop = await makeStop(outsider);
    const summary = `别组行程 ${Math.random()}`;
    expect(await run(logVisit, staff, { enterpriseId, occurredAt: "2026-11-20T09:30", summary, stopId: stop.id })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await countVisits(summary)).toBe(0);
    const [unchanged] = await database.db.select().from(itineraryStops).where(eq(itineraryStops.id, stop.id));
    expect(unchanged?.status).toBe("planned");
  });
});

describe("editing and deleting a visit", () => {
  it("saves over the version loaded, answers a conflict to a stale edit, and deletes softly", async () => {
    const created = await run(logVisit, staff, { enterpriseId, occurredAt: "2026-11-19T10:00", summary: "初次拜访", ours: staff.id, theirs: contactId });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const id = created.data.id;
    const edit = { id, version: 1, occurredAt: "2026-11-19T10:30", summary: "初次拜访（补记）", ours: [staff.id, colleague.id], theirsNew: "张工" };
    const saved = await run(updateVisit, colleague, edit);
    expect(saved).toMatchObject({ ok: true, data: { version: 2 } });
    const detail = await getVisit(database.db, staff, id);
    expect(detail?.visit.summary).toBe("初次拜访（补记）");
    expect(detail?.attendees.map((a) => a.name).sort()).toEqual([colleague.name, staff.name, "张工"].sort());

    expect(await run(updateVisit, staff, { ...edit, summary: "过期的修改" })).toMatchObject({ ok: false, message: "Someone else changed this record while you were editing it." });
    expect(await run(updateVisit, outsider, { ...edit, version: 2 })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(updateVisit, staff, { ...edit, version: 2, theirs: strangerId })).toMatchObject({ ok: false, fieldErrors: { theirs: ["Choose people of the visited enterprise."] } });
    expect((await getVisit(database.db, staff, id))?.attendees).toHaveLength(3);

    expect(await run(deleteVisit, staff, { id, version: 1 })).toMatchObject({ ok: false, message: "Someone else changed this record while you were editing it." });
    expect(await run(deleteVisit, staff, { id, version: 2 })).toMatchObject({ ok: true });
    expect(await getVisit(database.db, staff, id)).toBeNull();
    expect((await listVisits(database.db, staff, { scope: "all" })).items.map((v) => v.id)).not.toContain(id);
  });

  it("pages the list by keyset without repeats", async () => {
    const me = await makeViewer(database.db, "staff", teamId);
    for (const day of ["01", "02", "03"]) {
      const r = await run(logVisit, me, { enterpriseId, occurredAt: `2026-10-${day}T09:00`, summary: `分页 ${day}` });
      if (!r.ok) throw new Error(JSON.stringify(r));
    }
    const first = await listVisits(database.db, me, { scope: "mine", limit: 2 });
    expect(first.items.map((v) => v.summary)).toEqual(["分页 03", "分页 02"]);
    const second = await listVisits(database.db, me, { scope: "mine", limit: 2, after: first.next });
    expect(second.items.map((v) => v.summary)).toEqual(["分页 01"]);
    expect(second.next).toBeNull();
  });
});
