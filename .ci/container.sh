#!/usr/bin/env bash
# Container test: the README's deployment steps, word for word, with podman. Builds the image from the
# project's Dockerfile and runs compose.yaml (both unchanged) from a fresh copy of the committed tree;
# the README blocks marked `<!-- ci: NAME -->` are extracted and run as written, with `docker compose`
# mapped to podman-compose. Between steps, checks through Caddy over HTTPS. Every request goes to
# 127.0.0.1; every loop is bounded in count and time. Prints the time each part took.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
t0=$(date +%s)
lap_start=$t0
timings=()
lap() { local now; now=$(date +%s); timings+=("$(printf '%-38s %4d s' "$1" $((now - lap_start)))"); lap_start=$now; }
fail() { echo "container: FAILED: $*" >&2; exit 1; }

bash "$repo/.ci/container-setup.sh"
lap "podman and base images"

# --- the operator's folder: the committed tree, named like the repository (compose's project name) ---
scratch=$(mktemp -d)
work="$scratch/memo-ai-coach"
mkdir -p "$work"
git -C "$repo" archive HEAD | tar -x -C "$work"
app=memo-ai-coach_app_1
caddy=memo-ai-coach_caddy_1

# `docker compose` as the README writes it runs podman-compose here (docs/decisions/007-…). Podman
# builds in OCI format unless told otherwise, which would drop the Dockerfile's HEALTHCHECK.
docker() {
  [ "$1" = compose ] || fail "only 'docker compose' is mapped in CI, not 'docker $1'"
  shift
  podman-compose "$@"
}
export BUILDAH_FORMAT=docker

