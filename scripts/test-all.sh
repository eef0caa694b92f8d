#!/usr/bin/env bash
# Installs everything and runs every test: lint and types, unit and integration tests on
# PGlite and on a PostgreSQL server, the production build, and Playwright in Chromium.
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
out=.ci/out
rm -rf "$out" && mkdir -p "$out"

step() { # name, command...: a step that is not a test runner counts as one test
  local name=$1; shift
  echo "::: $name"
  if "$@"; then echo "pass" > "$out/step-$name"; else echo "fail" > "$out/step-$name"; fi
}

npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM_PATH:-}" ]; then
  (apt-get update -qq && apt-get install -y -qq chromium) || echo "could not install chromium"
fi

# The server for the integration tests: DATABASE_URL, else the local one if it answers.
server_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
if node -e 'const s=require("postgres")(process.argv[1],{max:1,connect_timeout:3,onnotice(){}});s`select 1`.then(()=>s.end(),()=>process.exit(1))' "$server_url" 2>/dev/null; then
  have_server=1
else
  have_server=0
  if [ -n "${DATABASE_URL:-}" ] || [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL at $server_url does not answer" && echo "fail" > "$out/step-postgres-server"
  else
    echo "::: no PostgreSQL server at $server_url: server integration tests skipped (PGlite only)"
  fi
fi

step lint node_modules/.bin/eslint . --max-warnings 0
step typecheck node_modules/.bin/tsc --noEmit

# Production dependencies with a high or critical advisory fail unless README.md explains them.
# When the audit endpoint cannot be reached nothing is recorded: not run is not passed.
echo "::: npm audit --omit=dev --audit-level=high"
bash scripts/audit.sh
case $? in
  0) echo "pass" > "$out/step-npm-audit" ;;
  2) echo "::: npm audit NOT RUN (endpoint unreachable): no result recorded" ;;
  *) echo "fail" > "$out/step-npm-audit" ;;
esac

echo "::: vitest on PGlite"
TEST_DB=pglite node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest-pglite.json"
if [ "$have_server" = 1 ]; then
  echo "::: vitest on PostgreSQL server"
  TEST_DB=server DATABASE_URL="$server_url" node_modules/.bin/vitest run --reporter=default --reporter=json --outputFile.json="$out/vitest-server.json"
fi

step build node_modules/.bin/next build
if [ "$(cat "$out/step-build")" = pass ]; then
  echo "::: playwright ($([ -n "${DATABASE_URL:-}" ] && echo "server database" || echo PGlite))"
  PW_JSON_REPORT="$out/playwright.json" node_modules/.bin/playwright test
  # PostgreSQL killed under load and restarted (a cluster of its own on 5433, not the shared one).
  if [ "$have_server" = 1 ]; then
    step crash-test node scripts/crash-test.mjs
  fi
  # The benchmark at a tiny scale, as a check that it runs; its timings are not judged here.
  if [ "$have_server" = 1 ]; then
    step bench-smoke env DATABASE_URL="$server_url" npm run --silent bench -- --smoke
  fi
fi

node scripts/test-summary.mjs "$out"
