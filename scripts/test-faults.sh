#!/usr/bin/env bash
# `npm run test:faults`, which `npm test` runs after its main jest run: the fault suite (tests/faults) on private
# PostgreSQL, Kafka and Temporal of its own, against the built apps. Standalone it installs what is missing and
# builds first; from `npm test` (BAOHO_HOME set, build done) it runs at once. Extra arguments go to jest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

if [[ -z "${BAOHO_HOME:-}" ]]; then
  bash scripts/ensure-deps.sh
  bash scripts/services.sh prepare
  # shellcheck disable=SC1091
  source "$ROOT/.baoho/env"
  build_project
fi
exec npx jest -c jest.faults.config.js --ci --runInBand --selectProjects faults "$@"
