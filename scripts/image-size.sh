#!/usr/bin/env bash
# What the hub adds to its base image, measured without Docker (docker build needs a daemon and Docker Hub, which
# development machines may lack). Two folders are built the way the image's layers are:
#   before: the single-stage image up to 0.1.0: the whole repository (COPY . .), `npm ci` with development
#           dependencies, the console built: what tsx needed to run the TypeScript sources;
#   after:  the runtime stage of the Dockerfile: every package.json and the lock, `npm ci --omit=dev`, then dist/,
#           console/dist and the data files the services read (npm run build -- --stage).
# Then the hub is started from the "after" folder with its production dependencies only (tests/dist-start.test.ts
# with RUNTIME_NODE_MODULES), which proves nothing it needs was left out. --no-start skips that.
# Needs the npm registry (two npm ci runs, about a minute each on two cores). Usage: scripts/image-size.sh [--no-start]
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

size() { du -sb "$@" 2>/dev/null | awk '{ total += $1 } END { printf "%.0f MB", total / 1000000 }'; }

echo "== before: single stage, sources + npm ci (development dependencies included)"
mkdir -p "$work/before"
git archive HEAD | tar -x -C "$work/before"
(cd "$work/before" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
if [ ! -f console/dist/index.html ]; then npm run console:build >/dev/null; fi
cp -r console/dist "$work/before/console/dist"
before_modules=$(size "$work/before/node_modules" "$work/before/console/node_modules")
before_total=$(size "$work/before")

echo "== after: runtime stage, npm ci --omit=dev + dist/ + runtime files"
mkdir -p "$work/after"
cp package.json package-lock.json "$work/after/"
cp -r patches "$work/after/patches"
git ls-files '*package.json' | grep -v '^package.json$' | while read -r manifest; do
  mkdir -p "$work/after/$(dirname "$manifest")"
  cp "$manifest" "$work/after/$manifest"
done
# The same workspace selection as the Dockerfile's prod-deps stage (its `-w` flags).
workspaces=$(tr -d '\\\n' < Dockerfile | grep -o -- '-w [^ ]*' | tr '\n' ' ')
(cd "$work/after" && npm ci --omit=dev --include-workspace-root $workspaces --no-audit --no-fund --loglevel=error >/dev/null)
npm run -s build -- --stage "$work/after" >/dev/null
after_modules=$(size "$work/after/node_modules")
after_dist=$(size "$work/after/dist")
after_total=$(size "$work/after")

if [ "${1:-}" != "--no-start" ]; then
  echo "== starting the hub from the runtime folder's production dependencies (tests/dist-start.test.ts)"
  RUNTIME_NODE_MODULES="$work/after/node_modules" npx vitest run tests/dist-start.test.ts
fi

cat <<EOF

Image contents on top of the base image (du, MB = 10^6 bytes):
  before (single stage, tsx):   $before_total   of which node_modules $before_modules
  after  (runtime stage, node): $after_total   of which node_modules $after_modules, dist/ $after_dist (half of it source maps)
Base images (uncompressed, as docker images lists them; not measured here): node:22-slim about 220 MB,
node:20-slim about the same. Add the base to each figure for the image size.
EOF
