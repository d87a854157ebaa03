import type { ApolloServerPlugin } from '@apollo/server';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import type { HubConfig } from '@hub/config';
import { internalErrorPlugin, OPERATION_NAME_PATTERN, type Logger } from '@hub/service-kit';
import type { GatewayContext } from './context.ts';
import { operationLimitsPlugin } from './limits.ts';

/** Only a name of the shape OPERATION_NAME_PATTERN allows is logged; anything else as a marker. */
const UNLOGGED_OPERATION_NAME = '[not logged]';

function loggableOperationName(name: string | null | undefined): string | undefined {
  if (name === undefined || name === null) return undefined;
  return OPERATION_NAME_PATTERN.test(name) ? name : UNLOGGED_OPERATION_NAME;
}

/** Fills in the request's report (operation name, cache hit) and refuses an operationName that names no operation. */
const operationNamePlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart(requestContext) {
    requestContext.contextValue.report.operationName = loggableOperationName(requestContext.request.operationName);
    return {
      async didResolveOperation(resolved) {
        // Apollo Server leaves this to the executor, and Apollo Gateway's answer has no code (it became a 500).
        if (!resolved.operation) {
          throw new GraphQLError('The document has no operation of the given operationName.', {
            extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
          });
        }
        if (resolved.operationName) resolved.contextValue.report.operationName = loggableOperationName(resolved.operationName);
      },
      async willSendResponse({ contextValue, metrics }) {
        contextValue.report.cacheHit = metrics.responseCacheHit;
      },
    };
  },
};

/**
 * The gateway's Apollo Server plugins, in order: no landing page (GraphiQL is the gateway's own route), the request report,
 * internal-error logging, the operation limits (before any query plan), and the response cache for answers whose
 * every subgraph answer carried a cache hint (private ones kept per user, public ones shared by anonymous callers).
 */
export function gatewayPlugins(config: HubConfig, logger: Logger, responseCache: KeyValueCache<string>): ApolloServerPlugin<GatewayContext>[] {
  return [
    // Apollo's sandbox loads from a CDN; developers get GraphiQL from the hub itself instead (graphiql.ts).
    ApolloServerPluginLandingPageDisabled(),
    operationNamePlugin,
    internalErrorPlugin<GatewayContext>((context) => ({ meta: context.meta, logger })),
    operationLimitsPlugin(config.operationLimits),
    ...(config.directoryCacheSeconds > 0
      ? [responseCachePlugin<GatewayContext>({ cache: responseCache, sessionId: async ({ contextValue }) => contextValue.cacheSession ?? null })]
      : []),
  ];
}
