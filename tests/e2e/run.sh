#!/usr/bin/env bash
# Starts a fresh demo server (SQLite) on a free loopback port and runs the Playwright suite of
# web/tests/e2e against it in Debian's headless Chromium. Screenshots land in web/test-results/screens/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=$(mktemp -d /tmp/lxe2e.XXXXXX)
PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export LIANXIN_SECURITY_KEY_FILE=$DIR/lx.key
BIN=$ROOT/build/lianxin
"$BIN" --db "sqlite:$DIR/lx.db" --port "$PORT" demo --no-serve > "$DIR/demo.log"
LINK=$(grep -o 'http://[^ ]*#/setup?token=[A-Za-z0-9_-]*' "$DIR/demo.log" | head -1)
# residents' one-time codes go to the demo sink (the loop walk, loop.spec.ts, reads them on the page)
LIANXIN_OTP_SENDER=sink "$BIN" --db "sqlite:$DIR/lx.db" --port "$PORT" --static "$ROOT/web/dist" serve > "$DIR/server.log" 2>&1 &
PID=$!
cleanup() { kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
for _ in $(seq 1 100); do grep -q 'serving' "$DIR/server.log" && break; sleep 0.1; done
export LIANXIN_URL="http://localhost:$PORT" LIANXIN_SETUP_LINK="$LINK"
cd "$ROOT/web"
npx playwright test --reporter=list "$@"
