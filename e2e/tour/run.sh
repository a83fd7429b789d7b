#!/usr/bin/env bash
# The screenshot tour: starts the packaged bot on the demo data (scratch data folder, free ports), then walks every
# command of README's command table through the Agents Playground's web UI in headless Chromium, and writes
# target/tour/index.html with one picture per step. Not in the default `./mvnw verify`: `./mvnw -Ptour verify` runs it
# after the end-to-end test, `./mvnw -Ptour exec:exec@screenshot-tour` on the jar already built (as .ci/run does; skip
# with -Dskip.tour); by hand: e2e/tour/run.sh [path/to/jar]. See e2e/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

# A missing prerequisite skips the tour with one clear line, except in CI (CI=true), where it fails: a green CI run
# must have run it.
skip_or_fail() {
  if [ "${CI:-}" = "true" ]; then
    echo "tour: $1, and CI=true, so this fails rather than skips" >&2
    exit 1
  fi
  echo "tour: skipped, $1 (under CI=true this fails)"
  exit 0
}

command -v node >/dev/null 2>&1 || skip_or_fail "Node.js is not installed (install Node 20+)"
bash e2e/install-chromium.sh || skip_or_fail "Chromium is not at /usr/bin/chromium and could not be installed (as root: apt-get install chromium)"

jar=${1:-$(ls target/waymark-*.jar 2>/dev/null | grep -v -- '-original' | head -n 1 || true)}
[ -n "$jar" ] && [ -f "$jar" ] || { echo "tour: no jar found; run ./mvnw package first" >&2; exit 2; }

(cd e2e && { [ -d node_modules/playwright-core ] && [ -d node_modules/@microsoft/m365agentsplayground ] \
  || npm ci --no-audit --no-fund --loglevel=error; })

work=$(mktemp -d -t waymark-tour-XXXXXX)
bot=
cleanup() {
  [ -n "$bot" ] && kill "$bot" 2>/dev/null || true
  [ -n "$bot" ] && wait "$bot" 2>/dev/null || true
  bot=
}
trap cleanup EXIT

port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# The demo profile seeds the programme and makes the Playground's default user its coach. A 5-second tick (instead
# of 30) sends a check-in within seconds of its time, so the tour can show one arriving; nothing else is changed.
java -jar "$jar" --server.port="$port" --management.server.port=0 --waymark.data-dir="$work/data" \
  --spring.profiles.active=demo --waymark.schedule.tick-seconds=5 >"$work/bot.log" 2>&1 &
bot=$!

# Ready once the demo programme is there ("Seeded the demo programme ...", or "Demo programme already present"), not
# merely listening: the demo data is seeded after the port opens.
ready='[Dd]emo programme'
for _ in $(seq 1 300); do
  grep -q "$ready" "$work/bot.log" && break
  kill -0 "$bot" 2>/dev/null || { echo "tour: the bot stopped while starting" >&2; tail -n 40 "$work/bot.log"; exit 2; }
  sleep 1
done
grep -q "$ready" "$work/bot.log" || { echo "tour: the bot had not seeded the demo programme within 300 s" >&2; exit 2; }

status=0
# Node 20 has the WebSocket client only behind a flag (Node 22 has it on).
node_flags=$(node -e "process.stdout.write(typeof WebSocket === 'undefined' ? '--experimental-websocket' : '')")
BOT_ENDPOINT="http://127.0.0.1:$port/api/messages" node $node_flags e2e/tour/tour.mjs || status=$?
if [ "$status" -ne 0 ]; then
  echo "---- bot log (last 60 lines; all of it in $work/bot.log) ----"
  tail -n 60 "$work/bot.log"
  trap - EXIT
  cleanup
  exit "$status"
fi
cleanup
rm -rf "$work"
