import { pageSize } from '@hub/service-kit';
import { connectionFromKeyedRows } from '../cursor.ts';
import { decodeTimestampCursor } from '@hub/service-kit';
import type { WebhookDeliveryResolvers, WebhookEndpointResolvers } from '../generated/resolvers-types.ts';

export const WebhookEndpoint: WebhookEndpointResolvers = {
  async deliveries(e, args, ctx) {
    const first = pageSize(args.first);
    const after = args.after ? decodeTimestampCursor(args.after) : null;
    return connectionFromKeyedRows(await ctx.loaders.deliveriesByEndpoint.load({ parentId: e.id, first, after }), first, after !== null);
  },
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  attemptCount: (d) => d.attempts,
  nextAttemptAt: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
  // Complete: a delivery has at most MAX_DELIVERY_ATTEMPTS attempts (relay.ts), so the list needs no paging.
  attempts: (d, _, ctx) => ctx.loaders.attemptsByDelivery.load(d.id),
};
