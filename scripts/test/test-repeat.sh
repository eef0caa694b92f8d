#!/usr/bin/env bash
# Is the test command green every time? Clones the current commit afresh for each run, runs
# `npm run test:all` three times in a row, then once more while another process keeps one core
# fully busy, and prints one line per run: its wall time, the load average when it ended, and
# its closing "N passed, N failed" line. Exits 1 if any run failed. TESTING.md records results.
#
#   bash scripts/test/test-repeat.sh            # 3 plain runs + 1 loaded run
#   RUNS=1 LOADED=0 bash scripts/test/test-repeat.sh
#   KEEP_CHROMIUM=1 bash scripts/test/test-repeat.sh   # keep the installed browser between runs
#
# Like a fresh machine, each run starts without Debian's headless Chromium (removed, with the
# packages only it needed and apt's download cache), so its time includes installing it.
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
commit=$(git rev-parse --short HEAD)
runs=${RUNS:-3}
loaded=${LOADED:-1}
work=$(mktemp -d /tmp/landfall-repeat.XXXXXX)
results=()
status=0

one_run() { # label, busy(0|1)
  local label=$1 busy=$2 dir="$work/$1"
  git clone -q "$repo" "$dir"
  git -C "$dir" checkout -q "$commit"
  if [ "${KEEP_CHROMIUM:-0}" != 1 ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    apt-get purge -y -qq chromium-headless-shell chromium chromium-common >/dev/null 2>&1
    apt-get autoremove -y -qq --purge >/dev/null 2>&1
    apt-get clean
  fi
  local burner=""
  if [ "$busy" = 1 ]; then
    node -e 'for (;;) {}' &
    burner=$!
  fi
  local t=$(date +%s)
  (cd "$dir" && CI=true bash .ci/run >"$work/$label.log" 2>&1)
  local rc=$?
  local seconds=$(($(date +%s) - t))
  [ -n "$burner" ] && kill "$burner" 2>/dev/null
  local closing
  closing=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/$label.log" | tail -1)
  local line="$label: exit $rc, $((seconds / 60)) min $((seconds % 60)) s, load $(cut -d' ' -f1-3 /proc/loadavg), ${closing:-no closing line}"
  echo "$line"
  results+=("$line")
  [ "$rc" = 0 ] || status=1
  cp "$dir/.ci/out/times" "$work/$label.times" 2>/dev/null
  rm -rf "$dir"
}

echo "commit $commit, logs and step times in $work"
for i in $(seq 1 "$runs"); do one_run "run-$i" 0; done
[ "$loaded" = 1 ] && one_run "loaded" 1
echo
printf '%s\n' "${results[@]}"
exit $status
