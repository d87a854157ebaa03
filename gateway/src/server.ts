import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { disableApolloTelemetry, type HubConfig } from '@hub/config';
import { formatHubError, subgraphUnavailable, type SubgraphUnavailableReason } from '@hub/errors';
import { AuthenticationError, bearerToken, type DevIssuer, type TokenVerifier } from '@hub/identity';
import {
  describeError,
  executeGraphQL,
  internalErrorPlugin,
  HttpError,
  listen,
  proxyPublicGet,
  readBody,
  readRequestMeta,
  requireOriginForm,
  sendError,
  sendJson,
  DIRECTORY_CHANGED_HEADER,
  OPERATION_NAME_HEADER,
  OPERATION_NAME_PATTERN,
  SUBGRAPH_SECRET_HEADER,
  callerIdFields,
  type Logger,
  type RequestMeta,
  type RunningServer,
} from '@hub/service-kit';
import { createConsoleRoutes } from './console-static.ts';
import { createSubgraphFetcher, SHAREABLE_CALL_HEADER } from './fetcher.ts';
import { createProxyTrust, forwardedView } from './forwarded.ts';
import { hardTokenLimit, operationLimitsPlugin } from './limits.ts';
import { createRateLimiter, rateLimitKey } from './rate-limit.ts';

/** The committed supergraph (written by `npm run compose`); the gateway never composes at run time. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

export function readSupergraph(path = SUPERGRAPH_PATH): string {
  return readFileSync(path, 'utf8');
}

/** Where the gateway reaches one subgraph and the secret that subgraph expects from it. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
  secret: string;
}

export interface GatewayOptions {
  config: HubConfig;
  logger: Logger;
  verifyToken: TokenVerifier;
  subgraphs: SubgraphEndpoint[];
  supergraphSdl: string;
  /** The development issuer, for the console's development sign-in (never offered in production). */
  devIssuer?: DevIssuer | undefined;
}

export interface Gateway {
  /** Serves HTTP requests (health, readiness, GraphQL); usable without `start` for in-process tests. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

/**
 * Per-request context. A type alias rather than an interface: the gateway's data sources require a
 * `Record<string, any>`, which only type aliases satisfy implicitly.
 */
export type GatewayContext = {
  /** The verified `Bearer …` header to forward; undefined for anonymous requests. */
  authorization: string | undefined;
  /** Whose private cached answers this request may read: the verified organisation and subject; undefined when anonymous. */
  cacheSession: string | undefined;
  meta: RequestMeta;
  /**
   * Filled in by a plugin so the request's log line can name the operation. A nested object because
   * Apollo Server shallow-clones the context per operation: only a shared inner object reaches the log.
   */
  report: { operationName: string | undefined; cacheHit: boolean | undefined };
};

type Fetcher = RemoteGraphQLDataSource['fetcher'];
/** Subgraphs whose answers hold no personal data, so identical concurrent queries may share one call. */
const DEDUPLICATED_SUBGRAPHS = new Set(['sociale-kaart', 'signals']);
type DidEncounterError = Parameters<RemoteGraphQLDataSource<GatewayContext>['didEncounterError']>;

/** Public paths passed through to the sociale-kaart subgraph unchanged (its HSDS open-data feed). */
const HSDS_PREFIX = '/hsds';

/** Same trace, a new span: each subgraph call is a child of the gateway's span. */
export function childTraceparent(meta: RequestMeta): string {
  const flags = meta.traceparent.split('-')[3] ?? '01';
  return `00-${meta.traceId}-${randomBytes(8).toString('hex')}-${flags}`;
}

/**
 * Why a subgraph call got no answer, or undefined when it did get one (an error status or a bad body, which the
 * gateway's own handling reports). The subgraph fetcher (fetcher.ts) fails with a TimeoutError, also while the
 * body is still arriving; a refused, reset or unresolvable connection fails before there is a response.
 */
function noAnswerReason(error: Error, response: DidEncounterError[2]): SubgraphUnavailableReason | undefined {
  if (error.name === 'TimeoutError') return 'TIMEOUT';
  return response ? undefined : 'UNREACHABLE';
}

/**
 * Sends every subgraph request with the user's token, the subgraph's own secret and the trace context.
 * Subgraphs trust nothing else: without the secret they refuse `_service` and `_entities` too.
 */
class HubDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly secret: string;
  private readonly subgraph: string;
  private readonly logger: Logger;

  private readonly onDirectoryChanged: () => void;

  constructor(endpoint: SubgraphEndpoint, fetcher: Fetcher, logger: Logger, onDirectoryChanged: () => void) {
    super({ url: endpoint.url, fetcher });
    this.secret = endpoint.secret;
    this.subgraph = endpoint.name;
    this.logger = logger;
    this.onDirectoryChanged = onDirectoryChanged;
  }

  /** A directory mutation that passed through this gateway drops its cached answers: its users read their own writes. */
  override async didReceiveResponse({ response }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['didReceiveResponse']>>[0]) {
    if (response.http?.headers.get(DIRECTORY_CHANGED_HEADER)) this.onDirectoryChanged();
    return response;
  }

