import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { installLightLinkDeps, type LightLinkDeps } from './light-links/deps.ts';
import { createLightLinkPeers } from './light-links/peers.ts';
import { resolvers } from './resolvers/index.ts';

/** Notifications: producers deliver events on /internal/notification-events; people read them here and by e-mail. */
export const notificationsModule = defineSubgraph({
  name: 'notifications',
  folder: new URL('../', import.meta.url),
  resolvers,
  setup: (deps) => {
    const lightLinks: LightLinkDeps = {
      settings: deps.config.lightLinks,
      peers: createLightLinkPeers(deps.peerUrls, deps.internalSecret, deps.config.subgraphTimeoutMs),
    };
    installLightLinkDeps(lightLinks);
    return { context: (base) => createContext(base, lightLinks) };
  },
});
