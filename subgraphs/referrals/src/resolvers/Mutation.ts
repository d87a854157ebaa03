import { randomUUID } from 'node:crypto';
import { badInput, ErrorCode, hubError, notFound } from '@hub/errors';
import type { Context } from '../context.ts';
import { requireBeheerder } from '../context.ts';
import { findDeliveryWithEndpoint, type ReferralRow } from '../db/queries.ts';
import { deactivateEndpoint, insertEndpoint, scheduleRedelivery } from '../db/writes.ts';
import * as service from '../referral-service.ts';
import { MAX_DELIVERY_ATTEMPTS } from '../relay.ts';
import { parseInput, requireUuid, WEBHOOK_URL_MESSAGES, webhookInputSchema } from '../validation.ts';
import { generateWebhookSecret } from '../webhook-signature.ts';
import { checkWebhookTarget, resolveWithSystemDns } from '../webhook-target.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';

/** Every referral mutation takes one input, validated (zod) by the referral service, and answers { referral }. */
const referralPayload =
  (change: (ctx: Context, raw: Record<string, unknown>) => Promise<ReferralRow>) =>
  async (_: unknown, args: { input: Record<string, unknown> }, ctx: Context) => ({ referral: await change(ctx, args.input) });

export const Mutation: MutationResolvers = {
  createReferral: referralPayload(service.createReferral),
  sendReferral: referralPayload(service.sendReferral),
  acceptReferral: referralPayload(service.acceptReferral),
  rejectReferral: referralPayload(service.rejectReferral),
  cancelReferral: referralPayload(service.cancelReferral),
  startReferral: referralPayload(service.startReferral),
  holdReferral: referralPayload(service.holdReferral),
  resumeReferral: referralPayload(service.resumeReferral),
  completeReferral: referralPayload(service.completeReferral),
  failReferral: referralPayload(service.failReferral),
  markReferralEnteredInError: referralPayload(service.markReferralEnteredInError),
  releaseReferral: referralPayload(service.releaseReferral),
  planJointMeeting: referralPayload(service.planJointMeeting),
  recordJointMeetingOutcome: referralPayload(service.recordJointMeetingOutcome),
  setRegiehouder: referralPayload(service.setRegiehouder),

  async registerWebhook(_, args, ctx) {
    const p = requireBeheerder(ctx);
    const settings = ctx.config.referrals;
    const rules = { allowHttp: settings.webhookAllowHttp, allowedPrivateRanges: settings.webhookAllowedPrivateRanges };
    const input = parseInput(webhookInputSchema(rules), args.input, 'input');
    // Resolved here too, so a name that points into the hub's network is refused now rather than failing later;
    // delivery checks again (see relay.ts), since DNS answers change.
    const target = await checkWebhookTarget(input.url, rules, resolveWithSystemDns, settings.webhookTimeoutMs);
    if (!target.ok) throw badInput('input.url', `Invalid input.url: ${WEBHOOK_URL_MESSAGES[target.reason]}.`);
    const secret = input.secret ?? generateWebhookSecret();
    const endpoint = await insertEndpoint(ctx.db, {
      id: randomUUID(),
      organizationId: p.organizationId,
      url: input.url,
      secret,
      description: input.description ?? null,
      createdBy: p.subject,
    });
    return { endpoint, secret };
  },

  async removeWebhook(_, args, ctx) {
    const p = requireBeheerder(ctx);
    const endpointId = requireUuid(args.input.id, 'input.id');
    const removed = await deactivateEndpoint(ctx.db, endpointId, p.organizationId);
    if (!removed) throw notFound('Webhook endpoint');
    return { endpointId };
  },

  async redeliverWebhook(_, args, ctx) {
    const p = requireBeheerder(ctx);
    const found = await findDeliveryWithEndpoint(ctx.db, requireUuid(args.input.deliveryId, 'input.deliveryId'));
    if (!found || found.organizationId !== p.organizationId) throw notFound('Webhook delivery');
    if (!found.active) throw hubError(ErrorCode.INVALID_TRANSITION, 'The endpoint was removed; register it again first.');
    // Checked again in the UPDATE: a relay attempt between the read and the write cannot take it past the cap.
    const delivery = await scheduleRedelivery(ctx.db, found.delivery.id, ctx.now, MAX_DELIVERY_ATTEMPTS);
    if (!delivery) {
      throw hubError(ErrorCode.INVALID_TRANSITION, `The delivery has had its ${MAX_DELIVERY_ATTEMPTS} attempts; poll referralEvents for the event.`);
    }
    ctx.relay.kick();
    return { delivery };
  },
};
