import { createHash } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { bearerToken, type TokenVerifier } from '@hub/identity';
import { executeGraphQL, readBody } from '@hub/service-kit';
import type { GatewayContext } from './context.ts';
import type { RouteHandler } from './exchange.ts';
import { rateLimitKey, type RateLimiter } from './rate-limit.ts';
import type { DocumentCaller, DocumentGate } from './trusted-documents.ts';

/**
 * `/graphql`: the token is verified here, before any subgraph is called (a bad token never fans out into the
 * graph), then the request is rate limited per organisation (anonymous callers per client address), its body read
 * within the size limit, its document checked against the trusted documents (trusted-documents.ts), and the
 * operation run by Apollo Server.
 */
export function graphqlRoute(options: {
  apollo: ApolloServer<GatewayContext>;
  verifyToken: TokenVerifier;
  rateLimiter: RateLimiter;
  maxRequestBodyBytes: number;
  admitDocument: DocumentGate;
}): RouteHandler {
  const { apollo, verifyToken, rateLimiter, maxRequestBodyBytes, admitDocument } = options;
  return async ({ req, res, meta, forwarded, report }) => {
    const context: GatewayContext = { authorization: undefined, cacheSession: undefined, meta, report };
    let caller: DocumentCaller = { kind: 'anonymous' };
    const token = bearerToken(req.headers.authorization);
    if (token) {
      const principal = await verifyToken(token);
      context.authorization = `Bearer ${token}`;
      // A client has no organisation: their answers are kept per person reached (a representative with machtigingen
      // for two clients signs in with one subject) and their requests limited per address.
      const organizationId = principal.kind === 'user' ? principal.organizationId : undefined;
      context.cacheSession =
        principal.kind === 'user'
          ? `${principal.organizationId}/${principal.subject}`
          : `client/${principal.subject}/${createHash('sha256').update(principal.clientBsn).digest('base64url')}`;
      await rateLimiter.take(rateLimitKey(organizationId, forwarded.clientAddress));
      caller = { kind: 'signed-in', organizationId };
    } else {
      await rateLimiter.take(rateLimitKey(undefined, forwarded.clientAddress));
    }
    const body = req.method === 'POST' ? await readBody(req, maxRequestBodyBytes) : '';
    return executeGraphQL(
      apollo,
      req,
      res,
      body,
      async () => context,
      (request) => admitDocument(request, caller),
    );
  };
}
