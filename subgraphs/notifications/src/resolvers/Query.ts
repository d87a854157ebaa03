import { connectionFromRows, decodeCursor, decodeTimestampCursor, encodeCursor, pageSize } from '@hub/service-kit';
import { requireBeheerder, requireRecipient } from '../access.ts';
import { countNotifications, countRecipients, findNotificationsPage, findRecipientsPage } from '../db/queries.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { lightLinkQueries } from './light-links.ts';
import { organizationDefaults, settingsOf } from '../settings.ts';

export const Query: QueryResolvers = {
  ...lightLinkQueries,
  async notifications(_parent, args, ctx) {
    const { me } = await requireRecipient(ctx);
    const first = pageSize(args.first);
    const after = args.after ? decodeTimestampCursor(args.after) : null;
    const unreadOnly = args.unreadOnly === true;
    const rows = await findNotificationsPage(ctx.db, me.id, { unreadOnly, after, limit: first + 1 });
    const counts = await countNotifications(ctx.db, me.id);
    return {
      ...connectionFromRows(rows, first, (r) => encodeCursor(r.key, r.id), after !== null),
      totalCount: unreadOnly ? counts.unread : counts.total,
      unreadCount: counts.unread,
    };
  },

  async myNotificationSettings(_parent, _args, ctx) {
    const { me } = await requireRecipient(ctx);
    return settingsOf(ctx.db, me);
  },

  async organizationNotificationSettings(_parent, _args, ctx) {
    const { me } = await requireBeheerder(ctx);
    return { organizationId: me.organizationId, defaults: await organizationDefaults(ctx.db, me.organizationId) };
  },

  async notificationRecipients(_parent, args, ctx) {
    const { me } = await requireBeheerder(ctx);
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor(args.after) : null;
    const rows = await findRecipientsPage(ctx.db, me.organizationId, after, first + 1);
    const page = connectionFromRows(rows, first, (r) => encodeCursor(r.key, r.row.id), after !== null);
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: e.node.row }));
    return { ...page, edges, nodes: edges.map((e) => e.node), totalCount: await countRecipients(ctx.db, me.organizationId) };
  },
};
