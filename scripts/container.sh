#!/usr/bin/env sh
# The image's build and start steps, in one place: the Dockerfile runs `build` in its build stage and
# `start` as the container's command, and .ci/run runs both in a scratch clone (there is no Docker
# daemon on the CI machines), so what CI proves is what the image does.
#   scripts/container.sh build   install (with dev dependencies), generate the Prisma clients, compile
#                                to dist/, then drop the dev dependencies (npm prune --omit=dev)
#   scripts/container.sh layout <dir>   copy what the image runs (after build) into <dir>: the run stage's
#                                files, listed here once for the Dockerfile and for CI's container check
#   scripts/container.sh start   run the bot from dist/ with the production dependencies only; a container
#                                must be a chat bot, so without Slack or Discord it says so and exits 2
set -eu
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    # A Docker build starts without node_modules (.dockerignore); CI may hand in its installed copy.
    if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
    node scripts/generate-clients.mjs
    node scripts/build.mjs
    npm prune --omit=dev --no-audit --no-fund
    # TypeScript is a dev dependency, but npm keeps it as @prisma/client's optional peer: nothing at run
    # time needs it (dist/ is JavaScript), so it goes too.
    rm -rf node_modules/typescript node_modules/.bin/tsc node_modules/.bin/tsserver
    # What runs must not need the TypeScript toolchain.
    if [ -e node_modules/tsx ] || [ -e node_modules/typescript ]; then echo "container build: dev dependencies survived the prune" >&2; exit 1; fi
    rm -rf src/generated/*/internal/*.ts.map
    echo "container build: dist/ built, production dependencies only"
    ;;
  layout)
    dest="${2:?usage: scripts/container.sh layout <dir>}"
    mkdir -p "$dest/scripts"
    # scripts/ goes whole: npm re-runs the install scripts for `npx papers`, and they must find a compiled
    # install there (no src/) and leave it as it is.
    for part in package.json package-lock.json node_modules dist bin prisma scripts; do
      cp -al "$part" "$dest/" 2>/dev/null || cp -a "$part" "$dest/"
    done
    echo "container layout: $dest"
    ;;
  start)
    # glibc raises its mmap threshold each time a large block is freed, after which the index build's
    # big transient buffers come from the heap and stay resident when freed: pinned at 128 KiB they go
    # back to the system (measured at 100k papers: idle 360 -> 322 MB RSS, start-up peak 360 -> 342 MB).
    # Other C libraries ignore the variable.
    export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
    exec node bin/papers.js start --chat
    ;;
  *)
    echo "usage: scripts/container.sh build|layout <dir>|start" >&2
    exit 2
    ;;
esac