cleanup() {
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "--- app log (last 40 lines)"; podman logs --tail 40 "$app" 2>&1 || true
    echo "--- caddy log (last 10 lines)"; podman logs --tail 10 "$caddy" 2>&1 || true
  fi
  (cd "$work" && podman-compose down -v >/dev/null 2>&1) || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# The README's block NAME (the fenced sh block after `<!-- ci: NAME -->`), indentation removed.
readme_block() {
  awk -v tag="<!-- ci: $1 -->" '
    { line = $0; sub(/^[ \t]+/, "", line) }
    found == 0 && line == tag { found = 1; next }
    found == 1 && line ~ /^```sh/ { found = 2; indent = index($0, "`") - 1; next }
    found == 2 && line ~ /^```/ { exit }
    found == 2 { print substr($0, indent + 1) }
  ' "$work/README.md"
}

# (Output is captured before grep -q reads it: with pipefail, grep -q closing a pipe early fails the writer.)
# Runs README block NAME as written, in the operator's folder; its output is left in $step_out.
# podman-compose 1.0.3 exits 0 even when the command it ran failed, printing "exit code: N".
step_out=
run_step() {
  local code
  code=$(readme_block "$1")
  [ -n "$code" ] || fail "README.md has no block ci: $1"
  echo "== README ($1):"
  sed 's/^/   $ /' <<<"$code"
  # As in an operator's shell: a pipeline's status is its last command's (no pipefail).
  step_out=$(cd "$work" && set +o pipefail && eval "$code" 2>&1) || { tail -30 <<<"$step_out"; fail "step $1"; }
  if grep -q '^exit code: [1-9]' <<<"$step_out"; then tail -30 <<<"$step_out"; fail "step $1"; fi
}

# The image's own HEALTHCHECK, run by hand: podman's health-check timers need systemd, absent here.
wait_healthy() {
  for _ in $(seq 1 90); do
    podman healthcheck run "$app" >/dev/null 2>&1 && return 0
    sleep 1
  done
  fail "the app did not become healthy within 90 s"
}

base=https://localhost
ca="$scratch/caddy-root.crt"
jar="$scratch/cookies"
get() { curl -sS --max-time 20 --resolve localhost:443:127.0.0.1 --cacert "$ca" "$@"; }
post() { get -H "Origin: $base" "$@"; }
memo="I recommend we approve \$40,000 for a pilot by Friday. It saves 300 hours a quarter; the main risk is vendor delay."

# Posts a memo with cookie jar $1; prints the evaluation's path.
submit() { post -o /dev/null -w '%{redirect_url}' -b "$1" -c "$1" --data-urlencode "text=$memo" "$base/submissions" | sed "s|^$base||"; }
# Waits (at most 60 s) until evaluation page $2 (cookie jar $1) shows a result.
wait_result() {
  for _ in $(seq 1 120); do
    grep -q 'overall-number' <<<"$(get -b "$1" "$base$2")" && return 0
    sleep 0.5
  done
  return 1
}

# --- 1. configure and start, as the README says -------------------------------------------------
# `up` builds the image only when it is missing: remove one left by an earlier run, so this Dockerfile is tested.
podman rmi -f memo-ai-coach:latest >/dev/null 2>&1 || true
run_step configure
run_step start
lap "build image + compose up"
wait_healthy
lap "app healthy"
echo "   image: $(podman image inspect memo-ai-coach:latest --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1000000}')" \
  "(base $(podman image inspect node:24-bookworm-slim --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1000000}'))"
[ "$(podman inspect "$app" --format '{{.Config.Healthcheck.Test}}')" != "[]" ] || fail "the image lost its HEALTHCHECK"
uid=$(podman exec "$app" id -u)
[ "$uid" != 0 ] || fail "the app runs as root"
echo "   app runs as uid $uid ($(podman exec "$app" id -un))"

# Caddy's local CA for localhost: the client trusts it explicitly instead of skipping verification.
for _ in $(seq 1 60); do podman exec "$caddy" cat /data/caddy/pki/authorities/local/root.crt >"$ca" 2>/dev/null && break; sleep 0.5; done
[ -s "$ca" ] || fail "Caddy's local CA did not appear"

# --- 2. through Caddy over HTTPS ------------------------------------------------------------------
for _ in $(seq 1 40); do [ "$(get -o /dev/null -w '%{http_code}' "$base/" || true)" = 200 ] && break; sleep 0.5; done
grep -q 'action="/submissions"' <<<"$(get "$base/")" || fail "GET / did not show the memo form"
echo "   GET / 200 over HTTPS (certificate from Caddy's local CA)"
first=$(submit "$jar")
[[ "$first" =~ ^/evaluations/[0-9]+$ ]] || fail "POST /submissions did not redirect to an evaluation ($first)"
wait_result "$jar" "$first" || fail "no result for $first within 60 s"
echo "   memo evaluated: $first, overall $(get -b "$jar" "$base$first" | grep -o 'overall-number">[0-9.]*' | cut -d'>' -f2)"
health=$(get "$base/health")
grep -q '"status":"ok"' <<<"$health" && grep -q '"disk":"ok"' <<<"$health" || fail "/health: $health"
echo "   /health: $health"
[ "$(get -o /dev/null -w '%{http_code}' "$base/metrics")" = 404 ] || fail "/metrics is reachable without a token"
[ "$(get -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer wrong' "$base/metrics")" = 401 ] || fail "/metrics accepted a wrong token"
echo "   /metrics: 404 without a token (Caddy), 401 with a wrong one (app, NODE_ENV=production)"
head -c 204800 /dev/zero | tr '\0' a >"$scratch/big.txt"
for i in 1 2 3 4 5; do
  code=$(post -o "$scratch/413.html" -w '%{http_code}' --data-urlencode "text@$scratch/big.txt" "$base/submissions")
  [ "$code" = 413 ] && grep -q 'Too much text' "$scratch/413.html" || fail "200 KiB post $i answered $code"
done
echo "   200 KiB post: the 413 page, 5 times out of 5"

run_step first-admin
password=$(grep -o 'password: [^ ]*' <<<"$step_out" | head -1 | cut -d' ' -f2)
[ -n "$password" ] || fail "no generated admin password in the log"
admin="$scratch/admin-cookies"
location=$(post -o /dev/null -w '%{redirect_url}' -b "$admin" -c "$admin" --data-urlencode username=admin --data-urlencode "password=$password" "$base/login")
[ "$location" = "$base/account/password" ] || fail "admin login went to '$location'"
new_password="ci-admin-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
post -o /dev/null -b "$admin" -c "$admin" --data-urlencode "current=$password" --data-urlencode "password=$new_password" --data-urlencode "confirm=$new_password" "$base/account/password"
grep -q '<h1>System</h1>' <<<"$(get -b "$admin" "$base/admin/system")" || fail "the admin could not open /admin/system"
echo "   admin signed in with the generated password, changed it, opened /admin/system"
# Behind Caddy the app must see the client's address (X-Forwarded-For from a trusted proxy), not Caddy's.
caddy_ip=$(podman inspect "$caddy" --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')
sessions=$(get -b "$admin" "$base/admin/sessions")
[ -n "$caddy_ip" ] && ! grep -qF ">$caddy_ip<" <<<"$sessions" || fail "sessions are recorded under Caddy's address $caddy_ip"
echo "   client addresses: sessions recorded under $(grep -oE '>[0-9]+(\.[0-9]+){3}<' <<<"$sessions" | tr -d '<>' | sort -u | tr '\n' ' ')(Caddy is $caddy_ip)"
lap "checks through Caddy"

# --- 3. tasks, backup, restore (refused while running, then done) --------------------------------
run_step tasks
grep -q 'Configuration is valid' <<<"$step_out" || fail "validate-config in the image"
grep -q 'Created admin bo-admin' <<<"$step_out" || fail "create-admin in the image"
echo "   validate-config and create-admin ran in the image"
run_step backup
grep -q 'done: memoai-' <<<"$step_out" || fail "backup: $step_out"
echo "   $(grep -o 'done: .*' <<<"$step_out")"
after_backup=$(submit "$jar")
wait_result "$jar" "$after_backup" || fail "no result for $after_backup"
refusal_line=$(readme_block restore | grep 'restore.js')
echo "== README (restore, its second line, while the app runs): $refusal_line"
refused=$(cd "$work" && eval "$refusal_line" 2>&1 || true)
grep -q 'Restore refused: another process has .* open' <<<"$refused" || { tail -20 <<<"$refused"; fail "restore did not refuse while the app runs"; }
echo "   refused: $(grep -o 'Restore refused.*' <<<"$refused")"
run_step restore
grep -q 'Restored memoai-' <<<"$step_out" || fail "restore: $step_out"
grep -o 'kept the current database as .*' <<<"$step_out" | sed 's/^/   /'
grep -o 'Restored .*' <<<"$step_out" | sed 's/^/   /'
wait_healthy
[ "$(get -o /dev/null -w '%{http_code}' -b "$jar" "$base$after_backup")" = 404 ] || fail "$after_backup survived the restore"
wait_result "$jar" "$first" || fail "$first is missing after the restore"
echo "   after the restore: $first is there, $after_backup (written after the backup) is not"
lap "tasks, backup, restore"

# --- 4. restart with a client polling GET / ------------------------------------------------------
codes="$scratch/codes"
: >"$codes"
(
  end=$((SECONDS + 60))
  for _ in $(seq 1 400); do
    [ -e "$scratch/stop-polling" ] || [ $SECONDS -ge $end ] && break
    get -o /dev/null -w '%{http_code} %{time_total}\n' "$base/" >>"$codes" 2>/dev/null || echo "000 0" >>"$codes"
    sleep 0.1
  done
) &
poller=$!
sleep 1
restart_start=$(date +%s%N)
run_step restart
wait_healthy
restart_ms=$(( ($(date +%s%N) - restart_start) / 1000000 ))
sleep 2
touch "$scratch/stop-polling"
wait "$poller"
total=$(wc -l <"$codes")
bad=$(grep -vc '^200 ' "$codes" || true)
slowest=$(sort -k2 -n -r "$codes" | head -1 | cut -d' ' -f2)
echo "   restart app: healthy again after ${restart_ms} ms; the polling client saw $total answers:" \
  "$(cut -d' ' -f1 "$codes" | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')(slowest ${slowest} s: held by Caddy while the app restarted)"
[ "$total" -ge 5 ] || fail "the poller made only $total requests"
[ "$bad" -eq 0 ] || fail "$bad answers other than 200 during the restart"
awk -v t="$slowest" 'BEGIN { exit !(t > 0.3) }' || fail "no request was in flight during the restart (slowest ${slowest} s)"
lap "restart with a polling client"

# --- 5. stop with evaluations in flight ---------------------------------------------------------
burst="$scratch/burst-cookies"
ids=()
for _ in $(seq 1 12); do ids+=("$(submit "$burst")"); done
run_step stop-start
wait_healthy
grep -q 'shutdown complete' <<<"$(podman logs "$app" 2>&1)" || fail "the app did not shut down cleanly"
for id in "${ids[@]}"; do wait_result "$burst" "$id" || fail "$id was lost across stop/start"; done
echo "   12 memos posted, app stopped at once and started again: all 12 evaluated"
echo "   shutdown log: $(podman logs "$app" 2>&1 | grep -o '"msg":"shutting down[^"]*"' | tail -1)"
lap "stop/start with evaluations in flight"

# --- 6. hard kill, then restore: the safety copy holds everything the killed server had committed --
committed=$(podman exec "$app" node -e "const D = require('better-sqlite3'); const db = new D('/app/data/memoai.db', { readonly: true }); console.log(db.prepare('select count(*) from submissions').pluck().get())")
podman kill --signal KILL "$app" >/dev/null
echo "   app SIGKILLed with $committed memos committed (container now $(podman inspect "$app" --format '{{.State.Status}}'), write-ahead log $(podman run --rm -v memo-ai-coach_app-data:/d --entrypoint sh memo-ai-coach:latest -c 'stat -c %s /d/memoai.db-wal 2>/dev/null || echo absent') bytes)"
run_step restore
grep -q "kept the current database as .* ($committed memos" <<<"$step_out" || { grep 'kept' <<<"$step_out"; fail "the safety copy does not hold all $committed memos"; }
grep -o 'kept the current database as .*' <<<"$step_out" | sed 's/^/   /'
wait_healthy
lap "hard kill, then restore"

echo "== container timings"
printf '   %s\n' "${timings[@]}"
echo "   total                                  $(( $(date +%s) - t0 )) s"
