#!/usr/bin/env bash
# Installs everything and runs every test: lint and types, unit and integration tests on
# PGlite and on a PostgreSQL server, the production build, Playwright in Chromium (on the
# server database when there is one, and the newcomer's journey on PGlite), the database crash
# test, the scale-out harness (two app instances behind nginx, a read replica) and the benchmark
# smoke. Prints the time of each step and the slowest tests, and ends
# with one line: "N passed, N failed". TESTING.md says where the time goes.
set -uo pipefail
cd "$(dirname "$0")/../.."
export NEXT_TELEMETRY_DISABLED=1
out=.ci/out
rm -rf "$out" && mkdir -p "$out"
started=$(date +%s)

# timed NAME COMMAND...: runs the command and records its wall-clock seconds in $out/times.
timed() {
  local name=$1; shift
  local t=$(date +%s)
  "$@"
  local rc=$?
  echo "$name $(($(date +%s) - t))" >>"$out/times"
  return $rc
}
# step NAME COMMAND...: a step that is not a test runner counts as one test.
step() {
  local name=$1; shift
  echo "::: $name"
  if timed "$name" "$@"; then echo "pass" >"$out/step-$name"; else echo "fail" >"$out/step-$name"; fi
}

# The browser tests use Debian's headless Chromium (chromium-headless-shell: the same engine
# without the desktop browser's shell, and lighter per page; the full chromium works too), and the
# scale-out harness nginx. What is missing is installed (one apt run) beside the npm install and
# the first test steps, and waited for before the browser tests.
apt_packages=
if [ -z "${CHROMIUM_PATH:-}" ]; then
  if [ -x /usr/bin/chromium-headless-shell ]; then
    export CHROMIUM_PATH=/usr/bin/chromium-headless-shell
  elif [ -x /usr/bin/chromium ]; then
    export CHROMIUM_PATH=/usr/bin/chromium
  else
    export CHROMIUM_PATH=/usr/bin/chromium-headless-shell
    apt_packages=chromium-headless-shell
  fi
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || apt_packages="$apt_packages nginx"
chromium_install_pid=
if [ -n "$apt_packages" ]; then
  echo "::: installing $apt_packages in the background"
  timed "install packages (background)" bash -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $apt_packages" \
    >"$out/apt.log" 2>&1 &
  chromium_install_pid=$!
fi

timed "npm ci" npm ci --no-audit --no-fund || { echo "0 passed, 1 failed"; exit 1; }

# The server for the integration and browser tests: DATABASE_URL, else the local one if it answers.
server_url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
if node -e 'const s=require("postgres")(process.argv[1],{max:1,connect_timeout:3,onnotice(){}});s`select 1`.then(()=>s.end(),()=>process.exit(1))' "$server_url" 2>/dev/null; then
  have_server=1
else
  have_server=0
  if [ -n "${DATABASE_URL:-}" ] || [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL at $server_url does not answer" && echo "fail" >"$out/step-postgres-server"
  else
    echo "::: no PostgreSQL server at $server_url: server tests skipped (PGlite only)"
  fi
fi

# Lint and the type check are single-threaded: run them side by side on the two cores.
echo "::: lint and typecheck"
lint_started=$(date +%s)
node_modules/.bin/eslint . --max-warnings 0 >"$out/lint.log" 2>&1 &
lint_pid=$!
step typecheck node_modules/.bin/tsc --noEmit
if wait $lint_pid; then echo "pass" >"$out/step-lint"; else echo "fail" >"$out/step-lint"; fi
cat "$out/lint.log"
echo "lint $(($(date +%s) - lint_started))" >>"$out/times"

# Production dependencies with a high or critical advisory fail unless README.md explains them.
# When the audit endpoint cannot be reached nothing is recorded: not run is not passed.
echo "::: npm audit --omit=dev --audit-level=high"
timed "npm audit" bash scripts/test/audit.sh
case $? in
  0) echo "pass" >"$out/step-npm-audit" ;;
  2) echo "::: npm audit NOT RUN (endpoint unreachable): no result recorded" ;;
  *) echo "fail" >"$out/step-npm-audit" ;;
