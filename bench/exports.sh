#!/usr/bin/env bash
# Export benchmark (issue #12 item 8): 100,000 and 1,000,000 generated children rows through the streamed xlsx writer,
# RUNS runs each in a process of its own. Prints a Markdown table for docs/performance.md ("Exports").
# Usage: bench/exports.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
dotnet build -c Release bench/Shouhu.Bench >/dev/null
echo "| rows | median | p95 | runs (s) | managed heap after a run (max) | peak working set | peak RSS (VmHWM) | file |"
echo "|---|---|---|---|---|---|---|---|"
for n in 100000 1000000; do
  dotnet bench/Shouhu.Bench/bin/Release/net10.0/Shouhu.Bench.dll --mode export --rows "$n" --runs "$runs" | grep '^|'
done
