#!/usr/bin/env bash
# The whole check, as CI runs it: dependencies, type-check, dist/ freshness,
# then every test file (or the globs given as arguments) against real
# registries started once by the global setup.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh
node_modules/.bin/tsc --noEmit -p .
if [ -f scripts/check-dist.mjs ]; then
  node_modules/.bin/node scripts/check-dist.mjs
fi

if [ "$#" -gt 0 ]; then
  globs=("$@")
else
  globs=('test/**/*.test.ts')
fi

# The globs stay quoted: node's test runner expands them itself.
set +e
node_modules/.bin/node --import tsx --test \
  --test-global-setup=test/helpers/global-setup.ts \
  --test-concurrency=2 \
  "${globs[@]}"
code=$?
set -e
exit "$code"
