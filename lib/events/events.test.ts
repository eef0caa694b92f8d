import { randomBytes } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { auditLog, enterprises, eventParticipants, events, visits } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { withCreditCodeCheck } from "@/lib/enterprises/credit-code";
import { createEnterprise } from "@/lib/enterprises/actions/create-enterprise";
import { identifyEnterprises } from "@/lib/enterprises/queries";
import { searchColumns } from "@/lib/enterprises/search-index";
import { listEnterpriseTimeline } from "@/lib/enterprises/timeline";
import { createProject } from "@/lib/projects/actions/create-project";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { addParticipants } from "./actions/add-participants";
import { createEvent } from "./actions/create-event";
import { deleteEvent } from "./actions/delete-event";
import { removeParticipant } from "./actions/remove-participant";
import { updateEvent } from "./actions/update-event";
import { updateParticipantRole } from "./actions/update-participant-role";
import { readParticipantCsv, readParticipantLines, stageListRows } from "./participant-csv";
import type { ParticipantOutcome } from "./participants";
import { getEvent, listEventParticipants, listEventProjects, listEvents, listEventVisits } from "./queries";
import { eventFilters, type ParticipantRole } from "./schema";

let database: Database;
let staff: Viewer, teammate: Viewer, otherStaff: Viewer, otherManager: Viewer, viewer: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  const team = await makeTeam(db);
  const other = await makeTeam(db);
  staff = await makeViewer(db, "staff", team.id);
  teammate = await makeViewer(db, "staff", team.id);
  otherStaff = await makeViewer(db, "staff", other.id);
  otherManager = await makeViewer(db, "manager", other.id);
  viewer = await makeViewer(db, "viewer");
});
afterAll(() => database?.close());

type Result<T> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; details?: unknown };
const run = <T>(def: { definition: unknown }, who: Viewer | null, input: Record<string, unknown>) =>
  runAction(def.definition as never, { viewer: who, db: database.db, t }, input) as Promise<Result<T>>;
const ok = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};
const uid = () => randomBytes(4).toString("hex");
const docking = (extra: Record<string, unknown> = {}) => ({
  kind: "docking",
  nameZh: `溧水对接会${uid()}`,
  startsOn: "2026-05-12",
  endsOn: "2026-05-13",
  city: "南京",
  venue: "溧水区会议中心",
  host: "溧水区商务局",
  ...extra,
});
async function newEvent(who = staff, extra: Record<string, unknown> = {}) {
  return ok(await run<{ id: string }>(createEvent, who, docking(extra))).id;
}
async function newEnterprise(extra: Partial<typeof enterprises.$inferInsert> = {}) {
  const name = `测试企业${uid()}`;
  // The keys as the app computes them: a random suffix such as "ab" is a company form (AB).
  const [row] = await database.db.insert(enterprises).values({ nameZh: name, ...searchColumns({ nameZh: name }), ...extra }).returning();
  return row!;
}
const auditCount = async () => (await database.db.select({ n: count() }).from(auditLog))[0]!.n;

