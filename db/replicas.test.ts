import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { type Database, type Db, queryRows } from "@/db";
import { teams } from "@/db/schema";
import { openTestDatabase, testDatabaseUrl } from "@/test/support/db";
import { addSample, type LsnSample, parseLsn, primaryOf, replicaFailure, replicaLag, ReplicaSet, replicaSettings, replicasFor } from "./replicas";

const onServer = Boolean(inject("dbTemplateUrl"));

describe("replica settings", () => {
  it("none by default, five seconds of lag allowed", () => {
    expect(replicaSettings({})).toEqual({ urls: [], maxLagMs: 5000 });
  });

  it("reads a comma-separated list and the bound", () => {
    expect(replicaSettings({ DATABASE_REPLICA_URLS: " postgres://a@r1:5432/x, postgresql://a@r2/x ,", DATABASE_REPLICA_MAX_LAG_SECONDS: "2.5" })).toEqual({
      urls: ["postgres://a@r1:5432/x", "postgresql://a@r2/x"],
      maxLagMs: 2500,
    });
  });

  it("refuses what is not a postgres URL, without printing its password", () => {
    expect(() => replicaSettings({ DATABASE_REPLICA_URLS: "mysql://u:secret@r1/x" })).toThrow(/DATABASE_REPLICA_URLS: "mysql:\/\/u:\*\*\*@r1\/x"/);
    expect(() => replicaSettings({ DATABASE_REPLICA_MAX_LAG_SECONDS: "soon" })).toThrow(/DATABASE_REPLICA_MAX_LAG_SECONDS/);
  });
});

describe("WAL positions and lag", () => {
  it("orders LSNs as the WAL does", () => {
    expect(parseLsn("0/0")).toBe(0n);
    expect(parseLsn("16/B374D848")).toBe((0x16n << 32n) | 0xb374d848n);
    expect(parseLsn("1/0")! > parseLsn("0/FFFFFFFF")!).toBe(true);
    expect(parseLsn("")).toBeNull();
    expect(parseLsn(undefined)).toBeNull();
    expect(parseLsn("1/2; drop table")).toBeNull();
  });

  const samples: LsnSample[] = [
    { lsn: 100n, at: 1_000 },
    { lsn: 200n, at: 2_000 },
    { lsn: 300n, at: 3_000 },
  ];

  it("is the age of the oldest sample the replica has not replayed", () => {
    expect(replicaLag(samples, 300n, 10_000)).toBe(0);
    expect(replicaLag(samples, 999n, 10_000)).toBe(0);
    expect(replicaLag(samples, 250n, 10_000)).toBe(7_000);
    expect(replicaLag(samples, 200n, 3_500)).toBe(500);
    expect(replicaLag(samples, 50n, 3_500)).toBe(2_500);
    expect(replicaLag([], 0n, 3_500)).toBe(0);
  });

  it("a quiet primary keeps one sample, and a replica that replayed it is not behind however long ago it was", () => {
    const kept: LsnSample[] = [];
    addSample(kept, 100n, 1_000, 5_000);
    addSample(kept, 100n, 2_000, 5_000);
    addSample(kept, 100n, 60_000, 5_000);
    expect(kept).toEqual([{ lsn: 100n, at: 1_000 }]);
    expect(replicaLag(kept, 100n, 60_000)).toBe(0);
    expect(replicaLag(kept, 99n, 60_000)).toBe(59_000);
  });

  it("forgets old samples but keeps the newest of them, so a replica behind all kept ones still reads as far behind", () => {
    const kept: LsnSample[] = [];
    for (let s = 0; s <= 20; s++) addSample(kept, BigInt(100 * (s + 1)), s * 1_000, 5_000);
    expect(kept[0]).toEqual({ lsn: 1_600n, at: 15_000 });
    expect(kept).toHaveLength(6);
    expect(replicaLag(kept, 1_600n, 20_000)).toBe(4_000);
    // Stuck at a position long forgotten: at least the window behind.
    expect(replicaLag(kept, 100n, 20_000)).toBeGreaterThanOrEqual(5_000);
    // A burst after a long quiet spell: the replica that missed the quiet spell's last write is still behind.
    const quiet: LsnSample[] = [];
    addSample(quiet, 100n, 0, 5_000);
    addSample(quiet, 200n, 100_000, 5_000);
    expect(replicaLag(quiet, 150n, 100_000)).toBe(0);
    expect(replicaLag(quiet, 50n, 100_000)).toBe(100_000);
  });

  it("tells an unreachable replica from a wrong query", () => {
    expect(replicaFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }))).toBe("down");
    expect(replicaFailure(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" }))).toBe("down");
    expect(replicaFailure({ code: "57P01" })).toBe("down");
    expect(replicaFailure({ code: "08006" })).toBe("down");
    expect(replicaFailure(Object.assign(new AggregateError([{ code: "ECONNREFUSED" }]), { code: undefined }))).toBe("down");
    expect(replicaFailure({ code: "40001" })).toBe("retry");
    expect(replicaFailure({ code: "42P01" })).toBeNull();
    expect(replicaFailure(new Error("boom"))).toBeNull();
  });
});

describe("without replicas", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  it("every read goes to the primary: PGlite has none, and a server has none unless named", () => {
    const named = { DATABASE_URL: "postgres://postgres@127.0.0.1:1/x", DATABASE_REPLICA_URLS: "postgres://postgres@127.0.0.1:1/x" };
    if (database.kind === "pglite") expect(replicasFor(database, named)).toBeNull();
    expect(replicasFor(database, { DATABASE_URL: named.DATABASE_URL })).toBeNull();
    expect(primaryOf(database.db)).toBe(database.db);
  });
});

