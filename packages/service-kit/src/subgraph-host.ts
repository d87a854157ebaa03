import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { countStatements } from '@hub/db';
import { formatHubError } from '@hub/errors';
import { ANONYMOUS, AuthenticationError, bearerToken, type Caller, type TokenVerifier } from '@hub/identity';
import {
  callerIdFields,
  executeGraphQL,
  headerValue,
  HttpError,
  listen,
  readBody,
  readOperationName,
  readRequestMeta,
  requireOriginForm,
  secretMatches,
  sendError,
  sendJson,
  type RequestMeta,
  type RunningServer,
} from './http.ts';
import { describeError, internalErrorPlugin, type ErrorScope } from './error-report.ts';
import type { Logger } from './logger.ts';
import { metricsTokenMatches, routeLabel, type ServiceMetrics } from './metrics.ts';
import { contextFromTraceparent, inServerSpan, serviceTracer } from './tracing.ts';

export const SUBGRAPH_SECRET_HEADER = 'x-hub-subgraph-secret';
export const INTERNAL_SECRET_HEADER = 'x-hub-internal-secret';
/** Set by the sociale kaart on a mutation's answer: the directory changed, so the gateway drops its cached answers. */
export const DIRECTORY_CHANGED_HEADER = 'x-hub-directory-changed';

export interface RequestScope {
  caller: Caller;
  meta: RequestMeta;
  logger: Logger;
}

/** Extra HTTP routes (e.g. a REST feed) served beside GraphQL; return true when handled. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, scope: RequestScope) => Promise<boolean>;

/**
 * The resolver map `buildSubgraphSchema` takes, named through its public signature. Each subgraph passes its
 * generated `Resolvers` (src/generated/resolvers-types.ts), typed against its schema.graphql and its Context.
 */
export type SubgraphResolvers = NonNullable<Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>['resolvers']>;

export interface SubgraphHostOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  secret: string;
  verifyToken: TokenVerifier;
  logger: Logger;
  production: boolean;
  maxBodyBytes: number;
  /** How long `stop()` lets requests in flight finish (SHUTDOWN_DRAIN_MS). */
  shutdownDrainMs?: number;
  ready: () => Promise<boolean>;
  createContext: (scope: RequestScope) => TContext;
  /** Routes that do not need the gateway secret: public, read-only, anonymous data only. */
  publicRoutes?: RouteHandler;
  /** Subgraph-to-subgraph endpoints under /internal/, guarded by the internal secret. */
  internalRoutes?: RouteHandler;
  internalSecret?: string;
  /**
   * Endpoints under /internal/ that only the gateway calls (with this subgraph's gateway secret), for a request the
   * gateway authenticated itself, such as a notification from outside the hub.
   */
  gatewayRoutes?: RouteHandler;
  /** Apollo plugins of the subgraph, e.g. to write a per-request buffer (an access log) before the response leaves. */
  plugins?: ApolloServerPlugin<TContext>[];
  /** This service's metrics; with `metricsToken` also served at `/metrics` (the process's whole registry). */
  metrics?: ServiceMetrics | undefined;
  metricsToken?: string | undefined;
  renderMetrics?: (() => Promise<string>) | undefined;
}

