#!/usr/bin/env bash
# Time of importing all of China (665,276 NBS 2023 divisions) into a new database with the `regions import all` command.
# Usage: bench/regions-import.sh [runs] [port of a local PostgreSQL with trust auth for user postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
pgport=${2:-}
dotnet build -c Release src/Shouhu.Web >/dev/null
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
for i in $(seq "$runs"); do
  dir=$(mktemp -d)
  echo -n "sqlite run $i: "; SHOUHU_DATA_DIR="$dir" dotnet "$dll" regions import all
  rm -rf "$dir"
  if [ -n "$pgport" ]; then
    db="shouhu_bench_$RANDOM$RANDOM"
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE $db" >/dev/null
    echo -n "postgres run $i: "
    Database__Provider=postgres ConnectionStrings__Shouhu="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db" dotnet "$dll" regions import all 2>/dev/null | grep -v EventId
    psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE $db" >/dev/null
  fi
done
