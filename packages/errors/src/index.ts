import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * The one registry of error codes the hub returns in `extensions.code`.
 * Clients rely on these; the README lists them.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  RATE_LIMITED: 'RATE_LIMITED',
  OPERATION_TOO_COMPLEX: 'OPERATION_TOO_COMPLEX',
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const errorDescriptions: Record<ErrorCode, string> = {
  UNAUTHENTICATED: 'No valid bearer token, or the operation needs one.',
  FORBIDDEN: 'The token is valid but its organisation or role may not do this.',
  CONSENT_REQUIRED: "The client's consent does not cover this data category and purpose for your organisation.",
  BAD_USER_INPUT: 'Input failed validation; `extensions.field` names the offending field. Nothing was changed.',
  NOT_FOUND: 'No such object, or you may not know it exists.',
  CONFLICT: 'The expected version is stale: someone changed the object first. Reload and retry.',
  INVALID_TRANSITION: 'The object is not in a state that allows this change.',
  RATE_LIMITED: 'Too many requests for your organisation; retry after the indicated time.',
  OPERATION_TOO_COMPLEX:
    'The operation exceeds a gateway limit (depth, aliases, root fields, tokens or estimated cost); `extensions.limit` names it, `value` and `max` give the figures. Nothing was executed.',
  SUBGRAPH_UNAVAILABLE:
    'A part of the graph did not answer: `extensions.subgraph` names it, `extensions.reason` is TIMEOUT or UNREACHABLE. The other parts of the answer still arrive; its fields are null.',
  INTERNAL_SERVER_ERROR: 'Unexpected failure. No details are given; the request id is in the logs.',
};

const httpStatus: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  OPERATION_TOO_COMPLEX: 400,
};

export interface HubErrorOptions {
  /** The input field (dotted path) that caused a BAD_USER_INPUT. */
  field?: string;
  /** Extra, non-personal details for the client. */
  details?: Record<string, unknown>;
}

/** Builds the GraphQL error for a code from the registry. Messages must never contain personal data. */
export function hubError(code: ErrorCode, message: string, options: HubErrorOptions = {}): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: {
      code,
      ...(options.field ? { field: options.field } : {}),
      ...(options.details ?? {}),
      ...(status ? { http: { status } } : {}),
    },
  });
}

export const badInput = (field: string, message: string) => hubError(ErrorCode.BAD_USER_INPUT, message, { field });
export const forbidden = (message = 'Your organisation or role may not do this.') => hubError(ErrorCode.FORBIDDEN, message);
export const unauthenticated = (message = 'A valid bearer token is required for this operation.') =>
  hubError(ErrorCode.UNAUTHENTICATED, message);
export const notFound = (what: string) => hubError(ErrorCode.NOT_FOUND, `${what} not found.`);
export const conflict = (what: string) =>
  hubError(ErrorCode.CONFLICT, `${what} was changed by someone else (stale expectedVersion). Reload and retry.`);

/** Why a subgraph gave no answer: it took longer than SUBGRAPH_TIMEOUT_MS, or could not be reached at all. */
export type SubgraphUnavailableReason = 'TIMEOUT' | 'UNREACHABLE';

/** For the gateway: the subgraph's name only, never its address or the network error, which are internal. */
export const subgraphUnavailable = (subgraph: string, reason: SubgraphUnavailableReason) =>
  hubError(
    ErrorCode.SUBGRAPH_UNAVAILABLE,
    reason === 'TIMEOUT'
      ? `The ${subgraph} service did not answer in time; its part of the answer is missing.`
      : `The ${subgraph} service did not answer; its part of the answer is missing.`,
    { details: { subgraph, reason } },
  );

const knownCodes = new Set<string>(Object.values(ErrorCode));
/** Codes produced by graphql-js / Apollo itself for malformed requests; safe to pass through. */
const frameworkCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'DOWNSTREAM_SERVICE_ERROR',
]);

/**
 * Apollo `formatError`: keeps registry errors and request-shape errors, and replaces anything else
 * (a bug, a database error that may quote data) by a generic INTERNAL_SERVER_ERROR. Stack traces never leave.
 */
export function formatHubError(formatted: GraphQLFormattedError, _error: unknown): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (code && (knownCodes.has(code) || frameworkCodes.has(code))) {
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error.',
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
