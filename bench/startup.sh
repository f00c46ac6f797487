#!/usr/bin/env bash
# Start-up time of Shouhu on the embedded SQLite database: from process start to the first 200 of /healthz.
# First start = create the database, migrate, seed Changde's 2,463 regions, create admin; second start = same data.
# Usage: bench/startup.sh [runs]   (builds Release first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build -c Release src/Shouhu.Web >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
port=5099
measure() { # data dir -> milliseconds
  local start end pid
  start=$(date +%s%N)
  SHOUHU_DATA_DIR="$1" SHOUHU_ADMIN_PASSWORD='Bench#2026pw' dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do sleep 0.02; done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
first=(); second=()
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  first+=("$(measure "$dir")")
  second+=("$(measure "$dir")")
  rm -rf "$dir"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "first start (new database): median $(median "${first[@]}") ms of ${first[*]}"
echo "second start (same data):   median $(median "${second[@]}") ms of ${second[*]}"
