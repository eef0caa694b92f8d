// Serves the production build for the benchmark: `next start` and the local OIDC provider
// on ports of their own (as scripts/app/run.mjs does), from a private copy of `.next`, so a build started
// by someone else in the working tree cannot change the app under measurement.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = process.cwd();
export const LOCK = "/tmp/landfall-e2e.lock";
// Next reads .env files from the folder it serves; the benchmark passes every variable itself.
const NOT_LINKED = new Set([".next", ".data", ".git", ".env", ".env.local", ".env.production", ".env.production.local"]);

export interface App {
  baseUrl: string;
  dir: string;
  /** The Next.js server process itself (node, titled next-server), not a wrapper. */
  pid: number;
  /** What the app and the IdP printed, for an error message. */
  output(): string;
  stop(): Promise<void>;
}

/** Builds when asked or when there is no build, then copies `.next` (without its cache) under the shared build lock. */
export function prepareBuild(dir: string, build: boolean, log: (s: string) => void) {
  const needBuild = build || !existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(ROOT)) {
    if (!NOT_LINKED.has(entry)) symlinkSync(path.join(ROOT, entry), path.join(dir, entry));
  }
  log(needBuild ? "building (next build) under the shared build lock" : "copying the current build under the shared build lock");
  const script = `${needBuild ? "node_modules/.bin/next build >/dev/null && " : ""}mkdir -p "${dir}/.next" && ` +
    `for f in .next/* .next/.[!.]*; do [ -e "$f" ] && [ "$f" != .next/cache ] && cp -a "$f" "${dir}/.next/"; done; true`;
  // A benchmark that already holds the lock (see run.ts) must not wait for itself.
  const command = process.env.LANDFALL_BENCH_LOCKED ? ["bash", "-c", script] : ["flock", LOCK, "bash", "-c", script];
  execFileSync(command[0]!, command.slice(1), { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) throw new Error("bench: no production build to serve (next build failed?)");
}

/** The server action id of a "use server" export, from the build's manifest. */
export function actionId(dir: string, file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename?.includes(file) && entry.exportedName === name) return id;
  }
  throw new Error(`bench: server action ${name} in ${file} not found in the build`);
}

/** Serves the build in `dir` with `next start`, and the local IdP when given its port (Landfall; the bare app needs none). */
export async function startApp(opts: { name?: string; port: number; idpPort?: number; databaseUrl: string; dir?: string; log: (s: string) => void }): Promise<App> {
  const dir = opts.dir ?? path.join(tmpdir(), `landfall-bench-${opts.port}`);
  const baseUrl = `http://localhost:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LANDFALL_NO_ENV_FILES: "1",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(opts.port),
    DEV_IDP_PORT: String(opts.idpPort ?? ""),
    AUTH_URL: baseUrl,
    AUTH_SECRET: "bench-only-secret-not-for-production-0000",
    OIDC_ALLOWED_DOMAINS: "landfall.example",
    OIDC_ADMIN_EMAILS: "admin@landfall.example",
    LANDFALL_LOCAL_IDP: "1",
    DATABASE_URL: opts.databaseUrl,
  };
  let output = "";
  const spawnPart = (cmd: string, args: string[], cwd: string) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
    return child;
  };
  // The IdP from the working tree (it checks that it was started as itself), Next from the private copy.
  // node_modules/.bin/next is node itself (a script with a node shebang, exec'd), and `next start`
  // serves in that process: its pid is the server's.
  const server = spawnPart(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(opts.port)], dir);
  const children: ChildProcess[] = [server, ...(opts.idpPort ? [spawnPart("node_modules/.bin/tsx", ["scripts/app/dev-idp.ts"], ROOT)] : [])];
  const exited = () => children.find((c) => c.exitCode !== null);
  const stop = async () => {
    await Promise.all(children.map(async (child) => {
      if (child.exitCode !== null || !child.pid) return;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }));
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited()) {
      await stop();
      throw new Error(`bench: the app on ${opts.port} or the IdP exited while starting:\n${output.slice(-2000)}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bench: the app did not answer /api/health within 90 s:\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  opts.log(`${opts.name ?? "app"} on ${baseUrl} (next start, production build)${opts.idpPort ? `, local IdP on ${opts.idpPort}` : ""}`);
  return { baseUrl, dir, pid: server.pid!, stop, output: () => `${exited() ? "(a part has exited)\n" : ""}${output.slice(-3000)}` };
}
