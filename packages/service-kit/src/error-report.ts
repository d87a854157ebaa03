import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode, isInternalError } from '@hub/errors';
import type { RequestMeta } from './http.ts';
import type { Logger } from './logger.ts';

/** What an unexpected error is logged as: its kind and cause, without the statement or values that led to it. */
export interface ErrorDescription {
  type: string;
  /** A machine code when the error has one (a PostgreSQL SQLSTATE, a Node.js system error code). */
  code?: string;
  message: string;
  cause?: ErrorDescription;
}

/**
 * Values that error messages quote: the data of a failed statement (drizzle's "Failed query: … params: …"),
 * PostgreSQL's `Key (column)=(value)` and `…: "value"` endings, long digit runs (a BSN, a phone number) and e-mail
 * addresses. The log keeps the kind of failure and the names of tables and columns.
 */
function redactValues(message: string): string {
  if (message.startsWith('Failed query:')) return 'Failed query (statement and parameters not logged).';
  return message
    .replace(/=\([^)]*\)/g, '=([value])')
    .replace(/: ".*"(?=\.?$)/s, ': "[value]"')
    .replace(/[^\s@"]+@[^\s@"]+\.[^\s@"]+/g, '[email]')
    .replace(/\d{6,}/g, '[number]')
    .slice(0, 500);
}

const CODE_RE = /^[0-9A-Z_]{2,40}$/;

/** An Error, or an error as Apollo Gateway passes on a subgraph's (a plain object with a message). */
function errorLike(value: unknown): { name?: unknown; message: string; code?: unknown; cause?: unknown } | undefined {
  if (value instanceof Error) return value;
  if (typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string') {
    return value as { message: string };
  }
  return undefined;
}

export function describeError(value: unknown, depth = 0): ErrorDescription {
  const error = errorLike(value);
  if (!error) return { type: typeof value, message: 'A value that is not an Error was thrown.' };
  const { code } = error;
  const cause = error.cause !== undefined && depth < 3 ? describeError(error.cause, depth + 1) : undefined;
  return {
    type: typeof error.name === 'string' ? error.name : 'Error',
    ...(typeof code === 'string' && CODE_RE.test(code) ? { code } : {}),
    message: redactValues(error.message),
    ...(cause ? { cause } : {}),
  };
}

/** The request an operation belongs to, for the log line of an unexpected error. */
export interface ErrorScope {
  meta: RequestMeta;
  logger: Logger;
}

/**
 * Unexpected errors (see `isInternalError`) are logged with their cause under the request id, and the answer's
 * INTERNAL_SERVER_ERROR errors carry that request id (`extensions.requestId`), so a caller can quote it and an
 * operator can find the cause. `formatHubError` has already replaced their message by a generic one.
 */
export function internalErrorPlugin<TContext extends BaseContext>(scopeOf: (context: TContext) => ErrorScope | undefined): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const scope = scopeOf(contextValue);
          if (!scope) return;
          for (const error of errors) {
            if (!isInternalError(error.extensions?.code)) continue;
            scope.logger.error(
              { reqId: scope.meta.requestId, traceId: scope.meta.traceId, path: error.path, err: describeError(error.originalError ?? error) },
              'operation failed',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          const scope = scopeOf(contextValue);
          if (!scope || response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const { requestId } = scope.meta;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...error, extensions: { ...error.extensions, requestId } } : error,
          );
        },
      };
    },
  };
}
