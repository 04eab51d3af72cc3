#!/bin/sh
# dist/ must be exactly what the sources build: rebuild, then fail on any difference.
set -e
npm run -s bundle >/dev/null
if ! git diff --quiet -- dist || [ -n "$(git ls-files --others --exclude-standard -- dist)" ]; then
  echo "dist/ is stale: run \`npm run bundle\` and commit the result." >&2
  git status --short -- dist >&2
  exit 1
fi
echo "dist/ matches the sources"
