# papers-bot image: build with dev dependencies, run with production ones only (no tsx, no TypeScript).
# The build and start steps live in scripts/container.sh, which CI also runs (see .ci/run).
#   docker build -t papers-bot .   ·   docker compose up -d   (compose.yaml adds PostgreSQL)

FROM node:20-bookworm AS build
WORKDIR /app
# Toolchain for better-sqlite3's native module when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3
COPY . .
RUN scripts/container.sh build && scripts/container.sh layout /image

FROM node:20-bookworm-slim AS run
ENV NODE_ENV=production \
    PORT=3000 \
    DATABASE_URL=file:/data/papers.db
WORKDIR /app
# What the image runs, as scripts/container.sh layout lists it (CI's container check runs that same layout).
COPY --from=build --chown=node:node /image ./
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["scripts/container.sh", "start"]
