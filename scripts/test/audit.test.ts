import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// How scripts/test/audit.sh judges `npm audit --json` reports: the three shapes npm writes.
const dir = mkdtempSync(path.join(tmpdir(), "landfall-audit-"));
function judge(report: unknown) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(report));
  const run = spawnSync("bash", ["scripts/test/audit.sh", file], { encoding: "utf8" });
  return { code: run.status, out: run.stdout };
}

const metadata = (high: number, critical = 0) => ({ vulnerabilities: { info: 0, low: 0, moderate: 0, high, critical, total: high + critical } });

describe("dependency audit", () => {
  it("an unreachable audit endpoint is not a pass", () => {
    const r = judge({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405 });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/could not run.*NOT done/);
  });

  it("passes with no high or critical finding", () => {
    expect(judge({ vulnerabilities: {}, metadata: metadata(0) }).code).toBe(0);
  });

  it("fails on a high finding the README does not explain", () => {
    const r = judge({
      vulnerabilities: {
        "some-lib": { name: "some-lib", severity: "high", via: [{ source: 1, name: "some-lib", title: "Prototype pollution", url: "https://github.com/advisories/GHSA-zzzz-zzzz-zzzz", severity: "high", range: "<2.0.0" }] },
      },
      metadata: metadata(1),
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain("UNEXPLAINED  GHSA-zzzz-zzzz-zzzz");
  });
});
