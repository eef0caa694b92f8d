import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { queryRows } from "@/db";
import { events, projects } from "@/db/schema";
import { stableId, seedDemoData } from "@/db/seed";
import type { Viewer } from "@/lib/auth/viewer";
import { roundDecimal } from "@/lib/money";
import { openTestDatabase } from "@/test/support/db";
import { getEventOutcome, listEventProjects, listEvents } from "./queries";
import { EVENT_SORTS, type EventSort, eventFilters } from "./schema";

// What events produced, on the demo data plus a few projects in other currencies: the list's
// figures and each sort's order against SQL written another way, page by page; and the event
// page's totals against the list's.

let database: Database;
const viewers: Record<string, Viewer> = {};

async function seededViewer(key: string): Promise<Viewer> {
  const id = stableId(`user:${key}`);
  const [u] = await queryRows<{ name: string; email: string; role: Viewer["role"]; team_id: string | null }>(database.db, sql`select name, email, role, team_id from users where id = ${id}`);
  return { id, name: u!.name, email: u!.email, role: u!.role, teamId: u!.team_id, locale: null };
}

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
  for (const key of ["viewer", "staff", "manager2", "admin"]) viewers[key] = await seededViewer(key);
  // Every event with something sourced, and a signed project in euros on the one with the most.
  const [event] = await database.db.select({ id: events.id, ownerId: events.ownerId, teamId: events.teamId }).from(events).limit(1);
  const [enterprise] = await queryRows<{ id: string }>(database.db, sql`select id from enterprises where deleted_at is null limit 1`);
  await database.db.insert(projects).values([
    { enterpriseId: enterprise!.id, name: "欧元签约项目", stage: "registered", plannedAmount: "1234567.89", currency: "EUR", sourceEventId: event!.id, teamId: event!.teamId },
    { enterpriseId: enterprise!.id, name: "保密签约项目", stage: "signed", plannedAmount: "500000000", confidential: true, sourceEventId: event!.id, teamId: stableId("team:storage"), ownerId: stableId("user:manager2") },
  ]);
}, 120_000);
afterAll(() => database?.close());

/** Visibility, written independently of lib/projects/visibility.ts, over alias x. */
const sees = (v: Viewer) => sql`x.deleted_at is null and (${v.role === "admin"} or not x.confidential or x.owner_id = ${v.id}
  or (${v.role === "manager" && v.teamId !== null} and x.team_id is not distinct from ${v.teamId}::uuid))`;
const rate = sql.raw(`(case c.currency when 'CNY' then 1 else (select r.rate_to_cny from exchange_rates r where r.currency = c.currency
  and r.deleted_at is null and r.valid_from <= (now() at time zone 'Asia/Shanghai')::date order by r.valid_from desc limit 1) end)`);
const amount = (v: Viewer, from: string) => sql`coalesce((select sum(round(c.amount * ${rate}, 2)) from (
  select x.currency, sum(x.planned_amount) as amount from projects x where x.source_event_id = e.id and ${sees(v)}
    and array_position(enum_range(null::project_stage), x.stage) >= array_position(enum_range(null::project_stage), ${from}::project_stage)
  group by x.currency) c), 0)`;

async function expected(v: Viewer, sort: EventSort) {
  const rows = await queryRows<{ id: string; startsOn: string; participants: number; projects: number; signed: string; landed: string }>(database.db, sql`
    select e.id, e.starts_on::text as "startsOn",
      (select count(*) from event_participants p where p.event_id = e.id and p.deleted_at is null)::int as participants,
      (select count(*) from projects x where x.source_event_id = e.id and ${sees(v)})::int as projects,
      ${amount(v, "signed")}::text as signed, ${amount(v, "registered")}::text as landed
    from events e where e.deleted_at is null`);
  const key = (r: (typeof rows)[number]) => (sort === "participants" ? r.participants : sort === "projects" ? r.projects : sort === "signed" ? Number(r.signed) : 0);
  return rows.sort((a, b) => key(b) - key(a) || b.startsOn.localeCompare(a.startsOn) || b.id.localeCompare(a.id));
}

