import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson, type RequestMeta } from '@hub/service-kit';
import type { RequestReport } from './context.ts';
import type { ForwardedView } from './forwarded.ts';

/** One request as a route sees it. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  meta: RequestMeta;
  /** The client's address, protocol and host, forwarded headers counted only from trusted proxies. */
  forwarded: ForwardedView;
  /** What the request's log line says about a GraphQL operation. */
  report: RequestReport;
}

/**
 * Answers one request and resolves to the HTTP status it sent, which the request log records. A route that throws
 * is answered by `sendFailure` (error-format.ts): an HttpError with its own status, a bad token 401, anything else 500.
 */
export type RouteHandler = (exchange: Exchange) => Promise<number>;

/** Every plain JSON answer goes through here, so the request log carries the status that was sent. */
export function answerJson(res: ServerResponse, status: number, body: unknown): number {
  sendJson(res, status, body);
  return status;
}

export const notFound = (): HttpError => new HttpError(404, 'NOT_FOUND', 'Not found.');
