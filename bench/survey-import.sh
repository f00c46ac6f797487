#!/usr/bin/env bash
# Survey import benchmark (issue #12 "Performance"): a generated survey of N children (two family members each) through
# a running Shouhu on a fresh database — upload and dry run, then commit — and the same rows through the database's own
# bulk path. Prints one Markdown row for docs/performance.md ("Survey import").
# Usage: bench/survey-import.sh [N=100000] sqlite
#        bench/survey-import.sh [N=100000] postgres PORT      (a local PostgreSQL with trust auth for user postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; provider=${2:-sqlite}
dotnet build -c Release src/Shouhu.Web >/dev/null
dotnet build -c Release bench/Shouhu.Bench >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
bench=bench/Shouhu.Bench/bin/Release/net10.0/Shouhu.Bench.dll
file=/tmp/shouhu-survey-$n.xlsx
[ -f "$file" ] || dotnet "$bench" --mode survey-generate --file "$file" --children "$n"
export SHOUHU_ADMIN_PASSWORD='Bench#Admin2026'
dir=$(mktemp -d /tmp/shouhu-import-bench.XXXX)
export SHOUHU_DATA_DIR="$dir"
if [ "$provider" = postgres ]; then
  port=${3:?postgres port}
  db="shouhu_import_$(date +%s)"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db"
  export Database__Provider=postgres ConnectionStrings__Shouhu="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  raw="$ConnectionStrings__Shouhu"
else
  raw="Data Source=$dir/shouhu.db"
fi
start() {
  dotnet "$dll" --urls http://127.0.0.1:5098 >>"$dir/server.log" 2>&1 &
  pid=$!
  until curl -sf http://127.0.0.1:5098/healthz >/dev/null; do sleep 0.3; done
}
start                                   # first start: migrate, seed the regions, create the admin
kill "$pid"; wait "$pid" 2>/dev/null || true
dotnet "$bench" --mode survey-regions --provider "$provider" --db "$raw"
start
trap 'kill $pid 2>/dev/null || true' EXIT
dotnet "$bench" --mode survey-import --url http://127.0.0.1:5098 --admin-password "$SHOUHU_ADMIN_PASSWORD" --provider "$provider" --db "$raw" --file "$file" --pid "$pid"
