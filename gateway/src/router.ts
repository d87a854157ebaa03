import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  inServerSpan,
  readRequestMeta,
  requireOriginForm,
  routeLabel,
  traceparentOf,
  type Logger,
  type ServiceMetrics,
  type ServiceTracer,
} from '@hub/service-kit';
import type { Cors } from './cors.ts';
import { sendFailure } from './error-format.ts';
import type { Exchange, RouteHandler } from './exchange.ts';
import { forwardedView, type ProxyTrust } from './forwarded.ts';
import { isDownloadsPath } from './downloads-proxy.ts';
import { GRAPHIQL_PATH, wantsGraphiql } from './graphiql-path.ts';
import { isHsdsPath } from './hsds-proxy.ts';
import { IWLZ_NOTIFICATIONS_PATH } from './iwlz-notifications.ts';
import { logRequest } from './request-log.ts';

/** The gateway's routes; {@link routeFor} says which path goes where. */
export interface GatewayRoutes {
  /** `/health`: liveness. */
  health: RouteHandler;
  /** `/ready`: readiness of the gateway and every subgraph. */
  ready: RouteHandler;
  /** `/graphql`: the graph. */
  graphql: RouteHandler;
  /** `/graphiql`, and `GET /graphql` from a browser: GraphiQL, outside production only (undefined in production). */
  graphiql?: RouteHandler | undefined;
  /** `/hsds` and below: the sociale kaart's open HSDS feed, passed through. */
  hsds: RouteHandler;
  /** `/downloads/...`: downloads of half-year reports (CSV, PDF), passed through to cases with the bearer token. */
  downloads: RouteHandler;
  /** `/iwlz/notificaties`: iWlz notifications from the configured source, on to the cases subgraph. */
  iwlzNotifications: RouteHandler;
  /** `/` and every path no other route claims: the web console's static files, on the gateway's own origin. */
  console: RouteHandler;
  /** `/metrics`: Prometheus metrics behind METRICS_TOKEN; without a token the path is the console's, as any other. */
  metrics?: RouteHandler | undefined;
}

/** Which route serves a path. The API's own paths are fixed; whatever is left belongs to the console. */
export function routeFor(exchange: Pick<Exchange, 'req' | 'url'>, routes: GatewayRoutes): RouteHandler {
  const { pathname } = exchange.url;
  if (pathname === '/health') return routes.health;
  if (pathname === '/ready') return routes.ready;
  if (pathname === '/graphql') return routes.graphiql && wantsGraphiql(exchange.req, exchange.url) ? routes.graphiql : routes.graphql;
  if (pathname === GRAPHIQL_PATH && routes.graphiql) return routes.graphiql;
  if (isHsdsPath(pathname)) return routes.hsds;
  if (isDownloadsPath(pathname)) return routes.downloads;
  if (pathname === IWLZ_NOTIFICATIONS_PATH) return routes.iwlzNotifications;
  if (pathname === '/metrics' && routes.metrics) return routes.metrics;
  return routes.console;
}

/**
 * The gateway's HTTP entry: request ids, origin-form check, CORS for the listed origins, dispatch by path, one answer
 * for a failure, and one log line per request without variables or tokens.
 */
export function createRequestHandler(options: {
  routes: GatewayRoutes;
  trustedProxy: ProxyTrust;
  logger: Logger;
  cors: Cors;
  metrics?: ServiceMetrics | undefined;
  /** The gateway's tracer while tracing is on: each request then gets a SERVER span, the root of its trace. */
  tracer?: ServiceTracer | undefined;
}) {
  const { routes, trustedProxy, logger, cors, metrics, tracer } = options;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = process.hrtime.bigint();
    // The caller's x-request-id / traceparent never become the hub's ids (they go into access-log lines).
    const meta = readRequestMeta(req, false);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const exchange: Exchange = {
      req,
      res,
      url,
      meta,
      forwarded: forwardedView(req, trustedProxy),
      report: { operationName: undefined, cacheHit: undefined },
    };
    res.setHeader('x-request-id', meta.requestId);
    let status = 500;

    const work = async (): Promise<number> => {
      requireOriginForm(req);
      return cors(req, res, url.pathname) ?? routeFor(exchange, routes)(exchange);
    };

    const route = routeLabel(url.pathname);
    const traced = tracer && route !== '/health' && route !== '/ready' && route !== '/metrics' ? tracer : undefined;
    void inServerSpan(traced, req.method ?? 'GET', route, undefined, (span) => {
      // The span's trace is the request's: log lines, access-log lines and subgraph calls carry its trace id.
      if (span) {
        meta.traceparent = traceparentOf(span);
        meta.traceId = span.spanContext().traceId;
      }
      return work()
        .then(
          (sent) => {
            status = sent;
          },
          (error: unknown) => {
            status = sendFailure(res, error, meta, logger);
          },
        )
        .finally(() => {
          span?.setAttribute('http.response.status_code', status);
          metrics?.countResponse(url.pathname, status);
          logRequest(logger, exchange, status, started);
        });
    });
  };
}
