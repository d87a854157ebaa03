import { isUuid } from '@hub/domain';
import { pageSize } from '@hub/service-kit';
import { requireReferralWorker } from '../context.ts';
import { connectionFromKeyedRows } from '../cursor.ts';
import { decodeTimestampCursor } from '@hub/service-kit';
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
    const first = pageSize(args.first);
    const after = args.after ? decodeTimestampCursor(args.after) : null;
    const rows = isUuid(client.id) ? await ctx.loaders.referralsByClient.load({ parentId: client.id.toLowerCase(), first, after }) : [];
    const page = connectionFromKeyedRows(
      rows.filter((r) => visibleTo(ctx, r.row) !== null),
      first,
      after !== null,
    );
    for (const r of page.nodes) ctx.loaders.referral.prime(r.id, r);
    return page;
  },
};
