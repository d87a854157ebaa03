# One image for every hub service (migrate job, each subgraph, gateway); docker-compose picks the command, e.g.
# `node dist/gateway.js`. Three stages: "deps" installs every dependency (a layer cached until a package.json or the
# lock changes), "build" compiles the services to plain JavaScript (dist/, no tsx at run time) and the web console to
# static files, "runtime" holds production dependencies, the compiled services and the files they read: no
# TypeScript sources, no tests, no benchmark code, no development tools.
ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS manifests
WORKDIR /app
# Only the manifests first: npm ci needs every workspace's package.json (tests/unit/dockerfile.test.ts checks the
# list against the workspaces), and source changes then leave this layer cached.
COPY package.json package-lock.json ./
COPY patches ./patches
COPY packages/config/package.json packages/config/
COPY packages/contracts/package.json packages/contracts/
COPY packages/db/package.json packages/db/
COPY packages/domain/package.json packages/domain/
COPY packages/errors/package.json packages/errors/
COPY packages/identity/package.json packages/identity/
COPY packages/reference-data/package.json packages/reference-data/
COPY packages/service-kit/package.json packages/service-kit/
COPY subgraphs/cases/package.json subgraphs/cases/
COPY subgraphs/notifications/package.json subgraphs/notifications/
COPY subgraphs/referrals/package.json subgraphs/referrals/
COPY subgraphs/signals/package.json subgraphs/signals/
COPY subgraphs/sociale-kaart/package.json subgraphs/sociale-kaart/
COPY console/package.json console/
COPY gateway/package.json gateway/
COPY hub/package.json hub/
COPY testing/package.json testing/
COPY tests/package.json tests/
COPY bench/package.json bench/
COPY hive/package.json hive/

# Every dependency, for the build. Cached until a manifest or the lock changes.
FROM manifests AS deps
RUN npm ci --no-audit --no-fund

# Production dependencies only, what the runtime copies (the postinstall applies patches/ to them), and only those of
# the workspaces the services are built from: not the console (built to static files), the tests, the benchmark or
# the Hive Gateway option (hive/, its own install; docs/operations.md).
FROM manifests AS prod-deps
RUN npm ci --omit=dev --no-audit --no-fund --include-workspace-root \
      -w packages/config -w packages/contracts -w packages/db -w packages/domain -w packages/errors \
      -w packages/identity -w packages/reference-data -w packages/service-kit \
      -w subgraphs/cases -w subgraphs/notifications -w subgraphs/referrals -w subgraphs/signals \
      -w subgraphs/sociale-kaart -w gateway -w hub \
  && npm cache clean --force

FROM deps AS build
COPY . .
# dist/ (esbuild: every service entry, @hub/* bundled in) and console/dist (Vite), then everything the services read
# at run time staged under /runtime at the paths the compiled code resolves (hub/src/build.ts RUNTIME_FILES).
RUN npm run console:build && npm run build -- --stage /runtime

FROM ${NODE_IMAGE} AS runtime
# Every hub process (docker-compose's services, `docker run`) starts with a 512 MB old generation: without a limit
# Node.js sizes the heap from the host's memory and V8 lets it grow to four times what is live before it collects, so
# a service held 300-380 MB under load; with it each stays near 200 MB (docs/operations.md, "Memory"). npm run bench
# reads this line and starts its services with it. Setting NODE_OPTIONS replaces it: keep the limit in what you set.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    NODE_OPTIONS=--max-old-space-size=512
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /runtime ./
# DATA_DIR (.data) must be writable by the service user: the development issuer's key pair and an embedded
# database live there when a single container runs `node dist/start.js` without DATABASE_URL.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# The gateway's port by default; docker-compose gives each subgraph a healthcheck on its own port.
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.GATEWAY_PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Stack traces name the TypeScript sources with NODE_OPTIONS="--max-old-space-size=512 --enable-source-maps" (dist/
# carries the maps).
CMD ["node", "dist/gateway.js"]
