import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { runAction } from "@/lib/action-core";
import type { Viewer } from "@/lib/auth/viewer";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer, t } from "@/test/support/fixtures";
import { rotateFeedToken } from "./actions/rotate-feed-token";

// Tiny budgets: 3 requests a minute per feed address, 5 per client address, behind one proxy.
vi.stubEnv("RATE_LIMIT_CALENDAR_PER_MINUTE", "3");
vi.stubEnv("RATE_LIMIT_CALENDAR_IP_PER_MINUTE", "5");
vi.stubEnv("TRUSTED_PROXY_HOPS", "1");

let database: Database;
// The route handler reads the process's database; here it is the test's.
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => database.db }));
const { GET } = await import("@/app/api/calendar/[token]/route");

let person: Viewer;
beforeAll(async () => {
  database = await openTestDatabase();
  person = await makeViewer(database.db, "staff", (await makeTeam(database.db)).id);
});
afterAll(() => database?.close());

const get = (token: string, address: string) =>
  GET(new Request(`http://localhost:3000/api/calendar/${token}`, { headers: { "x-forwarded-for": address } }), { params: Promise.resolve({ token }) });
const rotate = async () => {
  const r = await runAction(rotateFeedToken.definition, { viewer: person, db: database.db, t }, {});
  if (!r.ok) throw new Error(r.message);
  return r.data.token;
};

describe("calendar feed rate limits", () => {
  it("answer 429 with Retry-After once a feed address is polled too often, from anywhere", async () => {
    const token = await rotate();
    for (const address of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) expect((await get(token, address)).status).toBe(200);
    const refused = await get(`${token}.ics`, "192.0.2.4");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).not.toContain("BEGIN:VCALENDAR");
  });

  it("answer 429 to an address that tries too many feed addresses, and serve everyone else", async () => {
    const guesser = "192.0.2.66";
    for (let i = 0; i < 5; i++) expect((await get(String(i).repeat(43), guesser)).status).toBe(404);
    expect((await get("Z".repeat(43), guesser)).status).toBe(429);
    const token = await rotate();
    expect((await get(token, guesser)).status).toBe(429);
    expect((await get(token, "192.0.2.67")).status).toBe(200);
  });
});
