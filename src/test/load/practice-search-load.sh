#!/bin/sh
# Load test of the practice search over GraphQL on a running application (e.g. `java -jar target/opora.jar --demo`).
# Logs in with a demo login (printed at the demo's start), then runs wrk with practice-search.lua: each request is a
# full search page (20 hits with highlights, 7 facets, total), cycling through 24 teachers' queries.
#
#   OPORA_USER=teacher OPORA_PASSWORD=... src/test/load/practice-search-load.sh [base URL] [connections] [duration]
#
# Defaults: http://127.0.0.1:8080, 50 connections, 60s, 2 wrk threads. Prints wrk's summary and one line with
# req/s, p50/p90/p99 and the count of GraphQL errors (which answer 200 and would otherwise pass unseen).
# With OPORA_PIDS="<app pid> <elasticsearch server pid>" it also prints the CPU time those processes spent per
# request (from /proc/<pid>/stat): unlike latency, that figure holds when other work shares the machine, and
# 2 cores / (CPU per request) is the throughput the machine can give when the search has it to itself.
set -eu
BASE=${1:-http://127.0.0.1:8080}
CONNECTIONS=${2:-50}
DURATION=${3:-60s}
: "${OPORA_USER:?set OPORA_USER to a demo login (e.g. a teacher)}"
: "${OPORA_PASSWORD:?set OPORA_PASSWORD to its password}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
TOKEN=$(curl -sf -XPOST "$BASE/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$OPORA_USER\",\"password\":\"$OPORA_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
[ -n "$TOKEN" ] || { echo "login failed" >&2; exit 1; }
export TOKEN
# A short warm-up (JIT, caches) that is not measured.
wrk -t2 -c"$CONNECTIONS" -d10s --timeout 10s -s "$(dirname "$0")/practice-search.lua" "$BASE" >/dev/null
cpu_ticks() { # user + system clock ticks of the given processes
  total=0
  for pid in $OPORA_PIDS; do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
OPORA_PIDS=${OPORA_PIDS:-}
before=$(cpu_ticks)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s "$(dirname "$0")/practice-search.lua" "$BASE" | tee /tmp/opora-wrk.$$
if [ -n "$OPORA_PIDS" ]; then
  after=$(cpu_ticks)
  requests=$(sed -n 's/^requests \([0-9]*\) in.*/\1/p' /tmp/opora-wrk.$$)
  hz=$(getconf CLK_TCK)
  awk -v t=$((after - before)) -v n="$requests" -v hz="$hz" 'BEGIN { ms = t * 1000 / hz / n;
    printf "CPU per request (app + Elasticsearch): %.2f ms; 2 cores can serve about %.0f req/s\n", ms, 2000 / ms }'
fi
rm -f /tmp/opora-wrk.$$
