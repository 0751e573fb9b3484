#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the real services it needs, then lint, typecheck, build and
# every jest project (unit, workflow, integration, e2e), then the fault suite (its own jest
# run, in band, on private services; skipped when arguments narrow the run). Stops the services it started itself, unless
# BAOHO_KEEP_SERVICES=1. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/ensure-deps.sh
started="$(services_down_now)"
cleanup() {
  if [[ -n "$started" && "${BAOHO_KEEP_SERVICES:-0}" != 1 ]]; then
    # shellcheck disable=SC2086
    stop_started_services $started
  fi
}
trap cleanup EXIT
bash scripts/services.sh start
# shellcheck disable=SC1091
source "${BAOHO_HOME:-$ROOT/.baoho}/env"

echo "[test] lint" >&2
npx eslint --max-warnings 0 .
echo "[test] typecheck" >&2
npx tsc -p tsconfig.json --noEmit
build_project

mkdir -p tests/.artifacts
results=tests/.artifacts/jest-results.json
set +e
npx jest --ci --json --outputFile="$results" "$@"
status=$?
faults_status=0
if [[ $# -eq 0 ]]; then
  echo "[test] faults (private PostgreSQL, Kafka and Temporal)" >&2
  npx jest -c jest.faults.config.js --ci --runInBand --selectProjects faults
  faults_status=$?
fi
set -e
# one plain closing line, whatever the runner printed above
node -e '
  const r = require(require("path").resolve(process.argv[1]));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$results" || true
[[ $faults_status -eq 0 ]] || echo "faults: failed (see above)"
[[ $status -eq 0 ]] && exit $faults_status
exit $status
