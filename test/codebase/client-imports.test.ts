import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appSourceFiles, resolveAppImport, USE_CLIENT, USE_SERVER, valueImports } from "@/test/support/source-files";

// What the browser must never load: the validation library (about 30 kB gzip, and its eval probe
// trips the Content Security Policy), the ORM and the database drivers. Client components import
// the plain modules instead (db/enums.ts, lib/money.ts, lib/contacts/form.ts, …).
const FORBIDDEN = ["zod", "drizzle-orm", "postgres", "@electric-sql/pglite"];
// The one browser module that validates with the server's rules: the event page's participant
// list checks each pasted row as the enterprise form would, before anything is sent.
const VALIDATES_IN_BROWSER = "lib/events/participant-csv.ts";

/** The packages a client file reaches through its value imports, with the chain that leads there. */
function packagesReached(entry: string) {
  const reached: string[] = [];
  const seen = new Set<string>();
  const queue: { file: string; chain: string[] }[] = [{ file: entry, chain: [path.relative(process.cwd(), entry)] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    // A server action file reaches the browser as a reference only.
    if (file !== entry && USE_SERVER.test(text)) continue;
    for (const specifier of valueImports(file)) {
      const local = resolveAppImport(file, specifier);
      if (local) queue.push({ file: local, chain: [...chain, path.relative(process.cwd(), local)] });
      else if (FORBIDDEN.some((p) => specifier === p || specifier.startsWith(`${p}/`))) {
        if (specifier === "zod" && chain.includes(VALIDATES_IN_BROWSER)) continue;
        reached.push(`${chain.join(" → ")} → ${specifier}`);
      }
    }
  }
  return reached;
}

describe("what client components send to the browser", () => {
  const clientFiles = appSourceFiles().filter((f) => USE_CLIENT.test(readFileSync(f, "utf8")));

  it("finds the client components", () => {
    expect(clientFiles.length).toBeGreaterThan(30);
  });

  it("no client component reaches the validation library, the ORM or a database driver", () => {
    expect(clientFiles.flatMap(packagesReached)).toEqual([]);
  });
});