describe("create and edit an event", () => {
  it("stores dates as the days typed, owned by the creator's team, with an audit row", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(docking({ nameEn: " Lishui Docking Meeting " }))) form.set(k, String(v));
    const id = ok(await run<{ id: string }>(createEvent, staff, form as never)).id;
    const [row] = await database.db.select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({ kind: "docking", startsOn: "2026-05-12", endsOn: "2026-05-13", nameEn: "Lishui Docking Meeting", ownerId: staff.id, teamId: staff.teamId, version: 1 });
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit).toMatchObject({ action: "event.create", actorId: staff.id, before: null });
  });

  it("puts an end before the start on the end field, needs a name, and writes nothing", async () => {
    const before = await auditCount();
    const r = await run(createEvent, staff, docking({ startsOn: "2026-05-12", endsOn: "2026-05-11" }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { endsOn: ["The event cannot end before it starts."] } });
    expect(await run(createEvent, staff, docking({ nameZh: " " }))).toMatchObject({ ok: false, fieldErrors: { nameZh: ["Enter a Chinese or an English name."] } });
    const bad = await run(createEvent, staff, docking({ kind: "party", startsOn: "2026-02-30" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["kind", "startsOn"]);
    expect(await auditCount()).toBe(before);
  });

  it("refuses a viewer", async () => {
    expect(await run(createEvent, viewer, docking())).toEqual({ ok: false, message: "You do not have permission to do this." });
  });

  it("edits over the version loaded; a stale edit is a conflict that keeps the other person's change", async () => {
    const id = await newEvent();
    ok(await run(updateEvent, teammate, { ...docking({ nameZh: "改名一" }), id, version: 1 }));
    const stale = await run(updateEvent, staff, { ...docking({ nameZh: "改名二" }), id, version: 1 });
    expect(stale).toMatchObject({ ok: false, message: "Someone else changed this record while you were editing it." });
    const [row] = await database.db.select().from(events).where(eq(events.id, id));
    expect(row).toMatchObject({ nameZh: "改名一", version: 2 });
    expect(await run(updateEvent, otherStaff, { ...docking(), id, version: 2 })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
  });

  it("deletes softly for the owning team only; the list and page no longer show it", async () => {
    const id = await newEvent();
    expect((await run(deleteEvent, otherManager, { id, version: 1 })).ok).toBe(false);
    ok(await run(deleteEvent, staff, { id, version: 1 }));
    expect(await getEvent(database.db, staff, id)).toBeNull();
    const { rows } = await listEvents(database.db, staff, eventFilters.parse({ year: "2026", kind: "docking" }), 1000);
    expect(rows.map((r) => r.id)).not.toContain(id);
  });

  it("lists newest first by start date, paged by keyset, filtered by kind and year", async () => {
    const a = await newEvent(staff, { kind: "roadshow", startsOn: "2031-03-01", endsOn: "2031-03-02" });
    const b = await newEvent(staff, { kind: "roadshow", startsOn: "2031-06-01", endsOn: "2031-06-01" });
    const c = await newEvent(staff, { kind: "forum", startsOn: "2031-04-01", endsOn: "2031-04-01" });
    const first = await listEvents(database.db, staff, eventFilters.parse({ kind: "roadshow", year: "2031" }), 1);
    expect(first.rows.map((r) => r.id)).toEqual([b]);
    const second = await listEvents(database.db, staff, eventFilters.parse({ kind: "roadshow", year: "2031", after: first.next }), 1);
    expect(second.rows.map((r) => r.id)).toEqual([a]);
    expect(second.next).toBeNull();
    const forum = await listEvents(database.db, staff, eventFilters.parse({ year: "2031", kind: "forum" }));
    expect(forum.rows.map((r) => r.id)).toEqual([c]);
  });
});

describe("participants", () => {
  it("adds many at once: existing ones, a new one with search terms, and refuses a taken credit code row only", async () => {
    const eventId = await newEvent();
    const byd = await newEnterprise({ creditCode: withCreditCodeCheck(`9144${randomBytes(7).toString("hex").toUpperCase()}`.slice(0, 17)) });
    const e1 = await newEnterprise();
    const e2 = await newEnterprise();
    const newName = `Avio Componenti ${uid()}`;
    const before = await auditCount();
    const data = ok(
      await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, staff, {
        eventId,
        rows: [
          { enterpriseId: e1.id, role: "host" },
          { enterpriseId: e2.id, role: "speaker" },
          { newEnterprise: { nameEn: newName, country: "IT" }, role: "foreign" },
          { newEnterprise: { nameEn: `Copycat ${uid()}`, creditCode: byd.creditCode }, role: "attendee" },
        ],
      }),
    );
    expect(data.outcomes.map((o) => o.status)).toEqual(["added", "added", "added", "refused"]);
    expect(data.outcomes[3]).toMatchObject({ field: "creditCode", reason: "validation.creditCodeTaken" });

    const participants = await listEventParticipants(database.db, staff, eventId, true);
    expect(participants.map((p) => [p.nameZh ?? p.nameEn, p.role]).sort()).toEqual(
      [[e1.nameZh, "host"], [e2.nameZh, "speaker"], [newName, "foreign"]].sort(),
    );
    const [created] = await database.db.select().from(enterprises).where(eq(enterprises.nameEn, newName));
    expect(created).toMatchObject({ country: "IT", ownerId: staff.id, teamId: staff.teamId });
    expect(created!.searchTerms).toContain("avio");
    // Three participant rows and one enterprise, each audited.
    expect(await auditCount()).toBe(before + 4);
  });

  it("asks before creating a similar name, and creates it once confirmed", async () => {
    const eventId = await newEvent();
    const existing = await newEnterprise();
    const row = { newEnterprise: { nameZh: `${existing.nameZh}有限公司` }, role: "local" };
    const first = ok(await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, staff, { eventId, rows: [row] }));
    expect(first.outcomes[0]).toMatchObject({ status: "similar", field: "nameZh", similar: [{ id: existing.id }] });
    expect(await listEventParticipants(database.db, staff, eventId, true)).toHaveLength(0);
    const second = ok(await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, staff, { eventId, rows: [{ ...row, confirmSimilar: true }] }));
    expect(second.outcomes[0]).toMatchObject({ status: "added", created: true });
  });

  it("revives a removed participant instead of adding it twice, and reports one already present", async () => {
    const eventId = await newEvent();
    const e = await newEnterprise();
    ok(await run(addParticipants, staff, { eventId, rows: [{ enterpriseId: e.id, role: "attendee" }] }));
    const [p] = await listEventParticipants(database.db, staff, eventId, true);
    ok(await run(removeParticipant, staff, { id: p!.id }));
    expect(await listEventParticipants(database.db, staff, eventId, true)).toHaveLength(0);

    const again = ok(await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, otherStaff, { eventId, rows: [{ enterpriseId: e.id, role: "speaker" }, { enterpriseId: e.id, role: "host" }] }));
    expect(again.outcomes.map((o) => o.status)).toEqual(["revived", "already"]);
    const rows = await database.db.select().from(eventParticipants).where(and(eq(eventParticipants.eventId, eventId), eq(eventParticipants.enterpriseId, e.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: p!.id, role: "speaker", deletedAt: null });

    // The enterprise's timeline shows the participation once, with the revived role.
    const { items } = await listEnterpriseTimeline(database.db, staff, e.id);
    expect(items.filter((i) => i.kind === "event")).toMatchObject([{ refId: eventId, meta: { role: "speaker" } }]);
  });

  it("changes a role for the event's team; refuses viewers and strangers", async () => {
    const eventId = await newEvent();
    const e = await newEnterprise();
    ok(await run(addParticipants, staff, { eventId, rows: [{ enterpriseId: e.id, role: "attendee" }] }));
    const [p] = await listEventParticipants(database.db, staff, eventId, true);
    ok(await run(updateParticipantRole, teammate, { id: p!.id, role: "host" }));
    expect((await listEventParticipants(database.db, staff, eventId, true))[0]!.role).toBe("host");
    expect(await run(updateParticipantRole, otherStaff, { id: p!.id, role: "local" })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(removeParticipant, viewer, { id: p!.id })).toMatchObject({ ok: false, message: "You do not have permission to do this." });
    expect(await run(addParticipants, viewer, { eventId, rows: [{ enterpriseId: e.id, role: "host" }] })).toMatchObject({ ok: false });
    expect((await listEventParticipants(database.db, staff, eventId, true))[0]!.role).toBe("host");
  });

  it("refuses to add to a deleted event", async () => {
    const eventId = await newEvent();
    ok(await run(deleteEvent, staff, { id: eventId, version: 1 }));
    const e = await newEnterprise();
    expect(await run(addParticipants, staff, { eventId, rows: [{ enterpriseId: e.id, role: "host" }] })).toMatchObject({
      ok: false,
      message: "This record does not exist or you cannot see it.",
    });
  });
});

