import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db";
import { sessions, users } from "@/db/schema";
import { openTestDatabase } from "@/test/support/db";
import { makeTeam, makeViewer } from "@/test/support/fixtures";
import { sessionForClient } from "./session-for-client";
import type { Viewer } from "./viewer";

// The real next-auth route (/api/auth/session) with the app's configuration, on the test's database.
let database: Database;
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDb: async () => database.db }));
beforeAll(() => {
  vi.stubEnv("AUTH_SECRET", "session-test-secret-0000000000");
  vi.stubEnv("OIDC_ALLOWED_DOMAINS", "landfall.example");
  vi.stubEnv("AUTH_URL", "http://localhost:3000");
  vi.stubEnv("LANDFALL_LOCAL_IDP", "1");
  vi.stubEnv("DEV_IDP_PORT", "3001");
});
const { handlers } = await import("./config");

const SESSION_TOKEN = "session-token-that-only-the-cookie-may-hold";
const FEED_TOKEN = "feed-token-that-only-its-owner-may-see-0000000";
let person: Viewer;

beforeAll(async () => {
  database = await openTestDatabase();
  person = await makeViewer(database.db, "manager", (await makeTeam(database.db)).id);
  await database.db.update(users).set({ icsToken: FEED_TOKEN, locale: "zh-CN" }).where(eq(users.id, person.id));
  await database.db.insert(sessions).values({ sessionToken: SESSION_TOKEN, userId: person.id, expires: new Date(Date.now() + 3_600_000) });
});
afterAll(() => database?.close());

const getSession = (cookie?: string) =>
  handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: cookie ? { cookie } : {} }));

describe("GET /api/auth/session", () => {
  it("answers the expiry and who is signed in, and neither the session token nor the feed token", async () => {
    const response = await getSession(`authjs.session-token=${SESSION_TOKEN}`);
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(Object.keys(body).sort()).toEqual(["expires", "user"]);
    expect(body.user).toEqual({ id: person.id, name: person.name, email: person.email, role: "manager" });
    expect(new Date(body.expires).getTime()).toBeGreaterThan(Date.now());
    expect(text).not.toContain(SESSION_TOKEN);
    expect(text).not.toContain(FEED_TOKEN);
    expect(text).not.toContain(person.teamId!);
  });

  it("answers null without a session", async () => {
    const response = await getSession();
    expect(await response.json()).toBeNull();
  });
});

describe("sessionForClient", () => {
  it("picks the fields from what next-auth passes: the session row with the whole users row inside", () => {
    const expires = new Date("2030-01-01T00:00:00Z");
    const row = { id: "u1", name: null, email: "a@landfall.example", role: "staff" as const, icsToken: FEED_TOKEN, teamId: "t1", emailVerified: null };
    const shaped = sessionForClient({ sessionToken: SESSION_TOKEN, userId: "u1", expires, user: row } as never, row);
    expect(shaped).toEqual({ expires: "2030-01-01T00:00:00.000Z", user: { id: "u1", name: "a@landfall.example", email: "a@landfall.example", role: "staff" } });
  });
});
