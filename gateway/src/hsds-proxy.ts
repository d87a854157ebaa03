import { proxyPublicGet, SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import type { SubgraphEndpoint } from './data-source.ts';
import { rateLimitKey, type RateLimiter } from './rate-limit.ts';
import { notFound, type RouteHandler } from './exchange.ts';

/** Public paths passed through to the sociale-kaart subgraph unchanged (its HSDS open-data feed). */
const HSDS_PREFIX = '/hsds';

export const isHsdsPath = (pathname: string): boolean => pathname === HSDS_PREFIX || pathname.startsWith(`${HSDS_PREFIX}/`);

/**
 * The open HSDS feed is served by the sociale kaart; the gateway only passes it through (anonymous, GET), rate
 * limited per client address, with the client's protocol and host (from trusted proxies) for the feed's links.
 */
export function hsdsProxyRoute(options: { socialeKaart: SubgraphEndpoint | undefined; rateLimiter: RateLimiter; timeoutMs: number }): RouteHandler {
  const { socialeKaart, rateLimiter, timeoutMs } = options;
  return async ({ req, res, meta, forwarded }) => {
    await rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
    if (!socialeKaart) throw notFound();
    return proxyPublicGet(req, res, new URL(socialeKaart.url).origin, meta, {
      timeoutMs,
      forwarded: { proto: forwarded.proto, host: forwarded.host },
      serviceSecret: { header: SUBGRAPH_SECRET_HEADER, value: socialeKaart.secret },
    });
  };
}
