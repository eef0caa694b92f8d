import { lt } from "drizzle-orm";
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { type Db, getDb, type Tx } from "@/db";
import { rateLimits } from "@/db/schema";
import { type Limits, limits } from "@/lib/env";

// Request budgets, counted in the database (the rate_limits table, rate-limiter-flexible's
// RateLimiterDrizzle): every app instance behind the balancer spends the same budget, so a limit
// means the same with one instance or five. One atomic upsert per counted request.
//
// When the database cannot be reached, each instance counts in its own memory with the same
// numbers (rate-limiter-flexible's insurance limiter) rather than refuse: the sign-in pages, the
// calendar feed and the import all need the database anyway and answer that it is unavailable,
// and a proxy that threw would turn every sign-in into a 500. With n instances an outage allows at
// most n times a budget, and only for as long as the outage lasts.

export type LimitName = "signin" | "import" | "calendarToken" | "calendarAddress";

interface Budget {
  points: number;
  seconds: number;
}

const BUDGETS: Record<LimitName, (e: Limits) => Budget> = {
  signin: (e) => ({ points: e.RATE_LIMIT_SIGNIN_PER_MINUTE, seconds: 60 }),
  import: (e) => ({ points: e.RATE_LIMIT_IMPORT_PER_HOUR, seconds: 60 * 60 }),
  calendarToken: (e) => ({ points: e.RATE_LIMIT_CALENDAR_PER_MINUTE, seconds: 60 }),
  calendarAddress: (e) => ({ points: e.RATE_LIMIT_CALENDAR_IP_PER_MINUTE, seconds: 60 }),
};

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

// The in-memory insurance, one per budget and process; kept on globalThis because the proxy, route
// handlers and actions are separate bundles that share the process.
const holder = globalThis as unknown as {
  __landfallLimiters?: Map<string, RateLimiterMemory>;
  __landfallRateSweep?: number;
  __landfallInsuranceWarned?: number;
};

/** Counts in this process's memory, and says so in the log (at most once a minute). */
class Insurance extends RateLimiterMemory {
  override consume(key: string | number, points?: number, options?: { [key: string]: unknown }) {
    const now = Date.now();
    if ((holder.__landfallInsuranceWarned ?? 0) < now - 60_000) {
      holder.__landfallInsuranceWarned = now;
      console.warn("[landfall] the database did not answer: rate limits are counted in this instance's memory for now");
    }
    return super.consume(key, points, options);
  }
}

function insurance(name: LimitName, { points, seconds }: Budget): RateLimiterMemory {
  const id = `${name}:${points}:${seconds}`;
  const limiters = (holder.__landfallLimiters ??= new Map());
  let found = limiters.get(id);
  if (!found) {
    found = new Insurance({ keyPrefix: name, points, duration: seconds });
    limiters.set(id, found);
  }
  return found;
}

/**
 * A limiter over `store`. Built per call: it holds nothing but its settings (the counts are rows),
 * and `store` may be a transaction. No timer of its own: expired rows are swept by sweepExpired.
 */
function limiter(name: LimitName, budget: Budget, store: Db | Tx): RateLimiterDrizzle {
  return new RateLimiterDrizzle({
    storeClient: store,
    schema: rateLimits,
    keyPrefix: name,
    points: budget.points,
    duration: budget.seconds,
    insuranceLimiter: insurance(name, budget),
    clearExpiredByTimeout: false,
  });
}

/**
 * Spends one request of `key`'s budget; refused once the budget of the window is spent.
 * `store` is the process's database unless given: inside an action's transaction pass the
 * transaction, since PGlite is one connection and a query beside a running transaction waits for
 * it to end. Spent there, the request counts when the transaction commits.
 */
export async function consume(name: LimitName, key: string, e: Limits = limits(), store?: Db | Tx): Promise<LimitOutcome> {
  const budget = BUDGETS[name](e);
  let db: Db | Tx;
  try {
    db = store ?? (await getDb());
  } catch {
    // Not even opened (the server was down when this process started): count in memory.
    return outcome(insurance(name, budget).consume(key));
  }
  // Each instance offers to sweep at most once an interval.
  const now = Date.now();
  if (!store && (holder.__landfallRateSweep ?? 0) <= now - SWEEP_EVERY_SECONDS * 1000) {
    holder.__landfallRateSweep = now;
    await sweepExpired(db as Db);
  }
  return outcome(limiter(name, budget, db).consume(key));
}

async function outcome(spending: Promise<RateLimiterRes>): Promise<LimitOutcome> {
  try {
    await spending;
    return { allowed: true };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
  }
}

const SWEEP_EVERY_SECONDS = 5 * 60;

/**
 * Deletes the rows of windows that ended, at most once every five minutes across all instances:
 * each instance offers at most that often (consume), and only the one that wins the "sweep" row
 * of the same table (a budget of one per five minutes, counted like any other) deletes. So it runs
 * once per interval however many instances there are. A failure is logged and left to the next
 * interval: the counts stay right without it (an expired row is reset by its next request).
 * Returns whether this call swept.
 */
export async function sweepExpired(db: Db): Promise<boolean> {
  try {
    const turn = new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: "sweep", points: 1, duration: SWEEP_EVERY_SECONDS, clearExpiredByTimeout: false });
    if (!(await outcome(turn.consume("rate_limits"))).allowed) return false;
    await db.delete(rateLimits).where(lt(rateLimits.expire, new Date()));
    return true;
  } catch (error) {
    console.warn("[landfall] sweeping expired rate limits failed:", error instanceof Error ? error.message : error);
    return false;
  }
}

/** The bucket of every request whose client address cannot be trusted. */
export const UNATTRIBUTED = "unattributed";

/**
 * The client's address for per-address limits. X-Forwarded-For is written by whoever sent the
 * request, so only the entries appended by our own reverse proxies can be believed: with
 * TRUSTED_PROXY_HOPS=n the n-th entry from the right. Without trusted proxies (the default),
 * every request shares one bucket: a client cannot escape its limit by inventing addresses,
 * at the price that one busy client spends everyone's budget.
 */
export function clientAddress(headers: Headers, trustedHops: number): string {
  if (trustedHops <= 0) return UNATTRIBUTED;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than proxies: the request did not come through all of them.
  return entries.length >= trustedHops ? entries[entries.length - trustedHops]! : UNATTRIBUTED;
}

/** A plain 429 with the seconds to wait. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response("Too many requests. Try again later.", {
    status: 429,
    headers: { "content-type": "text/plain; charset=utf-8", "retry-after": String(retryAfterSeconds), "cache-control": "no-store" },
  });
}
