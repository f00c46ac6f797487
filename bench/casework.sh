#!/usr/bin/env bash
# Casework benchmark (issue #4): on a register of N demo children, record R reports through HTTP, triage most into cases,
# then time the triage queue, a case file and "my cases" through HTTP and on the database directly. Markdown table out.
# Usage: bench/casework.sh N R sqlite [DATA_DIR]
#        bench/casework.sh N R postgres PORT
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?number of children}; reports=${2:?number of reports}; provider=${3:-sqlite}
dotnet build -c Release src/Shouhu.Web >/dev/null
dotnet build -c Release bench/Shouhu.Bench >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
export SHOUHU_ADMIN_PASSWORD='Bench#Admin2026'
if [ "$provider" = postgres ]; then
  port=${4:?postgres port}
  db="shouhu_casework_$n"
  psql -h 127.0.0.1 -p "$port" -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='$db'" | grep -q 1 || psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db"
  export Database__Provider=postgres ConnectionStrings__Shouhu="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  raw="$ConnectionStrings__Shouhu"
else
  dir=${4:-/tmp/shouhu-casework-$n}
  export SHOUHU_DATA_DIR="$dir"
  raw="Data Source=$dir/shouhu.db;Mode=ReadOnly"
fi
dotnet "$dll" demo generate "$n" 2>&1 | grep -v EventId | tail -n 1
[ "$provider" = postgres ] && psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -qc "VACUUM ANALYZE" >/dev/null
[ "$provider" = sqlite ] && { command -v sqlite3 >/dev/null && sqlite3 "$dir/shouhu.db" "ANALYZE;" || true; }
dotnet "$dll" --urls http://127.0.0.1:5099 >/tmp/shouhu-bench-server.log 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:5099/healthz >/dev/null; do sleep 0.2; done
dotnet bench/Shouhu.Bench/bin/Release/net10.0/Shouhu.Bench.dll --url http://127.0.0.1:5099 --admin-password "$SHOUHU_ADMIN_PASSWORD" --provider "$provider" --db "$raw" --runs "${RUNS:-200}" --mode casework --reports "$reports"
