# Shared by scripts/start.sh and scripts/test.sh: which services this run started, so it stops only those.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Local services not running yet (external ones, named by DATABASE_URL / KAFKA_BROKERS / TEMPORAL_ADDRESS, excluded).
services_down_now() {
  local down=()
  local status; status="$(bash "$ROOT/scripts/services.sh" status 2>/dev/null || true)"
  [[ -z "${DATABASE_URL:-}" ]] && ! grep -q "^postgres: up" <<<"$status" && down+=(postgres)
  [[ -z "${KAFKA_BROKERS:-}" ]] && ! grep -q "^kafka: up" <<<"$status" && down+=(kafka)
  [[ -z "${TEMPORAL_ADDRESS:-}" ]] && ! grep -q "^temporal: up" <<<"$status" && down+=(temporal)
  echo "${down[@]:-}"
}

# Stops the local services this run started. The run has sourced .baoho/env by then, whose variables would
# otherwise make services.sh take them for external services and leave them running.
stop_started_services() {
  [[ -n "$*" ]] || return 0
  env -u DATABASE_URL -u KAFKA_BROKERS -u TEMPORAL_ADDRESS bash "$ROOT/scripts/services.sh" stop "$@" || true
}

build_project() {
  echo "[build] compiling TypeScript into dist/" >&2
  (cd "$ROOT" && npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json)
  echo "[build] compiling the console's front end into dist/console-web/" >&2
  bash "$ROOT/scripts/build-console.sh"
}
