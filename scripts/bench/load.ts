// Load generation: autocannon against the app over loopback, and the same SQL replayed through
// postgres.js at the same concurrency for the floor. Latency is measured per request by the
// client (loopback, so it is the server's time plus a fraction of a millisecond).
import autocannon from "autocannon";
import type postgres from "postgres";

export interface Stats {
  requests: number;
  errors: number;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(latencies: number[], errors: number, seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: latencies.length / seconds,
  };
}

export interface HttpRequest {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpRun {
  baseUrl: string;
  connections: number;
  seconds: number;
  /** One session cookie per connection, cycled. */
  cookies: string[];
  /** The k-th request of the run. */
  request: (k: number) => HttpRequest;
  /** At most this many requests in all. */
  limit?: number;
}

/** Runs autocannon; every non-2xx answer, error or timeout counts as an error. */
export async function runHttp(run: HttpRun): Promise<Stats & { statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let client = 0;
  const started = Date.now();
  const instance = autocannon({
    url: run.baseUrl,
    connections: run.connections,
    duration: run.seconds,
    timeout: 30,
    ...(run.limit ? { maxOverallRequests: run.limit } : {}),
    setupClient: (c: { setHeaders: (h: Record<string, string>) => void }) => {
      c.setHeaders({ cookie: run.cookies[client++ % run.cookies.length]! });
    },
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = run.request(next++);
          return {
            ...req,
            method: r.method ?? "GET",
            path: r.path,
            ...(r.body !== undefined ? { body: r.body } : {}),
            headers: { ...(req.headers as Record<string, string>), ...(r.headers ?? {}) },
          };
        },
      },
    ],
  } as autocannon.Options);
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = Math.max(0.001, (Date.now() - started) / 1000);
  const errors = result.non2xx + result.errors + result.timeouts;
  return { ...summarise(latencies, errors, seconds), statuses };
}

export interface Statement {
  text: string;
  params: unknown[];
}

/** A page's statements: phases in order, the statements of one phase concurrently. */
export type Plan = Statement[][];

export interface SqlRun {
  sql: postgres.Sql;
  connections: number;
  seconds: number;
  /** The plan of the k-th request. */
  plan: (k: number) => Plan;
  /** Statements of these phases run in one transaction (the server action's write). */
  transactional?: (phase: number) => boolean;
  limit?: number;
}

async function replay(sql: postgres.Sql, plan: Plan, transactional: (phase: number) => boolean) {
  for (const [n, phase] of plan.entries()) {
    if (transactional(n)) {
      await sql.begin(async (tx) => {
        for (const s of phase) await tx.unsafe(s.text, s.params as never[]);
      });
    } else {
      await Promise.all(phase.map((s) => sql.unsafe(s.text, s.params as never[])));
    }
  }
}

/** Replays plans from `connections` loops for `seconds` (closed loop, like autocannon's connections). */
export async function runSql(run: SqlRun): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const limit = run.limit ?? Infinity;
  const started = Date.now();
  const deadline = started + run.seconds * 1000;
  const transactional = run.transactional ?? (() => false);
  await Promise.all(
    Array.from({ length: run.connections }, async () => {
      while (Date.now() < deadline && next < limit) {
        const plan = run.plan(next++);
        const t0 = performance.now();
        try {
          await replay(run.sql, plan, transactional);
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  return summarise(latencies, errors, Math.max(0.001, (Date.now() - started) / 1000));
}
