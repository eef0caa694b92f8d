// What the crash test (crash-test.mjs) and the scale-out harness (scale-out/run.mjs) share:
// PostgreSQL clusters of their own made with Debian's postgresql-common, a fresh database on
// them seeded by the project's own script, the environment `next start` and the local IdP run
// with, child processes stopped together, and the "create enterprise" server action captured in
// Chromium after a real OIDC sign-in and replayed over HTTP.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";

/** A log with the seconds since the start, and the failures a run collects. */
export function logger(tag) {
  const t0 = Date.now();
  const failures = [];
  const log = (msg) => console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
  const fail = (msg) => {
    failures.push(msg);
    log(`FAIL: ${msg}`);
  };
  return { t0, log, fail, failures };
}

// ---------------------------------------------------------------- clusters of their own
export function have(tool) {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The newest PostgreSQL major version Debian's cluster tools manage here; null without them. */
export function postgresVersion() {
  const versions = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.length > 0 && have("pg_ctlcluster") ? versions[0] : null;
}

export const canCreateClusters = () => have("pg_createcluster") && have("pg_dropcluster");

/** pg_ctlcluster for a cluster `{ version, name }`: start, stop, reload… */
export const pgctl = (cluster, ...args) =>
  execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster.version, cluster.name, ...args], { stdio: ["ignore", "pipe", "pipe"] });

/** The cluster's line of pg_lsclusters: status ("online", "down"), data directory and log file; null when there is no such cluster. */
export function clusterInfo(cluster) {
  const out = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" });
  for (const line of out.split("\n")) {
    const [version, name, , status, , dataDir, logFile] = line.trim().split(/\s+/);
    if (version === cluster.version && name === cluster.name) return { status, dataDir, logFile };
  }
  return null;
}

/** "online", "down", or null when there is no such cluster. */
export const clusterStatus = (cluster) => clusterInfo(cluster)?.status ?? null;

/** Creates a cluster, not started: trust authentication, `settings` (`name=value`) in its postgresql.conf. */
export function createCluster(cluster, log, settings = []) {
  log(`creating PostgreSQL ${cluster.version} cluster ${cluster.name} on port ${cluster.port}`);
  const options = settings.flatMap((s) => ["-o", s]);
  execFileSync("pg_createcluster", [cluster.version, cluster.name, "-p", String(cluster.port), ...options, "--", "--auth=trust"], { stdio: ["ignore", "pipe", "pipe"] });
}

/** Creates the cluster when missing, and starts it. */
export function startCluster(cluster, log, settings = []) {
  if (clusterStatus(cluster) === null) createCluster(cluster, log, settings);
  if (clusterStatus(cluster) !== "online") pgctl(cluster, "start");
}

/** Stops and removes a cluster of our own; true when it was there. */
export function dropCluster(cluster) {
  if (clusterStatus(cluster) === null) return false;
  execFileSync("pg_dropcluster", ["--stop", cluster.version, cluster.name], { stdio: "ignore" });
  return true;
}

/** A fresh database `name` on the server at `adminUrl` (dropped first when it exists). */
export async function freshDatabase(adminUrl, name) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

