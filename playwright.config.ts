import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

export const APP_PORT = 3100;
export const IDP_PORT = 3101;
export const BASE_URL = `http://localhost:${APP_PORT}`;

// Runs against `next build` output served by `next start` (dev mode is too slow on 2 cores),
// with the real local OIDC provider and a fresh database (PGlite, or a server when DATABASE_URL is set).
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Sized for a loaded two-core machine (TESTING.md): a test waits for what the user waits
  // for, and these bounds only decide how long before a real failure is reported.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.PW_JSON_REPORT
    ? [["list"], ["json", { outputFile: process.env.PW_JSON_REPORT }]]
    : [["list"]],
  use: {
    baseURL: BASE_URL,
    locale: "en-US",
    timezoneId: "Asia/Shanghai",
    // Recording a trace costs about a quarter of the suite's time even when it is thrown away;
    // a failure prints its error, the page's accessibility snapshot and a screenshot.
    // PW_TRACE=retain-on-failure records traces when chasing a failure.
    trace: (process.env.PW_TRACE as "off" | "on" | "retain-on-failure" | undefined) ?? "off",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium-headless-shell when installed (lighter per page), else its chromium.
      executablePath:
        process.env.CHROMIUM_PATH ??
        (existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium"),
      // --in-process-gpu: the software compositor runs in the browser process rather than a GPU
      // process of its own. Measured on the board and screen specs (TESTING.md, 2026-12-03):
      // about a tenth less CPU for the whole run, server included.
      args: ["--no-sandbox", "--disable-gpu", "--in-process-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], locale: "en-US" }, dependencies: ["setup"] },
  ],
  webServer: {
    command: "node scripts/test/e2e-server.mjs",
    url: `${BASE_URL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(APP_PORT),
      DEV_IDP_PORT: String(IDP_PORT),
      AUTH_URL: BASE_URL,
      AUTH_SECRET: "e2e-only-secret-not-for-production-000000",
      OIDC_ALLOWED_DOMAINS: "landfall.example",
      OIDC_ADMIN_EMAILS: "admin@landfall.example",
      // The feed's per-client budget is shared by every unattributed request; the hostile-route
      // spec sends 300 of them. The limit itself is proved in lib/calendar/feed-rate-limit.test.ts.
      RATE_LIMIT_CALENDAR_IP_PER_MINUTE: "5000",
      // Browser and server share the machine: compressing each answer only to inflate it again
      // cost 9 % of the server's CPU (next.config.ts).
      LANDFALL_COMPRESS: "off",
      LANDFALL_LOCAL_IDP: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
