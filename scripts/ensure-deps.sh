#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json (a fresh clone, a pull).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
marker=node_modules/.package-lock.json
if [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; then
  echo "[deps] installing npm dependencies from package-lock.json" >&2
  # `npm install --no-save` rather than `npm ci`: npm 11 refuses `npm ci` on a lock file that omits other
  # platforms' optional binaries (@swc/core-darwin-*, …) even when it wrote that lock itself.
  npm install --no-save --no-audit --no-fund --loglevel=error >&2
fi
# `npm test` only (it sets BAOHO_NEEDS_BROWSER): the browser for the console's tests.
if [[ "${BAOHO_NEEDS_BROWSER:-0}" == 1 ]]; then
  bash scripts/ensure-chromium.sh
fi