  /**
   * A subgraph that does not answer would otherwise surface as Apollo Gateway's bare `fetch failed`, which names
   * no part of the graph. What it throws here becomes the error of this fetch; the other fetches of the plan go on.
   */
  override didEncounterError(error: Error, _request: DidEncounterError[1], response?: DidEncounterError[2], context?: GatewayContext): void {
    const reason = noAnswerReason(error, response);
    if (!reason) throw error;
    // The network error (with the subgraph's address) is for the operators; the client learns the name only.
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    this.logger.warn(
      {
        reqId: context?.meta.requestId,
        traceId: context?.meta.traceId,
        subgraph: this.subgraph,
        reason,
        err: { type: error.name, message: error.message, cause },
      },
      'subgraph did not answer',
    );
    throw subgraphUnavailable(this.subgraph, reason);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    if (!headers) return;
    headers.set(SUBGRAPH_SECRET_HEADER, this.secret);
    // Health checks and schema loading carry no user request (the package does not export its kind enum).
    if (!('incomingRequestContext' in options)) return;
    const context = options.context;
    if (context.authorization) headers.set('authorization', context.authorization);
    headers.set('x-request-id', context.meta.requestId);
    headers.set('traceparent', childTraceparent(context.meta));
    // Subgraphs write the client's operation name into access-log lines; the query planner's own names for the
    // subgraph operations (e.g. V__cases__0) say nothing to a privacy officer. Only a plain name travels.
    const operationName = options.incomingRequestContext.operationName;
    if (operationName && OPERATION_NAME_PATTERN.test(operationName)) headers.set(OPERATION_NAME_HEADER, operationName);
    else headers.delete(OPERATION_NAME_HEADER);
    // Identical queries by the same caller in flight at the same time may share one call (fetcher.ts), for subgraphs
    // without personal data only: cases and referrals write an access-log line for every read of a client's data, so
    // every request must reach them. Each sharer still handles the answer as its own (cache hint, errors).
    if (DEDUPLICATED_SUBGRAPHS.has(this.subgraph) && options.incomingRequestContext.operation?.operation === 'query') {
      headers.set(SHAREABLE_CALL_HEADER, '1');
    }
  }
}

/** Only a name of the shape OPERATION_NAME_PATTERN allows is logged; anything else as a marker. */
const UNLOGGED_OPERATION_NAME = '[not logged]';

function loggableOperationName(name: string | null | undefined): string | undefined {
  if (name === undefined || name === null) return undefined;
  return OPERATION_NAME_PATTERN.test(name) ? name : UNLOGGED_OPERATION_NAME;
}

const operationNamePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart(requestContext) {
    requestContext.contextValue.report.operationName = loggableOperationName(requestContext.request.operationName);
    return {
      async didResolveOperation(resolved) {
        // Apollo Server leaves this to the executor, and Apollo Gateway's answer has no code (it became a 500).
        if (!resolved.operation) {
          throw new GraphQLError('The document has no operation of the given operationName.', {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        }
        if (resolved.operationName) resolved.contextValue.report.operationName = loggableOperationName(resolved.operationName);
      },
      async willSendResponse({ contextValue, metrics }) {
        contextValue.report.cacheHit = metrics.responseCacheHit;
      },
    };
  },
};

/**
 * The gateway turns a failed subgraph HTTP call into an error whose `extensions.response` holds the subgraph's
 * URL and raw body: internal topology that clients must not see. The hub's formatter does the rest.
 */
function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions && 'response' in formatted.extensions) {
    const { response: _internal, ...extensions } = formatted.extensions;
    return formatHubError({ ...formatted, extensions }, error);
  }
  return formatHubError(formatted, error);
}

type SubgraphReadiness = 'ready' | 'unavailable' | 'unreachable';

