import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from '@hub/service-kit';

/**
 * CORS for pages on other origins that call the API (CORS_ORIGINS). Only the listed origins get CORS headers, each
 * its own origin back (never `*`), and never `Access-Control-Allow-Credentials`: the API is called with a bearer
 * token, not with cookies. An unlisted origin gets no CORS headers at all, so its browser keeps the answer from its
 * page, as without CORS. The open HSDS feed keeps its own `*` (public data, no token); the console is same-origin only.
 */

/** The paths a page on a listed origin may call. */
const CORS_PATHS = ['/graphql'];
const isCorsPath = (path: string) => CORS_PATHS.includes(path) || path.startsWith('/downloads/');

export const CORS_ALLOWED_METHODS = 'GET, POST';
/** Request headers a page may send: the token, JSON, Apollo's CSRF-prevention headers and the W3C trace context. */
export const CORS_ALLOWED_HEADERS = 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, traceparent';
/** Response headers a page may read besides the CORS-safelisted ones. */
const CORS_EXPOSED_HEADERS = 'retry-after, x-request-id';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Sets the CORS headers on a request from a listed origin and answers its preflight (status 204, returned); returns
 * undefined when the route should answer the request as usual.
 */
export type Cors = (req: IncomingMessage, res: ServerResponse, pathname: string) => number | undefined;

export function createCors(origins: readonly string[]): Cors {
  const allowed = new Set(origins);
  return (req, res, pathname) => {
    if (allowed.size === 0 || !isCorsPath(pathname)) return undefined;
    // The answer depends on Origin: a shared cache must not hand one origin's answer to another.
    res.setHeader('vary', 'origin');
    const origin = headerValue(req, 'origin');
    if (origin === undefined || !allowed.has(origin)) return undefined;
    res.setHeader('access-control-allow-origin', origin);
    if (req.method === 'OPTIONS' && headerValue(req, 'access-control-request-method') !== undefined) {
      res.writeHead(204, {
        'access-control-allow-methods': CORS_ALLOWED_METHODS,
        'access-control-allow-headers': CORS_ALLOWED_HEADERS,
        'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
        'content-length': '0',
      });
      res.end();
      return 204;
    }
    res.setHeader('access-control-expose-headers', CORS_EXPOSED_HEADERS);
    return undefined;
  };
}
