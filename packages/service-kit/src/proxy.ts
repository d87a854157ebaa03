import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError, requireOriginForm, type RequestMeta } from './http.ts';

/** Response headers worth passing on; hop-by-hop headers and cookies are not. */
const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'cache-control',
  'etag',
  'last-modified',
  'access-control-allow-origin',
  'x-content-type-options',
];

/** How the client reached the gateway (its own connection, or what a trusted proxy in front of it says). */
export interface ForwardedOrigin {
  proto: 'http' | 'https';
  host: string | undefined;
}

/**
 * Passes a public, read-only GET (or HEAD) through to another service and streams the status and body back:
 * the gateway's door to a subgraph's public routes (the HSDS feed). Only the request id, the trace context and
 * the protocol and host the client used travel along (the feed builds its links from them), with the gateway's secret
 * for that service so it believes them; the caller's token and cookies do not (unless `passAuthorization`), since public routes serve anonymous data.
 */
export async function proxyPublicGet(
  req: IncomingMessage,
  res: ServerResponse,
  targetOrigin: string,
  meta: RequestMeta,
  options: {
    timeoutMs: number;
    forwarded?: ForwardedOrigin;
    /** The secret that tells the service this call comes from the gateway, so it believes the ids and forwarded headers. */
    serviceSecret?: { header: string; value: string };
    /**
     * Pass the caller's Authorization header on (the downloads of half-year reports, which the service checks against
     * the token); off for anonymous public data such as the HSDS feed.
     */
    passAuthorization?: boolean;
  },
): Promise<number> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new HttpError(405, 'BAD_REQUEST', 'This path is read-only: use GET.', { allow: 'GET, HEAD' });
  }
  // Only a path travels; a target naming a host of its own would turn this door into a fetch of any address.
  requireOriginForm(req);
  const origin = new URL(targetOrigin).origin;
  const target = new URL(req.url ?? '/', origin);
  if (target.origin !== origin) throw new HttpError(400, 'BAD_REQUEST', 'The request target must be a path starting with a single "/".');
  const forwarded = options.forwarded ?? { proto: 'http', host: req.headers.host };
  const headers: Record<string, string> = {
    accept: String(req.headers.accept ?? '*/*'),
    'x-request-id': meta.requestId,
    traceparent: meta.traceparent,
    ...(forwarded.host ? { 'x-forwarded-host': forwarded.host } : {}),
    'x-forwarded-proto': forwarded.proto,
    ...(options.serviceSecret ? { [options.serviceSecret.header]: options.serviceSecret.value } : {}),
  };
  const authorization = req.headers.authorization;
  if (options.passAuthorization && typeof authorization === 'string') headers.authorization = authorization;
  let upstream: Response;
  try {
    upstream = await fetch(target, { method: req.method, headers, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch {
    throw new HttpError(502, 'INTERNAL_SERVER_ERROR', 'The service behind this path did not answer.');
  }
  const out: Record<string, string> = {};
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value !== null) out[name] = value;
  }
  res.writeHead(upstream.status, out);
  if (!upstream.body || req.method === 'HEAD') {
    res.end();
    return upstream.status;
  }
  await pipeline(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream<Uint8Array>), res);
  return upstream.status;
}
