import { defineConfig } from "vitest/config";

const root = new URL(".", import.meta.url).pathname;

// TEST_DB=pglite (default) runs every data test on an in-memory PGlite;
// TEST_DB=server runs them on the PostgreSQL server in DATABASE_URL, one fresh database per file.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // Vitest runs outside React Server Components, where the real "server-only" throws on import.
      { find: /^server-only$/, replacement: `${root}lib/testing/server-only-stub.ts` },
    ],
  },
  test: {
    environment: "node",
    include: ["{lib,db,scripts,components,app}/**/*.test.{ts,tsx}"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
  },
});
