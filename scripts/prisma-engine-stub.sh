#!/bin/sh
# Stands in for Prisma's native schema-engine, which the CLI would otherwise download before any command.
# `prisma generate` only asks for its version; migrations run through scripts/migrations.mjs instead.
if [ "$1" = "--version" ]; then echo "schema-engine-cli 0edf323efd1d98336f3f0a68684b56f689b900d3"; exit 0; fi
echo "papers-bot: the native Prisma schema engine is not used here; run 'npm run db:diff' to author migrations." >&2
exit 1
