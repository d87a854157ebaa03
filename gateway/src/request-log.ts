import { callerIdFields, type Logger } from '@hub/service-kit';
import type { Exchange } from './exchange.ts';

/** Probes of load balancers and orchestrators, asked every few seconds: not logged. */
const UNLOGGED_PATHS = new Set(['/health', '/ready']);

/**
 * One line per request: ids (the hub's, and the caller's own only as `callerRequestId` / `callerTraceId`), method,
 * path, status, duration, the operation name when it is plain, and a response cache hit. Never variables, tokens,
 * the query string or personal data.
 */
export function logRequest(logger: Logger, { req, url, meta, report }: Exchange, status: number, started: bigint): void {
  if (UNLOGGED_PATHS.has(url.pathname)) return;
  logger.info(
    {
      reqId: meta.requestId,
      traceId: meta.traceId,
      ...callerIdFields(meta),
      method: req.method,
      path: url.pathname,
      status,
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      operationName: report.operationName,
      ...(report.cacheHit ? { cache: 'hit' } : {}),
    },
    'request',
  );
}