/** Migrates and seeds the database in env.DATABASE_URL with the project's own script. */
export const seedDatabase = (env) => execFileSync("node_modules/.bin/tsx", ["scripts/app/seed.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });

/**
 * What `next start` and the local IdP need to run the production build in a test: the public
 * address (appUrl: the app itself, or the proxy in front of it), the IdP's port, a secret, the
 * demo users' domain and admin.
 */
export function appEnv({ appUrl, idpPort, databaseUrl, secret }) {
  return {
    ...process.env,
    LANDFALL_NO_ENV_FILES: "1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DEV_IDP_PORT: String(idpPort),
    AUTH_URL: appUrl,
    DEV_IDP_REDIRECT_URIS: `${appUrl}/api/auth/callback/oidc`,
    AUTH_SECRET: secret,
    OIDC_ALLOWED_DOMAINS: "landfall.example",
    OIDC_ADMIN_EMAILS: "admin@landfall.example",
    LANDFALL_LOCAL_IDP: "1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

// ---------------------------------------------------------------- processes
/** Child processes, each in a process group of its own (next start and its workers), stopped together. */
export function processGroup(log) {
  const children = [];
  let stopping = false;
  function start(name, cmd, args, env) {
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
      if (!stopping && !child.expectExit) log(`${name} exited (code ${code}, signal ${signal})`);
    });
    child.label = name;
    children.push(child);
    return child;
  }
  /** Sends a signal to the child's whole process group. */
  function signal(child, sig) {
    if (child.exited) return;
    try {
      process.kill(-child.pid, sig);
    } catch {}
  }
  async function stop() {
    stopping = true;
    for (const child of children) signal(child, "SIGTERM");
    await sleep(500);
    for (const child of children) signal(child, "SIGKILL");
  }
  return { children, start, signal, stop };
}

export const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The PID listening on a TCP port (the server Next starts may be a child of the CLI). */
export function listenerPid(port) {
  try {
    const out = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
    const m = out.match(/pid=(\d+)/);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export async function waitFor(what, check, timeoutMs) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - start;
    await sleep(100);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms`);
}

export const portFree = (port) => !execFileSync("ss", ["-Hltn", `sport = :${port}`], { encoding: "utf8" }).trim();

/** 200 from the app's /api/health (which runs `select 1`). */
export const healthy = async (appUrl) => (await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(3_000) })).status === 200;

// ---------------------------------------------------------------- sign in, capture the write
/**
 * Signs in as `email` through the local IdP in Chromium, fills the create-enterprise form with
 * `token` as the English name and captures the server-action request it sends (the request is
 * aborted: nothing is created). Returns it with the session's cookies, to be replayed.
 */
export async function captureCreateRequest({ appUrl, idpPort, token, email = "staff@landfall.example" }) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai" });
    const page = await context.newPage();
    await page.goto(`${appUrl}/enterprises/new`);
    await page.waitForURL((url) => url.port === String(idpPort));
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("landfall");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.href.startsWith(`${appUrl}/enterprises/new`), { timeout: 20_000 });

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
    const cookies = (await context.cookies(appUrl)).map((c) => `${c.name}=${c.value}`).join("; ");
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
export const LEAK = /\n\s+at [^\n]+:\d+:\d+|node_modules|ECONNREFUSED|postgres(ql)?:\/\/|\bselect\b.+\bfrom\b|\binsert into\b|terminating connection/i;

/**
 * Replays a captured create request with `name` in place of its token. "ok" with the new id
 * when the app acknowledged it; "failed" with the status and message otherwise; "unreachable"
 * when nothing answered. `upstream` is the X-Upstream header a proxy in front added.
 */
export async function replayCreate(appUrl, request, name) {
  const body = request.body.replaceAll(request.token, name);
  const sentAt = Date.now();
  try {
    const res = await fetch(`${appUrl}/enterprises/new`, {
      method: "POST",
      headers: {
        "next-action": request.action,
        "content-type": request.contentType,
        accept: "text/x-component",
        "accept-language": "en-US",
        origin: appUrl,
        cookie: request.cookies,
      },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await res.text();
    const upstream = res.headers.get("x-upstream");
    const ok = res.status === 200 ? text.match(OK) : null;
    if (ok) return { kind: "ok", id: ok[1], name, upstream, sentAt, at: Date.now() };
    const refused = text.match(REFUSED);
    const leak = text.match(LEAK);
    return { kind: "failed", status: res.status, message: refused?.[1] ?? null, leak: leak?.[0] ?? null, excerpt: text.slice(0, 300), name, upstream, sentAt, at: Date.now() };
  } catch (e) {
    return { kind: "unreachable", error: String(e?.cause?.code ?? e?.name ?? e), name, sentAt, at: Date.now() };
  }
}

/** The acknowledged writes (`{ id, name }`) that are not stored under their name in the database at `dbUrl`. */
export async function missingWrites(dbUrl, acked) {
  const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
  try {
    const ids = acked.map((r) => r.id);
    const stored = ids.length ? await sql`select id, name_en from enterprises where id = any(${ids}::uuid[]) and deleted_at is null` : [];
    const storedNames = new Map(stored.map((row) => [row.id, row.name_en]));
    return acked.filter((r) => storedNames.get(r.id) !== r.name);
  } finally {
    await sql.end();
  }
}
