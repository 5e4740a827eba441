#!/usr/bin/env bash
# Runs the HTTP integration suite against live `lianxin serve` processes, one fresh server per test file.
#   tests/integration/run.sh [sqlite|postgres] [extra node --test arguments...]
# postgres wraps itself in scripts/pg (a throwaway PostgreSQL; each test file creates its own database).
# The binary is copied first, so that a rebuild during the run cannot pull it from under the servers.
# Exits non-zero when a test fails.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BACKEND=${1:-sqlite}
[ $# -gt 0 ] && shift
case "$BACKEND" in
  sqlite|postgres) ;;
  *) echo "usage: $0 [sqlite|postgres] [node --test args...]" >&2; exit 2 ;;
esac
if [ "$BACKEND" = postgres ] && [ -z "${LIANXIN_PG_ADMIN:-}" ]; then
  exec "$ROOT/scripts/pg" "$0" postgres "$@"
fi
BIN_SRC=${LIANXIN_BIN:-$ROOT/build/lianxin}
[ -x "$BIN_SRC" ] || { echo "run.sh: $BIN_SRC is missing; build it with: ninja -C $ROOT/build lianxin" >&2; exit 2; }
WORK=$(mktemp -d /tmp/lxint.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
cp "$BIN_SRC" "$WORK/lianxin"
export LIANXIN_BIN="$WORK/lianxin" LIANXIN_BACKEND="$BACKEND"
cd "$ROOT"
echo "integration suite: backend=$BACKEND binary=$BIN_SRC"
set +e
node --test --test-concurrency=1 --test-reporter=spec "$@" tests/integration/
rc=$?
set -e
echo "integration suite ($BACKEND): $([ $rc -eq 0 ] && echo PASSED || echo "FAILED (exit $rc)")"
exit $rc
