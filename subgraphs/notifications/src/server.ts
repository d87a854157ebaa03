import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { notificationEventRoutes } from './intake.ts';
import type { LightLinkDeps } from './light-links/deps.ts';
import { createLightLinkPeers } from './light-links/peers.ts';
import { createMailWorker } from './mail-worker.ts';
import { createRecipientRegistry } from './recipients.ts';
import { resolvers } from './resolvers/index.ts';
import { notificationsRetention } from './retention.ts';

/**
 * Notifications: producers deliver events on /internal/notification-events; people read them here and by e-mail. The
 * e-mail worker is built with the server, not at import, and runs only while the server listens.
 */
export const notificationsModule = defineSubgraph({
  name: 'notifications',
  retention: notificationsRetention,
  folder: new URL('../', import.meta.url),
  resolvers,
  setup(deps) {
    const registry = createRecipientRegistry();
    const lightLinks: LightLinkDeps = {
      settings: deps.config.lightLinks,
      peers: createLightLinkPeers(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs),
    };
    const mail = createMailWorker({
      db: deps.database.db,
      settings: deps.config.notifications,
      lightLinks,
      logger: deps.logger.child({ component: 'mail' }),
      metrics: deps.metrics?.forService('notifications'),
    });
    return {
      context: (base) => createContext(base, registry, lightLinks),
      internalRoutes: notificationEventRoutes(deps.database.db, deps.config.maxRequestBodyBytes, deps.config.lightLinks.ttlHours, () => mail.kick()),
      background: mail,
    };
  },
});
