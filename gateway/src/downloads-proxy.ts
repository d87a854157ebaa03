import { proxyPublicGet, SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import type { SubgraphEndpoint } from './data-source.ts';
import { rateLimitKey, type RateLimiter } from './rate-limit.ts';
import { notFound, type RouteHandler } from './exchange.ts';

/** Downloads of half-year reports (CSV, PDF), served by the cases subgraph. */
const DOWNLOADS_PREFIX = '/downloads';

export const isDownloadsPath = (pathname: string): boolean => pathname.startsWith(`${DOWNLOADS_PREFIX}/`);

/**
 * Passes a download through to the cases subgraph (GET), with the caller's bearer token from the Authorization header
 * and the gateway's secret for cases: cases checks both and answers only what `halfYearReport` would show the caller.
 * Rate limited per client address, like the other paths outside /graphql.
 */
export function downloadsProxyRoute(options: { cases: SubgraphEndpoint | undefined; rateLimiter: RateLimiter; timeoutMs: number }): RouteHandler {
  const { cases, rateLimiter, timeoutMs } = options;
  return async ({ req, res, meta, forwarded }) => {
    await rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
    if (!cases) throw notFound();
    return proxyPublicGet(req, res, new URL(cases.url).origin, meta, {
      timeoutMs,
      forwarded: { proto: forwarded.proto, host: forwarded.host },
      serviceSecret: { header: SUBGRAPH_SECRET_HEADER, value: cases.secret },
      passAuthorization: true,
    });
  };
}
