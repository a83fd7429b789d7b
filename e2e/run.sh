#!/usr/bin/env bash
# End-to-end through a real client: starts the packaged bot on a free port with a scratch database,
# then drives it through the Microsoft 365 Agents Playground (headless) with scenario.mjs.
# Called by `./mvnw verify` (integration-test phase); run it by hand with: e2e/run.sh [path/to/jar]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1; then
  echo "playground-e2e: skipped, Node.js is not installed (install Node 20+ to run the end-to-end test)"
  exit 0
fi

jar=${1:-$(ls target/waymark-*.jar 2>/dev/null | grep -v -- '-original' | head -n 1 || true)}
[ -n "$jar" ] && [ -f "$jar" ] || { echo "e2e: no jar found; run ./mvnw package first" >&2; exit 2; }

work=$(mktemp -d -t waymark-e2e-XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

java -jar "$jar" --server.port="$port" --waymark.data-dir="$work/data" >"$work/bot.log" 2>&1 &
bot=$!
cleanup() {
  kill "$bot" 2>/dev/null || true
  wait "$bot" 2>/dev/null || true
}
trap cleanup EXIT

(cd e2e && { [ -d node_modules/@microsoft/m365agentsplayground ] || npm ci --no-audit --no-fund --loglevel=error; })

status=0
(cd e2e && BOT_ENDPOINT="http://127.0.0.1:$port/api/messages" BOT_WAIT_MS=120000 node playground-e2e.mjs) || status=$?
if [ "$status" -ne 0 ]; then
  echo "---- bot log (last 80 lines) ----"
  tail -n 80 "$work/bot.log"
fi
exit "$status"
