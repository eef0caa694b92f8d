/**
 * The test files that get a module graph of their own (vitest.config.mts): they mock a module or
 * stub the environment, which would leak into the files that share a worker's modules. test/setup/isolated-files.test.ts finds any that is missing.
 */
export const ISOLATED_TEST_FILES = [
  "lib/auth/session-for-client.test.ts",
  "lib/calendar/feed-rate-limit.test.ts",
  "lib/calendar/route.test.ts",
  "lib/enterprises/import/rate-limit.test.ts",
  "lib/read-db.test.ts",
  "lib/readiness.test.ts",
  "lib/security/proxy.test.ts",
];
