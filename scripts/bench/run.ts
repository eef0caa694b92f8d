// The province-scale benchmark: every screen timed through the production app with real
// sessions at 1 and 20 concurrent users, the same SQL replayed through the driver for the
// floor, EXPLAIN (ANALYZE, BUFFERS) of every statement, and Lighthouse on four pages. Beside the
// time, what each request costs: CPU of the app and of PostgreSQL, statements, HTML and RSC
// bytes, against a bare Next.js page (scripts/bench/bare) served and measured the same way; and
// an open-loop run offering a mix of the screens at a fixed rate.
//
//   npm run seed:scale && npm run bench        # full scale, database landfall_bench
//   npm run bench -- --smoke                   # tiny data set in landfall_bench_smoke, a few seconds per run
//
// Options: --seconds N (per run at 20 users; default 15, smoke 2), --build (run next build first),
// --reuse (serve the copy of the build made by the previous run), --floor-only (no app, no
// Lighthouse), --app-only (no floor, no EXPLAIN), --no-lock (do not wait for the shared build
// lock; see below), --no-lighthouse, --only id,id (scenarios), --out DIR (default .data/bench),
// --db NAME or --url URL (default landfall_bench, or landfall_bench_smoke with --smoke),
// --port N (the app; the IdP on N+1, the bare app on N+2; default LANDFALL_BENCH_PORT, else 3200),
// --no-bare (no bare page), --rate N (open loop, requests a second; default 20), --open-seconds N
// (default --seconds, smoke 2), --no-open-loop.
// Exits non-zero when any request fails (non-2xx, error, timeout; in the open loop time-outs
// are reported, not failed); the timings never fail it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Db, openDatabase } from "@/db";
import * as schema from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { encodeCursor } from "@/lib/paging";
import { shanghaiDay } from "@/lib/time";
import { BARE_SCREEN, prepareBare } from "./bare-app";
import { closeCostAgent, measurePage, type PageCost } from "./cost";
import { CLOCK_TICKS_PER_SECOND, commandOf, costBetween, readCost, type RunCost } from "./cpu";
import { runLighthouse, type PageScore } from "./lighthouse";
import { type Plan, runHttp, runSql, type Stats } from "./load";
import { type OpenLoopResult, runOpenLoop } from "./open-loop";
import { type PgProxy, startPgProxy } from "./pg-proxy";
import { type CostRow, costTable } from "./report";
import { type Inputs, type MoveTask, type Role, SCENARIOS, type Scenario } from "./scenarios";
import { countsFor, seedScale } from "./seed-scale";
import { type App, actionId, LOCK, prepareBuild, startApp } from "./server";
import { targetUrl } from "./target";

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

const smoke = flag("smoke");
const seconds = Number(option("seconds") ?? (smoke ? 2 : 15));
const secondsAlone = smoke ? Math.min(seconds, 1) : Math.max(5, Math.round(seconds / 2));
const only = option("only")?.split(",");
const outDir = path.resolve(option("out") ?? ".data/bench");
const APP_PORT = Number(option("port") ?? process.env.LANDFALL_BENCH_PORT ?? 3200);
const IDP_PORT = APP_PORT + 1;
const BARE_PORT = APP_PORT + 2;
const USERS = 20;
const rate = Number(option("rate") ?? 20);
const openSeconds = Number(option("open-seconds") ?? (smoke ? 2 : seconds));
/** Sequential requests per screen whose statements and bytes are counted. */
const COST_REQUESTS = smoke ? 5 : 20;
const log = (line: string) => console.log(`[bench] ${line}`);
/**
 * autocannon stops at the end of a run without waiting for the answers in flight, which the app
 * still renders: wait until it answers a health check promptly again before the next run.
 */