describe.runIf(onServer)("replicas on a server", () => {
  let database: Database;
  let url: string;
  const sets: ReplicaSet[] = [];
  const replicaSet = (urls: string[], maxLagMs = 5_000, intervalMs?: number) => {
    // A monitor time-out long enough for a loaded machine: a slow answer must not read as a replica down.
    const set = new ReplicaSet({ urls, maxLagMs, primaryUrl: url, primaryDb: database.db, timeoutMs: 10_000, intervalMs });
    sets.push(set);
    return set;
  };
  const readOnly = async (db: Db) => (await queryRows<{ transaction_read_only: string }>(db, sql`show transaction_read_only`))[0]!.transaction_read_only;

  beforeAll(async () => {
    database = await openTestDatabase();
    url = await testDatabaseUrl(database);
  });
  afterAll(async () => {
    await Promise.all(sets.map((s) => s.close()));
    await database?.close();
  });

  it("reads go to a healthy replica once the monitor has heard from it (the primary itself stands in)", async () => {
    const set = replicaSet([url]);
    // Before the monitor's first answer nothing is known: the primary.
    expect(set.choose(null)).toBeNull();
    await set.tick();
    const db = set.choose(null);
    expect(db).toBe(set.replicas[0]!.db);
    // Its own read-only connections, and what the primary has is there.
    expect(await readOnly(db!)).toBe("on");
    await database.db.insert(teams).values({ code: "on-both", nameZh: "两边", nameEn: "On both" });
    expect((await db!.select({ code: teams.code }).from(teams)).map((r) => r.code)).toContain("on-both");
    await expect(db!.insert(teams).values({ code: "nope", nameZh: "不", nameEn: "No" })).rejects.toThrow();
    // Reference data is read from the primary even through a replica's handle.
    expect(primaryOf(db!)).toBe(database.db);
  });

  it("after a write, the writer reads from a replica only once it has replayed that write", async () => {
    // The monitor's own rounds are held off (a long interval after its first), so that what the
    // replica has replayed changes only at this test's ticks.
    const set = replicaSet([url], 5_000, 600_000);
    set.start();
    // The monitor's first round begins right after start() and waits for this test's round: the
    // second tick returns only after it, so no round of its own is in flight across the write.
    await set.tick();
    await set.tick();
    const before = set.replicas[0]!.replayed!;
    expect(set.choose(before)).toBe(set.replicas[0]!.db);
    await database.db.insert(teams).values({ code: "just-written", nameZh: "刚写", nameEn: "Just written" });
    const written = parseLsn(await set.primaryLsn())!;
    expect(written > before).toBe(true);
    // The replica was last seen before the write: the writer reads from the primary…
    expect(set.choose(written)).toBeNull();
    // …while others (no cookie, or an older write) still read from the replica.
    expect(set.choose(null)).toBe(set.replicas[0]!.db);
    expect(set.choose(before)).toBe(set.replicas[0]!.db);
    // Once the monitor sees the replica past the write, the writer is back on it.
    await set.tick();
    expect(set.choose(written)).toBe(set.replicas[0]!.db);
    expect(set.cookieSeconds).toBeGreaterThan(5);
  });

  it("a replica too far behind, or a monitor that lost the primary, means the primary", async () => {
    const set = replicaSet([url], 2_000);
    await set.tick();
    const now = Date.now();
    expect(set.choose(null, now)).toBe(set.replicas[0]!.db);
    // A minute on without a word from the monitor: nothing is known any more.
    expect(set.choose(null, now + 60_000)).toBeNull();
    // The replica stopped at an older position while the primary went on.
    await database.db.insert(teams).values({ code: "moved-on", nameZh: "向前", nameEn: "Moved on" });
    const replica = set.replicas[0]!;
    const stuck = replica.replayed!;
    await set.tick();
    replica.replayed = stuck;
    expect(set.choose(null, Date.now() + 1_000)).toBe(replica.db);
    expect(set.choose(null, Date.now() + 2_500)).toBeNull();
  });

  it("an unreachable replica: reads go to the primary without an error", async () => {
    const set = replicaSet(["postgres://postgres@127.0.0.1:1/landfall"]);
    const replica = set.replicas[0]!;
    // A read sent to it before the monitor knows runs on the primary instead.
    const [row] = await queryRows<{ name: string }>(replica.db, sql`select current_database() as name`);
    expect(row!.name).toBe(new URL(url).pathname.slice(1));
    expect((await replica.db.select({ code: teams.code }).from(teams)).length).toBeGreaterThan(0);
    expect(replica.down).toBe(true);
    // The monitor says the same, and no request is sent to it.
    await set.tick();
    expect(replica.down).toBe(true);
    expect(set.choose(null)).toBeNull();
  });

  it("with a healthy and an unreachable replica, reads go to the healthy one", async () => {
    const set = replicaSet(["postgres://postgres@127.0.0.1:1/landfall", url]);
    await set.tick();
    for (let i = 0; i < 10; i++) expect(set.choose(null)).toBe(set.replicas[1]!.db);
  });

  it("replicasFor makes the set from the environment on a server", async () => {
    const set = replicasFor(database, { DATABASE_URL: url, DATABASE_REPLICA_URLS: url, DATABASE_REPLICA_MAX_LAG_SECONDS: "3" });
    expect(set).not.toBeNull();
    sets.push(set!);
    expect(set!.maxLagMs).toBe(3_000);
    expect(set!.replicas).toHaveLength(1);
  });
});
