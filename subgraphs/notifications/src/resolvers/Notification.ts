import type { NotificationResolvers } from '../generated/resolvers-types.ts';
import { consolePathOf } from '../paths.ts';

export const Notification: NotificationResolvers = {
  path: (n) => consolePathOf(n.itemType, n.itemId),
};
