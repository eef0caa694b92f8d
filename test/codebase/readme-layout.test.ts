import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's "How the code is laid out" block is the map a newcomer reads first. Every path it
// names must exist, and every folder of the upper levels of the tree must be on it: the top-level
// folders, the lib/ domains and the groups of scripts/ and test/.

const HEADING = "How the code is laid out";
/** Folders whose every subfolder the layout names, as well as the top-level folders. */
const LISTED_BELOW = ["lib", "scripts", "test"];

/** The code block of the layout section. */
function layoutBlock(): string {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${HEADING}\n`));
  if (!section) throw new Error(`README.md has no "## ${HEADING}" section`);
  const block = /^```\n([\s\S]*?)^```$/m.exec(section);
  if (!block) throw new Error(`README.md's "${HEADING}" section has no code block`);
  return block[1]!;
}

/**
 * Every path the block names, from the checkout's root: words with a slash as written, and bare
 * file names (demo.sh) in the folder that begins their line (or the line it continues).
 */
function namedPaths(block: string): string[] {
  const paths: string[] = [];
  let folder: string | null = null;
  for (const line of block.split("\n")) {
    const lead = /^(\S+)/.exec(line)?.[1];
    if (lead) folder = lead.endsWith("/") ? lead : null;
    for (const [, word] of line.matchAll(/(?<![\w./()-])(\.?[\w-]+\/[\w./()[\]-]*)/g)) paths.push(word!.replace(/[.,;:]+$/, ""));
    if (!folder) continue;
    for (const [, name] of line.matchAll(/(?<![\w./-])([\w-][\w.-]*\.(?:ts|tsx|mts|mjs|sh|json|md))(?![\w/])/g)) paths.push(`${folder}${name}`);
  }
  return [...new Set(paths)];
}

/** The checkout's files, tracked or new (not those git ignores). */
function checkoutFiles(): string[] {
  return execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f && existsSync(f));
}

describe("the README's layout section", () => {
  const named = namedPaths(layoutBlock());
  const mentions = (folder: string) => named.some((p) => p === `${folder}/` || p.startsWith(`${folder}/`));

  it("names only paths that exist", () => {
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((p) => !existsSync(p))).toEqual([]);
  });

  it("names every top-level folder, every lib/ domain and every group of scripts/ and test/", () => {
    const folders = new Set<string>();
    for (const file of checkoutFiles()) {
      const parts = file.split("/");
      if (parts.length < 2) continue;
      folders.add(parts[0]!);
      if (LISTED_BELOW.includes(parts[0]!) && parts.length > 2) folders.add(path.posix.join(parts[0]!, parts[1]!));
    }
    expect(folders.has("lib/enterprises")).toBe(true);
    expect([...folders].filter((f) => !mentions(f)).sort()).toEqual([]);
  });
});
