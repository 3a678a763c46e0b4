# syntax=docker/dockerfile:1
# Sealbridge API + built web app (issue 20, ADR 0021). Not built on the development machine (no Docker engine there):
# kept to plain, well-known steps. Node 24 runs the TypeScript sources directly (type stripping, ADR 0002).

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
COPY packages/cn-identifiers/package.json packages/cn-identifiers/
COPY scripts/ scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# Runs as the image's unprivileged "node" user; the code is root-owned and read-only to it. With a read-only root
# filesystem (compose: read_only: true) only DATA_DIR (a volume) and /tmp (tmpfs) are writable.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/src/main.ts"]
