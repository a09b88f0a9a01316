#!/usr/bin/env bash
# The README's demo command: installs what is missing, builds the bundle when
# it is absent, and runs the main job against a registry on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
[ -f dist/cli/index.js ] || node scripts/build.mjs
exec node_modules/.bin/node --import tsx scripts/demo.ts
