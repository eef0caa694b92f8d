import { defineConfig } from "vitest/config";
import { ISOLATED_TEST_FILES as ISOLATED } from "./test/setup/isolated-files";

const root = new URL(".", import.meta.url).pathname;

const ALL = ["{lib,db,scripts,components,app,test}/**/*.test.{ts,tsx}"];

// TEST_DB=pglite (default) runs every data test on an in-memory PGlite;
// TEST_DB=server runs them on the PostgreSQL server in DATABASE_URL, one fresh database per file.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // Vitest runs outside React Server Components, where the real "server-only" throws on import.
      { find: /^server-only$/, replacement: `${root}test/setup/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    globalSetup: ["./test/setup/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    // Most files share one module graph per worker (isolate: false): importing the app's modules
    // again for each of 64 files cost more than half of the run. Files that mock a module or stub
    // the environment get a module graph of their own.
    projects: [
      { extends: true, test: { name: "shared", isolate: false, include: ALL, exclude: ISOLATED } },
      { extends: true, test: { name: "isolated", include: ISOLATED } },
    ],
  },
});
