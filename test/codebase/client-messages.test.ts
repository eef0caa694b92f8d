import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COMMON_NAMESPACES, SHELL_NAMESPACES } from "@/lib/i18n/pick-messages";
import { appSourceFiles, resolveAppImport, USE_CLIENT, USE_SERVER, valueImports } from "@/test/support/source-files";

/*
 * Each page sends the browser only the messages its client components use: the root layout gives
 * the shell's namespaces, and a page with client components of its own wraps them in
 * <ClientMessages namespaces={[…]}>. A namespace missing there shows its key instead of the text,
 * so this follows every page's imports to its client components and checks the page lists what
 * they ask for: useTranslations("a.b") needs "a" or "a.b"; useTranslations() (keys chosen at run
 * time) needs the namespaces its file names in a "Root keys:" comment.
 */

const NAMESPACED = /useTranslations\(\s*["']([^"']+)["']\s*\)/g;
const ROOT = /useTranslations\(\s*\)/;
const ROOT_KEYS = /Root keys:\s*([\w.]+(?:\s*,\s*[\w.]+)*)/;
const DECLARED = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g;

const source = (file: string) => readFileSync(file, "utf8");
const imports = (file: string) => valueImports(file).map((s) => resolveAppImport(file, s)).filter((f): f is string => f !== null);

/** The namespaces the client modules reachable from `entry` ask for, each with the file that asks. */
function clientNamespaces(entry: string) {
  const needs = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${file}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    const text = source(file);
    if (file !== entry && USE_SERVER.test(text)) return;
    const client = inClient || USE_CLIENT.test(text);
    if (client) {
      const at = path.relative(process.cwd(), file);
      for (const [, ns] of text.matchAll(NAMESPACED)) needs.set(ns!, at);
      if (ROOT.test(text)) {
        const listed = ROOT_KEYS.exec(text)?.[1];
        if (!listed) needs.set(`(useTranslations() without a "Root keys:" comment)`, at);
        for (const ns of listed?.split(",").map((s) => s.trim()).filter(Boolean) ?? []) needs.set(ns, at);
      }
    }
    for (const next of imports(file)) visit(next, client);
  };
  visit(entry, false);
  return needs;
}

const covered = (ns: string, declared: readonly string[]) => declared.some((d) => ns === d || ns.startsWith(`${d}.`));

function missing(file: string, declared: readonly string[]) {
  return [...clientNamespaces(file)].filter(([ns]) => !covered(ns, declared)).map(([ns, at]) => `${path.relative(process.cwd(), file)}: ${ns} (used in ${at})`);
}

const appFiles = appSourceFiles().filter((f) => f.startsWith(path.resolve("app")));
const pages = appFiles.filter((f) => path.basename(f) === "page.tsx");
const frames = appFiles.filter((f) => /^(layout|error|not-found|global-error|loading)\.tsx$/.test(path.basename(f)));

describe("the messages each page sends its client components", () => {
  it("finds the pages and their frames", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(frames.map((f) => path.relative(process.cwd(), f))).toContain("app/(app)/layout.tsx");
  });

  it("the shell's namespaces cover every layout and error page", () => {
    expect(frames.flatMap((f) => missing(f, SHELL_NAMESPACES))).toEqual([]);
  });

  it("every page lists the namespaces its client components use", () => {
    const problems = pages.flatMap((page) => {
      const declared = [...source(page).matchAll(DECLARED)].flatMap(([, list]) => [...list!.matchAll(/["']([^"']+)["']/g)].map(([, ns]) => ns!));
      // Below a page's <ClientMessages> only its own list and the common words exist: the
      // provider replaces the shell's messages rather than adding to them.
      return missing(page, declared.length > 0 ? [...COMMON_NAMESPACES, ...declared] : SHELL_NAMESPACES);
    });
    expect(problems).toEqual([]);
  });

  it("a page's list that misses a namespace is caught", () => {
    const page = path.resolve("app/(app)/pipeline/page.tsx");
    expect(missing(page, SHELL_NAMESPACES).some((p) => p.includes(": pipeline"))).toBe(true);
  });
});
