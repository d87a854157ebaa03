import { GraphQLError, Kind, print, type GraphQLFormattedError, type VariableDefinitionNode } from 'graphql';

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
  CONSENT_REQUIRED:
    "The client's consent does not cover this data category and purpose for your organisation; `extensions.category`, `purpose` and `reason` say which and why. A refused field is null; a refused change changes nothing.",
  BAD_USER_INPUT: 'Input failed validation; `extensions.field` names the offending field. Nothing was changed.',
  NOT_FOUND: 'No such object, or you may not know it exists.',
  CONFLICT: 'The expected version is stale: someone changed the object first. Reload and retry.',
  INVALID_TRANSITION: 'The object is not in a state that allows this change.',
  RATE_LIMITED: 'Too many requests for your organisation; retry after the indicated time.',
  OPERATION_TOO_COMPLEX:
    'The operation exceeds a gateway limit (depth, aliases, root fields, tokens or estimated cost); `extensions.limit` names it, `value` and `max` give the figures. Nothing was executed.',
  SUBGRAPH_UNAVAILABLE:
    'A part of the graph did not answer: `extensions.subgraph` names it, `extensions.reason` is TIMEOUT or UNREACHABLE. The other parts of the answer still arrive; its fields are null.',
  INTERNAL_SERVER_ERROR: 'Unexpected failure. No details are given; `extensions.requestId` is the request id under which the cause is logged.',
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

/**
 * A gated field (or a change) the client's consent does not cover. One shape everywhere: `extensions` carry `code`,
 * `category` (the data category asked for), `purpose` (the purpose of the read) and `reason` (why the consent does not
 * count: NO_CONSENT, EXPIRED, REVOKED, OTHER_PURPOSE, ...). Codes only: the message names no client.
 */
export const consentRequired = (category: string, purpose: string, reason: string) =>
  hubError(ErrorCode.CONSENT_REQUIRED, `The client's consent does not cover ${category} for ${purpose} for your organisation.`, {
    details: { category, purpose, reason },
  });

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
/**
 * Codes produced by graphql-js / Apollo itself for malformed requests; safe to pass through. Not
 * DOWNSTREAM_SERVICE_ERROR: Apollo Gateway gives it to a subgraph error without a code, with the subgraph's message.
 */
const frameworkCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error.';

/**
 * Whether an error with this `extensions.code` is an unexpected failure whose message must not reach the client:
 * no code, a code outside the registry and the framework's request-shape codes, or INTERNAL_SERVER_ERROR itself
 * (which Apollo Server gives to every error thrown without a code: a database error, a bug).
 */
export function isInternalError(code: unknown): boolean {
  return typeof code !== 'string' || code === ErrorCode.INTERNAL_SERVER_ERROR || !(knownCodes.has(code) || frameworkCodes.has(code));
}

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
const VARIABLE_VALUE_RE = new RegExp(`^Variable "\\$(${NAME})" got invalid value `);
const LITERAL_VALUE_RE = /^Expected value of type "([^"]+)", found /;
/** A literal's own scalar or enum error, which graphql-js reports as it is: `String cannot represent a non string value: 123456782`. */
const SCALAR_VALUE_RE = new RegExp(`^(${NAME}) cannot represent `);
const ENUM_VALUE_RE = new RegExp(`^Value ".*" does not exist in "(${NAME})" enum\\.`, 's');
const UNKNOWN_OPERATION_RE = /^Unknown operation named "/;

/**
 * The variable definition a coercion error points at (graphql-js puts it in `nodes`), to name its declared type.
 * Read by shape: Apollo Gateway loads graphql-js as CommonJS, so its errors are not instances of this GraphQLError.
 */
function declaredType(error: unknown): string | undefined {
  const nodes: unknown = typeof error === 'object' && error !== null && 'nodes' in error ? error.nodes : undefined;
  const node: unknown = Array.isArray(nodes) ? nodes[0] : undefined;
  if (typeof node !== 'object' || node === null || !('kind' in node) || node.kind !== Kind.VARIABLE_DEFINITION || !('type' in node)) return undefined;
  return print((node as VariableDefinitionNode).type);
}

/**
 * graphql-js repeats the offending value in coercion errors (`Variable "$bsn" got invalid value 123456782; …`,
 * `Expected value of type "String!", found 123456782; …`), and that value may be a BSN or a name. The message is
 * rewritten to name the variable, the path within it and the expected type only. The path is taken from the
 * message only when it appears exactly once, so a value that imitates one cannot put words in it.
 */
function withoutInputValues(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const variable = VARIABLE_VALUE_RE.exec(formatted.message);
  if (variable?.[1]) {
    const name = variable[1];
    const paths = [...formatted.message.matchAll(new RegExp(` at "(${name}(?:\\.${NAME}|\\[\\d+\\])+)"; `, 'g'))].map((m) => m[1]);
    const path = paths.length === 1 ? paths[0] : undefined;
    const type = declaredType(error);
    const message = `Variable "$${name}" got an invalid value${path ? ` at "${path}"` : ''}${type ? `; expected type "${type}"` : ''}.`;
    return { ...formatted, message, extensions: { ...formatted.extensions, field: path ?? name } };
  }
  const literal = LITERAL_VALUE_RE.exec(formatted.message);
  if (literal?.[1]) return { ...formatted, message: `Expected value of type "${literal[1]}"; the value given does not match it.` };
  const scalar = SCALAR_VALUE_RE.exec(formatted.message);
  if (scalar?.[1]) return { ...formatted, message: `${scalar[1]} cannot represent the value given.` };
  const enumValue = ENUM_VALUE_RE.exec(formatted.message);
  if (enumValue?.[1]) return { ...formatted, message: `The value given does not exist in "${enumValue[1]}" enum.` };
  if (UNKNOWN_OPERATION_RE.test(formatted.message)) return { ...formatted, message: 'The document has no operation of the given operationName.' };
  return formatted;
}

/**
 * Apollo `formatError`: keeps registry errors and request-shape errors (without the input values graphql-js
 * quotes in them), and replaces anything else (a bug, a database error that may quote data) by a generic
 * INTERNAL_SERVER_ERROR; the server adds the request id and logs the cause. Stack traces never leave.
 */
export function formatHubError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, exception: _exception, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (!isInternalError(extensions.code)) return withoutInputValues({ ...formatted, extensions }, error);
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.path ? { path: formatted.path } : {}),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
