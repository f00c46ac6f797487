#!/usr/bin/env bash
# Background export benchmark (issue #12 item 8, ADR-016): on a register of N demo children (SQLite, kept between runs in
# /tmp/shouhu-bench-N: generation is idempotent), a city officer exports the whole city with Prefer: respond-async, RUNS
# times, each on a freshly started server (so its peak RSS is the export's). Prints Markdown rows for docs/performance.md.
# Usage: bench/background-export.sh [N=1000000] [RUNS=3]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}; runs=${2:-3}
dotnet build -c Release src/Shouhu.Web >/dev/null
dotnet build -c Release bench/Shouhu.Bench >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
export SHOUHU_ADMIN_PASSWORD='Bench#Admin2026' SHOUHU_DATA_DIR=/tmp/shouhu-bench-$n
dotnet "$dll" demo generate "$n" 2>&1 | grep -v EventId | tail -n 1
echo "| rows | answer (202) | ready | fetch | file | server peak RSS (before → after) | rows/s |"
echo "|---|---|---|---|---|---|---|"
for _ in $(seq "$runs"); do
  dotnet "$dll" --urls http://127.0.0.1:5097 >/tmp/shouhu-bench-export-server.log 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  until curl -sf http://127.0.0.1:5097/healthz >/dev/null; do sleep 0.3; done
  dotnet bench/Shouhu.Bench/bin/Release/net10.0/Shouhu.Bench.dll --mode background-export --url http://127.0.0.1:5097 \
    --admin-password "$SHOUHU_ADMIN_PASSWORD" --pid "$pid" | grep '^|'
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
