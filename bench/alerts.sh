#!/usr/bin/env bash
# Alert-engine benchmark (issue #5): on a register of N demo children, time POST /api/v1/alerts/run — the first full run
# (creates every alert), the next full runs (nothing to change: the steady state of the hourly schedule) and incremental
# runs for one child (what an assessment, a visit or a triage triggers). Prints the engine's own elapsed ms and the
# whole request's, medians over RUNS.
# Usage: bench/alerts.sh N sqlite [DATA_DIR]       bench/alerts.sh N postgres PORT
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?number of children}; provider=${2:-sqlite}; runs=${RUNS:-5}
dotnet build -c Release src/Shouhu.Web >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
export SHOUHU_ADMIN_PASSWORD='Bench#Admin2026' Alerts__IntervalMinutes=0
if [ "$provider" = postgres ]; then
  port=${3:?postgres port}; db="shouhu_bench_$n"
  psql -h 127.0.0.1 -p "$port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 || psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db"
  export Database__Provider=postgres ConnectionStrings__Shouhu="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
else
  export SHOUHU_DATA_DIR=${3:-/tmp/shouhu-bench-$n}
fi
dotnet "$dll" demo generate "$n" 2>&1 | { grep -v EventId || true; } | tail -n 1
# AGE_DAYS=60 makes the register that many days older (registration dates shifted back): a month after a baseline survey
# every child under protection is due a visit, so the first run creates an alert for each — the engine's heavy case.
if [ -n "${AGE_DAYS:-}" ]; then
  if [ "$provider" = postgres ]; then psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qc "UPDATE \"Children\" SET \"CreatedAt\" = \"CreatedAt\" - interval '$AGE_DAYS days'";
  else sqlite3 "$SHOUHU_DATA_DIR/shouhu.db" "UPDATE Children SET CreatedAt = strftime('%Y-%m-%d %H:%M:%f', CreatedAt, '-$AGE_DAYS days');"; fi
fi
dotnet "$dll" --urls http://127.0.0.1:5098 >/tmp/shouhu-alerts-bench.log 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:5098/healthz >/dev/null; do sleep 0.2; done
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$SHOUHU_ADMIN_PASSWORD\"}" http://127.0.0.1:5098/api/v1/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
run() { curl -sf -o /tmp/alerts-run.json -w '%{time_total}' -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:5098/api/v1/alerts/run$1"; echo " $(cat /tmp/alerts-run.json)"; }
echo "first full run:"; run ""
echo "further full runs:"; for i in $(seq "$runs"); do run ""; done
# A child with an open alert, read from the database (the administrator is not a reader of the register's alerts).
if [ "$provider" = postgres ]; then child=$(psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -tAc 'SELECT "ChildId" FROM "Alerts" WHERE "ChildId" IS NOT NULL AND "IsOpen" LIMIT 1');
else child=$(sqlite3 "$SHOUHU_DATA_DIR/shouhu.db" "SELECT lower(ChildId) FROM Alerts WHERE ChildId IS NOT NULL AND IsOpen LIMIT 1;"); fi
[ -n "$child" ] || { echo "no alert with a child to run incrementally"; exit 1; }
echo "incremental runs (one child):"; for i in $(seq "$runs"); do run "?childId=$child"; done
