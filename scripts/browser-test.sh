#!/usr/bin/env bash
# Browser tests: build the static Storybook, then drive it with Debian's Chromium (never a downloaded browser).
# SKIP_STORYBOOK_BUILD=1 reuses an existing storybook-static/.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
  exit 1
fi
if [ "${SKIP_STORYBOOK_BUILD:-}" != "1" ] || [ ! -f storybook-static/index.json ]; then
  npx storybook build -o storybook-static --quiet
fi
# The Quick start test builds a fresh Vite app against the built package.
if [ "${SKIP_STORYBOOK_BUILD:-}" != "1" ] || [ ! -f dist/index.js ]; then
  npx vite build --logLevel warn
fi
exec npx vitest run -c test/browser/vitest.config.ts "$@"
