import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "@/db";
import { seedDemoData } from "@/db/seed";
import { listDelegations, parseDelegationFilters } from "@/lib/delegations/queries";
import type { Viewer } from "@/lib/auth/viewer";
import { listEvents } from "@/lib/events/queries";
import { eventFilters } from "@/lib/events/schema";
import { openTestDatabase } from "@/test/support/db";

// Counts computed by correlated subqueries in single-table selects (see lib/sql.ts).
let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemoData(database.db);
}, 120_000);
afterAll(() => database?.close());

describe("counts in list rows", () => {
  it("events list each event's live participants", async () => {
    const reader: Viewer = { id: "00000000-0000-4000-8000-000000000000", name: "Reader", email: "reader@landfall.example", role: "viewer", teamId: null, locale: null };
    const { rows } = await listEvents(database.db, reader, eventFilters.parse({}), 100);
    const expected = await queryRows<{ id: string; n: number }>(
      database.db,
      sql`select e.id, count(p.id)::int as n from events e left join event_participants p on p.event_id = e.id and p.deleted_at is null
          where e.deleted_at is null group by e.id`,
    );
    expect(rows.length).toBe(expected.length);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.participants]))).toEqual(Object.fromEntries(expected.map((r) => [r.id, r.n])));
    expect(rows.some((r) => r.participants > 0)).toBe(true);
  });

  it("delegations list each delegation's itinerary stops", async () => {
    const { items } = await listDelegations(database.db, parseDelegationFilters({}));
    const expected = await queryRows<{ id: string; n: number }>(
      database.db,
      sql`select d.id, count(s.id)::int as n from delegations d left join itinerary_stops s on s.delegation_id = d.id and s.deleted_at is null
          where d.deleted_at is null group by d.id`,
    );
    expect(Object.fromEntries(items.map((r) => [r.id, r.stops]))).toEqual(Object.fromEntries(expected.map((r) => [r.id, r.n])));
    expect(items.some((r) => r.stops > 0)).toBe(true);
  });
});
