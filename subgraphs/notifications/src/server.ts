import { defineSubgraph } from '@hub/service-kit';
import { createContext } from './context.ts';
import { notificationEventRoutes } from './intake.ts';
import { createMailWorker } from './mail-worker.ts';
import { createRecipientRegistry } from './recipients.ts';
import { resolvers } from './resolvers/index.ts';

/**
 * Notifications: producers deliver events on /internal/notification-events; people read them here and by e-mail. The
 * e-mail worker is built with the server, not at import, and runs only while the server listens.
 */
export const notificationsModule = defineSubgraph({
  name: 'notifications',
  folder: new URL('../', import.meta.url),
  resolvers,
  setup(deps) {
    const registry = createRecipientRegistry();
    const mail = createMailWorker({ db: deps.database.db, settings: deps.config.notifications, logger: deps.logger.child({ component: 'mail' }) });
    return {
      context: (base) => createContext(base, registry),
      internalRoutes: notificationEventRoutes(deps.database.db, deps.config.maxRequestBodyBytes, () => mail.kick()),
      background: mail,
    };
  },
});
