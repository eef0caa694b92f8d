// The scale-out harness: Landfall as stateless app instances behind a real proxy, with a
// streaming read replica, on PostgreSQL clusters of its own (never the shared server on 5432).
//
//   npm run scale-out               # the short version (test-all.sh runs it after the crash test)
//   npm run scale-out -- --long     # longer load, and what one primary sustains with 1, 2 and 3 instances
//
// Against the production build (`next build` must have run), it:
//   - creates a primary cluster (port 5440, wal_level=replica) and a streaming replica of it
//     (5441, `pg_basebackup -R` run as the postgres user, hot_standby), both logging every
//     statement; migrates and seeds the primary with the project's own script;
//   - starts the local IdP once and two `next start` instances of the one build (3311, 3312) with
//     the same AUTH_SECRET, AUTH_URL the proxy's address, DATABASE_URL the primary and
//     DATABASE_REPLICA_URLS the replica, each with an evidence folder of its own (so a file kept
//     on one instance's disk would not be found by the other);
//   - starts nginx (3310) from scripts/test/scale-out/nginx-site.conf.template: round robin, no
//     sticky sessions, a dead instance skipped, X-Upstream and an access log naming the instance;
// and checks, each printed pass/fail:
//   1. a browser journey through nginx (journey.spec.ts: real OIDC sign-in, an enterprise, a card
//      moved into Registered with a 10 MB evidence file, the file downloaded) fails nowhere and was
//      served by both instances; each instance then serves the evidence file itself;
//   2. a rate limit holds across instances: 2 × limit requests alternating between them, exactly
//      `limit` allowed in all;
//   3. SIGKILL of one instance under write load loses no acknowledged write, and nginx serves on
//      from the other;
//   4. with the replica stopped (`pg_ctlcluster … stop -m immediate`), list pages go on answering
//      200 with no error page, reading from the primary within 10 s;
//   5. list pages' SELECTs are seen in the replica's statement log.
// Everything it started is stopped and both clusters are dropped at the end, on failure and on
// Ctrl-C too. Exits 1 when a check fails; skips (fails on CI) without Debian's PostgreSQL tools.
//
// Both instances serve one build, so they share its server-action encryption key; instances built
// separately need the same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY at build time (README.md,
// "Deployment: several instances").
import { execFile, execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, closeSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import postgres from "postgres";
import { TICK_MS, treeTicks } from "../../bench/cpu.ts";
import { runHttp } from "../../bench/load.ts";
import * as harness from "../harness.mjs";

const LONG = process.argv.includes("--long");
const PROXY_PORT = 3310;
const APP_PORTS = [3311, 3312];
const EXTRA_PORT = 3313; // the third instance of the long run's capacity measurement
const IDP_PORT = 3319;
const PROXY = `http://localhost:${PROXY_PORT}`;
const DB_NAME = "landfall_scale";
const RATE_LIMIT = 10;
const WRITERS = 4;
const FAILOVER_LIMIT_MS = 10_000;
/** Requests already on their way to an instance when it is killed may fail; later ones must not. */
const KILL_GRACE_MS = 500;
const LIST_PAGES = ["/enterprises", "/events", "/visits", "/pipeline", "/delegations"];
const T = LONG
  ? { writeBefore: 10_000, writeAfter: 15_000, replicaBefore: 5_000, replicaAfter: 30_000, listLoads: 50, capacitySeconds: 20, warmSeconds: 5, connections: 8 }
  : { writeBefore: 2_000, writeAfter: 3_000, replicaBefore: 2_000, replicaAfter: 12_000, listLoads: 10 };
const upstreamOf = (port) => `127.0.0.1:${port}`;
const runId = Date.now().toString(36);
const execFileAsync = promisify(execFile);

const { t0, log, failures } = harness.logger("scale-out");
const processes = harness.processGroup(log);
const checks = [];
function check(n, name, pass, detail) {
  checks.push({ n, name, pass, detail });
  log(`${pass ? "PASS" : "FAIL"} ${n}. ${name}: ${detail}`);
  if (!pass) failures.push(`${n}. ${name}`);
}
/** Runs a check; one that throws fails with the error, and the next check still runs. */
async function guarded(n, name, run) {
  try {
    await run();
  } catch (e) {
    check(n, name, false, `${e?.stack ?? e}`);
  }
}

// ---------------------------------------------------------------- clusters
const version = harness.postgresVersion();
const PRIMARY = { version, name: "landfall_scale_primary", port: 5440 };
const REPLICA = { version, name: "landfall_scale_replica", port: 5441 };
const dbUrl = (cluster, db = DB_NAME) => `postgres://postgres@127.0.0.1:${cluster.port}/${db}`;
// Every statement in the cluster's log, for check 5 (and 4: reads reaching the primary).
const LOGGING = ["log_statement=all", "log_min_messages=warning"];

/** The replica: a new cluster whose data directory is replaced by a base backup of the primary (-R: standby.signal and primary_conninfo). */
function makeReplica() {
  harness.createCluster(REPLICA, log, ["hot_standby=on", ...LOGGING]);
  // Emptied, not removed: the postgres user may not create it again in its parent.
  const { dataDir } = harness.clusterInfo(REPLICA);
  for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
  const basebackup = path.join("/usr/lib/postgresql", version, "bin", "pg_basebackup");
  const args = ["-h", "127.0.0.1", "-p", String(PRIMARY.port), "-U", "postgres", "-D", dataDir, "-R", "-X", "stream", "-c", "fast"];
  // The data directory must belong to the postgres user: run the backup as that user.
  if (process.getuid?.() === 0) execFileSync("runuser", ["-u", "postgres", "--", basebackup, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  else execFileSync(basebackup, args, { stdio: ["ignore", "pipe", "pipe"] });
  harness.pgctl(REPLICA, "start");
  log(`replica ${REPLICA.name} on ${REPLICA.port} streaming from ${PRIMARY.port}`);
}

async function query(url, text) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await sql.unsafe(text);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Turns statement logging on or off in a running cluster. */
function statementLog(cluster, on) {
  execFileSync("pg_conftool", [cluster.version, cluster.name, "set", "log_statement", on ? "all" : "none"], { stdio: "ignore" });
  harness.pgctl(cluster, "reload");
}

/** The end of a log file, and what was written to it after `from`. */
const logSize = (file) => (existsSync(file) ? statSync(file).size : 0);
function logSince(file, from) {
  const size = logSize(file);
  if (size <= from) return "";
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(size - from);
    readSync(fd, buffer, 0, buffer.length, from);
    return buffer.toString("utf8");
  } finally {
    closeSync(fd);
  }
}
// A list page's read of its table, as log_statement=all writes it (simple or extended protocol).
const LIST_SELECT = /LOG:\s+(?:statement|execute [^:]*):\s+select\b.*\bfrom "(enterprises|events|visits|projects|delegations)"/gi;
const listSelects = (text) => text.match(LIST_SELECT)?.length ?? 0;

// ---------------------------------------------------------------- nginx
const NGINX = ["/usr/sbin/nginx", "/usr/local/sbin/nginx"].find(existsSync) ?? (harness.have("nginx") ? "nginx" : null);
const TEMPLATE = new URL("./nginx-site.conf.template", import.meta.url);
const ipv6Loopback = () => existsSync("/proc/net/if_inet6") && readFileSync("/proc/net/if_inet6", "utf8").includes("00000000000000000000000000000001");

/** Writes the configuration nginx runs with: the site from the template, inside a main configuration whose files are all in `dir`. */
function writeNginxConf(dir, ports) {
  const listen = [`127.0.0.1:${PROXY_PORT}`, ...(ipv6Loopback() ? [`[::1]:${PROXY_PORT}`] : [])];
  const site = readFileSync(TEMPLATE, "utf8")
    .replace(/^@SERVERS@$/m, ports.map((p) => `    server ${upstreamOf(p)} max_fails=1 fail_timeout=10s;`).join("\n"))
    .replace("listen @LISTEN@;", listen.map((l) => `listen ${l};`).join("\n    "))
    .replace("access_log @ACCESS_LOG@", `access_log ${path.join(dir, "access.log")}`);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    [
      "# Written by scripts/test/scale-out/run.mjs; the site below is nginx-site.conf.template.",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      `  client_body_temp_path ${path.join(dir, "client_body")};`,
      `  proxy_temp_path ${path.join(dir, "proxy")};`,
      site,
      "}",
      "",
    ].join("\n"),
  );
  return conf;
}

// ---------------------------------------------------------------- requests through the proxy
// A page whose rendering failed still comes with 200 once streaming has begun: React marks the
// part it could not render (data-dgst) and the RSC payload carries the error's digest, which the
// error boundary ("Something went wrong") then shows. Those words alone are in every page's messages.
const ERROR_PAGE = /data-dgst=|"digest":"/;

/** A list page through the proxy, as the signed-in person of `cookies`. */
async function loadPage(pathname, cookies) {
  const sentAt = Date.now();
  try {
    const res = await fetch(`${PROXY}${pathname}`, { headers: { cookie: cookies, "accept-language": "en-US" }, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    const error = ERROR_PAGE.exec(text);
    const errorPage = error ? text.slice(Math.max(0, error.index - 80), error.index + 120) : null;
    return { path: pathname, status: res.status, upstream: res.headers.get("x-upstream"), errorPage, sentAt, at: Date.now() };
  } catch (e) {
    return { path: pathname, status: `unreachable (${e?.cause?.code ?? e?.name ?? e})`, upstream: null, errorPage: null, sentAt, at: Date.now() };
  }
}

/** Loops over the list pages from `loops` clients until `running()` is false; returns every answer. */
async function loadPagesWhile(loops, cookies, running) {
  const answers = [];
  await Promise.all(
    Array.from({ length: loops }, async (_, i) => {
      for (let k = i; running(); k++) answers.push(await loadPage(LIST_PAGES[k % LIST_PAGES.length], cookies));
    }),
  );
  return answers;
}

const countBy = (items, key) => items.reduce((m, x) => ({ ...m, [key(x)]: (m[key(x)] ?? 0) + 1 }), {});
const show = (counts) => Object.entries(counts).map(([k, v]) => `${k} ×${v}`).join(", ") || "-";
const badPage = (a) => a.status !== 200 || a.errorPage;

// ---------------------------------------------------------------- the run
const state = { tmp: null, apps: new Map(), nginx: null, nginxConf: null, primaryLog: null, replicaLog: null };

async function startApp(port, env) {
  const child = processes.start(`next start ${port}`, "node_modules/.bin/next", ["start", "-p", String(port)], {
    ...env,
    PORT: String(port),
    EVIDENCE_DIR: path.join(state.tmp, `evidence-${port}`),
  });
  state.apps.set(port, child);
  // What a balancer asks before it sends an instance requests: migrated, connected, following the others.
  const ready = async () => (await fetch(`http://localhost:${port}/api/ready`, { signal: AbortSignal.timeout(3_000) })).status === 200;
  await harness.waitFor(`the app on ${port}`, ready, 90_000);
  return child;
}

async function setUp() {
  for (const cluster of [REPLICA, PRIMARY]) if (harness.dropCluster(cluster)) log(`dropped ${cluster.name}, left over from an interrupted run`);
  const ports = [PROXY_PORT, ...APP_PORTS, ...(LONG ? [EXTRA_PORT] : []), IDP_PORT, PRIMARY.port, REPLICA.port];
  const busy = ports.filter((p) => !harness.portFree(p));
  if (busy.length) throw new Error(`port(s) ${busy.join(", ")} in use`);
  state.tmp = mkdtempSync(path.join(tmpdir(), "landfall-scale-out-"));
  chmodSync(state.tmp, 0o755); // nginx's workers (nobody) write upload bodies below it

  harness.startCluster(PRIMARY, log, ["wal_level=replica", "max_wal_senders=5", ...LOGGING]);
  await harness.freshDatabase(dbUrl(PRIMARY, "postgres"), DB_NAME);
  const env = {
    ...harness.appEnv({ appUrl: PROXY, idpPort: IDP_PORT, databaseUrl: dbUrl(PRIMARY), secret: "scale-out-only-secret-not-for-production-0" }),
    DATABASE_REPLICA_URLS: dbUrl(REPLICA),
    DATABASE_REPLICA_MAX_LAG_SECONDS: "5",
    // nginx appends the client's address to X-Forwarded-For: one proxy hop to trust.
    TRUSTED_PROXY_HOPS: "1",
    RATE_LIMIT_CALENDAR_IP_PER_MINUTE: String(RATE_LIMIT),
  };
  // Seeding (the project's own script) and making the replica side by side; the seed streams over.
  await Promise.all([execFileAsync("node_modules/.bin/tsx", ["scripts/app/seed.ts"], { env }), Promise.resolve().then(makeReplica)]);
  const [{ lsn }] = await query(dbUrl(PRIMARY), "select pg_current_wal_lsn()::text as lsn");
  await harness.waitFor("the replica to replay the seed", async () => {
    const [row] = await query(dbUrl(REPLICA), `select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn as caught_up`);
    return row.standby && row.caught_up;
  }, 30_000);
  state.primaryLog = harness.clusterInfo(PRIMARY).logFile;
  state.replicaLog = harness.clusterInfo(REPLICA).logFile;
  log(`database ${DB_NAME} migrated and seeded on the primary, replayed on the replica`);

  processes.start("identity provider", "node_modules/.bin/tsx", ["scripts/app/dev-idp.ts"], env);
  await Promise.all(APP_PORTS.map((port) => startApp(port, env)));
  await harness.waitFor("the identity provider", async () => (await fetch(`http://localhost:${IDP_PORT}/.well-known/openid-configuration`)).ok, 20_000);
  log(`app instances on ${APP_PORTS.join(", ")} (PIDs ${[...state.apps.values()].map((c) => c.pid).join(", ")}), identity provider on ${IDP_PORT}`);

  state.nginxConf = writeNginxConf(state.tmp, APP_PORTS);
  state.nginx = processes.start("nginx", NGINX, ["-p", state.tmp, "-c", state.nginxConf, "-e", path.join(state.tmp, "error.log"), "-g", "daemon off;"], process.env);
  await harness.waitFor("nginx", () => harness.healthy(PROXY), 10_000);
  log(`nginx on ${PROXY} in front of ${APP_PORTS.map(upstreamOf).join(", ")} (config ${state.nginxConf})`);
  return env;
}

async function journey() {
  const report = path.join(state.tmp, "journey.json");
  const upstreams = APP_PORTS.map(upstreamOf);
  const pw = processes.start("playwright", "node_modules/.bin/playwright", ["test", "--config", "scripts/test/scale-out/playwright.config.ts"], {
    ...process.env,
    SCALE_OUT_URL: PROXY,
    SCALE_OUT_IDP_PORT: String(IDP_PORT),
    SCALE_OUT_UPSTREAMS: upstreams.join(","),
    SCALE_OUT_REPORT: report,
    SCALE_OUT_OUTPUT: path.join(state.tmp, "playwright"),
  });
  const code = await new Promise((resolve) => (pw.exited ? resolve(pw.exitCode) : pw.once("exit", resolve)));
  const result = existsSync(report) ? JSON.parse(readFileSync(report, "utf8")) : { served: [] };
  const byKind = Object.keys(countBy(result.served, (s) => s.kind)).map((kind) => `${kind}s: ${show(countBy(result.served.filter((s) => s.kind === kind), (s) => s.upstream))}`);
  const failed = result.served.filter((s) => s.status >= 400).map((s) => `${s.method} ${s.path} ${s.status} via ${s.upstream}`);
  // Each instance must find the file itself, whichever stored it.
  const direct = [];
  if (result.evidence) {
    for (const port of APP_PORTS) {
      const res = await fetch(`http://localhost:${port}${result.evidence.href}`, { headers: { cookie: result.evidence.cookies } });
      const bytes = Buffer.from(await res.arrayBuffer());
      const sha = createHash("sha256").update(bytes).digest("hex");
      direct.push({ port, ok: res.status === 200 && sha === result.evidence.sha256, status: res.status, bytes: bytes.length });
    }
  }
  const directOk = direct.length === APP_PORTS.length && direct.every((d) => d.ok);
  if (code !== 0) console.log(`--- playwright output (tail) ---\n${pw.output.slice(-6_000)}`);
  check(
    1,
    "browser journey through nginx",
    code === 0 && directOk,
    `playwright ${code === 0 ? "passed" : `failed (exit ${code})`}; ${byKind.join("; ")}; failed requests: ${failed.join(", ") || "none"}; evidence fetched from each instance directly: ${direct.map((d) => `${d.port} ${d.ok ? `ok (${d.bytes} bytes)` : `FAILED (HTTP ${d.status})`}`).join(", ") || "not reached"}`,
  );
}

async function rateLimit() {
  const answers = [];
  for (let i = 0; i < 2 * RATE_LIMIT; i++) {
    const res = await fetch(`${PROXY}/api/calendar/${randomBytes(24).toString("base64url")}.ics`);
    await res.arrayBuffer();
    answers.push({ status: res.status, upstream: res.headers.get("x-upstream") });
  }
  const allowed = answers.filter((a) => a.status !== 429);
  const instances = new Set(answers.map((a) => a.upstream));
  const pass = allowed.length === RATE_LIMIT && allowed.every((a) => a.status === 404) && APP_PORTS.every((p) => instances.has(upstreamOf(p)));
  check(
    2,
    "a rate limit holds across instances",
    pass,
    `calendar feed limit ${RATE_LIMIT}/min per client address; ${answers.length} requests: ${allowed.length} allowed (${show(countBy(allowed, (a) => `${a.status} via ${a.upstream}`))}), ${answers.length - allowed.length} refused (${show(countBy(answers.filter((a) => a.status === 429), (a) => `429 via ${a.upstream}`))})`,
  );
}

async function replicaReads(cookies) {
  const from = { replica: logSize(state.replicaLog), primary: logSize(state.primaryLog) };
  const answers = [];
  for (let i = 0; i < T.listLoads; i++) answers.push(await loadPage("/enterprises", cookies));
  await sleep(300); // the log is written as statements run; let the last lines land
  const onReplica = listSelects(logSince(state.replicaLog, from.replica));
  const onPrimary = listSelects(logSince(state.primaryLog, from.primary));
  const bad = answers.filter(badPage);
  check(
    5,
    "list pages read from the replica",
    bad.length === 0 && onReplica >= T.listLoads,
    `${T.listLoads} loads of /enterprises (${show(countBy(answers, (a) => `${a.status} via ${a.upstream}`))}); list SELECTs in the replica's statement log: ${onReplica}, in the primary's: ${onPrimary}`,
  );
}

async function replicaDown(cookies) {
  let running = true;
  const loads = loadPagesWhile(2, cookies, () => running);
  await sleep(T.replicaBefore);
  const fromPrimary = logSize(state.primaryLog);
  const stoppedAt = Date.now();
  harness.pgctl(REPLICA, "stop", "-m", "immediate");
  log(`replica stopped (-m immediate), ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`);
  let primaryReadsAfter = null;
  while (Date.now() - stoppedAt < T.replicaAfter) {
    if (primaryReadsAfter === null && listSelects(logSince(state.primaryLog, fromPrimary)) > 0) primaryReadsAfter = Date.now() - stoppedAt;
    await sleep(100);
  }
  running = false;
  const answers = await loads;
  const after = answers.filter((a) => a.sentAt >= stoppedAt);
  const bad = answers.filter(badPage);
  const firstOk = after.filter((a) => !badPage(a)).sort((a, b) => a.at - b.at)[0];
  const firstOkMs = firstOk ? firstOk.at - stoppedAt : null;
  const slowest = Math.max(0, ...after.map((a) => a.at - a.sentAt));
  const pass = bad.length === 0 && after.length > 0 && firstOkMs !== null && firstOkMs <= FAILOVER_LIMIT_MS && primaryReadsAfter !== null && primaryReadsAfter <= FAILOVER_LIMIT_MS;
  check(
    4,
    "replica stopped: reads go to the primary",
    pass,
    `${answers.length} list pages (${after.length} after the stop): ${show(countBy(answers, (a) => (a.errorPage ? `${a.status} with an error` : String(a.status))))}; ` +
      (bad.find((a) => a.errorPage) ? `e.g. ${JSON.stringify(bad.find((a) => a.errorPage).errorPage)}; ` : "") +
      `first answer after the stop ${firstOkMs ?? "never"} ms, slowest ${slowest} ms; list SELECTs on the primary from ${primaryReadsAfter ?? "never"} ms after the stop (limit ${FAILOVER_LIMIT_MS} ms)`,
  );
}

async function killInstance(request) {
  const [survivorPort, victimPort] = APP_PORTS;
  const victim = state.apps.get(victimPort);
  const survivor = state.apps.get(survivorPort);
  const writes = [];
  let seq = 0;
  let running = true;
  const writers = Array.from({ length: WRITERS }, async () => {
    while (running) {
      const r = await harness.replayCreate(PROXY, request, `Scale Out ${runId} ${++seq}`);
      writes.push(r);
      if (r.kind !== "ok") await sleep(100);
    }
  });
  const reads = loadPagesWhile(1, request.cookies, () => running);
  await sleep(T.writeBefore);
  const killedAt = Date.now();
  victim.expectExit = true;
  processes.signal(victim, "SIGKILL");
  const ackedBefore = writes.filter((w) => w.kind === "ok").length;
  log(`instance ${victimPort} (PID ${victim.pid}) killed with SIGKILL after ${ackedBefore} acknowledged writes`);
  await sleep(T.writeAfter);
  running = false;
  await Promise.all(writers);
  const pages = await reads;

  const acked = writes.filter((w) => w.kind === "ok");
  const missing = await harness.missingWrites(dbUrl(PRIMARY), acked);
  const later = (items) => items.filter((x) => x.sentAt >= killedAt + KILL_GRACE_MS);
  const failedLater = later(writes).filter((w) => w.kind !== "ok");
  const pagesLater = later(pages);
  const badPagesLater = pagesLater.filter(badPage);
  const inFlight = writes.filter((w) => w.kind !== "ok" && w.sentAt < killedAt + KILL_GRACE_MS);
  const leaks = writes.filter((w) => w.leak);
  const beforeKill = new Set(writes.filter((w) => w.kind === "ok" && w.at < killedAt).map((w) => w.upstream));
  const pass =
    ackedBefore > 0 &&
    missing.length === 0 &&
    failedLater.length === 0 &&
    later(writes).length > 0 &&
    pagesLater.length > 0 &&
    badPagesLater.length === 0 &&
    leaks.length === 0 &&
    APP_PORTS.every((p) => beforeKill.has(upstreamOf(p))) &&
    harness.alive(survivor.pid) &&
    !survivor.exited;
  check(
    3,
    "an instance killed under write load",
    pass,
    `${writes.length} writes from ${WRITERS} writers, ${acked.length} acknowledged (${ackedBefore} before the kill, by ${[...beforeKill].join(" and ")}), ${missing.length} of them missing; ` +
      `failed while the kill landed (first ${KILL_GRACE_MS} ms): ${show(countBy(inFlight, (w) => (w.kind === "failed" ? `HTTP ${w.status}` : w.error)))}; ` +
      `failed after: ${failedLater.length} of ${later(writes).length}; upstreams after: ${show(countBy(later(writes), (w) => w.upstream))}; ` +
      `list pages after the kill: ${show(countBy(pagesLater, (a) => `${a.status}${a.errorPage ? " error page" : ""}`))}; instance ${survivorPort} ${harness.alive(survivor.pid) ? "alive" : "GONE"}`,
  );
}

/** The long run's measurement: list pages through nginx with 1, 2 and 3 instances, and what each costs the app and each database. */
async function capacity(env, cookies) {
  statementLog(PRIMARY, false);
  statementLog(REPLICA, false);
  await startApp(EXTRA_PORT, env);
  const ports = [...APP_PORTS, EXTRA_PORT];
  const postmaster = (cluster) => Number(readFileSync(path.join(harness.clusterInfo(cluster).dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const pids = { primary: postmaster(PRIMARY), replica: postmaster(REPLICA), nginx: state.nginx.pid };
  const rows = [];
  for (const n of [1, 2, 3]) {
    const serving = ports.slice(0, n);
    writeNginxConf(state.tmp, serving);
    execFileSync(NGINX, ["-p", state.tmp, "-c", state.nginxConf, "-s", "reload"], { stdio: "ignore" });
    await sleep(1_000);
    const run = (seconds) =>
      runHttp({ baseUrl: PROXY, connections: T.connections, seconds, cookies: [cookies], request: (k) => ({ path: LIST_PAGES[k % LIST_PAGES.length], headers: { "accept-language": "en-US" } }) });
    await run(T.warmSeconds);
    const ticks = () => ({ app: serving.reduce((sum, p) => sum + treeTicks(state.apps.get(p).pid), 0), primary: treeTicks(pids.primary), replica: treeTicks(pids.replica), nginx: treeTicks(pids.nginx) });
    const before = ticks();
    const stats = await run(T.capacitySeconds);
    const after = ticks();
    const perRequest = (k) => ((after[k] - before[k]) * TICK_MS) / Math.max(1, stats.requests);
    const row = {
      instances: n,
      rps: stats.rps,
      p50: stats.p50,
      p95: stats.p95,
      p99: stats.p99,
      errors: stats.errors,
      appMs: perRequest("app"),
      primaryMs: perRequest("primary"),
      replicaMs: perRequest("replica"),
      nginxMs: perRequest("nginx"),
      load: loadavg().map((l) => l.toFixed(2)).join(" "),
    };
    rows.push(row);
    log(`capacity with ${n} instance(s): ${row.rps.toFixed(1)} pages/s, p50 ${row.p50.toFixed(0)} ms, p99 ${row.p99.toFixed(0)} ms, ${row.errors} errors; load ${row.load}`);
  }
  writeNginxConf(state.tmp, APP_PORTS);
  execFileSync(NGINX, ["-p", state.tmp, "-c", state.nginxConf, "-s", "reload"], { stdio: "ignore" });
  const extra = state.apps.get(EXTRA_PORT);
  extra.expectExit = true;
  processes.signal(extra, "SIGTERM");
  state.apps.delete(EXTRA_PORT);
  statementLog(PRIMARY, true);
  statementLog(REPLICA, true);
  await sleep(1_000);

  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "-");
  console.log(
    [
      "",
      `List pages through nginx (${LIST_PAGES.join(", ")}), ${T.connections} connections, ${T.capacitySeconds} s a run; CPU ms per page from /proc:`,
      "| instances | pages/s | p50 ms | p95 ms | p99 ms | errors | app ms | primary ms | replica ms | nginx ms | load average (1, 5, 15 min) |",
      "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--|",
      ...rows.map((r) => `| ${r.instances} | ${f(r.rps)} | ${f(r.p50, 0)} | ${f(r.p95, 0)} | ${f(r.p99, 0)} | ${r.errors} | ${f(r.appMs)} | ${f(r.primaryMs, 2)} | ${f(r.replicaMs, 2)} | ${f(r.nginxMs, 2)} | ${r.load} |`),
    ].join("\n"),
  );
  const one = rows[0];
  const primaryCore = 1000 / one.primaryMs;
  const allOnPrimary = 1000 / (one.primaryMs + one.replicaMs);
  const perInstance = 1000 / one.appMs;
  console.log(
    [
      `One app instance keeps a core busy at about ${f(perInstance)} pages/s (${f(one.appMs)} ms of CPU a page).`,
      `With list reads on the replica, a page costs the primary ${f(one.primaryMs, 2)} ms: one primary core keeps up with ${f(primaryCore, 0)} pages/s, the work of ${f(primaryCore / perInstance)} app instances each on a core of its own.`,
      `With every read on the primary (no replica) a page costs it ${f(one.primaryMs + one.replicaMs, 2)} ms: ${f(allOnPrimary, 0)} pages/s a core, ${f(allOnPrimary / perInstance)} instances.`,
      "",
    ].join("\n"),
  );
  const failedRuns = rows.filter((r) => r.errors > 0);
  if (failedRuns.length) failures.push(`capacity runs answered errors (${failedRuns.map((r) => `${r.instances}: ${r.errors}`).join(", ")})`);
}

// ---------------------------------------------------------------- start, run, clean up
let cleaned = false;
async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await processes.stop();
  for (const cluster of [REPLICA, PRIMARY]) {
    try {
      if (harness.dropCluster(cluster)) log(`cluster ${cluster.name} dropped`);
    } catch (e) {
      console.log(`[scale-out] could not drop cluster ${cluster.name}: ${e}`);
    }
  }
  if (state.tmp) {
    if (failures.length) log(`logs kept in ${state.tmp} (nginx access.log and error.log, the journey's report and screenshots)`);
    else rmSync(state.tmp, { recursive: true, force: true });
  }
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    log(`${sig}: stopping everything and dropping the clusters`);
    failures.push(`interrupted (${sig})`);
    cleanUp().finally(() => process.exit(130));
  });
}

async function main() {
  if (!version || !harness.canCreateClusters()) {
    const why = "no PostgreSQL with Debian's postgresql-common (pg_createcluster, pg_ctlcluster) here to run clusters of its own";
    if (process.env.CI === "true") throw new Error(why);
    console.log(`[scale-out] skipped: ${why}`);
    return "skipped";
  }
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx; scripts/test/test-all.sh installs it when missing)");
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `next build` first");
  log(`${LONG ? "long" : "short"} run; PostgreSQL ${version}, ${execFileSync(NGINX, ["-v"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim() || "nginx"}`);

  const env = await setUp();
  await guarded(1, "browser journey through nginx", journey);
  await guarded(2, "a rate limit holds across instances", rateLimit);
  // A session and a write to replay, for the checks that follow (as the crash test does).
  const request = await harness.captureCreateRequest({ appUrl: PROXY, idpPort: IDP_PORT, token: `SCALETOKEN${runId}` });
  log("signed in as staff@landfall.example through nginx; create-enterprise request captured");
  await guarded(5, "list pages read from the replica", () => replicaReads(request.cookies));
  if (LONG) await capacity(env, request.cookies);
  await guarded(4, "replica stopped: reads go to the primary", () => replicaDown(request.cookies));
  await guarded(3, "an instance killed under write load", () => killInstance(request));
  return "ran";
}

let exitCode = 0;
let outcome = null;
try {
  outcome = await main();
  if (outcome === "ran") {
    const load = loadavg().map((l) => l.toFixed(2)).join(" ");
    console.log(["", `Scale-out harness (${LONG ? "long" : "short"})`, ...checks.sort((a, b) => a.n - b.n).map((c) => `  ${c.pass ? "PASS" : "FAIL"}  ${c.n}. ${c.name}`)].join("\n"));
    console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s, load average ${load}`);
  }
  if (failures.length) exitCode = 1;
} catch (e) {
  console.log(`[scale-out] FAIL: ${e?.stack ?? e}`);
  for (const child of processes.children) if (child.output) console.log(`--- ${child.label} output (tail) ---\n${child.output.slice(-3_000)}`);
  failures.push(String(e));
  exitCode = 1;
} finally {
  await cleanUp();
}
console.log(exitCode !== 0 ? `scale-out: FAILED (${failures.join("; ")})` : outcome === "skipped" ? "scale-out: skipped" : "scale-out: PASSED");
process.exit(exitCode);
