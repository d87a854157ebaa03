import { describeError, type DutchError, type HubError } from '../errors.ts';
import { currentToken, expireSession } from '../auth/session.ts';
import type { TypedDocumentString } from '../generated/graphql.ts';

/**
 * The console's one way to the API: POST /graphql on its own origin with the operation's id (its hash in the
 * trusted-documents manifest that codegen writes), its name and the variables, and the bearer token held in memory.
 * The development server sends the text instead, so an operation edited since the hub started still runs there. The gateway itself tells the subgraphs which operation a request
 * is (x-hub-operation-name, from `operationName`), for their access-log lines. Errors come back by their
 * `extensions.code`, never by their English message.
 */

export interface HubResult<TData> {
  /** The data, also when some fields were refused (then null, with an error on their path). */
  data: TData | null;
  errors: Array<HubError & { path: ReadonlyArray<string | number> | undefined }>;
}

/** A request that gave no usable data at all; `dutch` says in Dutch what happened and what to do. */
export class HubRequestError extends Error {
  override name = 'HubRequestError';
  readonly dutch: DutchError;
  readonly errors: HubError[];
  constructor(errors: HubError[]) {
    const first = errors[0] ?? { code: 'INTERNAL_SERVER_ERROR', extensions: {} };
    super(first.code);
    this.errors = errors;
    this.dutch = describeError(first);
  }
}

interface WireError {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; [key: string]: unknown };
}

const OPERATION_NAME = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

/** The name of the (first) operation of a document: the gateway logs it and the access log records it. */
export function operationNameOf(document: string): string | undefined {
  return OPERATION_NAME.exec(document)?.[1];
}

function toHubErrors(raw: unknown, retryAfter: string | null): Array<HubError & { path: ReadonlyArray<string | number> | undefined }> {
  if (!Array.isArray(raw)) return [];
  return raw.map((e: WireError) => {
    const { code, ...rest } = e.extensions ?? {};
    const extensions: Record<string, unknown> = { ...rest };
    if (retryAfter && Number.isFinite(Number(retryAfter))) extensions.retryAfterSeconds = Number(retryAfter);
    const path = Array.isArray(e.path) ? (e.path as Array<string | number>) : undefined;
    return { code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', extensions, path };
  });
}

export interface ExecuteOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Runs one operation. Resolves with the data and any field errors; rejects with a {@link HubRequestError} when there
 * is no data at all (a refused token, a bad request, the hub unreachable), and with an AbortError when aborted.
 */
export async function execute<TData, TVariables>(
  document: TypedDocumentString<TData, TVariables>,
  variables: TVariables,
  options: ExecuteOptions = {},
): Promise<HubResult<TData>> {
  const query = document.toString();
  const token = currentToken();
  const documentId: unknown = document.__meta__?.hash;
  const sent = !import.meta.env.DEV && typeof documentId === 'string' ? { documentId } : { query };
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ ...sent, operationName: operationNameOf(query), variables }),
      signal: options.signal ?? null,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HubRequestError([{ code: 'NETWORK', extensions: {} }]);
  }
  let body: { data?: TData | null; errors?: unknown };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new HubRequestError([{ code: response.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR', extensions: {} }]);
  }
  const errors = toHubErrors(body.errors, response.headers.get('retry-after'));
  // A token the hub no longer accepts (expired, or the issuer's key changed): the session is over.
  if (token && errors.some((e) => e.code === 'UNAUTHENTICATED')) expireSession();
  if (body.data === undefined || body.data === null) {
    throw new HubRequestError(errors.length > 0 ? errors : [{ code: 'INTERNAL_SERVER_ERROR', extensions: {} }]);
  }
  return { data: body.data, errors };
}
