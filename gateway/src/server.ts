import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { disableApolloTelemetry, type HubConfig } from '@hub/config';
import type { DevIssuer, TokenVerifier } from '@hub/identity';
import { HttpError, listen, metricsTokenMatches, serviceTracer, type HubMetrics, type Logger, type RunningServer } from '@hub/service-kit';
import type { GatewayContext } from './context.ts';
import { HubDataSource, type SubgraphEndpoint } from './data-source.ts';
import { formatGatewayError } from './error-format.ts';
import { createSubgraphFetcher } from './fetcher.ts';
import { createProxyTrust } from './forwarded.ts';
import { graphqlRoute } from './graphql-route.ts';
import { downloadsProxyRoute } from './downloads-proxy.ts';
import { hsdsProxyRoute } from './hsds-proxy.ts';
import { iwlzNotificationRoute } from './iwlz-notifications.ts';
import { hardTokenLimit } from './limits.ts';
import { gatewayPlugins } from './plugins.ts';
import { createRateLimiter, createSharedRateLimiter, rateLimitKey, type RateLimiter } from './rate-limit.ts';
import { connectRedis, type RedisConnection } from './redis.ts';
import { createLocalResponseCache, createSharedResponseCache, type ResponseCache } from './response-cache.ts';
import { healthRoutes } from './readiness.ts';
import { createRequestHandler } from './router.ts';
import { createConsoleOidc, OIDC_TOKEN_PATH } from './console-oidc.ts';
import { createCors } from './cors.ts';
import { graphiqlRoute } from './graphiql.ts';
import { createDocumentGate, loadTrustedDocuments } from './trusted-documents.ts';
import { createConsoleRoutes } from './console-static.ts';
import { notFound } from './exchange.ts';

export type { GatewayContext } from './context.ts';
export { childTraceparent, type SubgraphEndpoint } from './data-source.ts';
export { readSupergraph, SUPERGRAPH_PATH } from './supergraph.ts';
export { GRAPHIQL_CONTENT_SECURITY_POLICY } from './graphiql.ts';

export interface GatewayOptions {
  config: HubConfig;
  logger: Logger;
  verifyToken: TokenVerifier;
  subgraphs: SubgraphEndpoint[];
  supergraphSdl: string;
  /** The development issuer, for the console's development sign-in (never offered in production). */
  devIssuer?: DevIssuer | undefined;
  /** The metrics registry of the running hub (in-process) or of this gateway; none: nothing is recorded. */
  metrics?: HubMetrics | undefined;
}

