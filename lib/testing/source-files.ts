import { readdirSync, readFileSync, statSync } from "node:fs";
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

/** A "use server" directive, possibly after comments. */
const USE_SERVER = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*["']use server["']/;

/** Every "use server" file of the app: the files whose exports are server actions. */
export function serverActionFiles(root = process.cwd()): string[] {
  return appSourceFiles(root).filter((f) => USE_SERVER.test(readFileSync(f, "utf8")));
}
