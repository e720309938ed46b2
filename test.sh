#!/usr/bin/env bash
# Runs every test (unit, PostgreSQL integration, browser) and ends with "N passed, N failed".
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Copy]
# Works as root (CI) or as a normal user with sudo, on Debian with the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 MSBUILDDISABLENODEREUSE=1

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
APT_UPDATED=""
apt_install() {
  [ -n "$APT_UPDATED" ] || { $SUDO apt-get update -qq; APT_UPDATED=1; }
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}
find_pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true; }

# 1. Tools from Debian: chromium for the browser tests, PostgreSQL for the integration tests.
[ -x /usr/bin/chromium ] || apt_install chromium
[ -n "$(find_pgbin)" ] || apt_install postgresql
PGBIN="$(find_pgbin)"; PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"

# 2. A throwaway PostgreSQL in a temp dir on a free port. PostgreSQL refuses to run as root,
#    so as root it runs as the postgres system user.
PGROOT="$(mktemp -d "${TMPDIR:-/tmp}/copytrader-pg.XXXXXX")"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "cd '$PGROOT' && $1"
  else (cd "$PGROOT" && sh -c "$1"); fi
}
cleanup() {   # silent, so the summary stays the last line
  if [ -f "$PGROOT/data/postmaster.pid" ]; then
    as_pg "'$PGBIN/pg_ctl' -D '$PGROOT/data' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP
[ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PGROOT"

PORT=""
for _ in $(seq 1 100); do   # a port nothing listens on (connection refused = free)
  p=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then PORT=$p; break; fi
done
[ -n "$PORT" ] || { echo "test.sh: no free port found for PostgreSQL" >&2; exit 1; }

as_pg "'$PGBIN/initdb' -D '$PGROOT/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync" >/dev/null
as_pg "'$PGBIN/pg_ctl' -D '$PGROOT/data' -l '$PGROOT/server.log' -w -t 30 -o \"-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGROOT -c fsync=off\" start" >/dev/null \
  || { echo "test.sh: PostgreSQL did not start:" >&2; cat "$PGROOT/server.log" >&2; exit 1; }
echo "test.sh: PostgreSQL $("$PGBIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PORT"

export COPYTRADER_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres"
export COPYTRADER_CHROMIUM=/usr/bin/chromium

# 3. The tests, one TRX file per test project.
RESULTS="$PWD/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test CopyTrader.sln -c Release --logger "trx;LogFileName=results.trx" \
  --results-directory "$RESULTS" "$@" || status=$?

# 4. Sum the <Counters> of every TRX file and print the closing line CI reads.
counter() {   # counter NAME FILE: an attribute of <Counters ...>, 0 when absent
  local v; v="$(sed -n "s/.*<Counters[^>]* $1=\"\([0-9]*\)\".*/\1/p" "$2" | head -n1)"; echo "${v:-0}"
}
total=0 passed=0 failed=0 skipped=0
mapfile -t trx < <(find "$RESULTS" -name '*.trx' 2>/dev/null | sort)
for f in "${trx[@]}"; do
  total=$((total + $(counter total "$f")))
  passed=$((passed + $(counter passed "$f")))
  failed=$((failed + $(counter failed "$f")))
  skipped=$((skipped + $(counter notExecuted "$f")))
done
if [ "${#trx[@]}" -eq 0 ] || [ "$total" -eq 0 ]; then
  echo "test.sh: no test results found (dotnet test exit code $status): build failure or no tests matched." >&2
  exit 1
fi
[ "$status" -eq 0 ] || echo "test.sh: dotnet test exited with code $status" >&2
summary="$passed passed, $failed failed"
[ "$skipped" -eq 0 ] || summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
