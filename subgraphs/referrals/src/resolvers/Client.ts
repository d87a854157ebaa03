import { isUuid } from '@hub/domain';
import { requireReferralWorker } from '../context.ts';
import { MAX_PAGE_SIZE, pageSize } from '../validation.ts';
import { visibleTo } from './Referral.ts';
import type { ClientResolvers } from '../generated/resolvers-types.ts';

/** The cases subgraph owns the client; this subgraph adds the client's handovers to it. */
export const Client: ClientResolvers = {
  /**
   * Refused like referrals(box:) (no token, or a role that does not work on referrals). The query already keeps
   * the rows the caller's organisation is a party to; visibleTo is still the last word, as on every other read.
   */
  async referrals(client, args, ctx) {
    requireReferralWorker(ctx);
    const first = pageSize(args.first, 20, MAX_PAGE_SIZE);
    if (!isUuid(client.id)) return [];
    const rows = await ctx.loaders.referralsByClient.load({ clientId: client.id.toLowerCase(), first });
    const visible = rows.filter((r) => visibleTo(ctx, r) !== null);
    for (const r of visible) ctx.loaders.referral.prime(r.id, r);
    return visible;
  },
};
