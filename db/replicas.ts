import postgres from "postgres";
import { type Database, type Db, serverClient, serverDb } from "./index";

// Read replicas (PostgreSQL streaming replication). Pages that only show what is stored (lists,
// search, the review, exports) read from a replica through lib/read-db.ts; everything else, and
// every write, stays on the primary. One ReplicaSet per process watches the replicas: each
// second it asks the primary where its WAL is and each replica how far it has replayed, and a
// replica that does not answer or is further behind than DATABASE_REPLICA_MAX_LAG_SECONDS gets
// no reads until it catches up.
//
// Drizzle's withReplicas does not fit: it picks a replica per query (a page's reads would see
// different replicas), sends `execute` (the raw SQL of the list, the board and the review) to the
// primary, and has no way to skip a lagging replica or to retry a failed read elsewhere. So each
// replica gets a Drizzle handle of its own, chosen once per request, over a client that retries a
// read on the primary when the replica cannot be reached.

export interface ReplicaSettings {
  urls: string[];
  /** A replica further behind the primary than this gets no reads. */
  maxLagMs: number;
}

/** DATABASE_REPLICA_URLS (comma-separated postgres:// URLs) and DATABASE_REPLICA_MAX_LAG_SECONDS (default 5). */
export function replicaSettings(source: Record<string, string | undefined> = process.env): ReplicaSettings {
  const urls = (source.DATABASE_REPLICA_URLS ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  for (const url of urls) {
    let protocol = "";
    try {
      protocol = new URL(url).protocol;
    } catch {}
    if (protocol !== "postgres:" && protocol !== "postgresql:") {
      throw new Error(`Landfall configuration is invalid:\n  DATABASE_REPLICA_URLS: "${redact(url)}" is not a postgres:// URL`);
    }
  }
  const raw = source.DATABASE_REPLICA_MAX_LAG_SECONDS?.trim();
  const seconds = raw ? Number(raw) : 5;
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error("Landfall configuration is invalid:\n  DATABASE_REPLICA_MAX_LAG_SECONDS: must be a number of seconds, 0 or more");
  }
  return { urls, maxLagMs: seconds * 1000 };
}

/** A URL for the log: without its password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

/** "16/B374D848" → a number that orders like the WAL; null for anything else. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text?.trim() ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : null;
}

/** Where the primary's WAL was at a moment: samples are kept oldest first. */
export interface LsnSample {
  lsn: bigint;
  at: number;
}

/**
 * How long ago, in ms, the primary had written something this replica has not replayed: now
 * minus the time of the oldest sample beyond the replica's position; 0 when it has replayed
 * every sample. Measured in time, not bytes, so a quiet primary never makes a replica look behind
 * and a busy one never makes a replica a few megabytes back look far behind.
 */
export function replicaLag(samples: readonly LsnSample[], replayed: bigint, now: number): number {
  const missing = samples.find((s) => s.lsn > replayed);
  return missing ? Math.max(0, now - missing.at) : 0;
}

/**
 * Adds a sample of the primary (only when its WAL moved: the first time a position was seen is
 * the one that counts) and forgets samples older than `keepMs`, keeping the newest of those, so
 * a replica behind everything kept still reads as at least `keepMs` behind.
 */
export function addSample(samples: LsnSample[], lsn: bigint, at: number, keepMs: number): void {
  const last = samples.at(-1);
  if (!last || lsn > last.lsn) samples.push({ lsn, at });
  while (samples.length > 1 && samples[1]!.at <= at - keepMs) samples.shift();
}

/** postgres.js and server errors that mean the replica cannot answer now (not: the query is wrong). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  // admin_shutdown, crash_shutdown, cannot_connect_now (starting up, or in recovery and not yet accepting reads)
  "57P01",
  "57P02",
  "57P03",
]);

/**
 * "down": the replica is unreachable; "retry": this query lost to WAL replay (a recovery
 * conflict, SQLSTATE 40001 on a standby) and may run on the primary; null: a real error.
 */
export function replicaFailure(error: unknown): "down" | "retry" | null {
  const e = error as { code?: unknown; errors?: unknown[] } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  if (UNREACHABLE.has(code) || code.startsWith("08")) return "down";
  if (Array.isArray(e?.errors) && e.errors.some((inner) => replicaFailure(inner) === "down")) return "down";
  if (code === "40001") return "retry";
  return null;
}

type Client = postgres.Sql;

/**
 * A postgres.js client for Drizzle that runs each query on the replica and, when the replica
 * cannot be reached (or is already known to be down), on the primary instead. Drizzle only
 * calls `unsafe(query, params, options)` and awaits it or its `.values()`; transactions
 * (`begin`) are writes and never come here. Queries stay lazy, as postgres.js's are.
 */