describe("participants under any of their names, from a list or a CSV file", () => {
  // Kept under its Chinese name, with its English name, a short name and a former name.
  let byd: string;
  beforeAll(async () => {
    byd = ok(
      await run<{ id: string }>(createEnterprise, staff, {
        nameZh: "比亚迪股份有限公司",
        nameEn: "BYD Company Limited",
        aliases: "比亚迪\n深圳比亚迪实业有限公司",
        creditCode: "91440300192317458F",
      }),
    ).id;
  });
  const roles: Record<string, ParticipantRole> = { foreign: "foreign", speaker: "speaker", 主办方: "host" };
  const roleOf = (text: string) => roles[text.toLowerCase()];
  const lookup = (query: { names: string[]; creditCode: string | null }) => identifyEnterprises(database.db, query);

  it("asks before creating an enterprise whose English name, written differently, or former name another already has", async () => {
    const eventId = await newEvent();
    const data = ok(
      await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, staff, {
        eventId,
        rows: [
          { newEnterprise: { nameEn: "BYD Co., Ltd." }, role: "foreign" },
          { newEnterprise: { nameZh: "深圳比亚迪实业有限公司" }, role: "local" },
        ],
      }),
    );
    expect(data.outcomes).toMatchObject([
      { status: "similar", field: "nameEn", similar: [{ id: byd }] },
      { status: "similar", field: "nameZh", similar: [{ id: byd }] },
    ]);
    expect(await listEventParticipants(database.db, staff, eventId, true)).toHaveLength(0);
  });

  it("stages every row of a CSV with English names only, matched by any name or new, lists a row without a name with its reason, and adds them", async () => {
    const csv = [
      "企业名称,英文名称,统一社会信用代码,国家,角色",
      ",BYD Co. Ltd.,,China,foreign",
      `,Voltaria Batterie ${uid()} GmbH,,Germany,speaker`,
      ",,,,foreign",
      `,Compositi Avanzati ${uid()} S.r.l.,91440300192317458E,Italy,`,
      "深圳比亚迪实业有限公司,,,,主办方",
      `,Orbitale ${uid()} SAS,,France,`,
    ].join("\r\n");
    const read = readParticipantCsv(csv, roleOf, "attendee");
    expect(read.tooMany).toBe(false);
    expect(read.unusable).toEqual([
      { row: 4, name: "", reason: "events.add.noName" },
      { row: 5, name: expect.stringMatching(/^Compositi Avanzati/), reason: "validation.creditCodeCheck" },
    ]);
    expect(t("events.add.noName")).toBe("It has neither a Chinese nor an English name.");
    expect(read.rows.map((r) => [r.row, r.nameZh, r.nameEn.split(" ")[0], r.country, r.role])).toEqual([
      [2, "", "BYD", "CN", "foreign"],
      [3, "", "Voltaria", "DE", "speaker"],
      [6, "深圳比亚迪实业有限公司", "", "", "host"],
      [7, "", "Orbitale", "FR", "attendee"],
    ]);

    const staged = await stageListRows(read.rows, lookup);
    expect(staged.map((s) => [s.row, s.kind, s.kind === "existing" ? s.enterprise.id : s.nameEn.split(" ")[0]])).toEqual([
      [2, "existing", byd],
      [3, "new", "Voltaria"],
      [6, "existing", byd],
      [7, "new", "Orbitale"],
    ]);

    const eventId = await newEvent();
    const rows = staged
      .filter((s) => s.row !== 6)
      .map((s) =>
        s.kind === "existing"
          ? { enterpriseId: s.enterprise.id, role: s.role }
          : { newEnterprise: { nameZh: s.nameZh, nameEn: s.nameEn, country: s.country, creditCode: s.creditCode }, role: s.role },
      );
    const added = ok(await run<{ outcomes: ParticipantOutcome[] }>(addParticipants, staff, { eventId, rows }));
    expect(added.outcomes.map((o) => o.status)).toEqual(["added", "added", "added"]);
    const participants = await listEventParticipants(database.db, staff, eventId, true);
    expect(participants.map((p) => [p.nameEn?.split(" ")[0], p.role]).sort()).toEqual([["BYD", "foreign"], ["Orbitale", "attendee"], ["Voltaria", "speaker"]]);
  });

  it("matches a pasted line by a short name, and leaves several matches for the user to choose", async () => {
    const other = ok(await run<{ id: string }>(createEnterprise, staff, { nameZh: "比亚迪汽车工业有限公司", aliases: "比亚迪, BYD Auto", confirmSimilar: "1" })).id;
    const read = readParticipantLines([
      { name: "比亚迪", role: "local" },
      { name: "BYD Auto Co., Ltd.", role: "local" },
      { name: " ", role: "local" },
    ]);
    expect(read.unusable).toEqual([{ row: 3, name: "", reason: "events.add.noName" }]);
    const staged = await stageListRows(read.rows, lookup);
    // Both go by the short name 比亚迪: both are offered, neither is picked.
    expect(staged[0]).toMatchObject({ kind: "new", nameZh: "比亚迪" });
    expect(staged[0]!.kind === "new" && staged[0]!.similar.map((e) => e.id).sort()).toEqual([byd, other].sort());
    expect(staged[1]).toMatchObject({ kind: "existing", enterprise: { id: other } });
  });
});

