import { HttpError, type RequestMeta } from './http.ts';
import { INTERNAL_SECRET_HEADER } from './subgraph-host.ts';

/**
 * POSTs JSON to another subgraph's /internal/* endpoint with the internal secret, the request id and
 * the trace context. Bodies carry ids and codes, never personal data beyond what the peer owns.
 */
export async function callInternal<T>(
  peerBaseUrl: string,
  path: string,
  body: unknown,
  options: { secret: string; meta?: RequestMeta | undefined; timeoutMs?: number },
): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.secret };
  if (options.meta) {
    headers['x-request-id'] = options.meta.requestId;
    headers.traceparent = options.meta.traceparent;
  }
  const res = await fetch(new URL(path, peerBaseUrl), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
  });
  const text = await res.text();
  if (!res.ok) throw new HttpError(502, 'INTERNAL_SERVER_ERROR', `Internal call ${path} failed with status ${res.status}.`);
  return JSON.parse(text) as T;
}
