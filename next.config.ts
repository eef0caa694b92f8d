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
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  poweredByHeader: false,
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
