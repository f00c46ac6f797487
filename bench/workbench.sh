#!/usr/bin/env bash
# Workbench benchmark (monitoring issue #5): on a register made by bench/alerts.sh (schedules reconciled by its full
# runs), time the due-visit list (first page) and the workbench counts for a county officer, a township supervisor and
# a village director — medians and p95 over RUNS requests — and, for SQLite, the raw count query the list runs.
# Usage: bench/workbench.sh sqlite DATA_DIR        bench/workbench.sh postgres PORT DB
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:?sqlite|postgres}; runs=${RUNS:-50}
dll=src/Shouhu.Web/bin/Release/net10.0/Shouhu.Web.dll
export SHOUHU_ADMIN_PASSWORD='Bench#Admin2026' Alerts__IntervalMinutes=0
if [ "$provider" = postgres ]; then
  port=${2:?port}; db=${3:?database}
  export Database__Provider=postgres ConnectionStrings__Shouhu="Host=127.0.0.1;Port=$port;Username=postgres;Database=$db"
  village=$(psql -h 127.0.0.1 -p "$port" -U postgres -d "$db" -tAc 'SELECT "RegionCode" FROM "Children" WHERE "RegionCode" LIKE '"'430702%'"' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
else
  export SHOUHU_DATA_DIR=${2:?data dir}
  village=$(sqlite3 "$SHOUHU_DATA_DIR/shouhu.db" "SELECT RegionCode FROM Children WHERE RegionCode LIKE '430702%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1;")
fi
dotnet "$dll" --urls http://127.0.0.1:5097 >/tmp/shouhu-workbench-bench.log 2>&1 &
pid=$!; trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:5097/healthz >/dev/null; do sleep 0.2; done
tok() { curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" http://127.0.0.1:5097/api/v1/auth/token | sed 's/.*"accessToken":"\([^"]*\)".*/\1/'; }
admin=$(tok admin "$SHOUHU_ADMIN_PASSWORD")
for spec in "wb-county:CivilAffairsOfficer:430702" "wb-township:ChildSupervisor:${village:0:9}" "wb-village:ChildDirector:$village"; do
  IFS=: read -r user role region <<<"$spec"
  curl -s -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$user\",\"password\":\"Bench#Worker2026\",\"displayName\":\"$user\",\"role\":\"$role\",\"jurisdictionCode\":\"$region\"}" http://127.0.0.1:5097/api/v1/users
done
echo "| who | request | total due | p50 ms | p95 ms |"; echo "|---|---|---|---|---|"
for user in wb-county wb-township wb-village; do
  t=$(tok "$user" 'Bench#Worker2026')
  total=$(curl -sf -H "Authorization: Bearer $t" "http://127.0.0.1:5097/api/v1/visits/due?pageSize=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
  for path in "/api/v1/visits/due" "/api/v1/workbench"; do
    for i in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $t" "http://127.0.0.1:5097$path"; done \
      | python3 -c "import sys,statistics as s; v=sorted(float(x)*1000 for x in sys.stdin); print(f'| $user | $path | $total | {s.median(v):.1f} | {v[int(len(v)*0.95)-1]:.1f} |')"
  done
done
if [ "$provider" = sqlite ]; then
  python3 - "$SHOUHU_DATA_DIR/shouhu.db" "$runs" <<'PY'
import sqlite3, sys, time, statistics, datetime
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
horizon = (datetime.datetime.utcnow() + datetime.timedelta(hours=8) + datetime.timedelta(days=7)).strftime("%Y-%m-%d")
q = ("SELECT count(*) FROM VisitSchedules s WHERE s.RegionCode >= '430702' AND s.RegionCode <= '430702~' AND s.NextDueOn <= ? "
     "AND EXISTS (SELECT 1 FROM ChildCategories k WHERE k.ChildId = s.ChildId AND k.Status NOT IN (3, 5))")
v = []
for _ in range(int(sys.argv[2])):
    t = time.perf_counter(); db.execute(q, (horizon,)).fetchone(); v.append((time.perf_counter() - t) * 1000)
v.sort(); print(f"| raw SQLite | county due count (the list's condition, simplified) | | {statistics.median(v):.1f} | {v[int(len(v)*0.95)-1]:.1f} |")
PY
fi
