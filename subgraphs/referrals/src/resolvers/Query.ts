import { isUuid } from '@hub/domain';
import { badInput } from '@hub/errors';
import { requireBeheerder, requirePoller, requireReferralWorker } from '../context.ts';
import { decodeEventCursor, decodeListCursor, encodeEventCursor, encodeListCursor } from '../cursor.ts';
import { amsterdamDate } from '../deadlines.ts';
import { listNotifications } from '../db/outbox.ts';
import { findEndpointsByOrganization, listReferrals } from '../db/queries.ts';
import { notificationOf, type ReferralNotificationPayload } from '../events.ts';
import { MAX_EVENTS_PAGE, MAX_PAGE_SIZE, pageSize } from '../validation.ts';
import { loadVisible } from './Referral.ts';
import type { QueryResolvers, ReferralNotificationResolvers } from '../generated/resolvers-types.ts';

export interface NotificationParent extends ReferralNotificationPayload {
  cursor: string;
}

export const Query: QueryResolvers = {
  referral: (_, args, ctx) => {
    requireReferralWorker(ctx);
    return loadVisible(ctx, args.id);
  },

  async referrals(_, args, ctx) {
    const p = requireReferralWorker(ctx);
    const f = args.filter ?? {};
    if (f.clientId && !isUuid(f.clientId)) throw badInput('filter.clientId', 'filter.clientId must be a UUID.');
    if (f.from && f.to && f.from >= f.to) throw badInput('filter.to', 'filter.to must be after filter.from.');
    const first = pageSize(args.first, 20, MAX_PAGE_SIZE);
    const sort = args.sort ?? { field: 'SENT_AT', direction: 'DESC' };
    const rows = await listReferrals(ctx.db, {
      box: args.box,
      organizationId: p.organizationId,
      statuses: f.statuses ?? undefined,
      kinds: f.kinds ?? undefined,
      overdue: f.overdue ?? undefined,
      today: amsterdamDate(ctx.now),
      clientId: f.clientId?.toLowerCase(),
      from: f.from ?? undefined,
      to: f.to ?? undefined,
      sort: sort.field ?? 'SENT_AT',
      descending: (sort.direction ?? 'DESC') === 'DESC',
      first,
      after: args.after ? decodeListCursor(args.after) : undefined,
    });
    const page = rows.slice(0, first);
    for (const { row } of page) ctx.loaders.referral.prime(row.id, row);
    const edges = page.map(({ row, sortKey }) => ({ cursor: encodeListCursor(sortKey, row.id), node: row }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > first,
        hasPreviousPage: Boolean(args.after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  },

  async referralEvents(_, args, ctx) {
    const p = requirePoller(ctx);
    const since = args.since ? decodeEventCursor(args.since) : 0;
    const first = pageSize(args.first, 100, MAX_EVENTS_PAGE);
    const rows = await listNotifications(ctx.db, p.organizationId, since, first);
    const events: NotificationParent[] = rows.slice(0, first).map((r) => ({
      ...notificationOf(r.payload),
      cursor: encodeEventCursor(r.position ?? 0),
    }));
    return { events, cursor: events.at(-1)?.cursor ?? args.since ?? null, hasMore: rows.length > first };
  },

  webhookEndpoints(_, __, ctx) {
    const p = requireBeheerder(ctx);
    return findEndpointsByOrganization(ctx.db, p.organizationId);
  },
};

export const ReferralNotification: ReferralNotificationResolvers = {
  referral: (n, _, ctx) => loadVisible(ctx, n.referralId),
};
