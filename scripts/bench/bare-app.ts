// The framework's floor, measured beside Landfall's screens: the bare Next.js app in
// scripts/bench/bare (a cookie, one postgres.js query of 50 enterprises, an 8-column table). It is
// built once per version of its files and of the packages, into a copy in the system's temporary
// folder whose node_modules is a link to the repository's, so it runs the same next, react and
// postgres. Not inside the repository: Turbopack looks for proxy.ts and instrumentation.ts in the
// project folder and in every folder above it up to its root, and would build Landfall's into it.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Scenario } from "./scenarios";
import { LOCK } from "./server";

const ROOT = process.cwd();
const SOURCE = path.join(ROOT, "scripts", "bench", "bare");
const BUILDS = path.join(tmpdir(), "landfall-bench-bare");
/** What a build writes into the project folder: not part of its source. */
const GENERATED = new Set([".next", "node_modules", "next-env.d.ts", "tsconfig.tsbuildinfo"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !GENERATED.has(e.name))
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

/** Its files, the versions it is built with, and the checkout whose node_modules it links to. */
function sourceHash(): string {
  const hash = createHash("sha256").update(ROOT).update("\0");
  for (const file of sourceFiles(SOURCE)) hash.update(path.relative(SOURCE, file)).update("\0").update(readFileSync(file)).update("\0");
  for (const pkg of ["next", "react", "react-dom", "postgres"]) {
    hash.update(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json")));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The folder of a production build of the bare app: the cached one, or built now (under the shared build lock). */
export function prepareBare(log: (s: string) => void): string {
  const dir = path.join(BUILDS, sourceHash());
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    log(`bare app: serving the build cached in ${dir}`);
    return dir;
  }
  rmSync(BUILDS, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SOURCE, dir, { recursive: true, filter: (from) => !GENERATED.has(path.basename(from)) });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  log(`bare app: building (next build) in ${dir} under the shared build lock`);
  const t0 = Date.now();
  const next = path.join(ROOT, "node_modules", ".bin", "next");
  // A benchmark that already holds the lock (see run.ts) must not wait for itself.
  const command = process.env.LANDFALL_BENCH_LOCKED ? [next, "build"] : ["flock", LOCK, next, "build"];
  try {
    execFileSync(command[0]!, command.slice(1), {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    });
  } catch (e) {
    const failed = e as { stdout?: Buffer; stderr?: Buffer };
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`bench: building the bare app failed:\n${failed.stdout?.toString() ?? ""}${failed.stderr?.toString() ?? ""}`);
  }
  log(`bare app: built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return dir;
}

/** The bare page as a screen of the report; it has no data-access calls of Landfall's, so no floor of its own. */
export const BARE_SCREEN: Scenario = {
  id: "bare",
  label: "Bare Next.js page (50 rows, 8 columns)",
  role: "staff",
  request: () => ({ path: "/" }),
  calls: async () => {},
};