export interface Gateway {
  /** Serves HTTP requests (health, readiness, GraphQL); usable without `start` for in-process tests. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

/**
 * Builds the gateway: Apollo Gateway over the committed supergraph, token check before any subgraph is
 * called, body limit, health and readiness, one log line per request without variables or tokens.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger, verifyToken, subgraphs } = options;
  disableApolloTelemetry();
  const subgraphHttp = createSubgraphFetcher(config.subgraphTimeoutMs);
  // With REDIS_URL the rate limit and the response cache are shared by every gateway on that Redis; without it each
  // gateway keeps its own (today's single-process behaviour, and what `npm start` and the tests use).
  const redis: RedisConnection | undefined = config.redis.url ? await connectRedis(config.redis.url, logger) : undefined;
  const rateLimiter: RateLimiter = redis
    ? createSharedRateLimiter({ redis: redis.redis, prefix: config.redis.prefix, ...config.rateLimit, logger })
    : createRateLimiter(config.rateLimit);
  const endpoints = new Map(subgraphs.map((s) => [s.name, s]));
  const oidc = config.consoleOidc ? createConsoleOidc(config.consoleOidc, verifyToken) : undefined;
  const serveConsole = createConsoleRoutes({ config, devIssuer: options.devIssuer, oidc });
  const admitDocument = createDocumentGate({
    mode: config.trustedDocuments.mode,
    store: loadTrustedDocuments(config.trustedDocuments),
    supergraphSdl: options.supergraphSdl,
    maxTokens: hardTokenLimit(config.operationLimits),
    logger: logger.child({ component: 'trusted-documents' }),
  });
  // Whole answers of operations whose every subgraph answer carried a cache hint (only the sociale kaart sends
  // them: public directory data). Private ones are kept per user, public ones shared by anonymous callers.
  const responseCache: ResponseCache = redis
    ? createSharedResponseCache({ redis: redis.redis, prefix: config.redis.prefix, logger })
    : createLocalResponseCache();
  const metrics = options.metrics?.forService('gateway');

  const apolloGateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: logger.child({ component: 'apollo-gateway' }),
    buildService({ name }) {
      // The supergraph's URLs are the compose-time defaults; the configured (or bound) URL wins.
      const endpoint = endpoints.get(name);
      if (!endpoint) throw new Error(`The supergraph names subgraph "${name}", but the gateway has no endpoint for it.`);
      return new HubDataSource(endpoint, subgraphHttp.fetcher, logger, () => responseCache.invalidate(), metrics);
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway: apolloGateway,
    logger: logger.child({ component: 'apollo-server' }),
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries would store any document a client sends under its hash; the gateway resolves ids
    // from the trusted documents only (trusted-documents.ts).
    persistedQueries: false,
    // The process owns SIGINT/SIGTERM (drain, then stop everything); Apollo's own handler would stop this server
    // early and re-send the signal, which the process then takes for a second Ctrl-C and exits with code 1.
    stopOnTerminationSignals: false,
    formatError: formatGatewayError,
    parseOptions: { maxTokens: hardTokenLimit(config.operationLimits) },
    plugins: [...gatewayPlugins(config, logger, responseCache), ...(metrics ? [metrics.operationPlugin<GatewayContext>((_context, name) => name)] : [])],
  });
  try {
    await apollo.start();
  } catch (error) {
    redis?.close();
    throw error;
  }

  let running: RunningServer | undefined;
  let stopped = false;

  const metricsToken = config.metrics.token;
  const renderMetrics = options.metrics?.render;
  const handle = createRequestHandler({
    trustedProxy: createProxyTrust(config.trustedProxies),
    logger,
    cors: createCors(config.corsOrigins),
    metrics,
    tracer: serviceTracer('gateway'),
    routes: {
      metrics:
        metricsToken && renderMetrics
          ? async ({ req, res }) => {
              if (!metricsTokenMatches(req.headers.authorization, metricsToken)) {
                throw new HttpError(401, 'UNAUTHENTICATED', 'The metrics need the metrics token.', { 'www-authenticate': 'Bearer' });
              }
              const text = await renderMetrics();
              res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
              res.end(text);
              return 200;
            }
          : undefined,
      ...healthRoutes({ subgraphs, timeoutMs: Math.min(config.subgraphTimeoutMs, 5_000), stopping: () => stopped }),
      graphiql: graphiqlRoute(config),
      graphql: graphqlRoute({ apollo, verifyToken, rateLimiter, maxRequestBodyBytes: config.maxRequestBodyBytes, admitDocument }),
      hsds: hsdsProxyRoute({ socialeKaart: endpoints.get('sociale-kaart'), rateLimiter, timeoutMs: config.subgraphTimeoutMs }),
      downloads: downloadsProxyRoute({ cases: endpoints.get('cases'), rateLimiter, timeoutMs: config.subgraphTimeoutMs }),
      iwlzNotifications: iwlzNotificationRoute({
        cases: endpoints.get('cases'),
        token: config.iwlz.notificationToken,
        rateLimiter,
        // The cases subgraph pulls the indicatie from the register before it answers.
        timeoutMs: config.subgraphTimeoutMs + config.iwlz.registerTimeoutMs,
        maxBodyBytes: Math.min(config.maxRequestBodyBytes, 64 * 1024),
      }),
      console: async ({ req, res, url, forwarded }) => {
        // Each code exchange calls the OpenID provider: it counts against the caller's address like anonymous requests.
        if (oidc && url.pathname === OIDC_TOKEN_PATH) await rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
        const sent = await serveConsole(req, res, url, forwarded);
        if (sent === undefined) throw notFound();
        return sent;
      },
    },
  });

  return {
    handle,
    async start(port, host) {
      running = await listen(handle, port, host, '/graphql', { drainMs: config.shutdownDrainMs });
      logger.info({ url: running.url }, 'gateway listening');
      return running;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await running?.stop();
      await apollo.stop();
      subgraphHttp.close();
      redis?.close();
    },
  };
}