function fallbackClient(replica: Client, primary: Client, state: { down: boolean }, onDown: (error: unknown) => void): Client {
  const unsafe = (query: string, params?: unknown[], options?: postgres.UnsafeQueryOptions) => {
    const on = (client: Client, values: boolean) => {
      const pending = client.unsafe(query, params as postgres.ParameterOrJSON<never>[], options);
      return values ? pending.values() : pending;
    };
    const run = async (values: boolean) => {
      if (state.down) return on(primary, values);
      try {
        return await on(replica, values);
      } catch (error) {
        const failure = replicaFailure(error);
        if (!failure) throw error;
        if (failure === "down") onDown(error);
        return on(primary, values);
      }
    };
    let values = false;
    let started: Promise<unknown> | undefined;
    const start = () => (started ??= run(values));
    const lazy = {
      values() {
        values = true;
        return lazy;
      },
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => start().then(ok, fail),
      catch: (fail?: (e: unknown) => unknown) => start().catch(fail),
      finally: (done?: () => void) => start().finally(done),
    };
    return lazy;
  };
  return new Proxy(replica, { get: (target, key, receiver) => (key === "unsafe" ? unsafe : Reflect.get(target, key, receiver)) });
}

/** A monitor's connection, and its question still out (one that outlived its time-out is not asked again on top of it). */
interface Monitor {
  client: Client;
  pending: Promise<void> | null;
}

interface Replica {
  name: string;
  db: Db;
  pool: Client;
  monitor: Monitor;
  /** Unreachable, not a replica of this primary, or failed a read: no reads until the monitor hears from it. */
  down: boolean;
  /** The WAL position it has replayed, and when it said so. */
  replayed: bigint | null;
  answeredAt: number;
}

export interface ReplicaSetOptions extends ReplicaSettings {
  /** The primary's URL, for the monitor's own connection to it. */
  primaryUrl: string;
  /** The primary's handle: reads a replica cannot answer run there. */
  primaryDb: Db;
  /** How often the monitor asks; default 1 s. */
  intervalMs?: number;
  /** How long the monitor waits for an answer before it calls a server unreachable; default 1 s. */
  timeoutMs?: number;
}

const MONITOR_SQL = `select pg_is_in_recovery() as recovery,
  (case when pg_is_in_recovery() then pg_last_wal_replay_lsn() else pg_current_wal_lsn() end)::text as lsn,
  pg_postmaster_start_time()::text as started`;

