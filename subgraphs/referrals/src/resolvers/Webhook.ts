import { pageSize } from '../validation.ts';
import type { WebhookDeliveryResolvers, WebhookEndpointResolvers } from '../generated/resolvers-types.ts';

export const WebhookEndpoint: WebhookEndpointResolvers = {
  deliveries: async (e, args, ctx) => (await ctx.loaders.deliveriesByEndpoint.load(e.id)).slice(0, pageSize(args.first, 20, 20)),
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  attemptCount: (d) => d.attempts,
  nextAttemptAt: (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
  attempts: (d, _, ctx) => ctx.loaders.attemptsByDelivery.load(d.id),
};
