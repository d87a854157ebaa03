import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { resolvers } from './resolvers/index.ts';

/** Notifications: producers deliver events on /internal/notification-events; people read them here and by e-mail. */
export const notificationsModule = defineSubgraph({
  name: 'notifications',
  folder: new URL('../', import.meta.url),
  resolvers,
  setup: () => ({ context: createContext }),
});
