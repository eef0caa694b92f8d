// Sums the runners' JSON reports and the plain steps into the one line CI reads, after the
// time of each step and the slowest tests of every runner.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? ".ci/out";
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
const tests = []; // { runner, name, ms }
const failures = []; // "runner  name: first line of the error"
const firstLine = (text) => String(text ?? "").replace(/\x1b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim()).find(Boolean)?.slice(0, 240) ?? "";

for (const file of readdirSync(dir).sort()) {
  const full = path.join(dir, file);
  if (file.startsWith("step-")) {
    const ok = readFileSync(full, "utf8").trim() === "pass";
    if (ok) passed++;
    else failed++;
    lines.push(`${ok ? "ok  " : "FAIL"} ${file.slice(5)}`);
  } else if (file.startsWith("vitest-") && file.endsWith(".json")) {
    const r = JSON.parse(readFileSync(full, "utf8"));
    // A file that fails to load has no tests in it; count it as a failure.
    const broken = r.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
    passed += r.numPassedTests;
    failed += r.numFailedTests + broken;
    skipped += r.numPendingTests + r.numTodoTests;
    lines.push(`vitest ${file.slice(7, -5)}: ${r.numPassedTests} passed, ${r.numFailedTests + broken} failed`);
    for (const f of r.testResults) {
      const rel = path.relative(process.cwd(), f.name);
      if (f.status === "failed" && f.assertionResults.length === 0) failures.push(`${file.slice(0, -5)}  ${rel}: ${firstLine(f.message)}`);
      for (const a of f.assertionResults) {
        tests.push({ runner: file.slice(0, -5), name: `${rel} › ${a.fullName ?? a.title}`, ms: a.duration ?? 0 });
        if (a.status === "failed") failures.push(`${file.slice(0, -5)}  ${rel} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
      }
    }
  } else if (file.startsWith("playwright") && file.endsWith(".json")) {
    const report = JSON.parse(readFileSync(full, "utf8"));
    const { stats, errors } = report;
    for (const e of errors ?? []) failures.push(`${file.slice(0, -5)}  ${firstLine(e.message)}`);
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected + (errors?.length ?? 0);
    skipped += stats.skipped;
    lines.push(`${file.slice(0, -5)}: ${stats.expected + stats.flaky} passed, ${stats.unexpected} failed, ${errors?.length ?? 0} errors`);
    const walk = (suite, file) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          const ms = (t.results ?? []).reduce((sum, r) => sum + (r.duration ?? 0), 0);
          tests.push({ runner: file.slice(0, -5), name: `${spec.file} › ${spec.title}`, ms });
          if (t.status === "unexpected") {
            const last = (t.results ?? []).at(-1);
            failures.push(`${file.slice(0, -5)}  ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(last?.error?.message ?? last?.status)}`);
          }
        }
      }
      for (const child of suite.suites ?? []) walk(child, file);
    };
    for (const suite of report.suites ?? []) walk(suite, file);
  }
}
if (existsSync(path.join(dir, "step-build")) && !existsSync(path.join(dir, "playwright.json"))) {
  const built = readFileSync(path.join(dir, "step-build"), "utf8").trim() === "pass";
  // Playwright did not report at all (it could not start): that is a failure, not zero tests.
  failed++;
  lines.push(`FAIL playwright${built ? " wrote no report" : " not run: the build failed"}`);
}
// With a server the journey on PGlite runs as a second Playwright pass: it must have reported too.
if (existsSync(path.join(dir, "vitest-server.json")) && existsSync(path.join(dir, "playwright.json")) && !existsSync(path.join(dir, "playwright-pglite.json"))) {
  failed++;
  lines.push("FAIL playwright-pglite wrote no report: the newcomer's journey on PGlite did not run");
}
for (const vitest of ["vitest-pglite.json"]) {
  if (!existsSync(path.join(dir, vitest))) {
    failed++;
    lines.push(`FAIL ${vitest} missing: vitest did not run`);
  }
}

if (existsSync(path.join(dir, "times"))) {
  console.log("\nTime of each step (s):");
  for (const line of readFileSync(path.join(dir, "times"), "utf8").trim().split("\n")) {
    const at = line.lastIndexOf(" ");
    console.log(`  ${line.slice(0, at).padEnd(20)} ${line.slice(at + 1).padStart(5)}`);
  }
}
if (tests.length) {
  console.log("\nSlowest 20 tests (s):");
  for (const t of tests.sort((a, b) => b.ms - a.ms).slice(0, 20)) console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)}  ${t.runner}  ${t.name}`);
  console.log("");
}
if (failures.length) console.log(`Failed:\n${failures.map((f) => `  ${f}`).join("\n")}\n`);
console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
