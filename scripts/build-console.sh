#!/usr/bin/env bash
# Builds the console's front end into dist/console-web: the typed modules compiled for the browser by their own
# tsconfig (DOM library, ES modules, no bundler), then the page and its style sheet copied beside them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf dist/console-web
npx tsc -p apps/console/web/tsconfig.json
cp apps/console/public/index.html dist/console-web/index.html
cp apps/console/public/style.css apps/console/public/favicon.svg dist/console-web/assets/
