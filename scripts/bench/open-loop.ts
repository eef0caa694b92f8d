// The open-loop run: requests arrive at a fixed rate whatever the answers in flight, as people do,
// so a server that falls behind shows it in its latency (a closed loop waits for each answer
// before the next question and hides that). Each request's latency counts from the moment it was
// due, so a late start of the load generator itself is not hidden either.
import http from "node:http";
import { loadavg } from "node:os";
import type { HttpRequest } from "./load";
import { percentile } from "./load";

export interface Arrival {
  /** Which screen the request is for (a row of the report). */
  id: string;
  baseUrl: string;
  cookie: string;
  request: HttpRequest;
}

export interface OpenLoopStats {
  offered: number;
  completed: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  /** Arrivals the mix had no request for (no project left to move). */
  skipped: number;
  /** Longest delay of a request behind its schedule in the generator itself, ms. */
  generatorLagMs: number;
  /** One-minute load average when the run started and when its last answer came. */
  loadBefore: number;
  loadAfter: number;
  byScreen: Map<string, OpenLoopStats>;
}

const TIMEOUT_MS = 30_000;

function send(agent: http.Agent, a: Arrival): Promise<number> {
  return new Promise((resolve, reject) => {
    const url = new URL(a.request.path, a.baseUrl);
    const body = a.request.body;
    const req = http.request(url, {
      agent,
      method: a.request.method ?? "GET",
      headers: { cookie: a.cookie, ...(a.request.headers ?? {}), ...(body !== undefined ? { "content-length": Buffer.byteLength(body) } : {}) },
      timeout: TIMEOUT_MS,
    }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Offers `rate` requests a second for `seconds`, arrival k being `arrival(k)` (undefined: nothing
 * to send for it), on keep-alive connections opened as needed; then waits for the answers.
 */
export async function runOpenLoop(opts: { rate: number; seconds: number; arrival: (k: number) => Arrival | undefined }): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const latencies = new Map<string, number[]>();
  const byScreen = new Map<string, OpenLoopStats>();
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const inFlight: Promise<void>[] = [];
  let skipped = 0;
  let generatorLagMs = 0;
  const loadBefore = loadavg()[0]!;
  const started = performance.now();

  const fire = (k: number, due: number) => {
    const a = opts.arrival(k);
    if (!a) {
      skipped++;
      return;
    }
    const stats = byScreen.get(a.id) ?? { offered: 0, completed: 0, errors: 0, p50: NaN, p95: NaN, p99: NaN, statuses: {} };
    byScreen.set(a.id, stats);
    stats.offered++;
    inFlight.push(
      send(agent, a).then(
        (status) => {
          stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
          if (status >= 200 && status < 300) {
            stats.completed++;
            const list = latencies.get(a.id) ?? [];
            latencies.set(a.id, list);
            list.push(performance.now() - due);
          } else stats.errors++;
        },
        (e: unknown) => {
          const key = e instanceof Error && e.message === "timeout" ? "timeout" : "error";
          stats.statuses[key] = (stats.statuses[key] ?? 0) + 1;
          stats.errors++;
        },
      ),
    );
  };

  // A timer wakes the generator; every arrival due by then is sent at once, its latency counted
  // from when it was due.
  let k = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (k < total && started + k * interval <= now) {
        const due = started + k * interval;
        generatorLagMs = Math.max(generatorLagMs, now - due);
        fire(k, due);
        k++;
      }
      if (k >= total) resolve();
      else setTimeout(tick, Math.max(0, started + k * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();

  for (const [id, stats] of byScreen) {
    const sorted = (latencies.get(id) ?? []).sort((a, b) => a - b);
    stats.p50 = percentile(sorted, 50);
    stats.p95 = percentile(sorted, 95);
    stats.p99 = percentile(sorted, 99);
  }
  return { rate: opts.rate, seconds: opts.seconds, skipped, generatorLagMs, loadBefore, loadAfter: loadavg()[0]!, byScreen };
}
