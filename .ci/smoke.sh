#!/usr/bin/env bash
# Smoke test of a built, production-only install: start `node dist/src/server.js`, submit a memo with
# curl (no JavaScript), wait for the demo evaluator's result, check the probes, stop with SIGTERM.
# Usage: .ci/smoke.sh NODE_BINARY APP_DIR
set -euo pipefail
node_bin=$1
app_dir=$2
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
base="http://127.0.0.1:$port"
jar="$data/cookies"
log="$data/server.log"

cd "$app_dir"
NODE_ENV=production PORT=$port HOST=127.0.0.1 DATA_DIR="$data" PUBLIC_ORIGIN="$base" ADMIN_PASSWORD=smoke-test-password METRICS_TOKEN=smoke-metrics-token \
  "$node_bin" dist/src/server.js >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; cat "$log" | tail -20' ERR

for _ in $(seq 1 100); do curl -fs "$base/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
echo "smoke: /healthz $(curl -fs "$base/healthz")"

location=$(curl -fs -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -H "Origin: $base" \
  --data-urlencode "text=I recommend we approve \$40,000 for a pilot by Friday. It saves 300 hours a quarter; the main risk is vendor delay." \
  "$base/submissions")
echo "smoke: submitted, redirected to $location"
for _ in $(seq 1 60); do
  page=$(curl -fs -b "$jar" "$location")
  if grep -q 'overall-number' <<<"$page"; then break; fi
  sleep 0.5
done
grep -q 'overall-number' <<<"$page" || { echo "smoke: no result page"; exit 1; }
echo "smoke: result page shows overall $(grep -o 'overall-number">[0-9.]*' <<<"$page" | cut -d'>' -f2)"
curl -fs "$base/health" | grep -q '"status":"ok"' && echo "smoke: /health ok"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")" = 401 ] || { echo "smoke: /metrics open without a token in production"; exit 1; }
echo "smoke: /metrics closed without the token (production)"
curl -fs -H 'Authorization: Bearer smoke-metrics-token' "$base/metrics" | grep -q 'memoai_evaluations_total' && echo "smoke: /metrics ok with the token"

kill -TERM $pid
wait $pid
echo "smoke: stopped cleanly (exit $?)"
grep -q 'shutdown complete' "$log"
rm -rf "$data"
