#!/usr/bin/env bash
# Bundles the dashboard's chart library from npm into the publisher's classes (Maven runs this in generate-resources).
#   build-dashboard.sh OUTPUT_DIR   copies lightweight-charts to OUTPUT_DIR/dashboard/vendor/
# npm ci runs only when node_modules is missing or older than package-lock.json, so offline rebuilds work.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

out="${1:?usage: build-dashboard.sh OUTPUT_DIR}"
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-dashboard.sh: $tool is not on the PATH; the dashboard needs Node 18+ and npm to build" >&2
    exit 2
  fi
done

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p "$out/dashboard/vendor"
cp node_modules/lightweight-charts/dist/lightweight-charts.standalone.production.js "$out/dashboard/vendor/lightweight-charts.js"
cp node_modules/lightweight-charts/LICENSE "$out/dashboard/vendor/lightweight-charts.LICENSE" 2>/dev/null || true
