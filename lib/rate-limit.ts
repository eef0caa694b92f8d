import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { type Limits, limits } from "@/lib/env";

// Request budgets, counted in the memory of the one app process (RateLimiterMemory). With
// several app processes behind a balancer each counts on its own, so the effective limit is
// multiplied by their number; a shared store (rate-limiter-flexible's Postgres or Redis
// limiters) would be needed then.

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

// One limiter per budget and process; kept on globalThis because the proxy, route handlers and
// actions are separate bundles that share the process.
const holder = globalThis as unknown as { __landfallLimiters?: Map<string, RateLimiterMemory> };

function limiter(name: LimitName, e: Limits): RateLimiterMemory {
  const { points, seconds } = BUDGETS[name](e);
  const id = `${name}:${points}:${seconds}`;
  const limiters = (holder.__landfallLimiters ??= new Map());
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterMemory({ keyPrefix: name, points, duration: seconds });
    limiters.set(id, found);
  }
  return found;
}

/** Spends one request of `key`'s budget; refused once the budget of the window is spent. */
export async function consume(name: LimitName, key: string, e: Limits = limits()): Promise<LimitOutcome> {
  try {
    await limiter(name, e).consume(key);
    return { allowed: true };
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    throw refusal;
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
