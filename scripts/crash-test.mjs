// Database crash test: PostgreSQL dies under load and comes back; the app must survive it.
//
// What it does, against the production build (`next build` must have run):
//   1. starts a dedicated PostgreSQL cluster, a fresh seeded database on it, the local IdP
//      (port 3301) and `next start` (port 3300);
//   2. signs in as the staff demo user through the real OIDC redirect flow in Chromium and
//      captures the "create enterprise" server-action request the form sends;
//   3. replays it from several writers at once with unique names, recording every write the
//      app acknowledged (ok with the new id);
//   4. kills PostgreSQL with `pg_ctlcluster … stop -m immediate` (no checkpoint, no goodbye to
//      clients), keeps writing while it is down — each write must fail cleanly: an error
//      message, no 5xx page with a stack trace or SQL, the app process still answering;
//   5. restarts PostgreSQL and measures how long until /api/health (which runs `select 1`) and
//      a write succeed again: at most 10 s;
//   6. checks over a direct SQL connection that every acknowledged write is stored, and that
//      the app process it started (same PID) is still alive.
// Prints a report; exits 1 on any failure.
//
// Which cluster it kills: never the shared one on 5432 that other tests use. It creates its
// own cluster `landfall_crash` on port 5433 with pg_createcluster (reusing it if it exists)
// and drops it at the end, so the machine is left as it was found. This needs the Debian
// postgresql-common tools and root (or the postgres user). Without pg_createcluster it falls
// back to the main cluster only when CRASH_TEST_MAIN_CLUSTER=1 says so (a throwaway machine);
// otherwise it reports why and fails on CI, or skips elsewhere.
//
//   node scripts/crash-test.mjs
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";

const APP_PORT = 3300;
const IDP_PORT = 3301;
const APP = `http://localhost:${APP_PORT}`;
const CLUSTER = "landfall_crash";
const DB_NAME = "landfall_crash";
const WRITERS = 4;
const RECOVERY_LIMIT_MS = 10_000;
const WRITE_BEFORE_MS = 3_000;
const DOWN_MS = 3_000;
const WRITE_AFTER_MS = 2_000;
const runId = Date.now().toString(36);

const t0 = Date.now();
const log = (msg) => console.log(`[crash-test +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
const failures = [];
const fail = (msg) => {
  failures.push(msg);
  log(`FAIL: ${msg}`);
};

// ---------------------------------------------------------------- the cluster to kill
function chooseCluster() {
  const have = (tool) => {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0 || !have("pg_ctlcluster")) return null;
  if (have("pg_createcluster") && have("pg_dropcluster")) return { version: versions[0], name: CLUSTER, port: 5433, own: true };
  if (process.env.CRASH_TEST_MAIN_CLUSTER === "1") return { version: versions[0], name: "main", port: 5432, own: false };
  return null;
}

const pgctl = (cluster, ...args) =>
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, ...args], { stdio: ["ignore", "pipe", "pipe"] });

/** "online", "down", or null when there is no such cluster. */
function clusterStatus(cluster) {
  const out = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  for (const line of out.split("\n")) {
    const [version, name, , status] = line.trim().split(/\s+/);
    if (version === cluster.version && name === cluster.name) return status;
  }
  return null;
}

function startCluster(cluster) {
  if (clusterStatus(cluster) === null) {
    log(`creating PostgreSQL ${cluster.version} cluster ${cluster.name} on port ${cluster.port}`);
    execFileSync("pg_createcluster", [cluster.version, cluster.name, "-p", String(cluster.port), "--", "--auth=trust"], { stdio: ["ignore", "pipe", "pipe"] });
  }
  if (clusterStatus(cluster) !== "online") pgctl(cluster, "start");
}

// ---------------------------------------------------------------- processes
const children = [];
function startProcess(name, cmd, args, env) {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.output = "";
  const keep = (chunk) => {
    child.output = (child.output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  child.exited = false;
  child.on("exit", (code, signal) => {
    child.exited = true;
    if (!stopping) log(`${name} exited (code ${code}, signal ${signal})`);
  });
  child.label = name;
  children.push(child);
  return child;
}

let stopping = false;
async function stopProcesses() {
  stopping = true;
  for (const child of children) {
    if (child.exited) continue;
    try {
      process.kill(-child.pid, "SIGTERM"); // its own process group: next start and its workers
    } catch {}
  }
  await sleep(500);
  for (const child of children) {
    if (child.exited) continue;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The PID listening on a TCP port (the server Next starts may be a child of the CLI). */
function listenerPid(port) {
  try {
    const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
    const m = out.match(/pid=(\d+)/);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

async function waitFor(what, check, timeoutMs) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - start;
    await sleep(100);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`);
}

