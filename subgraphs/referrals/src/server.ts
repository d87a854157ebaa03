import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { createSubgraphHost, type SubgraphDeps, type SubgraphHost } from '@hub/service-kit';
import { createContext } from './context.ts';
import { internalRoutes } from './internal-routes.ts';
import { createPeerClient } from './peers.ts';
import { createRelay, type Relay } from './relay.ts';
import { buildResolvers } from './resolvers/index.ts';

export const schemaPath = fileURLToPath(new URL('../schema.graphql', import.meta.url));

export interface ReferralsHost extends SubgraphHost {
  /** The outbox relay of this process; tests call relay.runOnce(). */
  relay: Relay;
}

/**
 * Builds the referrals subgraph; `start(port)` binds it (port 0 in tests) and starts the relay loop, `stop()` stops
 * both. The relay is created here, not at import, so nothing runs until a host is built.
 */
export async function createServer(deps: SubgraphDeps): Promise<ReferralsHost> {
  const typeDefs = parse(readFileSync(schemaPath, 'utf8'));
  const peers = createPeerClient(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs);
  const relay = createRelay({ db: deps.database.db, settings: deps.config.referrals, peers, logger: deps.logger.child({ component: 'relay' }) });
  const host = await createSubgraphHost({
    name: 'referrals',
    typeDefs,
    resolvers: buildResolvers(typeDefs),
    secret: deps.secret,
    verifyToken: deps.verifyToken,
    logger: deps.logger,
    production: deps.config.production,
    maxBodyBytes: deps.config.maxRequestBodyBytes,
    shutdownDrainMs: deps.config.shutdownDrainMs,
    ready: () => deps.database.ping(),
    createContext: (scope) => createContext(deps.database.db, deps.config, peers, relay, scope),
    internalRoutes: internalRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
    internalSecret: deps.internalSecret,
  });
  return {
    ...host,
    relay,
    async start(port, hostName) {
      const running = await host.start(port, hostName);
      relay.start();
      return running;
    },
    async stop() {
      await relay.stop();
      await host.stop();
    },
  };
}
