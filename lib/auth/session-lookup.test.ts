import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { sessions, users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import { openTestDatabase } from "@/test/support/db";
import { makeViewer, t } from "@/test/support/fixtures";
import { deactivateUser } from "@/lib/users/actions/deactivate-user";
import { getFeedToken } from "@/lib/calendar/feed";
import { feedTokenReadWith, viewerForSession } from "./session-lookup";
import { sessionPolicy } from "./session-policy";
import type { Viewer } from "./viewer";

// Real session rows, as next-auth's adapter writes them at sign-in, judged at chosen moments.
let database: Database;
let staff: Viewer;
const policy = sessionPolicy({ SESSION_IDLE_MINUTES: 120, SESSION_MAX_HOURS: 12 });
const HOUR = 3_600_000;
const signIn = new Date("2026-11-20T01:00:00Z");
const at = (hours: number) => new Date(signIn.getTime() + hours * HOUR);

beforeAll(async () => {
  database = await openTestDatabase();
  staff = await makeViewer(database.db, "staff");
});
afterAll(() => database?.close());

let n = 0;
async function session(userId: string, createdAt: Date, expires: Date): Promise<string> {
  const sessionToken = `token-${++n}`;
  await database.db.insert(sessions).values({ sessionToken, userId, createdAt, expires });
  return sessionToken;
}
const stored = async (token: string) => (await database.db.select().from(sessions).where(eq(sessions.sessionToken, token)))[0];

describe("the calendar-feed token read with the session", () => {
  it("answers the account menu without a second read, and is not a field of the viewer", async () => {
    const person = await makeViewer(database.db, "staff");
    const feed = "f".repeat(43);
    await database.db.update(users).set({ icsToken: feed }).where(eq(users.id, person.id));
    const viewer = (await viewerForSession(database.db, await session(person.id, new Date(), new Date(Date.now() + HOUR)), policy))!;
    expect(feedTokenReadWith(viewer)).toBe(feed);
    expect(JSON.stringify(viewer)).not.toContain(feed);
    // The row changes after the session was read: this request keeps what it read with it…
    await database.db.update(users).set({ icsToken: null }).where(eq(users.id, person.id));
    expect(await getFeedToken(database.db, viewer)).toBe(feed);
    // …and a viewer from elsewhere (a copy) is read from the database.
    expect(await getFeedToken(database.db, { ...viewer })).toBeNull();
  });
});

describe("session time-outs", () => {
  it("new sessions record when they began", async () => {
    const [row] = await database.db.insert(sessions).values({ sessionToken: "adapter-style", userId: staff.id, expires: at(2) }).returning();
    expect(Math.abs(row!.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it("a session in use is the person, and its idle end moves forward", async () => {
    const token = await session(staff.id, signIn, at(2));
    expect(await viewerForSession(database.db, token, policy, at(1))).toMatchObject({ id: staff.id, role: "staff" });
    expect((await stored(token))!.expires).toEqual(at(3));
  });

  it("a session unused past its idle end is signed out and deleted", async () => {
    const token = await session(staff.id, signIn, at(2));
    expect(await viewerForSession(database.db, token, policy, at(2.01))).toBeNull();
    expect(await stored(token)).toBeUndefined();
  });

  it("a session kept busy still ends 12 hours after sign-in, and is deleted", async () => {
    const token = await session(staff.id, signIn, at(2));
    for (const hour of [1, 2.5, 4, 5.5, 7, 8.5, 10, 11.5, 11.9]) {
      expect(await viewerForSession(database.db, token, policy, at(hour)), `at ${hour} h`).not.toBeNull();
    }
    expect((await stored(token))!.expires.getTime()).toBeGreaterThan(at(12).getTime());
    expect(await viewerForSession(database.db, token, policy, at(12))).toBeNull();
    expect(await stored(token)).toBeUndefined();
  });

  it("an unknown or missing token is nobody", async () => {
    expect(await viewerForSession(database.db, "never-issued", policy, at(1))).toBeNull();
    expect(await viewerForSession(database.db, undefined, policy, at(1))).toBeNull();
  });
});

describe("deactivation", () => {
  it("signs the person out of every session at once, in the same transaction as the deactivation", async () => {
    const admin = await makeViewer(database.db, "admin");
    const person = await makeViewer(database.db, "staff");
    const now = new Date();
    const laptop = await session(person.id, now, new Date(now.getTime() + HOUR));
    const phone = await session(person.id, now, new Date(now.getTime() + HOUR));
    expect(await viewerForSession(database.db, laptop, policy)).toMatchObject({ id: person.id });

    expect(await runAction(deactivateUser.definition, { viewer: admin, db: database.db, t }, { userId: person.id })).toEqual({ ok: true, data: { sessionsEnded: 2 } });
    expect(await viewerForSession(database.db, laptop, policy)).toBeNull();
    expect(await viewerForSession(database.db, phone, policy)).toBeNull();
  });

  it("a deactivated person's session that somehow survives still counts as signed out", async () => {
    const admin = await makeViewer(database.db, "admin");
    const person = await makeViewer(database.db, "staff");
    await runAction(deactivateUser.definition, { viewer: admin, db: database.db, t }, { userId: person.id });
    const now = new Date();
    const late = await session(person.id, now, new Date(now.getTime() + HOUR));
    expect(await viewerForSession(database.db, late, policy)).toBeNull();
  });
});