async function walk(v: Viewer, sort: EventSort, limit: number) {
  const seen = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const { rows, next } = await listEvents(database.db, v, eventFilters.parse({ sort, after }), limit);
    seen.push(...rows);
    if (!next) break;
    after = next;
  }
  return seen;
}

describe("the events list", () => {
  it.each(EVENT_SORTS.flatMap((sort) => ["viewer", "staff", "manager2", "admin"].map((who) => [sort, who] as const)))(
    "sorted by %s for %s: every figure and the order, across pages",
    async (sort, who) => {
      const v = viewers[who]!;
      const want = await expected(v, sort);
      const got = await walk(v, sort, 2);
      expect(got.map((r) => r.id)).toEqual(want.map((r) => r.id));
      expect(got.map((r) => [r.participants, r.projects, roundDecimal(r.signedCny, 2)])).toEqual(want.map((r) => [r.participants, r.projects, roundDecimal(r.signed, 2)]));
      // Something is counted at all, or the comparison proves little.
      expect(got.some((r) => r.projects > 0 && Number(r.signedCny) > 0)).toBe(true);
    },
  );

  it("hides a confidential project's amount from those who may not see it", async () => {
    const [event] = await queryRows<{ id: string }>(database.db, sql`select source_event_id as id from projects where name = '保密签约项目'`);
    const row = async (v: Viewer) => (await walk(v, "signed", 50)).find((r) => r.id === event!.id)!;
    const [staff, manager] = [await row(viewers.staff!), await row(viewers.manager2!)];
    expect(manager.projects).toBe(staff.projects + 1);
    expect(Number(manager.signedCny) - Number(staff.signedCny)).toBe(500_000_000);
  });

  it("reads a malformed sort or cursor as the first page of the default order", async () => {
    const v = viewers.viewer!;
    const first = await listEvents(database.db, v, eventFilters.parse({}), 3);
    expect(eventFilters.parse({ sort: "signed'; drop table events; --" }).sort).toBeUndefined();
    for (const after of ["x", Buffer.from(JSON.stringify({ at: "1 or 1=1", id: stableId("user:viewer") })).toString("base64url")]) {
      expect((await listEvents(database.db, v, eventFilters.parse({ after }), 3)).rows).toEqual(first.rows);
      expect((await listEvents(database.db, v, eventFilters.parse({ sort: "signed", after }), 3)).rows.map((r) => r.id)).toEqual((await expected(v, "signed")).slice(0, 3).map((r) => r.id));
    }
  });
});

describe("an event's page", () => {
  it("shows the projects sourced there with their signed and landed amounts, and totals equal to the list's", async () => {
    const v = viewers.admin!;
    const want = await expected(v, "signed");
    for (const e of want.filter((r) => r.projects > 0)) {
      const outcome = await getEventOutcome(database.db, v, e.id);
      const fen = (v: string) => roundDecimal(v, 2);
      expect({ ...outcome, signedCny: fen(outcome.signedCny), landedCny: fen(outcome.landedCny) }).toEqual({ projects: e.projects, signedCny: fen(e.signed), landedCny: fen(e.landed) });
      const listed = await listEventProjects(database.db, v, e.id);
      expect(listed).toHaveLength(e.projects);
      const [stages] = await queryRows<{ signed: number; landed: number }>(database.db, sql`
        select count(*) filter (where stage >= 'signed')::int as signed, count(*) filter (where stage >= 'registered')::int as landed
        from projects where source_event_id = ${e.id} and deleted_at is null`);
      expect(listed.filter((p) => p.signedCny !== null).length).toBeLessThanOrEqual(stages!.signed);
      expect(listed.filter((p) => p.landedCny !== null).length).toBeLessThanOrEqual(stages!.landed);
    }
    const euro = (await database.db.select({ id: projects.id, sourceEventId: projects.sourceEventId }).from(projects).where(eq(projects.name, "欧元签约项目")))[0]!;
    const row = (await listEventProjects(database.db, v, euro.sourceEventId!)).find((p) => p.id === euro.id)!;
    expect(row.landedCny).not.toBeNull();
    expect(row.signedCny).toBe(row.landedCny);
  });
});