/** The read replicas of one process, and the monitor that knows which may take reads. */
export class ReplicaSet {
  readonly replicas: Replica[];
  readonly maxLagMs: number;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly primaryMonitor: Monitor;
  private readonly samples: LsnSample[] = [];
  private primaryAt: number | null = null;
  private primaryStarted: string | null = null;
  private ticking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly opts: ReplicaSetOptions) {
    this.maxLagMs = opts.maxLagMs;
    this.intervalMs = opts.intervalMs ?? 1000;
    this.timeoutMs = opts.timeoutMs ?? 1000;
    const primaryClient = (opts.primaryDb as unknown as { $client: Client }).$client;
    this.primaryMonitor = monitor(opts.primaryUrl, this.timeoutMs);
    this.replicas = opts.urls.map((url) => {
      const pool = serverClient(url, {
        // A replica that went away is given up in two seconds; the read then runs on the primary.
        connect_timeout: 2,
        // What a standby enforces anyway; a stand-in replica (the primary itself, in tests) too.
        connection: { default_transaction_read_only: true },
      });
      const replica: Replica = { name: redact(url), db: null as unknown as Db, pool, monitor: monitor(url, this.timeoutMs), down: false, replayed: null, answeredAt: 0 };
      const client = fallbackClient(pool, primaryClient, replica, (error) => this.markDown(replica, error));
      // `$primary`: reference data, cached for everyone, is always read from the primary (primaryOf).
      replica.db = Object.assign(serverDb(client), { $primary: opts.primaryDb });
      return replica;
    });
  }

  /** Starts the monitor (once; its timer never keeps the process alive). */
  start(): void {
    if (this.timer || this.closed) return;
    const loop = async () => {
      await this.tick();
      if (!this.closed) this.timer = setTimeout(loop, this.intervalMs).unref();
    };
    this.timer = setTimeout(loop, 0).unref();
  }

  /**
   * One round of the monitor, begun after this call (rounds never overlap): the primary's WAL
   * position, then each replica's, read after it so never ahead of it.
   */
  async tick(): Promise<void> {
    while (this.ticking) await this.ticking;
    this.ticking = (async () => {
      await this.askPrimary(Date.now());
      await Promise.all(this.replicas.map((r) => this.askReplica(r)));
    })().finally(() => (this.ticking = null));
    return this.ticking;
  }

  private async askPrimary(sentAt: number) {
    try {
      const [row] = await ask<{ lsn: string; started: string }>(this.primaryMonitor, "select pg_current_wal_lsn()::text as lsn, pg_postmaster_start_time()::text as started", this.timeoutMs);
      const lsn = parseLsn(row?.lsn);
      if (lsn === null) return;
      // The time the question was sent: the primary was at least this far then.
      addSample(this.samples, lsn, sentAt, this.maxLagMs + 5_000);
      this.primaryAt = Date.now();
      this.primaryStarted = row!.started;
    } catch {
      // Without the primary's position no replica's lag is known: choose() falls back to the primary.
    }
  }

  private async askReplica(r: Replica) {
    try {
      const [row] = await ask<{ recovery: boolean; lsn: string; started: string }>(r.monitor, MONITOR_SQL, this.timeoutMs);
      // A server out of recovery is no longer fed by the primary (a promoted replica): no reads,
      // unless it is the primary itself (same postmaster), which is how tests stand one in.
      if (!row || (!row.recovery && row.started !== this.primaryStarted)) {
        return this.markDown(r, new Error("it is not in recovery: not a replica of this primary"));
      }
      r.replayed = parseLsn(row.lsn);
      r.answeredAt = Date.now();
      if (r.down) console.log(`[landfall] read replica ${r.name} is back`);
      r.down = false;
    } catch (error) {
      this.markDown(r, error);
    }
  }

  private markDown(r: Replica, error: unknown) {
    if (!r.down) {
      const why = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
      console.warn(`[landfall] read replica ${r.name} gets no reads (${why}); reads go to the primary until it answers`);
    }
    r.down = true;
  }

  /**
   * A replica for one request's reads, or null for the primary: one that answered the monitor
   * lately, is at most maxLagMs behind, and (after the reader's own write at `written`) has
   * replayed that write. Starts the monitor on first use.
   */
  choose(written: bigint | null, now = Date.now()): Db | null {
    this.start();
    // Without a recent answer from the primary no replica's lag is known.
    const fresh = Math.max(this.maxLagMs, 3 * this.intervalMs + this.timeoutMs);
    if (this.primaryAt === null || now - this.primaryAt > fresh) return null;
    const usable = this.replicas.filter(
      (r) =>
        !r.down &&
        r.replayed !== null &&
        now - r.answeredAt <= fresh &&
        (written === null || r.replayed >= written) &&
        replicaLag(this.samples, r.replayed, now) <= this.maxLagMs,
    );
    return usable.length > 0 ? usable[Math.floor(Math.random() * usable.length)]!.db : null;
  }

  /** The primary's WAL position now, as text, for the read-your-writes cookie (lib/read-db.ts). */
  async primaryLsn(): Promise<string> {
    const client = (this.opts.primaryDb as unknown as { $client: Client }).$client;
    // The insert position: past every record a committed transaction wrote, even one not yet flushed.
    const [row] = await client.unsafe<{ lsn: string }[]>("select pg_current_wal_insert_lsn()::text as lsn");
    return row!.lsn;
  }

  /** How long the read-your-writes cookie lives: after that a replica that has not replayed the write is over the lag bound anyway. */
  get cookieSeconds(): number {
    return Math.ceil((this.maxLagMs + 2 * this.intervalMs + this.timeoutMs) / 1000) + 1;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([this.primaryMonitor.client.end({ timeout: 1 }), ...this.replicas.flatMap((r) => [r.pool.end({ timeout: 1 }), r.monitor.client.end({ timeout: 1 })])]);
  }
}

/** One connection for the monitor, with short timeouts on both sides. */
function monitor(url: string, timeoutMs: number): Monitor {
  const client = postgres(url, {
    max: 1,
    connect_timeout: Math.max(1, Math.ceil(timeoutMs / 1000)),
    idle_timeout: 60,
    onnotice: () => {},
    backoff: () => 0.2,
    connection: { application_name: "landfall-replica-monitor", statement_timeout: timeoutMs },
  });
  return { client, pending: null };
}

/** The rows of one monitor question, or a rejection after `ms`. */
function ask<Row>(m: Monitor, query: string, ms: number): Promise<Row[]> {
  if (m.pending) return Promise.reject(new Error("its last answer is still awaited"));
  const answer = Promise.resolve(m.client.unsafe<Row[]>(query));
  m.pending = answer.then(
    () => {},
    () => {},
  );
  void m.pending.then(() => (m.pending = null));
  return withTimeout(answer, ms);
}

function withTimeout<T>(pending: PromiseLike<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref();
  });
  return Promise.race([Promise.resolve(pending), timeout]).finally(() => clearTimeout(timer));
}

/** The primary's handle for a handle that may be a replica's (reads that must not be stale). */
export function primaryOf(db: Db): Db {
  return (db as Db & { $primary?: Db }).$primary ?? db;
}

/**
 * The process's replicas when DATABASE_REPLICA_URLS names any and the database is a server;
 * null on PGlite and without replicas (every read goes to the primary, as it always did).
 */
export function replicasFor(database: Database, source: Record<string, string | undefined> = process.env): ReplicaSet | null {
  const settings = replicaSettings(source);
  if (settings.urls.length === 0 || database.kind !== "server" || !source.DATABASE_URL) return null;
  return new ReplicaSet({ ...settings, primaryUrl: source.DATABASE_URL, primaryDb: database.db });
}
