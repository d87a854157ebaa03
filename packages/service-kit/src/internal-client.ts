import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { HttpError, readBody, sendJson, type RequestMeta } from './http.ts';
import { INTERNAL_SECRET_HEADER, type RequestScope, type RouteHandler } from './subgraph-host.ts';

/**
 * One subgraph-to-subgraph endpoint: its path, what the caller sends and what it gets back. The caller and the
 * serving subgraph import the same declaration (packages/contracts), so the two sides cannot drift apart.
 */
export interface InternalContract<TRequest extends z.ZodType, TResponse extends z.ZodType> {
  path: `/internal/${string}`;
  request: TRequest;
  response: TResponse;
}

/**
 * Reads an internal route's JSON body and parses it with the contract's schema: a body that is not JSON is
 * BAD_REQUEST, one that does not fit is BAD_USER_INPUT naming the first offending field. Nothing is written before
 * this returns, so a refused body changes nothing.
 */
export async function readInternalBody<T extends z.ZodType>(req: IncomingMessage, schema: T, limit: number): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readBody(req, limit));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = (issue?.path ?? []).map(String).join('.') || 'body';
  throw new HttpError(400, 'BAD_USER_INPUT', `Invalid ${field}: ${issue?.message ?? 'invalid'}.`);
}

/** How a subgraph answers one contract: from the parsed body to the typed answer. */
export interface InternalRoute {
  path: string;
  serve(req: IncomingMessage, limit: number, scope: RequestScope): Promise<unknown>;
}

export function internalRoute<TRequest extends z.ZodType, TResponse extends z.ZodType>(
  contract: InternalContract<TRequest, TResponse>,
  answer: (body: z.output<TRequest>, scope: RequestScope) => Promise<z.input<TResponse>>,
): InternalRoute {
  return {
    path: contract.path,
    serve: async (req, limit, scope) => answer(await readInternalBody(req, contract.request, limit), scope),
  };
}

/** The /internal/* routes of a subgraph: POST only, each body parsed by its contract before anything happens. */
export function internalRoutes(maxBodyBytes: number, routes: readonly InternalRoute[]): RouteHandler {
  const byPath = new Map(routes.map((r) => [r.path, r]));
  return async (req, res, url, scope) => {
    const route = byPath.get(url.pathname);
    if (!route) return false;
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.');
    sendJson(res, 200, await route.serve(req, maxBodyBytes, scope));
    return true;
  };
}

/**
 * POSTs a contract's body to another subgraph's /internal/* endpoint with the internal secret, the request id and
 * the trace context, and parses the answer with the contract's response schema: an answer of another shape is a
 * failed call, like an error status. Bodies carry ids and codes, never personal data beyond what the peer owns.
 */
export async function callInternal<TRequest extends z.ZodType, TResponse extends z.ZodType>(
  peerBaseUrl: string,
  contract: InternalContract<TRequest, TResponse>,
  body: z.input<TRequest>,
  options: { secret: string; meta?: RequestMeta | undefined; timeoutMs?: number },
): Promise<z.output<TResponse>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: options.secret };
  if (options.meta) {
    headers['x-request-id'] = options.meta.requestId;
    headers.traceparent = options.meta.traceparent;
  }
  const res = await fetch(new URL(contract.path, peerBaseUrl), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
  });
  const text = await res.text();
  if (!res.ok) throw new HttpError(502, 'INTERNAL_SERVER_ERROR', `Internal call ${contract.path} failed with status ${res.status}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(502, 'INTERNAL_SERVER_ERROR', `Internal call ${contract.path} answered with a body that is not JSON.`);
  }
  const parsed = contract.response.safeParse(raw);
  if (!parsed.success) throw new HttpError(502, 'INTERNAL_SERVER_ERROR', `Internal call ${contract.path} answered outside its contract.`);
  return parsed.data;
}
