import { iwlzNotificationContract, iwlzNotificationReceipt, iwlzNotificationSchema, NIEUWE_INDICATIE_ZORGKANTOOR } from '@hub/contracts';
import { headerValue, HttpError, readBody, secretMatches, SUBGRAPH_SECRET_HEADER } from '@hub/service-kit';
import type { SubgraphEndpoint } from './data-source.ts';
import { answerJson, notFound, type RouteHandler } from './exchange.ts';
import { rateLimitKey, type RateLimiter } from './rate-limit.ts';

/** Where the CIZ (or the iWlz network's notification service) posts its notifications, on the gateway's origin. */
export const IWLZ_NOTIFICATIONS_PATH = '/iwlz/notificaties';

/** The bearer value of an Authorization header, whatever its shape (the source's secret is no JWT). */
function presentedToken(value: string | undefined): string | undefined {
  const m = value ? /^Bearer\s+(\S+)\s*$/i.exec(value) : null;
  return m?.[1];
}

const refusal = (field: string, message: string) => ({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

/**
 * The iWlz notification door: the configured source only (its bearer secret, compared in constant time), POST, a body
 * that is the NIEUWE_INDICATIE_ZORGKANTOOR envelope (ids only). A valid notification goes on to the cases subgraph with
 * the gateway's secret for cases; its answer (stored, already known, pending or failed) comes back as it is. Nothing is
 * forwarded before the source and the body were checked, so a refused request changes nothing.
 */
export function iwlzNotificationRoute(options: {
  cases: SubgraphEndpoint | undefined;
  token: string | undefined;
  rateLimiter: RateLimiter;
  timeoutMs: number;
  maxBodyBytes: number;
}): RouteHandler {
  const { cases, token, rateLimiter, timeoutMs, maxBodyBytes } = options;
  return async ({ req, res, meta, forwarded }) => {
    await rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
    if (!token || !cases) throw notFound();
    if (req.method !== 'POST') throw new HttpError(405, 'BAD_REQUEST', 'Use POST.', { allow: 'POST' });
    if (!secretMatches(presentedToken(headerValue(req, 'authorization')), token)) {
      throw new HttpError(401, 'UNAUTHENTICATED', 'This endpoint answers the configured iWlz notification source only.', { 'www-authenticate': 'Bearer' });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await readBody(req, maxBodyBytes));
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
    const eventType = typeof raw === 'object' && raw !== null && 'eventType' in raw ? raw.eventType : undefined;
    if (eventType !== NIEUWE_INDICATIE_ZORGKANTOOR) {
      const shown = typeof eventType === 'string' && /^[A-Z_]{1,60}$/.test(eventType) ? eventType : 'this eventType';
      return answerJson(res, 400, refusal('eventType', `${shown} is not handled here: this endpoint takes ${NIEUWE_INDICATIE_ZORGKANTOOR} only.`));
    }
    const parsed = iwlzNotificationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = (issue?.path ?? []).map(String).join('.') || 'body';
      return answerJson(res, 400, refusal(field, `Invalid ${field}: ${issue?.message ?? 'invalid'}.`));
    }
    let upstream: Response;
    try {
      upstream = await fetch(new URL(iwlzNotificationContract.path, new URL(cases.url).origin), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SUBGRAPH_SECRET_HEADER]: cases.secret,
          'x-request-id': meta.requestId,
          traceparent: meta.traceparent,
        },
        body: JSON.stringify(parsed.data),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      // The source keeps the notification and sends it again: nothing was taken.
      throw new HttpError(503, 'SUBGRAPH_UNAVAILABLE', 'The hub cannot take notifications right now; send it again later.', { 'retry-after': '30' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await upstream.text());
    } catch {
      throw new HttpError(502, 'INTERNAL_SERVER_ERROR', 'The notification could not be handled.');
    }
    if (upstream.ok && !iwlzNotificationReceipt.safeParse(body).success)
      throw new HttpError(502, 'INTERNAL_SERVER_ERROR', 'The notification could not be handled.');
    return answerJson(res, upstream.status, body);
  };
}
