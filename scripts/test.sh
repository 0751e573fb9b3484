#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the real services it needs, then lint, typecheck, build and
# every jest project (unit, workflow, integration, e2e, browser), then the fault suite (tests/faults, on services
# of its own; BAOHO_WITH_FAULTS=0 leaves it out), then a scan of the run's logs and Kafka topics
# for the test subjects' personal data. Stops the services it started itself, unless
# BAOHO_KEEP_SERVICES=1. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

BAOHO_NEEDS_BROWSER=1 bash scripts/ensure-deps.sh
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
rm -rf tests/.artifacts/app-logs   # this run's spawned apps only: the scan below reads them
results=tests/.artifacts/jest-results.json
set +e
npx jest --ci --json --outputFile="$results" "$@"
status=$?
# The fault suite (npm run test:faults) after the main run, counted in the result: PostgreSQL, Temporal and Kafka
# of its own, so the outages it causes never touch the services above. Not when jest was given arguments (a
# targeted run), nor with BAOHO_WITH_FAULTS=0.
faults=tests/.artifacts/faults-results.json
rm -f "$faults"
if [[ $# -eq 0 && "${BAOHO_WITH_FAULTS:-1}" != 0 ]]; then
  echo "[test] fault suite" >&2
  bash scripts/test-faults.sh --json --outputFile="$faults" || status=1
fi
# no test subject's name, phone, document, narrative or note in this run's logs or Kafka messages
echo "[test] personal-data scan of logs and topics" >&2
node --require ./scripts/swc-register.js scripts/scan-personal-data.ts || status=1
set -e
# one plain closing line, whatever the runner printed above
node -e '
  const fs = require("fs");
  const runs = process.argv.slice(1).filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
  const sum = (k) => runs.reduce((n, r) => n + r[k], 0);
  const skipped = sum("numPendingTests") + sum("numTodoTests");
  console.log(`tests: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed` + (skipped ? `, ${skipped} skipped` : "") + ` (${runs.length} jest runs)`);
' "$results" "$faults" || true
exit $status