async function drain(baseUrl: string) {
  const deadline = Date.now() + 60_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${baseUrl}/api/health`).then((r) => r.text()).catch(() => "");
    quick = performance.now() - t0 < 150 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Thrown to roll back the transaction that EXPLAINs a write. */
class RollBack extends Error {}

// The full benchmark holds the shared build-and-browser-test lock while it measures, so no build
// or Playwright run shares the two cores with it (--no-lock to measure anyway).
if (!smoke && !flag("no-lock") && !process.env.LANDFALL_BENCH_LOCKED) {
  log(`waiting for ${LOCK} (builds and browser tests of others finish first)`);
  const child = spawnSync("flock", [LOCK, process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, LANDFALL_BENCH_LOCKED: "1" },
  });
  process.exit(child.status ?? 1);
}

const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.id));
const { url, name } = targetUrl(option("url"), option("db") ?? (smoke ? "landfall_bench_smoke" : "landfall_bench"));

if (smoke) {
  log(`seeding the tiny data set into ${name}`);
  await seedScale({ url, name, scale: 0.005, today: shanghaiDay(), log: (l) => log(`seed: ${l}`) });
}

// The app migrates at start-up too; sessions below need the current columns.
{
  const database = openDatabase({ url });
  await database.migrate();
  await database.close();
}
// The same session settings as the app's client (db/index.ts).
const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), onnotice: () => {}, connection: { jit: "off" } });
const created: string[] = [];
let failures = 0;

try {
  /* ── the data set and the people ── */
  const [size] = await sql<{ enterprises: number; projects: number; visits: number; follow_ups: number; stage_changes: number; users: number; contacts: number }[]>`
    select (select count(*) from enterprises)::int as enterprises, (select count(*) from projects)::int as projects,
      (select count(*) from visits)::int as visits, (select count(*) from follow_ups)::int as follow_ups,
      (select count(*) from stage_changes)::int as stage_changes, (select count(*) from users)::int as users,
      (select count(*) from contacts)::int as contacts`;
  const people = await sql<(Viewer & { n: number })[]>`
    select id, coalesce(name, email) as name, email, role::text as role, team_id as "teamId", locale,
      substring(email from 'bench\\.u(\\d+)@')::int as n
    from users where email like 'bench.u%' and deactivated_at is null order by n`;
  if (people.length === 0) throw new Error(`bench: ${name} holds no benchmark data; run \`npm run seed:scale\` first`);
  log(`data set ${name}: ${JSON.stringify(size)}`);
  const viewers = new Map(people.map((p) => [p.id, { id: p.id, name: p.name, email: p.email, role: p.role, teamId: p.teamId, locale: p.locale } as Viewer]));
  const teams = [...new Set(people.map((p) => p.teamId))];
  // 20 staff from every team in turn, and the teams' managers.
  const staffPool = teams.flatMap((team) => people.filter((p) => p.teamId === team && p.role === "staff"));
  const staff = Array.from({ length: USERS }, (_, i) => {
    const team = teams[i % teams.length];
    const ofTeam = staffPool.filter((p) => p.teamId === team);
    return ofTeam[Math.floor(i / teams.length) % ofTeam.length]!;
  });
  const managers = people.filter((p) => p.role === "manager");

  // Real database sessions, as next-auth writes them at sign-in; removed at the end.
  const sessionOf = new Map<string, string>();
  for (const person of [...new Set([...staff, ...managers])]) {
    const token = randomBytes(32).toString("hex");
    await sql`insert into sessions (session_token, user_id, expires) values (${token}, ${person.id}, now() + interval '8 hours')`;
    created.push(token);
    sessionOf.set(person.id, token);
  }
  const cookieOf = (userId: string) => `authjs.session-token=${sessionOf.get(userId)}`;
  const cookies: Record<Role, string[]> = {
    staff: staff.map((p) => cookieOf(p.id)),
    manager: Array.from({ length: USERS }, (_, i) => cookieOf(managers[i % managers.length]!.id)),
  };

  /* ── request inputs ── */
  const live = Number((await sql`select count(*)::int as n from enterprises where deleted_at is null`)[0]!.n);
  const deepRow = Math.min(100_000, Math.floor(live / 2));
  const [deep] = await sql<{ at: string; id: string }[]>`
    select created_at::text as at, id from enterprises where deleted_at is null order by created_at desc, id desc offset ${deepRow} limit 1`;
  const enterpriseIds = (await sql<{ id: string }[]>`
    select id from enterprises where deleted_at is null and credit_code like '91%' order by id limit 200`).map((r) => r.id);
  // Projects a staff member of the owning team moves from lead to negotiating, once each.
  const movable = await sql<{ id: string; version: number; team_id: string }[]>`
    select id, version, team_id from projects
    where stage = 'lead' and status <> 'lost' and deleted_at is null and not confidential and team_id = any(${teams as string[]})
      and not exists (select 1 from stage_changes c where c.project_id = projects.id and c.state = 'pending')
    order by id limit 16000`;
  const moverOf = (team: string, k: number) => {
    const ofTeam = staff.filter((p) => p.teamId === team);
    return (ofTeam.length ? ofTeam : staffPool.filter((p) => p.teamId === team))[k % Math.max(1, ofTeam.length)]!;
  };
  const tasks: MoveTask[] = movable.map((m, k) => {
    const mover = moverOf(m.team_id, k);
    return { id: m.id, version: m.version, userId: mover.id, cookie: cookieOf(mover.id) };
  });
  // Separate slices, so no project is moved twice: app at 1 and 20 users, the floor's capture,
  // floor at 1 and 20, the open loop, the counted requests (a warm-up and COST_REQUESTS).
  const slices = [0.08, 0.25, 0, 0.17, 0.4, 0.1, 0];
  const fixed = new Map([[2, 1], [6, COST_REQUESTS + 1]]);
  const taskSlices: MoveTask[][] = [];
  let start = 0;
  for (const [n, share] of slices.entries()) {
    const count = fixed.get(n) ?? Math.max(0, Math.floor((tasks.length - 2 - COST_REQUESTS) * share));
    taskSlices.push(tasks.slice(start, start + count));
    start += count;
  }
  const dir = path.join("/tmp", `landfall-bench-${APP_PORT}`);
  if (flag("reuse") && existsSync(path.join(dir, ".next", "BUILD_ID"))) log(`serving the build copied earlier to ${dir}`);
  else prepareBuild(dir, flag("build"), log);
  const baseInputs: Omit<Inputs, "moveTasks"> = {
    deepCursor: deep ? encodeCursor({ at: deep.at, id: deep.id }) : "",
    searchZh: option("zh") ?? "瑞博",
    searchLatin: option("latin") ?? "siem",
    enterpriseIds,
    moveActionId: actionId(dir, "lib/projects/actions/move-stage", "moveProjectStage"),
    viewers,
  };
  const hits = async (q: string) => Number((await sql`select count(*)::int as n from enterprises where search_terms @> ${q.length === 2 && /\p{Script=Han}/u.test(q) ? [q] : [q.toLowerCase()]}::text[]`)[0]!.n);
  log(`deep page starts at row ${deepRow}; "${baseInputs.searchZh}" matches ${await hits(baseInputs.searchZh)}, "${baseInputs.searchLatin}" ${await hits(baseInputs.searchLatin)} enterprises; ${tasks.length} projects to move`);

  /* ── the app, and the bare page beside it ── */
  interface Row { scenario: Scenario; users: number; app?: Stats; floor?: Stats; cost?: RunCost }
  const rows: Row[] = [];
  let lighthouse: PageScore[] = [];
  const pageCosts = new Map<string, PageCost>();
  let openLoop: OpenLoopResult | null = null;
  const openLoopCost = new Map<string, RunCost>();
  const withApp = !flag("floor-only");
  const bareDir = withApp && !flag("no-bare") ? prepareBare(log) : null;
  // Each app reaches PostgreSQL through a proxy of its own, which counts its statements.
  interface Served { app: App; db: PgProxy }
  const started: { app?: App; db: PgProxy }[] = [];
  const serve = async (name: string, port: number, idpPort: number | undefined, buildDir: string): Promise<Served> => {
    const db = await startPgProxy(url);
    const entry: { app?: App; db: PgProxy } = { db };
    started.push(entry);
    entry.app = await startApp({ name, port, idpPort, databaseUrl: db.url, dir: buildDir, log });
    log(`${name}: server pid ${entry.app.pid} (${commandOf(entry.app.pid)}), PostgreSQL through the counting proxy at ${new URL(db.url).host}`);
    return { app: entry.app, db };
  };
  const stopAll = async () => {
    await Promise.all(started.map(async (s) => {
      await s.app?.stop();
      await s.db.close();
    }));
  };
  // Interrupted: the apps and the IdP run in process groups of their own; stop them too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  if (withApp) try {
    const landfall = await serve("app", APP_PORT, IDP_PORT, dir);
    const bare = bareDir ? await serve("bare app", BARE_PORT, undefined, bareDir) : null;
    const app = landfall.app;
    const screens = [...scenarios, ...(bare ? [BARE_SCREEN] : [])];
    const servedFor = (s: Scenario) => (s === BARE_SCREEN && bare ? bare : landfall);
    // One request per scenario first: signed in (no redirect to sign-in) and answering 2xx.
    for (const s of scenarios) {
      const probeTasks = s.id === "move" ? taskSlices[0]!.splice(0, 1) : [];
      const r = s.request({ ...baseInputs, moveTasks: probeTasks }, 0);
      const cookie = r.headers?.cookie ?? cookies[s.role][0]!;
      const res = await fetch(`${app.baseUrl}${r.path}`, { method: r.method ?? "GET", redirect: "manual", headers: { cookie, ...(r.headers ?? {}) }, body: r.body });
      const text = await res.text();
      if (res.status !== 200 || (s.id === "move" && !text.includes('"ok":true'))) {
        throw new Error(`bench: ${s.id} answered ${res.status} ${res.headers.get("location") ?? ""} ${text.slice(0, 300)}\n${app.output()}`);
      }
    }
    // Statements and bytes: a few requests one after the other, by one user.
    for (const s of screens) {
      const { app: target, db } = servedFor(s);
      const inputs = { ...baseInputs, moveTasks: s.id === "move" ? taskSlices[6]! : [] };
      const cost = await measurePage({
        baseUrl: target.baseUrl, cookie: cookies[s.role][0]!, proxy: db, count: COST_REQUESTS, action: s.id === "move",
        request: (k) => s.request(inputs, k),
      });
      pageCosts.set(s.id, cost);
      const bytes = s.id === "move" ? `answer ${(cost.rscBytes / 1024).toFixed(1)} kB` : `HTML ${(cost.htmlBytes / 1024).toFixed(1)} kB, RSC ${(cost.rscBytes / 1024).toFixed(1)} kB`;
      log(`cost  ${s.id.padEnd(12)} ${cost.statementsPerRequest.toFixed(1)} statements, ${bytes} a request`);
    }
    closeCostAgent();
    // Closed loop: throughput and latency, and the CPU each run cost (read before and after it).
    for (const s of screens) {
      const { app: target, db } = servedFor(s);
      for (const [n, users] of [[0, 1], [1, USERS]] as const) {
        const moveTasks = taskSlices[n]!;
        const inputs = { ...baseInputs, moveTasks };
        const before = readCost(target.pid, db);
        const stats = await runHttp({
          baseUrl: target.baseUrl,
          connections: users,
          seconds: users === 1 ? secondsAlone : seconds,
          cookies: cookies[s.role],
          request: (k) => s.request(inputs, k),
          limit: s.limit?.(inputs),
        });
        if (stats.errors > 0) {
          failures += stats.errors;
          log(`${s.id} at ${users}: ${stats.errors} failed requests, statuses ${JSON.stringify(stats.statuses)}`);
        }
        // The answers still in flight when the run stopped are rendered to the end: read after them.
        await drain(target.baseUrl);
        const cost = costBetween(before, readCost(target.pid, db), stats.requests);
        rows.push({ scenario: s, users, app: stats, cost });
        log(`app   ${s.id.padEnd(12)} ${String(users).padStart(2)} users: p50 ${stats.p50.toFixed(0)} p95 ${stats.p95.toFixed(0)} p99 ${stats.p99.toFixed(0)} ms, ${stats.rps.toFixed(1)} req/s (${stats.requests} requests); CPU ${cost.appMs.toFixed(1)} ms app, ${cost.postgresMs.toFixed(1)} ms PostgreSQL a request`);
      }
    }
    // Open loop: the screens in turn, `rate` arrivals a second, each screen's users in turn.
    if (!flag("no-open-loop")) {
      const moveTasks = taskSlices[5]!;
      let moves = 0;
      const servers = bare ? [landfall, bare] : [landfall];
      const before = servers.map((srv) => readCost(srv.app.pid, srv.db));
      log(`open loop: ${rate} requests a second for ${openSeconds} s over ${screens.length} screens`);
      openLoop = await runOpenLoop({
        rate,
        seconds: openSeconds,
        arrival: (k) => {
          const s = screens[k % screens.length]!;
          const round = Math.floor(k / screens.length);
          const r = s.id === "move"
            ? (moves < moveTasks.length ? s.request({ ...baseInputs, moveTasks }, moves++) : undefined)
            : s.request({ ...baseInputs, moveTasks: [] }, round);
          if (!r) return undefined;
          const pool = cookies[s.role];
          return { id: s.id, baseUrl: servedFor(s).app.baseUrl, cookie: r.headers?.cookie ?? pool[round % pool.length]!, request: r };
        },
      });
      for (const [n, srv] of servers.entries()) {
        const offered = [...openLoop.byScreen].filter(([id]) => (id === BARE_SCREEN.id) === (srv === bare)).reduce((sum, [, st]) => sum + st.offered, 0);
        // Every PostgreSQL process served both apps at once: that figure belongs to neither.
        openLoopCost.set(srv === bare ? "bare" : "app", { ...costBetween(before[n]!, readCost(srv.app.pid, srv.db), offered), postgresAllMs: NaN });
      }
      for (const [id, st] of openLoop.byScreen) {
        const timeouts = st.statuses.timeout ?? 0;
        if (st.errors > timeouts) {
          failures += st.errors - timeouts;
          log(`open loop ${id}: ${st.errors - timeouts} failed requests, statuses ${JSON.stringify(st.statuses)}`);
        }
        log(`open  ${id.padEnd(12)} ${st.completed}/${st.offered}: p50 ${st.p50.toFixed(0)} p95 ${st.p95.toFixed(0)} p99 ${st.p99.toFixed(0)} ms${timeouts ? `, ${timeouts} timed out` : ""}`);
      }
      log(`open loop: load average ${openLoop.loadBefore.toFixed(1)} before, ${openLoop.loadAfter.toFixed(1)} after; app ${openLoopCost.get("app")!.appCores.toFixed(2)} cores busy, its PostgreSQL backends ${openLoopCost.get("app")!.postgresCores.toFixed(2)}`);
    }
    if (!flag("no-lighthouse") && !smoke) {
      lighthouse = await runLighthouse(app.baseUrl, cookies.manager[0]!, ["/enterprises", "/pipeline", "/my-day", "/review"], log);
    } else if (flag("lighthouse")) {
      lighthouse = await runLighthouse(app.baseUrl, cookies.manager[0]!, ["/enterprises"], log);
    }
  } finally {
    await stopAll();
  }

  /* ── the floor: the statements each page sends, captured once, replayed through postgres.js ── */
  let phases: Plan = [];
  const capture = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connection: { jit: "off" },
    debug: (_connection, text, params) => {
      // Transaction control is replayed by sql.begin; the type lookup is postgres.js's own, once per connection.
      if (/^(begin|commit|rollback)/i.test(text.trim()) || text.includes("pg_catalog.pg_type")) return;
      phases.at(-1)?.push({ text, params: [...params] });
    },
  });
  const captureDb = drizzle(capture, { schema, casing: "snake_case" }) as unknown as Db;
  const explains: string[] = [];
  const flags: string[] = [];
  const large = new Set((await sql<{ relname: string }[]>`select relname from pg_class where relkind = 'r' and reltuples > 10000`).map((r) => r.relname));
  try {
    for (const s of flag("app-only") ? [] : scenarios) {
      const person = s.role === "manager" ? managers[0]! : staff[0]!;
      const captureTasks = taskSlices[2]!;
      phases = [];
      await s.calls(captureDb, viewers.get(person.id)!, sessionOf.get(person.id)!, { ...baseInputs, moveTasks: captureTasks }, 0, {
        async phase(run) {
          phases.push([]);
          return run();
        },
      });
      const captured = phases.filter((p) => p.length > 0);
      const writePhase = s.id === "move" ? captured.length - 1 : -1;
      // Requests vary only by their enterprise or project id: substitute it in the captured parameters.
      const planFor = (moveTasks: MoveTask[]) => (k: number): Plan => {
        if (s.id === "enterprise") {
          const from = enterpriseIds[0]!;
          const to = enterpriseIds[k % enterpriseIds.length]!;
          return captured.map((ph) => ph.map((st) => ({ text: st.text, params: st.params.map((v) => (v === from ? to : v)) })));
        }
        if (s.id === "move") {
          const from = captureTasks[0]!.id;
          const to = moveTasks[k]!.id;
          return captured.map((ph) => ph.map((st) => ({ text: st.text, params: st.params.map((v) => (v === from ? to : v)) })));
        }
        return captured;
      };
      for (const [n, users] of [[3, 1], [4, USERS]] as const) {
        const moveTasks = taskSlices[n]!;
        const stats = await runSql({
          sql,
          connections: users,
          seconds: users === 1 ? secondsAlone : seconds,
          plan: planFor(moveTasks),
          transactional: (phase) => phase === writePhase,
          limit: s.id === "move" ? moveTasks.length : undefined,
        });
        if (stats.errors > 0) {
          failures += stats.errors;
          log(`floor ${s.id} at ${users}: ${stats.errors} failed replays`);
        }
        const row = rows.find((r) => r.scenario === s && r.users === users);
        if (row) row.floor = stats;
        else rows.push({ scenario: s, users, floor: stats });
        log(`floor ${s.id.padEnd(12)} ${String(users).padStart(2)} users: p50 ${stats.p50.toFixed(1)} p95 ${stats.p95.toFixed(1)} p99 ${stats.p99.toFixed(1)} ms, ${stats.rps.toFixed(1)} req/s`);
      }

      // EXPLAIN (ANALYZE, BUFFERS) of every statement of the page; writes inside a rolled-back transaction.
      const explainOne = async (q: postgres.Sql | postgres.TransactionSql, text: string, params: unknown[]) => {
        // The list's approximate count is itself an EXPLAIN: analyse the statement it plans.
        const plan = await q.unsafe(`explain (analyze, buffers) ${text.replace(/^\s*explain\s*\([^)]*\)\s*/i, "")}`, params as never[]);
        return plan.map((r) => String(r["QUERY PLAN"])).join("\n");
      };
      const statements = captured.flat();
      const plans: string[] = [];
      if (s.id === "move") {
        await sql.begin(async (tx) => {
          const spare = taskSlices[4]!.length ? taskSlices[4]! : captureTasks;
          for (const st of planFor(spare)(spare.length - 1).flat()) plans.push(await explainOne(tx, st.text, st.params));
          throw new RollBack();
        }).catch((e: unknown) => {
          if (!(e instanceof RollBack)) throw e;
        });
      } else {
        for (const st of statements) plans.push(await explainOne(sql, st.text, st.params));
      }
      statements.forEach((st, n) => {
        const plan = plans[n] ?? "";
        const seq = [...plan.matchAll(/Seq Scan on (\w+)/g)].map((m) => m[1]!).filter((t) => large.has(t));
        for (const t of new Set(seq)) flags.push(`${s.id}: sequential scan of ${t} in statement ${n + 1} (${st.text.replace(/\s+/g, " ").slice(0, 90)}…)`);
        explains.push(`--- ${s.id} · statement ${n + 1} of ${statements.length}${seq.length ? `  ⚠ SEQ SCAN of ${[...new Set(seq)].join(", ")}` : ""}\n${st.text.replace(/\s+/g, " ")}\n${plan}`);
      });
    }
  } finally {
    await capture.end();
  }

  /* ── report ── */
  const f0 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "—" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
  const header = "| screen | users | p50 ms | p95 ms | p99 ms | req/s | floor p50 | floor p95 | floor p99 | floor req/s | p95 ÷ floor |";
  const lines = [header, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"];
  for (const r of rows) {
    const a = r.app;
    const fl = r.floor;
    const ratio = a && fl && a.requests > 0 && fl.requests > 0 ? `${(a.p95 / fl.p95).toFixed(1)}×` : "—";
    lines.push(`| ${r.scenario.label} | ${r.users} | ${f0(a?.p50)} | ${f0(a?.p95)} | ${f0(a?.p99)} | ${f0(a?.rps)} | ${f0(fl?.p50)} | ${f0(fl?.p95)} | ${f0(fl?.p99)} | ${f0(fl?.rps)} | ${ratio} |`);
  }
  const table = lines.join("\n");
  const costRows: CostRow[] = [...scenarios, BARE_SCREEN]
    .filter((s) => pageCosts.has(s.id) || rows.some((r) => r.scenario === s && r.cost))
    .map((s) => {
      const one = rows.find((r) => r.scenario === s && r.users === 1);
      const many = rows.find((r) => r.scenario === s && r.users === USERS);
      return { id: s.id, label: s.label, one: one?.cost, many: many?.cost, rpsOne: one?.app?.rps, rpsMany: many?.app?.rps, page: pageCosts.get(s.id), open: openLoop?.byScreen.get(s.id) };
    });
  const costs = costRows.length
    ? costTable({ rows: costRows, bareId: BARE_SCREEN.id, listId: "list-first", costRequests: COST_REQUESTS, users: USERS, openLoop, openLoopCost })
    : "";
  const lhTable = lighthouse.length
    ? ["| page | performance | FCP ms | LCP ms | TBT ms | CLS | first-load JS (kB, transferred) | scripts |", "|---|--:|--:|--:|--:|--:|--:|--:|",
        ...lighthouse.map((l) => `| ${l.path} | ${l.score} | ${l.fcpMs.toFixed(0)} | ${l.lcpMs.toFixed(0)} | ${l.tbtMs.toFixed(0)} | ${l.cls.toFixed(3)} | ${l.scriptKb.toFixed(1)} | ${l.scripts} |`)].join("\n")
    : "";
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, load average at the end ${loadavg().map((x) => x.toFixed(1)).join(" ")}`;
  const report = [
    `# Landfall benchmark, ${new Date().toISOString()}${smoke ? " (smoke)" : ""}`,
    "",
    `Data set ${name}: ${JSON.stringify(size)} (seed:scale sizes: ${JSON.stringify(countsFor(smoke ? 0.005 : 1))}).`,
    `Machine: ${machine}. ${seconds} s per run at ${USERS} users, ${secondsAlone} s at 1 user.`,
    "",
    table,
    "",
    ...(costs ? ["What a request costs (CPU, statements, bytes), throughput and the open loop; the bare Next.js page is the framework's floor:", "", costs, ""] : []),
    lhTable,
    "",
    flags.length ? `Sequential scans of large tables:\n${flags.map((f) => `- ${f}`).join("\n")}` : "No sequential scan of a large table.",
  ].join("\n");
  mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  writeFileSync(path.join(outDir, `bench-${stamp}.md`), report + "\n");
  writeFileSync(path.join(outDir, `explain-${stamp}.txt`), explains.join("\n\n") + "\n");
  writeFileSync(path.join(outDir, `bench-${stamp}.json`), JSON.stringify({
    size, clockTicksPerSecond: CLOCK_TICKS_PER_SECOND,
    rows: rows.map((r) => ({ id: r.scenario.id, users: r.users, app: r.app, floor: r.floor, cost: r.cost })),
    pageCosts: Object.fromEntries(pageCosts),
    openLoop: openLoop && { ...openLoop, byScreen: Object.fromEntries(openLoop.byScreen), cost: Object.fromEntries(openLoopCost) },
    lighthouse, flags,
  }, null, 2));
  if (!smoke) console.log(explains.join("\n\n"));
  console.log(`\n${report}\n`);
  log(`written to ${path.relative(process.cwd(), outDir)}/bench-${stamp}.{md,json} and explain-${stamp}.txt`);
} finally {
  if (created.length) await sql`delete from sessions where session_token = any(${created})`;
  await sql.end();
}


if (failures > 0) {
  console.error(`[bench] ${failures} requests failed`);
  process.exit(1);
}
