import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { delegations, itineraryStops } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { revokeFeedToken } from "./actions/revoke-feed-token";
import { rotateFeedToken } from "./actions/rotate-feed-token";

let database: Database;
// The route handler reads the process's database; here it is the test's.
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => database.db }));
const { GET } = await import("@/app/api/calendar/[token]/route");

let person: Viewer;
beforeAll(async () => {
  database = await openTestDatabase();
  person = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
  const [d] = await database.db
    .insert(delegations)
    .values({ direction: "inbound", name: "欧洲企业来访团", startsOn: "2099-03-01", endsOn: "2099-03-02", ownerId: person.id, teamId: person.teamId })
    .returning();
  await database.db.insert(itineraryStops).values({ delegationId: d!.id, position: 1, startsAt: new Date("2099-03-01T02:00:00Z"), place: "高新区管委会" });
});
afterAll(() => database?.close());

const get = (token: string) => GET(new Request(`http://localhost:3000/api/calendar/${token}`), { params: Promise.resolve({ token }) });
const rotate = async () => {
  const r = await runAction(rotateFeedToken.definition, { viewer: person, db: database.db, t }, {});
  if (!r.ok) throw new Error(r.message);
  return r.data.token;
};

describe("GET /api/calendar/[token]", () => {
  it("answers text/calendar with the person's stops, then 404 once the token is revoked, like an unknown one", async () => {
    const token = await rotate();
    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const [event] = calendar.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
    expect(event?.summary).toBe("欧洲企业来访团：高新区管委会");
    expect(event?.location).toBe("高新区管委会");

    await runAction(revokeFeedToken.definition, { viewer: person, db: database.db, t }, {});
    const revoked = await get(token);
    const unknown = await get("A".repeat(43));
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
  });
});
