#!/usr/bin/env bash
# Runs every test of Shouhu on a fresh machine: unit tests, integration tests on SQLite and on a throwaway
# PostgreSQL cluster, and browser journeys in Debian's Chromium. Installs what is missing (Debian packages:
# postgresql, chromium, fonts-noto-cjk) — run as root or with sudo available.
# Usage: scripts/test.sh            (everything)
#        SKIP_BROWSER=1 scripts/test.sh
#        SHOUHU_TEST_PGPORT=55432 scripts/test.sh   (a fixed port for the cluster; default: a free one)
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
# Not grep -q: it exits at the first match, fc-list dies of SIGPIPE and pipefail took the fonts for missing (an apt run each time).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  # On a busy machine another apt may hold the dpkg lock: wait for it (up to 10 minutes) instead of failing.
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# --- 2. A throwaway PostgreSQL cluster on its own port ----------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
# A free port (a fixed one collides with another run on the same machine), unless SHOUHU_TEST_PGPORT names one.
PGPORT=${SHOUHU_TEST_PGPORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
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
if ! out=$("${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust -E UTF8 2>&1); then
  echo "initdb failed:"; echo "$out"; exit 1
fi
# The cluster's log is printed before the clean-up removes it: pg_ctl itself only says "Examine the log output".
if ! "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w \
  -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  echo "PostgreSQL did not start on port $PGPORT. Its log:"; cat "$PGDIR/log" 2>/dev/null || true; exit 1
fi
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
