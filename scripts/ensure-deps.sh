#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than package-lock.json (a fresh clone, a pull).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
marker=node_modules/.package-lock.json
if [[ ! -f "$marker" || package-lock.json -nt "$marker" ]]; then
  echo "[deps] installing npm dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
