# One image for every chipwatch process: web, scheduler, worker, migrate, or embedded `start`.
# Build stage: install with dev dependencies and compile the TypeScript sources to dist/ (npm ci's postinstall
# applies the dependency patches and builds). Runtime stage: production dependencies and the compiled JavaScript
# only, run by plain node (no tsx, no TypeScript, no compile at start).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
COPY scripts ./scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY data ./data
RUN npm ci --no-audit --no-fund && npm prune --omit=dev && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY data ./data
COPY drizzle ./drizzle
COPY demo ./demo
COPY feeds ./feeds
COPY src/web/static ./src/web/static
USER node
EXPOSE 3000
# Node itself is PID 1's child (compose `init: true`) and handles SIGTERM: workers drain before exiting.
ENTRYPOINT ["node", "dist/src/cli.js"]
CMD ["start"]
