import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { loadDemoData } from './demo-data.ts';
import { createNotificationRelay } from './notification-events.ts';
import { gapEventRoutes } from './gap-events.ts';
import { createPeerClient } from './peers.ts';
import { loadReferenceData } from './reference-data.ts';
import { resolvers } from './resolvers/index.ts';
import { signalsRetention } from './retention.ts';

/**
 * Signals and the regional overlegtafels; the referrals outbox delivers gap events on /internal/gap-events, and this
 * subgraph's outbox delivers notification events to the notifications subgraph.
 */
export const signalsModule = defineSubgraph({
  name: 'signals',
  // Every status change of a knelpunt: read and appended, never changed.
  appendOnlyTables: ['knelpunt_transition'],
  retention: signalsRetention,
  folder: new URL('../', import.meta.url),
  resolvers,
  async seed(database, options) {
    await loadReferenceData(database.db);
    if (options.demo) await loadDemoData(database.db, options.scale);
  },
  setup: (deps) => {
    const peers = createPeerClient(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs);
    return {
      context: (base) => createContext(base, peers, deps.config.signals),
      internalRoutes: gapEventRoutes(deps.database.db, deps.config.maxRequestBodyBytes, deps.config.signals),
      // Delivers the notification events of the outbox (feedback for reporters) to the notifications subgraph.
      background: createNotificationRelay({
        db: deps.database.db,
        settings: deps.config.outbox,
        peerUrls: deps.peerUrls,
        internalSecret: deps.internalSecret,
        timeoutMs: deps.config.subgraphTimeoutMs,
        logger: deps.logger.child({ component: 'outbox-relay' }),
      }),
    };
  },
});
