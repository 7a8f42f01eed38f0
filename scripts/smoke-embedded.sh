#!/usr/bin/env bash
# Starts the server on the embedded PostgreSQL with a fresh data dir, signs in as the
# demo user, asks `me`, restarts once (nothing re-seeded or lost), and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR="$(mktemp -d /tmp/synclane-smoke-XXXXXX)"
chmod 755 "$DATA_DIR"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export DATA_DIR PORT HOST=127.0.0.1 SYNC_CRON=off LOG_LEVEL=warn
unset DATABASE_URL REDIS_URL
LOG="$DATA_DIR/server.log"

# The server itself (node with the tsx loader), not pnpm or the tsx CLI around it: those
# wrappers left the real server running after they were stopped.
start() {
  (cd packages/server && exec node --import "$PWD/../../node_modules/tsx/dist/loader.mjs" src/main.ts) >>"$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && return 0
    kill -0 "$PID" 2>/dev/null || { echo "smoke: server exited"; tail -50 "$LOG"; exit 1; }
    sleep 1
  done
  echo "smoke: server not ready in 120 s"; tail -50 "$LOG"; exit 1
}
stop() {
  kill -TERM "$PID" 2>/dev/null || true
  for _ in $(seq 1 30); do
    if ! kill -0 "$PID" 2>/dev/null; then
      # Nothing may keep listening after the server stopped.
      if curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then echo "smoke: something still answers on $PORT"; exit 1; fi
      return 0
    fi
    sleep 0.5
  done
  echo "smoke: server did not stop within 15 s"; kill -KILL "$PID" 2>/dev/null; exit 1
}
me() {
  local token
  token="$(curl -sf -XPOST "http://127.0.0.1:$PORT/auth/demo-token" -H 'content-type: application/json' -d '{"email":"demo@synclane.dev"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')"
  curl -sf "http://127.0.0.1:$PORT/graphql" -H "authorization: Bearer $token" -H 'content-type: application/json' \
    -d '{"query":"{ me { id email } }"}'
}

start
ANSWER="$(me)"
echo "smoke: me -> $ANSWER"
echo "$ANSWER" | grep -q '"email":"demo@synclane.dev"' || { echo "smoke: unexpected answer"; exit 1; }
stop
start
echo "smoke: after restart -> $(me)"
stop
rm -rf "$DATA_DIR"
echo "Smoke: 1 passed, 0 failed"
