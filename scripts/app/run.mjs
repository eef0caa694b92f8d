// Starts Landfall: the local demo identity provider (unless OIDC_ISSUER names a real one)
// and Next.js, stopping both together. Usage: node scripts/app/run.mjs dev|start
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

if (!process.env.LANDFALL_NO_ENV_FILES) {
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
}

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
process.env.AUTH_URL ??= `http://localhost:${port}`;
process.env.DEV_IDP_REDIRECT_URIS ??= `${process.env.AUTH_URL}/api/auth/callback/oidc`;

const children = [];
function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code, signal) => {
    // One part gone means the app cannot work: stop the rest and report it.
    shutdown(code ?? (signal ? 1 : 0));
  });
  children.push(child);
}

let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill("SIGTERM");
  // Next answers 503 on /api/ready for LANDFALL_DRAIN_SECONDS, then finishes the requests in
  // flight before it exits (lib/readiness.ts): wait for it, within a bound.
  Promise.all(running.map((child) => new Promise((done) => child.once("exit", done)))).then(() => process.exit(code));
  setTimeout(() => process.exit(code), (Number(process.env.LANDFALL_DRAIN_SECONDS) || 0) * 1000 + 30_000).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

// The demo (no real identity provider, no mail server): reminders go to a local outbox.
if (!process.env.OIDC_ISSUER && !process.env.SMTP_URL && !process.env.WEBHOOK_URL) {
  try {
    const { startCatcher } = await import("./catcher.mjs");
    const outbox = await startCatcher({
      smtpPort: Number(process.env.CATCHER_SMTP_PORT ?? Number(port) + 25),
      httpPort: Number(process.env.CATCHER_HTTP_PORT ?? Number(port) + 80),
    });
    process.env.SMTP_URL = outbox.smtpUrl;
    process.env.WEBHOOK_URL = outbox.webhookUrl;
    console.log(`[landfall] reminders go to the local outbox: ${outbox.pageUrl}`);
  } catch (error) {
    console.warn(`[landfall] no local outbox: ${error instanceof Error ? error.message : error}`);
  }
}
if (!process.env.OIDC_ISSUER) run("node_modules/.bin/tsx", ["scripts/app/dev-idp.ts"]);
run("node_modules/.bin/next", [mode, "-p", port]);
