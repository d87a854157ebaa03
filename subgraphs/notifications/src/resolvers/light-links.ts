import { badInput, forbidden, hubError, ErrorCode, notFound } from '@hub/errors';
import { isUuid } from '@hub/domain';
import { hasRole } from '@hub/identity';
import { requireUser } from '@hub/service-kit';
import type { Context } from '../context.ts';
import type { MutationResolvers, QueryResolvers } from '../generated/resolvers-types.ts';
import { createCapacityLink, findUsableLink, hasAccounts, linksOfReferral, revokeLink, summaryOf, useLink, viewOf } from '../light-links/links.ts';

/**
 * Single-use links for organisations without accounts (docs/notifications.md, "Lichte deelname"). The anonymous
 * operations answer every unusable link the same way (null, or NOT_FOUND "Link not found."), whatever the reason.
 */

const linkNotFound = () => notFound('Link');

/** Tokens are 43 characters; anything far longer is refused before it is hashed, with the same answer. */
const MAX_TOKEN_LENGTH = 200;

const usableOrNull = async (ctx: Context, token: string, now: Date) => (token.length > MAX_TOKEN_LENGTH ? null : findUsableLink(ctx.db, token, now));

export const lightLinkQueries: Pick<QueryResolvers<Context>, 'lightLink' | 'lightLinks'> = {
  async lightLink(_, { token }, ctx) {
    const now = new Date();
    const link = await usableOrNull(ctx, token, now);
    if (!link) return null;
    return viewOf(link, ctx.lightLinks.peers, ctx.meta);
  },

  async lightLinks(_, { referralId }, ctx) {
    const p = requireUser(ctx);
    const referral = await ctx.lightLinks.peers.lightReferral(referralIdOrThrow(referralId), ctx.meta);
    // Only the sender sees its links; to anyone else the referral does not exist here.
    if (!referral || referral.fromOrganizationId !== p.organizationId) throw notFound('Referral');
    const now = new Date();
    return (await linksOfReferral(ctx.db, referral.referralId, p.organizationId)).map((l) => summaryOf(l, now));
  },
};

function referralIdOrThrow(id: string): string {
  if (!isUuid(id)) throw notFound('Referral');
  return id.toLowerCase();
}

export const lightLinkMutations: Pick<MutationResolvers<Context>, 'answerHandoverByLink' | 'updateCapacityByLink' | 'revokeLightLink' | 'sendCapacityLink'> = {
  async answerHandoverByLink(_, { input }, ctx) {
    if (input.accept && input.reason != null) throw badInput('input.reason', 'A reason goes with a rejection only.');
    if (!input.accept && input.reason == null) throw badInput('input.reason', 'Say why you reject the handover.');
    if (input.token.length > MAX_TOKEN_LENGTH) throw linkNotFound();
    const outcome = await useLink(ctx.db, input.token, 'ANSWER_HANDOVER', new Date(), (link) =>
      ctx.lightLinks.peers.answer(
        { linkId: link.id, referralId: link.itemId, organizationId: link.recipientOrganizationId, accept: input.accept, reason: input.reason ?? null },
        ctx.meta,
      ),
    );
    if (outcome !== 'DONE') throw linkNotFound();
    return { done: true };
  },

  async updateCapacityByLink(_, { input }, ctx) {
    const wait = input.expectedWaitDays;
    if (wait != null && (!Number.isInteger(wait) || wait < 0 || wait > 3650))
      throw badInput('input.expectedWaitDays', 'Give a waiting time of 0 to 3650 days.');
    if (input.token.length > MAX_TOKEN_LENGTH) throw linkNotFound();
    const outcome = await useLink(ctx.db, input.token, 'UPDATE_CAPACITY', new Date(), (link) =>
      ctx.lightLinks.peers.reportCapacity(
        { linkId: link.id, serviceId: link.itemId, organizationId: link.recipientOrganizationId, status: input.status, expectedWaitDays: wait ?? null },
        ctx.meta,
      ),
    );
    if (outcome !== 'DONE') throw linkNotFound();
    return { done: true };
  },

  async revokeLightLink(_, { input }, ctx) {
    const p = requireUser(ctx);
    const now = new Date();
    const result = await revokeLink(ctx.db, input.id, p.organizationId, now);
    // Another organisation's link, like an unknown id, does not exist for the caller.
    if (result === null) throw linkNotFound();
    if (result === 'USED') throw hubError(ErrorCode.INVALID_TRANSITION, 'The link was used: it can no longer be revoked.');
    return { link: summaryOf(result, now) };
  },

  async sendCapacityLink(_, { input }, ctx) {
    const p = requireUser(ctx);
    if (!hasRole(p, 'BEHEERDER') || p.organizationType !== 'GEMEENTE') {
      throw forbidden('Only a BEHEERDER of a gemeente sends capacity links.');
    }
    const [service] = await ctx.lightLinks.peers.serviceSummaries([serviceIdOrThrow(input.serviceId)], ctx.meta);
    if (!service?.exists || !service.organizationId) throw badInput('input.serviceId', 'Unknown service: choose one from the sociale kaart.');
    if (await hasAccounts(ctx.db, service.organizationId)) {
      throw badInput('input.serviceId', "The service's organisation has accounts: its people report capacity themselves.");
    }
    const [contact] = await ctx.lightLinks.peers.organizationContacts([service.organizationId], ctx.meta);
    if (!contact?.email) throw badInput('input.serviceId', "The service's organisation has no registered e-mail address in the sociale kaart.");
    const now = new Date();
    const link = await createCapacityLink(ctx.db, {
      serviceId: service.serviceId,
      recipientOrganizationId: service.organizationId,
      issuerOrganizationId: p.organizationId,
      ttlHours: ctx.lightLinks.settings.ttlHours,
      now,
    });
    return { link: summaryOf(link, now) };
  },
};

function serviceIdOrThrow(id: string): string {
  if (!isUuid(id)) throw badInput('input.serviceId', 'Unknown service: choose one from the sociale kaart.');
  return id.toLowerCase();
}