/**
 * Builds the gateway: Apollo Gateway over the committed supergraph, token check before any subgraph is
 * called, body limit, health and readiness, one log line per request without variables or tokens.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { config, logger, verifyToken, subgraphs } = options;
  disableApolloTelemetry();
  const subgraphHttp = createSubgraphFetcher(config.subgraphTimeoutMs);
  const fetcher: Fetcher = subgraphHttp.fetcher;
  const rateLimiter = createRateLimiter(config.rateLimit);
  const trustedProxy = createProxyTrust(config.trustedProxies);
  const endpoints = new Map(subgraphs.map((s) => [s.name, s]));
  const serveConsole = createConsoleRoutes({ config, devIssuer: options.devIssuer });
  // Whole answers of operations whose every subgraph answer carried a cache hint (only the sociale kaart sends
  // them: public directory data). Private ones are kept per user, public ones shared by anonymous callers.
  const responseCache = new InMemoryLRUCache<string>({ maxSize: 64 * 2 ** 20 });

  const apolloGateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: logger.child({ component: 'apollo-gateway' }),
    buildService({ name }) {
      // The supergraph's URLs are the compose-time defaults; the configured (or bound) URL wins.
      const endpoint = endpoints.get(name);
      if (!endpoint) throw new Error(`The supergraph names subgraph "${name}", but the gateway has no endpoint for it.`);
      return new HubDataSource(endpoint, fetcher, logger, () => responseCache.clear());
    },
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway: apolloGateway,
    logger: logger.child({ component: 'apollo-server' }),
    introspection: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError: formatGatewayError,
    parseOptions: { maxTokens: hardTokenLimit(config.operationLimits) },
    plugins: [
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ footer: false }),
      operationNamePlugin,
      internalErrorPlugin<GatewayContext>((context) => ({ meta: context.meta, logger })),
      operationLimitsPlugin(config.operationLimits),
      ...(config.directoryCacheSeconds > 0
        ? [responseCachePlugin<GatewayContext>({ cache: responseCache, sessionId: async ({ contextValue }) => contextValue.cacheSession ?? null })]
        : []),
    ],
  });
  await apollo.start();

  const readyTimeoutMs = Math.min(config.subgraphTimeoutMs, 5_000);
  async function subgraphReadiness(): Promise<Record<string, SubgraphReadiness>> {
    const entries = await Promise.all(
      subgraphs.map(async (s): Promise<[string, SubgraphReadiness]> => {
        try {
          const res = await fetch(new URL('/ready', s.url), { signal: AbortSignal.timeout(readyTimeoutMs) });
          await res.arrayBuffer();
          return [s.name, res.status === 200 ? 'ready' : 'unavailable'];
        } catch {
          return [s.name, 'unreachable'];
        }
      }),
    );
    return Object.fromEntries(entries);
  }

  let running: RunningServer | undefined;
  let stopped = false;

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    // The caller's x-request-id / traceparent never become the hub's ids (they go into access-log lines).
    const meta = readRequestMeta(req, false);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const forwarded = forwardedView(req, trustedProxy);
    const context: GatewayContext = { authorization: undefined, cacheSession: undefined, meta, report: { operationName: undefined, cacheHit: undefined } };
    res.setHeader('x-request-id', meta.requestId);
    let status = 500;
    // Every plain JSON answer goes through here, so the access-log line carries the status that was sent.
    const answer = (code: number, body: unknown): void => {
      status = code;
      sendJson(res, code, body);
    };

    const work = async (): Promise<void> => {
      requireOriginForm(req);
      if (url.pathname === '/health') return answer(200, { status: 'ok' });
      if (url.pathname === '/ready') {
        // While stopping, a load balancer must send no new work here (requests in flight still finish).
        if (stopped) return answer(503, { status: 'stopping' });
        const readiness = await subgraphReadiness();
        const ready = Object.values(readiness).every((r) => r === 'ready');
        return answer(ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable', subgraphs: readiness });
      }
      if (url.pathname === HSDS_PREFIX || url.pathname.startsWith(`${HSDS_PREFIX}/`)) {
        rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
        // The open HSDS feed is served by the sociale kaart; the gateway only passes it through (anonymous, GET).
        const socialeKaart = endpoints.get('sociale-kaart');
        if (!socialeKaart) throw new HttpError(404, 'NOT_FOUND', 'Not found.');
        status = await proxyPublicGet(req, res, new URL(socialeKaart.url).origin, meta, {
          timeoutMs: config.subgraphTimeoutMs,
          forwarded: { proto: forwarded.proto, host: forwarded.host },
          serviceSecret: { header: SUBGRAPH_SECRET_HEADER, value: socialeKaart.secret },
        });
        return;
      }
      if (url.pathname !== '/graphql') {
        status = (await serveConsole(req, res, url)) ?? status;
        if (res.headersSent) return;
        throw new HttpError(404, 'NOT_FOUND', 'Not found.');
      }
      // Refused here, before any subgraph is called: a bad token never fans out into the graph.
      const token = bearerToken(req.headers.authorization);
      if (token) {
        const principal = await verifyToken(token);
        context.authorization = `Bearer ${token}`;
        context.cacheSession = `${principal.organizationId}/${principal.subject}`;
        rateLimiter.take(rateLimitKey(principal.organizationId, forwarded.clientAddress));
      } else {
        rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
      }
      const body = req.method === 'POST' ? await readBody(req, config.maxRequestBodyBytes) : '';
      status = await executeGraphQL(apollo, req, res, body, async () => context);
    };

    work()
      .catch((error: unknown) => {
        const httpError =
          error instanceof AuthenticationError
            ? new HttpError(401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' })
            : error instanceof HttpError
              ? error
              : undefined;
        if (httpError) {
          status = httpError.status;
          if (!res.headersSent) sendError(res, httpError);
          else res.end();
          return;
        }
        logger.error({ reqId: meta.requestId, traceId: meta.traceId, err: describeError(error) }, 'request failed');
        status = 500;
        if (!res.headersSent)
          sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: meta.requestId } }] });
        else res.end();
      })
      .finally(() => {
        if (url.pathname === '/health' || url.pathname === '/ready') return;
        logger.info(
          {
            reqId: meta.requestId,
            traceId: meta.traceId,
            ...callerIdFields(meta),
            method: req.method,
            path: url.pathname,
            status,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            operationName: context.report.operationName,
            ...(context.report.cacheHit ? { cache: 'hit' } : {}),
          },
          'request',
        );
      });
  };

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
    },
  };
}
