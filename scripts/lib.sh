# Shared by scripts/start.sh and scripts/test.sh: which services this run started, so it stops only those.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

services_down_now() {
  local down=()
  local status; status="$(bash "$ROOT/scripts/services.sh" status 2>/dev/null || true)"
  for s in postgres kafka temporal; do
    grep -q "^$s: up" <<<"$status" || down+=("$s")
  done
  echo "${down[@]:-}"
}

build_project() {
  echo "[build] compiling TypeScript into dist/" >&2
  (cd "$ROOT" && npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json)
}
