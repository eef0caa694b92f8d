#!/usr/bin/env bash
# Dependency audit of what the app ships: `npm audit --omit=dev --audit-level=high`.
# Exit 0: no high or critical finding, or each one is explained in README.md (its GHSA id
# appears there). Exit 1: an unexplained high or critical finding. Exit 2: the audit could not
# run (no network, or a registry mirror without the audit endpoint). That is NOT a pass:
# scripts/test/test-all.sh records no result for it and says so.
set -uo pipefail
cd "$(dirname "$0")/../.."

# With an argument: judge that saved `npm audit --json` report instead (scripts/test/audit.test.ts).
if [ $# -gt 0 ]; then
  report=$1
else
  report=$(mktemp)
  trap 'rm -f "$report"' EXIT
  npm audit --omit=dev --audit-level=high --json >"$report" 2>/dev/null
fi
node - "$report" <<'JS'
const fs = require("node:fs");
let r;
try {
  r = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
} catch {
  r = {};
}
if (!r.metadata?.vulnerabilities) {
  const why = r.message ?? r.error?.summary ?? "no audit report";
  console.log(`npm audit could not run (${why}). The dependency audit is NOT done; run it where the registry's audit endpoint answers.`);
  process.exit(2);
}
const readme = fs.readFileSync("README.md", "utf8");
const serious = new Map(); // advisory id -> description
for (const [name, v] of Object.entries(r.vulnerabilities ?? {})) {
  for (const via of v.via ?? []) {
    if (typeof via !== "object" || !["high", "critical"].includes(via.severity)) continue;
    const id = (via.url ?? "").split("/").pop() || `${name}-${via.source}`;
    serious.set(id, `${via.severity}: ${name} ${via.range ?? ""} — ${via.title ?? ""} (${via.url ?? "no url"})`);
  }
}
const counts = r.metadata.vulnerabilities;
console.log(`npm audit (production dependencies): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`);
const unexplained = [...serious].filter(([id]) => !readme.includes(id));
for (const [id, text] of serious) console.log(`${readme.includes(id) ? "explained in README" : "UNEXPLAINED"}  ${id}  ${text}`);
process.exit(unexplained.length ? 1 : 0);
JS
