#!/usr/bin/env bash
# Runs every test of Shouhu on a fresh machine: unit tests, integration tests on SQLite and on a throwaway
# PostgreSQL cluster, and browser journeys in Debian's Chromium. Installs what is missing (Debian packages:
# postgresql, chromium, fonts-noto-cjk) — run as root or with sudo available.
# Usage: scripts/test.sh            (everything)
#        SKIP_BROWSER=1 scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"

# --- 1. What the machine needs -------------------------------------------------------------------------
need=()
command -v dotnet >/dev/null || { echo "dotnet SDK 10 is required (see global.json)"; exit 2; }
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. A throwaway PostgreSQL cluster on its own port ----------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGPORT=${SHOUHU_TEST_PGPORT:-55432}
PGDIR=$(mktemp -d /tmp/shouhu-pg.XXXXXX)
RUNAS=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$PGDIR"
  RUNAS=(runuser -u postgres --)
fi
cleanup() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export SHOUHU_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

# --- 3. Build once, restoring exactly what the lock files say -------------------------------------------
dotnet tool restore >/dev/null
if ! out=$(dotnet restore Shouhu.slnx --locked-mode 2>&1); then echo "$out"; exit 1; fi
if ! out=$(dotnet build Shouhu.slnx --no-restore -c Release -warnaserror 2>&1); then echo "$out" | grep -E "error|warn" | sort -u; exit 1; fi
echo "Build succeeded."

# --- 4. The suites -------------------------------------------------------------------------------------
status=0
run() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  echo; echo "=== $name"
  if ! env "$@" dotnet test --project "$project" --no-build -c Release --results-directory "$RESULTS/$name" --report-xunit-trx --report-xunit-trx-filename "$name.trx"; then
    status=1
  fi
}
run unit tests/Shouhu.UnitTests
run integration-sqlite tests/Shouhu.IntegrationTests SHOUHU_TEST_POSTGRES=
run integration-postgres tests/Shouhu.IntegrationTests SHOUHU_TEST_POSTGRES="$SHOUHU_PG"
if [ -z "${SKIP_BROWSER:-}" ]; then
  run browser tests/Shouhu.BrowserTests SHOUHU_TEST_POSTGRES=
fi

# --- 5. One closing line over every suite ---------------------------------------------------------------
python3 - "$RESULTS" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
    for r in ET.parse(f).getroot().iter("{*}UnitTestResult"):
        if r.get("outcome") == "Failed":
            msg = r.find(".//{*}Message")
            text = (msg.text or "").strip().splitlines()[:6] if msg is not None else []
            print(f"\nFAILED {r.get('testName')} ({f.split('/')[-1]})")
            for line in text: print("    " + line[:300])
print(f"\nTotal: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