export interface SubgraphHost {
  apollo: ApolloServer<BaseContext>;
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  start(port: number, host: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

/**
 * Hosts a subgraph the same way everywhere: health and readiness, the gateway secret (checked
 * before anything else, `_service` and `_entities` included), the user's token, request id and
 * trace context, a body limit, and one log line per request without personal data.
 */
export async function createSubgraphHost<TContext extends BaseContext>(options: SubgraphHostOptions<TContext>): Promise<SubgraphHost> {
  // The subgraph's context type is its own; the request an error belongs to travels beside it.
  const errorScope = new AsyncLocalStorage<ErrorScope>();
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.production,
    formatError: formatHubError,
    allowBatchedHttpRequests: false,
    // The process owns SIGINT/SIGTERM (drain, then stop everything); Apollo's own handler would stop this server
    // early and re-send the signal, which the process then takes for a second Ctrl-C and exits with code 1.
    stopOnTerminationSignals: false,
    // Inline traces (ftv1) only feed Apollo's usage reporting, which the hub never uses.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
      // The gateway passes the client's operation name on (meta.operationName); the planner's own names are not counted.
      ...(options.metrics ? [options.metrics.operationPlugin<TContext>((context) => (context as unknown as RequestScope).meta.operationName)] : []),
      internalErrorPlugin<TContext>(() => errorScope.getStore()),
    ],
  });
  await apollo.start();
  const { logger, metrics } = options;
  let running: RunningServer | undefined;
  // While stopping, /ready answers 503 so a load balancer sends no new work here.
  let stopping = false;
  // Undefined while tracing is off: then no span is made and no context is switched.
  const tracer = serviceTracer(options.name);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    // Only the gateway (subgraph secret) and hub peers (internal secret) may hand their request id and trace on.
    const fromGateway = secretMatches(headerValue(req, SUBGRAPH_SECRET_HEADER), options.secret);
    const fromHub = fromGateway || (options.internalSecret !== undefined && secretMatches(headerValue(req, INTERNAL_SECRET_HEADER), options.internalSecret));
    // The client's operation name goes into access-log lines: believed only from the gateway, which checked its shape.
    const meta = { ...readRequestMeta(req, fromHub), operationName: fromGateway ? readOperationName(req) : undefined };
    // Public routes build links from the forwarded protocol and host: believed only when the gateway passed them on.
    if (!fromHub) {
      delete req.headers['x-forwarded-host'];
      delete req.headers['x-forwarded-proto'];
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reqLogger = logger.child({ reqId: meta.requestId, traceId: meta.traceId, ...callerIdFields(meta) });
    const counter = { statements: 0 };
    res.setHeader('x-request-id', meta.requestId);
    let status = 500;
    // Every plain JSON answer goes through here, so the access-log line carries the status that was sent.
    const answer = (code: number, body: unknown): void => {
      status = code;
      sendJson(res, code, body);
    };
    const work = async () => {
      requireOriginForm(req);
      if (url.pathname === '/health') return answer(200, { status: 'ok' });
      if (url.pathname === '/ready') {
        const ok = !stopping && (await options.ready());
        return answer(ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
      }
      if (url.pathname === '/metrics' && options.metricsToken && options.renderMetrics) {
        if (!metricsTokenMatches(headerValue(req, 'authorization'), options.metricsToken)) {
          throw new HttpError(401, 'UNAUTHENTICATED', 'The metrics need the metrics token.', { 'www-authenticate': 'Bearer' });
        }
        const text = await options.renderMetrics();
        status = 200;
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
        res.end(text);
        return;
      }
      if (url.pathname.startsWith('/internal/')) {
        // A door the gateway opens for an outside party it authenticated itself: its secret only, not a peer's.
        if (fromGateway && options.gatewayRoutes) {
          const scope: RequestScope = { caller: ANONYMOUS, meta, logger: reqLogger };
          if (await options.gatewayRoutes(req, res, url, scope)) {
            status = res.statusCode;
            return;
          }
        }
        if (!options.internalRoutes || !options.internalSecret) throw new HttpError(404, 'NOT_FOUND', 'Not found.');
        if (!secretMatches(headerValue(req, INTERNAL_SECRET_HEADER), options.internalSecret)) {
          throw new HttpError(401, 'UNAUTHENTICATED', 'Internal endpoints answer other hub services only.');
        }
        const scope: RequestScope = { caller: ANONYMOUS, meta, logger: reqLogger };
        if (await options.internalRoutes(req, res, url, scope)) {
          status = res.statusCode;
          return;
        }
        throw new HttpError(404, 'NOT_FOUND', 'Not found.');
      }
      if (options.publicRoutes && url.pathname !== '/graphql') {
        const scope: RequestScope = { caller: ANONYMOUS, meta, logger: reqLogger };
        if (await options.publicRoutes(req, res, url, scope)) {
          status = res.statusCode;
          return;
        }
      }
      if (url.pathname !== '/graphql') throw new HttpError(404, 'NOT_FOUND', 'Not found.');
      if (!secretMatches(headerValue(req, SUBGRAPH_SECRET_HEADER), options.secret)) {
        throw new HttpError(401, 'UNAUTHENTICATED', 'This subgraph answers the hub gateway only.');
      }
      let caller: Caller = ANONYMOUS;
      try {
        const token = bearerToken(req.headers.authorization);
        if (token) caller = await options.verifyToken(token);
      } catch (e) {
        if (e instanceof AuthenticationError) throw new HttpError(401, 'UNAUTHENTICATED', e.message);
        throw e;
      }
      const body = req.method === 'POST' ? await readBody(req, options.maxBodyBytes) : '';
      const context = options.createContext({ caller, meta, logger: reqLogger });
      status = await errorScope.run({ meta, logger: reqLogger }, () => executeGraphQL(apollo, req, res, body, async () => context));
    };
    const probe = url.pathname === '/health' || url.pathname === '/ready';
    // The gateway's span is the parent of this one; a caller without a hub secret cannot hang its spans into the hub's.
    const parent = contextFromTraceparent(fromHub ? headerValue(req, 'traceparent') : meta.traceparent);
    void inServerSpan(probe || url.pathname === '/metrics' ? undefined : tracer, req.method ?? 'GET', routeLabel(url.pathname), parent, (span) =>
      countStatements(counter, work)
        .catch((error: unknown) => {
          if (error instanceof HttpError) {
            status = error.status;
            if (!res.headersSent) sendError(res, error);
            return;
          }
          reqLogger.error({ err: describeError(error) }, 'request failed');
          status = 500;
          if (!res.headersSent)
            sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: meta.requestId } }] });
          else res.end();
        })
        .finally(() => {
          span?.setAttribute('http.response.status_code', status);
          if (probe) return;
          metrics?.countResponse(url.pathname, status);
          reqLogger.info(
            { method: req.method, path: url.pathname, status, ms: Number(process.hrtime.bigint() - started) / 1e6, statements: counter.statements },
            'request',
          );
        }),
    );
  };

  return {
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    handle,
    async start(port, host) {
      stopping = false;
      running = await listen(handle, port, host, '/graphql', { drainMs: options.shutdownDrainMs });
      logger.info({ url: running.url }, `${options.name} subgraph listening`);
      return running;
    },
    async stop() {
      stopping = true;
      await running?.stop();
      await apollo.stop();
    },
  };
}
