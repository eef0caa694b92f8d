// Sums the runners' JSON reports and the plain steps into the one line CI reads.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".ci/out";
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

for (const file of readdirSync(dir).sort()) {
  const full = path.join(dir, file);
  if (file.startsWith("step-")) {
    const ok = readFileSync(full, "utf8").trim() === "pass";
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? "ok  " : "FAIL"} ${file.slice(5)}`);
  } else if (file.startsWith("vitest-")) {
    const r = JSON.parse(readFileSync(full, "utf8"));
    // A file that fails to load has no tests in it; count it as a failure.
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    passed += r.numPassedTests;
    failed += r.numFailedTests + broken;
    skipped += r.numPendingTests + r.numTodoTests;
    lines.push(`vitest ${file.slice(7, -5)}: ${r.numPassedTests} passed, ${r.numFailedTests + broken} failed`);
  } else if (file === "playwright.json") {
    const { stats, errors } = JSON.parse(readFileSync(full, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (errors?.length ?? 0);
    skipped += stats.skipped;
    lines.push(`playwright: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${errors?.length ?? 0} errors`);
  }
}
if (existsSync(path.join(dir, "step-build")) && !existsSync(path.join(dir, "playwright.json"))) {
  const built = readFileSync(path.join(dir, "step-build"), "utf8").trim() === "pass";
  // Playwright did not report at all (it could not start): that is a failure, not zero tests.
  failed++;
  lines.push(`FAIL playwright${built ? " wrote no report" : " not run: the build failed"}`);
}
for (const vitest of ["vitest-pglite.json"]) {
  if (!existsSync(path.join(dir, vitest))) {
    failed++;
    lines.push(`FAIL ${vitest} missing: vitest did not run`);
  }
}

console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
