#!/usr/bin/env bash
# `npm start`: installs what is missing, starts PostgreSQL, Kafka and the Temporal dev server (with its Web UI),
# applies migrations, starts the five apps (api, worker, intake, relay, console), prints where to look, and stops
# everything it started on Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

APPS=(api worker intake relay console)
declare -A PORTS=([api]="${API_PORT:-3000}" [worker]="${WORKER_PORT:-3001}" [intake]="${INTAKE_PORT:-3002}" [relay]="${RELAY_PORT:-3003}" [console]="${CONSOLE_PORT:-3004}")
pids=()

bash scripts/ensure-deps.sh
started="$(services_down_now)"
stopping=0
cleanup() {
  ((stopping)) && return; stopping=1
  echo >&2; echo "[start] stopping the apps" >&2
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n "$started" ]]; then
    # shellcheck disable=SC2086
    stop_started_services $started
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash scripts/services.sh start
# shellcheck disable=SC1091
source "${BAOHO_HOME:-$ROOT/.baoho}/env"
build_project
echo "[start] applying migrations" >&2
node dist/libs/event-store/src/migrate.js

logs="$BAOHO_HOME/logs"
for app in "${APPS[@]}"; do
  # The console forwards /v1 to this API and, on a developer's machine only, offers the development sign-in.
  HTTP_PORT="${PORTS[$app]}" CONSOLE_API_URL="http://127.0.0.1:${PORTS[api]}" \
    CONSOLE_DEV_SIGN_IN=true CONSOLE_DEV_SIGNING_KEY_FILE="$BAOHO_HOME/keys/dev-private.pem" \
    node dist/apps/$app/src/main.js >>"$logs/$app.log" 2>&1 &
  pids+=($!)
done
for app in "${APPS[@]}"; do
  url="http://127.0.0.1:${PORTS[$app]}/health/live"
  for _ in $(seq 1 300); do curl -fsS "$url" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS "$url" >/dev/null 2>&1 || { echo "[start] $app did not come up; see $logs/$app.log" >&2; tail -n 20 "$logs/$app.log" >&2; exit 1; }
done

# Demo caseworkers in the staff directory, so the board's assignment picker lists someone before anyone has signed
# in (signing in adds a person too). An admin's development token registers them through the API.
admin_token="$(node --require ./scripts/swc-register.js scripts/token.ts --role admin --user dev-admin --ttl 5m)"
for person in cw-1:KR-SEL cw-2:KR-SEL cw-3:JP-TYO; do
  curl -fsS -X PUT -H "authorization: Bearer $admin_token" -H 'content-type: application/json' \
    -d "{\"role\":\"caseworker\",\"missions\":[\"${person#*:}\"],\"active\":true}" \
    "http://127.0.0.1:${PORTS[api]}/v1/staff/${person%%:*}" >/dev/null || echo "[start] could not register ${person%%:*} as staff" >&2
done
cat <<INFO

  baoho is running.
    console        http://127.0.0.1:${PORTS[console]}          (board, case page, inbox, search; development sign-in on; caseworkers cw-1, cw-2 in Seoul, cw-3 in Tokyo)
    API            http://127.0.0.1:${PORTS[api]}          (docs: /docs, /openapi.json; health: /health, metrics: /metrics)
                   e.g. curl -H "Authorization: Bearer \$(npm run -s token -- --role supervisor --mission KR-SEL)" http://127.0.0.1:${PORTS[api]}/v1/stuck-cases
    worker         http://127.0.0.1:${PORTS[worker]}/health
    intake         http://127.0.0.1:${PORTS[intake]}/health   (POST /v1/hotline-events, GET /v1/rejections)
    relay          http://127.0.0.1:${PORTS[relay]}/health
    Temporal UI    $TEMPORAL_UI_URL        (gRPC $TEMPORAL_ADDRESS)
    Kafka          $KAFKA_BROKERS
    PostgreSQL     $DATABASE_URL
    logs           $logs/

  Ctrl-C stops everything this command started.

INFO
wait -n "${pids[@]}" || true
echo "[start] an app exited; see $logs/" >&2
exit 1
