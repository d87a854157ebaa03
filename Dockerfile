# One image for every hub service (migrate job, each subgraph, gateway); docker-compose picks the command.
FROM node:20-slim

WORKDIR /app

# The whole workspace before `npm ci`: npm needs every workspace's package.json to install, and the
# services run their TypeScript source directly with tsx (no build step). .dockerignore keeps
# node_modules, .data, .env and .git out.
COPY . .
# Development dependencies included: tsx runs the services, Vite builds the web console the gateway serves.
RUN npm ci --no-audit --no-fund && npm run console:build && npm cache clean --force

ENV NODE_ENV=production \
    PATH=/app/node_modules/.bin:$PATH \
    HOST=0.0.0.0

USER node
EXPOSE 4000
CMD ["tsx", "gateway/src/index.ts"]
