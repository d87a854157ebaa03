import { isUuid } from '@hub/domain';
import { badInput } from '@hub/errors';
import { pageSize } from '@hub/service-kit';
import { requireBeheerder, requirePoller, requireReferralWorker } from '../context.ts';
import { connectionFromKeyedRows, decodeEventCursor, encodeEventCursor } from '../cursor.ts';
import { decodeTimestampCursor } from '@hub/service-kit';
import { amsterdamDate } from '../deadlines.ts';
import { listNotifications } from '../db/outbox.ts';
import { findEndpointsByOrganization, listReferrals } from '../db/queries.ts';
import { notificationOf, type ReferralNotificationPayload } from '../events.ts';
import { referralFiguresOf, type ReferralFiguresData } from '../figures.ts';
import { MAX_EVENTS_PAGE } from '../validation.ts';
import { loadVisible } from './Referral.ts';
import type { QueryResolvers, ReferralFiguresResolvers, ReferralNotificationResolvers } from '../generated/resolvers-types.ts';

export interface NotificationParent extends ReferralNotificationPayload {
  cursor: string;
}

export const Query: QueryResolvers = {
  referralFigures: (_, args, ctx) => referralFiguresOf(ctx, args.organizationId, args.period),

  referral: (_, args, ctx) => {
    requireReferralWorker(ctx);
    return loadVisible(ctx, args.id);
  },

  async referrals(_, args, ctx) {
    const p = requireReferralWorker(ctx);
    const f = args.filter ?? {};
    if (f.clientId && !isUuid(f.clientId)) throw badInput('filter.clientId', 'filter.clientId must be a UUID.');
    if (f.from && f.to && f.from >= f.to) throw badInput('filter.to', 'filter.to must be after filter.from.');
    const first = pageSize(args.first);
    const after = args.after ? decodeTimestampCursor(args.after) : undefined;
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
      after,
    });
    const page = connectionFromKeyedRows(rows, first, after !== undefined);
    for (const row of page.nodes) ctx.loaders.referral.prime(row.id, row);
    return page;
  },

  async referralEvents(_, args, ctx) {
    const p = requirePoller(ctx);
    const since = args.since ? decodeEventCursor(args.since) : 0;
    const first = pageSize(args.first, { fallback: 100, max: MAX_EVENTS_PAGE });
    const rows = await listNotifications(ctx.db, p.organizationId, since, first);
    const events: NotificationParent[] = rows.slice(0, first).map((r) => ({
      ...notificationOf(r.payload),
      cursor: encodeEventCursor(r.position ?? 0),
    }));
    return { events, cursor: events.at(-1)?.cursor ?? args.since ?? null, hasMore: rows.length > first };
  },

  async webhookEndpoints(_, args, ctx) {
    const p = requireBeheerder(ctx);
    const first = pageSize(args.first);
    const after = args.after ? decodeTimestampCursor(args.after) : undefined;
    return connectionFromKeyedRows(await findEndpointsByOrganization(ctx.db, p.organizationId, first + 1, after), first, after !== undefined);
  },
};

export const ReferralNotification: ReferralNotificationResolvers = {
  referral: (n, _, ctx) => loadVisible(ctx, n.referralId),
};

export const ReferralFigures: ReferralFiguresResolvers = {
  organization: (f: ReferralFiguresData) => ({ id: f.organizationId }),
};
