import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { loadDemoData } from './demo-data.ts';
import { gapEventRoutes } from './gap-events.ts';
import { createPeerClient } from './peers.ts';
import { loadReferenceData } from './reference-data.ts';
import { resolvers } from './resolvers/index.ts';

/** Signals and the regional overlegtafels; the referrals outbox delivers gap events on /internal/gap-events. */
export const signalsModule = defineSubgraph({
  name: 'signals',
  folder: new URL('../', import.meta.url),
  resolvers,
  async seed(database, options) {
    await loadReferenceData(database.db);
    if (options.demo) await loadDemoData(database.db, options.scale);
  },
  setup: (deps) => {
    const peers = createPeerClient(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs);
    return {
      context: (base) => createContext(base, peers),
      internalRoutes: gapEventRoutes(deps.database.db, deps.config.maxRequestBodyBytes),
    };
  },
});
