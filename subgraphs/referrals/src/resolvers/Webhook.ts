import type { Context } from '../context.ts';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../db/queries.ts';
import { pageSize } from '../validation.ts';

export const WebhookEndpoint = {
  deliveries: async (e: WebhookEndpointRow, args: { first?: number | null }, ctx: Context) =>
    (await ctx.loaders.deliveriesByEndpoint.load(e.id)).slice(0, pageSize(args.first, 20, 20)),
};

export const WebhookDelivery = {
  attemptCount: (d: WebhookDeliveryRow) => d.attempts,
  nextAttemptAt: (d: WebhookDeliveryRow) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
  attempts: (d: WebhookDeliveryRow, _: unknown, ctx: Context) => ctx.loaders.attemptsByDelivery.load(d.id),
};
