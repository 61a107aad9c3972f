# One image for every chipwatch process: web, scheduler, worker, migrate, or embedded `start`.
# Runs the TypeScript sources with tsx (a runtime dependency), so there is no build step to drift from the code.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# npm ci's postinstall applies these fixes to dependencies (patch-package).
COPY patches ./patches
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
USER node
EXPOSE 3000
# Node itself is PID 1's child (compose `init: true`) and handles SIGTERM: workers drain before exiting.
ENTRYPOINT ["node", "--import", "tsx", "src/cli.ts"]
CMD ["start"]
