import type { ApolloServerPlugin } from '@apollo/server';
import { DIRECTORY_CHANGED_HEADER } from '@hub/service-kit';
import type { Context } from './context.ts';
import { maySeeConfidential } from './context.ts';

/**
 * Cache hints for the sociale kaart's answers. Every query of this subgraph reads public directory data (no personal
 * data lives here), and its answer depends on the caller in one way only: signed-in professionals also see
 * confidential locations (shelters). So a query answered without errors is `public` for an anonymous caller and
 * `private` (never to be shared with another user or an anonymous caller) for a signed-in one, for `maxAgeSeconds`.
 * A mutation is never cacheable and marks the directory as changed, so the gateway can drop what it cached.
 * Apollo Gateway reads the Cache-Control header of each subgraph answer and restricts the operation's policy with it;
 * the other subgraphs send none, so any operation that touches them is not cacheable.
 */
export function directoryCacheHints(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response, overallCachePolicy }) {
          if (!operation) return;
          if (operation.operation === 'mutation') {
            response.http.headers.set(DIRECTORY_CHANGED_HEADER, '1');
            return;
          }
          if (operation.operation !== 'query' || maxAgeSeconds <= 0) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          // Replaces the field-level policy; Apollo's cache-control plugin (installed after this one) turns it into the
          // Cache-Control header, e.g. `max-age=30, public`.
          overallCachePolicy.replace({ maxAge: maxAgeSeconds, scope: maySeeConfidential(contextValue) ? 'PRIVATE' : 'PUBLIC' });
        },
      };
    },
  };
}
