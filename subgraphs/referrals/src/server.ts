import { defineSubgraph } from '@hub/service-kit';
import { referralsConsentGate } from './consent-gate.ts';
import { createContext } from './context.ts';
import { internalRoutes } from './internal-routes.ts';
import { createPeerClient } from './peers.ts';
import { createRelay } from './relay.ts';
import { resolvers } from './resolvers/index.ts';
import { referralsRetention } from './retention.ts';

/**
 * Referrals and warm handovers. No reference or demo data: a demo referral needs a demo client of the cases
 * subgraph. The outbox relay is built with the server, not at import, and runs only while the server listens.
 */
export const referralsModule = defineSubgraph({
  name: 'referrals',
  // The timeline is the referral's legal history (its trigger refuses changes; the runtime role gets no UPDATE or DELETE).
  appendOnlyTables: ['referral_event'],
  retention: referralsRetention,
  folder: new URL('../', import.meta.url),
  resolvers,
  consentGate: referralsConsentGate,
  setup(deps) {
    const peers = createPeerClient(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs);
    const relay = createRelay({
      db: deps.database.db,
      settings: deps.config.referrals,
      peers,
      logger: deps.logger.child({ component: 'relay' }),
      metrics: deps.metrics?.forService('referrals'),
    });
    return {
      context: (base) => createContext(base, peers, relay),
      internalRoutes: internalRoutes(deps.database.db, deps.config.maxRequestBodyBytes, { config: deps.config, relay }),
      background: relay,
    };
  },
});
