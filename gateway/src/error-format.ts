import type { ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import { formatHubError } from '@hub/errors';
import { AuthenticationError } from '@hub/identity';
import { describeError, HttpError, sendError, sendJson, type Logger, type RequestMeta } from '@hub/service-kit';

/**
 * The gateway turns a failed subgraph HTTP call into an error whose `extensions.response` holds the subgraph's
 * URL and raw body: internal topology that clients must not see. The hub's formatter does the rest.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions && 'response' in formatted.extensions) {
    const { response: _internal, ...extensions } = formatted.extensions;
    return formatHubError({ ...formatted, extensions }, error);
  }
  return formatHubError(formatted, error);
}

/**
 * Answers a request that failed outside GraphQL execution and returns the status sent: a bad token is 401, an
 * HttpError its own status, anything else a logged 500 that names only the request id. When the answer has already
 * begun, the response is ended as it is.
 */
export function sendFailure(res: ServerResponse, error: unknown, meta: RequestMeta, logger: Logger): number {
  const httpError =
    error instanceof AuthenticationError
      ? new HttpError(401, 'UNAUTHENTICATED', error.message, { 'www-authenticate': 'Bearer' })
      : error instanceof HttpError
        ? error
        : undefined;
  if (httpError) {
    if (!res.headersSent) sendError(res, httpError);
    else res.end();
    return httpError.status;
  }
  logger.error({ reqId: meta.requestId, traceId: meta.traceId, err: describeError(error) }, 'request failed');
  if (!res.headersSent)
    sendJson(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: meta.requestId } }] });
  else res.end();
  return 500;
}
