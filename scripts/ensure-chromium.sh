#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium (playwright-core, no downloaded browser). Installs it with
# apt when /usr/bin/chromium is absent; as root directly, otherwise through sudo when it is there.
set -euo pipefail
[[ -x /usr/bin/chromium ]] && exit 0
echo "[deps] installing Debian's chromium for the browser tests" >&2
run() { if [[ "$(id -u)" == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else echo "[deps] need root to install chromium: apt-get install -y chromium" >&2; exit 1; fi; }
run apt-get update >&2
DEBIAN_FRONTEND=noninteractive run apt-get install -y chromium >&2
