// The cost table of the benchmark report: per screen what a request costs (CPU, statements,
// bytes) beside its throughput and its latency in the open loop, and the bare page's row with
// every screen's ratio to it.
import type { PageCost } from "./cost";
import { TICK_MS, type RunCost } from "./cpu";
import type { OpenLoopResult, OpenLoopStats } from "./open-loop";

export interface CostRow {
  id: string;
  label: string;
  /** The closed-loop runs at 1 and at 20 users. */
  one?: RunCost;
  many?: RunCost;
  rpsOne?: number;
  rpsMany?: number;
  page?: PageCost;
  open?: OpenLoopStats;
}

const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const pair = (a: number | undefined, b: number | undefined) => `${num(a)} / ${num(b)}`;
const kb = (bytes: number | undefined) => (bytes === undefined || !Number.isFinite(bytes) ? "—" : (bytes / 1024).toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0 ? "—" : `${(a / b).toFixed(1)}×`;

export function costTable(opts: {
  rows: CostRow[];
  bareId: string;
  listId: string;
  costRequests: number;
  users: number;
  openLoop: OpenLoopResult | null;
  openLoopCost: Map<string, RunCost>;
}): string {
  const bare = opts.rows.find((r) => r.id === opts.bareId);
  const lines = [
    "| screen | app CPU ms/req (1 / 20 users) | PostgreSQL CPU ms/req, app's backends (1 / 20) | PostgreSQL, all processes (1 / 20) | statements/req | HTML kB | RSC kB | req/s, 1 user | req/s, 20 users | open loop p50 ms | p95 | p99 | open-loop errors | app CPU ÷ bare |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
  ];
  for (const r of opts.rows) {
    lines.push(`| ${r.label} | ${pair(r.one?.appMs, r.many?.appMs)} | ${pair(r.one?.postgresMs, r.many?.postgresMs)} | ${pair(r.one?.postgresAllMs, r.many?.postgresAllMs)} | ` +
      `${num(r.page?.statementsPerRequest)} | ${kb(r.page?.htmlBytes)} | ${kb(r.page?.rscBytes)} | ${num(r.rpsOne)} | ${num(r.rpsMany)} | ` +
      `${num(r.open?.p50)} | ${num(r.open?.p95)} | ${num(r.open?.p99)} | ${r.open ? r.open.errors : "—"} | ${r.id === opts.bareId ? "1×" : ratio(r.one?.appMs, bare?.one?.appMs)} |`);
  }
  const runs = opts.rows.flatMap((r) => [r.one, r.many]).filter((c): c is RunCost => c !== undefined && c.requests > 0);
  const fewest = runs.length ? Math.min(...runs.map((c) => c.requests)) : NaN;
  const list = opts.rows.find((r) => r.id === opts.listId);
  const notes = [
    "",
    `CPU: utime + stime from /proc/<pid>/stat of the next-server process (and any children), read before and after each closed-loop run ` +
      `(after the answers in flight at its end have come back), divided by the run's completed requests. One clock tick is ${TICK_MS} ms, ` +
      `so a run of n requests resolves ${TICK_MS}/n ms a request; the shortest run here completed ${fewest} requests ` +
      `(${num(TICK_MS / fewest)} ms). At ${opts.users} users the figure also holds the work on up to ${opts.users} requests cut off when the run stopped. ` +
      "PostgreSQL, app's backends: the backends serving the app's connections (their process ids read by the counting proxy described next), without parallel workers; " +
      "all processes: every process of the local server, other databases and other people's work on it included.",
    `Statements: Query and Execute messages the app sent through a counting proxy, over ${opts.costRequests} requests one after the other ` +
      "(after one that warms the connection pool up), BEGIN and COMMIT included. Bytes are decoded (gzip sizes in the JSON); " +
      "RSC is the same URL asked for with `RSC: 1` and no router state: the whole page's payload, as a navigation from outside the page's layouts gets it.",
  ];
  if (bare && list) {
    notes.push(`${list.label}: ${ratio(list.one?.appMs, bare.one?.appMs)} the bare page's app CPU, ${ratio(list.one?.postgresMs, bare.one?.postgresMs)} its PostgreSQL CPU, ` +
      `${ratio(list.page?.statementsPerRequest, bare.page?.statementsPerRequest)} its statements, ${ratio(list.page?.htmlBytes, bare.page?.htmlBytes)} its HTML ` +
      `and ${ratio(list.page?.rscBytes, bare.page?.rscBytes)} its RSC bytes.`);
  }
  const ol = opts.openLoop;
  if (ol) {
    const app = opts.openLoopCost.get("app");
    notes.push(`Open loop: ${ol.rate} requests a second for ${ol.seconds} s, the screens above in turn (the bare page among them), sent on schedule ` +
      `whatever was still in flight; latency counts from when a request was due (the generator ran up to ${ol.generatorLagMs.toFixed(0)} ms late). ` +
      `Load average ${ol.loadBefore.toFixed(1)} before, ${ol.loadAfter.toFixed(1)} after.` +
      (app ? ` The app kept ${app.appCores.toFixed(2)} cores busy, its PostgreSQL backends ${app.postgresCores.toFixed(2)}.` : "") +
      (ol.skipped ? ` ${ol.skipped} arrivals had no project left to move and were not sent.` : ""));
  }
  return [...lines, ...notes].join("\n");
}
