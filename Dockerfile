# dealbot: a minimal production image.
#   docker build -t dealbot .
#   docker run -d --name dealbot --env-file .env -v dealbot-data:/data -p 8080:8080 dealbot
# The SQLite database (subscriptions, post ledger, quote cache) and the gap log live on the
# /data volume; the fact base ships in the image (mount your own over /app/facts to edit it live).

# 1. Production dependencies. better-sqlite3 is native: its prebuilt binary is used when one
#    matches, otherwise it compiles, hence the build tools (they stay in this stage only).
FROM node:20-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

# 2. Compile the TypeScript to JavaScript (dist/), with the dev dependencies (typescript).
FROM deps AS build
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY commands commands
RUN npm run build

# 3. The runtime: production dependencies, the built JS, the facts; runs as the unprivileged `node` user.
FROM node:20-slim
ENV NODE_ENV=production \
    FACTS_DIR=/app/facts \
    DATABASE_PATH=/data/dealbot.db \
    GAPS_LOG=/data/gaps.jsonl \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
COPY package.json package-lock.json ./
COPY bin bin
COPY --from=build /app/dist dist
COPY facts facts
# The chart font (resvg draws no text without one) and its licence.
COPY assets assets
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HEALTH_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# bin/dealbot.js runs dist/src/cli/main.js when it exists (it does here). SIGTERM from
# `docker stop` reaches node directly (exec form), which shuts down gracefully.
CMD ["node", "--v8-pool-size=0", "bin/dealbot.js", "start"]
