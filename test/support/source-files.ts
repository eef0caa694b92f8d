import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** Where app code lives: every server action, page and component is below one of these. */
const ROOTS = ["app", "lib", "components"];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Every TypeScript source file of the app, tests left out. */
export function appSourceFiles(root = process.cwd()): string[] {
  return ROOTS.flatMap((r) => walk(path.join(root, r)));
}

/** A "use client" directive, possibly after comments. */
export const USE_CLIENT = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use client["']/;

/** A "use server" directive, possibly after comments. */
export const USE_SERVER = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/;

/** Every "use server" file of the app: the files whose exports are server actions. */
export function serverActionFiles(root = process.cwd()): string[] {
  return appSourceFiles(root).filter((f) => USE_SERVER.test(readFileSync(f, "utf8")));
}

// Value imports and re-exports; `import type` and `export type` are erased before the browser sees them.
const VALUE_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

/** The app file an import specifier ("@/…" or relative) names, or null for a package. */
export function resolveAppImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.resolve(specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

/** The specifiers a file imports (or re-exports) as values, in order. */
export function valueImports(file: string): string[] {
  return [...readFileSync(file, "utf8").matchAll(VALUE_IMPORT)].map(([, specifier]) => specifier!);
}
