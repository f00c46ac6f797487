#!/usr/bin/env bash
# Survey reading benchmark (issue #12): generate a survey of N children (two family members each) as an xlsx, then read
# it RUNS times (default 5), each in a fresh process: open, map the columns, validate every row with the register's
# rules. Prints each run and the median and p95 of the time, and the peak RSS (VmHWM) of each run.
# Usage: bench/survey-read.sh [N=100000] [RUNS=5]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}; runs=${2:-5}
dotnet build -c Release bench/Shouhu.Bench >/dev/null
dll=bench/Shouhu.Bench/bin/Release/net10.0/Shouhu.Bench.dll
file=/tmp/shouhu-survey-$n.xlsx
[ -f "$file" ] || dotnet "$dll" --mode survey-generate --file "$file" --children "$n"
ls -l "$file"
for i in $(seq 1 "$runs"); do dotnet "$dll" --mode survey-read --file "$file"; done | tee /tmp/shouhu-survey-read.txt
python3 - <<'PY'
import re, statistics
runs = [dict(re.findall(r"(\w+)=([\d.]+)", l)) for l in open("/tmp/shouhu-survey-read.txt")]
t = sorted(float(r["seconds"]) for r in runs)
p95 = t[min(len(t) - 1, round(0.95 * (len(t) - 1)))]
print(f"time: median {statistics.median(t):.2f} s, p95 {p95:.2f} s; peak RSS (VmHWM): {', '.join(r['peakMiB'] for r in runs)} MiB")
PY