const portFree = (port) => !execFileSync("ss", ["-Hltn", `sport = :${port}`], { encoding: "utf8" }).trim();

// ---------------------------------------------------------------- sign in, capture the write
async function captureCreateRequest() {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await page.goto(`${APP}/enterprises/new`);
    await page.waitForURL((url) => url.port === String(IDP_PORT));
    await page.getByLabel("Email").fill("staff@landfall.example");
    await page.getByLabel("Password").fill("landfall");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${APP}/enterprises/new`), { timeout: 20_000 });

    const token = `CRASHTOKEN${runId}`;
    let captured;
    await page.route("**/enterprises/new", async (route) => {
      const request = route.request();
      const headers = request.headers();
      if (request.method() === "POST" && headers["next-action"]) {
        captured = { action: headers["next-action"], contentType: headers["content-type"], body: request.postDataBuffer().toString("utf8") };
        await route.abort();
      } else {
        await route.continue();
      }
    });
    await page.getByLabel("English name").fill(token);
    await page.getByRole("button", { name: "Create enterprise" }).click();
    const start = Date.now();
    while (!captured && Date.now() - start < 10_000) await sleep(50);
    if (!captured) throw new Error("the create-enterprise form sent no server-action request");
    if (!captured.body.includes(token)) throw new Error("the captured request does not carry the name typed");
    const cookies = (await context.cookies(APP)).map((c) => `${c.name}=${c.value}`).join("; ");
    return { ...captured, token, cookies };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------- writing through the app
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const OK = new RegExp(`"ok":true,"data":\\{"id":"(${UUID})"`);
const REFUSED = /"ok":false,"message":"([^"]+)"/;
// What must never reach a client: stack frames, driver or SQL text.
const LEAK = /\n\s+at [^\n]+:\d+:\d+|node_modules|ECONNREFUSED|postgres(ql)?:\/\/|\bselect\b.+\bfrom\b|\binsert into\b|terminating connection/i;

async function write(request, name) {
  const body = request.body.replaceAll(request.token, name);
  const sentAt = Date.now();
  try {
    const res = await fetch(`${APP}/enterprises/new`, {
      method: "POST",
      headers: {
        "next-action": request.action,
        "content-type": request.contentType,
        accept: "text/x-component",
        "accept-language": "en-US",
        origin: APP,
        cookie: request.cookies,
      },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    const ok = res.status === 200 ? text.match(OK) : null;
    if (ok) return { kind: "ok", id: ok[1], name, sentAt, at: Date.now() };
    const refused = text.match(REFUSED);
    const leak = text.match(LEAK);
    return { kind: "failed", status: res.status, message: refused?.[1] ?? null, leak: leak?.[0] ?? null, excerpt: text.slice(0, 300), name, sentAt, at: Date.now() };
  } catch (e) {
    return { kind: "unreachable", error: String(e?.cause?.code ?? e?.name ?? e), name, sentAt, at: Date.now() };
  }
}

// ---------------------------------------------------------------- the run
async function main() {
  const cluster = chooseCluster();
  if (!cluster) {
    const why = "no pg_createcluster/pg_ctlcluster here to run a PostgreSQL cluster of its own; set CRASH_TEST_MAIN_CLUSTER=1 to kill the main cluster instead (throwaway machines only)";
    if (process.env.CI === "true") {
      console.log(`[crash-test] FAIL: ${why}`);
      process.exit(1);
    }
    console.log(`[crash-test] skipped: ${why}`);
    return;
  }
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `next build` first");
  for (const port of [APP_PORT, IDP_PORT]) if (!portFree(port)) throw new Error(`port ${port} is in use`);

  startCluster(cluster);
  const adminUrl = `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;
  const dbUrl = `postgres://postgres@127.0.0.1:${cluster.port}/${DB_NAME}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
  await admin.unsafe(`create database ${DB_NAME}`);
  await admin.end();
  log(`cluster ${cluster.version}/${cluster.name} on ${cluster.port} up, database ${DB_NAME} created`);

  const env = {
    ...process.env,
    LANDFALL_NO_ENV_FILES: "1",
    NODE_ENV: "production",
    DATABASE_URL: dbUrl,
    PORT: String(APP_PORT),
    DEV_IDP_PORT: String(IDP_PORT),
    AUTH_URL: APP,
    DEV_IDP_REDIRECT_URIS: `${APP}/api/auth/callback/oidc`,
    AUTH_SECRET: "crash-test-only-secret-not-for-production-0",
    OIDC_ALLOWED_DOMAINS: "landfall.example",
    OIDC_ADMIN_EMAILS: "admin@landfall.example",
    LANDFALL_LOCAL_IDP: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  execFileSync("node_modules/.bin/tsx", ["scripts/seed.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
  log("database migrated and seeded");

  const idp = startProcess("identity provider", "node_modules/.bin/tsx", ["scripts/dev-idp.ts"], env);
  const app = startProcess("next start", "node_modules/.bin/next", ["start", "-p", String(APP_PORT)], env);
  const health = async () => (await fetch(`${APP}/api/health`, { signal: AbortSignal.timeout(3_000) })).status === 200;
  await waitFor("the app", health, 60_000);
  await waitFor("the identity provider", async () => (await fetch(`http://localhost:${IDP_PORT}/.well-known/openid-configuration`)).ok, 20_000);
  const appPid = listenerPid(APP_PORT);
  log(`app serving on ${APP} (next start PID ${app.pid}, server PID ${appPid}); identity provider PID ${idp.pid}`);

  const request = await captureCreateRequest();
  log("signed in as staff@landfall.example through the IdP; create-enterprise request captured");

  // Writers run until told to stop; every answer is kept with its time.
  const results = [];
  let seq = 0;
  let writing = true;
  const writer = async () => {
    while (writing) {
      const r = await write(request, `Crash Test ${runId} ${++seq}`);
      results.push(r);
      if (r.kind !== "ok") await sleep(100);
    }
  };
  const writers = Array.from({ length: WRITERS }, writer);

  await sleep(WRITE_BEFORE_MS);
  const beforeKill = results.filter((r) => r.kind === "ok").length;
  const killedAt = Date.now();
  pgctl(cluster, "stop", "-m", "immediate");
  log(`PostgreSQL killed (stop -m immediate) after ${beforeKill} acknowledged writes`);

  // While it is down: health must say so, the app must keep answering.
  await sleep(DOWN_MS);
  const healthDown = await fetch(`${APP}/api/health`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.status, (e) => `unreachable (${e?.cause?.code ?? e})`);
  const startCmdAt = Date.now();
  pgctl(cluster, "start");
  const restartedAt = Date.now();
  log(`PostgreSQL restarted (start took ${restartedAt - startCmdAt} ms); health while down answered ${healthDown}`);

  let healthBackMs = null;
  try {
    healthBackMs = await waitFor("health after restart", health, 30_000);
  } catch {}
  const waitForWrite = Date.now();
  while (!results.some((r) => r.kind === "ok" && r.sentAt >= restartedAt) && Date.now() - waitForWrite < 30_000) await sleep(50);
  const firstWriteBack = results.filter((r) => r.kind === "ok" && r.sentAt >= restartedAt).sort((a, b) => a.at - b.at)[0];
  const writeBackMs = firstWriteBack ? firstWriteBack.at - restartedAt : null;

  await sleep(WRITE_AFTER_MS);
  writing = false;
  await Promise.all(writers);

  // ------------------------------------------------------------ checks
  const acked = results.filter((r) => r.kind === "ok");
  const duringOutage = results.filter((r) => r.sentAt >= killedAt && r.at <= restartedAt);
  const failed = results.filter((r) => r.kind !== "ok");

  if (beforeKill === 0) fail("no write was acknowledged before the crash");
  if (healthDown === 200) fail("/api/health answered 200 while the database was down");
  if (typeof healthDown !== "number") fail(`/api/health was unreachable while the database was down: ${healthDown}`);
  if (healthBackMs === null || healthBackMs > RECOVERY_LIMIT_MS) fail(`/api/health was not healthy within ${RECOVERY_LIMIT_MS / 1000} s of the restart (${healthBackMs ?? "never"} ms)`);
  if (writeBackMs === null || writeBackMs > RECOVERY_LIMIT_MS) fail(`no write succeeded within ${RECOVERY_LIMIT_MS / 1000} s of the restart (${writeBackMs ?? "never"} ms)`);
  if (!duringOutage.some((r) => r.kind !== "ok")) fail("no write was attempted while the database was down");

  for (const r of failed) {
    if (r.kind === "unreachable") {
      fail(`the app did not answer a write (${r.error})`);
      break;
    }
  }
  const leaking = failed.filter((r) => r.leak);
  if (leaking.length) fail(`${leaking.length} failed writes showed internals, e.g. ${JSON.stringify(leaking[0].leak)}: ${JSON.stringify(leaking[0].excerpt)}`);
  const serverErrors = failed.filter((r) => r.kind === "failed" && r.status >= 500);
  if (serverErrors.length) fail(`${serverErrors.length} failed writes answered HTTP ${serverErrors[0].status} instead of an error message: ${JSON.stringify(serverErrors[0].excerpt)}`);
  const silent = failed.filter((r) => r.kind === "failed" && r.status < 500 && !r.message);
  if (silent.length) fail(`${silent.length} failed writes carried no error message: ${JSON.stringify(silent[0].excerpt)}`);

  const sqlClient = postgres(dbUrl, { max: 1, onnotice: () => {} });
  const ids = acked.map((r) => r.id);
  const stored = ids.length ? await sqlClient`select id, name_en from enterprises where id = any(${ids}::uuid[]) and deleted_at is null` : [];
  const storedNames = new Map(stored.map((row) => [row.id, row.name_en]));
  const missing = acked.filter((r) => storedNames.get(r.id) !== r.name);
  if (missing.length) fail(`${missing.length} acknowledged writes are missing after the crash, e.g. ${missing[0].name} (${missing[0].id})`);
  // Writes that were refused must not have been half-done: no enterprise by a refused name.
  const refusedNames = failed.map((r) => r.name);
  const ghosts = refusedNames.length ? await sqlClient`select name_en from enterprises where name_en = any(${refusedNames})` : [];
  await sqlClient.end();

  const pidAlive = appPid !== null && alive(appPid) && listenerPid(APP_PORT) === appPid && !app.exited;
  if (!pidAlive) fail(`the app process ${appPid} did not survive (now listening: ${listenerPid(APP_PORT)})`);

  const messages = [...new Set(failed.map((r) => (r.kind === "failed" ? `HTTP ${r.status}: ${r.message ?? "(no message)"}` : r.error)))];
  console.log(
    [
      "",
      "Database crash test",
      `  cluster                  PostgreSQL ${cluster.version}/${cluster.name} on port ${cluster.port}`,
      `  writes sent              ${results.length} (${WRITERS} at a time)`,
      `  acknowledged             ${acked.length} (${beforeKill} before the crash)`,
      `  refused                  ${failed.length}, ${duringOutage.length} sent while PostgreSQL was down; answers: ${messages.join(" | ") || "-"}`,
      `  refused but stored       ${ghosts.length} (reported only: a commit can land just before the connection drops)`,
      `  health while down        ${healthDown}`,
      `  health back after        ${healthBackMs ?? "never"} ms from the restart`,
      `  first write back after   ${writeBackMs ?? "never"} ms from the restart (limit ${RECOVERY_LIMIT_MS} ms)`,
      `  acknowledged and stored  ${acked.length - missing.length} of ${acked.length}`,
      `  app process              PID ${appPid} ${pidAlive ? "alive, same PID" : "GONE"}`,
      `  total time               ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      failures.length ? `FAILED: ${failures.length} check(s)` : "PASSED",
      "",
    ].join("\n"),
  );
  if (failures.length) {
    console.log("--- app output (tail) ---");
    console.log(app.output.slice(-4_000));
  }
  return cluster;
}

let cluster = null;
let exitCode = 0;
try {
  cluster = chooseCluster();
  await main();
  if (failures.length) exitCode = 1;
} catch (e) {
  console.log(`[crash-test] FAIL: ${e?.stack ?? e}`);
  for (const child of children) if (child.output) console.log(`--- ${child.label} output (tail) ---\n${child.output.slice(-3_000)}`);
  exitCode = 1;
} finally {
  await stopProcesses();
  if (cluster?.own) {
    try {
      execFileSync("pg_dropcluster", ["--stop", cluster.version, cluster.name], { stdio: "ignore" });
      log(`cluster ${cluster.name} dropped`);
    } catch (e) {
      console.log(`[crash-test] could not drop cluster ${cluster.name}: ${e}`);
    }
  } else if (cluster) {
    // The main cluster (opt-in fallback) is left running, without the test database.
    try {
      pgctl(cluster, "start");
    } catch {}
    try {
      const admin = postgres(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`, { max: 1, onnotice: () => {} });
      await admin.unsafe(`drop database if exists ${DB_NAME} with (force)`);
      await admin.end();
    } catch {}
  }
}
process.exit(exitCode);
