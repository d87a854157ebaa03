import type { IncomingMessage } from 'node:http';
import { headerValue } from '@hub/service-kit';

/**
 * Where GraphiQL lives (graphiql.ts serves it outside production). Apart from the page itself, so the router, which
 * the peer engine loads too (policies.ts), needs nothing of the console's modules.
 */
export const GRAPHIQL_PATH = '/graphiql';

/** Whether a GET of /graphql is a browser asking for a page rather than a client sending an operation. */
export function wantsGraphiql(req: IncomingMessage, url: URL): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    /\btext\/html\b/.test(headerValue(req, 'accept') ?? '') &&
    !['query', 'documentId', 'extensions'].some((name) => url.searchParams.has(name))
  );
}
