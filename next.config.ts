import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Messages are compiled at build time (next-intl's precompile), so the browser gets a small
// formatter instead of an ICU MessageFormat parser; the catalogue files stay plain ICU JSON.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: ["en", "zh-CN"], precompile: true } },
});

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  // rate-limiter-flexible loads drizzle-orm with an import() the bundler cannot follow (its
  // RateLimiterDrizzle fails bundled with "expression is too dynamic"): Node loads it instead.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "rate-limiter-flexible", "exceljs", "pg-boss", "nodemailer"],
  // Several instances behind one proxy run one build: the same id on every instance (and a new one
  // for each release) lets a browser holding pages of the previous release notice the new one and
  // load it whole instead of mixing the two. Read at build time, like
  // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (README, "Variables for several instances").
  deploymentId: process.env.LANDFALL_DEPLOYMENT_ID || undefined,
  poweredByHeader: false,
  // Gzip in the app cost 9 % of its CPU under the browser specs (a profile of the server: 6.1 of
  // 71 busy seconds in zlib over the screen, list and pipeline specs). Behind a proxy that
  // compresses (nginx `gzip on`), LANDFALL_COMPRESS=off leaves it to the proxy; read at start.
  compress: process.env.LANDFALL_COMPRESS !== "off",
  // The test command type-checks the whole project (tsc --noEmit) before it builds; it sets
  // LANDFALL_TYPECHECKED=1 only when that passed, so the build does not check the same files again.
  typescript: { ignoreBuildErrors: process.env.LANDFALL_TYPECHECKED === "1" },
  // Stage evidence (up to 10 MB, lib/evidence/limits.ts) is uploaded through a server action,
  // and every action request passes the proxy first.
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
    // Writing Turbopack's build cache took ~50 s of a two-core machine's build; a clean checkout
    // (CI, the demo) never reads it back.
    turbopackFileSystemCacheForBuild: false,
  },
  // On every response, pages, route handlers and static files alike. The per-request headers
  // (Content-Security-Policy with its nonce, Strict-Transport-Security) come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default withNextIntl(nextConfig);