describe("what the event produced", () => {
  it("lists projects signed here, hiding another team's confidential project", async () => {
    const eventId = await newEvent();
    const e = await newEnterprise({ teamId: staff.teamId });
    const signed = ok(await run<{ id: string }>(createProject, staff, { enterpriseId: e.id, name: `现场签约${uid()}`, stage: "signed", signedOn: "2025-06-18", plannedAmount: "2", plannedUnit: "yi", sourceEventId: eventId }));
    const secret = ok(await run<{ id: string }>(createProject, otherStaff, { enterpriseId: e.id, name: `保密${uid()}`, sourceEventId: eventId, confidential: "on" }));
    expect((await listEventProjects(database.db, staff, eventId)).map((p) => p.id)).toEqual([signed.id]);
    expect((await listEventProjects(database.db, otherManager, eventId)).map((p) => p.id).sort()).toEqual([signed.id, secret.id].sort());
  });

  it("lists visits linked to the event and participants' visits during its days", async () => {
    const eventId = await newEvent(staff, { startsOn: "2026-05-12", endsOn: "2026-05-13" });
    const participant = await newEnterprise();
    const stranger = await newEnterprise();
    ok(await run(addParticipants, staff, { eventId, rows: [{ enterpriseId: participant.id, role: "local" }] }));
    const at = (iso: string) => new Date(iso);
    const [during, linked, after, unrelated] = await database.db
      .insert(visits)
      .values([
        // 2026-05-13 07:00 in Shanghai: still the event's last day.
        { enterpriseId: participant.id, occurredAt: at("2026-05-12T23:00:00Z") },
        { enterpriseId: stranger.id, occurredAt: at("2026-06-01T02:00:00Z"), eventId },
        // 2026-05-14 01:00 in Shanghai: the day after.
        { enterpriseId: participant.id, occurredAt: at("2026-05-13T17:00:00Z") },
        { enterpriseId: stranger.id, occurredAt: at("2026-05-12T03:00:00Z") },
      ])
      .returning();
    const rows = await listEventVisits(database.db, { id: eventId, startsOn: "2026-05-12", endsOn: "2026-05-13" });
    expect(rows.map((r) => r.id)).toEqual([during!.id, linked!.id]);
    expect(rows.map((r) => r.id)).not.toContain(after!.id);
    expect(rows.map((r) => r.id)).not.toContain(unrelated!.id);
  });
});
