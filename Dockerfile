# syntax=docker/dockerfile:1
# One image for the five apps; APP chooses which one runs: api (3000), worker (3001), intake (3002), relay (3003),
# console (3004).
#   docker build -t baoho .            docker run -e APP=relay -e DATABASE_URL=… -e KAFKA_BROKERS=… baoho
# The one-shot migration runs the same image: node dist/libs/event-store/src/migrate.js

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY protocols ./protocols
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json && npx tsc-alias -p tsconfig.build.json && bash scripts/build-console.sh \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
ARG APP=api
ENV APP=${APP}
# the master keys volume mounts here (owned by node, so the `keys` service may create the file)
RUN mkdir -p /keys && chown node:node /keys && chmod 700 /keys
USER node
EXPOSE 3000 3001 3002 3003 3004
# exec replaces the shell: node is PID 1 and gets `docker stop`'s SIGTERM itself (graceful shutdown, exit 0)
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
