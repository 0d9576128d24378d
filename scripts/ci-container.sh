#!/usr/bin/env bash
# CI's container check without a Docker daemon: a scratch clone of the committed tree, the image's own
# build step (scripts/container.sh build: compile, prune to production dependencies), then its start
# step against the Slack emulator; /healthz and /metrics must answer, and SIGTERM must stop it cleanly.
# Reuses this checkout's node_modules (hard links) so the check takes well under two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
tmp=$(mktemp -d)
emulator_pid="" bot_pid=""
cleanup() {
  [ -n "$bot_pid" ] && kill -KILL "$bot_pid" 2>/dev/null || true
  [ -n "$emulator_pid" ] && kill -TERM "$emulator_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

git clone -q "$root" "$tmp/app"
cp -al "$root/node_modules" "$tmp/app/node_modules"
# npm rewrites this file when pruning: give the copy its own, so the checkout's is never touched.
rm -f "$tmp/app/node_modules/.package-lock.json" && cp "$root/node_modules/.package-lock.json" "$tmp/app/node_modules/"
(cd "$tmp/app" && scripts/container.sh build && scripts/container.sh layout "$tmp/image")
# From here on, only what the image holds (scripts/container.sh layout: no src/, no tests), as the image
# runs it (NODE_ENV=production, an npm cache of its own).
image=$tmp/image
run() { (cd "$image" && env -i PATH="$PATH" HOME="$tmp/home" NODE_ENV=production "$@"); }
# One-shot commands after the prune, both ways the README gives (npx re-runs the install scripts).
# (Output to a file, then grep: `… | grep -q` under pipefail fails when grep exits before the writer is done.)
run DATABASE_URL="file:$tmp/cli/papers.db" HF_REFRESH=off npx --no-install papers search moe --limit 1 > "$tmp/search.txt" 2>&1 || true
grep -q "Papers for" "$tmp/search.txt" || { echo "npx papers search did not answer:"; cat "$tmp/search.txt"; exit 1; }
run npm run --silent papers -- --version > "$tmp/version.txt"
grep -q "papers-bot" "$tmp/version.txt" || { echo "npm run papers -- --version did not answer:"; cat "$tmp/version.txt"; exit 1; }
# Without Slack or Discord a container has nothing to do: one sentence and exit 2, not a silent exit 0
# (which a restart policy turns into a loop).
status=0; run DATABASE_URL="file:$tmp/cli/papers.db" HF_REFRESH=off SLACK_BOT_TOKN=typo scripts/container.sh start < /dev/null > "$tmp/nochat.txt" 2>&1 || status=$?
[ "$status" -eq 2 ] && grep -q "SLACK_BOT_TOKN is set, which looks like a misspelt SLACK_BOT_TOKEN" "$tmp/nochat.txt" \
  || { echo "start without chat tokens exited $status:"; cat "$tmp/nochat.txt"; exit 1; }

node --import tsx tests/emulators/slack/serve.ts > "$tmp/emulator.json" &
emulator_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/emulator.json" ] && break; sleep 0.1; done
api_url=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).apiUrl' "$tmp/emulator.json")
token=$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).token' "$tmp/emulator.json")
port=$(node -e 'const s = require("net").createServer().listen(0, () => { console.log(s.address().port); s.close(); })')

# exec all the way down, so bot_pid is the bot itself and receives the SIGTERM below.
(cd "$image" && exec env -i PATH="$PATH" HOME="$tmp/home" NODE_ENV=production PORT="$port" DATABASE_URL="file:$tmp/data/papers.db" \
  HF_REFRESH=off SLACK_BOT_TOKEN="$token" SLACK_SIGNING_SECRET=ci-container-signing-secret SLACK_API_URL="$api_url" \
  scripts/container.sh start) > "$tmp/bot.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/healthz" > "$tmp/health.json" 2>/dev/null && break
  kill -0 "$bot_pid" 2>/dev/null || { echo "the bot exited:"; cat "$tmp/bot.log"; exit 1; }
  sleep 0.1
done
grep -q '"ok":true' "$tmp/health.json" || { echo "/healthz did not answer ok:"; cat "$tmp/health.json" "$tmp/bot.log"; exit 1; }
curl -fsS "http://127.0.0.1:$port/metrics" > "$tmp/metrics.txt" || { echo "/metrics did not answer"; exit 1; }
grep -q '^process_cpu_user_seconds_total' "$tmp/metrics.txt" || { echo "/metrics lacks the process metrics:"; head -20 "$tmp/metrics.txt"; exit 1; }
kill -TERM "$bot_pid"
status=0; wait "$bot_pid" || status=$?
bot_pid=""
[ "$status" -eq 0 ] || { echo "the bot exited $status after SIGTERM:"; cat "$tmp/bot.log"; exit 1; }
echo "container check: built, pruned, laid out as the image, one-shot commands answer, no-chat refused, started, /healthz ok, /metrics ok, stopped cleanly"