esac

# The two vitest runs side by side: each leaves a core idle for a good part of its run (waiting
# on PostgreSQL, on creating databases, on PGlite's start), so together they take little more
# than the longer one alone. Each writes its own log, printed when both are done.
echo "::: vitest on PGlite and on the PostgreSQL server, side by side"
vitest_started=$(date +%s)
TEST_DB=pglite timed "vitest pglite" node_modules/.bin/vitest run --reporter=dot --reporter=json \
  --outputFile.json="$out/vitest-pglite.json" >"$out/vitest-pglite.log" 2>&1 &
vitest_pids=$!
if [ "$have_server" = 1 ]; then
  TEST_DB=server DATABASE_URL="$server_url" timed "vitest server" node_modules/.bin/vitest run --reporter=dot --reporter=json \
    --outputFile.json="$out/vitest-server.json" >"$out/vitest-server.log" 2>&1 &
  vitest_pids="$vitest_pids $!"
fi
wait $vitest_pids
echo "vitest, both $(($(date +%s) - vitest_started))" >>"$out/times"
echo "::: vitest on PGlite"; cat "$out/vitest-pglite.log"
[ "$have_server" = 1 ] && { echo "::: vitest on PostgreSQL server"; cat "$out/vitest-server.log"; }

# The build's own type check repeats the typecheck step's; skipped only when that passed.
typechecked=0
[ "$(cat "$out/step-typecheck")" = pass ] && typechecked=1
LANDFALL_TYPECHECKED=$typechecked step build node_modules/.bin/next build
if [ -n "$chromium_install_pid" ] && ! wait "$chromium_install_pid"; then
  cat "$out/apt.log"; echo "could not install $apt_packages"
fi
if [ "$(cat "$out/step-build")" = pass ]; then
  # The browser tests run on the server database when there is one: PGlite runs inside the
  # Next.js process and blocks its event loop on every query (TESTING.md has the measurements).
  # The newcomer's journey then runs once more on PGlite, the path `npm run demo` takes.
  if [ "$have_server" = 1 ]; then
    echo "::: playwright (server database)"
    DATABASE_URL="$server_url" PW_JSON_REPORT="$out/playwright.json" timed "playwright server" node_modules/.bin/playwright test
    echo "::: playwright: the newcomer's journey on PGlite"
    DATABASE_URL= PW_JSON_REPORT="$out/playwright-pglite.json" timed "playwright pglite" node_modules/.bin/playwright test e2e/newcomer.spec.ts --no-deps
  else
    echo "::: playwright (PGlite)"
    PW_JSON_REPORT="$out/playwright.json" timed "playwright pglite" node_modules/.bin/playwright test
  fi
  if [ "$have_server" = 1 ]; then
    # PostgreSQL killed under load and restarted (a cluster of its own on 5433, not the shared
    # one), then the scale-out harness (two app instances behind nginx, a primary and a streaming
    # replica on clusters of its own on 5440 and 5441), beside the benchmark at a tiny scale, as a
    # check that it runs (its timings are not judged here; the bare page is left to the full run):
    # the crash test and the harness mostly wait for clusters and processes to stop and start.
    echo "::: crash-test then scale-out, beside bench-smoke"
    { step crash-test node scripts/test/crash-test.mjs >"$out/crash-test.log" 2>&1
      step scale-out node --import tsx scripts/test/scale-out/run.mjs >"$out/scale-out.log" 2>&1; } &
    crash_pid=$!
    step bench-smoke env DATABASE_URL="$server_url" npm run --silent bench -- --smoke --seconds 1 --no-bare
    wait $crash_pid
    cat "$out/crash-test.log" "$out/scale-out.log"
  fi
fi

echo "total $(($(date +%s) - started))" >>"$out/times"
node scripts/test/test-summary.mjs "$out"
