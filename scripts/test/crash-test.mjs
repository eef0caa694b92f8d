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
//   node scripts/test/crash-test.mjs
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import {
  alive,
  appEnv,
  canCreateClusters,
  captureCreateRequest,
  dropCluster,
  freshDatabase,
  healthy,
  listenerPid,
  logger,
  missingWrites,
  pgctl,
  portFree,
  postgresVersion,
  processGroup,
  replayCreate,
  seedDatabase,
  startCluster,
  waitFor,
} from "./harness.mjs";

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

const { t0, log, fail, failures } = logger("crash-test");

// ---------------------------------------------------------------- the cluster to kill
function chooseCluster() {
  const version = postgresVersion();
  if (!version) return null;
  if (canCreateClusters()) return { version, name: CLUSTER, port: 5433, own: true };
  if (process.env.CRASH_TEST_MAIN_CLUSTER === "1") return { version, name: "main", port: 5432, own: false };
  return null;
}

const processes = processGroup(log);
const children = processes.children;
const startProcess = processes.start;
const write = (request, name) => replayCreate(APP, request, name);

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

  startCluster(cluster, log);
  const dbUrl = `postgres://postgres@127.0.0.1:${cluster.port}/${DB_NAME}`;
  await freshDatabase(`postgres://postgres@127.0.0.1:${cluster.port}/postgres`, DB_NAME);
  log(`cluster ${cluster.version}/${cluster.name} on ${cluster.port} up, database ${DB_NAME} created`);

  const env = {
    ...appEnv({ appUrl: APP, idpPort: IDP_PORT, databaseUrl: dbUrl, secret: "crash-test-only-secret-not-for-production-0" }),
    PORT: String(APP_PORT),
  };
  seedDatabase(env);
  log("database migrated and seeded");

  const idp = startProcess("identity provider", "node_modules/.bin/tsx", ["scripts/app/dev-idp.ts"], env);
  const app = startProcess("next start", "node_modules/.bin/next", ["start", "-p", String(APP_PORT)], env);
  const health = () => healthy(APP);
  await waitFor("the app", health, 60_000);
  await waitFor("the identity provider", async () => (await fetch(`http://localhost:${IDP_PORT}/.well-known/openid-configuration`)).ok, 20_000);
  const appPid = listenerPid(APP_PORT);
  log(`app serving on ${APP} (next start PID ${app.pid}, server PID ${appPid}); identity provider PID ${idp.pid}`);

  const request = await captureCreateRequest({ appUrl: APP, idpPort: IDP_PORT, token: `CRASHTOKEN${runId}` });
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

  const missing = await missingWrites(dbUrl, acked);
  if (missing.length) fail(`${missing.length} acknowledged writes are missing after the crash, e.g. ${missing[0].name} (${missing[0].id})`);
  // Writes that were refused must not have been half-done: no enterprise by a refused name.
  const sqlClient = postgres(dbUrl, { max: 1, onnotice: () => {} });
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
  await processes.stop();
  if (cluster?.own) {
    try {
      dropCluster(cluster);
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
