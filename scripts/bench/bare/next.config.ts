// The framework's floor for the benchmark: the smallest Next.js app that does what a list page
// does (reads a cookie, one query, a table). The benchmark builds a copy of this folder outside the
// repository (scripts/bench/bare-app.ts says why) whose node_modules is a link to the repository's, so
// it runs the same next, react and postgres.
import { realpathSync } from "node:fs";
import path from "node:path";
import type { NextConfig } from "next";

/** The deepest folder holding both the project and the packages its node_modules link points to. */
function commonRoot(project: string): string {
  const packages = realpathSync(path.join(project, "node_modules"));
  let root = project;
  while (path.relative(root, packages).startsWith("..")) root = path.dirname(root);
  return root;
}

const root = commonRoot(process.cwd());

const nextConfig: NextConfig = {
  // As in Landfall: the driver is loaded from node_modules, not bundled.
  serverExternalPackages: ["postgres"],
  poweredByHeader: false,
  // The packages live outside the project folder: Turbopack and the file tracing must see them.
  turbopack: { root },
  outputFileTracingRoot: root,
  // The repository's type check (tsc --noEmit) covers these files already.
  typescript: { ignoreBuildErrors: true },
  experimental: { turbopackFileSystemCacheForBuild: false },
};

export default nextConfig;
