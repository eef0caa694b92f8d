import { defineConfig, devices } from "@playwright/test";
import base from "../../../playwright.config";

// The scale-out harness's browser journey (journey.spec.ts), with the settings of the browser
// tests (timeouts, Chromium and its flags) but none of their server: scripts/test/scale-out/run.mjs
// starts nginx and the app instances itself and runs
//   playwright test --config scripts/test/scale-out/playwright.config.ts
// with SCALE_OUT_URL (the proxy), SCALE_OUT_IDP_PORT, SCALE_OUT_UPSTREAMS and SCALE_OUT_REPORT set.
// `npm run e2e` does not run it: its tests are in e2e/ only.
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "journey.spec.ts",
  outputDir: process.env.SCALE_OUT_OUTPUT ?? "../../../test-results/scale-out",
  workers: 1,
  reporter: [["list"]],
  use: { ...base.use, baseURL: process.env.SCALE_OUT_URL },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], locale: "en-US" } }],
  webServer: undefined,
});
