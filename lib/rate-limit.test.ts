import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "@/db";
import { rateLimits } from "@/db/schema";
import { limits } from "@/lib/env";
import { openSecondHandle, openTestDatabase } from "@/test/support/db";
import { clientAddress, consume, sweepExpired, tooManyRequests, UNATTRIBUTED } from "./rate-limit";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

describe("client address", () => {
  it("trusts no forwarded address without trusted proxies: everyone shares one bucket", () => {
    expect(clientAddress(forwarded("203.0.113.9"), 0)).toBe(UNATTRIBUTED);
    expect(clientAddress(new Headers(), 0)).toBe(UNATTRIBUTED);
  });

  it("behind n proxies takes the n-th entry from the right, ignoring what the client wrote before it", () => {
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(forwarded("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
  });

  it("a request that did not pass every proxy goes to the shared bucket", () => {
    expect(clientAddress(forwarded("203.0.113.9"), 2)).toBe(UNATTRIBUTED);
    expect(clientAddress(new Headers(), 1)).toBe(UNATTRIBUTED);
  });
});

describe("budgets", () => {
  it("refuse a key once its budget is spent, with the seconds to wait, and leave other keys alone", async () => {
    const tiny = limits({ RATE_LIMIT_CALENDAR_PER_MINUTE: "2" });
    expect(await consume("calendarToken", "feed-a", tiny, database.db)).toEqual({ allowed: true });
    expect(await consume("calendarToken", "feed-a", tiny, database.db)).toEqual({ allowed: true });
    const refused = await consume("calendarToken", "feed-a", tiny, database.db);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const wait = (refused as { retryAfterSeconds: number }).retryAfterSeconds;
    expect(wait >= 1 && wait <= 60, `wait ${wait} s`).toBe(true);
    expect(await consume("calendarToken", "feed-b", tiny, database.db)).toEqual({ allowed: true });
  });

  it("are one count for every instance: two limiters over one database refuse at the sum of what both spent", async () => {
    // On the server a second handle, with its own connections, is a second app instance; PGlite
    // has one handle per database, so there the two limiters share it.
    const other = database.kind === "server" ? await openSecondHandle(database) : database;
    try {
      const tiny = limits({ RATE_LIMIT_SIGNIN_PER_MINUTE: "5" });
      const spend = (db: Database, n: number) => Promise.all(Array.from({ length: n }, () => consume("signin", "203.0.113.50", tiny, db.db)));
      // Three and two at the same moment: five in all, each allowed once.
      const spent = await Promise.all([spend(database, 3), spend(other, 2)]);
      expect(spent.flat()).toEqual(Array(5).fill({ allowed: true }));
      expect(await consume("signin", "203.0.113.50", tiny, other.db)).toMatchObject({ allowed: false });
      expect(await consume("signin", "203.0.113.50", tiny, database.db)).toMatchObject({ allowed: false });
      const rows = await database.db.select().from(rateLimits).where(like(rateLimits.key, "signin:%"));
      expect(rows).toEqual([expect.objectContaining({ key: "signin:203.0.113.50", points: 7 })]);
    } finally {
      if (other !== database) await other.close();
    }
  });

  it("are counted in the instance's memory, with the same numbers, while the database does not answer", async () => {
    const unreachable = {
      insert: () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
      },
    } as unknown as Db;
    const tiny = limits({ RATE_LIMIT_CALENDAR_IP_PER_MINUTE: "2" });
    expect(await consume("calendarAddress", "192.0.2.80", tiny, unreachable)).toEqual({ allowed: true });
    expect(await consume("calendarAddress", "192.0.2.80", tiny, unreachable)).toEqual({ allowed: true });
    expect(await consume("calendarAddress", "192.0.2.80", tiny, unreachable)).toMatchObject({ allowed: false });
  });

  it("leave rows of ended windows to one sweep per five minutes, whichever instance offers first", async () => {
    const ago = (s: number) => new Date(Date.now() - s * 1000);
    await database.db.insert(rateLimits).values([
      { key: "signin:192.0.2.90", points: 4, expire: ago(10) },
      { key: "signin:192.0.2.91", points: 2, expire: ago(-50) },
    ]);
    expect(await sweepExpired(database.db)).toBe(true);
    const left = await database.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "signin:192.0.2.9_"));
    expect(left).toEqual([{ key: "signin:192.0.2.91" }]);
    // Another instance offering within the interval leaves a newly ended window alone.
    await database.db.insert(rateLimits).values({ key: "signin:192.0.2.92", points: 1, expire: ago(1) });
    expect(await sweepExpired(database.db)).toBe(false);
    expect(await database.db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, "signin:192.0.2.92"))).toHaveLength(1);
  });

  it("have documented defaults generous enough for a busy office", () => {
    expect(limits({})).toMatchObject({
      TRUSTED_PROXY_HOPS: 0,
      RATE_LIMIT_SIGNIN_PER_MINUTE: 120,
      RATE_LIMIT_IMPORT_PER_HOUR: 600,
      RATE_LIMIT_CALENDAR_PER_MINUTE: 30,
      RATE_LIMIT_CALENDAR_IP_PER_MINUTE: 300,
    });
  });

  it("answer 429 with Retry-After", async () => {
    const response = tooManyRequests(17);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("17");
  });
});
