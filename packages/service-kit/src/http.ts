import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Request id and W3C trace context for one request. */
export interface RequestMeta {
  requestId: string;
  traceId: string;
  /** The traceparent to send downstream (same trace, new span). */
  traceparent: string;
}

const TRACEPARENT_RE = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const REQUEST_ID_RE = /^[A-Za-z0-9\-_.:]{1,128}$/;

export function readRequestMeta(req: IncomingMessage): RequestMeta {
  const incomingId = headerValue(req, 'x-request-id');
  const requestId = incomingId && REQUEST_ID_RE.test(incomingId) ? incomingId : randomUUID();
  const tp = TRACEPARENT_RE.exec(headerValue(req, 'traceparent') ?? '');
  const traceId = tp?.[1] && tp[1] !== '0'.repeat(32) ? tp[1] : randomBytes(16).toString('hex');
  const flags = tp?.[3] ?? '01';
  return { requestId, traceId, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-${flags}` };
}

/**
 * Origin-form (RFC 9112 section 3.2.1): a path that starts with one "/", without scheme or authority. Node also
 * accepts absolute-form (`http://host/…`) and scheme-relative targets (`//host/…`), which `new URL(target, base)`
 * resolves to another host; URL parsers read a backslash as a slash, so `/\host/…` is the same thing.
 */
const ORIGIN_FORM_RE = /^\/(?![/\\])[^\\\u0000-\u0020\u007f]*$/;

export function isOriginForm(target: string | undefined): boolean {
  return target !== undefined && ORIGIN_FORM_RE.test(target);
}

/** Refuses a request whose target is not origin-form, before it is routed or anything is fetched for it. */
export function requireOriginForm(req: IncomingMessage): void {
  if (!isOriginForm(req.url)) throw new HttpError(400, 'BAD_REQUEST', 'The request target must be a path starting with a single "/".');
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, 'BAD_REQUEST', `Request body exceeds ${limit} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, 'BAD_REQUEST', `Request body exceeds ${limit} bytes.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The error shape of the hub for failures outside GraphQL execution. */
export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, error.headers);
}

/** Compares a presented secret with the expected one in constant time. */
export function secretMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Hands one HTTP request to Apollo Server (the documented integration API). */
export async function executeGraphQL<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
  context: () => Promise<TContext>,
): Promise<number> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = rawBody;
  if (req.method === 'POST' && (headers.get('content-type') ?? '').includes('json')) {
    try {
      body = rawBody === '' ? {} : JSON.parse(rawBody);
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
  }
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'POST' && url.searchParams.has('variables')) {
    // Variables carry what a caller typed (a BSN, a name); in a URL they end up in access logs and browser history.
    throw new HttpError(405, 'BAD_REQUEST', 'An operation with variables must be sent with POST.', { allow: 'POST' });
  }
  const result = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context,
  });
  const status = result.status ?? 200;
  const outHeaders: Record<string, string> = {};
  for (const [k, v] of result.headers) outHeaders[k] = v;
  res.writeHead(status, outHeaders);
  if (result.body.kind === 'complete') {
    res.end(result.body.string);
  } else {
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }
  return status;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops accepting connections, closes idle keep-alive connections, lets the requests in flight finish (each
   * answer closes its connection) and resolves when all are done, or cuts what is left after the drain time.
   */
  stop(): Promise<void>;
}

/** How long `stop()` waits for requests in flight when the caller names no drain time (SHUTDOWN_DRAIN_MS's default). */
export const DEFAULT_SHUTDOWN_DRAIN_MS = 10_000;

/** Listens on `port` (0 picks a free one) and resolves with the bound address. */
export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  port: number,
  host: string,
  path = '/graphql',
  options: { drainMs?: number } = {},
): Promise<RunningServer & { server: Server }> {
  const drainMs = options.drainMs ?? DEFAULT_SHUTDOWN_DRAIN_MS;
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  const server = createServer({ keepAliveTimeout: 65_000, requestTimeout: 30_000 }, (req, res) => {
    inFlight.add(res);
    // Once the server drains, an answer closes its connection, so keep-alive clients do not send more on it.
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (draining) server.closeIdleConnections();
    });
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  let stopped: Promise<void> | undefined;
  return {
    server,
    port: address.port,
    url: `http://${shownHost}:${address.port}${path}`,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        draining = true;
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        const cut = setTimeout(() => server.closeAllConnections(), drainMs);
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}
