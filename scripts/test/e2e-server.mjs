// The server Playwright starts: a fresh database (its own PGlite folder, or a fresh database
// on the server named by DATABASE_URL), migrated and seeded, then the IdP and `next start`.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

// Only what Playwright passes counts: a developer's .env.local must not point tests elsewhere.
process.env.LANDFALL_NO_ENV_FILES = "1";

if (process.env.DATABASE_URL) {
  const url = new URL(process.env.DATABASE_URL);
  const name = "landfall_e2e";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
} else {
  // Defined but empty, so Next's own .env loading cannot fill it in.
  process.env.DATABASE_URL = "";
  process.env.PGLITE_DIR = path.resolve(".data/e2e");
  rmSync(process.env.PGLITE_DIR, { recursive: true, force: true });
}

execFileSync("node_modules/.bin/tsx", ["scripts/app/seed.ts"], { stdio: "inherit", env: process.env });
await import("../app/run.mjs");
