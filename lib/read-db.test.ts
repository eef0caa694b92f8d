import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { type Database, queryRows } from "@/db";
import type { ReplicaSet } from "@/db/replicas";
import { teams } from "@/db/schema";
import { openTestDatabase, testDatabaseUrl } from "@/test/support/db";

// getReadDb and rememberWrite as a request sees them: the process's database is the test's, and
// the cookie jar is a map.
const request = vi.hoisted(() => ({
  database: null as Database | null,
  jar: new Map<string, { value: string; options?: Record<string, unknown> }>(),
}));
vi.mock("@/db", async (original) => ({ ...(await original<typeof import("@/db")>()), getDatabase: async () => request.database! }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options?: Record<string, unknown>) => request.jar.set(name, { value, options }),
  }),
}));
const { getReadDb, rememberWrite, WRITTEN_COOKIE } = await import("./read-db");

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  vi.stubEnv("AUTH_SECRET", "read-db-test-secret-0000000000");
  vi.stubEnv("OIDC_ALLOWED_DOMAINS", "landfall.example");
});
afterAll(() => database?.close());

const held = () => (globalThis as unknown as { __landfallReplicas?: { replicas: ReplicaSet | null } }).__landfallReplicas?.replicas ?? null;

/** A process started afresh with these variables: its replica set is made on the next read. */
function startProcess(env: Record<string, string>) {
  vi.stubEnv("DATABASE_URL", env.DATABASE_URL ?? "");
  vi.stubEnv("DATABASE_REPLICA_URLS", env.DATABASE_REPLICA_URLS ?? "");
  request.database = { ...database };
  request.jar.clear();
}

afterEach(async () => {
  await held()?.close();
});

const readOnly = async () => (await queryRows<{ transaction_read_only: string }>(await getReadDb(), sql`show transaction_read_only`))[0]!.transaction_read_only;

describe("getReadDb", () => {
  it("is the primary without replicas, and on PGlite whatever the variables say, and a write sets no cookie", async () => {
    startProcess({ DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:1/x", DATABASE_URL: database.kind === "server" ? "postgres://postgres@127.0.0.1:1/x" : "" });
    if (database.kind === "pglite") {
      expect(await getReadDb()).toBe(database.db);
      await rememberWrite();
      expect(request.jar.size).toBe(0);
    }
    startProcess({});
    expect(await getReadDb()).toBe(database.db);
    await rememberWrite();
    expect(request.jar.size).toBe(0);
    expect(held()).toBeNull();
  });

  describe.runIf(Boolean(inject("dbTemplateUrl")))("on a server with a replica", () => {
    let url: string;
    beforeAll(async () => {
      url = await testDatabaseUrl(database);
    });

    /** Reads until the monitor has answered (it starts on the first read and asks every second). */
    async function untilReplica(timeoutMs = 5_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if ((await getReadDb()) !== database.db) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("no read went to the replica");
    }

    it("routes reads to the replica, and a writer's reads to it only once it has replayed their write", async () => {
      startProcess({ DATABASE_URL: url, DATABASE_REPLICA_URLS: url });
      // First read of the process: the monitor has not answered yet.
      expect(await getReadDb()).toBe(database.db);
      await untilReplica();
      expect(await readOnly()).toBe("on");

      await database.db.insert(teams).values({ code: "mine", nameZh: "我的", nameEn: "Mine" });
      await rememberWrite();
      const cookie = request.jar.get(WRITTEN_COOKIE)!;
      expect(cookie.value).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: held()!.cookieSeconds });

      // A position the replica has not reached: the primary. An old one: the replica.
      request.jar.set(WRITTEN_COOKIE, { value: "FFFFFFFF/FFFFFFFF" });
      expect(await getReadDb()).toBe(database.db);
      request.jar.set(WRITTEN_COOKIE, { value: "0/0" });
      expect(await getReadDb()).not.toBe(database.db);
      // The real one: the replica as soon as the monitor has seen it there, and the write is in what it reads.
      request.jar.set(WRITTEN_COOKIE, cookie);
      await untilReplica();
      expect((await (await getReadDb()).select({ code: teams.code }).from(teams)).map((r) => r.code)).toContain("mine");
    });

    it("a replica that is not there: reads go to the primary, without an error", async () => {
      startProcess({ DATABASE_URL: url, DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:1/landfall" });
      const started = Date.now();
      for (let i = 0; i < 5; i++) {
        expect(await getReadDb()).toBe(database.db);
        expect(await readOnly()).toBe("off");
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(held()!.replicas[0]!.down).toBe(true);
    });
  });
});
